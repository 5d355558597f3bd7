/**
 * fuse.js orders the few best candidates of a multi-word query: it scores how closely the words, typos included,
 * fit a partner's names ("wrld helth" is World Health Organization, not a synthetic "World … Health Council").
 * It never looks for candidates itself: it scans every record it is given.
 */
import Fuse, { type IFuseOptions } from 'fuse.js';
import type { Partner } from '../data/schema.js';
import { foldText } from './normalize.js';

interface FuseDoc {
  name: string[];
  aliases: string[];
  subBodies: string[];
  places: string[];
}

const WORDS_ALL: IFuseOptions<FuseDoc> = {
  includeScore: true,
  ignoreLocation: true,
  useTokenSearch: true,
  tokenMatch: 'all',
  threshold: 0.34,
  keys: [
    { name: 'name', weight: 3 },
    { name: 'aliases', weight: 2 },
    { name: 'subBodies', weight: 1.5 },
    { name: 'places', weight: 1 },
  ],
};
const WORDS_ANY: IFuseOptions<FuseDoc> = { ...WORDS_ALL, tokenMatch: 'any', threshold: 0.5 };
/**
 * The whole query as one pattern: the words must stand together in one value. Word by word, a partner whose name has
 * "world" and whose alias has "world health" would outscore World Health Organization (fuse multiplies key scores).
 */
const PHRASE: IFuseOptions<FuseDoc> = { ...WORDS_ALL, useTokenSearch: false };

export class FuseOrder {
  /** Each partner's document, folded once, made the first time it is a candidate. */
  private readonly docs = new Map<Partner, FuseDoc>();

  private docOf(partner: Partner): FuseDoc {
    let doc = this.docs.get(partner);
    if (!doc) {
      const fold = (texts: (string | undefined)[]) => texts.flatMap((text) => (text ? [foldText(text)] : []));
      doc = {
        name: fold([partner.name, partner.acronym]),
        aliases: fold(partner.aliases),
        subBodies: fold(
          [...partner.relatedBodies, ...partner.programmes].flatMap((named) => [named.name, named.acronym]),
        ),
        places: fold(partner.locations.map((location) => location.place)),
      };
      this.docs.set(partner, doc);
    }
    return doc;
  }

  /** fuse.js scores (0 best, 1 no match) of each partner, in the order given. */
  scores(partners: readonly Partner[], foldedQuery: string, every: boolean): number[] {
    const scores = partners.map(() => 1);
    const fuse = new Fuse(
      partners.map((partner) => this.docOf(partner)),
      every ? PHRASE : WORDS_ANY,
    );
    for (const result of fuse.search(foldedQuery)) scores[result.refIndex] = result.score ?? 1;
    return scores;
  }
}
