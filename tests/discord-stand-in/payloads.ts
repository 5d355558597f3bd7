/**
 * Payloads the stand-in sends: guilds (GUILD_CREATE), messages (MESSAGE_CREATE) and interactions. The
 * interactions and messages themselves are built by src/transports/payloads.ts, the module the playground and
 * the gateway use too; this file adds the stand-in's option-object form (`{ commandName, options, user }`).
 * Pure functions: they need no running stand-in, so any test may use them.
 */
import {
  type APIApplicationCommandAutocompleteInteraction,
  type APIChatInputApplicationCommandInteraction,
  type APIGuildMember,
  type APIMessage,
  type APIMessageComponentInteraction,
  type APIRole,
  type APIUser,
  ButtonStyle,
  ComponentType,
  type GatewayGuildCreateDispatchData,
  type GatewayMessageCreateDispatchData,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  Locale,
  type RoleFlags,
} from 'discord-api-types/v10';
import {
  buildAutocompleteInteraction as buildAutocomplete,
  buildBotUser,
  buildChatInputInteraction as buildChatInput,
  buildComponentInteraction as buildComponent,
  buildGuildMember,
  buildMessage,
  buildTextChannel,
  buildUser,
  createLocalSession,
  type LocalSession,
  optionsOf,
  snowflake,
} from '../../src/transports/payloads.js';
import type { GuildSeed, StandInGuild } from './types.js';

export { buildBotUser, buildGuildMember, buildMessage, buildTextChannel, buildUser, snowflake };

/** The shard a guild belongs to: `(guild_id >> 22) % shard_count`. */
export function shardForGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** Resolves a guild seed; guild `index` gets a distinct snowflake timestamp so guilds spread over shards. */
export function resolveGuildSeed(seed: GuildSeed, index: number, ownerId: string): StandInGuild {
  const id = seed.id ?? snowflake(Date.now() - 1_000_000 + index);
  return {
    id,
    name: seed.name ?? `Stand-in Guild ${index + 1}`,
    channelId: seed.channelId ?? snowflake(),
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
    channels: [buildTextChannel(guild.id, guild.channelId, guild.channelName)],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
  // Present on real payloads although not in the typings; harmless for discord.js.
  return Object.assign(payload, { lazy: true, application_command_counts: {}, embedded_activities: [] });
}

/** A MESSAGE_CREATE payload: the message, with guild_id and the author's member in a guild. */
export function buildMessageCreate(
  message: APIMessage & { guild_id?: string },
  member: APIGuildMember | undefined = message.guild_id ? buildGuildMember(message.author) : undefined,
): GatewayMessageCreateDispatchData {
  if (!message.guild_id || !member) return message as GatewayMessageCreateDispatchData;
  const { user: _user, ...partialMember } = member;
  return { ...message, member: partialMember } as GatewayMessageCreateDispatchData;
}

// ---------------------------------------------------------------------------------------------
// Interactions
// ---------------------------------------------------------------------------------------------

export interface InteractionBaseOptions {
  applicationId: string;
  /** Interaction id (default: fresh snowflake). */
  id?: string;
  /** Guild the interaction happens in; `null` makes it a bot-DM interaction. Default: a fresh id. */
  guildId?: string | null;
  channelId?: string;
  channelName?: string;
  /** The invoking user (default: a generated test user). */
  user?: Partial<APIUser>;
  locale?: Locale;
}

/** Options as a plain `{ name: value }` map (types are inferred from the values). */
export type InteractionOptionsInput = Record<string, string | number | boolean>;

export interface ChatInputInteractionOptions extends InteractionBaseOptions {
  commandName: string;
  options?: InteractionOptionsInput;
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

function sessionOf(options: InteractionBaseOptions): LocalSession {
  return createLocalSession({
    applicationId: options.applicationId,
    user: buildUser(options.user),
    guildId: options.guildId === undefined ? snowflake() : options.guildId,
    channelId: options.channelId ?? snowflake(),
    locale: options.locale ?? Locale.EnglishUS,
    ...(options.channelName ? { channelName: options.channelName } : {}),
  });
}

const commandOf = (name: string) => ({ data: { name, description: name } });

/** An INTERACTION_CREATE payload for a slash command (type 2, command type 1). */
export function buildChatInputInteraction(
  options: ChatInputInteractionOptions,
): APIChatInputApplicationCommandInteraction {
  return buildChatInput(
    commandOf(options.commandName),
    optionsOf(options.options ?? {}),
    sessionOf(options),
    options.id ? { id: options.id } : undefined,
  );
}

/** An INTERACTION_CREATE payload for autocomplete (type 4) with one focused option. */
export function buildAutocompleteInteraction(
  options: AutocompleteInteractionOptions,
): APIApplicationCommandAutocompleteInteraction {
  const { [options.focused]: value = '', ...others } = options.options ?? {};
  return buildAutocomplete(
    commandOf(options.commandName),
    optionsOf(others),
    { name: options.focused, value: String(value) },
    sessionOf(options),
  );
}

/** An INTERACTION_CREATE payload for a message component (type 3): button by default, or a select menu. */
export function buildComponentInteraction(
  options: ComponentInteractionOptions,
): APIMessageComponentInteraction {
  const session = sessionOf(options);
  const componentType = options.componentType ?? ComponentType.Button;
  const component =
    componentType === ComponentType.Button
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
        };
  const message =
    options.message ??
    buildMessage({
      channelId: session.channelId,
      guildId: session.guildId,
      author: options.messageAuthor ?? buildBotUser(options.applicationId),
      applicationId: options.applicationId,
      content: 'message with a component',
      components: [
        { type: ComponentType.ActionRow, id: 1, components: [component] },
      ] as APIMessage['components'],
    });
  return buildComponent(
    {
      message,
      customId: options.customId,
      componentType,
      values: componentType === ComponentType.Button ? undefined : (options.values ?? []),
    },
    session,
  );
}

/** Payload of any interaction the builders produce. */
export type StandInInteractionPayload =
  | APIChatInputApplicationCommandInteraction
  | APIApplicationCommandAutocompleteInteraction
  | APIMessageComponentInteraction;
