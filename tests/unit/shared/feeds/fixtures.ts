/**
 * Reads the feed fixtures (tests/fixtures/feeds, written for these tests) as bytes or UTF-8
 * text, so every test names the file it is about and nothing re-encodes it on the way.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const DIR = path.resolve(import.meta.dirname, '../../../fixtures/feeds');

/** The fixture's bytes, exactly as committed. */
export const fixtureBytes = (name: string): Uint8Array => new Uint8Array(readFileSync(path.join(DIR, name)));

/** The fixture as UTF-8 text (for the files that are UTF-8). */
export const fixtureText = (name: string): string => readFileSync(path.join(DIR, name), 'utf8');
