import { describe, expect, it } from 'vitest';
import type { CellRead } from './cells';
import { readDate } from './dates';

const text = (t: string): CellRead => ({ kind: 'text', text: t });
const number = (n: number): CellRead => ({ kind: 'number', value: n, text: String(n) });

describe('readDate', () => {
  it('reads Excel dates, ISO and Chinese text, 全角 digits, yyyymmdd and lost-format serials', () => {
    const ok = (cell: CellRead) => readDate(cell);
    expect(ok({ kind: 'empty' })).toEqual({ ok: true, date: null });
    expect(ok({ kind: 'date', date: new Date(Date.UTC(2019, 0, 10)), text: '2019-01-10' })).toEqual({ ok: true, date: '2019-01-10' });
    for (const t of ['2019-01-10', '2019-1-10', '2019/1/10', '2019.01.10', '2019年1月10日', '2019 年 1 月 10 日', '２０１９－０１－１０', '20190110', '2019-01-10 00:00:00']) {
      expect(ok(text(t)), t).toEqual({ ok: true, date: '2019-01-10' });
    }
    expect(ok(number(20190110))).toEqual({ ok: true, date: '2019-01-10' });
    expect(ok(number(43475))).toEqual({ ok: true, date: '2019-01-10' });
  });

  it('explains what is wrong', () => {
    const message = (cell: CellRead) => {
      const read = readDate(cell);
      return read.ok ? null : read.message;
    };
    expect(message(text('2019-02-29'))).toBe('日期 “2019-02-29” 不存在');
    expect(message(text('2019'))).toContain('只填了年份 2019');
    expect(message(number(2019))).toContain('只填了年份 2019');
    expect(message(text('去年三月'))).toBe('日期 “去年三月” 无法识别，请填写为 YYYY-MM-DD 或 YYYY年M月D日');
    expect(message(text('1850-01-01'))).toContain('超出 1900—2100 年的范围');
    expect(message({ kind: 'date', date: new Date(Date.UTC(1899, 11, 30)), text: '1899-12-30' })).toContain('超出');
    expect(message(number(-5))).toContain('无法识别');
  });
});
