import { describe, expect, test } from 'vitest';
import { parsePublished } from '../../../../lib/shared/article/dates';

describe('parsePublished', () => {
  test.each([
    // RFC 2822, as in 22 of the 24 corpus posts
    ['Thu, 18 Aug 2022 09:53:22 GMT', '2022-08-18T09:53:22Z'],
    ['Fri, 10 Dec 2021 10:20:36 GMT', '2021-12-10T10:20:36Z'],
    ['Fri, 10 Dec 2021 10:20:36 UT', '2021-12-10T10:20:36Z'],
    ['Fri, 10 Dec 2021 10:20:36 UTC', '2021-12-10T10:20:36Z'],
    ['Thu, 18 Aug 2022 09:53:22 +0800', '2022-08-18T09:53:22+08:00'],
    ['Thu, 18 Aug 2022 09:53:22 -0530', '2022-08-18T09:53:22-05:30'],
    ['Thu, 18 Aug 2022 09:53:22 +0000', '2022-08-18T09:53:22Z'],
    ['Thu, 18 Aug 2022 09:53:22 EST', '2022-08-18T09:53:22-05:00'],
    ['Thu, 18 Aug 2022 09:53:22 PDT', '2022-08-18T09:53:22-07:00'],
    ['18 Aug 2022 09:53:22 GMT', '2022-08-18T09:53:22Z'],
    ['thu, 18 aug 2022 09:53:22 gmt', '2022-08-18T09:53:22Z'],
    ['Thu, 8 Aug 2022 9:53 GMT', '2022-08-08T09:53:00Z'],
    ['Thu, 18 Aug 22 09:53:22 GMT', '2022-08-18T09:53:22Z'],
    ['Sat, 18 Aug 99 09:53:22 GMT', '1999-08-18T09:53:22Z'],
    ['Thu, 18 Aug 2022 09:53:22 +0800 (CST)', '2022-08-18T09:53:22+08:00'],
    ['Thu, 18 Aug 2022 09:53:22', '2022-08-18T09:53:22Z'],
    // YAML timestamps without a zone (2 corpus posts): UTC per the YAML spec
    ['2021-05-16 04:16:04', '2021-05-16T04:16:04Z'],
    ['2021-03-26 00:25:44', '2021-03-26T00:25:44Z'],
    ['2021-05-16', '2021-05-16T00:00:00Z'],
    ['2001-12-14 21:59:43.10 -5', '2001-12-14T21:59:43.100-05:00'],
    ['2001-12-14t21:59:43.10-05:00', '2001-12-14T21:59:43.100-05:00'],
    // ISO 8601
    ['2022-08-18T09:53:22+08:00', '2022-08-18T09:53:22+08:00'],
    ['2022-08-18T09:53:22Z', '2022-08-18T09:53:22Z'],
    ['2022-08-18T09:53:22.123Z', '2022-08-18T09:53:22.123Z'],
    ['2022-08-18T09:53+0800', '2022-08-18T09:53:00+08:00'],
    ['2024-02-29T12:00:00Z', '2024-02-29T12:00:00Z'],
    ['  2022-08-18 09:53:22  ', '2022-08-18T09:53:22Z'],
  ])('%s → %s', (input, expected) => {
    expect(parsePublished(input)).toBe(expected);
  });

  test('a JS Date (what js-yaml’s default schema would give) is rendered in UTC', () => {
    expect(parsePublished(new Date(Date.UTC(2021, 4, 16, 4, 16, 4)))).toBe('2021-05-16T04:16:04Z');
    expect(parsePublished(new Date(Date.UTC(2021, 4, 16, 4, 16, 4, 250)))).toBe('2021-05-16T04:16:04.250Z');
  });

  test.each([
    ['not a date'],
    [''],
    ['Thu, 32 Aug 2022 09:53:22 GMT'],
    ['Thu, 18 Foo 2022 09:53:22 GMT'],
    ['Xyz, 18 Aug 2022 09:53:22 GMT'],
    ['Thu, 18 Aug 2022 25:53:22 GMT'],
    ['Thu, 18 Aug 2022 09:53:22 +2500'],
    ['Thu, 18 Aug 2022 09:53:22 QQQ'],
    ['2023-02-29 10:00:00'],
    ['2022-13-01'],
    ['2022-08-18T09:60:00Z'],
    ['2022-08-18T09:53:22+08:99'],
    ['1'.repeat(200)],
  ])('%s → null', (input) => {
    expect(parsePublished(input)).toBeNull();
  });

  test('non-strings and invalid Dates are null (an epoch number is too ambiguous to guess)', () => {
    for (const value of [undefined, null, 1660816402, true, ['2022-08-18'], { date: 1 }, new Date(Number.NaN)]) {
      expect(parsePublished(value)).toBeNull();
    }
  });

  test('every result parses back to the same instant with Date', () => {
    const iso = parsePublished('Thu, 18 Aug 2022 09:53:22 +0800');
    expect(iso).not.toBeNull();
    expect(new Date(iso ?? '').toISOString()).toBe('2022-08-18T01:53:22.000Z');
  });
});
