/**
 * The dataset as a reader of another language sees it: the same records with the bot's own words (names,
 * summaries, notes, labels, relations, focus areas) taken from that language's file. Quotes, dates, ids and
 * slugs are untouched, so Sources still shows the source as written and every button works in both languages.
 * No Node-only imports: the Worker builds it too.
 */
import type { Dataset } from './dataset.js';
import { namesPartner } from './french.js';
import type { FrenchFile, FrenchPartner } from './french-schema.js';
import type { Agreement, Partner, Topic } from './schema.js';

/**
 * The French view of a dataset (built once, with the bot's context), or the dataset itself when it has no
 * French texts. The English names and acronyms stay searchable, as other names of each record.
 */
export function frenchDataset(dataset: Dataset): Dataset {
  const french = dataset.french;
  if (!french) return dataset;
  const byId = new Map(french.partners.map((partner) => [partner.id, partner]));
  const bySlug = new Map(french.topics.map((topic) => [topic.slug, topic]));
  const partners = dataset.partners.map((partner) => {
    const translated = byId.get(partner.id);
    return translated ? frenchPartner(partner, translated, french) : partner;
  });
  const topics = dataset.topics.map((topic) => frenchTopic(topic, bySlug.get(topic.slug)));
  return {
    source: dataset.source,
    corrections: dataset.corrections,
    partners,
    topics,
    partnerById: new Map(partners.map((partner) => [partner.id, partner])),
    topicBySlug: new Map(topics.map((topic) => [topic.slug, topic])),
    inSentence: new Map(french.partners.map((partner) => [partner.id, partner.inSentence])),
    bodyInSentence: new Map(
      french.partners.flatMap((partner) =>
        partner.relatedBodies.flatMap((body) =>
          body.inSentence ? [[body.name, body.inSentence] as const] : [],
        ),
      ),
    ),
    english: dataset,
  };
}

function frenchTopic(topic: Topic, french: Topic | undefined): Topic {
  if (!french) return topic;
  const synonyms = [...new Set([...french.synonyms, topic.label, ...topic.synonyms])];
  return { slug: topic.slug, label: french.label, description: french.description, synonyms };
}

function frenchPartner(partner: Partner, french: FrenchPartner, file: FrenchFile): Partner {
  const englishNames = [partner.name, partner.acronym].filter(
    (name): name is string => name !== undefined && name !== french.name && name !== french.acronym,
  );
  // An English full name that is not in the source (INTERPOL's) stays marked, now as another name.
  const englishExternal = partner.external
    .filter((fact) => fact.field === 'name' && englishNames.includes(fact.value))
    .map((fact) => ({ field: 'aliases' as const, value: fact.value, note: file.englishNameNote }));
  const relatedName = new Map(
    partner.relatedBodies.map((body, i) => [body.name, french.relatedBodies[i]?.name]),
  );
  return {
    id: partner.id,
    name: french.name,
    ...(french.acronym ? { acronym: french.acronym } : {}),
    aliases: [...french.aliases, ...englishNames],
    summary: french.summary,
    locations: partner.locations.map((location, i) => ({
      ...location,
      place: french.locations[i] ?? location.place,
    })),
    agreements: partner.agreements.map((agreement) => ({
      ...agreement,
      parties: agreement.parties.map((party) => frenchParty(party, partner, french, relatedName)),
    })),
    milestones: partner.milestones.map((milestone, i) => ({
      ...milestone,
      label: french.milestones[i] ?? milestone.label,
    })),
    focusAreas: partner.focusAreas.map((focus) => ({
      ...focus,
      note: french.focusAreas[focus.topic] ?? focus.note,
    })),
    programmes: partner.programmes.map((programme, i) => {
      const translated = french.programmes[i];
      return translated ? { ...translated, source: programme.source } : programme;
    }),
    relatedBodies: partner.relatedBodies.map((body, i) => {
      const translated = french.relatedBodies[i];
      return translated ? { ...translated, source: body.source } : body;
    }),
    provenance: partner.provenance,
    external: [...french.external, ...englishExternal],
  };
}

/**
 * A party to an agreement in French: the WCO as the data names it (cards leave it out, as in English), a
 * related body by its French name, the partner itself by its French acronym or name.
 */
function frenchParty(
  party: string,
  partner: Partner,
  french: FrenchPartner,
  relatedName: ReadonlyMap<string, string | undefined>,
): Agreement['parties'][number] {
  if (party.startsWith('WCO')) return party;
  const related = relatedName.get(party);
  if (related) return related;
  if (party === partner.name) return french.name;
  if (namesPartner(party, partner)) {
    return `${french.acronym ?? french.name}${party.slice(partner.acronym?.length ?? 0)}`;
  }
  return party;
}
