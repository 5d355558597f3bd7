import { formatPartialDate } from '../data/dates.js';
import type { ChangedQuote, NewText, SourceReport, SupportedFact } from './check.js';

/** Unchanged words kept around each change in a word diff; longer unchanged stretches are cut to "…". */
const CONTEXT_WORDS = 6;

/** A word diff as `git diff --word-diff=plain` writes one: [-removed-]{+added+}, long unchanged stretches cut. */
export function wordDiffText(diff: ChangedQuote['diff']): string {
  return diff
    .map(({ value, added, removed }, index) => {
      if (added) return `{+${value}+}`;
      if (removed) return `[-${value}-]`;
      const words = value.split(' ');
      if (words.length <= CONTEXT_WORDS * 2 + 1) return value;
      const head = index === 0 ? ['…'] : words.slice(0, CONTEXT_WORDS + 1).concat('…');
      const tail = index === diff.length - 1 ? [] : words.slice(-CONTEXT_WORDS - 1);
      return [...head, ...tail].join(' ');
    })
    .join('');
}

function supportsText(supports: readonly SupportedFact[]): string {
  const byRecord = new Map<string, string[]>();
  for (const { record, field, fact } of supports) {
    byRecord.set(record, [...(byRecord.get(record) ?? []), `${field} (${fact})`]);
  }
  return [...byRecord].map(([record, facts]) => `${record}: ${facts.join(', ')}`).join('; ');
}

const clip = (text: string, length = 70) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

function newTextLines(
  { kind, text, after, in: paragraph, dates, organisations }: NewText,
  number: number,
): string[] {
  const where =
    paragraph !== undefined
      ? `in the paragraph "${clip(paragraph, 50)}"`
      : after === undefined
        ? 'at the top'
        : `after "${clip(after, 50)}"`;
  const names = organisations.map(({ name, partner }) =>
    partner ? `${name} (record "${partner}")` : `${name} (new)`,
  );
  return [
    `  ${number}. ${kind === 'paragraph' ? 'New paragraph' : 'New sentences'} ${where}:`,
    `     "${text}"`,
    `     dates: ${dates.map((date) => formatPartialDate(date)).join(', ') || 'none'}; organisations: ${names.join(', ') || 'none'}`,
  ];
}

/** The report as a maintainer reads it in a terminal: headlines first, the one-line summary last. */
export function formatReport(report: SourceReport, file: string, against: string): string {
  const { headlines, quotes } = report;
  const lines = [
    `New copy: ${file} (${report.format === 'html' ? 'HTML' : 'text'}, ${report.encoding}), against ${against}.`,
  ];
  const section = (title: string, body: string[]) => {
    if (body.length) lines.push('', title, ...body);
  };
  section(
    'HEADLINES',
    headlines.map((headline) => `  ! ${headline.text}`),
  );
  section(
    `Quotes changed (${quotes.changed.length} of ${quotes.total}), as a word diff [-was-]{+now+}:`,
    quotes.changed.flatMap((change, index) => [
      `  ${index + 1}. ${wordDiffText(change.diff)}`,
      `     supports ${supportsText(change.supports)}`,
    ]),
  );
  section(
    `Quotes gone (${quotes.gone.length} of ${quotes.total}):`,
    quotes.gone.flatMap((entry, index) => [
      `  ${index + 1}. "${clip(entry.quote, 160)}"`,
      `     supports ${supportsText(entry.supports)}`,
    ]),
  );
  section(
    `Text no record quotes, new in this copy (${report.newText.length}):`,
    report.newText.flatMap((entry, index) => newTextLines(entry, index + 1)),
  );
  section(
    'Mis-decoded words repaired that no correction in partners.json records (add one before --write):',
    report.unrecordedRepairs.map((repair) => `  "${repair.find}" → "${repair.with}"`),
  );
  section(
    'Corrections in partners.json whose text this copy no longer has (remove them after --write):',
    report.staleCorrections.map((find) => `  "${find}"`),
  );
  section(
    'Dropped from the page, quoted by no record (nothing to update):',
    report.droppedUnquoted.map((sentence) => `  "${clip(sentence, 160)}"`),
  );
  lines.push('', `Summary: ${report.summary}`);
  return lines.join('\n');
}
