/**
 * The highlight merge, property-tested over random histories (many seeds): commutative,
 * associative, idempotent; replicas merged in any order converge; and the result holds, for
 * every field, the value of the write with the newest stamp — no acknowledged edit is lost.
 */
import { describe, expect, it } from 'vitest';
import {
  type ArticleSource,
  createClock,
  format,
  HIGHLIGHT_COLORS,
  type Hlc,
  mergeArticle,
  mergeHighlight,
  mergeSubscription,
  parse,
  plausible,
  type ReplicatedArticle,
  type ReplicatedHighlight,
  type ReplicatedSubscription,
  receive,
  tick,
} from '../../../lib/model';
import { rng } from '../../support/text-edits';

type Field = 'color' | 'note' | 'selectors' | 'deleted';
const FIELDS: Field[] = ['color', 'note', 'selectors', 'deleted'];

function base(node: string): ReplicatedHighlight {
  const stamp = format(createClock(node, 1_000));
  return {
    id: 'h1',
    articleId: 'a1',
    kind: 'highlight',
    createdAt: 1_000,
    updatedAt: 1_000,
    color: { value: 'yellow', stamp },
    note: { value: '', stamp },
    selectors: { value: [{ type: 'TextQuoteSelector', exact: '乌克兰', prefix: '', suffix: '' }], stamp },
    deleted: { value: false, stamp },
  };
}

/** Three devices editing and syncing at random; answers their replicas and every write made. */
function history(seed: number) {
  const random = rng(seed);
  const nodes = ['a', 'b', 'c'];
  const clocks: Hlc[] = nodes.map((n) => createClock(n, 1_000));
  const replicas: ReplicatedHighlight[] = nodes.map(() => base('a'));
  const writes: { field: Field; value: unknown; stamp: string }[] = [];
  let now = 1_000;
  for (let step = 0; step < 30; step++) {
    // Clocks skew: each device's wall time wanders ±50 ms around "now".
    now += Math.floor(random() * 20);
    const d = Math.floor(random() * nodes.length);
    const skewed = now + Math.floor(random() * 100) - 50;
    if (random() < 0.7) {
      const field = FIELDS[Math.floor(random() * FIELDS.length)] as Field;
      const { clock, stamp } = tick(clocks[d] as Hlc, skewed);
      clocks[d] = clock;
      const value =
        field === 'color'
          ? HIGHLIGHT_COLORS[Math.floor(random() * HIGHLIGHT_COLORS.length)]
          : field === 'note'
            ? `note ${step}`
            : field === 'deleted'
              ? random() < 0.5
              : [{ type: 'TextQuoteSelector', exact: `q${step}`, prefix: '', suffix: '' }];
      replicas[d] = { ...(replicas[d] as ReplicatedHighlight), [field]: { value, stamp } };
      writes.push({ field, value, stamp });
    } else {
      // d pulls from another device: merge, and its clock learns the newest stamp seen.
      const from = Math.floor(random() * nodes.length);
      const merged = mergeHighlight(replicas[d] as ReplicatedHighlight, replicas[from] as ReplicatedHighlight);
      replicas[d] = merged;
      for (const f of FIELDS) clocks[d] = receive(clocks[d] as Hlc, merged[f].stamp, skewed);
    }
  }
  return { replicas, writes };
}

const SEEDS = Array.from({ length: 200 }, (_, i) => i + 1);

