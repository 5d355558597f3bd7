/**
 * The fixed query mix of the search benchmark and the relevance table checked at scale. Everything here is
 * constant or derived deterministically, so every run asks the same questions.
 */
import type { Partner } from '../src/data/schema.js';

/** Whole acronyms and names, in the cases people type them. */
export const exactQueries = [
  'WHO',
  'who',
  'interpol',
  'INTERPOL',
  'OLAF',
  'UNODC',
  'cites',
  'FATF',
  'icao',
  'wipo',
  'europol',
  'unesco',
  'OPCW',
  'European Commission',
];

/** Typing mistakes: dropped, doubled, swapped letters. */
export const typoQueries = [
  'interpl',
  'unesko',
  'europool',
  'wrld helth',
  'unodoc',
  'intelectual property',
  'internatonal criminal police',
  'civil aviaton',
  'chemcal weapons',
  'narcotcs',
  'enviroment programme',
  'atomik energy',
];

/** Typed key by key in autocomplete: every prefix of these is a query (i, in, int, ...). */
export const typedQueries = [
  'interpol',
  'world health',
  'money laundering',
  'dog training',
  'cultural property',
  'unesco',
  'customs brokers',
];

export const multiWordQueries = [
  'fraud office europe',
  'world health organization',
  'money laundering',
  'counter terrorism committee',
  'drugs and crime',
  'atomic energy agency',
  'endangered species',
  'intellectual property',
  'maritime safety',
  'regional council',
  'global forum for',
  'border management in africa',
];

export const nonsenseQueries = [
  'qzxv',
  'asdfgh',
  'xxyyzz',
  'zzzz qqqq',
  'lorem ipsum dolor',
  '12345',
  '!!!',
  'ñóçü',
  'aaaaaaaaaaaaaaaaaaaaaaaa',
  'kjhg fdsa lkjh',
];

export function prefixesOf(text: string): string[] {
  return Array.from({ length: text.length }, (_, i) => text.slice(0, i + 1));
}

/**
 * The mix for a dataset: the fixed queries plus, when synthetic partners are present, a few of their acronyms
 * and typed name prefixes (partners at fixed positions, so the mix is deterministic). Queries that differ
 * only in case or spacing are asked once: the search caches by the folded query, so a repeat would be a warm
 * hit.
 */
