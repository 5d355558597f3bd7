/**
 * The phrase table: every name a question can use for a partner, a body or programme it works with, a place,
 * or a focus area, generated from the data at start-up and reduced by the same stemmer as the question. The
 * longest phrase wins; a word of 5+ letters may be one or two letters off a word of the table ("unseco").
 */
import type { Dataset } from '../data/dataset.js';
import type { Partner, Topic } from '../data/schema.js';
import type { OtherNames } from './other-names.js';
import { GRAMMAR, GRAMMAR_STEMS } from './vocabulary.js';
import { editDistance, phraseKey, type Word, wordsOf } from './words.js';

export type Via = 'name' | 'acronym' | 'alias' | 'namePart' | 'relatedBody' | 'programme' | 'place';

export type Target =
  | { kind: 'partner'; partner: Partner; via: Via /** The body, programme or place named. */; named?: string }
  | { kind: 'topic'; topic: Topic }
  | { kind: 'wco' };

interface Entry {
  targets: Target[];
  /** An acronym that is also an English word (WHO, SAFE): only in capitals, or after "the/with/about". */
  wordLike: boolean;
}

export interface Found {
  start: number;
  end: number;
  targets: readonly Target[];
  /** The question's words it covers, as typed. */
  text: string;
}

/** Acronyms in the data that are also everyday English words. */
const WORD_LIKE = new Set(['who', 'cites', 'safe', 'api', 'prism']);
/** Words after which a word-like acronym is meant as one ("the WHO", "avec l'OMS"). */
const ACRONYM_CUES = new Set(['the', 'with', 'about', 'l', 'le', 'la', 'avec']);
/** Words too general to name one partner on their own in a part of a name. */
const GENERIC = new Set(
  (
    'international organization organisation united nations world agency office council committee center ' +
    'centre european union program programme board control security cooperation co operation regional ' +
    'of for and the on in to wco group action'
  ).split(' '),
);
const SMALL = new Set([
  'of',
  'for',
  'and',
  'the',
  'on',
  'in',
  'to',
  'de',
  'des',
  'du',
  'la',
  'le',
  'l',
  'et',
]);
const WCO_NAMES = ['WCO', 'World Customs Organization', 'OMD', 'Organisation mondiale des douanes'];
const MAX_PHRASE_WORDS = 14;

export class PhraseTable {
  private readonly entries = new Map<string, Entry>();
  /** Folded words of the table, for typos; and by length, as typos are looked for among words of about theirs. */
  private readonly vocabulary = new Set<string>();
  private readonly vocabularyByLength = new Map<number, string[]>();
  private longest = 1;
  /** The stems phrases start with, by language: most words of a question start none. */
  private readonly firstWords = { en: new Set<string>(), fr: new Set<string>() };
  /** The words of each partner's names (4+ letters), for questions that name it in pieces. */
  private readonly nameWords = new Map<Partner, Set<string>>();

  constructor(dataset: Dataset, other: OtherNames) {
    for (const name of [...WCO_NAMES, ...other.wco]) this.add(name, { kind: 'wco' });
    const nameParts = this.nameParts(dataset.partners);
    for (const partner of dataset.partners) {
      const to = (via: Via, named?: string): Target => ({ kind: 'partner', partner, via, named });
      this.add(partner.name, to('name'));
      if (partner.acronym) this.add(partner.acronym, to('acronym'));
      for (const alias of partner.aliases) this.add(alias, to('alias'));
      for (const part of nameParts.get(partner) ?? []) this.add(part, to('namePart'));
      for (const body of partner.relatedBodies) {
        this.add(body.name, to('relatedBody', body.name));
        if (body.acronym) this.add(body.acronym, to('relatedBody', body.name));
      }
      for (const programme of partner.programmes) {
        this.add(programme.name, to('programme', programme.name));
        if (programme.acronym) this.add(programme.acronym, to('programme', programme.name));
        for (const part of this.partsOf(programme.name)) this.add(part, to('programme', programme.name));
      }
      for (const { place } of partner.locations) this.addPlace(place, place, to);
      for (const name of other.partnerNames(partner)) this.add(name, to('name'));
      for (const { phrase, named, kind } of other.named(partner)) {
        if (kind === 'place') this.addPlace(phrase, named, to);
        else this.add(phrase, to(kind, named));
      }
    }
    for (const [word, topic] of this.topicWords(dataset.topics, other))
      this.add(word, { kind: 'topic', topic });
    for (const partner of dataset.partners) {
      const words = [partner.name, ...partner.aliases].flatMap((name) =>
        wordsOf(name).map((word) => word.folded),
      );
      this.nameWords.set(partner, new Set(words.filter((word) => word.length >= 4 && !SMALL.has(word))));
    }
    for (const topic of dataset.topics) {
      const to: Target = { kind: 'topic', topic };
      const halves = topic.label.split(/ and | et /i);
      for (const phrase of [
        topic.label,
        topic.slug.replaceAll('-', ' '),
        ...(halves.length > 1 ? halves : []),
      ])
        this.add(phrase, to);
      for (const synonym of [...topic.synonyms, ...other.topicWords(topic)]) this.add(synonym, to);
    }
  }

