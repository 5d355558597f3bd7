import {
  type Candidate,
  CandidateScratch,
  IN_FUSE_FIELD,
  IN_WORD_FIELD,
  LITERAL,
} from './candidate-scratch.js';
import type { FieldSpec, SearchSource } from './field-spec.js';
import { LruCache } from './lru-cache.js';
import { compoundsOf, foldText, forEachWord, MAX_QUERY_TOKENS, wordsOf } from './normalize.js';
import { compareStrings, Vocabulary } from './vocabulary.js';

/** A keyed value (name, acronym, alias, sub-body, programme …) of a record, as folded words. */
export interface KeyedValue {
  spec: number;
  words: readonly string[];
}

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

interface ParsedValue {
  spec: number;
  joined: string;
  words: string[];
}

/** A shared list of texts (a topic's label and synonyms) attached to many records. */
interface ValueGroup {
  spec: number;
  values: number[];
  /** All its texts as one, for fuse.js. */
  joined: string;
}

interface IndexedRecord<T> {
  item: T;
  sortText: string;
  /** Ids of the distinct values attached one by one, and of the groups attached. */
  values: number[];
  groups: number[];
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

/** A word in a short value weighs more than the same word in a long one (as fuse.js's field norm does). */
function lengthNorm(wordCount: number): number {
  return wordCount <= 1 ? 1 : wordCount ** -0.25;
}

/**
 * The index built once over every record. Field words are indexed in two levels, word → distinct field values →
 * records, because values repeat across records (every partner in a focus area carries that topic's label and
 * synonyms): a value is parsed once, and a record costs one posting per value. Long text (the summary) is indexed
 * by whole words only, with no typo or prefix look-up. A sorted vocabulary serves prefixes (and 1–2 character
 * queries), integer trigrams serve typos, keyed values serve exact look-ups. It picks a short candidate list;
 * fuse.js ranks only those (their fuse.js documents are made on first use).
 */
export class CandidateIndex<T> {
  private readonly records: IndexedRecord<T>[] = [];
  private readonly vocabulary = new Vocabulary();
  /** Per word id: the field values holding it. */
  private readonly wordValues: number[][] = [];
  private readonly values: ParsedValue[] = [];
  /** Token weight of the value's field × length norm of the value. */
  private readonly valueWeight: number[] = [];
  private readonly valueRecords: number[][] = [];
  private readonly valueBySpecText: Map<string, number>[] = [];
  private readonly groups: ValueGroup[] = [];
  /** Keyed values by their folded text: exact look-ups. */
  private readonly keyedValues = new Map<string, number[]>();
  /** Long text: per field (spec), per word id, the records (once each). */
  private readonly textRecords: number[][][] = [];
  private readonly alphabetical: number[];
  /** Position of each record in the A-Z order. */
  private readonly alphaRank: Int32Array;
  /** Scratch for 1–2 character queries. */
  private readonly shortBest: Float64Array;
  private readonly shortSpec: Uint16Array;
  private readonly shortStamp: Uint32Array;
  private shortEpoch = 0;
  /** Per value: its field, its first word's id and its word count (typed copies for the short route). */
  private readonly valueSpecs: Uint16Array;
  private readonly valueFirstWord: Int32Array;
  private readonly valueWordCount: Uint16Array;
  /** Per field: SHORT_NONE, SHORT_ACRONYM (a primary acronym), SHORT_WORDS (primary words), SHORT_SUB_ACRONYM. */
  private readonly shortKinds: Uint8Array;
  /** Bounded: 1–2 character prefixes are few in Latin script, not in all of Unicode. */
  private readonly shortCache = new LruCache<ShortHit[]>(2000);
  /** Build-time only: the last record each word was posted for, per long-text field. */
  private lastTextRecord: Int32Array[] = [];

  private readonly scratch: CandidateScratch;

