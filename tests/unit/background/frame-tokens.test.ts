/**
 * The hand-over to our frames inside a page (reading view, note editor): a token is redeemed
 * once, only from the tab that registered it, only within its minute, and a tab's newer
 * registration replaces its older one.
 */
import { describe, expect, it } from 'vitest';
import { createFrameTokens } from '../../../lib/background/frame-tokens';

describe('frame tokens', () => {
  it('answers what was registered once, to the same tab only', () => {
    const tokens = createFrameTokens<string>();
    const token = tokens.register(7, 'highlight-1', 0);
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    expect(tokens.redeem(token, 8, 1)).toBeUndefined();
    expect(tokens.redeem(token, 7, 1)).toEqual({ value: 'highlight-1' });
    expect(tokens.redeem(token, 7, 2)).toBeUndefined();
  });

  it('expires after a minute, and a tab’s new registration drops its old one', () => {
    const tokens = createFrameTokens<number>();
    const late = tokens.register(1, 1, 0);
    expect(tokens.redeem(late, 1, 60_001)).toBeUndefined();
    const old = tokens.register(2, 1, 0);
    const fresh = tokens.register(2, 2, 10);
    expect(tokens.redeem(old, 2, 20)).toBeUndefined();
    expect(tokens.redeem(fresh, 2, 20)).toEqual({ value: 2 });
  });
});
