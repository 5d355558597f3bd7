/** How one searchable field of a record is indexed and ranked. */
export interface FieldSpec<M extends string> {
  /** Unique key of the field: the fuse.js key too. */
  key: string;
  /** What a hit through this field reports as `matchedOn`. */
  matchedOn: M;
  /** Relative fuse.js key weight (`fuse` fields only); names and acronyms get the largest. */
  weight: number;
  /** Weight (0–1] of a word of this field when candidates are picked from the word index. */
  tokenWeight: number;
  /**
   * A query equal to the whole value is an exact hit: `primary` ranks first (and sets `exact`), `secondary`
   * (sub-bodies, programmes) next. A query whose every word starts a word of the value ranks next in the same order.
   */
  keyTier?: 'primary' | 'secondary';
  /**
   * How the field is matched. `fuse`: typo- and prefix-tolerant in the word index, and ranked by fuse.js (short
   * texts: names, acronyms, places). `words`: typo- and prefix-tolerant in the word index only (lists shared by many
   * records, such as a focus area's label and synonyms, which would multiply fuse.js's work). `text`: whole words
   * only, in the word index alone (long text: the summary).
   */
  match: 'fuse' | 'words' | 'text';
  /** For 1–2 character queries: `acronym` matches the start of the value, `words` the start of each word. */
  shortPrefix?: 'acronym' | 'words';
}

/**
 * A record to index: the values of each field, keyed by FieldSpec.key. A value may be a shared list of texts (a
 * topic's label and synonyms, the same array object for every record in that topic): it is parsed once per list.
 */
export interface SearchSource<T> {
  item: T;
  /** What the empty query sorts by (a name or label). */
  sortKey: string;
  values: ReadonlyArray<readonly [key: string, text: string | readonly string[]]>;
}

export interface RankedHit<T, M extends string> {
  item: T;
  /** 0 is perfect; larger is worse; hits are sorted by it. */
  score: number;
  /** The query equals a primary key (name, acronym, alias; label, slug, synonym) of the record. */
  exact: boolean;
  matchedOn: M;
}
