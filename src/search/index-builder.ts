import type { AddValue, DescribeRecord, FieldSpec } from './field-spec.js';
import { grown, IntList, invertRuns, itemsOf, type Postings, type Ranges } from './int-list.js';
import { compoundsOf, foldText, forEachWord, wordsOf } from './normalize.js';
import { anchorShapes } from './shape-anchors.js';
import { Vocabulary, WordScan } from './vocabulary.js';
import { HASH_SEED, hashFinish, hashStep, IntMultiMap, TextTable } from './word-table.js';

/** Everything the candidate index is made of, built once. Ids are dense: records, values, groups, words. */
export interface IndexData<T> {
  vocabulary: Vocabulary;
  items: readonly T[];
  sortTexts: string[];
  valueCount: number;
  /** Per value: its field (spec). */
  valueSpecs: Uint16Array;
  /** Per value: token weight of its field × length norm of the value. */
  valueWeights: Float64Array;
  /** Per value: its folded words' ids, in order (stop words and repeats included). */
  valueWords: Postings;
  /** Per word id: the values holding the word (or a compound of it), stop words never. */
  wordValues: Postings;
  /** Per value: the words (and compounds) it is posted under, as `wordValues` lists it: the inverse. */
  valuePosted: Postings;
  /** Per value: the records it is attached to (one by one or through a group), ascending. */
  valueRecords: Ranges;
  /** Per record: the distinct values attached one by one (not through a group), in order. */
  recordValues: Postings;
  /** Per record: the groups attached, in order. */
  recordGroups: Postings;
  /** Per group: its distinct values, in order. */
  groupValues: Postings;
  /** Long text: per field (undefined unless a `text` field), per word id, the records (once each, ascending). */
  textRecords: (Postings | undefined)[];
  /** Keyed values (names, acronyms …) under `wordSequenceKey` of their words: exact look-ups. */
  keyedValues: IntMultiMap;
}

/** A non-negative key for a sequence of word ids (equal sequences, equal keys). */
export function wordSequenceKey(ids: ArrayLike<number>, from: number, to: number): number {
  let hash = HASH_SEED;
  for (let k = from; k < to; k++) hash = hashStep(hash, ids[k] as number);
  return hashFinish(hash) & 0x3fffffff;
}

/** A word in a short value weighs more than the same word in a long one (as fuse.js's field norm does). */
function lengthNorm(wordCount: number): number {
  return wordCount < LENGTH_NORMS.length ? (LENGTH_NORMS[wordCount] as number) : wordCount ** -0.25;
}

const LENGTH_NORMS = Float64Array.from({ length: 64 }, (_, count) => (count <= 1 ? 1 : count ** -0.25));

/**
 * Builds the index data in one pass over the records. Field values are parsed once per distinct (field, text) and
 * topic lists once per shared array. Text is read from byte copies (`Vocabulary.readAscii`, `postLongText`) with
 * no string per word. Lists are collected in runs (per record, per value) in growable typed arrays, and inverted at
 * the end by counting sorts (`invertRuns`): no list object per word, value or record.
 */
export function buildIndexData<T>(
  items: readonly T[],
  describe: DescribeRecord<T>,
  specs: readonly FieldSpec<string>[],
): IndexData<T> {
  return new IndexBuilder<T>(specs, items.length).build(items, describe);
}

class IndexBuilder<T> {
  private readonly vocabulary: Vocabulary;
  private readonly scan = new WordScan();
  private readonly isText: boolean[];
  private record = 0;

  private valueCount = 0;
  private valueSpecs = new Uint16Array(1024);
  private valueWeights = new Float64Array(1024);
  /** The last record each value was attached to (-1: none yet). */
  private valueLastRecord = new Int32Array(1024).fill(-1);
  /** Per field: its values by raw ASCII text. */
  private readonly valuesByText: TextTable[];
  /** Values of non-ASCII texts: raw text → the last value parsed from it; `valueSameText` chains the others. */
  private readonly valuesByOtherText = new Map<string, number>();
  private valueSameText = new Int32Array(1024);
  private readonly keyedValues = new IntMultiMap();
  private readonly valueWordStart: IntList;
  private readonly valueWordIds: IntList;
  /** Per word id: the last value it was posted for (dedupes a value's words and compounds). */
  private wordLastValue = new Int32Array(1024).fill(-1);
  /** Per value (a run each): the distinct words and compounds it is posted under. */
  private readonly postedStart: IntList;
  private readonly postedWords: IntList;
  /** Per record (a run each): the values attached one by one (through a group: `recordGroupItems`). */
  private readonly attachedStart: IntList;
  private readonly attachedValues: IntList;
  /** Per field: whether a shared list (group) was given for it. */
  private readonly hasGroups: boolean[];
  private readonly recordValueStart: IntList;
  private readonly recordValueItems: IntList;
  private readonly recordGroupStart: IntList;
  private readonly recordGroupItems: IntList;
  private readonly groupValueStart = new IntList(64);
  private readonly groupValueItems = new IntList(256);
  /** Per field: shared lists (the same array object) already parsed into groups. */
  private readonly groupIds: Map<readonly string[], number>[];
  /**
   * Long text, per field: per record (a run each, `textStart`) its distinct words, inverted at the end; and the last
   * record each word was posted for.
   */
  private readonly textStart: (IntList | undefined)[];
  private readonly textWords: (IntList | undefined)[];
  private readonly textLastRecord: Int32Array[];
  /** `describe`'s callback, made once. */
  private readonly add: AddValue = (field, content) => this.addValue(field, content);

