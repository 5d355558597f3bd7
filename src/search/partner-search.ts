/**
 * The partner search: one MiniSearch index over each partner's names, sub-bodies, places, focus areas and own text,
 * with boosts. Every query word must match (AND): as typed or as a word's start, with a few typos in names and
 * focus areas, as a whole word in the partner's own text. Hits are grouped by how they matched (`GROUPS`) and
 * ordered within a group by MiniSearch's score. 1–2 characters: acronyms and the starts of names' words.
 */
import Fuse from 'fuse.js';
import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import type { Partner, Topic } from '../data/schema.js';
import { byText, indexOptions, type Mode, searchApi, typosFor } from './common.js';
import { matchedText } from './matched-text.js';
import { indexWords, keyOf, type NormalizedQuery } from './normalize.js';
import type { MatchField, NameField, PartnerHit, PartnerSearch } from './types.js';

/** How much a word counts in each field: in a name most, in the partner's own text least. */
const BOOST: Record<NameField | 'topic' | 'text', number> = {
  name: 3,
  acronym: 3,
  alias: 2.5,
  relatedBody: 1.5,
  programme: 1.5,
  location: 1,
  topic: 1,
  text: 0.5,
};
type Field = keyof typeof BOOST;
const PRIMARY: NameField[] = ['name', 'acronym', 'alias'];
const SUB_BODIES: NameField[] = ['relatedBody', 'programme'];
const SHORT: NameField[] = [...PRIMARY, ...SUB_BODIES, 'location'];

/**
 * Groups, best first (a hit's score is (group + a value in [0, 1)) / GROUPS):
 *  0 the query equals the name, acronym or an alias (`exact`); 1 it equals a sub-body's or programme's;
 *  2 the name or an alias holds the query as typed, a run of its words;
 *  3 every word is (the start of) a word of the name, acronym or aliases; 4 … of those or a sub-body or programme;
 *  5 every word matched a name-like field or a place, typos included;
 *  6 a word matched only a focus area or the partner's own text (found through a subject).
 */
const GROUPS = 7;
const SUBJECT = 6;
/** fuse.js: every word somewhere in one value, typos allowed (about one error in three letters). */
const FUSE_OPTIONS = {
  includeScore: true,
  ignoreLocation: true,
  useTokenSearch: true,
  tokenMatch: 'all' as const,
  threshold: 0.34,
  keys: ['text'],
};
/** What a fuse.js match in a field costs over one in the name. */
const PENALTY = { name: 0, acronym: 0, alias: 0.03, relatedBody: 0.06, programme: 0.06, location: 0.1 };

interface Ranked {
  record: number;
  group: number;
  within: number;
  matchedOn: MatchField;
  /** Found through a subject: the focus areas that matched, to say why. */
  via?: readonly Topic[];
}

const byRank = (a: Ranked, b: Ranked) => a.group - b.group || a.within - b.within || a.record - b.record;

/** A query word's group (3–6): by the fields of the document words it starts, else of those found with typos. */
function groupOf(typed: [string, string[]][], typos: [string, string[]][]) {
  const fields = (typed.length > 0 ? typed : typos).flatMap(([, found]) => found);
  const has = (list: Field[]) => list.some((field) => fields.includes(field));
  if (typed.length === 0) return has(PRIMARY) ? 5 : SUBJECT;
  return has(PRIMARY) ? 3 : has(SUB_BODIES) ? 4 : has(SHORT) ? 5 : SUBJECT;
}

