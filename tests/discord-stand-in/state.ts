/**
 * State shared by the REST and gateway halves of the stand-in.
 */
import type { APIMessage, APIUser } from 'discord-api-types/v10';
import { buildBotUser, resolveGuildSeed, snowflake } from './payloads.js';
import type { DiscordStandInOptions, StandInGuild } from './types.js';

/** An interaction the stand-in dispatched (or first heard of through a callback). */
export interface KnownInteraction {
  id: string;
  token: string;
  type: number;
  guildId: string | null;
  channelId: string | null;
  user: APIUser | null;
  /** Message of a component interaction. */
  message: APIMessage | null;
  acknowledged: boolean;
  /** Type of the accepted initial callback, if any. */
  responseType: number | null;
  /** `@original` message, once there is one. */
  original: APIMessage | null;
  followUps: Map<string, APIMessage>;
}

export class StandInState {
  readonly applicationId: string;
  readonly applicationFlags: number;
  readonly botUser: APIUser;
  readonly guilds: StandInGuild[];
  readonly shards: number;
  readonly token: string | null;
  readonly logUnknownRoutes: boolean;
  heartbeatInterval: number;
  /** Set once the server listens. */
  port = 0;
  readonly interactions = new Map<string, KnownInteraction>();

  constructor(options: DiscordStandInOptions) {
    this.applicationId = options.applicationId ?? snowflake();
    this.applicationFlags = options.applicationFlags ?? 0;
    this.botUser = buildBotUser(this.applicationId, options.botUsername);
    const seeds = options.guilds ?? [{}];
    this.guilds = seeds.map((seed, index) => resolveGuildSeed(seed, index, snowflake()));
    this.shards = Math.max(1, options.shards ?? 1);
    this.token = options.token ?? null;
    this.logUnknownRoutes = options.logUnknownRoutes ?? false;
    this.heartbeatInterval = options.heartbeatInterval ?? 41_250;
  }

  get httpUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  interactionByToken(token: string): KnownInteraction | undefined {
    for (const interaction of this.interactions.values()) {
      if (interaction.token === token) return interaction;
    }
    return undefined;
  }

  rememberInteraction(payload: {
    id: string;
    token: string;
    type: number;
    guild_id?: string;
    channel_id?: string;
    channel?: { id: string };
    member?: { user: APIUser };
    user?: APIUser;
    message?: APIMessage;
  }): KnownInteraction {
    const existing = this.interactions.get(payload.id);
    if (existing) return existing;
    const known: KnownInteraction = {
      id: payload.id,
      token: payload.token,
      type: payload.type,
      guildId: payload.guild_id ?? null,
      channelId: payload.channel?.id ?? payload.channel_id ?? null,
      user: payload.member?.user ?? payload.user ?? null,
      message: payload.message ?? null,
      acknowledged: false,
      responseType: null,
      original: null,
      followUps: new Map(),
    };
    this.interactions.set(known.id, known);
    return known;
  }
}
