/**
 * What a typed subject leads to (issue 24): /topic opens the one focus area a word names, offers every area a
 * word fits when it fits several, and the message finder tags a chat message only with the areas its words
 * name; in English and, through the French view of the data, in French.
 */
import type { Locale } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../src/data/dataset.js';
import { frenchDataset } from '../src/data/localized.js';
import { en, fr, type Messages } from '../src/i18n/index.js';
import { createMentionFinder } from '../src/mentions/find-mentions.js';
import { createLocalSession } from '../src/transports/local/parse-command-line.js';
import { ask, context, messageOf } from './helpers/bot.js';

const french = createLocalSession({ locale: 'fr' as Locale });
const languages = {
  en: { session: undefined, dataset: context.dataset, t: en },
  fr: { session: french, dataset: frenchDataset(context.dataset), t: fr },
} satisfies Record<string, { session: unknown; dataset: Dataset; t: Messages }>;

/** `card:<slug>` when /topic opens a card, else the slugs its menu offers, sorted. */
function topicAnswer(area: string, language: keyof typeof languages): string | string[] {
  const { session, dataset, t } = languages[language];
  const data = messageOf(ask(`/topic area:"${area}"`, session));
  const title = data.embeds?.[0]?.title;
  if (title) return `card:${dataset.topics.find((topic) => t.topicTitle(topic.label) === title)?.slug}`;
  return (data.components ?? [])
    .flatMap((row) =>
      'components' in row
        ? row.components.flatMap((c) => ('options' in c ? c.options.map((o) => o.value) : []))
        : [],
    )
    .sort();
}

describe('/topic', () => {
  it.each([
    // One area
    ['en', 'drugs', 'card:drugs'],
    ['en', 'health', 'card:public-health'],
    ['en', 'API', 'card:aviation'],
    ['en', 'diversion', 'card:precursor-chemicals'],
    ['en', 'chemical weapons', 'card:chemical-weapons'],
    ['en', 'IPR', 'card:intellectual-property'],
    ['fr', 'drogues', 'card:drugs'],
    ['fr', 'stupéfiants', 'card:drugs'],
    ['fr', 'biens culturels', 'card:cultural-property'],
    ['fr', 'blanchiment d’argent', 'card:money-laundering'],
    ['fr', "blanchiment d'argent", 'card:money-laundering'],
    ['fr', 'chiens détecteurs', 'card:detector-dogs'],
    ['fr', 'chiens detecteurs', 'card:detector-dogs'],
    ['fr', 'santé publique', 'card:public-health'],
    ['fr', 'armes chimiques', 'card:chemical-weapons'],
    ['fr', 'couche d’ozone', 'card:ozone-depleting-substances'],
    // The English words still work for a French reader.
    ['fr', 'money laundering', 'card:money-laundering'],
    // A word that fits several areas leads to each of them.
    ['en', 'weapons', ['chemical-weapons', 'small-arms']],
    ['en', 'training', ['capacity-building', 'detector-dogs']],
    ['en', 'synthetic drugs', ['drugs', 'precursor-chemicals']],
    [
      'en',
      'smuggling',
      ['drugs', 'nuclear-and-radioactive-material', 'organized-crime', 'small-arms', 'tobacco'],
    ],
    ['fr', 'armes', ['chemical-weapons', 'small-arms']],
    ['fr', 'formation', ['capacity-building', 'detector-dogs']],
    ['fr', 'drogues de synthèse', ['drugs', 'precursor-chemicals']],
  ] as const)('%s: %j → %j', (language, area, expected) => {
    expect(topicAnswer(area, language)).toEqual(expected);
  });

  it('says in words that a word names several areas (not that none is called so)', () => {
    for (const [language, area] of [
      ['en', 'weapons'],
      ['fr', 'armes'],
    ] as const) {
      const { session, t } = languages[language];
      expect(messageOf(ask(`/topic area:${area}`, session)).content).toBe(t.topicsSharingWord(area));
    }
  });
});

describe('the message finder', () => {
  it.each([
    ['en', 'Two crews reported maritime piracy off the coast last week.', []],
    ['en', 'Seizure of counterfeit medicines in a parcel', ['public-health']],
    ['en', 'Seizure of counterfeit watches', ['intellectual-property']],
    ['en', 'New report on synthetic drugs', ['drugs', 'precursor-chemicals']],
    ['en', 'Workshop on weapons detection', ['chemical-weapons', 'small-arms']],
    ['en', 'Workshop on chemical weapons detection', ['chemical-weapons']],
    ['en', 'Health and safety briefing at nine', []],
    ['en', 'The IP address of the server changed', []],
    ['en', 'Our API is down again', []],
    ['en', 'Traffic diversion on the ring road', []],
    ['en', 'The security council meets on Monday', []],
    ['en', 'Arrests for cigarette smuggling at the border', ['tobacco']],
    ['fr', 'Saisie de stupéfiants au port du Havre', ['drugs']],
    [
      'fr',
      'Atelier sur le blanchiment d’argent et les biens culturels',
      ['cultural-property', 'money-laundering'],
    ],
    ['fr', 'Les chiens détecteurs arrivent demain', ['detector-dogs']],
  ] as const)('%s: %j → %j', (language, message, expected) => {
    const finder = createMentionFinder(languages[language].dataset);
    expect(
      finder
        .find(message)
        .topics.map((mention) => mention.topic.slug)
        .sort(),
    ).toEqual(expected);
  });
});
