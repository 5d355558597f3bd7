/**
 * Time phrases, read by rules (no library read our ranges: see the measurements note): a year, a month, a day;
 * before / after / since / between X and Y; decades ("the 1990s", "les années 90"). Days are compared as
 * numbers yyyymmdd.
 */
import { parsePartialDate } from '../data/dates.js';
import type { PartialDate } from '../data/schema.js';
import type { DateAsked, PeriodWords } from '../i18n/en.js';
import type { Word } from './words.js';

export type { DateAsked, PeriodWords };

export interface Period {
  /** First and last day included (yyyymmdd); open when absent. */
  from?: number;
  to?: number;
  /** How it was asked, for the reply. */
  asked: PeriodWords;
}

/** How an agreement's date fits a period: surely, possibly (a year-only date across its edge), or not. */
export type Fit = 'yes' | 'possibly' | 'no';

const MONTHS: Record<string, number> = {};
for (const names of [
  'january february march april may june july august september october november december',
  'janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre',
  'jan feb mar apr may jun jul aug sep oct nov dec',
]) {
  names.split(' ').forEach((name, i) => {
    MONTHS[name] ??= i + 1;
  });
}

const BEFORE = new Set(['before', 'until', 'till', 'prior', 'avant', 'jusqu', 'earlier']);
const AFTER = new Set(['after', 'apres', 'later']);
const SINCE = new Set(['since', 'depuis', 'from', 'des']);
const BETWEEN = new Set(['between', 'entre', 'from']);
const AND = new Set(['and', 'et', 'to', 'until', 'a', 'au']);

const isYear = (text: string) => /^(1[89]|20)\d\d$/.test(text);
const daysOf = (date: DateAsked, end: boolean): number => {
  const month = date.month ?? (end ? 12 : 1);
  const day = date.day ?? (end ? 31 : 1);
  return date.year * 10000 + month * 100 + day;
};

/** A date at `at`: "13 May 1998", "May 13, 1998", "1er mai 1998", "July 2002", "2002". */
function dateAt(words: readonly Word[], at: number): { date: DateAsked; end: number } | undefined {
  const text = (i: number) => words[i]?.folded ?? '';
  let i = at;
  let day: number | undefined;
  if (/^\d{1,2}$/.test(text(i)) || text(i) === '1er') {
    day = Number.parseInt(text(i), 10);
    i++;
  }
  const month = MONTHS[text(i)];
  if (month !== undefined) {
    i++;
    if (day === undefined && /^\d{1,2}$/.test(text(i))) {
      day = Number(text(i));
      i++;
    }
  } else if (day !== undefined) return undefined;
  if (!isYear(text(i))) return undefined;
  const year = Number(text(i));
  if (day !== undefined && (day < 1 || day > 31)) day = undefined;
  return { date: { year, ...(month ? { month } : {}), ...(month && day ? { day } : {}) }, end: i + 1 };
}

/** "1990s", "90s", "the 2000s", "années 1990", "années 90". */
function decadeAt(words: readonly Word[], at: number): { year: number; end: number } | undefined {
  const text = words[at]?.folded ?? '';
  const plural = /^(\d{2}|\d{4})s$/.exec(text);
  const french = /^annees?$/.test(text) ? /^(\d{2}|\d{4})$/.exec(words[at + 1]?.folded ?? '') : null;
  const digits = plural?.[1] ?? french?.[1];
  if (!digits) return undefined;
  const year = digits.length === 2 ? (Number(digits) >= 50 ? 1900 : 2000) + Number(digits) : Number(digits);
  if (year % 10 !== 0 || (digits.length === 4 && !isYear(digits))) return undefined;
  return { year, end: at + (plural ? 1 : 2) };
}

/** The period a question asks about, and the words it used (not to be read as anything else). */
export function readPeriod(words: readonly Word[]): { period?: Period; used: Set<number> } {
  const used = new Set<number>();
  const mark = (from: number, to: number) => {
    for (let i = from; i < to; i++) used.add(i);
  };
  for (let at = 0; at < words.length; at++) {
    const decade = decadeAt(words, at);
    if (decade) {
      mark(at, decade.end);
      const from = decade.year * 10000 + 101;
      return {
        period: { from, to: (decade.year + 9) * 10000 + 1231, asked: { kind: 'decade', year: decade.year } },
        used,
      };
    }
    const found = dateAt(words, at);
    if (!found) continue;
    const cue = words[at - 1]?.folded ?? '';
    const cueBefore = words[at - 2]?.folded ?? '';
    const { date } = found;
    mark(at, found.end);
    if (BETWEEN.has(cue) && AND.has(words[found.end]?.folded ?? '')) {
      const last = dateAt(words, found.end + 1);
      if (last) {
        mark(at - 1, last.end);
        return {
          period: {
            from: daysOf(date, false),
            to: daysOf(last.date, true),
            asked: { kind: 'between', first: date, last: last.date },
          },
          used,
        };
      }
    }
    if (BEFORE.has(cue) || (cue === 'to' && BEFORE.has(cueBefore))) {
      mark(at - 1, at);
      return { period: { to: daysOf(date, false) - 1, asked: { kind: 'before', date } }, used };
    }
    if (AFTER.has(cue) || (cue === 'than' && AFTER.has(cueBefore))) {
      mark(at - 1, at);
      return { period: { from: daysOf(date, true) + 1, asked: { kind: 'after', date } }, used };
    }
    if (SINCE.has(cue)) {
      mark(at - 1, at);
      return { period: { from: daysOf(date, false), asked: { kind: 'since', date } }, used };
    }
    return {
      period: { from: daysOf(date, false), to: daysOf(date, true), asked: { kind: 'in', date } },
      used,
    };
  }
  return { used };
}

/** The first and last day a date of the data may be. */
export function daysOfPartialDate(date: PartialDate): { first: number; last: number } {
  const { year, month, day } = parsePartialDate(date);
  const asked = { year, ...(month ? { month } : {}), ...(day ? { day } : {}) };
  return { first: daysOf(asked, false), last: daysOf(asked, true) };
}

export function fits(date: PartialDate | null, period: Period | undefined): Fit {
  if (!period) return 'yes';
  if (date === null) return 'no';
  const { first, last } = daysOfPartialDate(date);
  const from = period.from ?? Number.NEGATIVE_INFINITY;
  const to = period.to ?? Number.POSITIVE_INFINITY;
  if (first >= from && last <= to) return 'yes';
  return last < from || first > to ? 'no' : 'possibly';
}