describe('mergeHighlight', () => {
  it('is commutative, associative and idempotent over random histories', () => {
    for (const seed of SEEDS) {
      const [a, b, c] = history(seed).replicas as [ReplicatedHighlight, ReplicatedHighlight, ReplicatedHighlight];
      expect(mergeHighlight(a, b)).toEqual(mergeHighlight(b, a));
      expect(mergeHighlight(mergeHighlight(a, b), c)).toEqual(mergeHighlight(a, mergeHighlight(b, c)));
      expect(mergeHighlight(a, a)).toEqual(a);
      expect(mergeHighlight(mergeHighlight(a, b), b)).toEqual(mergeHighlight(a, b));
    }
  });

  it('converges to the newest write of every field, whatever the order replicas meet in', () => {
    for (const seed of SEEDS) {
      const { replicas, writes } = history(seed);
      const [a, b, c] = replicas as [ReplicatedHighlight, ReplicatedHighlight, ReplicatedHighlight];
      const orders = [
        mergeHighlight(mergeHighlight(a, b), c),
        mergeHighlight(mergeHighlight(c, a), b),
        mergeHighlight(b, mergeHighlight(c, a)),
      ];
      for (const result of orders) expect(result).toEqual(orders[0]);
      for (const field of FIELDS) {
        const newest = writes.filter((w) => w.field === field).sort((x, y) => (x.stamp < y.stamp ? 1 : -1))[0];
        if (newest) expect(orders[0]?.[field]).toEqual({ value: newest.value, stamp: newest.stamp });
      }
    }
  });

  it('keeps a concurrent colour change and note edit both; a delete is not undone by an edit', () => {
    const start = base('a');
    const colour = {
      ...start,
      color: { value: 'green' as const, stamp: format({ wall: 2_000, counter: 0, node: 'a' }) },
    };
    const note = { ...start, note: { value: '要点', stamp: format({ wall: 2_001, counter: 0, node: 'b' }) } };
    expect(mergeHighlight(colour, note)).toMatchObject({ color: { value: 'green' }, note: { value: '要点' } });
    const gone = { ...start, deleted: { value: true, stamp: format({ wall: 2_000, counter: 0, node: 'a' }) } };
    const edited = { ...start, note: { value: 'later', stamp: format({ wall: 3_000, counter: 0, node: 'b' }) } };
    expect(mergeHighlight(gone, edited)).toMatchObject({ deleted: { value: true }, note: { value: 'later' } });
  });

  it('never leaves a kind without its place: replicas disagreeing on kind merge to a record the validator accepts', () => {
    const mine = { ...base('a'), createdAt: 2_000 };
    const forged: ReplicatedHighlight = {
      ...base('b'),
      kind: 'page-note',
      createdAt: 1_000,
      selectors: { value: [], stamp: format({ wall: 500, counter: 0, node: 'b' }) },
    };
    for (const merged of [mergeHighlight(mine, forged), mergeHighlight(forged, mine)]) {
      expect(merged.kind).toBe('page-note');
      expect(merged.selectors.value).toEqual([]);
    }
    const newer = { ...mine, selectors: { ...mine.selectors, stamp: format({ wall: 9_000, counter: 0, node: 'a' }) } };
    for (const merged of [mergeHighlight(newer, forged), mergeHighlight(forged, newer)]) {
      // The page note's kind came from the earlier creation; its place cannot be the highlight's.
      expect((merged.kind === 'page-note') === (merged.selectors.value.length === 0)).toBe(true);
    }
  });
});

describe('hybrid logical clock', () => {
  it('never goes backwards, even when the wall clock does, and orders stamps as strings', () => {
    let clock = createClock('dev1', 5_000);
    const stamps: string[] = [];
    for (const now of [5_000, 5_000, 4_000, 6_000, 6_000, 1_000]) {
      const next = tick(clock, now);
      clock = next.clock;
      stamps.push(next.stamp);
    }
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
    const after = receive(clock, format({ wall: 9_000, counter: 4, node: 'dev2' }), 2_000);
    expect(tick(after, 2_000).stamp > format({ wall: 9_000, counter: 4, node: 'dev2' })).toBe(true);
  });

  it('carries a full counter into the wall time, and refuses stamps a day or more ahead', () => {
    const full = { wall: 7_000, counter: 999_999, node: 'a' };
    const next = tick(full, 7_000);
    expect(next.stamp).toBe(format({ wall: 7_001, counter: 0, node: 'a' }));
    expect(next.stamp > format(full)).toBe(true);
    expect(() => parse(next.stamp)).not.toThrow();
    const now = 1_800_000_000_000;
    expect(plausible(format({ wall: now + 3_600_000, counter: 0, node: 'b' }), now)).toBe(true);
    expect(plausible(format({ wall: now + 2 * 86_400_000, counter: 0, node: 'b' }), now)).toBe(false);
    expect(plausible('999999999999999-999999-z', now)).toBe(false);
  });

  it('refuses malformed stamps and node ids', () => {
    expect(() => parse('12-3-x')).toThrow(SyntaxError);
    expect(() => createClock('Bad Node')).toThrow(RangeError);
    expect(parse(format({ wall: 42, counter: 7, node: 'zz' }))).toEqual({ wall: 42, counter: 7, node: 'zz' });
  });
});

