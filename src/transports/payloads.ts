/**
 * Discord payloads built on this side, shaped as Discord sends them: the interactions the playground and
 * `npm run ask` make of a typed line, the /ask interaction the gateway makes of a message that asks the bot,
 * and those the tests and the Discord stand-in send. One module, so they all build the same payloads.
 * Pure apart from fresh ids and tokens.
 */
import { randomBytes } from 'node:crypto';
import {
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIChatInputApplicationCommandInteraction,
  type APIGuildMember,
  type APIGuildTextChannel,
  type APIInteractionGuildMember,
  type APIInteractionResponseCallbackData,
  type APIMessage,
  type APIMessageComponentInteraction,
  type APIUser,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  type ChannelFlags,
  ChannelType,
  type ComponentType,
  type GuildMemberFlags,
  InteractionContextType,
  InteractionType,
  MessageType,
  type UserFlags,
} from 'discord-api-types/payloads/v10';
import type { Locale, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';

/** What a builder needs of a command: its registration JSON. */
export interface CommandSpec {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
}

/** Who acts, and where: the same on every interaction of one playground session or test user. */
export interface LocalSession {
  applicationId: string;
  user: APIUser;
  /** null: a DM with the bot. */
  guildId: string | null;
  channelId: string;
  channelName?: string;
  locale: Locale;
}

const discordEpoch = 1_420_070_400_000n;
let sequence = 0n;

/** A fresh snowflake with the time in it, as Discord makes them. */
export function snowflake(timestampMs: number = Date.now()): string {
  sequence = (sequence + 1n) & 0xfffn;
  return (((BigInt(timestampMs) - discordEpoch) << 22n) | (1n << 17n) | sequence).toString();
}

/** A random string shaped like an interaction token. */
export function interactionToken(): string {
  return `aW50ZXJhY3Rpb24${randomBytes(24).toString('base64url')}`;
}

/** Every permission, as a guild owner has them (Discord sends permissions as a decimal string). */
export const allPermissions = '2251799813685247';

export function buildUser(overrides: Partial<APIUser> = {}): APIUser {
  return {
    id: overrides.id ?? snowflake(),
    username: 'test-user',
    discriminator: '0',
    global_name: 'Test User',
    avatar: null,
    public_flags: 0 as UserFlags,
    ...overrides,
  };
}

/** The bot's own user: its id is the application's. */
export function buildBotUser(id: string, username = 'wco-partner-bot'): APIUser {
  return {
    id,
    username,
    discriminator: '0000',
    global_name: null,
    avatar: null,
    bot: true,
    verified: true,
    mfa_enabled: false,
    flags: 0 as UserFlags,
    public_flags: 0 as UserFlags,
  };
}

export function buildGuildMember(user: APIUser, joinedAt = new Date().toISOString()): APIGuildMember {
  return {
    user,
    nick: null,
    avatar: null,
    banner: null,
    roles: [],
    joined_at: joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}

/** A guild's text channel, as the REST API, GUILD_CREATE and an interaction's `channel` show it. */
export function buildTextChannel(
  guildId: string,
  channelId: string,
  name = 'general',
): APIGuildTextChannel<ChannelType.GuildText> {
  return {
    id: channelId,
    type: ChannelType.GuildText,
    guild_id: guildId,
    name,
    position: 0,
    permission_overwrites: [],
    parent_id: null,
    topic: null,
    nsfw: false,
    rate_limit_per_user: 0,
    last_message_id: null,
    flags: 0 as ChannelFlags,
  };
}

export function createLocalSession(overrides: Partial<LocalSession> = {}): LocalSession {
  return {
    applicationId: '1290000000000000001',
    user: {
      id: '1290000000000000042',
      username: 'playground-user',
      discriminator: '0',
      global_name: 'Playground User',
      avatar: null,
    },
    guildId: '1290000000000000100',
    channelId: '1290000000000000200',
    locale: 'en-US' as Locale,
    ...overrides,
  };
}

/** The fields every interaction shares: ids, a fresh token, where it happened and who did it. */
export function interactionBase(session: LocalSession, { id = snowflake() }: { id?: string } = {}) {
  const { guildId, channelId, user, locale } = session;
  const member: APIInteractionGuildMember | undefined = guildId
    ? { ...buildGuildMember(user, '2024-01-01T00:00:00.000Z'), user, permissions: allPermissions }
    : undefined;
  return {
    id,
    application_id: session.applicationId,
    token: interactionToken(),
    version: 1 as const,
    channel_id: channelId,
    channel: guildId
      ? buildTextChannel(guildId, channelId, session.channelName)
      : {
          id: channelId,
          type: ChannelType.DM as const,
          last_message_id: null,
          flags: 0 as ChannelFlags,
          recipients: [user],
        },
    ...(guildId
      ? { guild_id: guildId, guild: { id: guildId, locale, features: [] }, guild_locale: locale, member }
      : { user }),
    app_permissions: allPermissions,
    locale,
    entitlements: [],
    authorizing_integration_owners: guildId
      ? { [ApplicationIntegrationType.GuildInstall]: guildId }
      : { [ApplicationIntegrationType.UserInstall]: user.id },
    context: guildId ? InteractionContextType.Guild : InteractionContextType.BotDM,
    attachment_size_limit: 10 * 1024 * 1024,
  };
}

/** A stable id per command name, as a registered command has. */
function commandId(name: string): string {
  let hash = 0n;
  for (const char of name) hash = (hash * 131n + BigInt(char.codePointAt(0) ?? 0)) % 1_000_000n;
  return (1_290_000_000_001_000_000n + hash).toString();
}

/** Options given as `{ name: value }`, typed from their values: text 3, whole number 4, boolean 5, number 10. */
export function optionsOf(
  values: Record<string, string | number | boolean>,
): APIApplicationCommandInteractionDataBasicOption[] {
  return Object.entries(values).map(([name, value]) => {
    if (typeof value === 'boolean') return { name, type: ApplicationCommandOptionType.Boolean, value };
    if (typeof value === 'number') {
      return Number.isInteger(value)
        ? { name, type: ApplicationCommandOptionType.Integer, value }
        : { name, type: ApplicationCommandOptionType.Number, value };
    }
    return { name, type: ApplicationCommandOptionType.String, value };
  });
}

/** A slash command (type 2, command type 1) with its options. */
export function buildChatInputInteraction(
  command: CommandSpec,
  options: APIApplicationCommandInteractionDataBasicOption[],
  session: LocalSession = createLocalSession(),
  ids?: { id?: string },
): APIChatInputApplicationCommandInteraction {
  return {
    ...interactionBase(session, ids),
    type: InteractionType.ApplicationCommand,
    data: {
      id: commandId(command.data.name),
      name: command.data.name,
      type: ApplicationCommandType.ChatInput,
      ...(options.length ? { options } : {}),
    },
  } as APIChatInputApplicationCommandInteraction;
}

/** An autocomplete interaction: `options` as typed so far, the one named `focused` carrying the partial text. */
export function buildAutocompleteInteraction(
  command: CommandSpec,
  options: APIApplicationCommandInteractionDataBasicOption[],
  focused: { name: string; value: string },
  session: LocalSession = createLocalSession(),
): APIApplicationCommandAutocompleteInteraction {
  const declared = command.data.options?.find((option) => option.name === focused.name);
  const focusedOption = {
    type: declared?.type ?? ApplicationCommandOptionType.String,
    name: focused.name,
    // Discord sends the partial input as a string, whatever the option's type.
    value: focused.value,
    focused: true,
  };
  return {
    ...interactionBase(session),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: {
      id: commandId(command.data.name),
      name: command.data.name,
      type: ApplicationCommandType.ChatInput,
      options: [...options.filter((option) => option.name !== focused.name), focusedOption],
    },
  } as APIApplicationCommandAutocompleteInteraction;
}

export interface MessageSeed {
  id?: string;
  channelId: string;
  guildId?: string | null;
  author: APIUser;
  content?: string;
  applicationId?: string;
  webhookId?: string;
  flags?: number;
  components?: APIMessage['components'];
  embeds?: APIMessage['embeds'];
  attachments?: APIMessage['attachments'];
  mentions?: APIUser[];
  type?: MessageType;
  interactionMetadata?: APIMessage['interaction_metadata'];
}

/** A message as the REST API and the gateway show it (MESSAGE_CREATE adds guild_id and member to it). */
export function buildMessage(seed: MessageSeed): APIMessage & { guild_id?: string } {
  const message: APIMessage & { guild_id?: string } = {
    id: seed.id ?? snowflake(),
    type: seed.type ?? MessageType.Default,
    channel_id: seed.channelId,
    author: seed.author,
    content: seed.content ?? '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: seed.mentions ?? [],
    mention_roles: [],
    attachments: seed.attachments ?? [],
    embeds: seed.embeds ?? [],
    pinned: false,
    flags: seed.flags ?? 0,
    components: seed.components ?? [],
  };
  if (seed.guildId) message.guild_id = seed.guildId;
  if (seed.applicationId) message.application_id = seed.applicationId;
  if (seed.webhookId) message.webhook_id = seed.webhookId;
  if (seed.interactionMetadata) message.interaction_metadata = seed.interactionMetadata;
  return message;
}

/** The bot's reply to `session`'s user, as Discord delivers it in a component interaction's `message`. */
export function buildBotMessage(
  data: APIInteractionResponseCallbackData,
  session: LocalSession = createLocalSession(),
  { id, commandName }: { id?: string; commandName?: string } = {},
): APIMessage {
  const { applicationId, guildId, user } = session;
  return buildMessage({
    ...(id ? { id } : {}),
    type: commandName ? MessageType.ChatInputCommand : MessageType.Default,
    channelId: session.channelId,
    author: buildBotUser(applicationId),
    content: data.content ?? '',
    embeds: data.embeds ?? [],
    flags: data.flags ?? 0,
    components: (data.components ?? []) as APIMessage['components'],
    applicationId,
    webhookId: applicationId,
    ...(commandName
      ? {
          interactionMetadata: {
            id: snowflake(),
            type: InteractionType.ApplicationCommand,
            user,
            authorizing_integration_owners: guildId
              ? { [ApplicationIntegrationType.GuildInstall]: guildId }
              : { [ApplicationIntegrationType.UserInstall]: user.id },
          } as APIMessage['interaction_metadata'],
        }
      : {}),
  });
}

/** A click on a button (no values) or a pick in a select menu (`values`), on `message`. */
export function buildComponentInteraction(
  click: { message: APIMessage; customId: string; componentType: ComponentType; values?: string[] },
  session: LocalSession = createLocalSession(),
): APIMessageComponentInteraction {
  return {
    ...interactionBase(session),
    type: InteractionType.MessageComponent,
    message: click.message,
    data: {
      custom_id: click.customId,
      component_type: click.componentType,
      ...(click.values ? { values: click.values } : {}),
    },
  } as APIMessageComponentInteraction;
}
