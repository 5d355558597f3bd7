import { describe, expect, it } from 'vitest';
import { agreementsByYear } from '../src/data/agreements.js';
import { loadDataset } from '../src/data/load.js';
import { correctedSourceText, sentenceCount } from '../src/data/source-text.js';
import { sourceText } from './helpers/data.js';

const dataset = loadDataset();
const partner = (id: string) => {
  const found = dataset.partnerById.get(id);
  if (!found) throw new Error(`no partner ${id}`);
  return found;
};

describe('the dataset is faithful to data/source/wco-partnerships.txt', () => {
  it('has one record for every organisation the source names, headed or not', () => {
    expect(dataset.partners.map((p) => p.acronym ?? p.name).sort()).toEqual(
      [
        'CITES',
        'EU Authorities',
        'EMCDDA',
        'Europol',
        'FATF',
        'INTERPOL',
        'IAEA',
        'ICAO',
        'ICOM',
        'INCB',
        'OPCW',
        'OSCE',
        'SECI',
        'UNCTC',
        'UNESCO',
        'UNEP',
        'UNODC',
        'WCO Regional Dog Training Centres',
        'WHO',
        'WIPO',
      ].sort(),
    );
  });

  it('files the sub-bodies under the partner they belong to', () => {
    const bodies = (id: string) => partner(id).relatedBodies.map((body) => body.acronym ?? body.name);
    expect(bodies('eu-authorities')).toEqual(['DG TAXUD', 'DG Justice', 'OLAF']);
    expect(bodies('fatf')).toEqual(['FATF-Style Regional Bodies', 'APG', 'GIABA']);
    expect(bodies('icao')).toEqual(['IATA']);
    expect(bodies('europol')).toEqual(['OLAF']);
  });

  // Each row: what a careful reading found wrong, and the words the data must now (not) use.
  it.each([
    [
      'FATF-Style Regional Bodies are a related body, not another name of the FATF',
      () => partner('fatf').aliases,
      [],
    ],
    [
      'RILO: what the source says of them',
      () => partner('unep').relatedBodies.map((b) => b.relation),
      ['Support initiatives of UNEP’s regional offices'],
    ],
    [
      'ICAO: API labels Advance Passenger Information, not the guidelines',
      () => partner('icao').programmes.map((p) => p.acronym ?? null),
      [null, null],
    ],
  ])('%s', (_what, actual, expected) => {
    expect(actual()).toEqual(expected);
  });

  it.each([
    ['osce', 'agreed to encourage', 'adopted'],
    ['unep', 'ozone depleting substances', 'support UNEP’s regional offices'],
    ['icao', 'simpler Customs procedures', 'programme'],
  ])('%s summary says %j, never %j', (id, says, never) => {
    expect(partner(id).summary).toContain(says);
    expect(partner(id).summary).not.toContain(never);
  });

  it('explains the encoding damage with the code pages it shows, and no guess', () => {
    const issue = dataset.corrections.find((c) => c.replace?.find === 'HeĊ™manice')?.issue ?? '';
    expect(issue).toMatch(/C5 99/);
    expect(issue).toMatch(/Ċ is byte C5 in ISO 8859-3 \(Latin-3\)/);
    expect(issue).toMatch(/™ is byte 99 in Windows-1252/);
    expect(issue).toContain('not known');
    // Check the claim itself: ř is C5 99 in UTF-8.
    expect([...Buffer.from('ř', 'utf8')]).toEqual([0xc5, 0x99]);
  });

  it('records the one /mou line for Europol’s two 2002 agreements', () => {
    const europol = dataset.corrections.find((c) => c.partner === 'europol')?.issue ?? '';
    expect(europol).toContain('one line under 2002, "Co-operation Agreement and MOU"');
  });

  // Every date the source gives an agreement, written as the source writes it.
  const sourceAgreementDates: [id: string, type: string, date: string | null, sourceSays: string][] = [
    ['cites', 'MOU', '1996', 'in 1996'],
    ['emcdda', 'MOU', '2007-01-12', 'on 12 January 2007'],
    ['europol', 'Co-operation Agreement', '2002', 'Co-operation Agreement in 2002'],
    ['europol', 'MOU', '2002', 'Europol was signed in 2002'],
    ['interpol', 'MOU', '2003', 'Memorandum of Understanding in 2003'],
    ['iaea', 'MOU', '1998-05-13', 'on 13 May 1998'],
    ['icao', 'MOU', '2011-06-24', 'on 24 June 2011'],
    ['icom', 'MOU', '2000-01-01', 'on 1 January 2000'],
    ['incb', 'MOU', '2012-04-12', 'on 12 April 2012'],
    ['seci-center', 'MOU', '2005-03-25', 'on 25 March 2005'],
    ['unesco', 'MOU', '2000-10-26', 'on 26 October 2000'],
    ['unep', 'MOU', '2003', 'signed a MOU in 2003'],
    ['unodc', 'MOU', '1996-11', 'signed in November 1996'],
    ['unodc', 'MOU', '2010-03-18', 'on 18 March 2010'],
    ['who', 'MOU', '2002-07', 'in July 2002'],
    [
      'wco-regional-dog-training-centres',
      'MOU',
      null,
      'signed a Memorandum of Understanding with the WCO each',
    ],
    [
      'wco-regional-dog-training-centres',
      'MOU',
      null,
      'signed a Memorandum of Understanding with the WCO each',
    ],
  ];

  it.each(sourceAgreementDates)('%s: %s dated %s (“%s”)', (id, type, date, sourceSays) => {
    const match = partner(id).agreements.find(
      (agreement) =>
        agreement.type === type && agreement.date === date && agreement.source.includes(sourceSays),
    );
    expect(match).toBeDefined();
  });

  it('states no agreement the source does not state', () => {
    const all = dataset.partners
      .flatMap((p) => p.agreements.map((a) => `${p.id} ${a.type} ${a.date}`))
      .sort();
    const expected = sourceAgreementDates.map(([id, type, date]) => `${id} ${type} ${date}`).sort();
    expect(all).toEqual(expected);
    for (const id of ['opcw', 'fatf', 'wipo', 'osce', 'unctc', 'eu-authorities']) {
      expect(partner(id).agreements).toEqual([]);
    }
  });

  it.each([
    [1996, ['CITES', 'UNODC']],
    [2003, ['INTERPOL', 'UNEP']],
    [2000, ['ICOM', 'UNESCO']],
    [2002, ['Europol', 'Europol', 'WHO']],
  ])('%i has exactly the agreements of %j', (year, partners) => {
    const entries = agreementsByYear(dataset).get(year) ?? [];
    expect(entries.map((entry) => entry.partner.acronym).sort()).toEqual(partners);
  });

  // An agreement's focus areas: only what a sentence naming that agreement says it is about, or none.
  it.each([
    ['cites', '1996', ['wildlife'], 'based on the MOU', 'implementation of CITES'],
    ['emcdda', '2007-01-12', ['drugs'], 'An MOU between the WCO and EMCDDA', 'drug control'],
    ['europol', '2002', ['organized-crime', 'tobacco'], 'Co-operation Agreement in 2002', 'cigarettes'],
    [
      'iaea',
      '1998-05-13',
      ['nuclear-and-radioactive-material'],
      'Memorandum of understanding in May 1998',
      'nuclear',
    ],
    [
      'icom',
      '2000-01-01',
      ['cultural-property'],
      'signed a Memorandum of Understanding',
      'cultural property',
    ],
    ['unesco', '2000-10-26', ['cultural-property'], 'The MoU foresees', 'cultural heritage'],
    [
      'wco-regional-dog-training-centres',
      null,
      ['detector-dogs'],
      'Memorandum of Understanding with the WCO',
      'Dog Training',
    ],
  ])('%s %s is about %j: “%s … %s”', (id, date, topics, namesIt, saysWhat) => {
    const agreement = partner(id).agreements.find((a) => a.date === date && a.topics.length);
    expect(agreement?.topics).toEqual(topics);
    const sentence = partner(id).provenance.find((q) => q.includes(namesIt));
    expect(sentence).toContain(saysWhat);
  });

  it('gives every other agreement no focus area (its sentence names none)', () => {
    const tagged = dataset.partners.flatMap((p) =>
      p.agreements.filter((a) => a.topics.length).map((a) => `${p.id} ${a.type} ${a.date}`),
    );
    expect(tagged.sort()).toEqual(
      [
        'cites MOU 1996',
        'emcdda MOU 2007-01-12',
        'europol Co-operation Agreement 2002',
        'iaea MOU 1998-05-13',
        'icom MOU 2000-01-01',
        'unesco MOU 2000-10-26',
        'wco-regional-dog-training-centres MOU null',
        'wco-regional-dog-training-centres MOU null',
      ].sort(),
    );
  });

  it('records each agreement once even where the source repeats the sentence (INTERPOL)', () => {
    expect(
      correctedSourceText(sourceText, dataset.corrections).match(
        /The two Secretariats signed (a Memorandum of Understanding|an MOU) in 2003\./g,
      ),
    ).toHaveLength(2);
    expect(partner('interpol').agreements).toHaveLength(1);
  });

  it('fixes the mis-encoded Czech place name and records the fix', () => {
    expect(sourceText).toContain('HeĊ™manice');
    expect(partner('wco-regional-dog-training-centres').locations.map((l) => l.place)).toContain(
      'Heřmanice, Czech Republic',
    );
    const fix = dataset.corrections.find((c) => c.replace?.find === 'HeĊ™manice');
    expect(fix?.replace?.with).toBe('Heřmanice');
    expect(correctedSourceText(sourceText, dataset.corrections)).toContain('Heřmanice, Czech Republic');
  });

  it('marks every fact not in the source as external', () => {
    const folded = correctedSourceText(sourceText, dataset.corrections).toLowerCase();
    for (const p of dataset.partners) {
      for (const fact of p.external) expect(folded).not.toContain(fact.value.toLowerCase());
    }
    expect(partner('interpol').external.map((f) => f.value)).toEqual([
      'International Criminal Police Organization',
    ]);
  });

  // A word that fits several areas leads to all of them (issue 24); any other word names one area only.
  it('puts a synonym on several focus areas only where it fits each of them', () => {
    const owners = new Map<string, string[]>();
    for (const topic of dataset.topics) {
      for (const word of [topic.label, topic.slug, ...topic.synonyms]) {
        const key = word.toLowerCase();
        owners.set(key, [...new Set([...(owners.get(key) ?? []), topic.slug])]);
      }
    }
    expect(Object.fromEntries([...owners].filter(([, slugs]) => slugs.length > 1))).toEqual({
      weapons: ['chemical-weapons', 'small-arms'],
      training: ['capacity-building', 'detector-dogs'],
      'synthetic drugs': ['drugs', 'precursor-chemicals'],
    });
    for (const topic of dataset.topics) expect(owners.get(topic.label.toLowerCase())).toEqual([topic.slug]);
  });

  // A synonym for one partner's own work sits on a focus area only that partner has (the source says so of it
  // alone), so a query for it never opens another partner's card.
  it.each([
    ['ozone', 'unep'],
    ['ODS', 'unep'],
    ['MEA', 'unep'],
    ['green customs', 'unep'],
    ['detector dogs', 'wco-regional-dog-training-centres'],
    ['sniffer dogs', 'wco-regional-dog-training-centres'],
    ['advance passenger information', 'icao'],
    ['airport', 'icao'],
  ])('the synonym %j belongs to a focus area of %s alone', (synonym, id) => {
    const topic = dataset.topics.find((t) => t.synonyms.includes(synonym));
    const members = dataset.partners.filter((p) => p.focusAreas.some((f) => f.topic === topic?.slug));
    expect(members.map((p) => p.id)).toEqual([id]);
  });

  it('no synonym sends a typed subject to an unrelated area', () => {
    const synonymsOf = (slug: string) => dataset.topicBySlug.get(slug)?.synonyms ?? [];
    expect(synonymsOf('fraud')).not.toContain('smuggling');
    expect(synonymsOf('environment')).not.toEqual(expect.arrayContaining(['ozone']));
    expect(synonymsOf('capacity-building').filter((s) => /dog|canine|k9/i.test(s))).toEqual([]);
    expect(synonymsOf('trade-facilitation').filter((s) => /passenger|api/i.test(s))).toEqual([]);
  });

  it.each([
    [['This Resolution requires all U.N. Members to take steps to enhance border security.'], 1],
    [
      [
        'The OSCE Council agreed. The OSCE have also offered to assist.',
        'The OSCE have also offered to assist.',
      ],
      2,
    ],
    [
      [
        '(SAFE Program). The OSCE',
        'An MOU was signed on 18 March 2010.',
        'An MOU was  signed on 18 March 2010.',
      ],
      3,
    ],
  ])('sentenceCount(%j) is %i', (quotes, count) => {
    expect(sentenceCount(quotes)).toBe(count);
  });

  it('uses every topic and only known topics', () => {
    const used = new Set(dataset.partners.flatMap((p) => p.focusAreas.map((f) => f.topic)));
    expect([...used].sort()).toEqual(dataset.topics.map((t) => t.slug).sort());
  });
});
