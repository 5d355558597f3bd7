/**
 * Asking by mention and in DMs: a message that @mentions the bot, or any message in a DM with it, is a
 * question for /ask. The message becomes the chat-input interaction /ask would get (its text as `question`,
 * the question's language as `locale`: a message carries none), goes through the same router as every
 * interaction, and the response's message goes back as a reply to the question. Pure: the gateway bot
 * (bot.ts) does the sending.
 *
 * Discord sends a message's content without the privileged MessageContent intent when the message mentions
 * the bot or is in a DM with it, which are exactly the messages read here.
 */
import {
  type APIChatInputApplicationCommandInteraction,
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
  type GatewayMessageCreateDispatchData,
  InteractionResponseType,
  type Locale,
  MessageFlags,
  MessageType,
  type RESTPostAPIChannelMessageJSONBody,
} from 'discord-api-types/v10';
import { catalogueFor } from '../../i18n/index.js';
import { questionLocale } from '../../questions/index.js';
import type { CommandRegistry } from '../../toolkit/command.js';
import { buildChatInputInteraction, optionsOf } from '../payloads.js';

/** The command that answers questions asked in words. */
const askCommandName = 'ask';

/** The message types a person writes. */
const writtenTypes = new Set([MessageType.Default, MessageType.Reply]);

/** Flags a bot may set on a message it posts; the others (ephemeral…) belong to interaction responses. */
const postableFlags =
  MessageFlags.SuppressEmbeds | MessageFlags.SuppressNotifications | MessageFlags.IsComponentsV2;

export type MessageAction =
  | { kind: 'ignore' }
  /** The bot was mentioned with nothing else: a short line on how to ask. */
  | { kind: 'how-to-ask' }
  | { kind: 'ask'; question: string };

/** What to do with a MESSAGE_CREATE, seen by the bot whose user id is `botId`. */
export function readMessage(message: GatewayMessageCreateDispatchData, botId: string): MessageAction {
  // Bots and webhooks (the bot's own replies among them) are never answered: no loops.
  if (message.author?.bot || message.webhook_id || !writtenTypes.has(message.type)) return { kind: 'ignore' };
  const inGuild = message.guild_id !== undefined;
  if (inGuild && !message.mentions?.some((user) => user.id === botId)) return { kind: 'ignore' };
  const question = (message.content ?? '')
    .replaceAll(new RegExp(`<@!?${botId}>`, 'g'), ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return question ? { kind: 'ask', question } : { kind: 'how-to-ask' };
}

/** The /ask interaction the author would have sent with `question`, in the question's language. */
export function askInteraction(
  message: GatewayMessageCreateDispatchData,
  question: string,
  applicationId: string,
  commands: CommandRegistry,
): APIChatInputApplicationCommandInteraction | undefined {
  const command = commands.commandsByName.get(askCommandName);
  if (!command) return undefined;
  const locale = (questionLocale(question) === 'fr' ? 'fr' : 'en-US') as Locale;
  const interaction = buildChatInputInteraction(
    command,
    optionsOf({ question }),
    {
      applicationId,
      user: message.author,
      guildId: message.guild_id ?? null,
      channelId: message.channel_id,
      locale,
    },
    { id: message.id },
  );
  // The member as the message gives it (roles, nick); a message carries no permissions.
  if (message.member && interaction.member) {
    interaction.member = { ...interaction.member, ...message.member, user: message.author };
  }
  return interaction;
}

/** The short line a bare mention gets, in `locale` (the guild's preferred language, English in DMs). */
export function howToAsk(botId: string, locale: string | undefined): APIInteractionResponseCallbackData {
  const t = catalogueFor(locale);
  return { content: t.howToAskByMention(`<@${botId}>`, t.askExamples[0] ?? '') };
}

/**
 * The message to post for a response, as a reply to `message`: the response's message without what only
 * an interaction response can have (ephemeral), pinging no one, not even the author it replies to.
 * Undefined when the response is no message (an autocomplete or a pong, which /ask never gives).
 */
export function replyTo(
  message: GatewayMessageCreateDispatchData,
  data: APIInteractionResponseCallbackData,
): RESTPostAPIChannelMessageJSONBody {
  const { flags, tts: _tts, ...rest } = data;
  return {
    ...rest,
    ...(flags ? { flags: flags & postableFlags } : {}),
    allowed_mentions: { parse: [], replied_user: false },
    message_reference: {
      message_id: message.id,
      channel_id: message.channel_id,
      ...(message.guild_id ? { guild_id: message.guild_id } : {}),
      // The question deleted meanwhile: the answer is posted all the same.
      fail_if_not_exists: false,
    },
  } as RESTPostAPIChannelMessageJSONBody;
}

/** The message of a response that posts one (type 4), or undefined. */
export function messageDataOf(
  response: APIInteractionResponse,
): APIInteractionResponseCallbackData | undefined {
  return response.type === InteractionResponseType.ChannelMessageWithSource ? response.data : undefined;
}
