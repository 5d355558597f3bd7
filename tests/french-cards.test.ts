/**
 * French cards contain no English except quotes (issue 24): every partner's card and Sources pages, every
 * focus area's card and every year's agreements, read by a French reader. What may stay English: the quotes themselves, the source's
 * title, and the partners' English names, shown as other names so the reader can match them to the quotes.
 */
import type { APIEmbed, Locale } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { agreementsByYear } from '../src/data/agreements.js';
import { frenchDataset } from '../src/data/localized.js';
import { createLocalSession } from '../src/transports/local/parse-command-line.js';
import { ask, type Clickable, click, clickablesOf, context, messageOf, pageButton } from './helpers/bot.js';

const reader = createLocalSession({ locale: 'fr' as Locale });
const english = context.dataset;
const french = frenchDataset(english);

/** The texts of embeds, without quoted lines ("> …"), quoted titles (“…”) and the source's English title. */
function textsOf(embeds: readonly APIEmbed[]): string {
  return embeds
    .flatMap((embed) => [
      embed.title ?? '',
      embed.description ?? '',
      embed.footer?.text ?? '',
      ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]),
    ])
    .join('\n')
    .split('\n')
    .filter((line) => !line.startsWith('> '))
    .join('\n')
    .replace(/“[^”]*”/g, '“…”')
    .replaceAll(english.source.title, '…')
    .replace(/\\/g, '');
}

/** Every English name of a partner, which the French card may show as another name. */
const englishNames = english.partners
  .flatMap((p) => [p.name, p.acronym ?? '', ...p.external.map((fact) => fact.value)])
  .filter(Boolean)
  .sort((a, b) => b.length - a.length);

/** The English texts the bot wrote itself (summaries, notes, labels, relations, focus areas). */
const englishTexts = [
  ...english.partners.flatMap((p) => [
    p.summary,
    ...p.focusAreas.map((f) => f.note),
    ...p.milestones.map((m) => m.label),
    ...p.relatedBodies.map((b) => b.relation),
    ...p.relatedBodies.map((b) => b.name),
    ...p.programmes.map((x) => x.name),
    ...p.locations.map((l) => l.place),
  ]),
  ...english.topics.flatMap((t) => [t.label, t.description]),
].filter((text) => !englishNames.includes(text));

/** Small English words that no French text uses, and the agreement types as the English data records them. */
const englishWords = /\b(?:the|and|with|which|of|works|against|between|signed|since|Customs|Agreement|MOU)\b/;

function englishIn(text: string): string[] {
  let rest = text;
  for (const name of englishNames) rest = rest.split(name).join('');
  const leaks = englishTexts.filter((phrase) => rest.includes(phrase));
  const word = englishWords.exec(rest);
  return word
    ? [...leaks, `${word[0]} in “${rest.slice(Math.max(0, word.index - 40), word.index + 40)}”`]
    : leaks;
}

function sourcesPages(id: string): APIEmbed[] {
  let data = messageOf(ask(`/partner who:${id}`, reader));
  const sources = clickablesOf(data).find((c) => c.customId.includes(':sources:')) as Clickable;
  data = messageOf(click(data, sources, undefined, reader));
  const pages = [...(data.embeds ?? [])];
  // The page buttons carry the page they open; "next" is the one past the page on show.
  for (let shown = 0; ; shown += 1) {
    const next = clickablesOf(data).find(
      (c) => c.customId.includes(':sources-page:') && !c.disabled && c.customId.endsWith(`:${shown + 1}`),
    );
    if (!next) return pages;
    data = messageOf(click(data, next, undefined, reader));
    pages.push(...(data.embeds ?? []));
  }
}

describe('French cards contain no English except quotes', () => {
  it.each(english.partners.map((p) => p.id))('partner %s: card and Sources', (id) => {
    const card = messageOf(ask(`/partner who:${id}`, reader)).embeds ?? [];
    expect(card[0]?.description).toBe(french.partnerById.get(id)?.summary);
    expect(englishIn(textsOf(card))).toEqual([]);
    const sources = sourcesPages(id);
    expect(sources.length).toBeGreaterThan(0);
    expect(englishIn(textsOf(sources))).toEqual([]);
  });

  it.each(english.topics.map((t) => t.slug))('focus area %s', (slug) => {
    const card = messageOf(ask(`/topic area:${slug}`, reader)).embeds ?? [];
    expect(card[0]?.description).toContain(french.topicBySlug.get(slug)?.description);
    expect(englishIn(textsOf(card))).toEqual([]);
  });

  const years = [...agreementsByYear(english).keys()].filter((year): year is number => year !== null);
  it.each(years)('agreements of %i', (year) => {
    const card = messageOf(ask(`/mou year:${year}`, reader)).embeds ?? [];
    expect(card.length).toBe(1);
    expect(englishIn(textsOf(card))).toEqual([]);
  });

  it('the timeline list, every page', () => {
    let data = messageOf(ask('/mou', reader));
    const pages = [...(data.embeds ?? [])];
    for (let next = pageButton(data, 1); next; next = pageButton(data, pages.length)) {
      data = messageOf(click(data, next, undefined, reader));
      pages.push(...(data.embeds ?? []));
    }
    expect(pages.length).toBeGreaterThan(1);
    expect(englishIn(textsOf(pages))).toEqual([]);
  });

  it('the check finds English: the same cards read by an English reader have some', () => {
    const card = messageOf(ask('/partner who:who')).embeds ?? [];
    expect(englishIn(textsOf(card)).length).toBeGreaterThan(0);
    const topic = messageOf(ask('/topic area:drugs')).embeds ?? [];
    expect(englishIn(textsOf(topic)).length).toBeGreaterThan(0);
  });
});

