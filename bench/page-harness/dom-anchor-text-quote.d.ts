/**
 * Types for `dom-anchor-text-quote` (a benchmark peer; it ships none). Only what the anchor
 * bench calls. Its offsets, like its hint, count characters of the root's raw `textContent`.
 */
declare module 'dom-anchor-text-quote' {
  export interface TextQuote {
    exact: string;
    prefix?: string;
    suffix?: string;
  }
  export function toRange(root: Node, selector: TextQuote, options?: { hint?: number }): Range | null;
}
