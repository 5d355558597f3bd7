/**
 * Builders for realistic Discord API payloads (users, guilds, messages, interactions).
 * Pure functions: they need no running stand-in, so any test may use them.
 */
import { randomBytes } from 'node:crypto';
import {
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandInteractionDataOption,
  type APIChatInputApplicationCommandInteraction,
  type APIGuildMember,
  type APIGuildTextChannel,
  type APIInteractionDataResolved,
  type APIInteractionGuildMember,
  type APIMessage,
  type APIMessageComponentInteraction,
  type APIRole,
  type APIUser,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ButtonStyle,
  type ChannelFlags,
  ChannelType,
  ComponentType,
  type GatewayGuildCreateDispatchData,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  type GuildMemberFlags,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  InteractionContextType,
  InteractionType,
  Locale,
  MessageType,
  type RoleFlags,
  type UserFlags,
} from 'discord-api-types/v10';
import type { GuildSeed, StandInGuild } from './types.js';

/** Discord epoch (2015-01-01T00:00:00Z) in ms. */
export const DISCORD_EPOCH = 1_420_070_400_000n;

/** All permissions a guild owner would have (as Discord sends it: a decimal string). */
export const ALL_PERMISSIONS = '2251799813685247';

let snowflakeIncrement = 0n;

/** A fresh, unique snowflake whose timestamp is `timestampMs` (default now). */
export function createSnowflake(timestampMs: number = Date.now()): string {
  snowflakeIncrement = (snowflakeIncrement + 1n) & 0xfffn;
  const workerAndProcess = 1n << 17n;
  return (((BigInt(timestampMs) - DISCORD_EPOCH) << 22n) | workerAndProcess | snowflakeIncrement).toString();
}

/** The shard a guild belongs to: `(guild_id >> 22) % shard_count`. */
export function shardForGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** An interaction token-like random string. */
export function createInteractionToken(): string {
  return `aW50ZXJhY3Rpb24${randomBytes(24).toString('base64url')}`;
}

export function buildUser(overrides: Partial<APIUser> = {}): APIUser {
  const id = overrides.id ?? createSnowflake();
  return {
    id,
    username: 'test-user',
    discriminator: '0',
    global_name: 'Test User',
    avatar: null,
    public_flags: 0 as UserFlags,
    ...overrides,
  };
}

