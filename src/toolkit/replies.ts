import type {
  APIInteractionResponseCallbackData,
  APIInteractionResponseChannelMessageWithSource,
  APIInteractionResponseUpdateMessage,
} from 'discord-api-types/v10';
import { en } from '../i18n/index.js';
import { InteractionResponseType, MessageFlags } from './discord-enums.js';

/** A new message in the channel; `ephemeral` shows it to the invoking user only. */
export function reply(
  data: APIInteractionResponseCallbackData,
  { ephemeral = false }: { ephemeral?: boolean } = {},
): APIInteractionResponseChannelMessageWithSource {
  return {
    type: InteractionResponseType.ChannelMessageWithSource,
    data: ephemeral ? { ...data, flags: (data.flags ?? 0) | MessageFlags.Ephemeral } : data,
  };
}

/** A short text only the user sees: errors, "no match", wrong input. */
export function notice(content: string): APIInteractionResponseChannelMessageWithSource {
  return reply({ content }, { ephemeral: true });
}

/**
 * Replaces the message the clicked component is on. Discord keeps every field an update leaves out, so a card
 * replacing "No partner matches…" must say `content: ""` or the old text stays above it.
 */
export function updateMessage(data: APIInteractionResponseCallbackData): APIInteractionResponseUpdateMessage {
  return { type: InteractionResponseType.UpdateMessage, data: { content: '', ...data } };
}

/** The English apology (handle.ts answers in the reader's language: `t.apology`). */
export const apology = en.apology;
