import {
  type Candidate,
  CandidateScratch,
  IN_FUSE_FIELD,
  IN_WORD_FIELD,
  LITERAL,
} from './candidate-scratch.js';
import type { DescribeRecord, FieldSpec } from './field-spec.js';
import { buildIndexData, type IndexData, wordSequenceKey } from './index-builder.js';
import type { Postings, Ranges } from './int-list.js';
import { LruCache } from './lru-cache.js';
import { foldText, MAX_QUERY_TOKENS } from './normalize.js';
import { anchorShapes } from './shape-anchors.js';
import { sortByText } from './sort-by-text.js';
import type { SearchOptions } from './types.js';
import type { Vocabulary } from './vocabulary.js';
import type { IntMultiMap } from './word-table.js';

export interface KeyHit {
  record: number;
  spec: number;
}

export interface ShortHit extends KeyHit {
  /** 0 acronym prefix, 1 first word of a name/alias, 2 later word, 3 sub-body/programme acronym prefix. */
  rank: number;
  /** The whole value equals the query. */
  whole: boolean;
}

const TERM_SLOTS = MAX_QUERY_TOKENS;
/** How a field takes part in 1–2 character queries. */
const SHORT_NONE = 0;
const SHORT_ACRONYM = 1;
const SHORT_WORDS = 2;
const SHORT_SUB_ACRONYM = 3;
/** Short-query answers kept per prefix (1,332 possible prefixes of letters and digits; no caller wants more). */
const MAX_SHORT_HITS = 100;

/** How strongly one value holding every query term counts: a name or acronym 3, a sub-body or programme 2, else 1. */
function togetherLevelOf(spec: FieldSpec<string> | undefined): number {
  return spec?.keyTier === 'primary' ? 3 : spec?.keyTier === 'secondary' ? 2 : 1;
}

