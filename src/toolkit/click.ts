import type { APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import type { ComponentClick, ComponentResponse } from './command.js';
import { decodeCustomId, encodeCustomId } from './custom-id.js';
import { invokerId } from './invoker.js';
import { reply, updateMessage } from './replies.js';

/**
 * The person who ran the command changes the shared message in place; anyone else clicking it gets their
 * own ephemeral copy, so one reader cannot flip the page under the rest of the team. The copy's buttons and
 * menus name the colleague as owner, so their next clicks update that copy instead of posting another.
 */
export function answerClick(
  click: ComponentClick,
  data: APIInteractionResponseCallbackData,
): ComponentResponse {
  const clicker = invokerId(click.interaction);
  return clicker === click.ownerId
    ? updateMessage(data)
    : reply(ownedBy(data, click.ownerId, clicker), { ephemeral: true });
}

/** The message with every custom_id that names `from` as owner re-issued to `to`. */
function ownedBy(
  data: APIInteractionResponseCallbackData,
  from: string,
  to: string,
): APIInteractionResponseCallbackData {
  const reown = (customId: string) => {
    const decoded = decodeCustomId(customId);
    return decoded?.ownerId === from
      ? encodeCustomId(decoded.command, decoded.action, to, ...decoded.args)
      : customId;
  };
  const components = data.components?.map((row) =>
    'components' in row
      ? {
          ...row,
          components: row.components.map((component) =>
            'custom_id' in component ? { ...component, custom_id: reown(component.custom_id) } : component,
          ),
        }
      : row,
  );
  return components ? { ...data, components: components as typeof data.components } : data;
}

/** The first selected value of a select menu click, if any. */
export function selectedValue(click: ComponentClick): string | undefined {
  const data = click.interaction.data;
  return 'values' in data ? data.values[0] : undefined;
}

/** The values offered by the select menu the click came from (read defensively: it is the client's copy). */
export function menuValues(click: ComponentClick): string[] {
  const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  const field = (value: unknown, key: string): unknown =>
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return asList(click.interaction.message?.components)
    .flatMap((row) => asList(field(row, 'components')))
    .filter((component) => field(component, 'custom_id') === click.interaction.data.custom_id)
    .flatMap((component) => asList(field(component, 'options')).map((option) => field(option, 'value')))
    .filter((value): value is string => typeof value === 'string');
}
