/** The browser `npm start` opens. */
export type StartTarget = 'chromium' | 'firefox';
/** What `npm start -- …` asked for. */
export interface StartOptions {
  target: StartTarget;
  build: boolean;
  exitWhenShown: boolean;
}
/** The add-on id in the Firefox build's manifest. */
export const GECKO_ID: string;
/** The moz-extension host pinned for `npm start -- firefox`. */
export const FIREFOX_UUID: string;
/** Reads `npm start -- [chromium|firefox] [--no-build] [--exit-when-shown]`. */
export function parseStartArgs(
  argv: readonly string[],
): { ok: true; value: StartOptions } | { ok: false; error: string };
/** Chromium's command line; `--no-sandbox` only as root. */
export function chromiumArgs(options: { extensionDir: string; isRoot: boolean }): string[];
/** `web-ext run`'s arguments. */
export function webExtRunArgs(options: { sourceDir: string; firefox: string }): string[];
/** The library page at the pinned host. */
export function firefoxLibraryUrl(): string;
/** One sentence for a browser that would not start. */
export function launchFailureSentence(options: { browser: StartTarget; executable: string; error: unknown }): string;
