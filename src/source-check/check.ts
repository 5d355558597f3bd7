import { type ChangeObject, diffArrays, diffWords } from 'diff';
import { formatPartialDate } from '../data/dates.js';
import type { Correction, PartialDate, Partner } from '../data/schema.js';
import { correctedSourceText, foldWhitespace, sentencesOf, WordPositions } from '../data/source-text.js';
import { quotesOf } from '../data/validate.js';
import { datesIn, type OrganisationMention, organisationsIn } from './mentions.js';
import { type Repair, repairMojibake } from './mojibake.js';
import type { Copy } from './read-copy.js';

/** One fact of one record that a quote supports. */
export interface SupportedFact {
  record: string;
  /** Where the fact is in the record, as validate-data names it: "agreements[0]", "provenance[2]"… */
  field: string;
  /** The fact in words: "MOU, 24 June 2011", "focus area drugs", "summary". */
  fact: string;
}

export interface ChangedQuote {
  quote: string;
  /** The text that now stands where the quote stood. */
  now: string;
  /** The word diff from the quote to `now` (jsdiff's diffWords). */
  diff: { value: string; added: boolean; removed: boolean }[];
  supports: SupportedFact[];
}

export interface GoneQuote {
  quote: string;
  supports: SupportedFact[];
}

/** Text of the new copy that no record quotes and the current copy does not have. */
export interface NewText {
  /** A whole new paragraph (or heading), or new sentences in a paragraph the data already knows. */
  kind: 'paragraph' | 'sentences';
  text: string;
  /** A new paragraph: the one before it in the new copy, to find it by. */
  after?: string;
  /** New sentences: the paragraph they are in. */
  in?: string;
  dates: PartialDate[];
  organisations: OrganisationMention[];
}

/**
 * What comes first: a changed date in a quote supporting an agreement's (then a milestone's) date, then an
 * agreement whose quote is gone.
 */
export interface Headline {
  kind: 'date changed' | 'agreement quote gone';
  record: string;
  field: string;
  text: string;
}

export interface SourceReport {
  format: Copy['format'];
  encoding: string;
  headlines: Headline[];
  quotes: { total: number; wordForWord: number; changed: ChangedQuote[]; gone: GoneQuote[] };
  newText: NewText[];
  /** Mis-decoded words the check repaired that no correction in partners.json records. */
  unrecordedRepairs: Repair[];
  /** Corrections of partners.json whose text the new copy no longer has: validate-data will refuse them. */
  staleCorrections: string[];
  /** Sentences of the current copy that no record quotes and the new copy drops: nothing to update. */
  droppedUnquoted: string[];
  summary: string;
  /** 0: nothing to do; 1: the data needs a look. */
  exitCode: 0 | 1;
}

export interface CheckInput {
  partners: readonly Partner[];
  corrections: readonly Correction[];
  /** The raw text of the copy the data is checked against today (data/source/…). */
  currentSource: string;
  copy: Copy;
}

/** The share of a quote's words that must still stand, in order, for it to count as changed rather than gone. */
const KEPT_TO_BE_CHANGED = 0.5;

/** A text as quotes are matched against it: one paragraph a line, corrections applied, white space folded. */
interface Prepared {
  lines: string[];
  words: string[];
  text: string;
  repairs: Repair[];
}

/**
 * The paragraphs of a text: lines apart, except that a line not ending a sentence goes on in the next one unless
 * a blank line comes between (a copy saved with its lines wrapped reads as the same paragraphs).
 */
