import type { APIEmbed } from 'discord-api-types/v10';
import { deepFreeze } from '../src/cards/limits.js';
import { cardColours, sourceFooter } from '../src/cards/style.js';
import type { Dataset } from '../src/data/dataset.js';
import type { Command } from '../src/interactions/command.js';
import { reply } from '../src/interactions/replies.js';

const helpCards = new WeakMap<Dataset, APIEmbed>();

/** The help card: built once per dataset (it never changes), frozen. */
function helpCard(dataset: Dataset): APIEmbed {
  let card = helpCards.get(dataset);
  if (!card) {
    const agreements = dataset.partners.reduce((sum, partner) => sum + partner.agreements.length, 0);
    card = deepFreeze<APIEmbed>({
      title: 'WCO partner bot',
      description: [
        `Who the World Customs Organization works with: ${dataset.partners.length} partner organisations, ${agreements} signed agreements and ${dataset.topics.length} focus areas.`,
        '',
        '**/partner** `who:` name, acronym or subject: a partner’s card with its agreements, focus areas and programmes.',
        'Example: `/partner who:interpol` · `/partner who:money laundering` · add `private:True` to see it alone.',
        '',
        '**/mou** `year:` the agreements signed in a year, or the whole timeline without a year.',
        'Example: `/mou year:2003` · `/mou`',
        '',
        '**/topic** `area:` the partners working in a focus area, with what each one does there.',
        'Example: `/topic area:cultural-property` · `/topic area:drugs`',
        '',
        '**Where the data comes from**',
        `Every fact is taken from the document “${dataset.source.title}”, with the exact sentences recorded for each record. Flaws in the document were corrected and logged (${dataset.corrections.length} notes). Full names marked † are well-established facts not stated in it.`,
      ].join('\n'),
      // /topic and /partner send people here when nothing matches: list what they can ask for.
      fields: [
        { name: 'Focus areas', value: dataset.topics.map((topic) => `\`${topic.slug}\``).join(' · ') },
        {
          name: 'Partners',
          value: dataset.partners.map((partner) => partner.acronym ?? partner.name).join(' · '),
        },
      ],
      color: cardColours.help,
      footer: { text: sourceFooter(dataset.source.title) },
    });
    helpCards.set(dataset, card);
  }
  return card;
}

export const help = {
  data: {
    name: 'help',
    description: 'What this bot does, with an example for each command.',
  },

  execute(_interaction, { dataset }) {
    return reply({ embeds: [helpCard(dataset)] }, { ephemeral: true });
  },
} satisfies Command;
