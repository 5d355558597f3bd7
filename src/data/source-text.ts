import type { Correction } from './schema.js';

/**
 * Folds every run of white space (including the source's non-breaking spaces) to one plain space. `\s` is
 * Unicode white space with or without the `u` flag (and matches no surrogate), so the flag is left out: the
 * same result, about three times faster at start-up.
 */
export function foldWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The source text as provenance quotes are matched against it: recorded replacements applied, white space folded. */
export function correctedSourceText(raw: string, corrections: readonly Correction[]): string {
  let text = raw;
  for (const { replace } of corrections) {
    if (replace) text = text.split(replace.find).join(replace.with);
  }
  return foldWhitespace(text);
}

/**
 * How many distinct sentences of the source these quotes hold (a quote may span two). A sentence ends at . ! or ?
 * after a lower-case letter, a digit or a bracket, so "U.N. Members" stays one sentence.
 */
export function sentenceCount(quotes: readonly string[]): number {
  return new Set(quotes.flatMap(sentencesOf)).size;
}

/** The sentences of a text, white space folded (where a sentence ends: see sentenceCount). */
export function sentencesOf(text: string): string[] {
  return foldWhitespace(text).split(/(?<=[\p{Ll}\p{N})’'][.!?])\s+(?=\p{Lu}|‘)/u);
}

/**
 * A long text of words separated by single spaces (white space folded), indexed by where each word starts, so that
 * `includes` answers like `String.includes` without scanning the whole text for every one of thousands of quotes
 * and names (10,000 partners: ~20 s of scans at start-up). A word of the pattern with a space on each side is a
 * whole word of the text wherever the pattern occurs, so only the places of its rarest such word are checked.
 */
export class WordPositions {
  private readonly starts = new Map<string, number[]>();

  constructor(readonly text: string) {
    for (let start = 0; start < text.length; ) {
      const space = text.indexOf(' ', start);
      const end = space === -1 ? text.length : space;
      if (end > start) {
        const word = text.slice(start, end);
        const places = this.starts.get(word);
        if (places) places.push(start);
        else this.starts.set(word, [start]);
      }
      start = end + 1;
    }
  }

  includes(pattern: string): boolean {
    let rarest: number[] | undefined;
    let offset = 0;
    for (let space = pattern.indexOf(' '); space !== -1; ) {
      const next = pattern.indexOf(' ', space + 1);
      if (next === -1) break;
      if (next > space + 1) {
        const places = this.starts.get(pattern.slice(space + 1, next)) ?? [];
        if (!rarest || places.length < rarest.length) {
          rarest = places;
          offset = space + 1;
        }
      }
      space = next;
    }
    if (!rarest) return this.text.includes(pattern);
    return rarest.some((place) => place >= offset && this.text.startsWith(pattern, place - offset));
  }
}
