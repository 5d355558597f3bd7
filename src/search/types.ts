/** What the searches answer and promise, whatever engine is behind them. */
import type { Partner, Topic } from '../data/schema.js';

/** The fields that name a partner, and its places: what a hit not found through a subject matched on. */
export type NameField = 'name' | 'acronym' | 'alias' | 'relatedBody' | 'programme' | 'location';
/** Where a query matched a partner: decides how a hit is explained and how strongly it ranks. */
export type MatchField = NameField | 'topic' | 'summary';

export interface PartnerHit {
  partner: Partner;
  /** 0 is a perfect match; larger is worse. Hits come sorted by score, best first. */
  score: number;
  /** The query equals (case- and diacritics-insensitively) the partner's name, acronym or an alias. */
  exact: boolean;
  matchedOn: MatchField;
  /** Found through a subject: the partner's words that state the query, and the focus area (matched-text.ts). */
  matchedText?: string;
}

export interface TopicHit {
  topic: Topic;
  score: number;
  exact: boolean;
}

/** Built once over the data; every call is pure, synchronous and never throws on a string. */
export interface Search<Hit> {
  /** Hits that match the query, best first; empty when nothing really matches (nonsense, noise). */
  search(query: string, limit?: number): Hit[];
  /** Looser "did you mean" candidates for a query that had no match; may be empty. */
  suggest(query: string, limit?: number): Hit[];
  /** Choices for autocomplete: at most 25, best first; an empty query lists the first 25 A–Z. */
  autocomplete(query: string): Hit[];
}

export type PartnerSearch = Search<PartnerHit>;
export interface TopicSearch extends Search<TopicHit> {
  /**
   * The areas whose label or a synonym holds the query's words in a row, as whole words, A–Z: the areas a word
   * like "smuggling" fits ("drug smuggling", "tobacco smuggling", …). Empty for a word no name holds.
   */
  covering(query: string): Topic[];
}
