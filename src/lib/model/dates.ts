import type { RuleResult } from './rule';

/** Dates stay strings end to end: YAML and JS Date both turn 2024-02-30 into 1 March without a word. */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Checks that a `YYYY-MM-DD` string names a real calendar day. */
export function checkCalendarDate(value: string): RuleResult {
  const m = DATE.exec(value);
  if (!m) {
    return {
      zh: `日期「${value}」格式不对，应写成 YYYY-MM-DD，例如 2024-08-12`,
      en: `date "${value}" is not in the form YYYY-MM-DD, e.g. 2024-08-12`,
    };
  }
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12) {
    return {
      zh: `日期「${value}」中的月份 ${m[2]} 不存在`,
      en: `date "${value}" has no month ${m[2]}`,
    };
  }
  const last = daysInMonth(y, mo);
  if (d < 1 || d > last) {
    return {
      zh: `日期「${value}」不存在：${y} 年 ${mo} 月只有 ${last} 天`,
      en: `date "${value}" does not exist: ${y}-${m[2]} has ${last} days`,
    };
  }
  return null;
}

/** Checks an ISO date-time that carries its UTC offset, e.g. 2024-08-12T09:48:00+08:00. */
export function checkDateTimeWithOffset(value: string): RuleResult {
  const m = DATE_TIME.exec(value);
  if (!m) {
    return {
      zh: `日期时间「${value}」格式不对，应写成 YYYY-MM-DDTHH:MM:SS+08:00`,
      en: `date-time "${value}" is not in the form YYYY-MM-DDTHH:MM:SS+08:00`,
    };
  }
  const dateProblem = checkCalendarDate(m[1]!);
  if (dateProblem) return dateProblem;
  const [h, mi, s] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (h > 23 || mi > 59 || s > 59) {
    return {
      zh: `日期时间「${value}」中的时刻不存在`,
      en: `date-time "${value}" has an impossible time of day`,
    };
  }
  if (!m[5]) {
    return {
      zh: `日期时间「${value}」缺少时区偏移，应在末尾加上 +08:00（北京时间）`,
      en: `date-time "${value}" has no UTC offset; append +08:00 (Beijing time)`,
      expected: `${value}+08:00`,
    };
  }
  if (m[5] !== 'Z') {
    const [oh, om] = m[5].slice(1).split(':').map(Number) as [number, number];
    if (oh > 14 || om > 59) {
      return {
        zh: `日期时间「${value}」的时区偏移 ${m[5]} 不存在`,
        en: `date-time "${value}" has an impossible offset ${m[5]}`,
      };
    }
  }
  return null;
}

/** The year of a `YYYY-MM-DD` or ISO date-time string. */
export function yearOf(value: string): number {
  return Number(value.slice(0, 4));
}

/** Today's date in Beijing time, YYYY-MM-DD (the default 发文日期 and audit date). */
export function todayInBeijing(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}

/** This moment in Beijing time as the content model writes 发布日期: 2024-08-12T09:48:00+08:00. */
export function nowInBeijing(now = new Date()): string {
  const beijing = new Date(now.getTime() + 8 * 3600_000);
  return `${beijing.toISOString().slice(0, 19)}+08:00`;
}

/**
 * A date as editors type it — 2024年3月5日, 2024/3/5, 2024.3.5, 20240305, 2024-3-5 — in the
 * content model's form 2024-03-05; null when it is none of these (the check then says why).
 */
export function normalizeDateInput(text: string): string | null {
  const t = text.normalize('NFKC').trim();
  const m =
    /^(\d{4})\s*(?:年|[-/.])\s*(\d{1,2})\s*(?:月|[-/.])\s*(\d{1,2})\s*日?$/.exec(t) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : null;
}
