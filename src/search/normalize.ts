/** Text folding shared by the index and the queries: lower case, no diacritics, words of letters and digits. */

/** Queries are cut to this many characters before any work (Discord caps options at 100 too). */
export const MAX_QUERY_LENGTH = 100;
/** Words of a query beyond this many are ignored. */
export const MAX_QUERY_TOKENS = 8;

const NON_ASCII = /[\u0080-\uffff]/;
const COMBINING_MARKS = /\p{M}+/gu;
/** Letters that Unicode decomposition does not split into a base letter and a mark. */
const UNDECOMPOSABLE: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
  ħ: 'h',
};
const UNDECOMPOSABLE_PATTERN = /[ßæœøđðþłıħ]/g;
const ASCII_WORD = /[a-z0-9]+/g;
const UNICODE_WORD = /[\p{L}\p{N}]+/gu;
/** Letters or digits on both sides of something that is neither they nor a space. */
const INNER_PUNCTUATION = /[\p{L}\p{N}][^\p{L}\p{N}\s]+[\p{L}\p{N}]/u;

/** Lower-cases and strips diacritics: `Heřmanice` → `hermanice`, `Straße` → `strasse`. Never throws. */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  return lower
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(UNDECOMPOSABLE_PATTERN, (letter) => UNDECOMPOSABLE[letter] ?? letter);
}

/**
 * British and American spellings of the same word meet: `organisation` → `organization`, `organised` → `organized`,
 * `centre` → `center`, `programme` → `program`, `defence` → `defense`, `labour` → `labor`. Whole words only, applied
 * alike to records and queries (partners' names use both, e.g. OPCW's "Organization"/"Organisation").
 */
export function unifySpelling(word: string): string {
  if (word.length < 6) return word;
  const variant = SPELLING_VARIANTS.get(word);
  if (variant) return variant;
  // Most words end otherwise: a plain test first is much cheaper than the replace over 2 million summary words.
  if (!(word.endsWith('ised') || word.endsWith('isation') || word.endsWith('isations'))) return word;
  return word.replace(/isation(s?)$|ised$/, (end) => end.replace('s', 'z'));
}

const SPELLING_VARIANTS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    centre: 'center',
    centres: 'centers',
    programme: 'program',
    programmes: 'programs',
    defence: 'defense',
    licence: 'license',
    labour: 'labor',
  }),
);

/** Runs of letters and digits in folded text; punctuation, symbols and lone surrogates split words. */
const lettersAndDigitsOf = (folded: string) =>
  folded.match(NON_ASCII.test(folded) ? UNICODE_WORD : ASCII_WORD) ?? [];

/** The words of folded text, spellings unified. */
export const wordsOf = (folded: string) => lettersAndDigitsOf(folded).map((word) => unifySpelling(word));

/** Folded words joined by single spaces: what exact names are compared by. */
export const keyOf = (text: string) => wordsOf(foldText(text)).join(' ');

/** The distinct words of folded text, as `wordsOf` gives them; long text repeats words, so each is unified once. */
export const distinctWordsOf = (folded: string) =>
  new Set([...new Set(lettersAndDigitsOf(folded))].map((word) => unifySpelling(word)));

/**
 * The words of each hyphenated (or otherwise punctuated) chunk run together: `counter-terrorism` also gives
 * `counterterrorism`, so a query typed without the hyphen still finds the word.
 */
function compoundsOf(folded: string): string[] {
  const compounds: string[] = [];
  if (!INNER_PUNCTUATION.test(folded)) return compounds;
  for (const chunk of folded.split(/\s+/)) {
    const words = wordsOf(chunk);
    if (words.length > 1) compounds.push(words.join(''));
  }
  return compounds;
}

/** The words MiniSearch indexes: folded, British/American spellings unified, hyphenated words also joined. */
export function indexWords(text: string): string[] {
  const folded = foldText(text);
  return [...wordsOf(folded), ...compoundsOf(folded)];
}

/** Words too common to identify anything; dropped from queries and from long text. */
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

const WHITESPACE_CONTROLS = /[\t\n\v\f\r]/g;
/** Other control and invisible format characters (NUL, zero-width joiners, soft hyphens): dropped, not word breaks. */
const INVISIBLES = /[\p{Cc}\p{Cf}]/gu;

/** Folds a raw query; never throws, whatever the input (non-strings count as empty). */
export function normalizeQuery(raw: unknown): NormalizedQuery {
  const text =
    typeof raw === 'string'
      ? raw.slice(0, MAX_QUERY_LENGTH).replace(WHITESPACE_CONTROLS, ' ').replace(INVISIBLES, '')
      : '';
  const words = [...new Set(wordsOf(foldText(text)))];
  const terms = words.filter((word) => !STOP_WORDS.has(word)).slice(0, MAX_QUERY_TOKENS);
  return { terms, key: words.join(' '), length: words.join('').length };
}
