/**
 * The relevance table of the partner search, checked by tests/search.test.ts and measured by the search
 * benchmark. It lives here rather than in the test file because a test file cannot be imported (it registers
 * tests); bench/tsconfig.json compiles this module with the benchmarks, which reach it through
 * bench/queries.ts.
 */

const DOG_CENTRES = 'wco-regional-dog-training-centres';

export type RelevanceKind =
  | 'exact'
  | 'sub-body'
  | 'programme'
  | 'typo'
  | 'spelling'
  | 'multi-word'
  | 'diacritics'
  | 'prefix'
  | 'synonym'
  | 'own-text'
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
  ['interpl', 'interpol', 'typo'],
  ['unesko', 'unesco', 'typo'],
  ['europool', 'europol', 'typo'],
  ['wrld helth', 'who', 'typo'],
  ['unodoc', 'unodc', 'typo'],
  ['emcda', 'emcdda', 'typo'],
  ['Internatonal Atomic Energy', 'iaea', 'typo'],
  ['endangerd species', 'cites', 'typo'],
  ['World Health Organisation', 'who', 'spelling'],
  ['SECI Centre', 'seci-center', 'spelling'],
  ['United Nations Environment Program', 'unep', 'spelling'],
  ['money laundering', 'fatf', 'multi-word'],
  ['precursor chemicals', 'incb', 'multi-word'],
  ['counterfeit medicines', 'who', 'multi-word'],
  ['container control', 'unodc', 'multi-word'],
  ['green customs', 'unep', 'multi-word'],
  ['nuclear', 'iaea', 'multi-word'],
  ['chemical weapons', 'opcw', 'multi-word'],
  ['dog training', DOG_CENTRES, 'multi-word'],
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
  // A word people type for a subject, matched through a focus area's synonyms.
  ['k9', DOG_CENTRES, 'synonym'],
  ['sniffer dogs', DOG_CENTRES, 'synonym'],
  ['drug dogs', DOG_CENTRES, 'synonym'],
  ['fake medicines', 'who', 'synonym'],
  ['radiation', 'iaea', 'synonym'],
  ['UN drugs office', 'unodc', 'synonym'],
  ['aviation', 'icao', 'synonym'],
  // API is named in ICAO's programme, and is a synonym of its focus area (the programme lists no acronym).
  ['API', 'icao', 'synonym'],
  ['airport', 'icao', 'synonym'],
  ['passenger data', 'icao', 'synonym'],
  ['copyright', 'wipo', 'synonym'],
  ['terrorist financing', 'fatf', 'synonym'],
  // The partner whose own text states the term before partners that only share a focus area with it.
  ['ozone', 'unep', 'own-text'],
  ['ODS', 'unep', 'own-text'],
  ['ozone depleting substances', 'unep', 'own-text'],
  ['heritage', 'unesco', 'own-text'],
  ['qzxv', null, 'nonsense'],
  // Four letters one typo from a word of a name or a place: no card on such a weak guess ("did you mean" instead).
  ['nato', null, 'nonsense'],
  ['bold', null, 'nonsense'],
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

/** The kinds also checked among 10,000 synthetic partners: the real partner must stay first. */
export const atScaleKinds: readonly RelevanceKind[] = ['exact', 'sub-body', 'programme', 'typo', 'spelling'];
