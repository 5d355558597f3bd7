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

/**
 * `card:<slug>` when /topic opens a card; else what the reply says (`several` areas, or `unknown` and the closest
 * ones) and the slugs its menu offers, sorted. The menu must label each area in the reader's language.
 */
function topicAnswer(area: string, language: keyof typeof languages): string | [string, string[]] {
  const { session, dataset, t } = languages[language];
  const data = messageOf(ask(`/topic area:"${area}"`, session));
  const title = data.embeds?.[0]?.title;
  if (title) return `card:${dataset.topics.find((topic) => t.topicTitle(topic.label) === title)?.slug}`;
  const options = (data.components ?? []).flatMap((row) =>
    'components' in row ? row.components.flatMap((c) => ('options' in c ? c.options : [])) : [],
  );
  expect(options.map((option) => option.label)).toEqual(
    options.map((option) => dataset.topicBySlug.get(option.value)?.label),
  );
  const count = options.length;
  const kind =
    data.content === t.topicsSharingWord(area, count)
      ? 'several'
      : data.content === `${t.noTopic(area)}${t.closestTopics(count)}`
        ? 'unknown'
        : `unexpected: ${data.content}`;
  return [kind, options.map((option) => option.value).sort()];
}

const smuggled = ['drugs', 'nuclear-and-radioactive-material', 'organized-crime', 'small-arms', 'tobacco'];
const trafficked = [
  'cultural-property',
  'drugs',
  'nuclear-and-radioactive-material',
  'precursor-chemicals',
  'small-arms',
  'wildlife',
];

describe('/topic', () => {
  it.each([
    // One area: its label, slug or a synonym in full, or a word of its names alone
    ['en', 'drugs', 'card:drugs'],
    ['en', 'drug', 'card:drugs'],
    ['en', 'health', 'card:public-health'],
    ['en', 'API', 'card:aviation'],
    ['en', 'IP', 'card:intellectual-property'],
    ['en', 'diversion', 'card:precursor-chemicals'],
    ['en', 'chemical weapons', 'card:chemical-weapons'],
    ['en', 'IPR', 'card:intellectual-property'],
    ['en', 'counterfeit', 'card:intellectual-property'],
    ['en', 'security', 'card:supply-chain-security'],
    ['fr', 'drogues', 'card:drugs'],
    ['fr', 'stupéfiants', 'card:drugs'],
    ['fr', 'biens culturels', 'card:cultural-property'],
    ['fr', 'blanchiment d’argent', 'card:money-laundering'],
    ['fr', "blanchiment d'argent", 'card:money-laundering'],
    ['fr', 'chiens détecteurs', 'card:detector-dogs'],
    ['fr', 'chiens detecteurs', 'card:detector-dogs'],
    ['fr', 'santé publique', 'card:public-health'],
    ['fr', 'santé', 'card:public-health'],
    ['fr', 'armes chimiques', 'card:chemical-weapons'],
    ['fr', 'couche d’ozone', 'card:ozone-depleting-substances'],
    ['fr', 'détournement', 'card:precursor-chemicals'],
    ['fr', 'contrefaçon', 'card:intellectual-property'],
    // The English words still work for a French reader.
    ['fr', 'money laundering', 'card:money-laundering'],
    ['fr', 'drugs', 'card:drugs'],
    // A word that fits several areas leads to each of them, said so in words.
    ['en', 'weapons', ['several', ['chemical-weapons', 'small-arms']]],
    ['en', 'training', ['several', ['capacity-building', 'detector-dogs']]],
    ['en', 'synthetic drugs', ['several', ['drugs', 'precursor-chemicals']]],
    ['en', 'smuggling', ['several', smuggled]],
    ['en', 'trafficking', ['several', trafficked]],
    ['en', 'crime', ['several', ['environment', 'money-laundering', 'organized-crime']]],
    ['fr', 'armes', ['several', ['chemical-weapons', 'small-arms']]],
    ['fr', 'formation', ['several', ['capacity-building', 'detector-dogs']]],
    ['fr', 'drogues de synthèse', ['several', ['drugs', 'precursor-chemicals']]],
    ['fr', 'contrebande', ['several', smuggled]],
    ['fr', 'trafic', ['several', trafficked]],
    ['fr', 'smuggling', ['several', smuggled]],
    // Only a word no area's names hold is unknown: "did you mean" the closest.
    ['en', 'security council', ['unknown', ['supply-chain-security', 'terrorism']]],
    ['en', 'maritime piracy', ['unknown', ['intellectual-property']]],
    ['en', 'smuggl', ['unknown', smuggled]],
    ['en', 'qqqqzzzz', ['unknown', []]],
    ['fr', 'conseil de sécurité', ['unknown', ['supply-chain-security', 'terrorism']]],
    ['fr', 'qqqqzzzz', ['unknown', []]],
  ] as const)('%s: %j → %j', (language, area, expected) => {
    expect(topicAnswer(area, language)).toEqual(expected);
  });

  it('names areas in menus only, never by slug in the text', () => {
    for (const [language, area] of [
      ['en', 'smuggling'],
      ['en', 'security council'],
      ['fr', 'contrebande'],
      ['fr', 'conseil de sécurité'],
    ] as const) {
      const content = messageOf(ask(`/topic area:"${area}"`, languages[language].session)).content ?? '';
      for (const { slug } of context.dataset.topics) expect(content).not.toContain(slug);
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
    ['fr', 'Saisie de contrefaçon de médicaments au port', ['public-health']],
    ['fr', 'Saisie de contrefaçons de montres', ['intellectual-property']],
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
