import { describe, expect, it } from 'vitest';
import { parseItemNumbers } from './item-numbers';

describe('件号 as typed for 归档章 labels', () => {
  it('reads ranges and single numbers with Chinese or Latin separators', () => {
    expect(parseItemNumbers('')).toEqual([]);
    expect(parseItemNumbers('1-3, 8，10 3')).toEqual([1, 2, 3, 8, 10]);
    expect(parseItemNumbers('5～6、2')).toEqual([2, 5, 6]);
  });
  it('refuses what does not read, backwards ranges and zero', () => {
    expect(parseItemNumbers('一')).toBeNull();
    expect(parseItemNumbers('5-2')).toBeNull();
    expect(parseItemNumbers('0')).toBeNull();
    expect(parseItemNumbers('1-99999')).toBeNull();
  });
});
