import { describe, expect, it } from 'vitest';
import { checkCalendarDate, checkDateTimeWithOffset, yearOf } from '../../src/lib/model/dates';

describe('发文日期: a real calendar date', () => {
  it.each(['2024-08-12', '2024-02-29', '2023-12-31', '2000-02-29'])('accepts %s', (v) =>
    expect(checkCalendarDate(v)).toBeNull(),
  );
  it.each([
    ['2024-02-30', /只有 29 天/],
    ['2023-02-29', /只有 28 天/],
    ['1900-02-29', /只有 28 天/],
    ['2024-04-31', /只有 30 天/],
    ['2024-13-01', /月份/],
    ['2024-00-10', /月份/],
    ['2024-8-12', /格式不对/],
    ['2024/08/12', /格式不对/],
    ['2024-08-12T00:00', /格式不对/],
  ])('rejects %s', (v, m) => expect(checkCalendarDate(v)?.zh).toMatch(m));
  it('reads the year', () => expect(yearOf('2024-08-12')).toBe(2024));
});

describe('发布日期: a date-time with offset', () => {
  it.each(['2024-08-12T09:48:00+08:00', '2024-08-12T09:48+08:00', '2024-08-12T01:48:00Z'])(
    'accepts %s',
    (v) => expect(checkDateTimeWithOffset(v)).toBeNull(),
  );
  it('rejects a missing offset and proposes +08:00', () => {
    const r = checkDateTimeWithOffset('2024-08-12T09:48:00')!;
    expect(r.zh).toMatch(/缺少时区/);
    expect(r.expected).toBe('2024-08-12T09:48:00+08:00');
  });
  it.each([
    '2024-02-30T09:00:00+08:00',
    '2024-08-12T24:00:00+08:00',
    '2024-08-12T09:60+08:00',
    '2024-08-12 09:48:00+08:00',
    '2024-08-12T09:48:00+25:00',
  ])('rejects %s', (v) => expect(checkDateTimeWithOffset(v)).not.toBeNull());
});