/** Builds the partner index once; every call after that is pure, synchronous and never throws on a string. */
export function createPartnerSearch(
  partnerList: readonly Partner[],
  topicList: readonly Topic[],
): PartnerSearch {
  /** Sorted A–Z by name: a partner's number is its place in this list. */
  const partners = byText(partnerList, (partner) => partner.name);
  const topics = new Map(topicList.map((topic) => [topic.slug, topic]));
  const topicNames = (topic: Topic) => [topic.label, topic.slug, ...topic.synonyms];
  const topicWords = new Map(
    topicList.map((topic) => [topic.slug, new Set(topicNames(topic).flatMap(indexWords))]),
  );
  const topicKeys = new Map(
    topicList.flatMap((topic) => topicNames(topic).map((text) => [keyOf(text), topic])),
  );

  const vocabulary = new Set<string>();
  // `acronyms` (the partner's and its sub-bodies', each one key) serves one- and two-character queries only.
  const index = new MiniSearch({
    ...indexOptions([...Object.keys(BOOST), 'acronyms'], vocabulary),
    tokenize: (text, field) => (field === 'acronyms' ? text.split('\n').map(keyOf) : indexWords(text)),
  });
  /** Per partner, the keys (`keyOf`) of its name-like values and places: for exact matches and fuse.js. */
  const keys = partners.map((partner, record): Record<NameField, string[]> => {
    const subBodies = [...partner.relatedBodies, ...partner.programmes];
    const both = (list: typeof subBodies) =>
      list.flatMap(({ name, acronym }) => (acronym ? [name, acronym] : [name]));
    const values: Record<NameField, string[]> = {
      name: [partner.name],
      acronym: partner.acronym ? [partner.acronym] : [],
      alias: partner.aliases,
      relatedBody: both(partner.relatedBodies),
      programme: both(partner.programmes),
      location: partner.locations.map(({ place }) => place),
    };
    index.add({
      id: record,
      ...Object.fromEntries(SHORT.map((field) => [field, values[field].join('\n')])),
      topic: partner.focusAreas.flatMap(({ topic }) => topicNames(topics.get(topic) as Topic)).join('\n'),
      text: [partner.summary, ...partner.focusAreas.map(({ note }) => note)].join('\n'),
      acronyms: [partner.acronym, ...subBodies.map(({ acronym }) => acronym)].filter(Boolean).join('\n'),
    });
    return Object.fromEntries(SHORT.map((field) => [field, values[field].map(keyOf)])) as typeof values;
  });
  const namesOf = (record: number) => [...(keys[record]?.name ?? []), ...(keys[record]?.alias ?? [])];
  /** The first name-like field of a partner that equals the query. */
  const exactField = (key: string, record: number) =>
    [...PRIMARY, ...SUB_BODIES].find((field) => keys[record]?.[field].includes(key));

  const rankOne = (result: SearchResult, query: NormalizedQuery): Ranked => {
    const record = result.id as number;
    const exact = exactField(query.key, record);
    if (exact) return { record, group: PRIMARY.includes(exact) ? 0 : 1, within: 0, matchedOn: exact };
    const found = Object.entries(result.match);
    const starts = (term: string) => found.filter(([word]) => word.startsWith(term));
    const typos = found.filter(([word]) => !query.terms.some((term) => word.startsWith(term)));
    let group = Math.max(...query.terms.map((term) => groupOf(starts(term), typos)));
    const holds = (name: string) => ` ${name}`.includes(` ${query.key}`);
    if (group === 3 && query.terms.length > 1 && namesOf(record).some(holds)) group = 2;
    const within = 1 / (1 + result.score);
    const named = SHORT.find((field) => found.some(([, fields]) => fields.includes(field)));
    if (group < SUBJECT) return { record, group, within, matchedOn: named ?? 'name' };
    const inTopics = found.flatMap(([word, fields]) => (fields.includes('topic') ? [word] : []));
    const via = (partners[record] as Partner).focusAreas.flatMap(({ topic }) =>
      inTopics.some((word) => topicWords.get(topic)?.has(word)) ? [topics.get(topic) as Topic] : [],
    );
    return { record, group, within, matchedOn: via.length > 0 ? 'topic' : 'summary', via };
  };

  /**
   * Every word must match in `search`; in `suggest` ("did you mean", more typos) any may, the more the better.
   * Typos in `search` only count in names, acronyms, aliases and focus areas: elsewhere they are too weak.
   */
  const wordSearch = (query: NormalizedQuery, mode: Mode): Ranked[] => {
    const { terms } = query;
    const typoFields: Field[] = [...(mode === 'search' ? PRIMARY : SHORT), 'topic'];
    // Each word as a whole word of own text, with typos where allowed, as typed or a word's start. In that order:
    // for a document word that two of them find, MiniSearch keeps the fields the last one found it in.
    const queries = terms.map((term): Query => {
      const typos = typosFor(term, mode, terms.length, vocabulary);
      const fuzzy = typos > 0 ? [{ queries: [term], fields: typoFields, fuzzy: typos }] : [];
      const prefix = { queries: [term], fields: [...SHORT, 'topic'], prefix: true };
      return { combineWith: 'OR', queries: [{ queries: [term], fields: ['text'] }, ...fuzzy, prefix] };
    });
    const found = index.search({ combineWith: mode === 'search' ? 'AND' : 'OR', queries }, { boost: BOOST });
    const ranked = found.map((result) => {
      const hit = rankOne(result, query);
      const missed = 1 - result.queryTerms.length / terms.length;
      return mode === 'search' ? hit : { ...hit, group: 0, within: 0.5 * missed + 0.5 * hit.within };
    });
    const onNames = ranked.filter((hit) => hit.group >= 3 && hit.group <= 5);
    if (mode === 'suggest' || terms.length < 2 || onNames.length < 2) return ranked.sort(byRank);
    // fuse.js orders the hits on name-like fields (groups 3–5) of a multi-word search, within their groups:
    // without it, "wrld helth" loses to synthetic partners at 10,000 (tests/search.test.ts).
    const values = onNames.flatMap((hit) =>
      SHORT.flatMap((field) =>
        (keys[hit.record]?.[field] ?? []).map((text) => ({ text, hit, penalty: PENALTY[field] })),
      ),
    );
    const best = new Map<Ranked, number>(); // none: no single value holds every word
    for (const { item, score = 1 } of new Fuse(values, FUSE_OPTIONS).search(terms.join(' ')))
      best.set(item.hit, Math.min(best.get(item.hit) ?? 1, score + item.penalty));
    for (const hit of onNames) hit.within = 0.98 * (best.get(hit) ?? 1) + 0.02 * hit.within;
    return ranked.sort(byRank);
  };

  /**
   * One- and two-character queries: a word typed whole first, then acronyms, the first words of names, their other
   * words (A–Z); then the partners in a focus area so named ("k9").
   */
  const shortSearch = ({ key }: NormalizedQuery): Ranked[] => {
    const found = index
      .search(key, { fields: ['acronyms', 'name', 'alias'], prefix: true })
      .map(({ id, match }) => {
        const record = id as number;
        const words = Object.keys(match);
        const acronym = words.some((word) => match[word]?.includes('acronyms'));
        const first = words.some((word) => namesOf(record).some((name) => name.split(' ')[0] === word));
        const rank = (words.includes(key) ? 0 : 3) + (acronym ? 0 : first ? 1 : 2);
        const group = PRIMARY.includes(exactField(key, record) as NameField) ? 0 : 3;
        return { record, group, within: rank / 6, matchedOn: acronym ? 'acronym' : 'name' } as Ranked;
      });
    const topic = topicKeys.get(key);
    const known = new Set(found.map((hit) => hit.record));
    for (const [record, partner] of partners.entries())
      if (topic && !known.has(record) && partner.focusAreas.some((focus) => focus.topic === topic.slug))
        found.push({ record, group: SUBJECT, within: 0, matchedOn: 'topic', via: [topic] });
    return found.sort(byRank);
  };

  const answer = (mode: Mode, query: NormalizedQuery): Ranked[] =>
    query.length <= 2 ? shortSearch(query) : wordSearch(query, mode);

  const present = (ranked: readonly Ranked[], mode: Mode, query: NormalizedQuery): PartnerHit[] =>
    ranked.map(({ record, group, within, matchedOn, via }) => ({
      partner: partners[record] as Partner,
      score: (group + Math.min(within, 0.999)) / GROUPS,
      exact: group === 0 && mode === 'search',
      matchedOn,
      matchedText: via && matchedText(partners[record] as Partner, query.terms, via),
    }));

  const listed = (partner: Partner): PartnerHit => ({ partner, score: 1, exact: false, matchedOn: 'name' });
  return searchApi(answer, present, partners, listed);
}
