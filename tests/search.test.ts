import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticPartners } from '../bench/synthetic.js';
import { loadDataset } from '../src/data/load.js';
import type { Partner } from '../src/data/schema.js';
import {
  createPartnerSearch,
  createTopicSearch,
  type PartnerHit,
  type PartnerSearch,
  type TopicSearch,
} from '../src/search/index.js';
import { foldText, keyOf, normalizeQuery, STOP_WORDS, wordsOf } from '../src/search/normalize.js';
import { atScaleKinds, relevanceTable } from './helpers/relevance-table.js';

const dataset = loadDataset();
const partners = createPartnerSearch(dataset.partners, dataset.topics);
const topics = createTopicSearch(dataset.topics);
const ids = (hits: readonly PartnerHit[]) => hits.map((hit) => hit.partner.id);
/** A printable, short test title for any query (long, invisible or control characters). */
const label = (query: string) => {
  const shown = JSON.stringify(query.length > 40 ? `${query.slice(0, 20)}… (${query.length} chars)` : query);
  return shown.slice(1, -1);
};

describe('partner search: relevance table (real data)', () => {
  it.each(relevanceTable.map(([query, first, kind]) => ({ query, first, kind, label: label(query) })))(
    '$label → $first ($kind)',
    ({ query, first }) => {
      const hits = partners.search(query);
      if (first === null) expect(hits).toEqual([]);
      else expect(hits[0]?.partner.id).toBe(first);
    },
  );

  it('marks hits on a name, acronym or alias as exact, and only those', () => {
    expect(partners.search('WHO')[0]).toMatchObject({ exact: true, matchedOn: 'acronym' });
    expect(partners.search('world health organization')[0]).toMatchObject({ exact: true, matchedOn: 'name' });
    expect(partners.search('european commission')[0]).toMatchObject({ exact: true, matchedOn: 'alias' });
    expect(partners.search('OLAF')[0]).toMatchObject({ exact: false, matchedOn: 'relatedBody' });
    expect(partners.search('SAFE')[0]).toMatchObject({ exact: false, matchedOn: 'programme' });
    expect(partners.search('interpl')[0]?.exact).toBe(false);
  });

  it('puts an exact name or acronym first even when others match the same word elsewhere', () => {
    // "SAFE" is also a synonym of border and supply chain security, a focus area of UNCTC and UNODC.
    const safe = partners.search('SAFE');
    expect(ids(safe)[0]).toBe('osce');
    expect(ids(safe)).toEqual(expect.arrayContaining(['unctc', 'unodc']));
    // OLAF is named in Europol's summary too; the sub-body of the EU authorities ranks first.
    expect(ids(partners.search('OLAF')).slice(0, 2)).toEqual(['eu-authorities', 'europol']);
  });

  it('finds the three cultural property partners in the top 3', () => {
    expect(ids(partners.search('cultural property')).slice(0, 3).sort()).toEqual([
      'icom',
      'interpol',
      'unesco',
    ]);
  });

  it('matches a topic synonym, a place and the summary (the summary last)', () => {
    expect(partners.search('cigarettes')[0]?.matchedOn).toBe('topic');
    expect(partners.search('vienna')[0]).toMatchObject({ matchedOn: 'location' });
    expect(partners.search('vienna')[0]?.partner.id).toBe('incb');
    const secretariat = partners.search('secretariat');
    expect(secretariat.length).toBeGreaterThan(0);
    expect(secretariat.every((hit) => hit.matchedOn === 'summary')).toBe(true);
    // A word that is both in fields and in summaries: the field matches come first.
    const customs = partners.search('customs');
    const firstSummary = customs.findIndex((hit) => hit.matchedOn === 'summary');
    expect(firstSummary).toBeGreaterThan(0);
    expect(customs.slice(firstSummary).every((hit) => hit.matchedOn === 'summary')).toBe(true);
  });

  it('says why a hit through a subject matched, in the partner’s own words, and never for a hit on a name', () => {
    for (const query of ['ozone', 'ODS', 'heritage', 'passenger data', 'counterfeit medicines']) {
      const [first] = partners.search(query);
      expect(first?.matchedOn === 'topic' || first?.matchedOn === 'summary').toBe(true);
      expect(first?.matchedText).toBeTruthy();
    }
    // Never what the card already says: its description (the summary) or only a focus area's name.
    for (const query of ['sniffer dogs', 'detector dogs', 'terrorist financing', 'piracy']) {
      const [first] = partners.search(query);
      expect(first?.matchedOn === 'topic' || first?.matchedOn === 'summary').toBe(true);
      expect(first?.matchedText).toBeUndefined();
    }
    // The words shown are the partner's own and state the query word.
    const ozone = partners.search('ozone');
    expect(ids(ozone)).toEqual(['unep']);
    expect(ozone[0]?.matchedText).toMatch(/Ozone Depleting Substances.* — /);
    expect(partners.search('heritage')[0]?.matchedText).toContain('cultural heritage');
    for (const query of ['interpol', 'WHO', 'OLAF', 'inter']) {
      expect(partners.search(query)[0]?.matchedText).toBeUndefined();
    }
  });

  it('matches focus areas by their words, typos included, below names', () => {
    expect(ids(partners.search('nucleer'))).toEqual(['iaea']);
    expect(ids(partners.search('cigarets')).sort()).toEqual(['eu-authorities', 'europol', 'interpol', 'who']);
    expect(partners.search('cigarets')[0]?.matchedOn).toBe('topic');
    // WHO's programme names tobacco: a name-like field ranks before the focus areas that share the word.
    expect(ids(partners.search('tobacco'))[0]).toBe('who');
  });

  it('narrows as words are added (every word must match)', () => {
    expect(ids(partners.search('interpol drugs'))).toEqual(['interpol']);
    expect(partners.search('interpol qzxv')).toEqual([]);
    // OLAF (European Anti-Fraud Office) is a related body of the EU authorities and of Europol: those two only.
    expect(ids(partners.search('fraud office europe')).sort()).toEqual(['eu-authorities', 'europol']);
  });

  it('returns hits sorted by score, scores in [0, 1], at most `limit`', () => {
    for (const query of ['customs', 'in', 'tobacco', 'europ', 'wrld helth', 'e']) {
      const hits = partners.search(query, 4);
      expect(hits.length).toBeLessThanOrEqual(4);
      const scores = hits.map((hit) => hit.score);
      expect(scores).toEqual([...scores].sort((a, b) => a - b));
      for (const score of scores) expect(score >= 0 && score <= 1).toBe(true);
    }
    expect(partners.search('customs', 0)).toEqual([]);
    expect(partners.search('customs', -3)).toEqual([]);
    expect(partners.search('customs', Number.NaN).length).toBeGreaterThan(0);
    expect(partners.search('customs', 2.9)).toHaveLength(2);
  });

  it('returns fresh hit objects: changing one does not change later answers', () => {
    const first = partners.search('unesco');
    const hit = first[0];
    if (hit) hit.score = 42;
    expect(partners.search('unesco')[0]?.score).not.toBe(42);
  });
});