describe('French answers to /demander', () => {
  /** The French text of an answer, its "(MOU)" gloss of a "protocole d’accord" aside (an acronym, as names are). */
  const answerTo = (question: string) =>
    (messageOf(ask(`/ask question:"${question}"`, reader)).content ?? '').replaceAll('(MOU)', '');

  it.each(french.partners.map((p) => [p.id, p.acronym ?? p.name, french.inSentence?.get(p.id) ?? '']))(
    '%s is named with its article inside a sentence, and no English',
    (_id, name, inSentence) => {
      expect(inSentence).not.toBe('');
      const opening = `${inSentence.charAt(0).toUpperCase()}${inSentence.slice(1)}`;
      for (const question of [`quand l’OMD a-t-elle signé avec ${name} ?`, `où siège ${name} ?`]) {
        const text = answerTo(question);
        expect(text.includes(inSentence) || text.startsWith(opening), text).toBe(true);
        expect(englishIn(text), text).toEqual([]);
      }
    },
  );

  it.each(['accords signés en 2002', 'combien d’accords ?', 'combien de protocoles d’accord en 2003 ?'])(
    '%s: agreement types in French',
    (question) => {
      const text = answerTo(question);
      expect(text).toMatch(/protocoles? d’accord|accord de coopération/);
      expect(englishIn(text), text).toEqual([]);
    },
  );
});

/** French spacing: a narrow no-break space before ; : ? ! and inside « » (a mark ends a word, so a space follows). */
function spacingFaults(text: string): string[] {
  const before = [...text.matchAll(/(^|[^\u202f])([;:?!])(?=\s|$)/gmu)];
  const inside = [...text.matchAll(/«(?!\u202f)|(?<!\u202f)»/gu)];
  return [...before, ...inside].map((m) => text.slice(Math.max(0, (m.index ?? 0) - 30), (m.index ?? 0) + 10));
}

describe('French cards put a narrow no-break space before ; : ? ! and inside « »', () => {
  it.each(english.partners.map((p) => p.id))('partner %s: card and Sources', (id) => {
    expect(spacingFaults(textsOf(messageOf(ask(`/partner who:${id}`, reader)).embeds ?? []))).toEqual([]);
    expect(spacingFaults(textsOf(sourcesPages(id)))).toEqual([]);
  });

  it.each(english.topics.map((t) => t.slug))('focus area %s', (slug) => {
    expect(spacingFaults(textsOf(messageOf(ask(`/topic area:${slug}`, reader)).embeds ?? []))).toEqual([]);
  });
});

describe('French sentences name a signing body with its article', () => {
  it('the dog centres’ card and /demander: « avec le Comité … », « avec l’Administration … »', () => {
    const card = messageOf(ask('/partner who:wco-regional-dog-training-centres', reader)).embeds?.[0];
    const agreements = card?.fields?.[0]?.value ?? '';
    expect(agreements).toContain('avec le Comité de contrôle douanier');
    expect(agreements).toContain('avec l’Administration des douanes');
    const answer = messageOf(
      ask('/ask question:"quand l’OMD a-t-elle signé avec les centres cynophiles"', reader),
    );
    expect(answer.content).toContain('avec le Comité de contrôle douanier');
    expect(answer.content).toContain('avec l’Administration des douanes');
  });
});

describe('a card’s agreement lines start as list items do, with a capital or a date', () => {
  const readers = [createLocalSession(), reader];
  it.each(english.partners.map((p) => p.id))('partner %s, in English and French', (id) => {
    for (const who of readers) {
      const card = messageOf(ask(`/partner who:${id}`, who)).embeds?.[0];
      const agreements = card?.fields?.find((field) => field.name.includes('📄'))?.value ?? '';
      for (const line of agreements.split('\n').filter((text) => text.startsWith('• ')))
        expect(line, `${who.locale} ${id}`).toMatch(/^• [\p{Lu}\d]/u);
    }
  });
});