describe('mergeArticle', () => {
  /** A random article replica: each field written at a random stamp on one of three devices. */
  function randomArticle(random: () => number): ReplicatedArticle {
    const stamp = () =>
      format({
        wall: 1_000 + Math.floor(random() * 50),
        counter: Math.floor(random() * 3),
        node: 'abc'[Math.floor(random() * 3)] ?? 'a',
      });
    const source = (title: string): ArticleSource => ({
      url: 'https://example.com/a',
      title,
      author: null,
      source: null,
      categories: [],
      published: null,
      heroImage: null,
      lang: 'zh-CN',
      dir: 'ltr',
      charCount: 3,
      readingMinutes: 1,
      origin: 'web',
      contentHash: title,
      excerpt: title,
      html: `<p>${title}</p>`,
      text: title,
    });
    const deleted = random() < 0.3;
    return {
      id: 'a1',
      savedAt: 1_000 + Math.floor(random() * 10),
      updatedAt: 1_000 + Math.floor(random() * 100),
      source:
        deleted && random() < 0.5
          ? { value: null, stamp: '' }
          : { value: source(`标题 ${Math.floor(random() * 4)}`), stamp: stamp() },
      tags: { value: random() < 0.5 ? ['新闻'] : ['a', 'b'], stamp: stamp() },
      archived: { value: random() < 0.5, stamp: stamp() },
      deleted: { value: deleted, stamp: stamp() },
    };
  }

  it('is commutative, associative and idempotent over random replicas, tombstones included', () => {
    for (const seed of SEEDS) {
      const random = rng(seed);
      const [a, b, c] = [randomArticle(random), randomArticle(random), randomArticle(random)];
      expect(mergeArticle(a, b)).toEqual(mergeArticle(b, a));
      expect(mergeArticle(mergeArticle(a, b), c)).toEqual(mergeArticle(a, mergeArticle(b, c)));
      expect(mergeArticle(a, a)).toEqual(a);
      // A real write always beats a tombstone's empty source.
      const merged = mergeArticle(a, b);
      if (a.source.value || b.source.value) expect(merged.source.value).not.toBeNull();
    }
  });
});

describe('mergeSubscription', () => {
  function randomSubscription(random: () => number): ReplicatedSubscription {
    const stamp = () =>
      format({ wall: 1_000 + Math.floor(random() * 5), counter: 0, node: 'abc'[Math.floor(random() * 3)] as string });
    const deleted = random() < 0.4;
    return {
      id: 's_1',
      url: 'https://example.com/feed.xml',
      intervalMinutes:
        deleted && random() < 0.5
          ? { value: 60, stamp: '' }
          : { value: [30, 60, 180][Math.floor(random() * 3)] as number, stamp: stamp() },
      fullText: { value: random() < 0.5, stamp: stamp() },
      deleted: { value: deleted, stamp: stamp() },
    };
  }

  it('is commutative, associative and idempotent; each choice holds its newest write', () => {
    for (const seed of SEEDS) {
      const random = rng(seed);
      const [a, b, c] = [randomSubscription(random), randomSubscription(random), randomSubscription(random)];
      expect(mergeSubscription(a, b)).toEqual(mergeSubscription(b, a));
      expect(mergeSubscription(mergeSubscription(a, b), c)).toEqual(mergeSubscription(a, mergeSubscription(b, c)));
      expect(mergeSubscription(a, a)).toEqual(a);
      const merged = mergeSubscription(a, b);
      for (const field of ['intervalMinutes', 'fullText', 'deleted'] as const) {
        expect(merged[field].stamp).toBe(a[field].stamp > b[field].stamp ? a[field].stamp : b[field].stamp);
      }
    }
  });
});
