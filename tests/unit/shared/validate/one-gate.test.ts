/**
 * Issue 14, finding 7: one validator for everything that enters from outside. A sync document
 * and a backup record with a `javascript:` link, an SVG or script hero image, a junk date, an
 * odd id or an odd language are refused the same way, by the same checks; and both doors share
 * one table of limits, so an article restored from a backup is never refused by the sync peer
 * (they had drifted: a backup took 16,777,216 characters of body, sync refused over 16,000,000).
 */
import { describe, expect, it } from 'vitest';
import { fromDoc, toDoc } from '../../../../lib/background/sync/docs';
import { format } from '../../../../lib/model';
import { checkArticle, LIMITS } from '../../../../lib/shared/validate';
import { articleReplica } from '../../../../lib/storage';
import { makeArticle } from '../../../support/library';

const base = makeArticle({ id: 'a_0123456789abcdef01234567', stamps: undefined });
const { html, text, ...meta } = base;

/** The article as a sync peer sends it. */
function asDoc(patch: Record<string, unknown>) {
  const replica = articleReplica({ ...meta, ...patch } as typeof meta, {
    schema: 2,
    id: base.id,
    html: (patch.html as string | undefined) ?? html,
    text: (patch.text as string | undefined) ?? text,
  });
  const doc = toDoc({ type: 'article', value: replica });
  if (typeof patch.id === 'string') doc._id = `a:${patch.id}`;
  return doc;
}

/** Whether each door lets the record in. */
const doors = (patch: Record<string, unknown>) => ({
  sync: fromDoc(asDoc(patch)) !== null,
  backup: checkArticle({ ...base, ...patch }).ok,
});

describe('one gate for sync documents and backups', () => {
  it('lets a well-formed article through both', () => {
    expect(doors({})).toEqual({ sync: true, backup: true });
  });

  it.each([
    ['a javascript: link', { url: 'javascript:alert(document.cookie)' }],
    ['a data: link', { url: 'data:text/html,<script>alert(1)</script>' }],
    ['an SVG hero image', { heroImage: 'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+' }],
    ['a script hero image', { heroImage: 'javascript:alert(1)' }],
    ['a junk date', { published: 'next Tuesday' }],
    ['an impossible date', { published: '2021-13-45' }],
    ['an odd language', { lang: 'zh CN<script>' }],
    ['an odd id', { id: '../../etc<img>' }],
    ['a body over the limit', { html: 'x'.repeat(LIMITS.html + 1) }],
  ])('refuses %s at both doors', (_, patch) => {
    expect(doors(patch)).toEqual({ sync: false, backup: false });
  });

  it('refuses clock stamps from far in the future in a backup (they would win every merge)', () => {
    const stamp = (wall: number) => format({ wall, counter: 0, node: 'n1' });
    const stamps = (wall: number) => ({
      source: stamp(wall),
      tags: stamp(wall),
      archived: stamp(wall),
      deleted: stamp(wall),
    });
    expect(checkArticle({ ...base, stamps: stamps(Date.now()) }).ok).toBe(true);
    expect(checkArticle({ ...base, stamps: stamps(Date.UTC(9999, 0, 1)) }).ok).toBe(false);
  });

  it('takes http(s) and raster data: images, ISO dates with zones, and BCP 47 tags at both', () => {
    expect(
      doors({
        url: 'https://example.com/a?x=1',
        heroImage: 'data:image/png;base64,iVBORw0KGgo=',
        published: '2022-08-18T09:53:22+08:00',
        lang: 'zh-Hant-TW',
      }),
    ).toEqual({ sync: true, backup: true });
  });

  it('shares one body limit: what a backup restores, sync accepts, byte for byte at the edge', () => {
    const edge = 'x'.repeat(LIMITS.html);
    expect(doors({ html: edge, text: 'x'.repeat(LIMITS.text) })).toEqual({ sync: true, backup: true });
  });
});
