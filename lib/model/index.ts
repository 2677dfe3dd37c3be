/**
 * The domain: what Glossa's data is and the rules that define it, for every context. Depends on
 * nothing (Biome enforces it), so storage, sync, parsers and UI can all depend on it.
 * - `types`: articles, highlights, selectors, colours, stamps (the persistent shapes);
 * - `records`: making and changing highlight records;
 * - `hlc`: the hybrid logical clock that stamps every write;
 * - `merge`: how two replicas of a record merge, field by field;
 * - `search`: what a search hit is; `result`: success or failure as a value;
 * - `feeds`: parsed feeds, their entries and subscriptions.
 * - `images`: an article's saved images (stored once by content hash, a map per article).
 */
export * from './feeds';
export * from './hlc';
export * from './images';
export * from './merge';
export * from './records';
export * from './result';
export * from './search';
export * from './types';
