/**
 * `/message "text…"` in the playground and `npm run ask`: uses the message command ("WCO partners in this
 * message") on a message holding that text, as Discord sends it when someone picks it in a message's Apps
 * menu. The text may be quoted or bare (the rest of the line).
 */

import {
  type APIChatInputApplicationCommandInteraction,
  type APIMessageApplicationCommandInteraction,
  ApplicationCommandType,
  InteractionType,
} from 'discord-api-types/payloads/v10';
import type { RESTPostAPIContextMenuApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { messageCommands } from '../../../commands/index.js';
import { catalogueFor } from '../../i18n/index.js';
import { optionsOf } from '../payloads.js';
import {
  buildBotMessage,
  buildChatInputInteraction,
  type CommandSpec,
  createLocalSession,
  interactionBase,
  isNamed,
  type LocalSession,
  parseCommandLine,
  snowflake,
} from './parse-command-line.js';

export type LineResult =
  | {
      ok: true;
      interaction: APIChatInputApplicationCommandInteraction | APIMessageApplicationCommandInteraction;
    }
  | { ok: false; error: string };

/** The text of a `/message …` line: quotes around it removed, if it has them. */
export function messageLineText(line: string): string {
  const rest = line.trim().replace(/^\/?message(?:\s+|$)/iu, '');
  const quoted = /^(["“'‘])([\s\S]*?)(["”'’])?$/u.exec(rest);
  return (quoted ? quoted[2] : rest) ?? '';
}

/** The interaction Discord sends when `session`'s user picks the message command on a message of `text`. */
export function buildMessageCommandInteraction(
  command: { data: RESTPostAPIContextMenuApplicationCommandsJSONBody },
  text: string,
  session: LocalSession,
): APIMessageApplicationCommandInteraction {
  const author = {
    ...session.user,
    id: '1290000000000000099',
    username: 'colleague',
    global_name: 'A colleague',
  };
  const target = {
    ...buildBotMessage({ content: text }, session),
    author,
    webhook_id: undefined,
    application_id: undefined,
  };
  return {
    ...interactionBase(session),
    type: InteractionType.ApplicationCommand,
    data: {
      id: snowflake(),
      name: command.data.name,
      type: ApplicationCommandType.Message,
      target_id: target.id,
      resolved: { messages: { [target.id]: target } },
    },
  } as APIMessageApplicationCommandInteraction;
}

/** A `/message …` line as the interaction of the (first) message command, or what is wrong with it. */
function parseMessageLine(line: string, session: LocalSession): LineResult {
  const [command] = messageCommands;
  const text = messageLineText(line).trim();
  const t = catalogueFor(session.locale).playground;
  if (!command) return { ok: false, error: t.noMessageCommand };
  if (!text) return { ok: false, error: t.giveMessageText };
  return { ok: true, interaction: buildMessageCommandInteraction(command, text, session) };
}

/**
 * A line written as words, not as a command: no leading slash, its first word no command's name and no
 * `option:value` in it ("who trains sniffer dogs?"). It is asked of /ask, as a message in a DM with the bot is.
 */
function isQuestion(line: string, commands: readonly CommandSpec[]): boolean {
  const [first = ''] = line.trim().split(/\s+/);
  if (!first || first.startsWith('/') || /\S:\S/u.test(line)) return false;
  return !commands.some((command) => isNamed(command.data, first));
}

/** Any line the playground and `npm run ask` take: `/message …`, a question in words, or a slash command. */
export function parseLine(
  line: string,
  commands: readonly CommandSpec[],
  session: LocalSession = createLocalSession(),
): LineResult {
  if (/^\s*\/?message(?:\s|$)/iu.test(line)) return parseMessageLine(line, session);
  const ask = commands.find((command) => command.data.name === 'ask');
  if (ask && isQuestion(line, commands)) {
    const question = optionsOf({ question: line.trim() });
    return { ok: true, interaction: buildChatInputInteraction(ask, question, session) };
  }
  return parseCommandLine(line, commands, session);
}
