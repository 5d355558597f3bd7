import type {
  APIButtonComponentWithCustomId,
  APIInteraction,
  APIInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import type { Partner } from '../data/schema.js';
import { en, type Messages } from '../i18n/index.js';
import { decodeCustomId, encodeCustomId } from '../toolkit/custom-id.js';
import { ComponentType } from '../toolkit/discord-enums.js';
import { button } from './menus.js';

/** The custom_id namespace of the buttons every partner card carries (routed in commands/index.ts). */
export const cardActionsKey = 'card';

/** The buttons under a partner card: "Sources" (answered privately to whoever clicks). */
export function cardButtons(
  partner: Partner,
  ownerId: string,
  t: Messages = en,
): APIButtonComponentWithCustomId[] {
  return [button(encodeCustomId(cardActionsKey, 'sources', ownerId, partner.id, 0), t.sourcesButton)];
}

/** Private channels (DMs with the bot) have no one to share with; group DMs do. */
function isDirectMessage(interaction: APIInteraction): boolean {
  return interaction.guild_id === undefined && interaction.context !== 2;
}

/**
 * A private answer with a partner card gets a "Share in channel" button next to its "Sources" button
 * (whoever clicks it is named on the public copy). Applied by the router to every private answer, so
 * `private:true` replies and colleagues' private copies alike carry it; not in DMs.
 */
export function withShareButton(
  data: APIInteractionResponseCallbackData,
  interaction: APIInteraction,
  t: Messages = en,
): APIInteractionResponseCallbackData {
  if (isDirectMessage(interaction) || !data.components) return data;
  const components = data.components.map((row) => {
    if (!('components' in row) || row.components.length >= 5) return row;
    const sources = row.components
      .map((component) => ('custom_id' in component ? decodeCustomId(component.custom_id) : null))
      .find((decoded) => decoded?.command === cardActionsKey && decoded.action === 'sources');
    const partnerId = sources?.args[0];
    if (
      !sources ||
      !partnerId ||
      row.components.some((c) => 'custom_id' in c && c.custom_id.includes(':share:'))
    )
      return row;
    const share = button(encodeCustomId(cardActionsKey, 'share', sources.ownerId, partnerId), t.shareButton);
    return { ...row, type: ComponentType.ActionRow, components: [...row.components, share] };
  });
  return { ...data, components: components as typeof data.components };
}
