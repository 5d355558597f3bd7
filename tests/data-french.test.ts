/**
 * data/fr.json (issue 24): complete against the English data, its ids real, and what the French view of the
 * dataset changes (the bot's own words) and keeps (quotes, dates, ids, slugs).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrenchFile } from '../src/data/french.js';
import { DataValidationError, loadDataset } from '../src/data/load.js';
import { frenchDataset } from '../src/data/localized.js';
import { defaultDataDir } from '../src/data/paths.js';
import { formatProblem } from '../src/data/validate.js';
import { fr } from '../src/i18n/index.js';
import { createBotContext } from '../src/interactions/create-context.js';
import { contextFor } from '../src/interactions/locale-context.js';
import { context } from './helpers/bot.js';
import { validateData } from './helpers/data.js';

const english = context.dataset;
const frenchFile = () => JSON.parse(readFileSync(join(defaultDataDir, 'fr.json'), 'utf8'));

function complaintsAfter(breakIt: (file: any) => void): string[] {
  const raw = frenchFile();
  breakIt(raw);
  const result = parseFrenchFile('data/fr.json', raw, english);
  return result.ok ? [] : result.problems.map(formatProblem);
}

const at = (raw: any, id: string) => raw.partners.find((p: any) => p.id === id);

describe('data/fr.json validation', () => {
  it('accepts the real file, and the loader attached it to the dataset', () => {
    expect(complaintsAfter(() => {})).toEqual([]);
    expect(english.french?.partners).toHaveLength(english.partners.length);
  });

  it.each([
    {
      broken: 'a partner left out',
      breakIt: (raw: any) => raw.partners.splice(raw.partners.indexOf(at(raw, 'who')), 1),
      complaint: 'data/fr.json: record "who" at partners: partner has no French texts',
    },
    {
      broken: 'an id that is not a partner',
      breakIt: (raw: any) => (at(raw, 'wipo').id = 'wipoo'),
      complaint:
        'data/fr.json: record "wipoo" at partners[19].id: no partner has id "wipoo" in partners.json',
    },
    {
      broken: 'a partner translated twice',
      breakIt: (raw: any) => raw.partners.push(structuredClone(at(raw, 'cites'))),
      complaint: 'data/fr.json: record "cites" at partners[20].id: translated twice',
    },
    {
      broken: 'a missing summary',
      breakIt: (raw: any) => delete at(raw, 'who').summary,
      complaint:
        'data/fr.json: record "who" at partners[18].summary: Invalid input: expected string, received undefined',
    },
    {
      broken: 'a focus area without its note',
      breakIt: (raw: any) => delete at(raw, 'who').focusAreas.tobacco,
      complaint: 'data/fr.json: record "who" at partners[18].focusAreas: no note for "tobacco"',
    },
    {
      broken: 'a note for an area the partner does not have',
      breakIt: (raw: any) => (at(raw, 'who').focusAreas.drugs = 'Travaille avec l’OMD contre la drogue.'),
      complaint: `data/fr.json: record "who" at partners[18].focusAreas.drugs: "drugs" is not one of this partner's focus areas`,
    },
    {
      broken: 'a milestone left out',
      breakIt: (raw: any) => at(raw, 'osce').milestones.pop(),
      complaint:
        'data/fr.json: record "osce" at partners[11].milestones: 0 translated, the English record has 1',
    },
    {
      broken: 'a related body left out',
      breakIt: (raw: any) => at(raw, 'fatf').relatedBodies.pop(),
      complaint:
        'data/fr.json: record "fatf" at partners[4].relatedBodies: 2 translated, the English record has 3',
    },
    {
      broken: 'an acronym left out',
      breakIt: (raw: any) => delete at(raw, 'who').acronym,
      complaint: 'data/fr.json: record "who" at partners[18].acronym: missing: the English record has one',
    },
    {
      broken: 'an external fact about a name the record does not have',
      breakIt: (raw: any) => (at(raw, 'who').external[0].value = 'Organisation mondiale du commerce'),
      complaint:
        'data/fr.json: record "who" at partners[18].external[0].value: "Organisation mondiale du commerce" is not one of this record\'s French name',
    },
    {
      broken: 'a partner without its form in a sentence',
      breakIt: (raw: any) => delete at(raw, 'wipo').inSentence,
      complaint:
        'data/fr.json: record "wipo" at partners[19].inSentence: Invalid input: expected string, received undefined',
    },
    {
      broken: 'a form in a sentence that is not the partner’s name',
      breakIt: (raw: any) => (at(raw, 'wipo').inSentence = 'l’Organisation'),
      complaint:
        'data/fr.json: record "wipo" at partners[19].inSentence: "l’Organisation" is not the French acronym or name, alone or after l’ (before a vowel), le, la or les',
    },
    {
      broken: 'an article not elided before a vowel',
      breakIt: (raw: any) => (at(raw, 'wipo').inSentence = 'la OMPI'),
      complaint:
        'data/fr.json: record "wipo" at partners[19].inSentence: "la OMPI" is not the French acronym or name, alone or after l’ (before a vowel), le, la or les',
    },
    {
      broken: 'an article elided before a consonant',
      breakIt: (raw: any) => (at(raw, 'fatf').inSentence = 'l’GAFI'),
      complaint:
        'data/fr.json: record "fatf" at partners[4].inSentence: "l’GAFI" is not the French acronym or name, alone or after l’ (before a vowel), le, la or les',
    },
    {
      broken: 'a signing body named in a sentence with the wrong article',
      breakIt: (raw: any) =>
        (at(raw, 'wco-regional-dog-training-centres').relatedBodies[1].inSentence =
          'la Administration des douanes de la République tchèque'),
      complaint:
        'data/fr.json: record "wco-regional-dog-training-centres" at partners[17].relatedBodies[1].inSentence: "la Administration des douanes de la République tchèque" is not the body\'s French acronym or name, alone or after l’ (before a vowel), le, la or les',
    },
    {
      broken: 'a focus area left out',
      breakIt: (raw: any) => raw.topics.pop(),
      complaint: 'data/fr.json: record "detector-dogs" at topics: focus area has no French texts',
    },
    {
      broken: 'a slug that is not a focus area',
      breakIt: (raw: any) => (raw.topics[0].slug = 'drogues'),
      complaint:
        'data/fr.json: record "drogues" at topics[0].slug: no topic has slug "drogues" in topics.json',
    },
  ])('rejects $broken', ({ breakIt, complaint }) => {
    expect(complaintsAfter(breakIt)).toContain(complaint);
  });
});

it('asks for a French name of every party that is neither the WCO nor the partner itself', () => {
  const partners = english.partners.map((p) =>
    p.id === 'icom'
      ? { ...p, agreements: [{ ...p.agreements[0]!, parties: ['WCO', 'ICOM', 'Customs of Ruritania'] }] }
      : p,
  );
  const result = parseFrenchFile('data/fr.json', frenchFile(), { partners, topics: english.topics });
  expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
    'data/fr.json: record "icom" at partners[8].agreements[0]: the party "Customs of Ruritania" has no French name: record it as a related body',
  ]);
});

describe('the French view of the dataset', () => {
  const french = frenchDataset(english);

  it('remembers the English it was made from, and is the dataset itself when there is no French file', () => {
    expect(french.english).toBe(english);
    const { french: _none, ...withoutFrench } = english;
    expect(frenchDataset(withoutFrench)).toBe(withoutFrench);
  });

  it('keeps every quote, date, id and slug as the English has them', () => {
    const keep = (dataset: typeof english) =>
      dataset.partners.map((p) => ({
        id: p.id,
        provenance: p.provenance,
        agreements: p.agreements.map((a) => [a.type, a.date, a.source, a.topics]),
        milestones: p.milestones.map((m) => [m.date, m.source]),
        focusAreas: p.focusAreas.map((f) => [f.topic, f.source]),
        programmes: p.programmes.map((x) => x.source),
        relatedBodies: p.relatedBodies.map((x) => x.source),
        locations: p.locations.map((x) => x.source),
      }));
    expect(keep(french)).toEqual(keep(english));
    expect(french.topics.map((t) => t.slug)).toEqual(english.topics.map((t) => t.slug));
  });

  it('replaces every text in the bot’s own words (none is left as the English wrote it)', () => {
    const texts = (dataset: typeof english) => [
      ...dataset.partners.flatMap((p) => [
        p.summary,
        ...p.focusAreas.map((f) => f.note),
        ...p.milestones.map((m) => m.label),
        ...p.relatedBodies.map((b) => b.relation),
      ]),
      ...dataset.topics.flatMap((t) => [t.label, t.description]),
    ];
    const left = new Set(texts(english));
    expect(texts(french).filter((text) => left.has(text))).toEqual([]);
  });

  it('keeps the English names and acronyms as other names, so they are still found', () => {
    for (const partner of english.partners) {
      const view = french.partnerById.get(partner.id);
      const names = [view?.name, view?.acronym, ...(view?.aliases ?? [])];
      expect(names).toContain(partner.name);
      if (partner.acronym) expect(names).toContain(partner.acronym);
    }
  });

  it('names each partner by names no other partner has', () => {
    const owner = new Map<string, string>();
    for (const partner of french.partners) {
      for (const name of [partner.name, partner.acronym, ...partner.aliases]) {
        if (!name) continue;
        const key = name.toLowerCase();
        expect(owner.get(key) ?? partner.id, name).toBe(partner.id);
        owner.set(key, partner.id);
      }
    }
  });

  it('marks every French name that is not a translation of the source’s as external, with a French note', () => {
    const who = french.partnerById.get('who');
    expect(who?.name).toBe('Organisation mondiale de la Santé');
    expect(who?.acronym).toBe('OMS');
    expect(who?.external.map((fact) => fact.field)).toEqual(['name']);
    // INTERPOL's English full name is not in the source either: still marked, now as another name.
    const interpol = french.partnerById.get('interpol');
    expect(interpol?.external.filter((fact) => fact.field === 'aliases').map((fact) => fact.value)).toContain(
      'International Criminal Police Organization',
    );
    for (const partner of french.partners) {
      for (const fact of partner.external) expect(fact.note).toMatch(/ ; | la source/);
    }
  });

  it('names the parties of the dog centres’ MOUs in French, and the WCO as the data does', () => {
    const dogs = french.partnerById.get('wco-regional-dog-training-centres');
    expect(dogs?.agreements.map((a) => a.parties)).toEqual([
      ['WCO', 'Comité de contrôle douanier du ministère des Finances de la République du Kazakhstan'],
      ['WCO', 'Administration des douanes de la République tchèque'],
    ]);
    expect(french.partnerById.get('emcdda')?.agreements[0]?.parties).toEqual(['WCO', 'OEDT']);
  });
});

describe('loading', () => {
  /** A copy of data/ with fr.json changed by `edit` (deleted when it returns undefined). */
  function copyWith(edit: (raw: any) => unknown): string {
    const dir = mkdtempSync(join(tmpdir(), 'wco-fr-'));
    cpSync(defaultDataDir, dir, { recursive: true });
    const changed = edit(frenchFile());
    if (changed === undefined) rmSync(join(dir, 'fr.json'));
    else writeFileSync(join(dir, 'fr.json'), JSON.stringify(changed));
    return dir;
  }

  it('refuses a copy whose fr.json is incomplete: the loader and npm run validate-data name the problem', () => {
    const dir = copyWith((raw) => {
      delete at(raw, 'who').focusAreas.tobacco;
      return raw;
    });
    try {
      const load = () => loadDataset({ partnersPath: join(dir, 'partners.json') });
      expect(load).toThrow(DataValidationError);
      expect(load).toThrow(/fr\.json: record "who" at partners\[18\]\.focusAreas: no note for "tobacco"/);
      const check = validateData(join(dir, 'partners.json'));
      expect(check.status).toBe(1);
      expect(check.stderr).toContain('no note for "tobacco"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('serves a copy without fr.json in English to French readers, with the French interface', () => {
    const dir = copyWith(() => undefined);
    try {
      const dataset = loadDataset({ partnersPath: join(dir, 'partners.json') });
      expect(dataset.french).toBeUndefined();
      const local = contextFor(createBotContext(dataset), fr);
      expect(local.dataset).toBe(dataset);
      expect(local.t).toBe(fr);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers a French reader from the French view, built with the context', () => {
    const local = contextFor(context, fr);
    expect(local.dataset.english).toBe(context.dataset);
    expect(local.dataset.partnerById.get('who')?.name).toBe(
      frenchDataset(english).partnerById.get('who')?.name,
    );
    expect(contextFor(context, fr)).toBe(local);
    expect(local.topicSearch.search('drogues')[0]?.topic.slug).toBe('drugs');
    expect(local.partnerSearch.search('oms')[0]?.partner.id).toBe('who');
    expect(contextFor(context, context.t)).toBe(context);
  });
});
