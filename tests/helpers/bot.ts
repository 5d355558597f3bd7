import type {
  APIChatInputApplicationCommandInteraction,
  APIInteractionResponse,
  APIInteractionResponseCallbackData,
  APIMessageComponentInteraction,
} from 'discord-api-types/v10';
import { ComponentType } from 'discord-api-types/v10';
import { commands } from '../../commands/index.js';
import { loadBotContext } from '../../src/interactions/create-context.js';
import { handleInteraction } from '../../src/interactions/handle.js';
import type { BotContext } from '../../src/toolkit/command.js';
import {
  buildBotMessage,
  buildComponentInteraction,
  createLocalSession,
  type LocalSession,
  parseCommandLine,
} from '../../src/transports/local/parse-command-line.js';

export const context: BotContext = loadBotContext();
export const owner = createLocalSession();
export const someoneElse = createLocalSession({
  user: {
    id: '1290000000000000077',
    username: 'colleague',
    discriminator: '0',
    global_name: null,
    avatar: null,
  },
});

export function interactionFor(
  line: string,
  session: LocalSession = owner,
): APIChatInputApplicationCommandInteraction {
  const parsed = parseCommandLine(line, commands, session);
  if (!parsed.ok) throw new Error(`test line does not parse: ${line}: ${parsed.error}`);
  return parsed.interaction;
}

/** Runs a command line through the shared router, as every transport does. */
export function ask(line: string, session: LocalSession = owner): APIInteractionResponse {
  return handleInteraction(interactionFor(line, session), context);
}

/** The message of a reply (type 4) or update (type 7); fails the test on anything else. */
export function messageOf(response: APIInteractionResponse): APIInteractionResponseCallbackData {
  if ((response.type !== 4 && response.type !== 7) || !response.data) {
    throw new Error(`expected a message, got response type ${response.type}`);
  }
  return response.data;
}

export interface Clickable {
  customId: string;
  componentType: ComponentType.Button | ComponentType.StringSelect;
  /** For a select: every value it offers. */
  values: string[];
  disabled: boolean;
}

/** The enabled button that turns a paged reply to `page` (not the card menu, whose id also names the page). */
export function pageButton(data: APIInteractionResponseCallbackData, page: number): Clickable | undefined {
  return clickablesOf(data).find(
    (c) => c.customId.split(':')[2] === 'page' && c.customId.endsWith(`:${page}`) && !c.disabled,
  );
}

export function clickablesOf(data: APIInteractionResponseCallbackData): Clickable[] {
  return (data.components ?? []).flatMap((row) =>
    'components' in row
      ? row.components.flatMap((component): Clickable[] => {
          if (component.type === ComponentType.Button && 'custom_id' in component) {
            return [
              {
                customId: component.custom_id,
                componentType: component.type,
                values: [],
                disabled: !!component.disabled,
              },
            ];
          }
          if (component.type === ComponentType.StringSelect) {
            return [
              {
                customId: component.custom_id,
                componentType: component.type,
                values: component.options.map((o) => o.value),
                disabled: false,
              },
            ];
          }
          return [];
        })
      : [],
  );
}

/** Clicks a component of `data` (picking `value` in a select) as `session`, and returns the bot's answer. */
export function click(
  data: APIInteractionResponseCallbackData,
  clickable: Clickable,
  value?: string,
  session: LocalSession = owner,
): APIInteractionResponse {
  const interaction: APIMessageComponentInteraction = buildComponentInteraction(
    {
      message: buildBotMessage(data, owner, { commandName: 'test' }),
      customId: clickable.customId,
      componentType: clickable.componentType,
      values:
        clickable.componentType === ComponentType.StringSelect
          ? [value ?? clickable.values[0] ?? '']
          : undefined,
    },
    session,
  );
  return handleInteraction(interaction, context);
}
