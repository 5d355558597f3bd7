/**
 * French names of partners and focus areas, for reading French questions and writing French answers. They
 * are not in the source: where the data marks them (data/ French file, issue 24), they are read from there;
 * without it, French questions use the English names and acronyms.
 */
import type { Dataset } from '../data/dataset.js';
import type { Partner, Topic } from '../data/schema.js';

export interface FrenchNames {
  partnerNames(partner: Partner): readonly string[];
  partnerAcronyms(partner: Partner): readonly string[];
  /** A focus area's French label first, then its French synonyms. */
  topicWords(topic: Topic): readonly string[];
}

export const noFrenchNames: FrenchNames = {
  partnerNames: () => [],
  partnerAcronyms: () => [],
  topicWords: () => [],
};

export function frenchNamesOf(_dataset: Dataset): FrenchNames {
  return noFrenchNames;
}
