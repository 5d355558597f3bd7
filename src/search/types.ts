/** What the searches answer and promise, whatever engine is behind them. */
import type { Partner, Topic } from '../data/schema.js';

/** Where a query matched a partner: decides how a hit is explained and how strongly it ranks. */
export type MatchField =
  | 'name'
  | 'acronym'
  | 'alias'
  | 'relatedBody'
  | 'programme'
  | 'location'
  | 'topic'
  | 'summary';

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

export interface PartnerSearch {
  /** Partners that match the query, best first; empty when nothing really matches (nonsense, noise). */
  search(query: string, limit?: number): PartnerHit[];
  /** Looser "did you mean" candidates for a query that had no match; may be empty. */
  suggest(query: string, limit?: number): PartnerHit[];
  /** Choices for autocomplete: at most 25, best first; an empty query lists partners A-Z. */
  autocomplete(query: string): PartnerHit[];
}

export interface TopicSearch {
  search(query: string, limit?: number): TopicHit[];
  suggest(query: string, limit?: number): TopicHit[];
  /** At most 25; an empty query lists every topic by label. */
  autocomplete(query: string): TopicHit[];
}
