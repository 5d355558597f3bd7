/**
 * Reading a question: what it asks (read first, from the question words, before small words are dropped),
 * the period it names, then the partners, bodies, programmes, places and focus areas it names (phrase table),
 * and any organisation it names that the data does not know.
 */
import type { Partner, Topic } from '../data/schema.js';
import type { Found, PhraseTable, Via } from './phrases.js';
import { type Period, readPeriod } from './time.js';
import { CUES, GRAMMAR, type Intent } from './vocabulary.js';
import { type Word, wordsOf } from './words.js';

export type { Intent };

/** Capitalised words that name no organisation. */
const NOT_NAMES = new Set(['wco', 'omd', 'mou', 'mous', 'un', 'eu', 'ue', 'dg', 'i', 'a', 'ok']);
/** Verbs after which "with X" names an organisation ("work with the imf"). */
const WORKS_WITH = new Set([
  'work',
  'works',
  'worked',
  'cooperate',
  'cooperates',
  'partner',
  'partners',
  'collaborate',
  'travaille',
  'cooperer',
]);
/** Negated verbs: "didn't" reads as "didn" + "t"; only these make the "t" a "not". */
const NEGATABLE = new Set(['don', 'doesn', 'didn', 'isn', 'wasn', 'aren', 'weren', 'hasn', 'haven', 'hadn']);

export interface NamedPartner {
  partner: Partner;
  via: Via;
  /** The body, programme or place named, for answers about it. */
  named?: string;
}

export interface Reading {
  intents: Set<Intent>;
  period?: Period;
  partners: NamedPartner[];
  topics: Topic[];
  /** The WCO itself was named. */
  wco: boolean;
  /** An organisation the question names that the data does not know ("the IMF", "NATO"). */
  unknownName?: string;
  /** Words understood as nothing (not question words, not names): what the fallback search looks for. */
  leftover: Word[];
}

/** Cue phrases by their first word. */
const CUES_BY_FIRST_WORD = new Map<string, (readonly [Intent, string, string[]])[]>();
for (const [intent, cues] of Object.entries(CUES) as [Intent, string[]][]) {
  for (const cue of cues) {
    const parts = cue.split(' ');
    const first = parts[0] as string;
    CUES_BY_FIRST_WORD.set(first, [...(CUES_BY_FIRST_WORD.get(first) ?? []), [intent, cue, parts]]);
  }
}

function cuePositions(words: readonly Word[]): { intents: Set<Intent>; used: Set<number> } {
  const intents = new Set<Intent>();
  const used = new Set<number>();
  const folded = words.map((word) => word.folded);
  for (let at = 0; at < folded.length; at++) {
    for (const [intent, cue, parts] of CUES_BY_FIRST_WORD.get(folded[at] as string) ?? []) {
      if (!parts.every((part, i) => folded[at + i] === part)) continue;
      // "who" is WHO in capitals or after "the"; "ou" is "où" only with its accent.
      const word = words[at] as Word;
      if (cue === 'who' && (word.text === 'WHO' || folded[at - 1] === 'the')) continue;
      if (cue === 'ou' && word.text.toLowerCase() !== 'où') continue;
      intents.add(intent);
      for (let i = 0; i < parts.length; i++) used.add(at + i);
    }
  }
  for (let at = 1; at < folded.length; at++) {
    if (folded[at] === 't' && NEGATABLE.has(folded[at - 1] ?? '')) intents.add('never');
  }
  return { intents, used };
}

/** An organisation named in capitals (IMF, NATO, Red Cross) or after "is the … a partner", "with the …". */
function unknownNameIn(
  words: readonly Word[],
  understood: ReadonlySet<number>,
  intents: ReadonlySet<Intent>,
): string | undefined {
  const free = (i: number) => !understood.has(i) && !NOT_NAMES.has(words[i]?.folded ?? '');
  const capitalised = (i: number) => {
    const text = words[i]?.text ?? '';
    return /^\p{Lu}/u.test(text) && (i > 0 || text.length > 1) && !GRAMMAR.has(words[i]?.folded ?? '');
  };
  const acronym = words.findIndex((word, i) => free(i) && /^\p{Lu}{2,10}$/u.test(word.text));
  if (acronym >= 0) return words[acronym]?.text;
  for (let i = 1; i < words.length; i++) {
    if (!free(i) || !capitalised(i)) continue;
    let end = i;
    while (end + 1 < words.length && free(end + 1) && capitalised(end + 1)) end++;
    return words
      .slice(i, end + 1)
      .map((word) => word.text)
      .join(' ');
  }
  // Lower case, in a question about partners or agreements: what follows "with the", "is the", "avec l'"
  // up to a question word, if nothing else read it ("is the imf a partner").
  const asksAboutPartners = intents.has('isPartner') || intents.has('agreement');
  const cues = asksAboutPartners ? new Set(['with', 'is', 'avec', 'le', 'la', 'l', 'about']) : WORKS_WITH;
  for (let i = 0; i < words.length - 1; i++) {
    const cue = words[i]?.folded ?? '';
    if (!cues.has(cue) && !(cue === 'with' && WORKS_WITH.has(words[i - 1]?.folded ?? ''))) continue;
    let start = i + 1;
    if (['the', 'le', 'la', 'l', 'les'].includes(words[start]?.folded ?? '')) start++;
    let end = start;
    while (end < words.length && free(end) && !GRAMMAR.has(words[end]?.folded ?? '')) end++;
    if (end > start)
      return words
        .slice(start, end)
        .map((word) => word.text)
        .join(' ');
  }
  return undefined;
}

export function readQuestion(question: string, table: PhraseTable): Reading {
  const words = wordsOf(question);
  const { intents, used: cueWords } = cuePositions(words);
  const { period, used: dateWords } = readPeriod(words);
  // Typos: a word the table nearly knows, unless it is a question word or a date.
  const corrected = words.map((word, i) => {
    if (GRAMMAR.has(word.folded) || dateWords.has(i)) return word;
    const fix = table.correct(word.folded);
    const [fixed] = fix ? wordsOf(fix) : [];
    return fixed ? { ...fixed, text: word.text } : word;
  });
  const found: Found[] = table.find(corrected, dateWords);
  const partners: NamedPartner[] = [];
  const topics: Topic[] = [];
  let wco = false;
  const understood = new Set<number>([...dateWords]);
  for (const hit of found) {
    for (let i = hit.start; i < hit.end; i++) understood.add(i);
    for (const target of hit.targets) {
      if (target.kind === 'wco') wco = true;
      else if (target.kind === 'topic') {
        if (!topics.includes(target.topic)) topics.push(target.topic);
      } else if (!partners.some((known) => known.partner === target.partner)) {
        partners.push({ partner: target.partner, via: target.via, named: target.named });
      }
    }
  }
  const isContent = (word: Word, i: number) =>
    !cueWords.has(i) && !dateWords.has(i) && !GRAMMAR.has(word.folded);
  const leftover = corrected.filter((word, i) => !understood.has(i) && isContent(word, i));
  // Named in pieces, with a word the table does not know or typed a letter off ("narcotics bord").
  const inPieces = partners.length ? undefined : table.byNameWords(words.filter(isContent));
  if (inPieces && (inPieces.typo || leftover.length)) {
    partners.push({ partner: inPieces.partner, via: 'namePart' });
    leftover.length = 0;
  }
  const unknownName = partners.length
    ? undefined
    : unknownNameIn(words, new Set([...understood, ...cueWords]), intents);
  return { intents, period, partners, topics, wco, unknownName, leftover };
}