  constructor(
    sources: readonly SearchSource<T>[],
    private readonly specs: readonly FieldSpec<string>[],
  ) {
    const specByKey = new Map(specs.map((spec, index) => [spec.key, index]));
    for (let spec = 0; spec < specs.length; spec++) {
      this.valueBySpecText.push(new Map());
      this.textRecords.push([]);
      this.lastTextRecord.push(new Int32Array(1024).fill(-1));
    }
    const groupIds = specs.map(() => new Map<readonly string[], number>());

    sources.forEach((source, record) => {
      const built: IndexedRecord<T> = { item: source.item, sortText: source.sortKey, values: [], groups: [] };
      this.records.push(built);
      for (const [key, content] of source.values) {
        const spec = specByKey.get(key);
        const fieldSpec = spec === undefined ? undefined : specs[spec];
        if (spec === undefined || fieldSpec === undefined) continue;
        if (fieldSpec.match === 'text') {
          if (typeof content === 'string') this.addLongText(content, record, spec);
          else for (const text of content) this.addLongText(text, record, spec);
        } else if (typeof content === 'string') {
          const value = this.valueOf(spec, content);
          if (value >= 0 && this.attach(value, record)) built.values.push(value);
        } else {
          let group = groupIds[spec]?.get(content);
          if (group === undefined) {
            group = this.groupOf(spec, content);
            groupIds[spec]?.set(content, group);
          }
          built.groups.push(group);
          for (const value of this.groups[group]?.values ?? []) this.attach(value, record);
        }
      }
    });
    this.lastTextRecord = [];

    this.vocabulary.finish((id) => (this.wordValues[id]?.length ?? 0) > 0);

    this.scratch = new CandidateScratch(this.records.length, this.values.length);
    // Sorted now rather than on first use: 1–2 character queries and the empty query list records A-Z.
    this.alphabetical = this.sortAlphabetically();
    this.alphaRank = new Int32Array(this.records.length);
    this.alphabetical.forEach((record, position) => {
      this.alphaRank[record] = position;
    });
    this.shortBest = new Float64Array(this.records.length);
    this.shortSpec = new Uint16Array(this.records.length);
    this.shortStamp = new Uint32Array(this.records.length);
    this.valueSpecs = Uint16Array.from(this.values, (value) => value.spec);
    this.valueFirstWord = Int32Array.from(this.values, (value) =>
      this.vocabulary.lookup(value.words[0] ?? ''),
    );
    this.valueWordCount = Uint16Array.from(this.values, (value) => Math.min(value.words.length, 65535));
    this.shortKinds = Uint8Array.from(specs, (spec) => {
      if (spec.shortPrefix === 'acronym')
        return spec.keyTier === 'primary' ? SHORT_ACRONYM : SHORT_SUB_ACRONYM;
      return spec.shortPrefix === 'words' && spec.keyTier === 'primary' ? SHORT_WORDS : SHORT_NONE;
    });
  }

  // ---- building -------------------------------------------------------------------------------------------------

  private idOf(word: string): number {
    const id = this.vocabulary.idOf(word);
    while (this.wordValues.length <= id) this.wordValues.push([]);
    return id;
  }

  /** The id of a distinct (field, text) value, parsed and its words indexed the first time; -1 if it has no words. */
  private valueOf(spec: number, text: string): number {
    const byText = this.valueBySpecText[spec];
    const known = byText?.get(text);
    if (known !== undefined) return known;
    const folded = foldText(text);
    const words = wordsOf(folded);
    if (words.length === 0) {
      byText?.set(text, -1);
      return -1;
    }
    const value = this.values.length;
    const joined = words.join(' ');
    byText?.set(text, value);
    this.values.push({ spec, joined, words });
    this.valueWeight.push((this.specs[spec]?.tokenWeight ?? 0) * lengthNorm(words.length));
    this.valueRecords.push([]);
    for (const word of new Set([...words, ...compoundsOf(folded)])) {
      const id = this.idOf(word);
      if (!this.vocabulary.isStopWord(id)) this.wordValues[id]?.push(value);
    }
    if (this.specs[spec]?.keyTier) {
      const same = this.keyedValues.get(joined);
      if (same) same.push(value);
      else this.keyedValues.set(joined, [value]);
    }
    return value;
  }

