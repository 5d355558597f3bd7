import type {
  APIApplicationCommandAutocompleteInteraction,
  APIApplicationCommandAutocompleteResponse,
  APIApplicationCommandInteraction,
  APIApplicationCommandOptionChoice,
  APIChatInputApplicationCommandInteraction,
  APIInteraction,
  APIInteractionResponse,
  APIMessageApplicationCommandInteraction,
  APIMessageComponentInteraction,
} from 'discord-api-types/v10';
import { withShareButton } from '../cards/card-buttons.js';
import { discordLimits, fitMessage, truncate } from '../cards/limits.js';
import { quoteUserText } from '../cards/style.js';
import { catalogueOf, type Messages } from '../i18n/index.js';
import type { BotContext } from '../toolkit/command.js';
import { decodeCustomId } from '../toolkit/custom-id.js';
import {
  ApplicationCommandType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
} from '../toolkit/discord-enums.js';
import { notice } from '../toolkit/replies.js';
import { contextFor } from './locale-context.js';

/** Called with any error a handler throws; transports log it. Handlers never let one escape. */
export type ErrorReporter = (error: unknown, interaction: APIInteraction) => void;

/**
 * Answers any interaction with the response to send back. Pure and synchronous: the same function serves
 * the gateway, the HTTP endpoint and the playground. Never throws; every message it returns fits Discord's
 * limits and pings no one.
 */
export function handleInteraction(
  interaction: APIInteraction,
  context: BotContext,
  reportError: ErrorReporter = () => {},
): APIInteractionResponse {
  let response: APIInteractionResponse;
  const t = catalogueOf(interaction);
  try {
    response = route(interaction, contextFor(context, t));
  } catch (error) {
    reportError(error, interaction);
    response =
      interaction.type === InteractionType.ApplicationCommandAutocomplete
        ? { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } }
        : notice(t.apology);
  }
  return finalize(response, interaction, t);
}

function route(interaction: APIInteraction, context: BotContext): APIInteractionResponse {
  switch (interaction.type) {
    case InteractionType.Ping:
      return { type: InteractionResponseType.Pong };
    case InteractionType.ApplicationCommand:
      return runCommand(interaction, context);
    case InteractionType.ApplicationCommandAutocomplete:
      return runAutocomplete(interaction, context);
    case InteractionType.MessageComponent:
      return runComponent(interaction, context);
    default:
      return notice(context.t.onlyCommands);
  }
}

function runCommand(
  interaction: APIApplicationCommandInteraction,
  context: BotContext,
): APIInteractionResponse {
  const type = interaction.data.type ?? ApplicationCommandType.ChatInput;
  if (type === ApplicationCommandType.Message) {
    const messageCommand = context.commands.messageCommandsByName.get(interaction.data.name);
    if (messageCommand)
      return messageCommand.execute(interaction as APIMessageApplicationCommandInteraction, context);
  }
  const command = context.commands.commandsByName.get(interaction.data.name);
  if (!command || type !== ApplicationCommandType.ChatInput) {
    const name =
      typeof interaction.data.name === 'string' ? `\`/${quoteUserText(interaction.data.name, 32)}\`` : 'that';
    return notice(context.t.unknownCommand(name));
  }
  return command.execute(interaction as APIChatInputApplicationCommandInteraction, context);
}

function runAutocomplete(
  interaction: APIApplicationCommandAutocompleteInteraction,
  context: BotContext,
): APIApplicationCommandAutocompleteResponse {
  const command = context.commands.commandsByName.get(interaction.data.name);
  const result = command?.autocomplete?.(interaction, context);
  const choices = (result?.data.choices ?? []).slice(0, discordLimits.autocompleteChoices).map(fitChoice);
  return { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } };
}

type Choice = APIApplicationCommandOptionChoice;

function fitChoice(choice: Choice): Choice {
  return {
    ...choice,
    name: truncate(choice.name, discordLimits.choiceName) || '…',
    value: typeof choice.value === 'string' ? choice.value.slice(0, discordLimits.choiceValue) : choice.value,
  } as Choice;
}

function runComponent(
  interaction: APIMessageComponentInteraction,
  context: BotContext,
): APIInteractionResponse {
  const decoded = decodeCustomId(interaction.data.custom_id);
  const components = decoded && context.commands.componentHandlersByName.get(decoded.command);
  // Own properties only: a forged action such as "constructor" or "__proto__" must not reach Object.prototype.
  const handler =
    components && Object.hasOwn(components, decoded.action) ? components[decoded.action] : undefined;
  if (!decoded || !handler) {
    return notice(context.t.componentExpired);
  }
  return handler(
    { interaction, action: decoded.action, args: decoded.args, ownerId: decoded.ownerId },
    context,
  );
}

function finalize(
  response: APIInteractionResponse,
  interaction: APIInteraction,
  t: Messages,
): APIInteractionResponse {
  if (
    (response.type === InteractionResponseType.ChannelMessageWithSource ||
      response.type === InteractionResponseType.UpdateMessage) &&
    response.data
  ) {
    const data = isPrivate(response, interaction)
      ? withShareButton(response.data, interaction, t)
      : response.data;
    return { ...response, data: fitMessage(data) };
  }
  return response;
}

/** A new ephemeral message, or an update of one (an update keeps the flags of the message it changes). */
function isPrivate(response: APIInteractionResponse, interaction: APIInteraction): boolean {
  const ephemeral = (flags: unknown) => typeof flags === 'number' && (flags & MessageFlags.Ephemeral) !== 0;
  if (response.type === InteractionResponseType.UpdateMessage) {
    return interaction.type === InteractionType.MessageComponent && ephemeral(interaction.message?.flags);
  }
  return (
    response.type === InteractionResponseType.ChannelMessageWithSource && ephemeral(response.data?.flags)
  );
}
