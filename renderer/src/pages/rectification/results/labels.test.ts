import { describe, expect, it } from 'vitest';
import { countOf, fenToYuanText, yuanToFen } from './labels';

describe('amounts typed in yuan', () => {
  it('become 分 by their digits, with at most two decimals and the core’s limit', () => {
    expect(yuanToFen('36000')).toBe(3_600_000);
    expect(yuanToFen('12,345.67')).toBe(1_234_567);
    expect(yuanToFen('0.1')).toBe(10);
    expect(yuanToFen('0')).toBe(0);
    // 0.29 × 100 is 28.999… in floating point; by the digits it is 29.
    expect(yuanToFen('1.29')).toBe(129);
    expect(yuanToFen('10000000000')).toBe(1_000_000_000_000);
    expect(yuanToFen('10000000000.01')).toBeNull();
    for (const bad of ['', '-1', '1.234', 'abc', '1e5', '１２']) expect(yuanToFen(bad)).toBeNull();
  });

  it('show again as typed, and counts are whole numbers from 1', () => {
    expect(fenToYuanText(3_600_000)).toBe('36000');
    expect(fenToYuanText(1_234_567)).toBe('12345.67');
    expect(fenToYuanText(10)).toBe('0.10');
    expect(countOf('3')).toBe(3);
    expect(countOf('0')).toBeNull();
    expect(countOf('1.5')).toBeNull();
    expect(countOf('100001')).toBeNull();
  });
});
