import {
  ApplicationIntegrationType,
  InteractionContextType,
  OAuth2Scopes,
  PermissionFlagsBits,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { commands, messageCommands } from '../../commands/index.js';

/**
 * The JSON Discord registers for every command: installable to servers and to users, usable in servers,
 * in DMs with the bot and in private channels.
 */
export function commandRegistrations(): RESTPostAPIApplicationCommandsJSONBody[] {
  return [...commands, ...messageCommands].map((command) => ({
    ...command.data,
    integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
    contexts: [
      InteractionContextType.Guild,
      InteractionContextType.BotDM,
      InteractionContextType.PrivateChannel,
    ],
  }));
}

/**
 * What the bot needs in a server's channels to answer an @mention with a reply: see the channel, post in it and
 * in its threads, with embeds and the timeline picture, as a reply (which needs the message history). Slash
 * commands and the message menu need none of these.
 */
export const botPermissions =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory;

/** The link that adds the bot and its commands to a server, asking for `botPermissions`. */
export function inviteUrl(applicationId: string): string {
  const query = new URLSearchParams({
    client_id: applicationId,
    scope: [OAuth2Scopes.ApplicationsCommands, OAuth2Scopes.Bot].join(' '),
    permissions: String(botPermissions),
  });
  return `https://discord.com/oauth2/authorize?${query}`;
}

export interface RegistrationChanges {
  added: string[];
  updated: string[];
  removed: string[];
  unchanged: string[];
}

/** The fields of a registered command that a bulk overwrite can change. */
function comparable(command: Record<string, unknown>): string {
  const { name, type, description, options, integration_types, contexts, nsfw } = command;
  return JSON.stringify({
    name,
    name_localizations: command.name_localizations ?? null,
    type: type ?? 1,
    description: description ?? '',
    description_localizations: command.description_localizations ?? null,
    options: options ?? [],
    integration_types: integration_types ?? null,
    contexts: contexts ?? null,
    nsfw: nsfw ?? false,
  });
}

/** What a bulk overwrite with `wanted` changes, compared with what Discord has now. */
export function registrationChanges(
  current: readonly Record<string, unknown>[],
  wanted: readonly RESTPostAPIApplicationCommandsJSONBody[],
): RegistrationChanges {
  const before = new Map(current.map((command) => [String(command.name), comparable(command)]));
  const changes: RegistrationChanges = { added: [], updated: [], removed: [], unchanged: [] };
  for (const command of wanted) {
    const previous = before.get(command.name);
    if (previous === undefined) changes.added.push(command.name);
    else if (previous === comparable(command as unknown as Record<string, unknown>))
      changes.unchanged.push(command.name);
    else changes.updated.push(command.name);
    before.delete(command.name);
  }
  changes.removed.push(...before.keys());
  return changes;
}
