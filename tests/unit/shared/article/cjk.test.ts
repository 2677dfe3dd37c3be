/**
 * `isCjkUnit` is the eager detector's flat test (lib/page/detect/detect-text.ts), written out for
 * speed; it must accept exactly the units the three script tests accept together, on every one of
 * the 65,536 UTF-16 code units, and agree with the detector's regex probe (the same ranges).
 */
import { describe, expect, it } from 'vitest';
import { isCjkUnit, isHangulUnit, isHanOrKanaUnit } from '../../../../lib/shared/article/cjk';

const PROBE =
  /[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\ud840-\ud8bf\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]/;

describe('isCjkUnit', () => {
  it('is the union of Han, kana and Hangul on every code unit', () => {
    const disagree: number[] = [];
    let accepted = 0;
    for (let c = 0; c <= 0xffff; c++) {
      const flat = isCjkUnit(c);
      if (flat) accepted++;
      if (flat !== (isHanOrKanaUnit(c) || isHangulUnit(c)) || flat !== PROBE.test(String.fromCharCode(c))) {
        disagree.push(c);
      }
    }
    expect(disagree).toEqual([]);
    // The ranges' sizes added up: a test that accepted nothing would also agree with nothing.
    expect(accepted).toBe(0x5200 + 0x19c0 + 0x200 + 0x80 + 0xc0 + 0x10 + 0x3a + 0x2bb0 + 0x100 + 0x60);
  });
});
