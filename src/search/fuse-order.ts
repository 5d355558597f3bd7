/**
 * fuse.js orders the best hits of a multi-word query by how closely the words fit one of a partner's names ("wrld
 * helth" is World Health Organization, not a partner with "World" in its name and "Health" in a programme's). It
 * never looks for candidates: it scans all it is given.
 */
import Fuse, { type IFuseOptions } from 'fuse.js';
import type { Partner } from '../data/schema.js';
import { foldText } from './normalize.js';

/** One name-like value of a candidate (`owner`: its place), and what a match in it costs over one in the name. */
type Value = { text: string; penalty: number; owner: number };

/** Every word somewhere in one value, typos allowed (about one error in three letters), anywhere in it. */
const WORDS_ALL: IFuseOptions<Value> = {
  includeScore: true,
  ignoreLocation: true,
  useTokenSearch: true,
  tokenMatch: 'all',
  threshold: 0.34,
  keys: ['text'],
};

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

/** A score per candidate, in order: 0 best, 1 when no single value holds every word. */
export function fuseScores(candidates: readonly Partner[], terms: readonly string[]): number[] {
  const scores = candidates.map(() => 1);
  const values = candidates.flatMap((partner, i) => valuesOf(partner, i));
  for (const { item, score = 1 } of new Fuse(values, WORDS_ALL).search(terms.join(' '))) {
    scores[item.owner] = Math.min(scores[item.owner] ?? 1, score + item.penalty);
  }
  return scores;
}
