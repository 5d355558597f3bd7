import type { APIEmbed } from 'discord-api-types/v10';
import type { Dataset } from '../data/dataset.js';
import type { Partner, Topic } from '../data/schema.js';
import { en, type Messages } from '../i18n/index.js';
import { shortName } from './partner-card.js';
import { cardColours, sourceFooter } from './style.js';

export interface TopicPartner {
  partner: Partner;
  /** One line on what this partner does in the area. */
  note: string;
  /** The sentence of the source the line rests on. */
  source: string;
}

/** The partners working in a focus area, with what each does there, in dataset order. */
export function partnersInTopic(topic: Topic, dataset: Dataset): TopicPartner[] {
  return dataset.partners.flatMap((partner) => {
    const focus = partner.focusAreas.find((area) => area.topic === topic.slug);
    return focus ? [{ partner, note: focus.note, source: focus.source }] : [];
  });
}

/** The card of a focus area: what it covers, then one line per partner on what it does there. */
export function topicCard(
  topic: Topic,
  members: readonly TopicPartner[],
  dataset: Dataset,
  t: Messages = en,
): APIEmbed {
  return {
    title: t.topicTitle(topic.label),
    description: `${topic.description}\n\n${members
      .map(({ partner, note }) => `• ${t.colon(`**${shortName(partner)}**`, note)}`)
      .join('\n')}`,
    color: cardColours.topic,
    footer: { text: sourceFooter(dataset.source.title, t) },
  };
}
