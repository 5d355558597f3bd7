/**
 * Names of each record in the other language, so a question is understood whichever language it is asked in
 * and whichever view of the data the reader has: the English view gets the French names (data/fr.json, not
 * from the source: marked there); the French view (src/data/localized.ts) keeps the English names and
 * acronyms of partners, and gets here those of their related bodies, programmes and places too.
 */
import type { Dataset } from '../data/dataset.js';
import type { Partner, Topic } from '../data/schema.js';

export interface OtherNames {
  wco: readonly string[];
  /** Names, aliases and acronym of a partner in the other language. */
  partnerNames(partner: Partner): readonly string[];
  /** Other-language names of a partner's related bodies, programmes and places, with the name this view gives each. */
  named(
    partner: Partner,
  ): readonly { phrase: string; named: string; kind: 'relatedBody' | 'programme' | 'place' }[];
  /** A focus area's label and synonyms in the other language. */
  topicWords(topic: Topic): readonly string[];
}

export const noOtherNames: OtherNames = {
  wco: [],
  partnerNames: () => [],
  named: () => [],
  topicWords: () => [],
};

interface Record {
  name: string;
  acronym?: string;
  aliases: readonly string[];
  relatedBodies: readonly { name: string; acronym?: string }[];
  programmes: readonly { name: string; acronym?: string }[];
  locations: readonly string[];
}

type Named = { name: string; acronym?: string };

/** Each of `theirs` (the other language's) paired with the name this view gives the same item (`ours`). */
function pairs(kind: 'relatedBody' | 'programme', ours: readonly Named[], theirs: readonly Named[]) {
  return ours.flatMap((item, i) => {
    const other = theirs[i];
    const phrases = other ? [other.name, ...(other.acronym ? [other.acronym] : [])] : [];
    return phrases.map((phrase) => ({ phrase, named: item.name, kind }));
  });
}

function namesFrom(
  records: ReadonlyMap<string, Record>,
  topics: ReadonlyMap<string, Topic>,
  wco: readonly string[],
): OtherNames {
  return {
    wco,
    partnerNames(partner) {
      const other = records.get(partner.id);
      return other ? [other.name, ...other.aliases, ...(other.acronym ? [other.acronym] : [])] : [];
    },
    named(partner) {
      const other = records.get(partner.id);
      if (!other) return [];
      return [
        ...pairs('relatedBody', partner.relatedBodies, other.relatedBodies),
        ...pairs('programme', partner.programmes, other.programmes),
        ...partner.locations.flatMap((location, i) => {
          const place = other.locations[i];
          return place ? [{ phrase: place, named: location.place, kind: 'place' as const }] : [];
        }),
      ];
    },
    topicWords(topic) {
      const other = topics.get(topic.slug);
      return other ? [other.label, ...other.synonyms] : [];
    },
  };
}

export function otherNamesOf(dataset: Dataset): OtherNames {
  const french = dataset.french;
  if (french) {
    return namesFrom(
      new Map(french.partners.map((partner) => [partner.id, partner])),
      new Map(french.topics.map((topic) => [topic.slug, topic])),
      [french.wco.name, french.wco.acronym],
    );
  }
  const english = dataset.english;
  if (!english) return noOtherNames;
  return namesFrom(
    new Map(
      english.partners.map((partner) => [
        partner.id,
        { ...partner, locations: partner.locations.map((location) => location.place) },
      ]),
    ),
    english.topicBySlug,
    [],
  );
}