function paragraphsOf(text: string): string[] {
  const paragraphs: string[] = [];
  let goesOn = false;
  for (const line of text.split('\n')) {
    if (!line.trim()) {
      goesOn = false;
      continue;
    }
    if (goesOn) paragraphs.push(`${paragraphs.pop()} ${line}`);
    else paragraphs.push(line);
    goesOn = !/[.!?]["'’”)]?\s*$/.test(line);
  }
  return paragraphs;
}

function prepare(raw: string, corrections: readonly Correction[]): Prepared {
  const corrected = paragraphsOf(raw)
    .map((line) => correctedSourceText(line, corrections))
    .join('\n');
  const { text, repairs } = repairMojibake(corrected);
  const lines = text.split('\n').filter(Boolean);
  const joined = lines.join(' ');
  return { lines, words: joined.split(' '), text: joined, repairs };
}

/** Where each word of the current copy went in the new one: a word index, or the change group replacing it. */
interface Alignment {
  keptAt: (number | undefined)[];
  /** For each word of the current copy that was removed or replaced: the new copy's words in its place. */
  replacedBy: ({ start: number; end: number } | undefined)[];
}

function align(current: readonly string[], next: readonly string[]): Alignment {
  const keptAt: (number | undefined)[] = [];
  const replacedBy: ({ start: number; end: number } | undefined)[] = [];
  let oldIndex = 0;
  let newIndex = 0;
  const parts = diffArrays(current as string[], next as string[]);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as ChangeObject<string[]>;
    if (!part.added && !part.removed) {
      for (let k = 0; k < part.count; k++) keptAt[oldIndex + k] = newIndex + k;
      oldIndex += part.count;
      newIndex += part.count;
      continue;
    }
    // A change group: the removed and added parts between two kept ones, in whichever order they come.
    let removed = 0;
    let added = 0;
    for (; i < parts.length && (parts[i]?.added || parts[i]?.removed); i++) {
      if (parts[i]?.added) added += parts[i]?.count ?? 0;
      else removed += parts[i]?.count ?? 0;
    }
    i--;
    const group = { start: newIndex, end: newIndex + added };
    for (let k = 0; k < removed; k++) replacedBy[oldIndex + k] = group;
    oldIndex += removed;
    newIndex += added;
  }
  return { keptAt, replacedBy };
}

/** The word range of a quote found verbatim in a prepared text (quotes start and end on word boundaries). */
function wordRange(prepared: Prepared, quote: string): { start: number; end: number } | undefined {
  const at = prepared.text.indexOf(quote);
  if (at === -1) return undefined;
  const start = at === 0 ? 0 : prepared.text.slice(0, at).split(' ').length - 1;
  return { start, end: start + quote.split(' ').length };
}

export function checkSource({ partners, corrections, currentSource, copy }: CheckInput): SourceReport {
  const current = prepare(currentSource, corrections);
  const next = prepare(copy.text, corrections);
  const nextIndex = new WordPositions(next.text);
  const alignment = align(current.words, next.words);

  const { supportsOf, dated } = quotesByText(partners);
  const changed: ChangedQuote[] = [];
  const gone: GoneQuote[] = [];
  const quotedInCurrent = new Array<boolean>(current.words.length).fill(false);
  const changedInNext = new Array<boolean>(next.words.length).fill(false);
  // In the order the quotes stand in the current copy, so that the report reads down the page.
  const placed = [...supportsOf].map(([quote, supports]) => ({
    quote,
    supports,
    range: wordRange(current, quote),
  }));
  placed.sort((a, b) => (a.range?.start ?? -1) - (b.range?.start ?? -1));
  for (const { quote, supports, range } of placed) {
    if (range) quotedInCurrent.fill(true, range.start, range.end);
    if (nextIndex.includes(quote)) continue;
    const now = range && followInto(alignment, range);
    if (!now) {
      gone.push({ quote, supports });
      continue;
    }
    changedInNext.fill(true, now.start, now.end);
    const text = next.words.slice(now.start, now.end).join(' ');
    const diff = diffWords(quote, text).map(({ value, added, removed }) => ({ value, added, removed }));
    changed.push({ quote, now: text, diff, supports });
  }

  const headlines = headlinesOf(dated, changed, gone);
  const newText = newTextOf(current, next, changedInNext, partners);
  const nextSentences = new Set(next.lines.flatMap(sentencesOf));
  const droppedUnquoted = sentencesWithRanges(current.lines)
    .filter(
      ({ sentence, start, end }) =>
        !nextSentences.has(sentence) && !quotedInCurrent.slice(start, end).some(Boolean),
    )
    .map(({ sentence }) => sentence);
  const staleCorrections = corrections.flatMap(({ replace }) =>
    replace && currentSource.includes(replace.find) && !copy.text.includes(replace.find)
      ? [replace.find]
      : [],
  );
  const unrecordedRepairs = next.repairs;

  const needsLook =
    changed.length + gone.length + newText.length + unrecordedRepairs.length + staleCorrections.length > 0;
  const report: Omit<SourceReport, 'summary'> = {
    format: copy.format,
    encoding: copy.encoding,
    headlines,
    quotes: {
      total: supportsOf.size,
      wordForWord: supportsOf.size - changed.length - gone.length,
      changed,
      gone,
    },
    newText,
    unrecordedRepairs,
    staleCorrections,
    droppedUnquoted,
    exitCode: needsLook ? 1 : 0,
  };
  return { ...report, summary: summaryOf(report) };
}