describe('a multi-word query with small words', () => {
  // The last four words of synthetic names that have a small word among them ("border management in africa"): the
  // first hit holds them as typed, in its name or an alias (spellings unified, as the search compares them).
  const all = [...dataset.partners, ...syntheticPartners(1_000, 5)];
  const search = createPartnerSearch(all, dataset.topics);
  const fragments = [
    ...new Set(
      all.flatMap(({ name }) => {
        const lastFour = name.split(' ').slice(-4);
        return lastFour.length === 4 &&
          lastFour.slice(1, 3).some((word) => STOP_WORDS.has(word.toLowerCase()))
          ? [lastFour.join(' ')]
          : [];
      }),
    ),
  ].slice(0, 60);

  it('has fragments to ask', () => expect(fragments.length).toBe(60));

  it.each(fragments)('puts a partner whose name holds "%s" first', (fragment) => {
    const first = search.search(fragment)[0]?.partner;
    const names = first ? [first.name, ...first.aliases].map((name) => ` ${keyOf(name)}`) : [];
    expect(names.some((name) => name.includes(` ${keyOf(fragment)}`))).toBe(true);
  });
});

describe('what counts as a match', () => {
  it('needs every query word to match a word of the record (fuse.js alone would match fragments)', () => {
    // fuse's Bitap finds "qzx"-like fragments nowhere, but "asda" is one letter from "asia" (in a sub-body name);
    // that weak typo in a long minor field is above the score cut-off: no hit, yet a "did you mean".
    expect(partners.search('asda')).toEqual([]);
    expect(ids(partners.suggest('asda'))).toContain('fatf');
  });

  it('keeps a typo in a name, drops a word that matches nothing', () => {
    expect(ids(partners.search('interpl'))).toEqual(['interpol']);
    expect(partners.search('interpl zzqx')).toEqual([]);
  });

  it('allows a lone word no typo under five letters, one at five, two beyond; "did you mean" is looser', () => {
    // A four-letter word one letter from another ("bold", "body") is more often another word than a misspelling.
    for (const weak of ['wpo', 'wipp', 'nato', 'bold']) expect(partners.search(weak)).toEqual([]);
    expect(ids(partners.suggest('wipp'))[0]).toBe('wipo');
    expect(ids(partners.search('emcda'))).toEqual(['emcdda']);
    expect(ids(partners.search('unscoo'))[0]).toBe('unesco');
  });
});

