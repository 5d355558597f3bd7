import type { Correction } from './schema.js';

/** Folds every run of white space (including the source's non-breaking spaces) to one plain space. */
export function foldWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** The source text as provenance quotes are matched against it: recorded replacements applied, white space folded. */
export function correctedSourceText(raw: string, corrections: readonly Correction[]): string {
  let text = raw;
  for (const { replace } of corrections) {
    if (replace) text = text.split(replace.find).join(replace.with);
  }
  return foldWhitespace(text);
}
