/**
 * The partner search. Candidates come from three places, one query word at a time:
 *  - MiniSearch over the short fields (names, acronyms, aliases, sub-bodies, programmes, places), as typed or as a
 *    prefix, with typos only for a word that matches nothing as typed;
 *  - the topic index (focus areas' labels, slugs, synonyms), each topic hit standing for the partners in that area;
 *  - whole words of each partner's own text (summary and focus-area notes), from a plain Map.
 * Every word must match (AND). Hits are put in tiers (below), and fuse.js orders the best candidates of a
 * multi-word query. One- and two-character queries only look at acronyms and the starts of names (autocomplete).
 */
import type { Partner, Topic } from '../data/schema.js';
import {
  AUTOCOMPLETE_LIMIT,
  allowedTypos,
  byText,
  CACHE_SIZE,
  clampLimit,
  createFieldIndex,
  DEFAULT_SEARCH_LIMIT,
  DEFAULT_SUGGEST_LIMIT,
  indexWords,
  MAX_LIMIT,
  ShortPrefixes,
  searchWord,
  WordMap,
} from './common.js';
import { FuseOrder } from './fuse-order.js';
import { LruCache } from './lru-cache.js';
import { matchedText } from './matched-text.js';
import { foldText, type NormalizedQuery, normalizeQuery, wordsOf } from './normalize.js';
import { TopicIndex } from './topic-search.js';
import type { MatchField, PartnerHit, PartnerSearch, SearchOptions } from './types.js';

const FIELDS = ['name', 'acronym', 'alias', 'relatedBody', 'programme', 'location'] as const;
type Field = (typeof FIELDS)[number];
/** MiniSearch boosts: a word in a name counts most, in a place least. */
const BOOST: Record<Field, number> = {
  name: 3,
  acronym: 3,
  alias: 2.5,
  relatedBody: 1.5,
  programme: 1.5,
  location: 1,
};
const BIT: Record<Field, number> = {
  name: 1,
  acronym: 2,
  alias: 4,
  relatedBody: 8,
  programme: 16,
  location: 32,
};
const PRIMARY = BIT.name | BIT.acronym | BIT.alias;
const KEYED = PRIMARY | BIT.relatedBody | BIT.programme;
/** Typos in `search` are looked for in these fields only: a typo'd word in a sub-body or a place is too weak. */
const PRIMARY_FIELDS: Field[] = ['name', 'acronym', 'alias'];

/**
 * Ranking tiers, best first (a hit's score is (tier + a value in [0, 1)) / TIERS):
 *  0 the query equals the name, acronym or an alias (`exact`); 1 it equals a sub-body's or programme's;
 *  2 every word is (the start of) a word of the name, acronym or aliases; 3 … of those or a sub-body or programme;
 *  4 every word matched a field, typos or places included;
 *  5 found through a focus area, and the partner's own text states the words;
 *  6 found through a focus area only, or through its own text only (focus areas first).
 */
const TIERS = 7;
/** At most this many of the best candidates of a multi-word query are ordered by fuse.js. */
const FUSE_CANDIDATES = 50;

/** How one query word matched one partner. */
interface WordHit {
  fields: number;
  score: number;
  typo: boolean;
  /** The focus areas (slugs) it matched through. */
  topics: string[];
  /** Whether the partner's own text has the word. */
  text: boolean;
}

interface Ranked {
  record: number;
  tier: number;
  within: number;
  matchedOn: MatchField;
  topics: string[];
  /** Whether a word was found in a focus area or the partner's own text: the hit then says why it matched. */
  bySubject: boolean;
}

function fieldOf(bits: number): MatchField {
  return FIELDS.find((field) => bits & BIT[field]) ?? 'name';
}

const keyOf = (text: string) => wordsOf(foldText(text)).join(' ');

