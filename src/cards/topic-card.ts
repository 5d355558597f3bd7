import type { APIEmbed } from 'discord-api-types/v10';
import type { Dataset } from '../data/dataset.js';
import type { Partner, Topic } from '../data/schema.js';
import { shortName } from './partner-card.js';
import { cardColours, sourceFooter } from './style.js';

export interface TopicPartner {
  partner: Partner;
  /** One line on what this partner does in the area. */
  note: string;
}

/** The partners working in a focus area, with what each does there, in dataset order. */
export function partnersInTopic(topic: Topic, dataset: Dataset): TopicPartner[] {
  return dataset.partners.flatMap((partner) => {
    const focus = partner.focusAreas.find((area) => area.topic === topic.slug);
    return focus ? [{ partner, note: focus.note }] : [];
  });
}

export function topicCard(topic: Topic, members: readonly TopicPartner[]): APIEmbed {
  const count = members.length === 1 ? '1 partner' : `${members.length} partners`;
  return {
    title: `Focus area: ${topic.label}`,
    description: `${topic.description}\n${count} of the WCO work in this area:\n\n${members
      .map(({ partner, note }) => `• **${shortName(partner)}**: ${note}`)
      .join('\n')}`,
    color: cardColours.topic,
    footer: { text: sourceFooter },
  };
}
