/**
 * What the partner search looks things up in, built once. A query word is looked up once (`lookUp`); whether a
 * partner matches it is then checked on that partner alone (`matchAt`), so candidates come from the rarest word.
 */
import MiniSearch, { type AsPlainObject } from 'minisearch';
import type { Partner, Topic } from '../data/schema.js';
import {
  addWords,
  allowedTypos,
  byText,
  fieldIndexOptions,
  type Mode,
  pushTo,
  ShortPrefixes,
} from './common.js';
import { indexWords, keyOf } from './normalize.js';
import { TopicIndex } from './topic-search.js';

/** The short fields, in this order, and how much a word in each counts: in a name most, in a place least. */
const BOOST = { name: 3, acronym: 3, alias: 2.5, relatedBody: 1.5, programme: 1.5, location: 1 };
export type Field = keyof typeof BOOST;
export const FIELDS = Object.keys(BOOST) as Field[];
export const BIT = Object.fromEntries(FIELDS.map((field, i) => [field, 1 << i])) as Record<Field, number>;
export const PRIMARY = BIT.name | BIT.acronym | BIT.alias;
export const KEYED = PRIMARY | BIT.relatedBody | BIT.programme;

/** One query word, looked up once. */
export interface WordLookup {
  term: string;
  /** Only when the word matched nothing as typed: partners whose fields it matches with typos. */
  typos?: Map<number, { fields: number; score: number }>;
  /** Focus areas it matches → their partners. */
  topics: Map<Topic, ReadonlySet<number>>;
  /** Partners whose own text has the word (ascending). */
  text: readonly number[];
  /** About how many partners have it in a field / in a subject. */
  inFields: number;
  inSubjects: number;
}

/** What the words of a query matched in one partner, added up word by word (`matchAt`). */
export class Match {
  words = 0;
  /** Field bits any word matched in, and how well (whole words and names count most). */
  fields = 0;
  score = 0;
  /**
   * The weakest way a word matched, as the partner search's tiers: 2 as typed in a name, acronym or alias; 3 … or
   * a sub-body or programme; 4 in any field (places, typos); 5 in the partner's own text; 6 only in a focus area.
   */
  weakest = 2;
  topics: Topic[] = [];
}

/** MiniSearch over the joined words (` w w `), which are already what `indexWords` makes of a field's text. */
const FIELD_OPTIONS = fieldIndexOptions(FIELDS, (joined) => (joined ? joined.slice(1, -1).split(' ') : []));

/** A word that more than 1 in this many partners have is listed by reading each partner's words, not MiniSearch. */
const SCAN_SHARE = 16;

/** The first position in an ascending list whose item is not below `key`. */
function lowerBound<T extends string | number>(sorted: readonly T[], key: T): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as T) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The index as plain data (Maps as entry lists, MiniSearch in its own saved form): what a prepared dataset keeps
 * (src/data/prepared-cache.ts), so that a start with the same data reads it back instead of building it.
 */
export interface SavedPartnerIndex {
  fields: AsPlainObject;
  joinedFields: Record<Field, string>[];
  ownText: [string, number[]][];
  partnersByTopic: [string, number[]][];
  exactKeys: [string, number[]][];
  shortPrefixes: [string, number[]][];
}

export class PartnerIndex {
  /** Sorted A–Z by name: a partner's number is its place in this list. */
  readonly partners: readonly Partner[];
  readonly topics: TopicIndex;
  private readonly fields: MiniSearch;
  /** Per partner, all field words and each field's, as ` w w `: a word or a word's start is one `includes`. */
  private readonly joinedWords: string[];
  private readonly joinedFields: Record<Field, string>[];
  /** Every field word, sorted, with how many partners have the words before it: prefix counts. */
  private readonly vocabulary: string[];
  private readonly partnersBefore: number[];
  /** Whole words of each partner's summary and notes → the partners that use them, ascending. */
  private readonly ownText: Map<string, number[]>;
  /** Focus area (slug) → its partners, ascending. */
  readonly topicMembers: Map<string, Set<number>>;
  /** Folded names, acronyms, aliases, sub-bodies' and programmes' → record × 8 + the field's place in FIELDS. */
  private readonly exactKeys: Map<string, number[]>;
  readonly shortPrefixes: ShortPrefixes;

