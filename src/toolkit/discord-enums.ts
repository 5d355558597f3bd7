/**
 * The few Discord enum values the handlers and the HTTP endpoint use at run time, without loading
 * discord-api-types at run time: even its `payloads/v10` entry costs ~100 ms of CPU at start-up (it is
 * CommonJS, ~40 files, all parsed for their exports), and the HTTP endpoint must start fast.
 *
 * Not a copy that can drift: each object is typed as the matching members of discord-api-types' own enum,
 * and TypeScript accepts a number there only if it is that member's value, so a wrong or changed value does
 * not compile. A member not listed here does not compile either: add it here, with its value.
 */
import type * as Discord from 'discord-api-types/payloads/v10';

export const InteractionType: Readonly<
  Pick<
    typeof Discord.InteractionType,
    'Ping' | 'ApplicationCommand' | 'MessageComponent' | 'ApplicationCommandAutocomplete' | 'ModalSubmit'
  >
> = Object.freeze({
  Ping: 1,
  ApplicationCommand: 2,
  MessageComponent: 3,
  ApplicationCommandAutocomplete: 4,
  ModalSubmit: 5,
});

export const InteractionResponseType: Readonly<
  Pick<
    typeof Discord.InteractionResponseType,
    | 'Pong'
    | 'ChannelMessageWithSource'
    | 'DeferredChannelMessageWithSource'
    | 'UpdateMessage'
    | 'ApplicationCommandAutocompleteResult'
  >
> = Object.freeze({
  Pong: 1,
  ChannelMessageWithSource: 4,
  DeferredChannelMessageWithSource: 5,
  UpdateMessage: 7,
  ApplicationCommandAutocompleteResult: 8,
});

export const ApplicationCommandType: Readonly<
  Pick<typeof Discord.ApplicationCommandType, 'ChatInput' | 'Message'>
> = Object.freeze({ ChatInput: 1, Message: 3 });

export const ApplicationCommandOptionType: Readonly<
  Pick<typeof Discord.ApplicationCommandOptionType, 'String' | 'Integer' | 'Boolean'>
> = Object.freeze({ String: 3, Integer: 4, Boolean: 5 });

export const MessageFlags: Readonly<Pick<typeof Discord.MessageFlags, 'Ephemeral'>> = Object.freeze({
  Ephemeral: 64,
});

export const ComponentType: Readonly<
  Pick<typeof Discord.ComponentType, 'ActionRow' | 'Button' | 'StringSelect'>
> = Object.freeze({ ActionRow: 1, Button: 2, StringSelect: 3 });

export const ButtonStyle: Readonly<Pick<typeof Discord.ButtonStyle, 'Secondary'>> = Object.freeze({
  Secondary: 2,
});
