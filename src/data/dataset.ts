import type { FrenchFile } from './french-schema.js';
import type { Correction, Partner, PartnersFile, Topic } from './schema.js';

/** The validated data the bot serves, with the look-ups every command needs. */
export interface Dataset {
  source: PartnersFile['source'];
  corrections: readonly Correction[];
  partners: readonly Partner[];
  topics: readonly Topic[];
  partnerById: ReadonlyMap<string, Partner>;
  topicBySlug: ReadonlyMap<string, Topic>;
  /** The bot's own texts in French (data/fr.json), when the data has them; see french.ts and localized.ts. */
  french?: FrenchFile;
  /**
   * On a French view: each partner, by id, as a French sentence names it, with its article ("l’UNESCO",
   * "le GAFI", "INTERPOL"); see FrenchPartner.inSentence.
   */
  inSentence?: ReadonlyMap<string, string>;
  /** On a French view: a related body that signs an agreement, by its French name, as "avec …" names it. */
  bodyInSentence?: ReadonlyMap<string, string>;
  /** On a French view (localized.ts): the English dataset it was made from, whose names questions still read. */
  english?: Dataset;
}

export function buildDataset(file: PartnersFile, topics: readonly Topic[], french?: FrenchFile): Dataset {
  return {
    ...(french ? { french } : {}),
    source: file.source,
    corrections: file.corrections,
    partners: file.partners,
    topics,
    partnerById: new Map(file.partners.map((partner) => [partner.id, partner])),
    topicBySlug: new Map(topics.map((topic) => [topic.slug, topic])),
  };
}
