import { describe, expect, it } from 'vitest';
import { cleanText, quote, singleLine, type CellRead } from './cells';
import { headerKey, matchHeader, unitColumns } from './columns';

const row = (number: number, texts: string[]) => ({
  number,
  cells: new Map<number, CellRead>(texts.map((t, i) => [i + 1, t ? { kind: 'text', text: t } : { kind: 'empty' }])),
});

describe('header matching', () => {
  it('ignores spaces, 全角/半角, required markers and trailing notes', () => {
    for (const h of [' 单 位 名 称 ', '单位名称　', '*单位名称', '单位名称（必填）', '单位名称(必填)', '单位名称：']) expect(headerKey(h), h).toBe('单位名称');
  });

  it('takes the row naming the most columns, in any order, and lists what is missing or repeated', () => {
    const match = matchHeader([row(1, ['2024年名单']), row(2, ['党组织类型', '备注', '单位名称', '单位类型', '单位名称'])], unitColumns)!;
    expect(match.row).toBe(2);
    expect(match.columns.get('name')).toBe(3);
    expect(match.columns.get('kind')).toBe(4);
    expect(match.missing.map((s) => s.header)).toEqual(['所属旗县区']);
    expect(match.repeated).toEqual(['单位名称']);
  });
});

describe('cell text', () => {
  it('trims, drops zero-width characters and joins wrapped names', () => {
    expect(cleanText('\u200b 金河镇\ufeff \r\n')).toBe('金河镇');
    expect(singleLine('呼和浩特市\r\n审计局')).toBe('呼和浩特市审计局');
    expect(singleLine('A  　B')).toBe('A B');
    expect(quote('一二三四五六七八九十一二三四五六七八九十一二')).toBe('“一二三四五六七八九十一二三四五六七八九十…”');
  });
});
