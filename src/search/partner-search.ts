/**
 * The partner search: every query word must match (a short field, a focus area or the partner's own text); hits
 * are put in tiers (below) and fuse.js orders the best of a multi-word query. 1–2 characters: acronyms and names.
 */
import type { Partner, Topic } from '../data/schema.js';
import { AUTOCOMPLETE_LIMIT, MAX_LIMIT, type Mode, searchApi } from './common.js';
import { fuseScores } from './fuse-order.js';
import { matchedText } from './matched-text.js';
import type { NormalizedQuery } from './normalize.js';
import { BIT, FIELDS, Match, PartnerIndex, PRIMARY, type WordLookup } from './partner-index.js';
import type { MatchField, PartnerHit, PartnerSearch, SearchOptions } from './types.js';

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
const FUSE_CANDIDATES = 30;

interface Ranked {
  record: number;
  tier: number;
  within: number;
  matchedOn: MatchField;
  /** Set when a word was found only in a focus area or the partner's own text: the hit then says why it matched. */
  bySubject?: { topics: readonly Topic[] };
}

const byRank = (a: Ranked, b: Ranked) => a.tier - b.tier || a.within - b.within || a.record - b.record;

/** Adds a hit to `kept`, the MAX_LIMIT best so far, in order: a common word's thousands of others are dropped. */
function keepBest(kept: Ranked[], hit: Ranked): void {
  let at = kept.length;
  while (at > 0 && byRank(hit, kept[at - 1] as Ranked) < 0) at--;
  kept.splice(at, 0, hit);
  if (kept.length > MAX_LIMIT) kept.pop();
}

