/** A `width` × `height` PNG filled with one RGB colour. */
export function solidPng(width: number, height: number, rgb: [number, number, number]): Buffer;
/** A square PNG of random pixels of about `bytes` bytes. */
export function noisePng(bytes: number): Buffer;