/** First index in an ascending array whose item is >= `target`. */
function lowerBoundOf(sorted: Int32Array, target: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The texts of `id`'s items in `postings`, joined by single spaces: made on first use, then kept in `cache`. */
function joinedOnce(
  cache: (string | undefined)[],
  { start, items }: Postings,
  id: number,
  textOf: (item: number) => string,
): string {
  let text = cache[id];
  if (text === undefined) {
    const texts: string[] = [];
    const end = start[id + 1] ?? 0;
    for (let k = start[id] ?? 0; k < end; k++) texts.push(textOf(items[k] as number));
    text = texts.join(' ');
    cache[id] = text;
  }
  return text;
}

/** Bounded: 1–2 character prefixes are few in Latin script, not in all of Unicode. */
const SHORT_CACHE_SIZE = 2000;

/**
 * The index built once over every record. Field words are indexed in two levels, word → distinct field values →
 * records, because values repeat across records (every partner in a focus area carries that topic's label and
 * synonyms): a value is parsed once, and a record costs one posting per value (a topic's values share the list of
 * records holding the topic). Long text (the summary) is indexed by whole words only, with no typo or prefix
 * look-up. A sorted vocabulary serves prefixes (and 1–2 character queries), integer trigrams serve typos, keyed
 * values serve exact look-ups. It picks a short candidate list; fuse.js ranks only those (their fuse.js entries are
 * made on first use). Every list is a typed array (see `IndexData`, built by `buildIndexData`): a query reads
 * memory in order rather than chasing small arrays and objects.
 */
export class CandidateIndex<T> {
  private readonly vocabulary: Vocabulary;
  private readonly items: readonly T[];
  private readonly valueSpecs: Uint16Array;
  /**
   * What posting a value needs, side by side (one cache line for two values): per value v, at 4v, its records'
   * start and end in `valueRecords.items`, its field and its weight.
   */
  private readonly valuePosting: Float64Array;
  private readonly valueWords: Postings;
  private readonly wordValues: Postings;
  private readonly valuePosted: Postings;
  private readonly valueRecords: Ranges;
  private readonly recordValues: Postings;
  private readonly recordGroups: Postings;
  private readonly groupValues: Postings;
  private readonly textRecords: (Postings | undefined)[];
  private readonly keyedValues: IntMultiMap;
  /** Per word id: how many records its field values post (the cost of a term, to take the rarest first). */
  private readonly wordFieldCost: Float64Array;
  /** Per field: "together" level, `post` flags, short-route kind. */
  private readonly specLevels: Uint8Array;
  private readonly specFlags: Uint8Array;
  private readonly shortKinds: Uint8Array;
  /** Folded texts of values and groups for fuse.js documents, made on first use. */
  private readonly valueTexts: (string | undefined)[] = [];
  private readonly groupTexts: (string | undefined)[] = [];
  private readonly alphabetical: number[];
  /** Position of each record in the A-Z order. */
  private readonly alphaRank: Int32Array;
  /** Scratch for 1–2 character queries. */
  private readonly shortBest: Float64Array;
  private readonly shortSpec: Uint16Array;
  private readonly shortStamp: Uint32Array;
  /** Per record: the value that gave its best key (ties between values of one record go to the first met). */
  private readonly shortValue: Int32Array;
  private shortEpoch = 0;
  /**
   * Per short-route kind (acronym, name or alias, sub-body or programme acronym): the values of that kind, by the
   * position of their first word among the sorted field words (then value id). A prefix's range of positions picks
   * the values whose first word starts with it, with no walk over the other words.
   */
  private readonly firstWordLists: { positions: Int32Array; values: Int32Array }[];
  /** Answers of 1–2 character prefixes. */
  private readonly shortCache: LruCache<ShortHit[]>;

  private readonly scratch: CandidateScratch;

  constructor(
    items: readonly T[],
    describe: DescribeRecord<T>,
    private readonly specs: readonly FieldSpec<string>[],
    { caching = true }: SearchOptions = {},
  ) {
    this.shortCache = new LruCache(caching ? SHORT_CACHE_SIZE : 0);
    const data: IndexData<T> = buildIndexData(items, describe, specs);
    this.vocabulary = data.vocabulary;
    this.items = data.items;
    this.valueSpecs = data.valueSpecs;
    this.valueWords = data.valueWords;
    this.wordValues = data.wordValues;
    this.valuePosted = data.valuePosted;
    this.valueRecords = data.valueRecords;
    this.recordValues = data.recordValues;
    this.recordGroups = data.recordGroups;
    this.groupValues = data.groupValues;
    this.textRecords = data.textRecords;
    this.keyedValues = data.keyedValues;

    const recordCount = this.items.length;
    const wordCount = this.vocabulary.size;
    this.wordFieldCost = new Float64Array(wordCount);
    const { start: wordStart, items: wordValueItems } = this.wordValues;
    const { start: recordStart, end: recordEnd } = this.valueRecords;
    for (let word = 0; word < wordCount; word++) {
      let cost = 0;
      const end = wordStart[word + 1] as number;
      for (let k = wordStart[word] as number; k < end; k++) {
        const value = wordValueItems[k] as number;
        cost += (recordEnd[value] as number) - (recordStart[value] as number);
      }
      this.wordFieldCost[word] = cost;
    }
    this.valuePosting = new Float64Array(data.valueCount * 4);
    for (let value = 0; value < data.valueCount; value++) {
      this.valuePosting[4 * value] = this.valueRecords.start[value] as number;
      this.valuePosting[4 * value + 1] = this.valueRecords.end[value] as number;
      this.valuePosting[4 * value + 2] = this.valueSpecs[value] as number;
      this.valuePosting[4 * value + 3] = data.valueWeights[value] as number;
    }
    this.specLevels = Uint8Array.from(specs, (spec) => togetherLevelOf(spec));
    this.specFlags = Uint8Array.from(specs, (spec) =>
      spec.match === 'fuse' ? IN_FUSE_FIELD : IN_WORD_FIELD,
    );
    this.shortKinds = Uint8Array.from(specs, (spec) => {
      if (spec.shortPrefix === 'acronym')
        return spec.keyTier === 'primary' ? SHORT_ACRONYM : SHORT_SUB_ACRONYM;
      return spec.shortPrefix === 'words' && spec.keyTier === 'primary' ? SHORT_WORDS : SHORT_NONE;
    });

    this.scratch = new CandidateScratch(recordCount, data.valueCount);
    // Sorted now rather than on first use: 1–2 character queries and the empty query list records A-Z.
    this.alphabetical = this.sortAlphabetically(data.sortTexts);
    this.alphaRank = new Int32Array(recordCount);
    this.alphabetical.forEach((record, position) => {
      this.alphaRank[record] = position;
    });
    this.shortBest = new Float64Array(recordCount);
    this.shortSpec = new Uint16Array(recordCount);
    this.shortStamp = new Uint32Array(recordCount);
    this.shortValue = new Int32Array(recordCount);
    this.firstWordLists = this.listByFirstWord(data.valueCount);
  }

  // ---- records --------------------------------------------------------------------------------------------------

  itemOf(record: number): T | undefined {
    return this.items[record];
  }

  /** The values of the record's keyed fields (names, acronyms, aliases, sub-bodies, programmes), in order. */
  keyedValuesOf(record: number): number[] {
    const keyed: number[] = [];
    const { start, items } = this.recordValues;
    const end = start[record + 1] ?? 0;
    for (let k = start[record] ?? 0; k < end; k++) {
      const value = items[k] as number;
      if (this.specs[this.valueSpecs[value] as number]?.keyTier) keyed.push(value);
    }
    return keyed;
  }

  specOfValue(value: number): number {
    return this.valueSpecs[value] ?? 0;
  }

  /** Whether every term starts some word of the value. */
  everyTermStartsAWord(value: number, terms: readonly string[]): boolean {
    const { start, items } = this.valueWords;
    const from = start[value] ?? 0;
    const to = start[value + 1] ?? 0;
    for (const term of terms) {
      let found = false;
      for (let k = from; k < to && !found; k++)
        found = this.vocabulary.wordOf(items[k] as number).startsWith(term);
      if (!found) return false;
    }
    return true;
  }

  /** A value's folded words joined by single spaces. */
  private valueText(value: number): string {
    return joinedOnce(this.valueTexts, this.valueWords, value, (word) => this.vocabulary.wordOf(word));
  }

  /** A group's texts as one. */
  private groupText(group: number): string {
    return joinedOnce(this.groupTexts, this.groupValues, group, (value) => this.valueText(value));
  }

  /** What fuse.js ranks: the folded values of each `fuse` field by FieldSpec.key, a group as one text. */
  fuseDocOf(record: number): Record<string, string[]> {
    const doc: Record<string, string[]> = {};
    const add = (spec: number, text: () => string) => {
      const fieldSpec = this.specs[spec];
      if (fieldSpec?.match !== 'fuse') return;
      const value = text();
      if (!value) return;
      const texts = doc[fieldSpec.key];
      if (texts) texts.push(value);
      else doc[fieldSpec.key] = [value];
    };
    const values = this.recordValues;
    for (let k = values.start[record] ?? 0; k < (values.start[record + 1] ?? 0); k++) {
      const value = values.items[k] as number;
      add(this.valueSpecs[value] as number, () => this.valueText(value));
    }
    const groups = this.recordGroups;
    for (let k = groups.start[record] ?? 0; k < (groups.start[record + 1] ?? 0); k++) {
      const group = groups.items[k] as number;
      const first = this.groupValues.items[this.groupValues.start[group] ?? 0];
      if (first === undefined || (this.groupValues.start[group + 1] ?? 0) === this.groupValues.start[group]) {
        continue;
      }
      add(this.valueSpecs[first] as number, () => this.groupText(group));
    }
    return doc;
  }

  /** Records with a keyed value whose words are exactly these (folded, in order). */
  exact(words: readonly string[]): KeyHit[] {
    const hits: KeyHit[] = [];
    if (words.length === 0) return hits;
    const ids = words.map((word) => this.vocabulary.lookup(word));
    if (ids.includes(-1)) return hits;
    const keyed: number[] = [];
    this.keyedValues.valuesOf(wordSequenceKey(ids, 0, ids.length), keyed);
    const matching: number[] = [];
    const { start, items } = this.valueWords;
    for (const value of keyed) {
      const from = start[value] ?? 0;
      if ((start[value + 1] ?? 0) - from !== ids.length) continue;
      let same = true;
      for (let k = 0; k < ids.length && same; k++) same = items[from + k] === ids[k];
      if (same) matching.push(value);
    }
    // In the order the values were made.
    matching.sort((a, b) => a - b);
    const records = this.valueRecords;
    for (const value of matching) {
      const spec = this.valueSpecs[value] ?? 0;
      const end = records.end[value] ?? 0;
      for (let k = records.start[value] ?? 0; k < end; k++)
        hits.push({ record: records.items[k] as number, spec });
    }
    return hits;
  }

  /** Records sorted by their folded sort key (name or label). */
  alphabeticalOrder(): readonly number[] {
    return this.alphabetical;
  }

  private sortAlphabetically(sortTexts: readonly string[]): number[] {
    return Array.from(sortByText(sortTexts.map((text) => foldText(text))));
  }

  // ---- queries --------------------------------------------------------------------------------------------------

  /**
   * The route for 1–2 character queries: acronyms that start with the query, then names and aliases whose first
   * word does, then later words of names and aliases, then sub-body and programme acronyms; a whole-value match
   * first, A-Z within a rank. Never long text, never topics. Computed from the vocabulary, once per prefix.
   */
  shortPrefix(prefix: string, limit: number): ShortHit[] {
    if (prefix.length === 0 || prefix.length > 2) return [];
    let all = this.shortCache.get(prefix);
    if (!all) {
      all = this.computeShortPrefix(prefix);
      this.shortCache.set(prefix, all);
    }
    return all.slice(0, limit);
  }

  private listByFirstWord(valueCount: number): { positions: Int32Array; values: Int32Array }[] {
    const kinds = [SHORT_ACRONYM, SHORT_WORDS, SHORT_SUB_ACRONYM];
    const fieldWordCount = this.vocabulary.fieldWordCount;
    // Per value: its list (-1: none) and its first word's position.
    const listOf = new Int8Array(valueCount).fill(-1);
    const positionOf = new Int32Array(valueCount);
    const counts = kinds.map(() => new Int32Array(fieldWordCount + 1));
    const listOfSpec = Int8Array.from(this.shortKinds, (kind) => kinds.indexOf(kind));
    const { start, items } = this.valueWords;
    const valueSpecs = this.valueSpecs;
    for (let value = 0; value < valueCount; value++) {
      const list = listOfSpec[valueSpecs[value] as number] as number;
      if (list < 0) continue;
      const position = this.vocabulary.positionOf(items[start[value] as number] ?? -1);
      if (position < 0) continue;
      listOf[value] = list;
      positionOf[value] = position;
      const listCounts = counts[list] as Int32Array;
      listCounts[position + 1] = (listCounts[position + 1] as number) + 1;
    }
    // Counting sort by first-word position; values ascending within a position.
    const lists = counts.map((listCounts) => {
      for (let p = 0; p < fieldWordCount; p++)
        listCounts[p + 1] = (listCounts[p + 1] as number) + (listCounts[p] as number);
      const total = listCounts[fieldWordCount] as number;
      return { positions: new Int32Array(total), values: new Int32Array(total) };
    });
    for (let value = 0; value < valueCount; value++) {
      const list = listOf[value] as number;
      if (list < 0) continue;
      const position = positionOf[value] as number;
      const listCounts = counts[list] as Int32Array;
      const at = listCounts[position] as number;
      listCounts[position] = at + 1;
      const { positions, values } = lists[list] as { positions: Int32Array; values: Int32Array };
      positions[at] = position;
      values[at] = value;
    }
    return lists;
  }

  /**
   * Where the walk over the sorted field words meets a value first: the smallest position of its words in `range`
   * (a value is met once per word of it in the range, first through the first of them).
   */
  private firstMet(value: number, range: { from: number; to: number }): number {
    let first = range.to;
    const end = this.valuePosted.start[value + 1] as number;
    for (let k = this.valuePosted.start[value] as number; k < end; k++) {
      const position = this.vocabulary.positionOf(this.valuePosted.items[k] as number);
      if (position >= range.from && position < first) first = position;
    }
    return first;
  }

  private computeShortPrefix(prefix: string): ShortHit[] {
    // Per record, the best order key: whole-value match first, then rank, then A-Z. A record's value with a better
    // key wins; between values with the same key, the one met first by a walk over the prefix's words in order (then
    // over each word's values in order). Typed arrays only.
    const range = this.vocabulary.prefixRange(prefix);
    const prefixId = this.vocabulary.lookup(prefix);
    const order = this.alphaRank;
    const best = this.shortBest;
    const bestSpec = this.shortSpec;
    const bestValue = this.shortValue;
    const stamp = this.shortStamp;
    const epoch = ++this.shortEpoch;
    const touched: number[] = [];
    const { start: valueWordStart, items: valueWordItems } = this.valueWords;
    const { start: recordStart, end: recordEnd, items: recordItems } = this.valueRecords;

    /**
     * Offers each record of `value` the order `key` (plus its A-Z rank): a lower key wins; an equal one goes to
     * the value met first by the walk over the prefix's words (`tieByWalk`), or stays with the record's holder.
     */
    const offer = (value: number, spec: number, key: number, tieByWalk: boolean) => {
      const recordsEnd = recordEnd[value] as number;
      for (let r = recordStart[value] as number; r < recordsEnd; r++) {
        const record = recordItems[r] as number;
        const recordKey = key + (order[record] as number);
        if (stamp[record] !== epoch) {
          stamp[record] = epoch;
          touched.push(record);
        } else if ((best[record] as number) < recordKey) {
          continue;
        } else if (best[record] === recordKey) {
          if (!tieByWalk) continue;
          const held = bestValue[record] as number;
          const heldAt = this.firstMet(held, range);
          const valueAt = this.firstMet(value, range);
          if (heldAt < valueAt || (heldAt === valueAt && held < value)) continue;
        }
        best[record] = recordKey;
        bestSpec[record] = spec;
        bestValue[record] = value;
      }
    };

    // First the values whose key is at most "not whole, first word of a name": acronyms and names or aliases whose
    // first word starts with the prefix, and sub-body or programme acronyms equal to it. Their first words lie in
    // the range, so the lists by first word give them directly. If they make a full answer, nothing else can enter it.
    const prefixPosition = this.vocabulary.positionOf(prefixId);
    for (const [list, rank] of [
      [0, 0],
      [1, 1],
      [2, 3],
    ] as const) {
      const { positions, values } = this.firstWordLists[list] as {
        positions: Int32Array;
        values: Int32Array;
      };
      const from = rank === 3 ? prefixPosition : range.from;
      const to = rank === 3 ? (prefixPosition < 0 ? -1 : prefixPosition + 1) : range.to;
      if (from < 0 || from >= to) continue;
      for (
        let k = lowerBoundOf(positions, from);
        k < positions.length && (positions[k] as number) < to;
        k++
      ) {
        const value = values[k] as number;
        const firstWordAt = valueWordStart[value] as number;
        const whole =
          valueWordItems[firstWordAt] === prefixId &&
          (valueWordStart[value + 1] as number) - firstWordAt === 1;
        if (rank === 3 && !whole) continue;
        // The same key from another value of the record: the walk below would keep the one it meets first.
        offer(value, this.valueSpecs[value] as number, ((whole ? 0 : 4) + rank) * 2 ** 24, true);
      }
    }

    if (touched.length < MAX_SHORT_HITS) {
      // Too few: every word starting with the prefix, every value of it (those above give the same keys again).
      const { start: wordStart, items: wordValueItems } = this.wordValues;
      for (let position = range.from; position < range.to; position++) {
        const word = this.vocabulary.fieldWordAt(position);
        const valuesEnd = wordStart[word + 1] as number;
        for (let v = wordStart[word] as number; v < valuesEnd; v++) {
          const value = wordValueItems[v] as number;
          const spec = this.valueSpecs[value] as number;
          const kind = this.shortKinds[spec] as number;
          if (kind === SHORT_NONE) continue;
          const firstWordAt = valueWordStart[value] as number;
          const first = valueWordItems[firstWordAt] as number;
          const firstMatches = this.vocabulary.inRange(first, range);
          // An acronym must start with the prefix; a name or alias ranks by whether its first word or a later one does.
          if (kind !== SHORT_WORDS && !firstMatches) continue;
          const rank = kind === SHORT_ACRONYM ? 0 : kind === SHORT_SUB_ACRONYM ? 3 : firstMatches ? 1 : 2;
          const whole = first === prefixId && (valueWordStart[value + 1] as number) - firstWordAt === 1;
          offer(value, spec, ((whole ? 0 : 4) + rank) * 2 ** 24, false);
        }
      }
    }
    const keys = Float64Array.from(touched, (record) => best[record] ?? 0).sort();
    const hits: ShortHit[] = [];
    for (let i = 0; i < keys.length && i < MAX_SHORT_HITS; i++) {
      const key = keys[i] ?? 0;
      const group = Math.floor(key / 2 ** 24);
      const record = this.alphabetical[key % 2 ** 24] ?? 0;
      hits.push({ record, spec: bestSpec[record] ?? 0, rank: group % 4, whole: group < 4 });
    }
    return hits;
  }

  /** How many records the long-text postings of a word hold, over every long-text field. */
  private textCost(id: number): number {
    let cost = 0;
    for (const postings of this.textRecords) {
      if (postings) cost += (postings.start[id + 1] ?? 0) - (postings.start[id] ?? 0);
    }
    return cost;
  }

  /**
   * Records whose words match the query terms: exactly, as a prefix (the last term, as typed so far, or any term of
   * 3+ letters) or within a few typos (found through shared trigrams, then checked by edit distance); long text by
   * whole words only. Strict: every term must match; loose (for "did you mean"): any term, one more typo allowed.
   * The `limit` best first: most terms covered, then all terms in one value (a name first), then strongest.
   */
  candidates(terms: readonly string[], loose: boolean, limit: number): Candidate[] {
    const used = terms.slice(0, TERM_SLOTS);
    const perTerm = used.map((term, termIndex) => {
      const matches = this.vocabulary.expand(term, termIndex === used.length - 1, loose);
      let cost = 0;
      for (const [id, match] of matches) {
        cost += this.wordFieldCost[id] ?? 0;
        if (match.exact) cost += this.textCost(id);
      }
      return { termIndex, matches, cost };
    });
    if (!loose && perTerm.some((term) => term.matches.size === 0)) return [];
    // Strict: the rarest term first; later terms only update records that matched every earlier one.
    if (!loose) perTerm.sort((a, b) => a.cost - b.cost);

    const scratch = this.scratch;
    scratch.start(used.length);
    const single = used.length === 1;
    const { start: wordStart, items: wordValueItems } = this.wordValues;
    const recordItems = this.valueRecords.items;
    const posting = this.valuePosting;
    const specLevels = this.specLevels;
    const specFlags = this.specFlags;
    let required = 0;
    for (const { termIndex, matches } of perTerm) {
      const bit = 1 << termIndex;
      const onlyKnown = !loose && required !== 0 ? required : 0;
      for (const [id, match] of matches) {
        const literal = match.literal ? LITERAL : 0;
        const valuesEnd = wordStart[id + 1] as number;
        for (let v = wordStart[id] as number; v < valuesEnd; v++) {
          const value = wordValueItems[v] as number;
          const at = 4 * value;
          const spec = posting[at + 2] as number;
          // One term: every matched value holds all terms, so "together" is known right away.
          if (!single) scratch.markValue(value, bit);
          scratch.post(
            recordItems,
            posting[at] as number,
            posting[at + 1] as number,
            termIndex,
            match.quality * (posting[at + 3] as number),
            literal | (specFlags[spec] as number),
            spec,
            onlyKnown,
            single ? (specLevels[spec] as number) : 0,
          );
        }
        if (!match.exact) continue;
        for (let spec = 0; spec < this.textRecords.length; spec++) {
          const postings = this.textRecords[spec];
          if (!postings) continue;
          const from = postings.start[id] as number;
          const to = postings.start[id + 1] as number;
          if (from === to) continue;
          const strength = match.quality * (this.specs[spec]?.tokenWeight ?? 0);
          scratch.post(postings.items, from, to, termIndex, strength, LITERAL, spec, onlyKnown, 0);
        }
      }
      required |= bit;
    }
    if (!single) scratch.markTogether((1 << used.length) - 1, this.valueRecords, this.valueSpecs, specLevels);
    return scratch.collect(used.length, loose, limit);
  }
}

anchorShapes(new CandidateIndex<unknown>([], () => '', []));