export function buildBotUser(id: string, username = 'stand-in-bot'): APIUser {
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

/** Resolves a guild seed; guild `index` gets a distinct snowflake timestamp so guilds spread over shards. */
export function resolveGuildSeed(seed: GuildSeed, index: number, ownerId: string): StandInGuild {
  const id = seed.id ?? createSnowflake(Date.now() - 1_000_000 + index);
  return {
    id,
    name: seed.name ?? `Stand-in Guild ${index + 1}`,
    channelId: seed.channelId ?? createSnowflake(),
    channelName: seed.channelName ?? 'general',
    memberCount: seed.memberCount ?? 2,
    ownerId,
  };
}

export function buildEveryoneRole(guildId: string): APIRole {
  return {
    id: guildId,
    name: '@everyone',
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: 0,
    permissions: '2248473465835073',
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
  };
}

/** The guild's text channel, as the REST API, GUILD_CREATE and an interaction's `channel` show it. */
export function buildTextChannel(
  guild: Pick<StandInGuild, 'id' | 'channelId' | 'channelName'>,
): APIGuildTextChannel<ChannelType.GuildText> {
  return {
    id: guild.channelId,
    type: ChannelType.GuildText,
    guild_id: guild.id,
    name: guild.channelName,
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

/** A plausible GUILD_CREATE payload for a guild with one text channel, @everyone and the bot as member. */
export function buildGuildCreate(guild: StandInGuild, botUser: APIUser): GatewayGuildCreateDispatchData {
  const joinedAt = new Date().toISOString();
  const payload: GatewayGuildCreateDispatchData = {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles: [buildEveryoneRole(guild.id)],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: guild.channelId,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
    rules_channel_id: null,
    max_members: 500_000,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    preferred_locale: Locale.EnglishUS,
    public_updates_channel_id: null,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
    joined_at: joinedAt,
    large: false,
    unavailable: false,
    member_count: guild.memberCount,
    voice_states: [],
    members: [buildGuildMember(botUser, joinedAt)],
    channels: [buildTextChannel(guild)],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
  // Present on real payloads although not in the typings; harmless for discord.js.
  return Object.assign(payload, { lazy: true, application_command_counts: {}, embedded_activities: [] });
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
  interactionMetadata?: APIMessage['interaction_metadata'];
}

export function buildMessage(seed: MessageSeed): APIMessage {
  const message: APIMessage & { guild_id?: string } = {
    id: seed.id ?? createSnowflake(),
    type: MessageType.Default,
    channel_id: seed.channelId,
    author: seed.author,
    content: seed.content ?? '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
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

// ---------------------------------------------------------------------------------------------
// Interactions
// ---------------------------------------------------------------------------------------------

export interface InteractionBaseOptions {
  applicationId: string;
  /** Interaction id (default: fresh snowflake). */
  id?: string;
  /** Interaction token (default: random). */
  token?: string;
  /** Guild the interaction happens in; `null` makes it a bot-DM interaction. Default: a fresh id. */
  guildId?: string | null;
  channelId?: string;
  channelName?: string;
  /** The invoking user (default: a generated test user). */
  user?: Partial<APIUser>;
  /** The member's permissions in the channel (default: {@link ALL_PERMISSIONS}). */
  memberPermissions?: string;
  memberRoles?: string[];
  /** The bot's permissions in the channel (default: {@link ALL_PERMISSIONS}). */
  appPermissions?: string;
  locale?: Locale;
  guildLocale?: Locale;
  /** Max upload size in bytes (default 10 MiB). */
  attachmentSizeLimit?: number;
}

export type SimpleOptionValue = string | number | boolean;

/** Options as a plain `{ name: value }` map (types are inferred) or as raw API option objects. */
export type InteractionOptionsInput =
  | Record<string, SimpleOptionValue>
  | APIApplicationCommandInteractionDataBasicOption[];

export interface ChatInputInteractionOptions extends InteractionBaseOptions {
  commandName: string;
  commandId?: string;
  /** Guild id of a guild-scoped command. */
  commandGuildId?: string;
  subcommand?: string;
  subcommandGroup?: string;
  options?: InteractionOptionsInput;
  resolved?: APIInteractionDataResolved;
}

export interface AutocompleteInteractionOptions extends ChatInputInteractionOptions {
  /** Name of the option being typed into; its value is sent as a string (partial user input). */
  focused: string;
}

export interface ComponentInteractionOptions extends InteractionBaseOptions {
  customId: string;
  /** Default: button. */
  componentType?: ComponentType;
  /** Selected values for select menus. */
  values?: string[];
  /** The message the component is attached to (default: a bot message holding one button/select). */
  message?: APIMessage;
  /** Author of the default message (default: a bot user with id = applicationId). */
  messageAuthor?: APIUser;
}

interface BaseFields {
  id: string;
  application_id: string;
  token: string;
  version: 1;
  guild_id?: string;
  guild?: { id: string; locale: Locale; features: [] };
  channel_id: string;
  channel: APIChatInputApplicationCommandInteraction['channel'] & object;
  member?: APIInteractionGuildMember;
  user?: APIUser;
  app_permissions: string;
  locale: Locale;
  guild_locale?: Locale;
  entitlements: [];
  authorizing_integration_owners: Partial<Record<ApplicationIntegrationType, string>>;
  context: InteractionContextType;
  attachment_size_limit: number;
}

function baseFields(options: InteractionBaseOptions): BaseFields {
  const guildId = options.guildId === undefined ? createSnowflake() : options.guildId;
  const user = buildUser(options.user);
  const channelId = options.channelId ?? createSnowflake();
  const base: BaseFields = {
    id: options.id ?? createSnowflake(),
    application_id: options.applicationId,
    token: options.token ?? createInteractionToken(),
    version: 1,
    channel_id: channelId,
    channel: guildId
      ? buildTextChannel({ id: guildId, channelId, channelName: options.channelName ?? 'general' })
      : {
          id: channelId,
          type: ChannelType.DM,
          last_message_id: null,
          flags: 0 as ChannelFlags,
          recipients: [user],
        },
    app_permissions: options.appPermissions ?? ALL_PERMISSIONS,
    locale: options.locale ?? Locale.EnglishUS,
    entitlements: [],
    authorizing_integration_owners: guildId
      ? { [ApplicationIntegrationType.GuildInstall]: guildId }
      : { [ApplicationIntegrationType.UserInstall]: user.id },
    context: guildId ? InteractionContextType.Guild : InteractionContextType.BotDM,
    attachment_size_limit: options.attachmentSizeLimit ?? 10 * 1024 * 1024,
  };
  if (guildId) {
    base.guild_id = guildId;
    base.guild = { id: guildId, locale: options.guildLocale ?? Locale.EnglishUS, features: [] };
    base.guild_locale = options.guildLocale ?? Locale.EnglishUS;
    base.member = {
      ...buildGuildMember(user, '2024-01-01T00:00:00.000Z'),
      roles: options.memberRoles ?? [],
      permissions: options.memberPermissions ?? ALL_PERMISSIONS,
      user,
    };
  } else {
    base.user = user;
  }
  return base;
}

function toOptionObjects(
  input: InteractionOptionsInput | undefined,
  focused?: string,
): APIApplicationCommandInteractionDataBasicOption[] {
  if (!input) return [];
  if (Array.isArray(input)) {
    return input.map((option) =>
      focused !== undefined && option.name === focused
        ? ({ ...option, focused: true } as typeof option)
        : option,
    );
  }
  return Object.entries(input).map(([name, value]) => {
    if (name === focused) {
      // Autocomplete sends the partial input of the focused option as a string.
      const type =
        typeof value === 'number'
          ? Number.isInteger(value)
            ? ApplicationCommandOptionType.Integer
            : ApplicationCommandOptionType.Number
          : ApplicationCommandOptionType.String;
      return {
        name,
        type,
        value: String(value),
        focused: true,
      } as APIApplicationCommandInteractionDataBasicOption;
    }
    if (typeof value === 'boolean') return { name, type: ApplicationCommandOptionType.Boolean, value };
    if (typeof value === 'number') {
      return Number.isInteger(value)
        ? { name, type: ApplicationCommandOptionType.Integer, value }
        : { name, type: ApplicationCommandOptionType.Number, value };
    }
    return { name, type: ApplicationCommandOptionType.String, value };
  });
}

function wrapSubcommands(
  basic: APIApplicationCommandInteractionDataBasicOption[],
  subcommand: string | undefined,
  subcommandGroup: string | undefined,
): APIApplicationCommandInteractionDataOption[] {
  if (!subcommand) return basic;
  const sub: APIApplicationCommandInteractionDataOption = {
    name: subcommand,
    type: ApplicationCommandOptionType.Subcommand,
    options: basic,
  };
  if (!subcommandGroup) return [sub];
  return [{ name: subcommandGroup, type: ApplicationCommandOptionType.SubcommandGroup, options: [sub] }];
}

/** An INTERACTION_CREATE payload for a slash command (type 2, command type 1). */
export function buildChatInputInteraction(
  options: ChatInputInteractionOptions,
): APIChatInputApplicationCommandInteraction {
  const base = baseFields(options);
  const data: APIChatInputApplicationCommandInteraction['data'] = {
    id: options.commandId ?? createSnowflake(),
    name: options.commandName,
    type: ApplicationCommandType.ChatInput,
    options: wrapSubcommands(toOptionObjects(options.options), options.subcommand, options.subcommandGroup),
  };
  if (options.commandGuildId) data.guild_id = options.commandGuildId;
  if (options.resolved) data.resolved = options.resolved;
  return {
    ...base,
    type: InteractionType.ApplicationCommand,
    data,
  } as APIChatInputApplicationCommandInteraction;
}

/** An INTERACTION_CREATE payload for autocomplete (type 4) with one focused option. */
export function buildAutocompleteInteraction(
  options: AutocompleteInteractionOptions,
): APIApplicationCommandAutocompleteInteraction {
  const base = baseFields(options);
  const data: APIApplicationCommandAutocompleteInteraction['data'] = {
    id: options.commandId ?? createSnowflake(),
    name: options.commandName,
    type: ApplicationCommandType.ChatInput,
    options: wrapSubcommands(
      toOptionObjects(options.options ?? { [options.focused]: '' }, options.focused),
      options.subcommand,
      options.subcommandGroup,
    ) as APIApplicationCommandAutocompleteInteraction['data']['options'],
  };
  if (options.commandGuildId) data.guild_id = options.commandGuildId;
  return {
    ...base,
    type: InteractionType.ApplicationCommandAutocomplete,
    data,
  } as APIApplicationCommandAutocompleteInteraction;
}

/** An INTERACTION_CREATE payload for a message component (type 3): button by default, or a select menu. */
export function buildComponentInteraction(
  options: ComponentInteractionOptions,
): APIMessageComponentInteraction {
  const base = baseFields(options);
  const componentType = options.componentType ?? ComponentType.Button;
  const isButton = componentType === ComponentType.Button;
  const message =
    options.message ??
    buildMessage({
      channelId: base.channel_id,
      guildId: base.guild_id ?? null,
      author: options.messageAuthor ?? buildBotUser(options.applicationId),
      applicationId: options.applicationId,
      content: 'message with a component',
      components: [
        {
          type: ComponentType.ActionRow,
          id: 1,
          components: [
            isButton
              ? {
                  type: ComponentType.Button,
                  id: 2,
                  style: ButtonStyle.Primary,
                  label: 'Go',
                  custom_id: options.customId,
                }
              : {
                  type: ComponentType.StringSelect,
                  id: 2,
                  custom_id: options.customId,
                  options: (options.values ?? ['a']).map((value) => ({ label: value, value })),
                },
          ],
        },
      ] as APIMessage['components'],
    });
  const data = isButton
    ? { custom_id: options.customId, component_type: ComponentType.Button, id: 2 }
    : { custom_id: options.customId, component_type: componentType, values: options.values ?? [], id: 2 };
  return {
    ...base,
    type: InteractionType.MessageComponent,
    data,
    message,
  } as APIMessageComponentInteraction;
}

/** Payload of any interaction the builders produce. */
export type StandInInteractionPayload =
  | APIChatInputApplicationCommandInteraction
  | APIApplicationCommandAutocompleteInteraction
  | APIMessageComponentInteraction;