/** Builds the partner index once; every call after that is pure, synchronous and never throws on a string. */
export function createPartnerSearch(
  partnerList: readonly Partner[],
  topicList: readonly Topic[],
  options: SearchOptions = {},
): PartnerSearch {
  const partners = byText(partnerList, (partner) => partner.name);
  const topicIndex = new TopicIndex(topicList);
  const topicBySlug = new Map(topicList.map((topic) => [topic.slug, topic]));
  const fieldIndex = createFieldIndex(
    FIELDS,
    partners.map((partner, id) => ({
      id,
      name: partner.name,
      acronym: partner.acronym ?? '',
      alias: partner.aliases.join('\n'),
      relatedBody: partner.relatedBodies.flatMap((body) => [body.name, body.acronym ?? '']).join('\n'),
      programme: partner.programmes
        .flatMap((programme) => [programme.name, programme.acronym ?? ''])
        .join('\n'),
      location: partner.locations.map((location) => location.place).join('\n'),
    })),
  );
  const ownText = new WordMap();
  const partnersByTopic = new Map<string, number[]>();
  /** Folded names, acronyms, aliases (primary) and sub-body/programme names and acronyms → partners. */
  const exactKeys = new Map<string, { record: number; field: Field }[]>();
  const shortPrefixes = new ShortPrefixes();
  partners.forEach((partner, record) => {
    ownText.add(record, [partner.summary, ...partner.focusAreas.map((focus) => focus.note)].join('\n'));
    for (const { topic } of partner.focusAreas) {
      const list = partnersByTopic.get(topic) ?? [];
      if (list.length === 0) partnersByTopic.set(topic, list);
      list.push(record);
    }
    // [field, text, is an acronym]
    const named: [Field, string | undefined, boolean][] = [
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
    for (const [field, text, acronym] of named) {
      if (!text) continue;
      const key = keyOf(text);
      const list = exactKeys.get(key) ?? [];
      if (list.length === 0) exactKeys.set(key, list);
      list.push({ record, field });
      // One- and two-character queries: the starts of acronyms (the partner's, its sub-bodies' and programmes') first,
      // then of the first words of its name and aliases, then of their other words.
      if (acronym) shortPrefixes.add(record, key, 0);
      else if (PRIMARY & BIT[field]) {
        indexWords(text).forEach((word, i) => {
          shortPrefixes.add(record, word, i === 0 ? 1 : 2);
        });
      }
    }
  });
  const fuseOrder = new FuseOrder(topicBySlug);
  const cache = new LruCache<readonly Ranked[]>(options.caching === false ? 0 : CACHE_SIZE);

  /** Partners matching one query word, in fields, focus areas and own text; typos only if nothing matched as typed. */
  const matchWord = (term: string, typos: number, mode: 'search' | 'suggest'): Map<number, WordHit> => {
    const hits = new Map<number, WordHit>();
    const hitOf = (record: number) => {
      let hit = hits.get(record);
      if (!hit) {
        hit = { fields: 0, score: 0, typo: false, topics: [], text: false };
        hits.set(record, hit);
      }
      return hit;
    };
    const addFields = (typo: boolean, fields?: Field[]) => {
      for (const result of searchWord(fieldIndex, term, {
        prefix: !typo,
        typos: typo ? typos : 0,
        fields,
        boost: BOOST,
      })) {
        const hit = hitOf(result.id as number);
        for (const matched of Object.values(result.match))
          for (const field of matched) hit.fields |= BIT[field as Field] ?? 0;
        hit.score += result.score;
        hit.typo = typo;
      }
    };
    const addTopics = (topicTypos: number) => {
      for (const [topicRecord, match] of topicIndex.matchWord(term, topicTypos, false)) {
        const slug = topicIndex.topics[topicRecord]?.slug ?? '';
        for (const record of partnersByTopic.get(slug) ?? []) {
          const hit = hitOf(record);
          hit.topics.push(slug);
          if (match.typo) hit.typo = true;
        }
      }
    };
    addFields(false);
    addTopics(0);
    for (const record of ownText.get(term)) hitOf(record).text = true;
    if (hits.size === 0 && typos > 0) {
      addFields(true, mode === 'search' ? PRIMARY_FIELDS : undefined);
      addTopics(typos);
    }
    return hits;
  };

  const rankOne = (record: number, words: readonly WordHit[], exact?: Field): Ranked => {
    let allPrimary = true;
    let allKeyed = true;
    let allFields = true;
    let allStated = true;
    let fields = 0;
    let score = 0;
    const topics = new Set<string>();
    for (const word of words) {
      if (!(word.fields & PRIMARY) || word.typo) allPrimary = false;
      if (!(word.fields & KEYED) || word.typo) allKeyed = false;
      if (!word.fields) allFields = false;
      if (!word.fields && !word.text) allStated = false;
      fields |= word.fields;
      score += word.score;
      for (const topic of word.topics) topics.add(topic);
    }
    const viaTopics = [...topics];
    const focusAreas = partners[record]?.focusAreas.length ?? 1;
    // Among subject hits, a partner with few focus areas (a specialist) before one that does many things.
    const specialism = 1 - Math.min(viaTopics.length, focusAreas) / focusAreas;
    const bySubject = !allFields;
    const ranked = (tier: number, within: number, matchedOn: MatchField): Ranked => ({
      record,
      tier,
      within,
      matchedOn,
      topics: viaTopics,
      bySubject,
    });
    if (exact) return ranked(PRIMARY & BIT[exact] ? 0 : 1, 0, exact);
    const byFields = 1 / (1 + score);
    if (allPrimary) return ranked(2, byFields, fieldOf(fields));
    if (allKeyed) return ranked(3, byFields, fieldOf(fields));
    if (allFields) return ranked(4, byFields, fieldOf(fields));
    if (viaTopics.length > 0 && allStated) return ranked(5, specialism, 'topic');
    if (viaTopics.length > 0) return ranked(6, 0.5 * specialism, 'topic');
    return ranked(6, 0.5 + 0.49 * byFields, fields ? fieldOf(fields) : 'summary');
  };

  /** fuse.js reorders the best candidates of a multi-word query, within their tiers. */
  const orderByFuse = (ranked: Ranked[], query: NormalizedQuery, every: boolean) => {
    const head = ranked.slice(0, FUSE_CANDIDATES);
    const scores = fuseOrder.scores(
      head.map((hit) => partners[hit.record] as Partner),
      query.terms.join(' '),
      every,
    );
    head.forEach((hit, i) => {
      if (hit.tier > 1) hit.within = 0.9 * (scores[i] ?? 1) + 0.1 * hit.within;
    });
    head.sort((a, b) => a.tier - b.tier || a.within - b.within || a.record - b.record);
    return [...head, ...ranked.slice(FUSE_CANDIDATES)];
  };

  const fullSearch = (query: NormalizedQuery): Ranked[] => {
    const { terms } = query;
    if (terms.length === 0) return [];
    const perWord = terms.map((term) =>
      matchWord(term, allowedTypos(term, 'search', terms.length), 'search'),
    );
    const smallest = [...perWord].sort((a, b) => a.size - b.size)[0] ?? new Map();
    const ranked = new Map<number, Ranked>();
    for (const record of smallest.keys()) {
      const words = perWord.map((hits) => hits.get(record));
      if (words.every((word) => word !== undefined)) ranked.set(record, rankOne(record, words as WordHit[]));
    }
    for (const { record, field } of exactKeys.get(query.key) ?? []) {
      const before = ranked.get(record);
      const exact = rankOne(record, [], field);
      if (!before || exact.tier < before.tier) ranked.set(record, exact);
    }
    const sorted = [...ranked.values()].sort(
      (a, b) => a.tier - b.tier || a.within - b.within || a.record - b.record,
    );
    return terms.length > 1 ? orderByFuse(sorted, query, true) : sorted;
  };

  /** "Did you mean": any word may match, with more typos; the more words a partner matches, the better. */
  const looseSearch = (query: NormalizedQuery): Ranked[] => {
    const { terms } = query;
    const tally = new Map<number, WordHit[]>();
    for (const term of terms) {
      for (const [record, hit] of matchWord(term, allowedTypos(term, 'suggest', terms.length), 'suggest')) {
        const list = tally.get(record) ?? [];
        if (list.length === 0) tally.set(record, list);
        list.push(hit);
      }
    }
    const ranked = [...tally].map(([record, words]) => {
      const hit = rankOne(record, words);
      hit.tier = 0;
      hit.within = 0.5 * (1 - words.length / terms.length) + 0.5 * Math.min(hit.within, 0.999);
      return hit;
    });
    ranked.sort((a, b) => a.within - b.within || a.record - b.record);
    const head = ranked.slice(0, FUSE_CANDIDATES);
    const scores = fuseOrder.scores(
      head.map((hit) => partners[hit.record] as Partner),
      terms.join(' '),
      false,
    );
    head.forEach((hit, i) => {
      hit.within = 0.5 * hit.within + 0.5 * (scores[i] ?? 1);
    });
    return head.sort((a, b) => a.within - b.within || a.record - b.record);
  };

  /** One- and two-character queries: acronyms, then the starts of names' words, A–Z; a topic named exactly after. */
  const shortSearch = (query: NormalizedQuery): Ranked[] => {
    const found = shortPrefixes.find(query.key);
    const exact = new Set(
      (exactKeys.get(query.key) ?? [])
        .filter(({ field }) => PRIMARY & BIT[field])
        .map(({ record }) => record),
    );
    const ranked: Ranked[] = found.map((entry, position) => ({
      record: entry.record,
      tier: exact.has(entry.record) ? 0 : 2,
      within: position / (found.length + 1),
      matchedOn: entry.rank === 0 ? 'acronym' : 'name',
      topics: [],
      bySubject: false,
    }));
    const listed = new Set(found.map((entry) => entry.record));
    for (const topicRecord of topicIndex.exact(query.key)) {
      const slug = topicIndex.topics[topicRecord]?.slug ?? '';
      for (const record of partnersByTopic.get(slug) ?? []) {
        if (listed.has(record)) continue;
        listed.add(record);
        ranked.push({ record, tier: 6, within: 0, matchedOn: 'topic', topics: [slug], bySubject: true });
      }
    }
    return ranked;
  };

  const run = (mode: 'search' | 'suggest', raw: unknown, limit: number): PartnerHit[] => {
    if (limit === 0) return [];
    const query = normalizeQuery(raw);
    if (query.length === 0) return [];
    const cacheKey = `${mode}\u0000${query.key}`;
    let ranked = cache.get(cacheKey);
    if (!ranked) {
      ranked = (
        query.length <= 2 ? shortSearch(query) : mode === 'search' ? fullSearch(query) : looseSearch(query)
      ).slice(0, MAX_LIMIT);
      cache.set(cacheKey, ranked);
    }
    let previous = 0;
    return ranked.slice(0, limit).flatMap((hit) => {
      const partner = partners[hit.record];
      if (!partner) return [];
      // Scores never decrease down the list (fuse.js reorders only the head).
      previous = Math.max(previous, (hit.tier + Math.min(Math.max(hit.within, 0), 0.999)) / TIERS);
      const result: PartnerHit = {
        partner,
        score: previous,
        exact: hit.tier === 0 && mode === 'search',
        matchedOn: hit.matchedOn,
      };
      if (hit.bySubject) {
        const why = matchedText(partner, query.terms, hit.topics, topicBySlug);
        if (why) result.matchedText = why;
      }
      return [result];
    });
  };

  const alphabetical = (): PartnerHit[] =>
    partners
      .slice(0, AUTOCOMPLETE_LIMIT)
      .map((partner) => ({ partner, score: 1, exact: false, matchedOn: 'name' }));

  return {
    search: (query, limit) => run('search', query, clampLimit(limit, DEFAULT_SEARCH_LIMIT)),
    suggest: (query, limit) => run('suggest', query, clampLimit(limit, DEFAULT_SUGGEST_LIMIT)),
    autocomplete: (query) =>
      typeof query !== 'string' || query.trim() === ''
        ? alphabetical()
        : run('search', query, AUTOCOMPLETE_LIMIT),
  };
}
