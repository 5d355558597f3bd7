/**
 * Why a partner found through a subject matched: the partner's own words that state the query (a clause of a
 * focus-area note), followed by the focus area it came through, e.g.
 * "work together against illegal trade in Ozone Depleting Substances — Environment". Nothing when no note states
 * it: the card already shows the summary (its description) and the focus areas' names, and says nothing twice.
 */
import type { Partner, Topic } from '../data/schema.js';
import { foldText, wordsOf } from './normalize.js';

const MAX_LENGTH = 160;
/** Clause boundaries: sentence ends, semicolons, colons, and commas or dashes followed by a space. */
const CLAUSES = /(?<=[.;:!?])\s+|,\s+|\s+[–—-]\s+/;

/** The first clause of `texts` that has one of the query words (the last one may be a word's start), cut short. */
function clauseWith(texts: readonly string[], terms: readonly string[]): string | undefined {
  const last = terms[terms.length - 1] ?? '';
  const states = (word: string) => terms.includes(word) || (last.length >= 3 && word.startsWith(last));
  const clauses = texts.flatMap((text) => text.split(CLAUSES));
  const found = clauses
    .find((clause) => wordsOf(foldText(clause)).some(states))
    ?.trim()
    .replace(/[.;:,]$/, '');
  return found && found.length > MAX_LENGTH ? `${found.slice(0, MAX_LENGTH - 1).trimEnd()}…` : found;
}

export function matchedText(partner: Partner, terms: readonly string[], via: readonly Topic[]) {
  const notes = partner.focusAreas.filter((focus) => via.some((topic) => topic.slug === focus.topic));
  const own = clauseWith(
    notes.map((focus) => focus.note),
    terms,
  );
  if (!own || foldText(partner.summary).includes(foldText(own.replace(/…$/, '')))) return undefined;
  return `${own} — ${via.map((topic) => topic.label).join(', ')}`;
}
