/**
 * The French texts of the dataset (data/fr.json, see french-schema.ts): read and checked beside the English
 * files, and looked up by partner id or topic slug.
 */
import type { Dataset } from './dataset.js';
import { type FrenchFile, type FrenchPartner, frenchFileSchema } from './french-schema.js';
import type { Partner, Topic } from './schema.js';
import { type DataProblem, schemaProblems, type Validation } from './validate.js';

export type { FrenchFile, FrenchPartner };

/** The French file's name, beside partners.json. */
export const frenchFileName = 'fr.json';

/** The French texts of one partner, when the dataset has them. */
export function frenchPartner(dataset: Dataset, id: string): FrenchPartner | undefined {
  return dataset.french?.partners.find((partner) => partner.id === id);
}

/** The French label, description and synonyms of one focus area, when the dataset has them. */
export function frenchTopic(dataset: Dataset, slug: string): Topic | undefined {
  return dataset.french?.topics.find((topic) => topic.slug === slug);
}

/**
 * Schema validation, then completeness against the English records: every partner and topic translated once,
 * every id and slug one of the English, every list as long as the one it translates, every focus area noted.
 */
export function parseFrenchFile(
  file: string,
  raw: unknown,
  english: { partners: readonly Partner[]; topics: readonly Topic[] },
): Validation<FrenchFile> {
  const parsed = frenchFileSchema.safeParse(raw, { jitless: true });
  if (!parsed.success)
    return { ok: false, problems: schemaProblems(file, raw, parsed.error, 'partners', 'id') };
  const data = parsed.data;
  const problems: DataProblem[] = [];
  const englishPartners = new Map(english.partners.map((partner) => [partner.id, partner]));
  const seen = new Set<string>();

  data.partners.forEach((french, index) => {
    const at = (path: string, message: string) =>
      problems.push({ file, record: french.id, path: `partners[${index}]${path}`, message });
    const partner = englishPartners.get(french.id);
    if (!partner) at('.id', `no partner has id "${french.id}" in partners.json`);
    else if (seen.has(french.id)) at('.id', 'translated twice');
    else for (const [path, message] of partnerProblems(french, partner)) at(path, message);
    seen.add(french.id);
  });
  for (const partner of english.partners) {
    if (!seen.has(partner.id))
      problems.push({ file, record: partner.id, path: 'partners', message: 'partner has no French texts' });
  }

  const englishSlugs = new Set(english.topics.map((topic) => topic.slug));
  const seenSlugs = new Set<string>();
  data.topics.forEach((topic, index) => {
    const at = (message: string) =>
      problems.push({ file, record: topic.slug, path: `topics[${index}].slug`, message });
    if (!englishSlugs.has(topic.slug)) at(`no topic has slug "${topic.slug}" in topics.json`);
    else if (seenSlugs.has(topic.slug)) at('translated twice');
    seenSlugs.add(topic.slug);
  });
  for (const topic of english.topics) {
    if (!seenSlugs.has(topic.slug))
      problems.push({ file, record: topic.slug, path: 'topics', message: 'focus area has no French texts' });
  }
  return problems.length ? { ok: false, problems } : { ok: true, value: data };
}

type Problem = [path: string, message: string];

/** Whether an agreement's party is the partner itself: its name, or its acronym ("INTERPOL Secretariat"). */
export function namesPartner(party: string, partner: Partner): boolean {
  return party === partner.name || (partner.acronym !== undefined && party.startsWith(partner.acronym));
}

/**
 * The forms `inSentence` may take: the French acronym or name, bare or after an article, elided before a
 * vowel ("l’OMS", never "la OMS") and only there.
 */
function inSentenceForms(french: { acronym?: string; name: string }): string[] {
  const names = [french.acronym, french.name].filter((name): name is string => name !== undefined);
  return names.flatMap((name) => {
    const vowel = /^[AEIOUYÉÈÊÂÎÔ]/i.test(name);
    return [name, `les ${name}`, ...(vowel ? [`l’${name}`] : [`le ${name}`, `la ${name}`])];
  });
}

function partnerProblems(french: FrenchPartner, partner: Partner): Problem[] {
  const problems: Problem[] = [];
  if (Boolean(french.acronym) !== Boolean(partner.acronym)) {
    problems.push([
      '.acronym',
      partner.acronym ? 'missing: the English record has one' : 'the English record has none',
    ]);
  }
  if (!inSentenceForms(french).includes(french.inSentence)) {
    problems.push([
      '.inSentence',
      `"${french.inSentence}" is not the French acronym or name, alone or after l’ (before a vowel), le, la or les`,
    ]);
  }
  const lists = [
    ['milestones', french.milestones, partner.milestones],
    ['programmes', french.programmes, partner.programmes],
    ['relatedBodies', french.relatedBodies, partner.relatedBodies],
    ['locations', french.locations, partner.locations],
  ] as const;
  for (const [key, translated, original] of lists) {
    if (translated.length !== original.length) {
      problems.push([
        `.${key}`,
        `${translated.length} translated, the English record has ${original.length}`,
      ]);
    }
  }
  const areas = new Set(partner.focusAreas.map((focus) => focus.topic));
  for (const topic of areas) {
    if (!Object.hasOwn(french.focusAreas, topic)) problems.push([`.focusAreas`, `no note for "${topic}"`]);
  }
  for (const topic of Object.keys(french.focusAreas)) {
    if (!areas.has(topic))
      problems.push([`.focusAreas.${topic}`, `"${topic}" is not one of this partner's focus areas`]);
  }
  french.relatedBodies.forEach((body, index) => {
    if (body.inSentence !== undefined && !inSentenceForms(body).includes(body.inSentence)) {
      problems.push([
        `.relatedBodies[${index}].inSentence`,
        `"${body.inSentence}" is not the body's French acronym or name, alone or after l’ (before a vowel), le, la or les`,
      ]);
    }
  });
  // A party other than the WCO and the partner itself is named in French through its related body.
  const related = new Set(partner.relatedBodies.map((body) => body.name));
  partner.agreements.forEach((agreement, index) => {
    for (const party of agreement.parties) {
      const own = party.startsWith('WCO') || namesPartner(party, partner);
      if (!own && !related.has(party)) {
        problems.push([
          `.agreements[${index}]`,
          `the party "${party}" has no French name: record it as a related body`,
        ]);
      }
    }
  });
  french.external.forEach((fact, index) => {
    const values =
      fact.field === 'name'
        ? [french.name]
        : fact.field === 'aliases'
          ? french.aliases
          : french.relatedBodies.map((body) => body.name);
    if (!values.includes(fact.value)) {
      problems.push([
        `.external[${index}].value`,
        `"${fact.value}" is not one of this record's French ${fact.field}`,
      ]);
    }
  });
  return problems;
}