describe('one- and two-character queries', () => {
  const letters = 'abcdefghijklmnopqrstuvwxyz0123456789'.split('');
  const shortQueries = [...letters, ...letters.flatMap((a) => letters.map((b) => a + b))];

  /** Acronyms and word starts of names, aliases and sub-body/programme acronyms: all the short route may match. */
  const shortKeys = (partner: Partner): string[] => {
    const words = [partner.name, ...partner.aliases].flatMap((text) => wordsOf(foldText(text)));
    const acronyms = [
      partner.acronym,
      ...partner.relatedBodies.map((body) => body.acronym),
      ...partner.programmes.map((programme) => programme.acronym),
    ].flatMap((acronym) => (acronym ? [wordsOf(foldText(acronym)).join(' ')] : []));
    return [...words, ...acronyms];
  };

  it('match only acronyms, names and aliases by their start, or a focus area named exactly so', () => {
    const topicKeys = new Set(
      dataset.topics.flatMap((topic) =>
        [topic.label, topic.slug, ...topic.synonyms].map((text) => wordsOf(foldText(text)).join(' ')),
      ),
    );
    for (const query of shortQueries) {
      for (const hit of partners.search(query, 25)) {
        if (hit.matchedOn === 'topic') {
          expect(topicKeys.has(query)).toBe(true);
          continue;
        }
        expect(['acronym', 'name', 'alias', 'relatedBody', 'programme']).toContain(hit.matchedOn);
        expect(shortKeys(hit.partner).some((key) => key.startsWith(query))).toBe(true);
      }
    }
    // "k9" is a synonym of a focus area: the dog training centres come up.
    expect(ids(partners.search('k9'))).toContain('wco-regional-dog-training-centres');
  });

  it('put acronyms first: "in" → INTERPOL, INCB, then International … names', () => {
    expect(ids(partners.search('in', 5))).toEqual(['interpol', 'incb', 'iaea', 'icao', 'icom']);
    expect(ids(partners.search('un', 4)).sort()).toEqual(['unctc', 'unep', 'unesco', 'unodc']);
    expect(ids(partners.search('ol'))[0]).toBe('eu-authorities'); // OLAF (also named by Europol)
    expect(partners.search('zz')).toEqual([]);
    expect(partners.search('q')).toEqual([]);
  });

  it('do not match stop words inside names ("of", "in")', () => {
    // "Organization for Security and Co-operation in Europe": "in" is no word start to match.
    const of = partners.search('of', 25);
    expect(ids(of)).not.toContain('osce');
  });
});

describe('autocomplete', () => {
  it('lists partners A-Z by name for an empty query', () => {
    const names = dataset.partners.map((partner) => foldText(partner.name)).sort();
    for (const empty of ['', '   ']) {
      const listed = partners.autocomplete(empty);
      expect(listed.map((hit) => foldText(hit.partner.name))).toEqual(names.slice(0, 25));
    }
  });

  it('follows the query key by key', () => {
    const typed = 'interpol';
    for (let length = 3; length <= typed.length; length++) {
      expect(partners.autocomplete(typed.slice(0, length))[0]?.partner.id).toBe('interpol');
    }
    expect(partners.autocomplete('unes')[0]?.partner.id).toBe('unesco');
    expect(partners.autocomplete('wrld h')[0]?.partner.id).toBe('who');
  });

  it('never returns more than 25, even with thousands of partners', () => {
    const many = createPartnerSearch([...dataset.partners, ...syntheticPartners(300, 7)], dataset.topics);
    expect(many.autocomplete('')).toHaveLength(25);
    for (const query of ['a', 'in', 'inter', 'international', 'regional council', 'customs', 'e']) {
      const hits = many.autocomplete(query);
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.length).toBeLessThanOrEqual(25);
    }
    expect(many.search('international', 1000).length).toBeLessThanOrEqual(100);
  });
});

