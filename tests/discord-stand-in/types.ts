/**
 * Shared types of the local Discord stand-in used by end-to-end tests.
 */

/** One file part of a multipart/form-data request (discord.js sends attachments this way). */
export interface RecordedFile {
  /** Form field name, e.g. `files[0]`. */
  field: string;
  filename: string | null;
  contentType: string | null;
  size: number;
  data: Buffer;
}

/** A REST request as received by the stand-in. */
export interface RecordedRequest {
  /** Monotonic id (1-based) in arrival order. */
  id: number;
  method: string;
  /** Raw request URL including prefix and query, e.g. `/api/v10/webhooks/1/tok/messages/%40original?x=1`. */
  url: string;
  /**
   * Path with the `/api` and `/v10` prefixes stripped and every segment URL-decoded,
   * e.g. `/webhooks/1/tok/messages/@original`.
   */
  path: string;
  /** Matched route template (e.g. `POST /interactions/:id/:token/callback`) or null for unknown routes. */
  route: string | null;
  params: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body, the parsed `payload_json` part of multipart bodies, raw text otherwise, or null. */
  body: unknown;
  files: RecordedFile[];
  /** `Date.now()` at arrival. */
  time: number;
  /** HTTP status the stand-in answered with. */
  status: number;
  /** JSON the stand-in answered with (null for 204). */
  responseBody: unknown;
  /** Set when the answer came from an injected fault instead of the normal route handler. */
  fault: RestFaultKind | null;
}

export type RestFaultKind = 'rate-limit' | 'server-error' | 'custom';

/** Describes requests to fail on purpose. */
export interface RestFaultSpec {
  /** HTTP method to match (case-insensitive); any when omitted. */
  method?: string;
  /**
   * Path to match against {@link RecordedRequest.path} (prefix stripped, segments decoded).
   * A string is a template where `:name` matches one segment and a trailing `*` matches the rest,
   * e.g. `/interactions/:id/:token/callback`. A RegExp is tested against the path.
   */
  path: string | RegExp;
  /** Status to answer with; 429 (default) sends `retry-after` and a rate-limit JSON body. */
  status?: number;
  /** How many matching requests fail before the fault is used up (default 1). */
  times?: number;
  /** Seconds announced in `retry-after` / `retry_after` for 429 (default 0.05, fractions allowed). */
  retryAfter?: number;
  /** Mark the 429 as global (`x-ratelimit-global` header and `global: true`). */
  global?: boolean;
  /** Override the JSON body. */
  body?: unknown;
}

export interface RestFaultHandle {
  readonly spec: RestFaultSpec;
  /** Failures left before the fault is used up. */
  readonly remaining: number;
  /** Requests that were failed by this fault. */
  readonly hits: readonly RecordedRequest[];
  cancel(): void;
}

export type FrameDirection = 'in' | 'out';

/** One gateway frame, sent (`out`) or received (`in`) by the stand-in. */
export interface GatewayFrame {
  /** Monotonic id (1-based). */
  id: number;
  direction: FrameDirection;
  /** Id of the WebSocket connection (1-based, increments per connection). */
  connectionId: number;
  /** Session the connection was bound to when the frame passed, if any. */
  sessionId: string | null;
  op: number;
  t: string | null;
  s: number | null;
  d: unknown;
  time: number;
  /** Raw text, for frames that were not valid JSON. */
  raw?: string;
}

/** Seed for a guild the bot is in. */
export interface GuildSeed {
  id?: string;
  name?: string;
  /** Id of the single text channel created in the guild. */
  channelId?: string;
  channelName?: string;
  memberCount?: number;
}

/** Fully resolved guild seed. */
export interface StandInGuild {
  id: string;
  name: string;
  channelId: string;
  channelName: string;
  memberCount: number;
  ownerId: string;
}

export interface DiscordStandInOptions {
  /** Shard count announced by `GET /gateway/bot` (default 1). */
  shards?: number;
  /** Heartbeat interval sent in HELLO, in ms (default 41250). */
  heartbeatInterval?: number;
  /** Guilds the bot is in (default: one guild with one text channel). */
  guilds?: GuildSeed[];
  /** Application id; also the bot user's id (default: a generated snowflake). */
  applicationId?: string;
  botUsername?: string;
  /** Application flags sent in READY and `GET /applications/@me` (default 0). */
  applicationFlags?: number;
  /**
   * When set, REST requests that need auth must carry `Authorization: Bot <token>` (else 401) and
   * IDENTIFY/RESUME must carry this token (else close 4004). Any token is accepted when omitted.
   */
  token?: string;
  /** `console.warn` every request to a route the stand-in does not know (default false). */
  logUnknownRoutes?: boolean;
  /** Port to listen on (default 0 = random free port). The host is always 127.0.0.1. */
  port?: number;
}

/** A gateway session (created by IDENTIFY). */
export interface SessionInfo {
  id: string;
  shard: [number, number] | null;
  /** Last sequence number used in this session. */
  seq: number;
  /** Whether a connection is currently bound to the session. */
  connected: boolean;
  /** Invalidated sessions cannot be resumed. */
  invalidated: boolean;
  intents: number;
}

/** A gateway WebSocket opening or closing. */
export interface ConnectionEvent {
  connectionId: number;
  type: 'open' | 'close';
  /** Query string of the upgrade request, e.g. `{ v: '10', encoding: 'json' }`. */
  query: Record<string, string>;
  /** Close code (close events only). */
  code?: number;
  reason?: string;
  /** Who started the close (close events only). */
  initiator?: 'client' | 'server';
  time: number;
}

/** Where a dispatch should go. By default: the shard owning `guildId`, else the newest live session. */
export interface DispatchTarget {
  sessionId?: string;
  shardId?: number;
  guildId?: string;
}

/** A dispatch (op 0) queued by a test. */
export interface DispatchHandle {
  readonly t: string;
  readonly d: unknown;
  /** Sequence number, once the dispatch is bound to a session (null while no session exists). */
  readonly seq: number | null;
  readonly sessionId: string | null;
  /** How many times the frame was written to a socket (replays on RESUME count too). */
  readonly deliveries: number;
  /** Resolves once the frame has been written to a socket at least once. */
  waitForDelivery(timeoutMs?: number): Promise<void>;
}