export function queryMix(synthetic: readonly Partner[] = []): string[] {
  const raw = [
    ...exactQueries,
    ...typoQueries,
    ...typedQueries.flatMap(prefixesOf),
    ...multiWordQueries,
    ...nonsenseQueries,
  ];
  if (synthetic.length > 0) {
    for (let k = 0; k < 8; k++) {
      const partner = synthetic[Math.floor((k * synthetic.length) / 8)];
      if (!partner) continue;
      if (partner.acronym) raw.push(partner.acronym);
      raw.push(partner.name.split(' ').slice(0, 3).join(' ').toLowerCase());
    }
  }
  const seen = new Set<string>();
  return raw.filter((query) => {
    const key = query.toLowerCase().trim().replace(/\s+/g, ' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The relevance table of tests/search.test.ts (`RELEVANCE`), copied as is: the query, the real partner
 * expected first (null: no result at all) and the kind of query. Keep the two in step — better, move the
 * table to a module both import (a test file cannot be imported: it registers tests).
 */
const DOG_CENTRES = 'wco-regional-dog-training-centres';

export type RelevanceKind =
  | 'exact'
  | 'sub-body'
  | 'programme'
  | 'typo'
  | 'multi-word'
  | 'diacritics'
  | 'prefix'
  | 'nonsense';

/** Query, the id expected first (null: no result at all), and what kind of query it is. */
export const relevanceTable: readonly [query: string, first: string | null, kind: RelevanceKind][] = [
  ['WHO', 'who', 'exact'],
  ['World Health Organization', 'who', 'exact'],
  ['interpol', 'interpol', 'exact'],
  ['International Criminal Police Organization', 'interpol', 'exact'],
  ['UNESCO', 'unesco', 'exact'],
  ['Europol', 'europol', 'exact'],
  ['CITES', 'cites', 'exact'],
  ['European Commission', 'eu-authorities', 'exact'],
  ['Organisation for the Prohibition of Chemical Weapons', 'opcw', 'exact'],
  ['FATF-Style Regional Bodies', 'fatf', 'exact'],
  ['Regional Dog Training Centres', DOG_CENTRES, 'exact'],
  ['Counter-Terrorism Committee of the United Nations Security Council', 'unctc', 'exact'],
  ['OLAF', 'eu-authorities', 'sub-body'],
  ['European Anti-Fraud Office', 'eu-authorities', 'sub-body'],
  ['DG TAXUD', 'eu-authorities', 'sub-body'],
  ['APG', 'fatf', 'sub-body'],
  ['GIABA', 'fatf', 'sub-body'],
  ['IATA', 'icao', 'sub-body'],
  ['RILO', 'unep', 'sub-body'],
  ['SAFE', 'osce', 'programme'],
  ['Green Customs Initiative', 'unep', 'programme'],
  ['Project PRISM', 'incb', 'programme'],
  ['WHO Framework Convention on Tobacco Control', 'who', 'programme'],
  ['API', 'icao', 'programme'],
  ['interpl', 'interpol', 'typo'],
  ['unesko', 'unesco', 'typo'],
  ['europool', 'europol', 'typo'],
  ['wrld helth', 'who', 'typo'],
  ['World Health Organisation', 'who', 'typo'],
  ['unodoc', 'unodc', 'typo'],
  ['emcda', 'emcdda', 'typo'],
  ['Internatonal Atomic Energy', 'iaea', 'typo'],
  ['endangerd species', 'cites', 'typo'],
  ['money laundering', 'fatf', 'multi-word'],
  ['precursor chemicals', 'incb', 'multi-word'],
  ['counterfeit medicines', 'who', 'multi-word'],
  ['container control', 'unodc', 'multi-word'],
  ['green customs', 'unep', 'multi-word'],
  ['nuclear', 'iaea', 'multi-word'],
  ['chemical weapons', 'opcw', 'multi-word'],
  ['dog training', DOG_CENTRES, 'multi-word'],
  ['fraud office europe', 'eu-authorities', 'multi-word'],
  ['anti-fraud', 'eu-authorities', 'multi-word'],
  ['drug addiction', 'emcdda', 'multi-word'],
  ['civil aviation', 'icao', 'multi-word'],
  ['intellectual property', 'wipo', 'multi-word'],
  ['Hermanice', DOG_CENTRES, 'diacritics'],
  ['HEŘMANICE', DOG_CENTRES, 'diacritics'],
  ['Heřmanice, Czech Republic', DOG_CENTRES, 'diacritics'],
  ['Ünesco', 'unesco', 'diacritics'],
  ['almaty', DOG_CENTRES, 'diacritics'],
  ['the hague', 'opcw', 'diacritics'],
  ['in', 'interpol', 'prefix'],
  ['inter', 'interpol', 'prefix'],
  ['interp', 'interpol', 'prefix'],
  ['unes', 'unesco', 'prefix'],
  ['europ', 'europol', 'prefix'],
  ['world he', 'who', 'prefix'],
  ['chem', 'opcw', 'prefix'],
  ['dog t', DOG_CENTRES, 'prefix'],
  ['ic', 'icao', 'prefix'],
  ['qzxv', null, 'nonsense'],
  ['asdfgh', null, 'nonsense'],
  ['zzzz', null, 'nonsense'],
  ['!!!', null, 'nonsense'],
  ['😀🎉', null, 'nonsense'],
  ['x'.repeat(6000), null, 'nonsense'],
  ['\u0000\u0007\u001b[31m', null, 'nonsense'],
  ['\uD800\uDFFF\uDC00', null, 'nonsense'],
  ['lorem ipsum', null, 'nonsense'],
  ['the', null, 'nonsense'],
];

/**
 * The kinds tests/search.test.ts also checks among 10,000 synthetic partners: the real partner must stay
 * first.
 */
export const atScaleKinds: readonly RelevanceKind[] = ['exact', 'sub-body', 'programme', 'typo'];