  constructor(
    private readonly specs: readonly FieldSpec<string>[],
    recordCount: number,
  ) {
    // Sized for records like the partners' (a few dozen values, a few hundred words of text), to grow rarely.
    const perRecord = (count: number) => Math.max(256, recordCount * count);
    // A few spellings of their own per record (an acronym, a code), the rest shared.
    this.vocabulary = new Vocabulary(recordCount * 3);
    this.valueWordStart = new IntList(perRecord(8));
    this.valueWordIds = new IntList(perRecord(32));
    this.postedStart = new IntList(perRecord(8));
    this.postedWords = new IntList(perRecord(32));
    this.attachedStart = new IntList(recordCount + 1);
    this.attachedValues = new IntList(perRecord(12));
    this.recordValueStart = new IntList(recordCount + 1);
    this.recordValueItems = new IntList(perRecord(12));
    this.recordGroupStart = new IntList(recordCount + 1);
    this.recordGroupItems = new IntList(perRecord(8));
    this.groupValueStart.push(0);
    this.valueWordStart.push(0);
    this.postedStart.push(0);
    this.isText = specs.map((spec) => spec.match === 'text');
    this.hasGroups = specs.map(() => false);
    this.valuesByText = specs.map(() => new TextTable());
    this.groupIds = specs.map(() => new Map());
    this.textStart = this.isText.map((text) => (text ? new IntList(recordCount + 1) : undefined));
    this.textWords = this.isText.map((text) => (text ? new IntList(perRecord(160)) : undefined));
    this.textLastRecord = specs.map(() => new Int32Array(1024).fill(-1));
  }

  build(items: readonly T[], describe: DescribeRecord<T>): IndexData<T> {
    const sortTexts: string[] = new Array(items.length);
    const textRuns: [IntList, IntList][] = [];
    this.textStart.forEach((starts, spec) => {
      const words = this.textWords[spec];
      if (starts && words) textRuns.push([starts, words]);
    });
    for (let record = 0; record <= items.length; record++) {
      this.attachedStart.push(this.attachedValues.length);
      this.recordValueStart.push(this.recordValueItems.length);
      this.recordGroupStart.push(this.recordGroupItems.length);
      for (const [starts, words] of textRuns) starts.push(words.length);
      if (record === items.length) break;
      this.record = record;
      sortTexts[record] = describe(items[record] as T, this.add);
    }

    const vocabulary = this.vocabulary;
    const wordCount = vocabulary.size;
    const valueCount = this.valueCount;
    const valuePosted = { start: itemsOf(this.postedStart), items: itemsOf(this.postedWords) };
    const wordValues = invertRuns(valuePosted.start, valuePosted.items, wordCount);
    vocabulary.finish((id) => (wordValues.start[id + 1] as number) > (wordValues.start[id] as number));
    return {
      vocabulary,
      items,
      sortTexts,
      valueCount,
      valueSpecs: this.valueSpecs.subarray(0, valueCount),
      valueWeights: this.valueWeights.subarray(0, valueCount),
      valueWords: { start: itemsOf(this.valueWordStart), items: itemsOf(this.valueWordIds) },
      wordValues,
      valuePosted,
      valueRecords: this.valueRecords(),
      recordValues: { start: itemsOf(this.recordValueStart), items: itemsOf(this.recordValueItems) },
      recordGroups: { start: itemsOf(this.recordGroupStart), items: itemsOf(this.recordGroupItems) },
      groupValues: { start: itemsOf(this.groupValueStart), items: itemsOf(this.groupValueItems) },
      textRecords: this.textWords.map((words, spec) => {
        const starts = this.textStart[spec];
        return words && starts ? invertRuns(itemsOf(starts), itemsOf(words), wordCount) : undefined;
      }),
      keyedValues: this.keyedValues,
    };
  }