  private groupOf(spec: number, texts: readonly string[]): number {
    const values = [...new Set(texts.map((text) => this.valueOf(spec, text)).filter((value) => value >= 0))];
    this.groups.push({
      spec,
      values,
      joined: values.map((value) => this.values[value]?.joined ?? '').join(' '),
    });
    return this.groups.length - 1;
  }

  /** Posts the record under a value; false when it already was. */
  private attach(value: number, record: number): boolean {
    const records = this.valueRecords[value];
    if (!records || records[records.length - 1] === record) return false;
    records.push(record);
    return true;
  }

  /** Long text (a summary): whole words only, stop words and single letters skipped, posted once per record. */
  private addLongText(text: string, record: number, spec: number): void {
    const postings = this.textRecords[spec];
    if (!postings) return;
    forEachWord(foldText(text), (word) => {
      if (word.length < 2) return;
      const id = this.idOf(word);
      if (this.vocabulary.isStopWord(id)) return;
      let last = this.lastTextRecord[spec] ?? new Int32Array(0);
      if (id >= last.length) {
        const grown = new Int32Array(Math.max(id + 1, last.length * 2)).fill(-1);
        grown.set(last);
        last = grown;
        this.lastTextRecord[spec] = grown;
      }
      if (last[id] === record) return;
      last[id] = record;
      const list = postings[id];
      if (list) list.push(record);
      else postings[id] = [record];
    });
  }

  // ---- records --------------------------------------------------------------------------------------------------

  itemOf(record: number): T | undefined {
    return this.records[record]?.item;
  }

  /** The values of the record's keyed fields (names, acronyms, aliases, sub-bodies, programmes). */
  keyedValuesOf(record: number): KeyedValue[] {
    const keyed: KeyedValue[] = [];
    for (const value of this.records[record]?.values ?? []) {
      const parsed = this.values[value];
      if (parsed && this.specs[parsed.spec]?.keyTier) keyed.push({ spec: parsed.spec, words: parsed.words });
    }
    return keyed;
  }

  /** What fuse.js ranks: the folded values of each `fuse` field by FieldSpec.key, a group as one text. */
  fuseDocOf(record: number): Record<string, string[]> {
    const doc: Record<string, string[]> = {};
    const add = (spec: number, text: string) => {
      const fieldSpec = this.specs[spec];
      if (fieldSpec?.match !== 'fuse' || !text) return;
      const texts = doc[fieldSpec.key];
      if (texts) texts.push(text);
      else doc[fieldSpec.key] = [text];
    };
    const built = this.records[record];
    for (const value of built?.values ?? []) {
      const parsed = this.values[value];
      if (parsed) add(parsed.spec, parsed.joined);
    }
    for (const group of built?.groups ?? []) {
      const parsed = this.groups[group];
      if (parsed) add(parsed.spec, parsed.joined);
    }
    return doc;
  }

  /** Records with a keyed value equal to the folded query. */
  exact(key: string): KeyHit[] {
    const hits: KeyHit[] = [];
    for (const value of this.keyedValues.get(key) ?? []) {
      const spec = this.values[value]?.spec ?? 0;
      for (const record of this.valueRecords[value] ?? []) hits.push({ record, spec });
    }
    return hits;
  }

  /** Records sorted by their folded sort key (name or label). */
  alphabeticalOrder(): readonly number[] {
    return this.alphabetical;
  }