describe('suggest ("did you mean")', () => {
  it.each([
    ['interpl', 'interpol'],
    ['unesko', 'unesco'],
    ['wrld helth', 'who'],
    ['interpol qzxv', 'interpol'],
    ['helth organisatoin', 'who'],
  ])('%s → %s first', (query, first) => {
    expect(partners.suggest(query)[0]?.partner.id).toBe(first);
  });

  it('is looser than search: finds something where search finds nothing', () => {
    for (const query of ['asda', 'interpol qzxv', 'unesco asdfgh']) {
      expect(partners.search(query)).toEqual([]);
      expect(partners.suggest(query).length).toBeGreaterThan(0);
    }
  });

  it('may be empty for pure nonsense, and respects its limit', () => {
    for (const query of ['qzxv', 'zzzz', '!!!', '', 'xkcdqw']) expect(partners.suggest(query)).toEqual([]);
    expect(partners.suggest('customs', 2)).toHaveLength(2);
  });
});

describe('never throws, on any string', () => {
  const check = (search: PartnerSearch | TopicSearch, query: string) => {
    const hits = search.search(query);
    expect(hits.length).toBeLessThanOrEqual(10);
    expect(search.suggest(query).length).toBeLessThanOrEqual(5);
    expect(search.autocomplete(query).length).toBeLessThanOrEqual(25);
    const scores = hits.map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
  };

  it('handles arbitrary unicode, lone surrogates, control characters and very long input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (query) => {
        check(partners, query);
        check(topics, query);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', minLength: 100, maxLength: 8000 }), (query) => {
        check(partners, query);
      }),
      { numRuns: 50 },
    );
  });

  it('ignores invisible characters and cuts the query to 100 characters', () => {
    expect(ids(partners.search('inter\u0000pol'))).toEqual(['interpol']);
    expect(ids(partners.search('\u200binterpol\u00ad'))).toEqual(['interpol']);
    expect(ids(partners.search('who\tinterpol')).length).toBe(0);
    expect(normalizeQuery(`interpol ${'x'.repeat(500)}`).key).toBe(`interpol ${'x'.repeat(91)}`);
    // Non-strings (from untyped callers) count as empty.
    expect(partners.search(undefined as unknown as string)).toEqual([]);
    expect(partners.autocomplete(null as unknown as string)).toHaveLength(dataset.partners.length);
  });
});

describe('topic search', () => {
  it.each([
    ['cultural', 'cultural-property'],
    ['cultural property', 'cultural-property'],
    ['cultural-property', 'cultural-property'],
    ['narcotics', 'drugs'],
    ['nuclear', 'nuclear-and-radioactive-material'],
    ['aml', 'money-laundering'],
    ['AML', 'money-laundering'],
    ['cigarettes', 'tobacco'],
    ['wildlife', 'wildlife'],
    ['ivory', 'wildlife'],
    ['k9', 'detector-dogs'],
    ['ip', 'intellectual-property'],
    ['guns', 'small-arms'],
    ['counter terrorism', 'terrorism'],
    ['enviroment', 'environment'],
    ['cultrual', 'cultural-property'],
    ['narcotix', 'drugs'],
    ['helth', 'public-health'],
    ['organized crime', 'organized-crime'],
    ['Organised crime', 'organized-crime'],
  ])('%s → %s', (query, slug) => {
    expect(topics.search(query)[0]?.topic.slug).toBe(slug);
  });

  it('marks a label, slug or synonym typed in full as exact', () => {
    expect(topics.search('Drugs')[0]).toMatchObject({ exact: true });
    expect(topics.search('money-laundering')[0]).toMatchObject({ exact: true });
    expect(topics.search('narcotics')[0]).toMatchObject({ exact: true });
    expect(topics.search('narcotix')[0]).toMatchObject({ exact: false });
    // A synonym of two topics is exact in both, and in no other.
    const synthetic = topics.search('synthetic drugs');
    expect(synthetic.filter((hit) => hit.exact).map((hit) => hit.topic.slug)).toEqual([
      'drugs',
      'precursor-chemicals',
    ]);
  });

  it.each([
    ['smuggling', ['drugs', 'nuclear-and-radioactive-material', 'organized-crime', 'small-arms', 'tobacco']],
    ['SMUGGLING!', ['drugs', 'nuclear-and-radioactive-material', 'organized-crime', 'small-arms', 'tobacco']],
    ['chemical', ['chemical-weapons', 'precursor-chemicals']],
    ['security', ['supply-chain-security']],
    ['border', ['organized-crime', 'supply-chain-security']],
    ['drug smuggling', ['drugs']],
    // Whole words only, and in the order the names have them.
    ['smuggl', []],
    ['smuggling drug', []],
    ['security council', []],
    ['', []],
  ])('covering(%j): the areas whose label or synonyms hold the words', (query, slugs) => {
    expect(
      topics
        .covering(query)
        .map((topic) => topic.slug)
        .sort(),
    ).toEqual(slugs);
  });

  it('returns nothing for nonsense; suggest offers the closest topics when search finds none', () => {
    for (const query of ['qzxv', 'asdfgh', '!!!', 'x'.repeat(6000)]) expect(topics.search(query)).toEqual([]);
    expect(topics.search('smoking guns')).toEqual([]);
    expect(
      topics
        .suggest('smoking guns')
        .map((hit) => hit.topic.slug)
        .sort(),
    ).toEqual(['small-arms', 'tobacco']);
  });

  it('autocompletes: every topic by label for an empty query, at most 25', () => {
    const labels = dataset.topics.map((topic) => foldText(topic.label)).sort();
    expect(topics.autocomplete('').map((hit) => foldText(hit.topic.label))).toEqual(labels);
    expect(topics.autocomplete('cul')[0]?.topic.slug).toBe('cultural-property');
    expect(topics.autocomplete('m').length).toBeLessThanOrEqual(25);
  });
});

