import type { APIEmbed } from 'discord-api-types/v10';
import { deepFreeze } from '../src/cards/limits.js';
import { cardColours, sourceFooter } from '../src/cards/style.js';
import type { Dataset } from '../src/data/dataset.js';
import { type Messages, PerCatalogue, registered } from '../src/i18n/index.js';
import type { Command } from '../src/toolkit/command.js';
import { reply } from '../src/toolkit/replies.js';

const helpCards = new PerCatalogue<Dataset, APIEmbed>();

/** The help card: built once per dataset (it never changes) and language, frozen. */
function helpCard(dataset: Dataset, t: Messages): APIEmbed {
  let card = helpCards.of(t).get(dataset);
  if (!card) {
    const agreements = dataset.partners.reduce((sum, partner) => sum + partner.agreements.length, 0);
    card = deepFreeze<APIEmbed>({
      title: t.helpTitle,
      description: t.helpDescription(
        dataset.partners.length,
        agreements,
        dataset.topics.length,
        dataset.source.title,
        dataset.corrections.length,
      ),
      // /topic and /partner send people here when nothing matches: list what they can ask for.
      fields: [
        { name: t.helpFocusAreas, value: dataset.topics.map((topic) => `\`${topic.slug}\``).join(' · ') },
        {
          name: t.helpPartners,
          value: dataset.partners.map((partner) => partner.acronym ?? partner.name).join(' · '),
        },
      ],
      color: cardColours.help,
      footer: { text: sourceFooter(dataset.source.title, t) },
    });
    helpCards.of(t).set(dataset, card);
  }
  return card;
}

export const help = {
  data: {
    ...registered('name', (t) => t.commands.help.name),
    ...registered('description', (t) => t.commands.help.description),
  },

  execute(_interaction, { dataset, t }) {
    return reply({ embeds: [helpCard(dataset, t)] }, { ephemeral: true });
  },
} satisfies Command;
