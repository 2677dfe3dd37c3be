import { describe, expect, test } from 'vitest';
import { countChars, detectLang, excerpt, readingMinutes } from '../../../../lib/shared/article/text-stats';

describe('countChars', () => {
  test('counts code points and skips whitespace', () => {
    expect(countChars('ab c\n\nd')).toBe(4);
    expect(countChars('中文 字符')).toBe(4);
    expect(countChars('𠀀😀')).toBe(2);
    expect(countChars('  \n\t\u3000 ')).toBe(0);
  });
});

describe('readingMinutes', () => {
  test('counts Han characters at ~400 a minute: 800 characters are 2 minutes, not one "word"', () => {
    expect(readingMinutes('汉'.repeat(800))).toBe(2);
    expect(readingMinutes('汉'.repeat(4000))).toBe(10);
  });

  test('counts other words at ~230 a minute', () => {
    expect(readingMinutes(Array(690).fill('word').join(' '))).toBe(3);
    expect(readingMinutes("don't l’heure")).toBe(1);
  });

  test('mixes both, and never says less than a minute', () => {
    expect(readingMinutes(`${'字'.repeat(400)} ${Array(230).fill('word').join(' ')}`)).toBe(2);
    expect(readingMinutes('')).toBe(1);
    expect(readingMinutes('短')).toBe(1);
  });

  test('counts Hangul by words (Korean is written with spaces)', () => {
    expect(readingMinutes(Array(460).fill('한국어').join(' '))).toBe(2);
  });
});

describe('detectLang', () => {
  test.each([
    ['美国总统拜登与乌克兰总统泽连斯基进行了电话交谈，讨论了顿巴斯地区局势问题。', 'zh-CN'],
    ['這是我們的動畫平台改版使用說明，請大家多多關照。', 'zh-TW'],
    ['これは日本語の文章です。ひらがなとカタカナが入っています。', 'ja'],
    ['한국어 문장은 띄어쓰기를 사용합니다.', 'ko'],
    ['Building architectures that can handle the world’s data', null],
    ['12345 !!!', null],
    ['', null],
  ])('%s → %s', (text, expected) => {
    expect(detectLang(text)).toBe(expected);
  });

  test('a few English words in Chinese text stay Chinese', () => {
    expect(detectLang('谷歌工程师介绍Ghost Linux内核调度API的最新进展')).toBe('zh-CN');
  });
});

describe('excerpt', () => {
  test('collapses paragraph breaks and keeps short text whole', () => {
    expect(excerpt('第一段。\n\n第二段。', 200)).toBe('第一段。 第二段。');
  });

  test('cuts long text to the limit with an ellipsis, never inside a surrogate pair', () => {
    const cut = excerpt('😀'.repeat(300), 200);
    expect(Array.from(cut)).toHaveLength(200);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  test('text of exactly the limit is not cut', () => {
    expect(excerpt('a'.repeat(200), 200)).toBe('a'.repeat(200));
  });
});
