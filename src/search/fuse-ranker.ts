import Fuse, { type FuseIndex, type FuseOptionKey, type IFuseOptions } from 'fuse.js';
import type { FieldSpec } from './field-spec.js';
import { anchorShapes } from './shape-anchors.js';

export type FuseDoc = Record<string, string[]>;
type IndexRecord = FuseIndex<FuseDoc>['records'][number];

export interface FuseRanking {
  /** Position of the document in the list given to `rank`. */
  position: number;
  /** fuse.js record score: 0 perfect, 1 no match. */
  score: number;
}

/** A record to rank: its stable number in the whole index (for caching) and how to make its document. */
export interface RankInput {
  record: number;
  doc: () => FuseDoc;
}

/**
 * fuse.js's field-length norm of a text (`fieldNormWeight` 1), as its index computes it: 1 / √(number of
 * whitespace-separated tokens), to 3 decimals.
 */
function fieldNorm(text: string): number {
  let tokens = 0;
  let inToken = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const separator = (code >= 9 && code <= 13) || code === 32 || code === 160;
    if (!separator && !inToken) tokens++;
    inToken = !separator;
  }
  const mantissa = 1000;
  return Math.round(mantissa / (tokens === 0 ? 1 : tokens) ** 0.5) / mantissa;
}

/**
 * fuse.js over one set of keys, with each record's fuse.js index entry made the first time the record is a
 * candidate and kept: handing a reused Fuse instance a few dozen ready entries per (uncached) query is then cheap.
 * Entries are made here as `Fuse.createIndex` makes them (for each key, the document's texts with their position
 * and field norm), without its generic per-key property walk.
 */
class CachedFuse {
  private readonly keys: FuseOptionKey<FuseDoc>[];
  private readonly keyNames: string[];
  /** The key objects fuse.js derives from `keys` (names, weights), shared by every per-query index. */
  private readonly indexKeys: FuseIndex<FuseDoc>['keys'];
  private readonly entries: (IndexRecord['$'] | undefined)[] = [];
  /** One fuse.js instance per option set, handed each query's candidates (`setCollection`) instead of made anew. */
  private readonly fuses = new Map<IFuseOptions<FuseDoc>, Fuse<FuseDoc>>();

  constructor(specs: readonly FieldSpec<string>[]) {
    this.keys = specs.map((spec) => ({ name: spec.key, weight: spec.weight }));
    this.keyNames = specs.map((spec) => spec.key);
    this.indexKeys = Fuse.createIndex<FuseDoc>(this.keys, []).keys;
  }

  private entryOf(doc: FuseDoc): IndexRecord['$'] {
    const entry: IndexRecord['$'] = {};
    this.keyNames.forEach((name, keyIndex) => {
      const texts = doc[name];
      if (!texts) return;
      const items: { v: string; i: number; n: number }[] = [];
      texts.forEach((text, i) => {
        if (text.trim().length > 0) items.push({ v: text, i, n: fieldNorm(text) });
      });
      entry[keyIndex] = items;
    });
    return entry;
  }

  search(inputs: readonly RankInput[], query: string, options: IFuseOptions<FuseDoc>): FuseRanking[] {
    const records: IndexRecord[] = inputs.map((input, position) => {
      let entry = this.entries[input.record];
      if (!entry) {
        entry = this.entryOf(input.doc());
        this.entries[input.record] = entry;
      }
      return { i: position, $: entry };
    });
    // The documents themselves are not searched (the index entries are); fuse.js only hands them back.
    const docs = inputs.map(() => EMPTY_DOC);
    const index = Fuse.parseIndex<FuseDoc>({ keys: this.indexKeys, records });
    let fuse = this.fuses.get(options);
    if (fuse) fuse.setCollection(docs, index);
    else {
      fuse = new Fuse(docs, { ...options, keys: this.keys }, index);
      this.fuses.set(options, fuse);
    }
    return fuse.search(query).map((result) => ({ position: result.refIndex, score: result.score ?? 1 }));
  }
}

const EMPTY_DOC: FuseDoc = {};

// Word by word (token search), every word must match somewhere in the record (adding a word narrows); per-word
// Bitap tolerance of about one error in three letters. What counts as a hit is then decided on the record score.
const STRICT: IFuseOptions<FuseDoc> = {
  includeScore: true,
  // Fields here are short (names, acronyms, places), so a match may sit anywhere in them.
  ignoreLocation: true,
  useTokenSearch: true,
  tokenMatch: 'all',
  threshold: 0.34,
};
// Loose ("did you mean"): any word, more errors.
const LOOSE: IFuseOptions<FuseDoc> = {
  ...STRICT,
  tokenMatch: 'any',
  threshold: 0.5,
};
// Phrase: fuse's default Bitap over the whole query, so the words must stand together, in order, in one value.
const PHRASE: IFuseOptions<FuseDoc> = {
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.34,
};

/**
 * Ranks a short candidate list with fuse.js. Fields are folded at index time and the query is folded by the caller,
 * so fuse's own `ignoreDiacritics` stays off. Long text never reaches fuse.js.
 */
export class FuseRanker {
  /** Every `fuse` field: names, acronyms, aliases, sub-bodies, programmes, places. */
  private readonly allFields: CachedFuse;
  /** Keyed `fuse` fields only (names, acronyms, aliases, sub-bodies, programmes): where a phrase is looked for. */
  private readonly keyedFields: CachedFuse;

  constructor(specs: readonly FieldSpec<string>[]) {
    const ranked = specs.filter((spec) => spec.match === 'fuse');
    this.allFields = new CachedFuse(ranked);
    this.keyedFields = new CachedFuse(ranked.filter((spec) => spec.keyTier));
  }

  /** Word by word: `all` words must match somewhere in the record, or `any` (loose). */
  words(inputs: readonly RankInput[], query: string, mode: 'all' | 'any'): FuseRanking[] {
    if (inputs.length === 0 || query.trim() === '') return [];
    return this.allFields.search(inputs, query, mode === 'all' ? STRICT : LOOSE);
  }

  /** The whole query as one pattern in a name-like value: only values holding the words together match. */
  phrase(inputs: readonly RankInput[], query: string): FuseRanking[] {
    if (inputs.length === 0 || query.trim() === '') return [];
    return this.keyedFields.search(inputs, query, PHRASE);
  }
}

// fuse.js's searchers are class instances too (see shape-anchors.ts): one of each kind kept, after a search.
anchorShapes(
  new FuseRanker([]),
  ...[true, false].map((tokens) => {
    const fuse = new Fuse<FuseDoc>([{ a: ['ab cd'] }], { ...(tokens ? STRICT : PHRASE), keys: ['a'] });
    fuse.search('ab');
    return fuse;
  }),
);