/** Each distinct quote of the data (white space folded), with the facts it supports; and the dated facts. */
function quotesByText(partners: readonly Partner[]) {
  const supportsOf = new Map<string, SupportedFact[]>();
  const dated: DatedFact[] = [];
  for (const partner of partners) {
    for (const [path, raw] of quotesOf(partner)) {
      const quote = foldWhitespace(raw);
      const field = path.slice(1).replace(/\.source$/, '');
      const described = describe(partner, field);
      supportsOf.set(quote, [
        ...(supportsOf.get(quote) ?? []),
        { record: partner.id, field, fact: described.fact },
      ]);
      if (described.date !== undefined) {
        dated.push({ quote, partner, field, date: described.date, kind: described.kind });
      }
    }
  }
  return { supportsOf, dated };
}

function headlinesOf(dated: DatedFact[], changed: ChangedQuote[], gone: GoneQuote[]): Headline[] {
  const dateHeadlines = (facts: DatedFact[]) =>
    facts.flatMap((fact) => {
      const change = changed.find((entry) => entry.quote === fact.quote);
      return change ? dateHeadline(fact, change) : [];
    });
  const agreements = dated.filter((fact) => fact.kind !== 'milestone');
  return [
    ...dateHeadlines(agreements),
    ...dateHeadlines(dated.filter((fact) => fact.kind === 'milestone')),
    ...agreements
      .filter((fact) => gone.some((entry) => entry.quote === fact.quote))
      .map(({ partner, field, kind, date }) => ({
        kind: 'agreement quote gone' as const,
        record: partner.id,
        field,
        text: `${partner.name}: the quote for its ${kind} (${formatPartialDate(date)}) is gone from the page; record "${partner.id}" ${field}`,
      })),
  ];
}

/** Where a quote's words now stand in the new copy, or undefined when too few of them are left to call it a change. */
function followInto({ keptAt, replacedBy }: Alignment, { start, end }: { start: number; end: number }) {
  let kept = 0;
  for (let i = start; i < end; i++) if (keptAt[i] !== undefined) kept++;
  if (kept < (end - start) * KEPT_TO_BE_CHANGED) return undefined;
  const from = keptAt[start] ?? replacedBy[start]?.start;
  const last = end - 1;
  const to = keptAt[last] === undefined ? replacedBy[last]?.end : (keptAt[last] as number) + 1;
  return from === undefined || to === undefined || to <= from ? undefined : { start: from, end: to };
}

function describe(
  partner: Partner,
  field: string,
): { fact: string; kind: string; date?: PartialDate | null } {
  const [, list, indexText] = /^(\w+)\[(\d+)\]$/.exec(field) ?? [];
  const index = Number(indexText);
  switch (list) {
    case 'agreements': {
      const agreement = partner.agreements[index];
      if (!agreement) break;
      return {
        fact: `${agreement.type}, ${formatPartialDate(agreement.date)}`,
        kind: agreement.type,
        date: agreement.date,
      };
    }
    case 'milestones': {
      const milestone = partner.milestones[index];
      if (!milestone) break;
      return {
        fact: `${milestone.label}, ${formatPartialDate(milestone.date)}`,
        kind: 'milestone',
        date: milestone.date,
      };
    }
    case 'focusAreas':
      return { fact: `focus area ${partner.focusAreas[index]?.topic}`, kind: 'focus area' };
    case 'programmes':
      return { fact: `programme ${partner.programmes[index]?.name}`, kind: 'programme' };
    case 'relatedBodies':
      return { fact: `related body ${partner.relatedBodies[index]?.name}`, kind: 'related body' };
    case 'locations':
      return { fact: `location ${partner.locations[index]?.place}`, kind: 'location' };
    case 'provenance':
      return { fact: 'summary', kind: 'summary' };
  }
  return { fact: field, kind: field };
}