  private sortAlphabetically(): number[] {
    const keys = this.records.map((record) => foldText(record.sortText));
    return keys.map((_, index) => index).sort((a, b) => compareStrings(keys[a] ?? '', keys[b] ?? ''));
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

  private computeShortPrefix(prefix: string): ShortHit[] {
    // Per record, the best order key: whole-value match first, then rank, then A-Z. Typed arrays only: this walks
    // every name and acronym word starting with the letter.
    const range = this.vocabulary.prefixRange(prefix);
    const prefixId = this.vocabulary.lookup(prefix);
    const order = this.alphaRank;
    const best = this.shortBest;
    const bestSpec = this.shortSpec;
    const stamp = this.shortStamp;
    const epoch = ++this.shortEpoch;
    const touched: number[] = [];
    for (let position = range.from; position < range.to; position++) {
      for (const value of this.wordValues[this.vocabulary.fieldWordAt(position)] ?? []) {
        const spec = this.valueSpecs[value] ?? 0;
        const kind = this.shortKinds[spec] ?? SHORT_NONE;
        if (kind === SHORT_NONE) continue;
        const first = this.valueFirstWord[value] ?? -1;
        const firstMatches = this.vocabulary.inRange(first, range);
        // An acronym must start with the prefix; a name or alias ranks by whether its first word or a later one does.
        if (kind !== SHORT_WORDS && !firstMatches) continue;
        const rank = kind === SHORT_ACRONYM ? 0 : kind === SHORT_SUB_ACRONYM ? 3 : firstMatches ? 1 : 2;
        const whole = first === prefixId && this.valueWordCount[value] === 1;
        const key = ((whole ? 0 : 4) + rank) * 2 ** 24;
        for (const record of this.valueRecords[value] ?? []) {
          const recordKey = key + (order[record] ?? 0);
          if (stamp[record] !== epoch) {
            stamp[record] = epoch;
            touched.push(record);
          } else if ((best[record] ?? 0) <= recordKey) {
            continue;
          }
          best[record] = recordKey;
          bestSpec[record] = spec;
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
        for (const value of this.wordValues[id] ?? []) cost += this.valueRecords[value]?.length ?? 0;
        if (match.exact) for (const postings of this.textRecords) cost += postings[id]?.length ?? 0;
      }
      return { termIndex, matches, cost };
    });
    if (!loose && perTerm.some((term) => term.matches.size === 0)) return [];
    // Strict: the rarest term first; later terms only update records that matched every earlier one.
    if (!loose) perTerm.sort((a, b) => a.cost - b.cost);

    const scratch = this.scratch;
    scratch.start();
    const single = used.length === 1;
    let required = 0;
    for (const { termIndex, matches } of perTerm) {
      const bit = 1 << termIndex;
      const onlyKnown = !loose && required !== 0;
      for (const [id, match] of matches) {
        for (const value of this.wordValues[id] ?? []) {
          const spec = this.values[value]?.spec ?? 0;
          // One term: every matched value holds all terms, so "together" is known right away.
          if (!single) scratch.markValue(value, bit);
          const level = single ? togetherLevelOf(this.specs[spec]) : 0;
          const strength = match.quality * (this.valueWeight[value] ?? 0);
          const flags =
            (match.literal ? LITERAL : 0) |
            (this.specs[spec]?.match === 'fuse' ? IN_FUSE_FIELD : IN_WORD_FIELD);
          scratch.post(
            this.valueRecords[value] ?? [],
            termIndex,
            strength,
            flags,
            spec,
            onlyKnown ? required : 0,
            level,
          );
        }
        if (!match.exact) continue;
        for (let spec = 0; spec < this.textRecords.length; spec++) {
          const postings = this.textRecords[spec]?.[id];
          if (!postings) continue;
          const strength = match.quality * (this.specs[spec]?.tokenWeight ?? 0);
          scratch.post(postings, termIndex, strength, LITERAL, spec, onlyKnown ? required : 0, 0);
        }
      }
      required |= bit;
    }
    if (!single) {
      scratch.markTogether(
        (1 << used.length) - 1,
        (value) => this.valueRecords[value] ?? [],
        (value) => togetherLevelOf(this.specs[this.values[value]?.spec ?? 0]),
      );
    }
    return scratch.collect(used.length, loose, limit);
  }
}
