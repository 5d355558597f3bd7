/**
 * The French names of the English records (data/fr.json, not from the source: marked there), so a question in
 * French is understood when the reader's view of the data is the English one. The French view itself
 * (src/data/localized.ts) carries the French names as its names and the English ones as other names.
 */
import type { Dataset } from '../data/dataset.js';
import type { Partner, Topic } from '../data/schema.js';

export interface FrenchNames {
  wco: readonly string[];
  /** Names, aliases and acronym of a partner in French. */
  partnerNames(partner: Partner): readonly string[];
  /** French names of a partner's related bodies, programmes and places, each with the English one it translates. */
  named(
    partner: Partner,
  ): readonly { french: string; english: string; kind: 'relatedBody' | 'programme' | 'place' }[];
  /** A focus area's French label and synonyms. */
  topicWords(topic: Topic): readonly string[];
}

export const noFrenchNames: FrenchNames = {
  wco: [],
  partnerNames: () => [],
  named: () => [],
  topicWords: () => [],
};

export function frenchNamesOf(dataset: Dataset): FrenchNames {
  const french = dataset.french;
  if (!french) return noFrenchNames;
  const byId = new Map(french.partners.map((partner) => [partner.id, partner]));
  const bySlug = new Map(french.topics.map((topic) => [topic.slug, topic]));
  return {
    wco: [french.wco.name, french.wco.acronym],
    partnerNames(partner) {
      const translated = byId.get(partner.id);
      if (!translated) return [];
      return [translated.name, ...translated.aliases, ...(translated.acronym ? [translated.acronym] : [])];
    },
    named(partner) {
      const translated = byId.get(partner.id);
      if (!translated) return [];
      const pairs = <T extends { name: string; acronym?: string }>(
        kind: 'relatedBody' | 'programme',
        english: readonly T[],
        own: readonly { name: string; acronym?: string }[],
      ) =>
        english.flatMap((item, i) => {
          const names = own[i] ? [own[i].name, ...(own[i].acronym ? [own[i].acronym] : [])] : [];
          return names.map((name) => ({ french: name, english: item.name, kind }));
        });
      return [
        ...pairs('relatedBody', partner.relatedBodies, translated.relatedBodies),
        ...pairs('programme', partner.programmes, translated.programmes),
        ...partner.locations.flatMap((location, i) => {
          const place = translated.locations[i];
          return place ? [{ french: place, english: location.place, kind: 'place' as const }] : [];
        }),
      ];
    },
    topicWords(topic) {
      const translated = bySlug.get(topic.slug);
      return translated ? [translated.label, ...translated.synonyms] : [];
    },
  };
}
