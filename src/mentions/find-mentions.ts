/**
 * Finds the WCO partners and focus areas a piece of free text (a chat message) names, using only the
 * dataset's own names: partner names, acronyms and aliases, related bodies, programmes, places, and the
 * focus areas' labels and synonyms. Precision over recall: whole words and phrases only, and short
 * all-capital acronyms (WHO, SAFE, API, CITES) only in capitals, so "who", "safe" or "cites" in ordinary
 * prose never match.
 */
import type { Dataset } from '../data/dataset.js';
import type { Partner, Topic } from '../data/schema.js';

/** How a partner was referred to; shown to the reader as the reason for the match. */
export type MentionKind = 'name' | 'acronym' | 'alias' | 'related body' | 'programme' | 'place';

export interface PartnerMention {
  partner: Partner;
  /** The words of the message that refer to the partner, as written there, with how each refers to it. */
  evidence: { words: string; kind: MentionKind; means: string }[];
}

export interface TopicMention {
  topic: Topic;
  /** The words of the message that name the focus area, as written there. */
  words: string[];
}

export interface Mentions {
  partners: PartnerMention[];
  topics: TopicMention[];
}

interface Term<T> {
  pattern: RegExp;
  target: T;
  kind: MentionKind;
  /** What the term stands for, e.g. the related body's full name. */
  means: string;
}

interface Span<T> {
  start: number;
  end: number;
  term: Term<T>;
}

/**
 * Synonyms too general to name a focus area on their own in a chat ("training", "capacity"); they still
 * help the search commands, where the reader is already asking about partners.
 */
const tooGeneral = new Set(['training', 'capacity', 'diversion', 'simplification', 'facilitation']);

/** Acronyms up to this length, written all in capitals, only match in capitals: many are English words. */
const caseSensitiveUpTo = 5;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Diacritics removed without changing the text's length, so positions in the folded text stay valid. */
function fold(text: string): string {
  let folded = '';
  for (const char of text) {
    const base = char.normalize('NFD').replace(/\p{M}/gu, '');
    folded += base.length === char.length ? base : char;
  }
  return folded;
}

/**
 * A whole-word pattern for a name: its words in order, with any short run of spaces or punctuation
 * between them (or none: "Co-operation", "Co operation" and "Cooperation" all match), and British
 * spellings (-isation) as well as American ones.
 */
function termPattern(term: string): RegExp | undefined {
  const words = fold(term).match(/[\p{L}\p{N}]+/gu);
  if (!words) return undefined;
  const body = words
    .map((word) => escapeRegExp(word).replace(/i[sz](ation|ations|ed|es|e|ing)$/i, 'i[sz]$1'))
    .join('[^\\p{L}\\p{N}]{0,3}');
  const isShortAcronym = /^[\p{Lu}\p{N}]+$/u.test(term) && term.length <= caseSensitiveUpTo;
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, isShortAcronym ? 'gu' : 'giu');
}

function term<T>(text: string, target: T, kind: MentionKind, means = text): Term<T>[] {
  const pattern = termPattern(text);
  return pattern ? [{ pattern, target, kind, means }] : [];
}

/** "UNODC-WCO Container Control Programme" is also called "the Container Control Programme". */
function withoutLeadingAcronyms(name: string): string | undefined {
  const rest = /^(?:[\p{Lu}]{2,}[-/])*[\p{Lu}]{2,}\s+(.+)$/u.exec(name)?.[1];
  return rest && /\s/.test(rest) ? rest : undefined;
}

function partnerTerms(partner: Partner): Term<Partner>[] {
  const terms = [...term(partner.name, partner, 'name')];
  if (partner.acronym) terms.push(...term(partner.acronym, partner, 'acronym', partner.name));
  for (const alias of partner.aliases) terms.push(...term(alias, partner, 'alias'));
  for (const body of partner.relatedBodies) {
    terms.push(...term(body.name, partner, 'related body'));
    if (body.acronym) terms.push(...term(body.acronym, partner, 'related body', body.name));
  }
  for (const programme of partner.programmes) {
    terms.push(...term(programme.name, partner, 'programme'));
    const shorter = withoutLeadingAcronyms(programme.name);
    if (shorter) terms.push(...term(shorter, partner, 'programme', programme.name));
    if (programme.acronym) terms.push(...term(programme.acronym, partner, 'programme', programme.name));
  }
  return terms;
}

