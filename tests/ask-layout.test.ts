/**
 * Every /ask answer fits one phone screen (issue 24), answer and backing together: each question form the
 * engine answers, asked of every partner, year and focus area (and every two partners, two areas), in French,
 * whose words run longest, and in English.
 */
import type { Locale } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { timelineYears } from '../src/cards/agreement-cards.js';
import type { Dataset } from '../src/data/dataset.js';
import { frenchDataset } from '../src/data/localized.js';
import { createLocalSession } from '../src/transports/local/parse-command-line.js';
import { ask, context, messageOf } from './helpers/bot.js';
import { phoneHeight, phoneScreen } from './helpers/phone-screen.js';

const years = timelineYears(context.dataset).flatMap((group) => (group.year === null ? [] : [group.year]));
const decades = [...new Set(years.map((year) => year - (year % 10)))];
const namesOf = (dataset: Dataset) => dataset.partners.map((partner) => partner.acronym ?? partner.name);
const pairsOf = (items: readonly string[]) => items.flatMap((a, i) => items.slice(i + 1).map((b) => [a, b]));

function frenchQuestions(): string[] {
  const french = frenchDataset(context.dataset);
  const names = namesOf(french);
  const areas = french.topics.map((topic) => topic.label);
  return [
    ...names.flatMap((n) => [
      `quand l’OMD a-t-elle signé avec ${n} ?`,
      `où siège ${n} ?`,
      `que fait ${n} ?`,
      `${n} est-il partenaire ?`,
      `premier accord avec ${n}`,
      `dernier accord avec ${n}`,
      `combien d’accords avec ${n} ?`,
      `accords avec ${n} en 2003`,
    ]),
    ...pairsOf(names).map(([a, b]) => `${a} et ${b}`),
    ...years.flatMap((y) => [
      `accords signés en ${y}`,
      `combien d’accords en ${y} ?`,
      `combien de protocoles d’accord en ${y} ?`,
      `accords avant ${y}`,
      `accords depuis ${y}`,
      `accords après ${y}`,
      `accords entre ${y} et ${y + 5}`,
    ]),
    ...decades.map((d) => `accords dans les années ${d}`),
    ...areas.flatMap((area) => [
      `qui travaille sur ${area} ?`,
      `combien de partenaires dans ${area} ?`,
      `quand les partenaires ${area} ont-ils signé ?`,
    ]),
    ...pairsOf(areas).map(([a, b]) => `qui travaille sur ${a} et ${b} ?`),
    'combien de protocoles d’accord ?',
    'combien d’accords ?',
    'combien de partenaires ?',
    'quels accords n’ont pas de date ?',
    'quel est le premier accord ?',
    'quel est le dernier accord ?',
    'qui n’a jamais signé d’accord ?',
  ];
}

function englishQuestions(): string[] {
  const names = namesOf(context.dataset);
  const areas = context.dataset.topics.map((topic) => topic.label);
  return [
    ...names.flatMap((n) => [
      `when did the WCO sign with ${n}?`,
      `where is ${n} based?`,
      `what does ${n} do?`,
      `is ${n} a partner?`,
      `first agreement with ${n}`,
    ]),
    ...pairsOf(names).map(([a, b]) => `what do ${a} and ${b} both work on?`),
    ...years.flatMap((y) => [`agreements signed in ${y}`, `agreements before ${y}`, `agreements since ${y}`]),
    ...decades.map((d) => `agreements in the ${d}s`),
    ...areas.flatMap((area) => [`who works on ${area}?`, `when did the ${area} partners sign?`]),
    ...pairsOf(areas).map(([a, b]) => `who works on ${a} and ${b}?`),
    'how many MOUs?',
    'how many agreements?',
    'which MOUs are undated?',
    'which partners never signed anything?',
  ];
}

describe.each([
  ['fr', createLocalSession({ locale: 'fr' as Locale }), frenchQuestions()],
  ['en', createLocalSession(), englishQuestions()],
] as const)('in %s', (_language, session, questions) => {
  it(`each of ${questions.length} answers fits one phone screen (600 px at 400 px wide)`, () => {
    const over = questions.flatMap((question) => {
      const height = phoneHeight(messageOf(ask(`/ask question:"${question}"`, session)));
      return height > phoneScreen ? [`${question}: ${height} px`] : [];
    });
    expect(over).toEqual([]);
  });

  it('the check can fail: the same answer with two partner cards under it is too tall', () => {
    const data = messageOf(ask(`/ask question:"${questions[0]}"`, session));
    const partner = messageOf(ask(`/partner who:${context.dataset.partners[0]?.id}`, session));
    expect(
      phoneHeight({ ...data, embeds: [...(partner.embeds ?? []), ...(partner.embeds ?? [])] }),
    ).toBeGreaterThan(phoneScreen);
  });
});
