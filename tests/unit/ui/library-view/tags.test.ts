/** Tag hygiene: one tag stays one tag whatever case, width or spacing it is typed in. */
import { describe, expect, it } from 'vitest';
import { hasTag, MAX_TAG_LENGTH, normalizeTag, tagKey, withoutTag, withTag } from '../../../../lib/ui/library-view';

describe('tags', () => {
  it('normalizes: trims, collapses inner whitespace, refuses empty, caps length in code points', () => {
    expect(normalizeTag('  俄乌   局势 \n')).toBe('俄乌 局势');
    expect(normalizeTag(' \t ')).toBeNull();
    const long = '𠀀'.repeat(MAX_TAG_LENGTH + 5);
    expect([...(normalizeTag(long) ?? '')]).toHaveLength(MAX_TAG_LENGTH);
  });

  it('compares ignoring case and full/half width', () => {
    expect(tagKey('ＵＫＲＡＩＮＥ')).toBe(tagKey('ukraine'));
    expect(hasTag(['Ukraine'], 'ＵＫＲＡＩＮＥ')).toBe(true);
    expect(hasTag(['Ukraine'], 'Russia')).toBe(false);
  });

  it('adds a tag once, keeping the first spelling, and returns the same array when nothing changes', () => {
    const tags = ['Ukraine'];
    expect(withTag(tags, ' 外交 ')).toEqual(['Ukraine', '外交']);
    expect(withTag(tags, 'ukraine')).toBe(tags);
    expect(withTag(tags, '   ')).toBe(tags);
  });

  it('removes a tag by its folded form and returns the same array when it was absent', () => {
    const tags = ['Ukraine', '外交'];
    expect(withoutTag(tags, 'UKRAINE')).toEqual(['外交']);
    expect(withoutTag(tags, 'Russia')).toBe(tags);
  });
});
