// The package is CommonJS: its functions come as the default export's properties under Node's ESM.
import chineseDays from 'chinese-days';
import officialCalendar from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

/**
 * Working days for the 20-working-day publication rule (政府信息公开条例) and the 3-working-day rule
 * for 解读: the State Council's holiday arrangements (public holidays and make-up working days, 调休)
 * from the kept `chinese-days` library; the site's `holidays` / `workdays` override it (a local
 * holiday, or a year the library does not carry yet). Outside the library's years, weekends only.
 */
export interface Calendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

/** The years the library's official calendar covers. */
export const OFFICIAL_YEARS: ReadonlySet<number> = new Set(
  Object.keys(officialCalendar.holidays).map((d) => Number(d.slice(0, 4))),
);

// The library parses each date with dayjs; an audit over many notices asks for the same days again.
const official = new Map<string, boolean>();
function officialWorkday(date: string): boolean {
  let v = official.get(date);
  if (v === undefined) official.set(date, (v = chineseDays.isWorkday(date)));
  return v;
}

const DAY = 86_400_000;
const toUtc = (d: string) =>
  Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

export function isWorkingDay(date: string, cal: Calendar): boolean {
  if (cal.workdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  if (OFFICIAL_YEARS.has(Number(date.slice(0, 4)))) return officialWorkday(date);
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
  const last = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  return iso(
    Date.UTC(
      target.getUTCFullYear(),
      target.getUTCMonth(),
      Math.min(Number(date.slice(8, 10)), last),
    ),
  );
}

export function addDays(date: string, days: number): string {
  return iso(toUtc(date) + days * DAY);
}
