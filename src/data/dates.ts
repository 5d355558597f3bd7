import type { PartialDate } from './schema.js';

export type DatePrecision = 'year' | 'month' | 'day';

export interface DateParts {
  year: number;
  month?: number;
  day?: number;
  precision: DatePrecision;
}

export function parsePartialDate(date: PartialDate): DateParts {
  const [year, month, day] = date.split('-').map(Number) as [number, number?, number?];
  if (day !== undefined) return { year, month, day, precision: 'day' };
  if (month !== undefined) return { year, month, precision: 'month' };
  return { year, precision: 'year' };
}

/** Whether a YYYY / YYYY-MM / YYYY-MM-DD string names a date that exists (no 2003-02-30, no month 13). */
export function isRealPartialDate(date: PartialDate): boolean {
  const { year, month, day } = parsePartialDate(date);
  if (month === undefined) return year >= 1000;
  if (month < 1 || month > 12) return false;
  if (day === undefined) return true;
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

export const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** How a language writes dates; English by default. `firstDay`: French writes "1er janvier". */
export interface DateWords {
  months: readonly string[];
  notStated: string;
  firstDay?: string;
}

const englishDates: DateWords = { months: monthNames, notStated: 'date not stated in the source' };

/** Writes a date out with exactly its precision: "2003", "July 2002", "12 January 2007". Never invents a day. */
export function formatPartialDate(date: PartialDate | null, words: DateWords = englishDates): string {
  if (date === null) return words.notStated;
  const { year, month, day } = parsePartialDate(date);
  if (month === undefined) return String(year);
  const monthName = words.months[month - 1];
  if (day === undefined) return `${monthName} ${year}`;
  return `${day === 1 && words.firstDay ? words.firstDay : day} ${monthName} ${year}`;
}

export function yearOf(date: PartialDate): number {
  return parsePartialDate(date).year;
}
