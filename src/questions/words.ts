/**
 * The words of a question and of the data, reduced alike: folded (lower case, no diacritics), British and
 * American spellings unified, then stemmed (`stemmer`, Porter, for English; `@orama/stemmers` French Snowball,
 * measured: 20/20 French word-form pairs, 2.6 KiB gzip, against snowball-stemmers' 37 KiB for the same result).
 */
import { stemmer as frenchStemmer } from '@orama/stemmers/french';
import { stemmer as englishStemmer } from 'stemmer';
import { foldText, unifySpelling } from '../search/normalize.js';

export type Language = 'en' | 'fr';

export interface Word {
  /** As typed. */
  text: string;
  folded: string;
  /** Stems in each language: a question's words are looked up in both tables. */
  en: string;
  fr: string;
}

/** Questions are cut to this many characters before any work. */
export const MAX_QUESTION_LENGTH = 300;

const WORD = /[\p{L}\p{N}]+/gu;

/** English stem of a folded word. */
export const englishStem = (folded: string): string => englishStemmer(unifySpelling(folded));
/** French stem of a word as written (the stemmer reads accents), then folded. */
export const frenchStem = (word: string): string => foldText(frenchStemmer(word.toLowerCase()));

/** Letters and digits, in order; apostrophes and hyphens split words ("l'OMD" → l, OMD). */
export function wordsOf(text: string): Word[] {
  return (text.slice(0, MAX_QUESTION_LENGTH).match(WORD) ?? []).map((word) => {
    const folded = foldText(word);
    return { text: word, folded, en: englishStem(folded), fr: frenchStem(word) };
  });
}

/** The stems of a data phrase in one language, space-joined: a key of the phrase table. */
export function phraseKey(phrase: string, language: Language): string {
  return wordsOf(phrase)
    .map((word) => word[language])
    .join(' ');
}

/** Words that only French questions use (English-looking ones such as "a", "date" or "conventions" left out). */
const FRENCH = new Set(
  (
    'quand qui quel quelle quels quelles combien ou depuis avant apres entre est le la les des du de au aux ' +
    'avec l d qu que quoi sur dans pour ont sont il elle ils elles ce c un une et partenaire partenaires ' +
    'accord accords signe signee signes signees protocole protocoles travaille travaillent lutte luttent ' +
    'contre trafic siege basee basees bases organisation organisations premier premiere dernier derniere ' +
    'annee annees jamais sans aucun aucune fait font ete avez t dresse chiens biens argent drogues'
  ).split(' '),
);
const ENGLISH = new Set(
  (
    'when who which what how many where the did does do with is are was were sign signed partner partners ' +
    'agreement agreements and of in on to about between before after since an has have any works work ' +
    'based first latest newest earliest never there that this they them their from for by it its fighting ' +
    'help helps deals deal trains covers compare both'
  ).split(' '),
);

/**
 * The language a question is written in: French when it has more French words (or accented letters) than
 * English ones; English otherwise. Mentions and DMs carry no locale, so they are answered in this language.
 */
export function questionLanguage(text: string): Language {
  let french = 0;
  let english = 0;
  for (const word of wordsOf(text)) {
    if (word.text === word.text.toUpperCase() && word.text.length > 1) continue; // acronyms say nothing
    if (FRENCH.has(word.folded) || /[éèêàùçâîôû]/i.test(word.text)) french++;
    if (ENGLISH.has(word.folded)) english++;
  }
  return french > english ? 'fr' : 'en';
}

/** Rows of the distance table, reused: questions are answered one at a time (the engine is synchronous). */
const rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Optimal string alignment distance (a swap of two letters counts 1), giving up above `max`. A typo keeps
 * the first letter, or swaps the first two: other words are not looked at.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max || b.length >= 63 || a.length >= 63) return max + 1;
  if (a[0] !== b[0] && !(a[0] === b[1] && a[1] === b[0])) return max + 1;
  let [before, previous, row] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (before[j - 2] as number) + 1);
      }
      row[j] = value;
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    [before, previous, row] = [previous, row, before];
  }
  return previous[b.length] as number;
}