  /** "Vienna, Austria", and each of its parts ("Vienna"), and "Hague" for "The Hague". */
  private addPlace(place: string, english: string, to: (via: Via, named?: string) => Target): void {
    for (const piece of [place, ...place.split(/[,()]/)]) this.add(piece.trim(), to('place', english));
    this.add(place.replace(/^(The|La|Le|Les) /, ''), to('place', english));
  }

  /** Adds a phrase under both stemmers: a question in either language may use a name of either. */
  private add(phrase: string, target: Target): void {
    const words = wordsOf(phrase);
    if (!words.length || words.length > MAX_PHRASE_WORDS) return;
    // An acronym that is also an English word (WHO, SAFE) is one only where a person would mean it.
    const wordLike =
      words.length === 1 && phrase === phrase.toUpperCase() && WORD_LIKE.has(words[0]?.folded ?? '');
    for (const language of ['en', 'fr'] as const) {
      const key = `${language}:${words.map((word) => word[language]).join(' ')}`;
      const entry = this.entries.get(key) ?? { targets: [], wordLike };
      if (!entry.targets.some((known) => sameTarget(known, target))) entry.targets.push(target);
      entry.wordLike &&= wordLike;
      this.entries.set(key, entry);
      this.firstWords[language].add((words[0] as Word)[language]);
    }
    this.longest = Math.max(this.longest, words.length);
    for (const { folded } of words) {
      if (folded.length < 4 || /\d/.test(folded) || this.vocabulary.has(folded)) continue;
      this.vocabulary.add(folded);
      const sameLength = this.vocabularyByLength.get(folded.length);
      if (sameLength) sameLength.push(folded);
      else this.vocabularyByLength.set(folded.length, [folded]);
    }
  }

  /** Runs of 2+ words of a name, not starting or ending with a small word, with a word that is not generic. */
  private partsOf(name: string): string[] {
    const words = name.split(/[\s,]+/);
    const parts: string[] = [];
    for (let start = 0; start < words.length; start++) {
      for (let end = start + 2; end <= words.length; end++) {
        const run = words.slice(start, end);
        if (run.length === words.length) continue;
        const edges = [run[0], run.at(-1)].map((word) => (word ?? '').toLowerCase());
        if (edges.some((word) => SMALL.has(word) || GRAMMAR.has(word))) continue;
        if (run.every((word) => GENERIC.has(word.toLowerCase()))) continue;
        parts.push(run.join(' '));
      }
    }
    return parts;
  }

  /** The parts of names that belong to one partner only ("Narcotics Control Board", "Atomic Energy"). */
  private nameParts(partners: readonly Partner[]): Map<Partner, string[]> {
    const owners = new Map<string, Set<Partner>>();
    for (const partner of partners) {
      for (const name of [partner.name, ...partner.aliases]) {
        for (const part of this.partsOf(name)) {
          const key = phraseKey(part, 'en');
          owners.set(key, (owners.get(key) ?? new Set()).add(partner));
        }
      }
    }
    const parts = new Map<Partner, string[]>();
    for (const partner of partners) {
      const own = [partner.name, ...partner.aliases]
        .flatMap((name) => this.partsOf(name))
        .filter((part) => owners.get(phraseKey(part, 'en'))?.size === 1);
      parts.set(partner, own);
    }
    return parts;
  }

  /**
   * Single words of focus areas' labels and synonyms that belong to one area only ("laundering"), 6+ letters
   * and not general words, so a question may name an area by its telling word.
   */
  private topicWords(topics: readonly Topic[], other: OtherNames): Map<string, Topic> {
    const owners = new Map<string, Set<Topic>>();
    const phrasesOf = (topic: Topic) => [topic.label, ...topic.synonyms, ...other.topicWords(topic)];
    for (const topic of topics) {
      for (const phrase of phrasesOf(topic)) {
        for (const word of wordsOf(phrase)) {
          if (word.folded.length < 6 || GENERIC.has(word.folded) || GRAMMAR_STEMS.has(word.en)) continue;
          owners.set(word.en, (owners.get(word.en) ?? new Set()).add(topic));
        }
      }
    }
    const telling = new Map<string, Topic>();
    for (const topic of topics) {
      for (const phrase of phrasesOf(topic)) {
        for (const word of wordsOf(phrase)) {
          const only = owners.get(word.en);
          if (only?.size === 1 && only.has(topic)) telling.set(word.folded, topic);
        }
      }
    }
    return telling;
  }

