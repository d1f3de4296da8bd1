import { describe, expect, it } from 'vitest';
import { chineseNumber, groupLabel, roundLabel } from './format';

describe('Chinese numbering', () => {
  it('writes numbers as documents do', () => {
    expect([1, 8, 10, 13, 16, 20, 21, 99, 100, 105, 116].map(chineseNumber)).toEqual([
      '一', '八', '十', '十三', '十六', '二十', '二十一', '九十九', '一百', '一百零五', '一百一十六',
    ]);
    expect(roundLabel('十二届市委', 8)).toBe('十二届市委第八轮巡察');
    expect(groupLabel(13)).toBe('第十三巡察组');
  });
});