/** A place's town ("Almaty" of "Almaty, Republic of Kazakhstan"). */
function placeTerms(partner: Partner): Term<Partner>[] {
  return partner.locations.flatMap((location) => {
    const town = location.place.split(',')[0]?.trim() ?? '';
    return term(town, partner, 'place', location.place);
  });
}

function topicTerms(topic: Topic): Term<Topic>[] {
  return [topic.label, ...topic.synonyms]
    .filter((text) => !tooGeneral.has(text.toLowerCase()))
    .flatMap((text) => term(text, topic, 'name'));
}

/** Every place each term occurs; overlapping hits are then settled longest first (see `settle`). */
function hits<T>(text: string, terms: readonly Term<T>[]): Span<T>[] {
  const spans: Span<T>[] = [];
  for (const candidate of terms) {
    candidate.pattern.lastIndex = 0;
    for (const match of text.matchAll(candidate.pattern)) {
      spans.push({ start: match.index, end: match.index + match[0].length, term: candidate });
    }
  }
  return spans;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * The hits that stand, longest first: "World Health Organization" wins over a "Health" inside it, and
 * "chemical weapons" over "weapons". Hits of the same words for two partners (OLAF is a related body of
 * both Europol and the EU authorities) both stand.
 */
function settle<T>(spans: Span<T>[], taken: readonly { start: number; end: number }[] = []): Span<T>[] {
  const kept: Span<T>[] = [];
  const sorted = [...spans].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  for (const span of sorted) {
    if (taken.some((other) => overlaps(span, other))) continue;
    const clash = kept.find((other) => overlaps(span, other));
    if (clash && !(clash.start === span.start && clash.end === span.end)) continue;
    kept.push(span);
  }
  return kept.sort((a, b) => a.start - b.start);
}

export interface MentionFinder {
  find(text: string): Mentions;
}

export function createMentionFinder(dataset: Dataset): MentionFinder {
  const named = dataset.partners.flatMap(partnerTerms);
  const places = dataset.partners.flatMap(placeTerms);
  const topics = dataset.topics.flatMap(topicTerms);

  return {
    find(raw) {
      const original = raw.normalize('NFC');
      const text = fold(original);
      const words = (span: { start: number; end: number }) =>
        original.slice(span.start, span.end).replace(/\s+/g, ' ');

      const partnerSpans = settle(hits(text, named));
      const topicSpans = settle(hits(text, topics), partnerSpans);
      const topicsFound = new Set(topicSpans.map((span) => span.term.target.slug));
      // A town alone is not a clear reference (many bodies sit in Geneva or Vienna): it counts only when
      // the message also names one of the focus areas of the partner based there.
      const placeSpans = settle(hits(text, places), [...partnerSpans, ...topicSpans]).filter((span) =>
        span.term.target.focusAreas.some((focus) => topicsFound.has(focus.topic)),
      );

      const partners = new Map<Partner, PartnerMention>();
      for (const span of [...partnerSpans, ...placeSpans].sort((a, b) => a.start - b.start)) {
        const mention = partners.get(span.term.target) ?? { partner: span.term.target, evidence: [] };
        const found = words(span);
        if (!mention.evidence.some((e) => e.words.toLowerCase() === found.toLowerCase())) {
          mention.evidence.push({ words: found, kind: span.term.kind, means: span.term.means });
        }
        partners.set(span.term.target, mention);
      }

      const topicMentions = new Map<Topic, TopicMention>();
      for (const span of topicSpans) {
        const mention = topicMentions.get(span.term.target) ?? { topic: span.term.target, words: [] };
        const found = words(span);
        if (!mention.words.some((w) => w.toLowerCase() === found.toLowerCase())) mention.words.push(found);
        topicMentions.set(span.term.target, mention);
      }
      return { partners: [...partners.values()], topics: [...topicMentions.values()] };
    },
  };
}
