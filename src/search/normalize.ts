/** Text folding shared by the index and the queries: lower case, no diacritics, words of letters and digits. */

/** Queries are cut to this many characters before any work (Discord caps options at 100 too). */
const MAX_QUERY_LENGTH = 100;
/** Words of a query beyond this many are ignored. */
const MAX_QUERY_TOKENS = 8;

/** `'a:b c:d'` → a → b, c → d. */
const pairs = (text: string) => new Map(text.split(' ').map((pair) => pair.split(':') as [string, string]));
/** Letters that Unicode decomposition does not split into a base letter and a mark. */
const UNDECOMPOSABLE = pairs('ß:ss æ:ae œ:oe ø:o đ:d ð:d þ:th ł:l ı:i ħ:h');

/** Lower-cases and strips diacritics: `Heřmanice` → `hermanice`, `Straße` → `strasse`. Never throws. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßæœøđðþłıħ]/g, (letter) => UNDECOMPOSABLE.get(letter) ?? letter);
}

const SPELLING_VARIANTS = pairs(
  'centre:center centres:centers programme:program programmes:programs defence:defense licence:license labour:labor',
);

/**
 * British and American spellings of the same word meet: `organisation` → `organization`, `organised` → `organized`,
 * `centre` → `center`, `programme` → `program`, `labour` → `labor`. Whole words only, applied alike to records and
 * queries (partners' names use both, e.g. OPCW's "Organization"/"Organisation").
 */
export function unifySpelling(word: string): string {
  if (word.length < 6) return word;
  return SPELLING_VARIANTS.get(word) ?? word.replace(/isation(s?)$|ised$/, (end) => end.replace('s', 'z'));
}

/** The words of folded text, spellings unified; punctuation, symbols and lone surrogates split words. */
export const wordsOf = (folded: string) => (folded.match(/[\p{L}\p{N}]+/gu) ?? []).map(unifySpelling);

/** Folded words joined by single spaces: what exact names are compared by. */
export const keyOf = (text: string) => wordsOf(foldText(text)).join(' ');

/**
 * The words MiniSearch indexes: folded, spellings unified, and the words of each hyphenated (or otherwise
 * punctuated) chunk also run together: `counter-terrorism` gives `counterterrorism` too.
 */
export function indexWords(text: string): string[] {
  const folded = foldText(text);
  const words = wordsOf(folded);
  for (const chunk of folded.split(/\s+/)) {
    const parts = wordsOf(chunk);
    if (parts.length > 1) words.push(parts.join(''));
  }
  return words;
}

/** Words too common to identify anything; dropped from queries and from the index. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  'a an and as at by de des du et for from in is it its la le of on or s the their to with'.split(' '),
);

export interface NormalizedQuery {
  /** The words that carry meaning (stop words dropped, each once), at most MAX_QUERY_TOKENS. */
  terms: string[];
  /** Every word of the folded query, each once, joined by single spaces: what exact keys are compared with. */
  key: string;
  /** Letters and digits in the query: 1–2 take the short-query route, 0 means nothing to search. */
  length: number;
}

/** Folds a raw query; never throws, whatever the input (non-strings count as empty). */
export function normalizeQuery(raw: unknown): NormalizedQuery {
  // Control and invisible format characters (NUL, zero-width joiners, soft hyphens) are dropped, not word breaks.
  const typed = typeof raw === 'string' ? raw.slice(0, MAX_QUERY_LENGTH) : '';
  const text = typed.replace(/[\t\n\v\f\r]/g, ' ').replace(/[\p{Cc}\p{Cf}]/gu, '');
  const words = [...new Set(wordsOf(foldText(text)))];
  const terms = words.filter((word) => !STOP_WORDS.has(word)).slice(0, MAX_QUERY_TOKENS);
  return { terms, key: words.join(' '), length: words.join('').length };
}
