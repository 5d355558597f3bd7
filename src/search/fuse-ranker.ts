import Fuse, { type FuseIndex, type FuseOptionKey, type IFuseOptions } from 'fuse.js';
import type { FieldSpec } from './field-spec.js';

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
 * fuse.js over one set of keys, with each record's fuse.js index entry made the first time the record is a
 * candidate and kept: a Fuse instance over a few dozen ready entries is then cheap to make per (uncached) query.
 */
class CachedFuse {
  private readonly keys: FuseOptionKey<FuseDoc>[];
  /** The key objects fuse.js derives from `keys` (names, weights), shared by every per-query index. */
  private readonly indexKeys: FuseIndex<FuseDoc>['keys'];
  private readonly entries: (IndexRecord['$'] | undefined)[] = [];

  constructor(specs: readonly FieldSpec<string>[]) {
    this.keys = specs.map((spec) => ({ name: spec.key, weight: spec.weight }));
    this.indexKeys = Fuse.createIndex<FuseDoc>(this.keys, []).keys;
  }

  /** Makes the missing entries in one fuse.js index build (one call for the lot, not one per record). */
  private entriesOf(inputs: readonly RankInput[]): IndexRecord['$'][] {
    const missing = inputs.filter((input) => !this.entries[input.record]);
    if (missing.length > 0) {
      const created = Fuse.createIndex<FuseDoc>(
        this.keys,
        missing.map((input) => input.doc()),
      ).records;
      missing.forEach((input, position) => {
        this.entries[input.record] = created[position]?.$ ?? {};
      });
    }
    return inputs.map((input) => this.entries[input.record] ?? {});
  }

  search(inputs: readonly RankInput[], query: string, options: IFuseOptions<FuseDoc>): FuseRanking[] {
    const records: IndexRecord[] = this.entriesOf(inputs).map((entry, position) => ({
      i: position,
      $: entry,
    }));
    // The documents themselves are not searched (the index entries are); fuse.js only hands them back.
    const docs = inputs.map(() => EMPTY_DOC);
    const index = Fuse.parseIndex<FuseDoc>({ keys: this.indexKeys, records });
    return new Fuse(docs, { ...options, keys: this.keys }, index)
      .search(query)
      .map((result) => ({ position: result.refIndex, score: result.score ?? 1 }));
  }
}

const EMPTY_DOC: FuseDoc = {};

/**
 * Ranks a short candidate list with fuse.js. Fields are folded at index time and the query is folded by the caller,
 * so fuse's own `ignoreDiacritics` stays off. Long text never reaches fuse.js.
 */
export class FuseRanker {
  /** Every `fuse` field: names, acronyms, aliases, sub-bodies, programmes, places. */
  private readonly allFields: CachedFuse;
  /** Keyed `fuse` fields only (names, acronyms, aliases, sub-bodies, programmes): where a phrase is looked for. */
  private readonly keyedFields: CachedFuse;

  // Word by word (token search), every word must match somewhere in the record (adding a word narrows); per-word
  // Bitap tolerance of about one error in three letters. What counts as a hit is then decided on the record score.
  private static readonly strict: IFuseOptions<FuseDoc> = {
    includeScore: true,
    // Fields here are short (names, acronyms, places), so a match may sit anywhere in them.
    ignoreLocation: true,
    useTokenSearch: true,
    tokenMatch: 'all',
    threshold: 0.34,
  };
  // Loose ("did you mean"): any word, more errors.
  private static readonly loose: IFuseOptions<FuseDoc> = {
    ...FuseRanker.strict,
    tokenMatch: 'any',
    threshold: 0.5,
  };
  // Phrase: fuse's default Bitap over the whole query, so the words must stand together, in order, in one value.
  private static readonly phrase: IFuseOptions<FuseDoc> = {
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.34,
  };

  constructor(specs: readonly FieldSpec<string>[]) {
    const ranked = specs.filter((spec) => spec.match === 'fuse');
    this.allFields = new CachedFuse(ranked);
    this.keyedFields = new CachedFuse(ranked.filter((spec) => spec.keyTier));
  }

  /** Word by word: `all` words must match somewhere in the record, or `any` (loose). */
  words(inputs: readonly RankInput[], query: string, mode: 'all' | 'any'): FuseRanking[] {
    if (inputs.length === 0 || query.trim() === '') return [];
    return this.allFields.search(inputs, query, mode === 'all' ? FuseRanker.strict : FuseRanker.loose);
  }

  /** The whole query as one pattern in a name-like value: only values holding the words together match. */
  phrase(inputs: readonly RankInput[], query: string): FuseRanking[] {
    if (inputs.length === 0 || query.trim() === '') return [];
    return this.keyedFields.search(inputs, query, FuseRanker.phrase);
  }
}