  /**
   * A partner whose name has two or more of the question's free words, one of them telling, typed with at
   * most one letter off ("narcotics bord" → International Narcotics Control Board); only when one partner
   * has the most.
   */
  byNameWords(words: readonly Word[]): { partner: Partner; typo: boolean } | undefined {
    let best: { partner: Partner; typo: boolean } | undefined;
    let bestCount = 1;
    let tie = false;
    for (const [partner, names] of this.nameWords) {
      let count = 0;
      let telling = false;
      let typo = false;
      for (const word of words) {
        const close = word.folded.length >= 4 ? 1 : 0;
        let hit: string | undefined;
        for (const name of names) {
          if (editDistance(word.folded, name, close) > close) continue;
          hit = name;
          break;
        }
        if (!hit) continue;
        count++;
        telling ||= !GENERIC.has(hit);
        typo ||= hit !== word.folded;
      }
      if (!telling || count < 2) continue;
      if (count > bestCount) [best, bestCount, tie] = [{ partner, typo }, count, false];
      else if (count === bestCount) tie = true;
    }
    return tie ? undefined : best;
  }

  /** A word of the table one or two letters off this one (5+ letters; 2 only from 8), when only one is that close. */
  correct(folded: string): string | undefined {
    if (folded.length < 5 || this.vocabulary.has(folded) || /\d/.test(folded)) return undefined;
    const max = folded.length >= 8 ? 2 : 1;
    let best: string | undefined;
    let bestDistance = max + 1;
    let ties = 0;
    for (let length = folded.length - max; length <= folded.length + max; length++) {
      for (const known of this.vocabularyByLength.get(length) ?? []) {
        const distance = editDistance(folded, known, max);
        if (distance < bestDistance) [best, bestDistance, ties] = [known, distance, 0];
        else if (distance === bestDistance) ties++;
      }
    }
    return best && ties === 0 ? best : undefined;
  }

  /**
   * The phrases of the question, left to right, the longest at each place; `skip` marks words read as
   * something else (question words, dates) that cannot start a phrase.
   */
  find(words: readonly Word[], skip: ReadonlySet<number>): Found[] {
    const found: Found[] = [];
    for (let start = 0; start < words.length; ) {
      const hit = skip.has(start) ? undefined : this.longestAt(words, start);
      if (!hit) {
        start++;
        continue;
      }
      found.push(hit);
      start = hit.end;
    }
    return found;
  }

  private longestAt(words: readonly Word[], start: number): Found | undefined {
    const first = words[start] as Word;
    const languages = (['en', 'fr'] as const).filter((language) =>
      this.firstWords[language].has(first[language]),
    );
    if (!languages.length) return undefined;
    // The keys of every run from here, shortest first, built word by word; looked up longest first.
    const last = Math.min(words.length, start + this.longest);
    const keys = { en: [] as string[], fr: [] as string[] };
    for (const language of languages) {
      let key = '';
      for (let end = start; end < last; end++) {
        key = end === start ? (words[end] as Word)[language] : `${key} ${(words[end] as Word)[language]}`;
        keys[language].push(`${language}:${key}`);
      }
    }
    for (let length = last - start; length > 0; length--) {
      for (const language of languages) {
        const entry = this.entries.get(keys[language][length - 1] as string);
        if (!entry) continue;
        // A question word alone ("organisations", "partners") names nothing, unless meant as an acronym.
        const acronymMeant = entry.wordLike && meantAsAcronym(words, start);
        if (
          length === 1 &&
          GRAMMAR.has(first.folded) &&
          first.text !== first.text.toUpperCase() &&
          !acronymMeant
        )
          continue;
        if (entry.wordLike && length === 1 && !acronymMeant) continue;
        const run = words.slice(start, start + length);
        return {
          start,
          end: start + length,
          targets: entry.targets,
          text: run.map((word) => word.text).join(' '),
        };
      }
    }
    return undefined;
  }
}

function meantAsAcronym(words: readonly Word[], at: number): boolean {
  const word = words[at] as Word;
  return word.text === word.text.toUpperCase() || ACRONYM_CUES.has(words[at - 1]?.folded ?? '');
}

function sameTarget(a: Target, b: Target): boolean {
  if (a.kind === 'partner' && b.kind === 'partner') return a.partner === b.partner && a.named === b.named;
  if (a.kind === 'topic' && b.kind === 'topic') return a.topic === b.topic;
  return a.kind === b.kind;
}