describe('at 10,000 synthetic partners plus the real ones', () => {
  const exactAndTypos = relevanceTable.filter(
    ([, first, kind]) => first !== null && atScaleKinds.includes(kind),
  );
  let large: PartnerSearch;
  let synthetic: Partner[];

  beforeAll(() => {
    synthetic = syntheticPartners(10_000, 1);
    // The real partners in the middle, so that no tie is won by coming first.
    const all = [...synthetic.slice(0, 5_000), ...dataset.partners, ...synthetic.slice(5_000)];
    large = createPartnerSearch(all, dataset.topics);
  }, 300_000);

  it.each(exactAndTypos.map(([query, first]) => ({ query, first, label: label(query) })))(
    '$label → $first still first',
    ({ query, first }) => {
      expect(large.search(query)[0]?.partner.id).toBe(first);
    },
  );

  it('finds synthetic partners too, by acronym and by name', () => {
    const sample = synthetic.filter((partner) => partner.acronym).slice(0, 5);
    for (const partner of sample) {
      expect(large.search(partner.acronym ?? '')[0]?.partner.id).toBe(partner.id);
    }
    const named = synthetic[123];
    expect(ids(large.search(named?.name ?? '', 25))).toContain(named?.id);
  });

  it('keeps autocomplete at 25 and nonsense empty', () => {
    expect(large.autocomplete('')).toHaveLength(25);
    expect(large.autocomplete('in')).toHaveLength(25);
    expect(large.search('qzxvqzxv')).toEqual([]);
  });
});

describe('syntheticPartners', () => {
  const real = new Set(dataset.partners.flatMap((partner) => [partner.id, partner.acronym?.toLowerCase()]));
  const slugs = new Set(dataset.topics.map((topic) => topic.slug));

  it('is deterministic and shaped like the real partners', () => {
    const first = syntheticPartners(300, 3);
    expect(syntheticPartners(300, 3)).toEqual(first);
    expect(syntheticPartners(300, 4)).not.toEqual(first);
    expect(new Set(first.map((partner) => partner.id)).size).toBe(300);
    const acronyms = first.flatMap((partner) => (partner.acronym ? [partner.acronym] : []));
    expect(new Set(acronyms).size).toBe(acronyms.length);
    for (const partner of first) {
      expect(real.has(partner.id)).toBe(false);
      expect(partner.acronym === undefined || !real.has(partner.acronym.toLowerCase())).toBe(true);
      expect(partner.acronym === undefined || /^[A-Z]{2,6}$/.test(partner.acronym)).toBe(true);
      expect(partner.name.split(' ').length).toBeGreaterThanOrEqual(4);
      expect(partner.aliases.length).toBeLessThanOrEqual(3);
      const words = partner.summary.split(/\s+/).length;
      expect(words >= 100 && words <= 300).toBe(true);
      expect(partner.focusAreas.length >= 3 && partner.focusAreas.length <= 8).toBe(true);
      for (const focus of partner.focusAreas) expect(slugs.has(focus.topic)).toBe(true);
    }
  });
});
