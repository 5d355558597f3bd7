import type { Partner, Topic } from '../data/schema.js';
import { type AddValue, type FieldSpec, fieldIndexes } from './field-spec.js';
import { createRankedSearch } from './ranked-search.js';
import type { MatchField, PartnerHit, PartnerSearch, SearchOptions } from './types.js';

/**
 * What is searchable in a partner, and how much it counts. Names, acronyms and aliases dominate; sub-bodies and
 * programmes come next; places and focus areas (their topic's label and synonyms) after. Focus areas are matched by
 * the word index only (typos allowed), not by fuse.js; the summary only feeds the word index, by whole words, with
 * a low weight.
 */
export const PARTNER_FIELDS: readonly FieldSpec<MatchField>[] = [
  {
    key: 'name',
    matchedOn: 'name',
    weight: 3,
    tokenWeight: 1,
    keyTier: 'primary',
    match: 'fuse',
    shortPrefix: 'words',
  },
  {
    key: 'acronym',
    matchedOn: 'acronym',
    weight: 3,
    tokenWeight: 1,
    keyTier: 'primary',
    match: 'fuse',
    shortPrefix: 'acronym',
  },
  {
    key: 'alias',
    matchedOn: 'alias',
    weight: 2.5,
    tokenWeight: 0.9,
    keyTier: 'primary',
    match: 'fuse',
    shortPrefix: 'words',
  },
  {
    key: 'relatedBodyName',
    matchedOn: 'relatedBody',
    weight: 1.5,
    tokenWeight: 0.7,
    keyTier: 'secondary',
    match: 'fuse',
  },
  {
    key: 'relatedBodyAcronym',
    matchedOn: 'relatedBody',
    weight: 1.5,
    tokenWeight: 0.7,
    keyTier: 'secondary',
    match: 'fuse',
    shortPrefix: 'acronym',
  },
  {
    key: 'programmeName',
    matchedOn: 'programme',
    weight: 1.5,
    tokenWeight: 0.7,
    keyTier: 'secondary',
    match: 'fuse',
  },
  {
    key: 'programmeAcronym',
    matchedOn: 'programme',
    weight: 1.5,
    tokenWeight: 0.7,
    keyTier: 'secondary',
    match: 'fuse',
    shortPrefix: 'acronym',
  },
  { key: 'location', matchedOn: 'location', weight: 1, tokenWeight: 0.5, match: 'fuse' },
  { key: 'topic', matchedOn: 'topic', weight: 1, tokenWeight: 0.5, match: 'words' },
  { key: 'summary', matchedOn: 'summary', weight: 0, tokenWeight: 0.15, match: 'text' },
];

const FIELD = fieldIndexes(PARTNER_FIELDS, [
  'name',
  'acronym',
  'alias',
  'relatedBodyName',
  'relatedBodyAcronym',
  'programmeName',
  'programmeAcronym',
  'location',
  'topic',
  'summary',
] as const);

/** Hands a partner's searchable values to the index, in a fixed order; sorted by name. */
function describePartner(
  partner: Partner,
  add: AddValue,
  topicTexts: ReadonlyMap<string, readonly string[]>,
): string {
  add(FIELD.name, partner.name);
  if (partner.acronym) add(FIELD.acronym, partner.acronym);
  for (const alias of partner.aliases) add(FIELD.alias, alias);
  for (const body of partner.relatedBodies) {
    add(FIELD.relatedBodyName, body.name);
    if (body.acronym) add(FIELD.relatedBodyAcronym, body.acronym);
  }
  for (const programme of partner.programmes) {
    add(FIELD.programmeName, programme.name);
    if (programme.acronym) add(FIELD.programmeAcronym, programme.acronym);
  }
  for (const location of partner.locations) add(FIELD.location, location.place);
  for (const focus of partner.focusAreas) {
    const texts = topicTexts.get(focus.topic);
    if (texts) add(FIELD.topic, texts);
  }
  add(FIELD.summary, partner.summary);
  return partner.name;
}

/** Builds the partner index once; every call after that is pure, synchronous and never throws on a string. */
export function createPartnerSearch(
  partners: readonly Partner[],
  topics: readonly Topic[],
  options?: SearchOptions,
): PartnerSearch {
  // One shared array per topic: the index parses a topic's label and synonyms once, not once per partner.
  const topicTexts = new Map(
    topics.map((topic) => [topic.slug, [...new Set([topic.label, ...topic.synonyms])]]),
  );
  const ranked = createRankedSearch(
    partners,
    (partner, add) => describePartner(partner, add, topicTexts),
    PARTNER_FIELDS,
    'name',
    options,
  );
  const toHit = ({
    item,
    score,
    exact,
    matchedOn,
  }: ReturnType<typeof ranked.search>[number]): PartnerHit => ({
    partner: item,
    score,
    exact,
    matchedOn,
  });
  return {
    search: (query, limit) => ranked.search(query, limit).map(toHit),
    suggest: (query, limit) => ranked.suggest(query, limit).map(toHit),
    autocomplete: (query) => ranked.autocomplete(query).map(toHit),
  };
}