  /**
   * Per value, the records it is attached to: those attached one by one, and those of each group holding it. A
   * value in one group only (most topic texts) shares the group's list; others get a merged copy.
   */
  private valueRecords(): Ranges {
    const valueCount = this.valueCount;
    const single = invertRuns(itemsOf(this.attachedStart), itemsOf(this.attachedValues), valueCount);
    const groupCount = this.groupValueStart.length - 1;
    const groupRecords = invertRuns(
      itemsOf(this.recordGroupStart),
      itemsOf(this.recordGroupItems),
      groupCount,
    );
    const valueGroups = invertRuns(itemsOf(this.groupValueStart), itemsOf(this.groupValueItems), valueCount);
    const items = new IntList(single.items.length + groupRecords.items.length + 16);
    items.data.set(single.items);
    items.length = single.items.length;
    // Each group's records once (a record may list a group twice), after the single attachments.
    const groupStart = new Int32Array(groupCount);
    const groupEnd = new Int32Array(groupCount);
    for (let group = 0; group < groupCount; group++) {
      groupStart[group] = items.length;
      const end = groupRecords.start[group + 1] as number;
      for (let k = groupRecords.start[group] as number; k < end; k++) {
        const record = groupRecords.items[k] as number;
        if (items.length === groupStart[group] || items.data[items.length - 1] !== record) items.push(record);
      }
      groupEnd[group] = items.length;
    }
    const start = new Int32Array(valueCount);
    const end = new Int32Array(valueCount);
    const merged: number[] = [];
    for (let value = 0; value < valueCount; value++) {
      const firstGroup = valueGroups.start[value] as number;
      const groupsEnd = valueGroups.start[value + 1] as number;
      const singleFrom = single.start[value] as number;
      const singleTo = single.start[value + 1] as number;
      if (firstGroup === groupsEnd) {
        start[value] = singleFrom;
        end[value] = singleTo;
        continue;
      }
      if (groupsEnd - firstGroup === 1 && singleFrom === singleTo) {
        const group = valueGroups.items[firstGroup] as number;
        start[value] = groupStart[group] as number;
        end[value] = groupEnd[group] as number;
        continue;
      }
      // Several sources: their union, ascending.
      merged.length = 0;
      for (let k = singleFrom; k < singleTo; k++) merged.push(items.data[k] as number);
      for (let g = firstGroup; g < groupsEnd; g++) {
        const group = valueGroups.items[g] as number;
        for (let k = groupStart[group] as number; k < (groupEnd[group] as number); k++)
          merged.push(items.data[k] as number);
      }
      merged.sort((a, b) => a - b);
      start[value] = items.length;
      for (let k = 0; k < merged.length; k++) {
        if (k === 0 || merged[k] !== merged[k - 1]) items.push(merged[k] as number);
      }
      end[value] = items.length;
    }
    return { start, end, items: itemsOf(items) };
  }

  /** One value of the record being described. */
  private addValue(spec: number, content: string | readonly string[]): void {
    if (!(spec >= 0 && spec < this.specs.length)) return;
    const record = this.record;
    if (this.isText[spec]) {
      if (typeof content === 'string') this.addLongText(content, record, spec);
      else for (const text of content) this.addLongText(text, record, spec);
    } else if (typeof content === 'string') {
      const value = this.valueOf(spec, content);
      if (value >= 0 && !(this.hasGroups[spec] && this.inRecordGroups(value)) && this.attach(value, record)) {
        this.recordValueItems.push(value);
      }
    } else {
      const groups = this.groupIds[spec] as Map<readonly string[], number>;
      let group = groups.get(content);
      if (group === undefined) {
        group = this.groupOf(spec, content);
        groups.set(content, group);
        this.hasGroups[spec] = true;
      }
      this.recordGroupItems.push(group);
    }
  }

  /** Whether a group already attached to the current record holds the value (it is attached then). */
  private inRecordGroups(value: number): boolean {
    const groups = this.recordGroupItems.data;
    const values = this.groupValueItems.data;
    for (let k = this.recordGroupStart.data[this.record] as number; k < this.recordGroupItems.length; k++) {
      const group = groups[k] as number;
      const end = this.groupValueStart.data[group + 1] as number;
      for (let v = this.groupValueStart.data[group] as number; v < end; v++)
        if (values[v] === value) return true;
    }
    return false;
  }

  /** Attaches a value to the record one by one; false when it already was. */
  private attach(value: number, record: number): boolean {
    if (this.valueLastRecord[value] === record) return false;
    this.valueLastRecord[value] = record;
    this.attachedValues.push(value);
    return true;
  }

  private groupOf(spec: number, texts: readonly string[]): number {
    const group = this.groupValueStart.length - 1;
    const first = this.groupValueItems.length;
    for (const text of texts) {
      const value = this.valueOf(spec, text);
      if (value < 0) continue;
      let seen = false;
      for (let k = first; k < this.groupValueItems.length && !seen; k++) {
        seen = this.groupValueItems.data[k] === value;
      }
      if (!seen) this.groupValueItems.push(value);
    }
    this.groupValueStart.push(this.groupValueItems.length);
    return group;
  }

