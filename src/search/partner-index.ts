/**
 * What the partner search looks things up in, built once. A query word is looked up once (`lookUp`); whether a
 * partner matches it is then checked on that partner alone (`matchAt`), so candidates come from the rarest word.
 */
import type { AsPlainObject, default as MiniSearch } from 'minisearch';
import type { Partner, Topic } from '../data/schema.js';
import {
  byText,
  createFieldIndex,
  indexWords,
  loadFieldIndex,
  ShortPrefixes,
  searchWord,
  WordMap,
} from './common.js';
import { keyOf } from './normalize.js';
import { TopicIndex } from './topic-search.js';

export const FIELDS = ['name', 'acronym', 'alias', 'relatedBody', 'programme', 'location'] as const;
export type Field = (typeof FIELDS)[number];
/** A word in a name counts most, in a place least. */
const BOOST: Record<Field, number> = {
  name: 3,
  acronym: 3,
  alias: 2.5,
  relatedBody: 1.5,
  programme: 1.5,
  location: 1,
};
export const BIT = Object.fromEntries(FIELDS.map((field, i) => [field, 1 << i])) as Record<Field, number>;
export const PRIMARY = BIT.name | BIT.acronym | BIT.alias;
export const KEYED = PRIMARY | BIT.relatedBody | BIT.programme;
/** Typos in `search` only count in these: a typo'd word in a sub-body or a place is too weak. */
const PRIMARY_FIELDS: Field[] = ['name', 'acronym', 'alias'];

/** One query word, looked up once. */
export interface WordLookup {
  term: string;
  /** Only when the word matched nothing as typed: partners whose fields it matches with typos. */
  typos?: Map<number, { fields: number; score: number }>;
  /** ` word` and ` word `, looked for in a partner's joined words. */
  start: string;
  whole: string;
  /** Focus areas (slugs) it matches, and their partners. */
  topicSlugs: string[];
  topicMembers: ReadonlySet<number>[];
  /** Partners whose own text has the word (ascending). */
  text: readonly number[];
  /** About how many partners have it in a field / in a subject. */
  inFields: number;
  inSubjects: number;
}

/** Shared by every match without focus areas: never changed in place. */
const NO_TOPICS: readonly string[] = [];

/** What the words of a query matched in one partner, added up word by word (`matchAt`). */
export class Match {
  words = 0;
  /** Field bits any word matched in, and how well (whole words and names count most). */
  fields = 0;
  score = 0;
  /** Every word matched as typed in PRIMARY / in KEYED / in any field. */
  allPrimary = true;
  allKeyed = true;
  allFields = true;
  /** Every word is in a field or the partner's own text (not only in a focus area's label or synonyms). */
  allStated = true;
  topics: readonly string[] = NO_TOPICS;
}

/** Joined words (` w w `) are already what `indexWords` makes of a field's text. */
const splitJoined = (joined: string) => (joined ? joined.slice(1, -1).split(' ') : []);

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
  /** Each record and field as one number: record × 8 + the field's place in FIELDS. */
  exactKeys: [string, number[]][];
  shortPrefixes: [string, number[]][];
}

export class PartnerIndex {
  /** Sorted A–Z by name: a partner's number is its place in this list. */
  readonly partners: readonly Partner[];
  readonly topics: TopicIndex;
  readonly topicBySlug: ReadonlyMap<string, Topic>;
  private readonly fields: MiniSearch;
  /** Per partner, all field words and each field's, as ` w w `: a word or a word's start is one `includes`. */
  private readonly joinedWords: string[];
  private readonly joinedFields: Record<Field, string>[] = [];
  /** Every field word, sorted, with how many partners have the words before it: prefix counts. */
  private readonly vocabulary: string[];
  private readonly partnersBefore: number[];
  private readonly ownText: WordMap;
  readonly partnersByTopic: Map<string, number[]>;
  private readonly topicMembers = new Map<string, Set<number>>();
  readonly exactKeys: Map<string, { record: number; field: Field }[]>;
  readonly shortPrefixes: ShortPrefixes;

