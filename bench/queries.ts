/**
 * The fixed query mix of the search benchmark and the relevance table checked at scale. Everything here is
 * constant or derived deterministically, so every run asks the same questions.
 */
import type { Partner } from '../src/data/schema.js';

/** The relevance table is the one tests/search.test.ts checks. */
export { atScaleKinds, type RelevanceKind, relevanceTable } from '../tests/helpers/relevance-table.js';

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
 * only in case or spacing are asked once.
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