  /** The id of a distinct (field, text) value, parsed and its words indexed the first time; -1 if it has no words. */
  private valueOf(spec: number, text: string): number {
    const vocabulary = this.vocabulary;
    const length = vocabulary.readAscii(text);
    const scan = this.scan;
    const wordIds = this.valueWordIds;
    const firstWord = wordIds.length;
    /** Compounds (`counter-terrorism` → `counterterrorism`) as ids, after the words. */
    let compounds: number[] | undefined;
    let head = -1;
    if (length >= 0) {
      const byText = this.valuesByText[spec] as TextTable;
      const hash = vocabulary.textHash;
      const known = byText.get(vocabulary.textBytes, length, hash);
      if (known >= 0) return known;
      vocabulary.scanRead(text, length, scan);
      const count = scan.count;
      // Not remembered: a text without words is rare, and parsed again.
      if (count === 0) return -1;
      byText.add(vocabulary.textBytes, length, hash, this.valueCount);
      for (let k = 0; k < count; k++) wordIds.push(scan.ids[k] as number);
      // A chunk (no space inside) of more than one word gives a compound: the words run together.
      for (let k = 0; k < count; ) {
        let end = k + 1;
        while (end < count && scan.joined[end] === 1) end++;
        if (end - k > 1) {
          let compound = '';
          for (let j = k; j < end; j++) compound += vocabulary.wordOf(scan.ids[j] as number);
          compounds ??= [];
          compounds.push(vocabulary.idOf(compound));
        }
        k = end;
      }
    } else {
      head = this.valuesByOtherText.get(text) ?? -1;
      for (let value = head; value >= 0; value = this.valueSameText[value] as number) {
        if (this.valueSpecs[value] === spec) return value;
      }
      const folded = foldText(text);
      const words = wordsOf(folded);
      if (words.length === 0) return -1;
      for (const word of words) wordIds.push(vocabulary.idOf(word));
      for (const compound of compoundsOf(folded)) {
        compounds ??= [];
        compounds.push(vocabulary.idOf(compound));
      }
      this.valuesByOtherText.set(text, this.valueCount);
    }
    const endWord = wordIds.length;

    const value = this.valueCount++;
    if (value === this.valueSpecs.length) {
      const size = value * 2;
      this.valueSpecs = grown(this.valueSpecs, size);
      this.valueWeights = grown(this.valueWeights, size);
      this.valueSameText = grown(this.valueSameText, size);
      this.valueLastRecord = grown(this.valueLastRecord, size, -1);
    }
    const fieldSpec = this.specs[spec];
    this.valueSpecs[value] = spec;
    this.valueWeights[value] = (fieldSpec?.tokenWeight ?? 0) * lengthNorm(endWord - firstWord);
    this.valueSameText[value] = head;
    this.valueWordStart.push(endWord);

    // Each distinct word, then each compound, posted once (stop words never).
    if (this.wordLastValue.length < vocabulary.size) {
      this.wordLastValue = grown(this.wordLastValue, vocabulary.size, -1);
    }
    const last = this.wordLastValue;
    const ids = wordIds.data;
    for (let k = firstWord; k < endWord; k++) this.postWord(ids[k] as number, value, last);
    if (compounds) for (const id of compounds) this.postWord(id, value, last);
    this.postedStart.push(this.postedWords.length);

    if (fieldSpec?.keyTier) this.keyedValues.add(wordSequenceKey(ids, firstWord, endWord), value);
    return value;
  }

  private postWord(id: number, value: number, last: Int32Array): void {
    if (last[id] === value) return;
    last[id] = value;
    if (this.vocabulary.isStopWord(id)) return;
    this.postedWords.push(id);
  }

  /** Long text (a summary): whole words only, stop words and single letters skipped, posted once per record. */
  private addLongText(text: string, record: number, spec: number): void {
    const words = this.textWords[spec];
    if (!words) return;
    const vocabulary = this.vocabulary;
    const stamp = record * this.specs.length + spec + 1;
    const last = vocabulary.postLongText(text, record, stamp, words, this.textLastRecord[spec] as Int32Array);
    if (last) {
      this.textLastRecord[spec] = last;
      return;
    }
    forEachWord(foldText(text), (word) => {
      if (word.length < 2) return;
      const id = vocabulary.idOf(word);
      if (vocabulary.isStopWord(id)) return;
      let last = this.textLastRecord[spec] as Int32Array;
      if (id >= last.length) {
        last = grown(last, id + 1, -1);
        this.textLastRecord[spec] = last;
      }
      if (last[id] === record) return;
      last[id] = record;
      words.push(id);
    });
  }
}

anchorShapes(new IndexBuilder<unknown>([], 0));
