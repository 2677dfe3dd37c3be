/**
 * The hand-overs between the eager content script and the page agent the background injects
 * later (issue 15): the agent hears the verdict the eager script already reached and every change
 * after it, and however often it is injected, only one copy claims the frame (two would answer
 * every call to the tab twice).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { claimPageAgent } from '../../../lib/page/page-agent-handle';
import { followVerdict, publishVerdict } from '../../../lib/page/verdict-handle';

afterEach(() => {
  const g = globalThis as Record<symbol, unknown>;
  delete g[Symbol.for('glossa.verdict')];
  delete g[Symbol.for('glossa.pageAgent')];
});

describe('verdict hand-over', () => {
  it('gives a follower that comes late the verdict already reached, then every change', () => {
    publishVerdict(true);
    const heard: boolean[] = [];
    const stop = followVerdict((isArticle) => heard.push(isArticle));
    publishVerdict(false);
    publishVerdict(true);
    stop();
    publishVerdict(false);
    expect(heard).toEqual([true, false, true]);
  });

  it('reads "not an article" before the eager script has decided', () => {
    const heard: boolean[] = [];
    followVerdict((isArticle) => heard.push(isArticle));
    expect(heard).toEqual([false]);
  });
});

describe('page agent claim', () => {
  it('lets only the first copy of the agent in a frame run', () => {
    expect(claimPageAgent()).toBe(true);
    expect(claimPageAgent()).toBe(false);
    expect(claimPageAgent()).toBe(false);
  });
});
