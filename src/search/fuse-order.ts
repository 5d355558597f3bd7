/**
 * fuse.js orders the few best candidates of a multi-word query by how closely the words fit one of a partner's
 * names ("wrld helth" is World Health Organization). It never looks for candidates: it scans all it is given.
 */
import Fuse, { type IFuseOptions } from 'fuse.js';
import type { Partner } from '../data/schema.js';
import { foldText, keyOf, type NormalizedQuery } from './normalize.js';

/** One name-like value of a candidate (`owner`: its place), and what a match in it costs over one in the name. */
type Value = { text: string; penalty: number; owner: number };

/** Where a pass puts its matches: from `at`, over `span` (fuse.js's score plus the value's penalty, scaled). */
type Range = [at: number, span: number];

/** Every word somewhere in the value, typos allowed (about one error in three letters). */
const WORDS_ALL: IFuseOptions<Value> = {
  includeScore: true,
  ignoreLocation: true,
  useTokenSearch: true,
  tokenMatch: 'all',
  threshold: 0.34,
  keys: ['text'],
};
/** The whole query as one pattern: the words stand together, in order. */
const PHRASE: IFuseOptions<Value> = { ...WORDS_ALL, useTokenSearch: false };

/** A partner's name-like values, folded: the few candidates fuse.js reads are folded again for each query. */
function valuesOf(partner: Partner, owner: number): Value[] {
  const subBodies = [...partner.relatedBodies, ...partner.programmes];
  const byPenalty: [number, (string | undefined)[]][] = [
    [0, [partner.name, partner.acronym]],
    [0.03, partner.aliases],
    [0.06, subBodies.flatMap((named) => [named.name, named.acronym])],
    [0.1, partner.locations.map((location) => location.place)],
  ];
  return byPenalty.flatMap(([penalty, texts]) =>
    texts.flatMap((text) => (text ? [{ text: foldText(text), penalty, owner }] : [])),
  );
}

/**
 * A score per candidate, in order (0 best, 1 no match): its best single value. The words that carry meaning as a
 * phrase (below 0.5; when the query has small words, first the query as typed in candidates with a value that
 * holds it, below 0.25), else every word in one value (0.5 and up).
 */
export function fuseScores(candidates: readonly Partner[], query: NormalizedQuery): number[] {
  const scores = candidates.map(() => 1);
  const values = candidates.map((partner, i) => valuesOf(partner, i));
  const words = query.terms.join(' ');
  /** Scores, through `options`, the candidates (of `among`) that no pass before matched: `at` + `span` × fit. */
  const pass = (options: IFuseOptions<Value>, pattern: string, [at, span]: Range, among = values) => {
    const unmatched = among.filter((list) => scores[list[0]?.owner ?? 0] === 1).flat();
    for (const result of new Fuse(unmatched, options).search(pattern)) {
      const { owner, penalty } = result.item;
      const score = Math.min(1, at + span * ((result.score ?? 1) + penalty));
      if (score < (scores[owner] ?? 1)) scores[owner] = score;
    }
  };
  if (query.key === words) pass(PHRASE, words, [0, 0.5]);
  else {
    // Without its small words, "border management in africa" fits a name with those words apart as well as
    // "… for Border Management in Africa", which holds the query as typed.
    const holders = values.filter((list) =>
      list.some(({ text }) => ` ${keyOf(text)}`.includes(` ${query.key}`)),
    );
    pass(PHRASE, query.key, [0, 0.25], holders);
    pass(PHRASE, words, [0.25, 0.25]);
  }
  pass(WORDS_ALL, words, [0.5, 0.5]);
  return scores;
}