/** Builds the partner index once; every call after that is pure, synchronous and never throws on a string. */
export function createPartnerSearch(
  partnerList: readonly Partner[],
  topicList: readonly Topic[],
  options: SearchOptions = {},
): PartnerSearch {
  const index = new PartnerIndex(partnerList, topicList, options.savedIndex);
  const { partners } = index;
  const partnerOf = (hit: Ranked) => partners[hit.record] as Partner;

  const rankOne = (record: number, match: Match): Ranked => {
    const { weakest, fields, score, topics: viaTopics } = match;
    const bySubject = weakest > 4;
    let tier = weakest;
    let within = 1 / (1 + score);
    let matchedOn: MatchField = FIELDS.find((field) => fields & BIT[field]) ?? 'name';
    if (bySubject && viaTopics.length > 0) {
      // Among subject hits, a partner with few focus areas (a specialist) before one that does many things.
      const focusAreas = partners[record]?.focusAreas.length ?? 1;
      const specialism = 1 - Math.min(viaTopics.length, focusAreas) / focusAreas;
      within = weakest === 5 ? specialism : 0.5 * specialism;
      matchedOn = 'topic';
    } else if (bySubject) {
      tier = 6;
      within = 0.5 + 0.49 * within;
      if (!fields) matchedOn = 'summary';
    }
    return { record, tier, within, matchedOn, bySubject: bySubject ? { topics: viaTopics } : undefined };
  };

  const fullSearch = (query: NormalizedQuery): Ranked[] => {
    const { terms } = query;
    if (terms.length === 0) return [];
    const lookups = terms.map((term) => index.lookUp(term, 'search', terms.length));
    // Checked rarest word first: most candidates are ruled out by the first check.
    const checks = [...lookups].sort((a, b) => a.inFields + a.inSubjects - (b.inFields + b.inSubjects));
    const kept: Ranked[] = [];
    let onFields = 0;
    let notTextOnly = 0;
    const considered = new Set<number>();
    const consider = (record: number) => {
      if (considered.has(record)) return;
      considered.add(record);
      const match = new Match();
      for (const lookup of checks) if (!index.matchAt(lookup, record, match)) return;
      const hit = rankOne(record, match);
      if (hit.tier <= 4) onFields++;
      if (hit.tier <= 4 || (hit.bySubject?.topics.length ?? 0) > 0) notTextOnly++;
      keepBest(kept, hit);
    };
    const cheapest = (cost: (lookup: WordLookup) => number) =>
      lookups.reduce((best, lookup) => (cost(lookup) < cost(best) ? lookup : best));
    // Candidates come in rounds, each ranking below the last, so a round runs only if the ones before found too
    // few: (1) fields, by the word fewest have there; (2) focus areas (and fields by the cheapest word overall);
    // (3) own text. MiniSearch scores every partner it lists, so listing by a field costs more than by a subject.
    const byFields = cheapest((lookup) => lookup.inFields);
    index.forEachInFields(byFields, consider);
    const byAll = cheapest((lookup) => 3 * lookup.inFields + lookup.inSubjects);
    if (onFields < MAX_LIMIT) {
      if (byAll !== byFields) index.forEachInFields(byAll, consider);
      for (const lookup of lookups) for (const members of lookup.topics.values()) members.forEach(consider);
      if (notTextOnly < MAX_LIMIT) byAll.text.forEach(consider);
    }
    // Exact names rank first, whatever else the record matched.
    for (const { record, field } of index.exact(query.key)) {
      const tier = PRIMARY & BIT[field] ? 0 : 1;
      const at = kept.findIndex((hit) => hit.record === record);
      if (at >= 0 && (kept[at] as Ranked).tier <= tier) continue;
      if (at >= 0) kept.splice(at, 1);
      keepBest(kept, { record, tier, within: 0, matchedOn: field });
    }
    // fuse.js reorders the best hits on names and other short fields (tiers 2–4) of a multi-word query, within
    // their tiers; hits through subjects keep their order (fuse.js only reads names).
    const onNames = kept.filter((hit) => hit.tier >= 2 && hit.tier <= 4);
    if (terms.length < 2 || onNames.length < 2) return kept;
    const scores = fuseScores(onNames.slice(0, FUSE_CANDIDATES).map(partnerOf), query, true);
    // Hits past the head count as not matched by fuse.js: they stay after the head's, in their order.
    for (const [i, hit] of onNames.entries()) hit.within = 0.98 * (scores[i] ?? 1) + 0.02 * hit.within;
    return kept.sort(byRank);
  };

  /** "Did you mean": any word may match, with more typos; the more words a partner matches, the better. */
  const looseSearch = (query: NormalizedQuery): Ranked[] => {
    const { terms } = query;
    const tally = new Map<number, Match>();
    for (const term of terms) {
      const lookup = index.lookUp(term, 'suggest', terms.length);
      const seen = new Set<number>();
      const add = (record: number) => {
        if (seen.has(record)) return;
        seen.add(record);
        const match = tally.get(record) ?? new Match();
        if (index.matchAt(lookup, record, match)) tally.set(record, match);
      };
      index.forEachInFields(lookup, add);
      for (const members of lookup.topics.values()) members.forEach(add);
      lookup.text.forEach(add);
    }
    const ranked = [...tally].map(([record, match]) => {
      const hit = rankOne(record, match);
      hit.tier = 0;
      hit.within = 0.5 * (1 - match.words / terms.length) + 0.5 * Math.min(hit.within, 0.999);
      return hit;
    });
    const head = ranked.sort(byRank).slice(0, FUSE_CANDIDATES);
    const scores = fuseScores(head.map(partnerOf), query, false);
    for (const [i, hit] of head.entries()) hit.within = 0.5 * hit.within + 0.5 * (scores[i] ?? 1);
    return head.sort(byRank);
  };

  /** One- and two-character queries: acronyms, then the starts of names' words, A–Z; a topic named exactly after. */
  const shortSearch = (query: NormalizedQuery): Ranked[] => {
    const found = index.shortPrefixes.find(query.key);
    const exact = index.exact(query.key).flatMap((hit) => (PRIMARY & BIT[hit.field] ? [hit.record] : []));
    const ranked: Ranked[] = found.map((entry, position) => ({
      record: entry.record,
      tier: exact.includes(entry.record) ? 0 : 2,
      within: position / (found.length + 1),
      matchedOn: entry.rank === 0 ? 'acronym' : 'name',
    }));
    const listed = new Set(found.map((entry) => entry.record));
    for (const topicRecord of index.topics.exactKeys.get(query.key) ?? []) {
      const topic = index.topics.topics[topicRecord] as Topic;
      for (const record of index.topicMembers.get(topic.slug) ?? []) {
        if (listed.has(record)) continue;
        listed.add(record);
        ranked.push({ record, tier: 6, within: 0, matchedOn: 'topic', bySubject: { topics: [topic] } });
      }
    }
    return ranked;
  };

  const answer = (mode: Mode, query: NormalizedQuery): Ranked[] =>
    query.length <= 2 ? shortSearch(query) : mode === 'search' ? fullSearch(query) : looseSearch(query);

  const present = (ranked: readonly Ranked[], mode: Mode, query: NormalizedQuery): PartnerHit[] => {
    let previous = 0;
    return ranked.map((hit) => {
      const partner = partnerOf(hit);
      // Scores never decrease down the list (fuse.js reorders only the head).
      previous = Math.max(previous, (hit.tier + Math.min(Math.max(hit.within, 0), 0.999)) / TIERS);
      const why = hit.bySubject && matchedText(partner, query.terms, hit.bySubject.topics);
      return {
        partner,
        score: previous,
        exact: hit.tier === 0 && mode === 'search',
        matchedOn: hit.matchedOn,
        ...(why ? { matchedText: why } : {}),
      };
    });
  };

  const firstAZ = () =>
    partners
      .slice(0, AUTOCOMPLETE_LIMIT)
      .map((partner): PartnerHit => ({ partner, score: 1, exact: false, matchedOn: 'name' }));
  return { ...searchApi(answer, present, firstAZ, options.caching !== false), save: () => index.save() };
}
