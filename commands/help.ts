import type { APIEmbed } from 'discord-api-types/v10';
import { cardColours, withSourceLanguage } from '../src/cards/style.js';
import type { Dataset } from '../src/data/dataset.js';
import { type Messages, registered } from '../src/i18n/index.js';
import type { Command } from '../src/toolkit/command.js';
import { reply } from '../src/toolkit/replies.js';

/** The month of the latest dated agreement ("April 2012"), or its year when the source gives no month. */
export function latestAgreement(dataset: Dataset, t: Messages): string {
  const dates = dataset.partners.flatMap((p) => p.agreements.flatMap((a) => (a.date ? [a.date] : [])));
  const latest = dates.sort().at(-1);
  return latest ? t.date(latest.slice(0, 7)) : t.date(null);
}

/** One phone screen: what to type first, asking in plain words, the other commands, where the data is from. */
function helpCard(dataset: Dataset, t: Messages): APIEmbed {
  return {
    title: t.helpTitle,
    description: t.helpText(t.askExamples),
    color: cardColours.help,
    footer: {
      text: withSourceLanguage(t.helpFooter(dataset.source.title, latestAgreement(dataset, t)), t),
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