/** An agreement or milestone, with the quote its date rests on. */
interface DatedFact {
  quote: string;
  partner: Partner;
  field: string;
  kind: string;
  date: PartialDate | null;
}

function dateHeadline({ partner, field, kind, date }: DatedFact, change: ChangedQuote): Headline[] {
  const before = datesIn(change.quote);
  const after = datesIn(change.now);
  if (before.join() === after.join()) return [];
  const added = after.filter((value) => !before.includes(value));
  const now = added.length ? added.map((value) => formatPartialDate(value)).join(', ') : 'no date';
  const where = `record "${partner.id}" ${field}.date is ${date === null ? 'null' : `"${date}"`}`;
  const headline = (text: string): Headline[] => [{ kind: 'date changed', record: partner.id, field, text }];
  if (date !== null && before.includes(date) && !after.includes(date)) {
    return headline(
      `${partner.name}: the ${kind} date changed in the source: ${formatPartialDate(date)} → ${now}; ${where}`,
    );
  }
  const was = before.map((value) => formatPartialDate(value)).join(', ') || 'no date';
  return headline(`${partner.name}: a date in the quote for its ${kind} changed: ${was} → ${now}; ${where}`);
}

function sentencesWithRanges(lines: readonly string[]) {
  const sentences: { sentence: string; line: number; start: number; end: number }[] = [];
  let word = 0;
  lines.forEach((text, line) => {
    for (const sentence of sentencesOf(text)) {
      const count = sentence.split(' ').length;
      sentences.push({ sentence, line, start: word, end: word + count });
      word += count;
    }
  });
  return sentences;
}

/**
 * Sentences of the new copy that the current copy does not have and that are not a changed quote's new words,
 * by paragraph: a paragraph all of whose sentences are new is reported whole.
 */
function newTextOf(
  current: Prepared,
  next: Prepared,
  changedInNext: readonly boolean[],
  partners: readonly Partner[],
): NewText[] {
  const known = new Set(current.lines.flatMap(sentencesOf));
  const byLine = new Map<number, { all: number; fresh: string[] }>();
  for (const { sentence, line, start, end } of sentencesWithRanges(next.lines)) {
    const entry = byLine.get(line) ?? { all: 0, fresh: [] };
    entry.all++;
    if (!known.has(sentence) && !changedInNext.slice(start, end).some(Boolean)) entry.fresh.push(sentence);
    byLine.set(line, entry);
  }
  return [...byLine].flatMap(([line, { all, fresh }]): NewText[] => {
    if (!fresh.length) return [];
    const text = fresh.join(' ');
    const after = next.lines[line - 1];
    const where =
      fresh.length < all ? { in: next.lines[line] as string } : after === undefined ? {} : { after };
    return [
      {
        kind: fresh.length === all ? 'paragraph' : 'sentences',
        text,
        ...where,
        dates: datesIn(text),
        organisations: organisationsIn(text, partners),
      },
    ];
  });
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function summaryOf(report: Omit<SourceReport, 'summary'>): string {
  const { quotes, newText, headlines } = report;
  const paragraphs = newText.filter((entry) => entry.kind === 'paragraph').length;
  const parts = [
    `${plural(quotes.total, 'quote')}: ${quotes.wordForWord} word for word, ${quotes.changed.length} changed, ${quotes.gone.length} gone`,
    `${plural(paragraphs, 'new paragraph')}, ${plural(newText.length - paragraphs, 'paragraph')} with new sentences`,
  ];
  const dateChanges = headlines.filter((headline) => headline.kind === 'date changed').length;
  if (dateChanges) parts.push(`${plural(dateChanges, 'dated fact')} whose date changed`);
  if (report.unrecordedRepairs.length)
    parts.push(plural(report.unrecordedRepairs.length, 'unrecorded repair'));
  if (report.staleCorrections.length) parts.push(plural(report.staleCorrections.length, 'stale correction'));
  const verdict = report.exitCode === 0 ? 'nothing to do' : 'the data needs a look';
  return `${parts.join('; ')}: ${verdict}.`;
}
