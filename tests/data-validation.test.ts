import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataJsonSchemas } from '../src/data/json-schema.js';
import { DataValidationError, loadDataset } from '../src/data/load.js';
import { defaultDataDir } from '../src/data/paths.js';
import { entryKey, sha256, writeEntry } from '../src/data/prepared-cache.js';
import { formatProblem, parsePartnersFile, parseTopicsFile, wordsNotIn } from '../src/data/validate.js';
import { loadBotContext } from '../src/interactions/create-context.js';
import { rawDataFile, sourceText, validateData } from './helpers/data.js';

const topics = rawDataFile('topics.json').topics;

/** Validates partners.json after `breakIt` has changed a fresh copy; returns the formatted complaints. */
function complaintsAfter(breakIt: (file: any) => void): string[] {
  const raw = rawDataFile('partners.json');
  breakIt(raw);
  const result = parsePartnersFile({ file: 'data/partners.json', raw, topics, sourceText });
  return result.ok ? [] : result.problems.map(formatProblem);
}

const indexOf = (raw: any, id: string) => raw.partners.findIndex((p: any) => p.id === id);

describe('data/partners.json validation', () => {
  it('accepts the real dataset', () => {
    expect(complaintsAfter(() => {})).toEqual([]);
  });

  it.each([
    {
      broken: 'a missing field',
      breakIt: (raw: any) => delete raw.partners[indexOf(raw, 'who')].summary,
      complaint:
        'data/partners.json: record "who" at partners[18].summary: Invalid input: expected string, received undefined',
    },
    {
      broken: 'an impossible date',
      breakIt: (raw: any) => (raw.partners[indexOf(raw, 'who')].agreements[0].date = '2003-02-30'),
      complaint:
        'data/partners.json: record "who" at partners[18].agreements[0].date: 2003-02-30 is not a real date',
    },
    {
      broken: 'a malformed date',
      breakIt: (raw: any) => (raw.partners[indexOf(raw, 'iaea')].agreements[0].date = '13 May 1998'),
      complaint:
        'data/partners.json: record "iaea" at partners[6].agreements[0].date: must be YYYY, YYYY-MM or YYYY-MM-DD',
    },
    {
      broken: 'an unknown topic',
      breakIt: (raw: any) => (raw.partners[indexOf(raw, 'cites')].focusAreas[0].topic = 'space-travel'),
      complaint:
        'data/partners.json: record "cites" at partners[0].focusAreas[0].topic: unknown topic "space-travel" (not in data/topics.json)',
    },
    {
      broken: 'a duplicate id',
      breakIt: (raw: any) => (raw.partners[indexOf(raw, 'wipo')].id = 'who'),
      complaint: 'data/partners.json: record "who" at partners[19].id: duplicate id (also partners[18])',
    },
    {
      broken: 'a quote that is not in the source',
      breakIt: (raw: any) =>
        (raw.partners[indexOf(raw, 'interpol')].agreements[0].source =
          'The two Secretariats signed an MOU in 2004.'),
      complaint:
        'data/partners.json: record "interpol" at partners[5].agreements[0].source: quote does not occur verbatim in the source: "The two Secretariats signed an MOU in 2004."',
    },
    {
      broken: 'an acronym already used by another partner',
      breakIt: (raw: any) => (raw.partners[indexOf(raw, 'wipo')].acronym = 'WHO'),
      complaint:
        'data/partners.json: record "wipo" at partners[19].acronym: "WHO" already names partner "who"',
    },
    {
      broken: 'a name that is neither in the source nor recorded as external',
      breakIt: (raw: any) => raw.partners[indexOf(raw, 'who')].aliases.push('World Wellness Office'),
      complaint:
        'data/partners.json: record "who" at partners[18].aliases[0]: "World Wellness Office" is not in the source; quote it as written there or record it in "external"',
    },
    {
      broken: 'a note its quote does not state',
      breakIt: (raw: any) =>
        (raw.partners[indexOf(raw, 'unodc')].focusAreas[0].note =
          'Works with the WCO on a number of international activities.'),
      complaint:
        'data/partners.json: record "unodc" at partners[16].focusAreas[0].note: states "number", "international", "activities", which its quote does not say',
    },
    {
      broken: 'a milestone label its quote does not state',
      breakIt: (raw: any) =>
        (raw.partners[indexOf(raw, 'osce')].milestones[0].label = 'OSCE Council adopts a Decision on SAFE'),
      complaint:
        'data/partners.json: record "osce" at partners[11].milestones[0].label: states "adopts", which its quote does not say',
    },
    {
      broken: 'a related body whose relation quotes another sentence',
      breakIt: (raw: any) => {
        const olaf = raw.partners[indexOf(raw, 'eu-authorities')].relatedBodies[2];
        olaf.source = raw.partners[indexOf(raw, 'eu-authorities')].provenance[0];
      },
      complaint:
        'data/partners.json: record "eu-authorities" at partners[1].relatedBodies[2].relation: states "counteracting", "illicit", "manufacture", "cigarettes", which its quote does not say',
    },
    {
      broken: "another partner's related body as an alias",
      breakIt: (raw: any) => raw.partners[indexOf(raw, 'who')].aliases.push('OLAF'),
      complaint:
        'data/partners.json: record "who" at partners[18].aliases[0]: "OLAF" already names partner "eu-authorities"',
    },
    {
      broken: 'an agreement tagged with a focus area the partner does not have',
      breakIt: (raw: any) => raw.partners[indexOf(raw, 'unodc')].agreements[0].topics.push('wildlife'),
      complaint:
        'data/partners.json: record "unodc" at partners[16].agreements[0].topics[0]: "wildlife" is not one of this partner\'s focus areas',
    },
    {
      broken: 'an unknown field',
      breakIt: (raw: any) => (raw.partners[indexOf(raw, 'who')].founded = 1948),
      complaint: 'data/partners.json: record "who" at partners[18]: Unrecognized key: "founded"',
    },
  ])('rejects $broken with a message naming file, record and path', ({ breakIt, complaint }) => {
    expect(complaintsAfter(breakIt)).toContain(complaint);
  });

  it('lets two partners name the same related body (OLAF: EU Authorities and Europol)', () => {
    const named = (id: string) =>
      rawDataFile('partners.json').partners[indexOf(rawDataFile('partners.json'), id)];
    expect(named('europol').relatedBodies.map((b: any) => b.acronym)).toContain('OLAF');
    expect(named('eu-authorities').relatedBodies.map((b: any) => b.acronym)).toContain('OLAF');
    expect(complaintsAfter(() => {})).toEqual([]);
  });

  it.each([
    ['Coordinates the initiative.', 'an initiative coordinated by the UNEP', []],
    ['Works with the WCO against drugs.', 'combating drug trafficking', []],
    ['Organised crime.', 'organized crime', []],
    ['The Council adopted a Decision.', 'the Council has drawn up a Decision', ['adopted']],
    ['Runs Project PRISM.', 'They are aimed at assisting governments', ['runs', 'project', 'prism']],
    ['Stolen artefacts.', 'stolen cultural artifacts', ['artefacts']],
  ])('wordsNotIn(%j, %j) is %j', (text, quote, missing) => {
    expect(wordsNotIn(text, quote)).toEqual(missing);
  });

  it('rejects a topic that no partner uses', () => {
    const result = parsePartnersFile({
      file: 'data/partners.json',
      raw: rawDataFile('partners.json'),
      topics: [
        ...topics,
        { slug: 'piracy-at-sea', label: 'Piracy', description: 'Piracy at sea.', synonyms: [] },
      ],
      sourceText,
    });
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      'data/partners.json: record "piracy-at-sea" at topics: topic "piracy-at-sea" is used by no partner',
    ]);
  });

  it('rejects duplicate topic slugs', () => {
    const raw = rawDataFile('topics.json');
    const at = raw.topics.length;
    raw.topics.push({ ...raw.topics[0] });
    const result = parseTopicsFile('data/topics.json', raw);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      `data/topics.json: record "drugs" at topics[${at}].slug: duplicate topic slug`,
    ]);
  });

  it('matches quotes only after the recorded encoding fix', () => {
    const complaints = complaintsAfter((raw) => {
      raw.corrections = raw.corrections.filter((c: any) => !c.replace);
    });
    expect(complaints).toContain(
      'data/partners.json: record "wco-regional-dog-training-centres" at partners[17].locations[1].place: "Heřmanice, Czech Republic" is not in the source; quote it as written there or record it in "external"',
    );
  });

  it('loadDataset throws every problem at once and serves nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wco-data-'));
    cpSync(defaultDataDir, dir, { recursive: true });
    const raw = rawDataFile('partners.json');
    raw.partners[indexOf(raw, 'who')].agreements[0].date = '2002-13';
    raw.partners[indexOf(raw, 'cites')].focusAreas[0].topic = 'nope';
    writeFileSync(join(dir, 'partners.json'), JSON.stringify(raw));
    const load = () => loadDataset({ partnersPath: join(dir, 'partners.json') });
    expect(load).toThrow(DataValidationError);
    expect(load).toThrow(/record "who" at partners\[18\]\.agreements\[0\]\.date: 2002-13 is not a real date/);
    expect(load).toThrow(/record "cites" at partners\[0\]\.focusAreas\[0\]\.topic: unknown topic "nope"/);
  });

  describe('remembering a dataset that passed every check, with its index (prepared-cache)', () => {
    function copyOfData(): { dir: string; partnersPath: string; preparedDir: string } {
      const dir = mkdtempSync(join(tmpdir(), 'wco-data-'));
      cpSync(defaultDataDir, dir, { recursive: true });
      return { dir, partnersPath: join(dir, 'partners.json'), preparedDir: join(dir, 'prepared') };
    }
    const options = ({ partnersPath, preparedDir }: ReturnType<typeof copyOfData>) => ({
      partnersPath,
      preparedDir,
    });
    const breakWhoQuote = (partnersPath: string) => {
      const raw = JSON.parse(readFileSync(partnersPath, 'utf8'));
      raw.partners[indexOf(raw, 'who')].provenance[0] = 'A sentence the source never says.';
      writeFileSync(partnersPath, JSON.stringify(raw));
      return raw;
    };

    it('a valid copy is checked once, remembered, read back, and checked again once a file changes', () => {
      const copy = copyOfData();
      const built = loadBotContext(options(copy));
      expect(readdirSync(copy.preparedDir)).toHaveLength(1);
      // Read back: the same data (the files as parsed, since zod gives back what it was given), and an index that
      // answers alike.
      const again = loadBotContext(options(copy));
      expect(again.dataset.partners).toEqual(built.dataset.partners);
      expect(again.partnerSearch.search('ozone')).toEqual(built.partnerSearch.search('ozone'));
      breakWhoQuote(copy.partnersPath);
      expect(() => loadBotContext(options(copy))).toThrow(
        /record "who" at partners\[\d+\]\.provenance\[0\]: quote does not/,
      );
      expect(readdirSync(copy.preparedDir)).toHaveLength(1);
    });

    it('trusts only the exact bytes remembered, source included, and never for validate-data', () => {
      const copy = copyOfData();
      const raw = breakWhoQuote(copy.partnersPath);
      expect(() => loadBotContext(options(copy))).toThrow(/quote does not occur verbatim/);
      // Pretend these bytes passed before: the start-up path trusts them, the full check does not.
      const bytes = (name: string) => readFileSync(join(copy.dir, name));
      writeEntry(copy.preparedDir, entryKey(bytes('partners.json'), bytes('topics.json')), {
        sourceSha256: sha256(readFileSync(join(copy.dir, raw.source.file))),
        searchIndex: undefined,
      });
      expect(loadBotContext(options(copy)).dataset.partners.length).toBe(raw.partners.length);
      expect(() => loadBotContext({ ...options(copy), fullCheck: true })).toThrow(
        /quote does not occur verbatim/,
      );
      // One more byte in the source: the entry does not match it, so every check runs again.
      writeFileSync(join(copy.dir, raw.source.file), `${bytes(raw.source.file)}\n`);
      expect(() => loadBotContext(options(copy))).toThrow(/quote does not occur verbatim/);
    });

    it('an entry that cannot be read, or an index that cannot be read back, means a full start', () => {
      const copy = copyOfData();
      const built = loadBotContext(options(copy));
      const [entry = ''] = readdirSync(copy.preparedDir);
      const path = join(copy.preparedDir, entry);
      const saved = JSON.parse(readFileSync(path, 'utf8'));
      writeFileSync(path, JSON.stringify({ ...saved, searchIndex: { fields: 'not an index' } }));
      expect(loadBotContext(options(copy)).partnerSearch.search('ozone')).toEqual(
        built.partnerSearch.search('ozone'),
      );
      writeFileSync(path, '{ "cut off');
      expect(loadBotContext(options(copy)).dataset.partners).toEqual(built.dataset.partners);
      // Checked in full and remembered again.
      expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(saved);
    });
  });

  it('reports a file that is not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wco-data-'));
    cpSync(defaultDataDir, dir, { recursive: true });
    writeFileSync(join(dir, 'partners.json'), '{ "partners": [');
    expect(() => loadDataset({ partnersPath: join(dir, 'partners.json') })).toThrow(
      /partners\.json: \(file\): not valid JSON/,
    );
  });

  it('npm run validate-data exits non-zero on a broken copy and points at the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wco-data-'));
    cpSync(defaultDataDir, dir, { recursive: true });
    const raw = rawDataFile('partners.json');
    raw.partners[indexOf(raw, 'unep')].agreements[0].date = '2003-02-30';
    writeFileSync(join(dir, 'partners.json'), JSON.stringify(raw));
    const run = validateData(join(dir, 'partners.json'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'record "unep" at partners[15].agreements[0].date: 2003-02-30 is not a real date',
    );
  });
});

describe('published JSON Schemas', () => {
  it.each(Object.entries(dataJsonSchemas()))(
    '%s is in sync with the zod schema (run npm run gen-schema)',
    (name, text) => {
      expect(readFileSync(join(defaultDataDir, name), 'utf8')).toBe(text);
    },
  );

  it('the data files reference their schemas', () => {
    expect(rawDataFile('partners.json').$schema).toBe('./partners.schema.json');
    expect(rawDataFile('topics.json').$schema).toBe('./topics.schema.json');
  });
});
