import { describe, expect, it } from 'vitest';
import { datesReversed, parseDateText, today } from './dates';

describe('parseDateText', () => {
  it('reads the ways people write a date', () => {
    for (const text of ['2020-08-03', '2020-8-3', '2020/8/3', '2020.8.3', '20200803', '2020年8月3日', ' 2020 年 8 月 3 日 ', '2020年8月3']) {
      expect(parseDateText(text), text).toBe('2020-08-03');
    }
  });

  it('refuses what is not a whole, real date', () => {
    for (const text of ['', '2020', '2020-08', '2020-02-30', '2021-02-29', '2020-13-01', '202008031', '8/3/2020', 'abc']) {
      expect(parseDateText(text), text).toBeNull();
    }
    expect(parseDateText('2020-02-29')).toBe('2020-02-29');
  });
});

describe('datesReversed', () => {
  it('is true only when both ends are given and the end comes first', () => {
    expect(datesReversed('2020-08-03', '2020-08-02')).toBe(true);
    expect(datesReversed('2020-08-03', '2020-08-03')).toBe(false);
    expect(datesReversed('', '2020-08-02')).toBe(false);
    expect(datesReversed('2020-08-03', null)).toBe(false);
  });
});

it('today is a YYYY-MM-DD date', () => {
  expect(today()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(parseDateText(today())).toBe(today());
});
