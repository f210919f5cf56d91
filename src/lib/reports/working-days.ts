/**
 * Working days for the 20-working-day publication rule (政府信息公开条例): weekends and configured
 * holidays are not working days; configured make-up days (调休) are, even on a weekend.
 */
export interface Calendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

const DAY = 86_400_000;
const toUtc = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

export function isWorkingDay(date: string, cal: Calendar): boolean {
  if (cal.workdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  const dow = new Date(toUtc(date)).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string, cal: Calendar): number {
  let n = 0;
  for (let t = toUtc(from) + DAY; t <= toUtc(to); t += DAY) if (isWorkingDay(iso(t), cal)) n++;
  return n;
}

/** Calendar-month arithmetic on YYYY-MM-DD, clamping to the month's last day. */
export function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const target = new Date(Date.UTC(y, m, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return iso(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(Number(date.slice(8, 10)), last)));
}

export function addDays(date: string, days: number): string {
  return iso(toUtc(date) + days * DAY);
}