  /** Builds the index, or reads back `savedIndex`, which must come from `save()` on an index of the same data. */
  constructor(partnerList: readonly Partner[], topicList: readonly Topic[], savedIndex: unknown) {
    const saved = savedIndex as SavedPartnerIndex | undefined;
    this.partners = byText(partnerList, (partner) => partner.name);
    this.topics = new TopicIndex(topicList);
    this.ownText = new Map(saved?.ownText);
    this.topicMembers = new Map(saved?.partnersByTopic.map(([slug, records]) => [slug, new Set(records)]));
    this.exactKeys = new Map(saved?.exactKeys);
    this.shortPrefixes = new ShortPrefixes(new Map(saved?.shortPrefixes));
    if (saved) {
      if (saved.joinedFields.length !== this.partners.length) throw new Error('saved index of other data');
      this.joinedFields = saved.joinedFields;
      // MiniSearch throws on a saved form it does not know.
      this.fields = MiniSearch.loadJS(saved.fields, FIELD_OPTIONS);
    } else {
      this.joinedFields = this.partners.map((partner, record) => this.describe(partner, record));
      this.fields = new MiniSearch(FIELD_OPTIONS);
      this.fields.addAll(this.joinedFields.map((joined, id) => ({ id, ...joined })));
    }
    this.joinedWords = this.joinedFields.map((joined) => FIELDS.map((field) => joined[field]).join(''));
    const partnersWith = new Map<string, number>();
    for (const joined of this.joinedWords) {
      for (const word of new Set(joined.split(' '))) {
        if (word) partnersWith.set(word, (partnersWith.get(word) ?? 0) + 1);
      }
    }
    this.vocabulary = [...partnersWith.keys()].sort();
    this.partnersBefore = [0];
    for (const word of this.vocabulary) {
      this.partnersBefore.push((this.partnersBefore.at(-1) ?? 0) + (partnersWith.get(word) ?? 0));
    }
  }

  save(): SavedPartnerIndex {
    return {
      fields: this.fields.toJSON(),
      joinedFields: this.joinedFields,
      ownText: [...this.ownText],
      partnersByTopic: [...this.topicMembers].map(([slug, records]) => [slug, [...records]]),
      exactKeys: [...this.exactKeys],
      shortPrefixes: [...this.shortPrefixes.byPrefix],
    };
  }

  /** Registers a partner's own text, topics, exact keys and short prefixes; returns its fields' joined words. */
  private describe(partner: Partner, record: number): Record<Field, string> {
    const ownText = [partner.summary, ...partner.focusAreas.map((focus) => focus.note)];
    addWords(this.ownText, record, ownText.join('\n'));
    for (const { topic } of partner.focusAreas) {
      this.topicMembers.set(topic, (this.topicMembers.get(topic) ?? new Set()).add(record));
    }
    const texts = new Map<Field, string[]>([['location', partner.locations.map(({ place }) => place)]]);
    const add = (field: Field, text: string | undefined, acronym: boolean) => {
      if (!text) return;
      pushTo(texts, field, text);
      const key = keyOf(text);
      pushTo(this.exactKeys, key, record * 8 + FIELDS.indexOf(field));
      // Short queries: acronyms first, then first words of names and aliases, then their other words.
      if (acronym) this.shortPrefixes.add(record, key, 0);
      else if (PRIMARY & BIT[field]) {
        for (const [i, word] of indexWords(text).entries())
          this.shortPrefixes.add(record, word, i === 0 ? 1 : 2);
      }
    };
    add('name', partner.name, false);
    add('acronym', partner.acronym, true);
    for (const alias of partner.aliases) add('alias', alias, false);
    const subBodies = [
      ...partner.relatedBodies.map((named) => ['relatedBody', named] as const),
      ...partner.programmes.map((named) => ['programme', named] as const),
    ];
    for (const [field, { name, acronym }] of subBodies) {
      add(field, name, false);
      add(field, acronym, true);
    }
    return Object.fromEntries(
      FIELDS.map((field) => {
        const words = indexWords((texts.get(field) ?? []).join('\n'));
        return [field, words.length > 0 ? ` ${words.join(' ')} ` : ''];
      }),
    ) as Record<Field, string>;
  }

  /** The partners whose name (or acronym, alias, sub-body or programme) folds to `key`, and in which field. */
  exact(key: string): { record: number; field: Field }[] {
    return (this.exactKeys.get(key) ?? []).map((n) => ({
      record: Math.floor(n / 8),
      field: FIELDS[n % 8] as Field,
    }));
  }

