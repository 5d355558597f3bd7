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
 * Adds one value of a record's field (`field`: the field's index in the specs) to the index. A value may be a
 * shared list of texts (a topic's label and synonyms, the same array object for every record in that topic): it is
 * parsed once per list.
 */
export type AddValue = (field: number, content: string | readonly string[]) => void;

/**
 * Describes one record to the index: calls `add` with each of its searchable values, in order, and returns what
 * the empty query sorts it by (a name or label). Values go straight into the index, with no list made per record.
 */
export type DescribeRecord<T> = (item: T, add: AddValue) => string;

/** The index of each field spec by its key. */
export function fieldIndexes<K extends string>(
  specs: readonly FieldSpec<string>[],
  keys: readonly K[],
): Record<K, number> {
  const indexes = {} as Record<K, number>;
  for (const key of keys) {
    const index = specs.findIndex((spec) => spec.key === key);
    if (index < 0) throw new Error(`no field spec "${key}"`);
    indexes[key] = index;
  }
  return indexes;
}

export interface RankedHit<T, M extends string> {
  item: T;
  /** 0 is perfect; larger is worse; hits are sorted by it. */
  score: number;
  /** The query equals a primary key (name, acronym, alias; label, slug, synonym) of the record. */
  exact: boolean;
  matchedOn: M;
}
