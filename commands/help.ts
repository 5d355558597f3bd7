import type { APIEmbed } from 'discord-api-types/v10';
import { cardColours, withSourceLanguage } from '../src/cards/style.js';
import { latestAgreement } from '../src/data/agreements.js';
import type { Dataset } from '../src/data/dataset.js';
import type { PartialDate } from '../src/data/schema.js';
import { type Messages, registered } from '../src/i18n/index.js';
import type { Command } from '../src/toolkit/command.js';
import { reply } from '../src/toolkit/replies.js';

/** A date to the month at most ("April 2012"): enough to say how current the data is. */
const toMonth = (date: PartialDate, t: Messages) => t.date(date.slice(0, 7));

/** One phone screen: what to type first, asking in plain words, the other commands, where the data is from. */
function helpCard(dataset: Dataset, t: Messages): APIEmbed {
  const latest = latestAgreement(dataset);
  return {
    title: t.helpTitle,
    description: t.helpText(t.askExamples),
    color: cardColours.help,
    footer: {
      text: withSourceLanguage(
        t.helpFooter(
          dataset.source.title,
          toMonth(dataset.source.retrieved.date, t),
          latest?.agreement.date ? toMonth(latest.agreement.date, t) : t.date(null),
        ),
        t,
      ),
    },
  };
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