  /** Builds the index, or reads back `saved`, which must come from `save()` on an index of the same data. */
  constructor(partnerList: readonly Partner[], topicList: readonly Topic[], saved?: SavedPartnerIndex) {
    this.partners = byText(partnerList, (partner) => partner.name);
    this.topics = new TopicIndex(topicList);
    this.topicBySlug = new Map(topicList.map((topic) => [topic.slug, topic]));
    this.ownText = new WordMap(saved?.ownText);
    this.partnersByTopic = new Map(saved?.partnersByTopic);
    this.exactKeys = new Map(
      saved?.exactKeys.map(([key, packed]) => [
        key,
        packed.map((n) => ({ record: Math.floor(n / 8), field: FIELDS[n % 8] as Field })),
      ]),
    );
    this.shortPrefixes = new ShortPrefixes(saved?.shortPrefixes);
    if (saved) {
      if (saved.joinedFields.length !== this.partners.length) throw new Error('saved index of other data');
      this.joinedFields = saved.joinedFields;
      this.fields = loadFieldIndex(FIELDS, saved.fields, splitJoined);
    } else {
      const docs = this.partners.map((partner, record) => {
        const texts = this.describe(partner, record);
        const joined = {} as Record<Field, string>;
        for (const field of FIELDS) {
          const words = indexWords(texts[field]);
          joined[field] = words.length > 0 ? ` ${words.join(' ')} ` : '';
        }
        this.joinedFields.push(joined);
        return { id: record, ...joined };
      });
      this.fields = createFieldIndex(FIELDS, docs, splitJoined);
    }
    this.joinedWords = this.joinedFields.map((joined) => FIELDS.map((field) => joined[field]).join(''));
    for (const [slug, records] of this.partnersByTopic) this.topicMembers.set(slug, new Set(records));
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
      ownText: this.ownText.save(),
      partnersByTopic: [...this.partnersByTopic],
      exactKeys: [...this.exactKeys].map(([key, found]) => [
        key,
        found.map(({ record, field }) => record * 8 + FIELDS.indexOf(field)),
      ]),
      shortPrefixes: this.shortPrefixes.save(),
    };
  }

  /** Registers a partner's own text, topics, exact keys and short prefixes; returns its short fields' texts. */
  private describe(partner: Partner, record: number): Record<Field, string> {
    this.ownText.add(record, [partner.summary, ...partner.focusAreas.map((focus) => focus.note)].join('\n'));
    for (const { topic } of partner.focusAreas) {
      const list = this.partnersByTopic.get(topic) ?? [];
      if (list.length === 0) this.partnersByTopic.set(topic, list);
      list.push(record);
    }
    const named: [Field, string | undefined, acronym: boolean][] = [
      ['name', partner.name, false],
      ['acronym', partner.acronym, true],
      ...partner.aliases.map((alias): [Field, string, boolean] => ['alias', alias, false]),
      ...partner.relatedBodies.flatMap((body): [Field, string | undefined, boolean][] => [
        ['relatedBody', body.name, false],
        ['relatedBody', body.acronym, true],
      ]),
      ...partner.programmes.flatMap((programme): [Field, string | undefined, boolean][] => [
        ['programme', programme.name, false],
        ['programme', programme.acronym, true],
      ]),
    ];
    const texts = Object.fromEntries(FIELDS.map((field) => [field, ''])) as Record<Field, string>;
    texts.location = partner.locations.map((location) => location.place).join('\n');
    for (const [field, text, acronym] of named) {
      if (!text) continue;
      texts[field] = texts[field] ? `${texts[field]}\n${text}` : text;
      const key = keyOf(text);
      const list = this.exactKeys.get(key) ?? [];
      if (list.length === 0) this.exactKeys.set(key, list);
      list.push({ record, field });
      // Short queries: acronyms first, then first words of names and aliases, then their other words.
      if (acronym) this.shortPrefixes.add(record, key, 0);
      else if (PRIMARY & BIT[field]) {
        indexWords(text).forEach((word, i) => {
          this.shortPrefixes.add(record, word, i === 0 ? 1 : 2);
        });
      }
    }
    return texts;
  }

  /** Looks a query word up: as typed (or as a word's start), else, if it matches nothing so, with `typos`. */
  lookUp(term: string, typos: number, mode: 'search' | 'suggest'): WordLookup {
    const from = lowerBound(this.vocabulary, term);
    const to = lowerBound(this.vocabulary, `${term}\uffff`);
    let topics = new Set([...this.topics.matchWord(term, 0, false).keys()].map((t) => this.slugOf(t)));
    const text = this.ownText.get(term);
    let fuzzy: WordLookup['typos'];
    if (from === to && topics.size === 0 && text.length === 0 && typos > 0) {
      fuzzy = new Map();
      const fields = mode === 'search' ? PRIMARY_FIELDS : undefined;
      for (const result of searchWord(this.fields, term, { prefix: false, typos, fields, boost: BOOST })) {
        let bits = 0;
        for (const found of Object.values(result.match))
          for (const field of found) bits |= BIT[field as Field];
        // MiniSearch's score weighs the edit distance: "interpl" is nearer "interpol" than "internal".
        fuzzy.set(result.id as number, { fields: bits, score: result.score });
      }
      topics = new Set([...this.topics.matchWord(term, typos, false).keys()].map((t) => this.slugOf(t)));
    }
    const topicSlugs = [...topics];
    const topicMembers = topicSlugs.map((slug) => this.topicMembers.get(slug) ?? new Set<number>());
    let inSubjects = text.length;
    for (const members of topicMembers) inSubjects += members.size;
    const inFields = fuzzy ? fuzzy.size : (this.partnersBefore[to] ?? 0) - (this.partnersBefore[from] ?? 0);
    const start = ` ${term}`;
    return {
      term,
      start,
      whole: `${start} `,
      typos: fuzzy,
      topicSlugs,
      topicMembers,
      text,
      inFields,
      inSubjects,
    };
  }

  private slugOf(topicRecord: number): string {
    return this.topics.topics[topicRecord]?.slug ?? '';
  }

  /**
   * The partners with the word in a field. MiniSearch scores every partner it lists (a few µs each), so for a
   * word that a large share of partners have, reading every partner's field words is cheaper.
   */
  forEachInFields(lookup: WordLookup, visit: (record: number) => void): void {
    if (lookup.typos) {
      for (const record of lookup.typos.keys()) visit(record);
    } else if (lookup.inFields === 0) {
      return;
    } else if (lookup.inFields * SCAN_SHARE < this.partners.length) {
      for (const result of searchWord(this.fields, lookup.term, { prefix: true, typos: 0 }))
        visit(result.id as number);
    } else {
      for (let record = 0; record < this.joinedWords.length; record++) {
        if (this.joinedWords[record]?.includes(lookup.start)) visit(record);
      }
    }
  }

  /** Whether the word matches this partner; if it does, what it matched is added to `into`. */
  matchAt(lookup: WordLookup, record: number, into: Match): boolean {
    let fields = 0;
    let score = 0;
    if (lookup.typos) {
      const typo = lookup.typos.get(record);
      fields = typo?.fields ?? 0;
      score = typo?.score ?? 0;
    } else if (lookup.inFields > 0 && (this.joinedWords[record] ?? '').includes(lookup.start)) {
      const joined = this.joinedFields[record] as Record<Field, string>;
      for (const field of FIELDS) {
        const text = joined[field];
        const at = text.indexOf(lookup.start);
        if (at < 0) continue;
        fields |= BIT[field];
        // A word's start counts by how much of the word it is, as MiniSearch does.
        const wordLength = text.indexOf(' ', at + 1) - at - 1;
        const share = text.includes(lookup.whole) ? 1 : (0.5 * lookup.term.length) / wordLength;
        score += share * BOOST[field];
      }
    }
    let topics: readonly string[] = NO_TOPICS;
    for (let i = 0; i < lookup.topicMembers.length; i++) {
      if (!lookup.topicMembers[i]?.has(record)) continue;
      const slug = lookup.topicSlugs[i] as string;
      topics = topics === NO_TOPICS ? [slug] : [...topics, slug];
    }
    const text = !fields && lookup.text[lowerBound(lookup.text, record)] === record;
    if (!fields && topics.length === 0 && !text) return false;
    const typo = lookup.typos !== undefined;
    into.words++;
    into.fields |= fields;
    into.score += score;
    if (!(fields & PRIMARY) || typo) into.allPrimary = false;
    if (!(fields & KEYED) || typo) into.allKeyed = false;
    if (!fields) into.allFields = false;
    if (!fields && !text) into.allStated = false;
    for (const topic of topics) if (!into.topics.includes(topic)) into.topics = [...into.topics, topic];
    return true;
  }
}