  /** Looks a query word up: as typed (or as a word's start), else, if it matches nothing so, with typos. */
  lookUp(term: string, mode: Mode, wordCount: number): WordLookup {
    const typos = allowedTypos(term, mode, wordCount);
    const from = lowerBound(this.vocabulary, term);
    const to = lowerBound(this.vocabulary, `${term}\uffff`);
    let topics = this.topicsMatching(term, 0);
    const text = this.ownText.get(term) ?? [];
    let fuzzy: WordLookup['typos'];
    if (from === to && topics.size === 0 && text.length === 0 && typos > 0) {
      fuzzy = new Map();
      // Typos in `search` only count in names, acronyms and aliases: in a sub-body or a place they are too weak.
      const fields = mode === 'search' ? FIELDS.filter((field) => PRIMARY & BIT[field]) : undefined;
      for (const result of this.fields.search(term, { fuzzy: typos, fields, boost: BOOST })) {
        let bits = 0;
        for (const field of Object.values(result.match).flat()) bits |= BIT[field as Field];
        // MiniSearch's score weighs the edit distance: "interpl" is nearer "interpol" than "internal".
        fuzzy.set(result.id as number, { fields: bits, score: result.score });
      }
      topics = this.topicsMatching(term, typos);
    }
    let inSubjects = text.length;
    for (const members of topics.values()) inSubjects += members.size;
    const inFields = fuzzy ? fuzzy.size : (this.partnersBefore[to] ?? 0) - (this.partnersBefore[from] ?? 0);
    return { term, typos: fuzzy, topics, text, inFields, inSubjects };
  }

  /** The focus areas whose label, slug or synonyms match the word, and their partners. */
  private topicsMatching(term: string, typos: number): WordLookup['topics'] {
    const matched = [...this.topics.matchWord(term, typos).keys()].map((i) => this.topics.topics[i] as Topic);
    return new Map(matched.map((topic) => [topic, this.topicMembers.get(topic.slug) ?? new Set()]));
  }

  /**
   * The partners with the word in a field. MiniSearch scores every partner it lists (a few µs each), so for a
   * word that a large share of partners have, reading every partner's field words is cheaper.
   */
  forEachInFields(lookup: WordLookup, visit: (record: number) => void): void {
    if (lookup.typos) {
      for (const record of lookup.typos.keys()) visit(record);
    } else if (lookup.inFields * SCAN_SHARE < this.partners.length) {
      for (const result of this.fields.search(lookup.term, { prefix: true })) visit(result.id as number);
    } else {
      const start = ` ${lookup.term}`;
      for (let record = 0; record < this.joinedWords.length; record++) {
        if (this.joinedWords[record]?.includes(start)) visit(record);
      }
    }
  }

  /** Whether the word matches this partner; if it does, what it matched is added to `into`. */
  matchAt(lookup: WordLookup, record: number, into: Match): boolean {
    const start = ` ${lookup.term}`;
    let { fields, score } = lookup.typos?.get(record) ?? { fields: 0, score: 0 };
    if (!lookup.typos && lookup.inFields > 0 && (this.joinedWords[record] ?? '').includes(start)) {
      const joined = this.joinedFields[record] as Record<Field, string>;
      for (const field of FIELDS) {
        const text = joined[field];
        const at = text.indexOf(start);
        if (at < 0) continue;
        fields |= BIT[field];
        // A word's start counts by how much of the word it is, as MiniSearch does.
        const wordLength = text.indexOf(' ', at + 1) - at - 1;
        const share = text.includes(`${start} `) ? 1 : (0.5 * lookup.term.length) / wordLength;
        score += share * BOOST[field];
      }
    }
    let inTopic = false;
    for (const [topic, members] of lookup.topics) {
      if (!members.has(record)) continue;
      inTopic = true;
      if (!into.topics.includes(topic)) into.topics.push(topic);
    }
    const text = !fields && lookup.text[lowerBound(lookup.text, record)] === record;
    if (!fields && !inTopic && !text) return false;
    into.words++;
    into.fields |= fields;
    into.score += score;
    const how = !fields ? (text ? 5 : 6) : lookup.typos ? 4 : fields & PRIMARY ? 2 : fields & KEYED ? 3 : 4;
    into.weakest = Math.max(into.weakest, how);
    return true;
  }
}
