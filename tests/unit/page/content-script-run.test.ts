import { describe, expect, it } from 'vitest';
import { claimContentScriptRun } from '../../../lib/page/content-script-run';

describe('claimContentScriptRun', () => {
  it('a newer run in the same frame stops the older one, and only it', () => {
    const first = claimContentScriptRun();
    expect(first.aborted).toBe(false);
    const second = claimContentScriptRun();
    expect(first.aborted).toBe(true);
    expect(second.aborted).toBe(false);
    const third = claimContentScriptRun();
    expect(second.aborted).toBe(true);
    expect(third.aborted).toBe(false);
  });
});
