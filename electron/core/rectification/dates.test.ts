import { describe, expect, it } from 'vitest';
import { addMonths, daysOverdue } from './dates';

describe('calendar dates of the ledger', () => {
  it('adds months as "within two months" is read: a missing day becomes the month’s last', () => {
    expect(addMonths('2020-06-29', 2)).toBe('2020-08-29');
    expect(addMonths('2020-12-31', 2)).toBe('2021-02-28');
    expect(addMonths('2019-12-31', 2)).toBe('2020-02-29');
    expect(addMonths('2020-11-15', 3)).toBe('2021-02-15');
    expect(addMonths('2020-08-31', 1)).toBe('2020-09-30');
  });

  it('counts days overdue only after the due day', () => {
    expect(daysOverdue('2020-08-29', '2020-08-29')).toBeNull();
    expect(daysOverdue('2020-08-29', '2020-08-30')).toBe(1);
    expect(daysOverdue('2020-02-28', '2020-03-01')).toBe(2);
    expect(daysOverdue(null, '2020-03-01')).toBeNull();
  });
});
