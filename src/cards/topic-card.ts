import type { APIEmbed } from 'discord-api-types/v10';
import type { Dataset } from '../data/dataset.js';
import type { Partner, Topic } from '../data/schema.js';
import { en, type Messages, PerCatalogue } from '../i18n/index.js';
import { deepFreeze } from './limits.js';
import { shortName } from './partner-card.js';
import { cardColours, sourceFooterFor } from './style.js';

export interface TopicPartner {
  partner: Partner;
  /** One line on what this partner does in the area. */
  note: string;
  /** The sentence of the source the line rests on. */
  source: string;
}

const topicMembers = new WeakMap<Topic, { dataset: Dataset; members: readonly TopicPartner[] }>();
const topicCards = new PerCatalogue<readonly TopicPartner[], { topic: Topic; card: APIEmbed }>();

/**
 * The partners working in a focus area, with what each does there, in dataset order. Computed once per topic
 * (the dataset never changes); the list is frozen.
 */
export function partnersInTopic(topic: Topic, dataset: Dataset): readonly TopicPartner[] {
  const cached = topicMembers.get(topic);
  if (cached?.dataset === dataset) return cached.members;
  const members = Object.freeze(
    dataset.partners.flatMap((partner) => {
      const focus = partner.focusAreas.find((area) => area.topic === topic.slug);
      return focus ? [Object.freeze({ partner, note: focus.note, source: focus.source })] : [];
    }),
  );
  topicMembers.set(topic, { dataset, members });
  return members;
}

/** The card of a focus area; built once per member list (see partnersInTopic), then the same frozen object. */
export function topicCard(
  topic: Topic,
  members: readonly TopicPartner[],
  dataset: Dataset,
  t: Messages = en,
): APIEmbed {
  const cached = topicCards.of(t).get(members);
  if (cached?.topic === topic) return cached.card;
  const card = deepFreeze(buildTopicCard(topic, members, dataset, t));
  topicCards.of(t).set(members, { topic, card });
  return card;
}

function buildTopicCard(
  topic: Topic,
  members: readonly TopicPartner[],
  dataset: Dataset,
  t: Messages,
): APIEmbed {
  return {
    title: t.topicTitle(topic.label),
    description: `${topic.description}\n${t.topicCount(members.length)}\n\n${members
      .map(({ partner, note }) => `• ${t.colon(`**${shortName(partner)}**`, note)}`)
      .join('\n')}`,
    color: cardColours.topic,
    footer: {
      text: sourceFooterFor(
        dataset.source.title,
        members.map((member) => member.source),
        t,
      ),
    },
  };
}
