/**
 * Local Discord stand-in for end-to-end tests: REST API v10 + gateway on one 127.0.0.1 port,
 * good enough for an unmodified discord.js v14 `Client` (in-process or in a child process).
 *
 * Point the client at it with `rest: { api: standIn.apiUrl }` (or `DISCORD_API_URL=<apiUrl>`);
 * the gateway URL comes from `GET /gateway/bot`.
 */
import { createServer, type Server } from 'node:http';
import type { APIMessage, APIUser, MessageType } from 'discord-api-types/v10';
import { WebSocketServer } from 'ws';
import { type FaultTarget, GatewayStandIn } from './gateway.js';
import {
  type AutocompleteInteractionOptions,
  buildAutocompleteInteraction,
  buildChatInputInteraction,
  buildComponentInteraction,
  buildMessage,
  buildMessageCreate,
  buildUser,
  type ChatInputInteractionOptions,
  type ComponentInteractionOptions,
  type StandInInteractionPayload,
  snowflake,
} from './payloads.js';
import { RestStandIn } from './rest.js';
import { StandInState } from './state.js';
import type {
  ConnectionEvent,
  DiscordStandInOptions,
  DispatchHandle,
  DispatchTarget,
  GatewayFrame,
  RecordedRequest,
  RestFaultHandle,
  RestFaultSpec,
  SessionInfo,
  StandInGuild,
} from './types.js';

const CALLBACK_ROUTE = 'POST /interactions/:id/:token/callback';
const WEBHOOK_MESSAGE_PATCH_ROUTE = 'PATCH /webhooks/:appId/:token/messages/:messageId';
const FOLLOW_UP_ROUTE = 'POST /webhooks/:appId/:token';
const CHANNEL_MESSAGE_ROUTE = 'POST /channels/:channelId/messages';

/** Builder options with the stand-in's application, first guild and its channel filled in. */
export type StandInBuilderOptions<T extends { applicationId: string }> = Omit<T, 'applicationId'> & {
  applicationId?: string;
};

/** Interaction payload accepted by {@link DiscordStandIn.dispatchInteraction}. */
export type DispatchableInteraction =
  | StandInInteractionPayload
  | ({ id: string; token: string; type: number } & Record<string, unknown>);

/** Handle on a dispatched INTERACTION_CREATE, to wait for what the bot answers. */
export interface InteractionHandle {
  readonly id: string;
  readonly token: string;
  readonly payload: DispatchableInteraction;
  readonly dispatch: DispatchHandle;
  /** Resolves once INTERACTION_CREATE was written to a socket. */
  waitForDelivery(timeoutMs?: number): Promise<void>;
  /** Resolves with the first accepted (2xx, not faulted) `POST /interactions/{id}/{token}/callback`. */
  waitForCallback(timeoutMs?: number): Promise<RecordedRequest>;
  /** Accepted callbacks so far (normally 0 or 1). */
  callbacks(): RecordedRequest[];
  /** Every REST request about this interaction: callbacks plus webhook requests with its token. */
  requests(): RecordedRequest[];
  /** Waits for a request about this interaction that matches `predicate`. */
  waitForRequest(
    predicate: (request: RecordedRequest) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedRequest>;
  /** Resolves with the first accepted `PATCH .../messages/@original` (e.g. `editReply`). */
  waitForEdit(timeoutMs?: number): Promise<RecordedRequest>;
  /** Resolves with the first accepted follow-up `POST /webhooks/{appId}/{token}`. */
  waitForFollowUp(timeoutMs?: number): Promise<RecordedRequest>;
  /** The current `@original` response message as the stand-in sees it. */
  original(): APIMessage | null;
}

/** A message someone writes, for {@link DiscordStandIn.dispatchMessage}. */
export interface MessageOptions {
  content: string;
  /** The author (default: a generated user; `bot: true` makes it a bot). */
  author?: Partial<APIUser>;
  /** The guild whose channel it is written in (default: the first guild); `null`: a DM with the bot. */
  guildId?: string | null;
  /** Default: the message type of a plain message (0). */
  type?: MessageType;
}

/** Handle on a dispatched MESSAGE_CREATE, to wait for the bot's reply to it. */
export interface MessageHandle {
  /** The message as written (before the gateway leaves out what the bot's intents don't cover). */
  readonly message: APIMessage & { guild_id?: string };
  readonly dispatch: DispatchHandle;
  /** Resolves with the first accepted `POST /channels/{id}/messages` whose message_reference is this message. */
  waitForReply(timeoutMs?: number): Promise<RecordedRequest>;
  /** Every `POST /channels/{id}/messages` replying to this message so far. */
  replies(): RecordedRequest[];
}

export class DiscordStandIn {
  readonly rest: RestStandIn;
  readonly gateway: GatewayStandIn;
  readonly #state: StandInState;
  readonly #server: Server;
  readonly #wss: WebSocketServer;
  #closed: Promise<void> | null = null;

  /** Use {@link startDiscordStandIn}. */
  constructor(
    state: StandInState,
    server: Server,
    wss: WebSocketServer,
    rest: RestStandIn,
    gateway: GatewayStandIn,
  ) {
    this.#state = state;
    this.#server = server;
    this.#wss = wss;
    this.rest = rest;
    this.gateway = gateway;
  }

  get port(): number {
    return this.#state.port;
  }

  /** `http://127.0.0.1:PORT` */
  get url(): string {
    return this.#state.httpUrl;
  }

  /** `http://127.0.0.1:PORT/api` — what discord.js wants as `rest.api` (it appends `/v10`). */
  get apiUrl(): string {
    return `${this.#state.httpUrl}/api`;
  }

  /** `ws://127.0.0.1:PORT` — announced by `GET /gateway/bot` and as `resume_gateway_url`. */
  get gatewayUrl(): string {
    return this.#state.gatewayUrl;
  }

  get applicationId(): string {
    return this.#state.applicationId;
  }

  get botUser(): APIUser {
    return this.#state.botUser;
  }

  get guilds(): readonly StandInGuild[] {
    return this.#state.guilds;
  }

  get shards(): number {
    return this.#state.shards;
  }

  // --- REST ------------------------------------------------------------------------------------

  get requests(): readonly RecordedRequest[] {
    return this.rest.requests;
  }

  /** First request (already received or arriving within `timeoutMs`) matching `predicate`. */
  waitForRequest(
    predicate: (request: RecordedRequest) => boolean,
    timeoutMs = 5_000,
  ): Promise<RecordedRequest> {
    return this.rest.waitForRequest(predicate, timeoutMs);
  }

  /** Accepted (2xx, not faulted) interaction callbacks for `interactionId`. */
  callbacksFor(interactionId: string): RecordedRequest[] {
    return this.rest.callbacksFor(interactionId);
  }

  /** Makes the next `times` requests matching `spec` fail with 429 (default) or another status. */
  injectRestFault(spec: RestFaultSpec): RestFaultHandle {
    return this.rest.injectFault(spec);
  }

  clearRestFaults(): void {
    this.rest.clearFaults();
  }

  /** Application commands registered through the REST API (global when `guildId` is omitted). */
  commands(guildId?: string): Record<string, unknown>[] {
    return this.rest.commands(guildId);
  }

  // --- gateway ---------------------------------------------------------------------------------

  get frames(): readonly GatewayFrame[] {
    return this.gateway.frames.items;
  }

  get connectionEvents(): readonly ConnectionEvent[] {
    return this.gateway.connectionEvents.items;
  }

  sessions(): SessionInfo[] {
    return this.gateway.sessions();
  }

  waitForFrame(predicate: (frame: GatewayFrame) => boolean, timeoutMs = 5_000): Promise<GatewayFrame> {
    return this.gateway.waitForFrame(predicate, timeoutMs);
  }

  waitForConnectionEvent(
    predicate: (event: ConnectionEvent) => boolean,
    timeoutMs = 5_000,
  ): Promise<ConnectionEvent> {
    return this.gateway.waitForConnectionEvent(predicate, timeoutMs);
  }

  /** Sends any dispatch event (op 0), e.g. `dispatch('GUILD_DELETE', { id, unavailable: true })`. */
  dispatch(t: string, d: unknown, target?: DispatchTarget): DispatchHandle {
    return this.gateway.dispatch(t, d, target);
  }

  /**
   * Sends INTERACTION_CREATE (buffered while the session is down, replayed on RESUME) and returns a
   * handle to wait for the bot's answer.
   */
  dispatchInteraction(payload: DispatchableInteraction, target?: DispatchTarget): InteractionHandle {
    const raw = payload as { id: string; token: string; guild_id?: string };
    this.#state.rememberInteraction(payload as Parameters<StandInState['rememberInteraction']>[0]);
    const dispatch = this.gateway.dispatch('INTERACTION_CREATE', payload, {
      ...(raw.guild_id ? { guildId: raw.guild_id } : {}),
      ...target,
    });
    const id = raw.id;
    const token = raw.token;
    const concerns = (r: RecordedRequest) =>
      (r.route === CALLBACK_ROUTE && r.params.id === id) ||
      (r.path.startsWith('/webhooks/') && r.params.token === token);
    const accepted = (r: RecordedRequest) => r.fault === null && r.status >= 200 && r.status < 300;
    return {
      id,
      token,
      payload,
      dispatch,
      waitForDelivery: (timeoutMs) => dispatch.waitForDelivery(timeoutMs),
      waitForCallback: (timeoutMs = 5_000) =>
        this.rest.waitForRequest(
          (r) => r.route === CALLBACK_ROUTE && r.params.id === id && accepted(r),
          timeoutMs,
        ),
      callbacks: () => this.rest.callbacksFor(id),
      requests: () => this.rest.requests.filter(concerns),
      waitForRequest: (predicate, timeoutMs = 5_000) =>
        this.rest.waitForRequest((r) => concerns(r) && predicate(r), timeoutMs),
      waitForEdit: (timeoutMs = 5_000) =>
        this.rest.waitForRequest(
          (r) =>
            r.route === WEBHOOK_MESSAGE_PATCH_ROUTE &&
            r.params.token === token &&
            r.params.messageId === '@original' &&
            accepted(r),
          timeoutMs,
        ),
      waitForFollowUp: (timeoutMs = 5_000) =>
        this.rest.waitForRequest(
          (r) => r.route === FOLLOW_UP_ROUTE && r.params.token === token && accepted(r),
          timeoutMs,
        ),
      original: () => this.#state.interactions.get(id)?.original ?? null,
    };
  }

  /** `<@botId>`: how a message mentions the bot. */
  get botMention(): string {
    return `<@${this.#state.botUser.id}>`;
  }

  /**
   * Sends MESSAGE_CREATE for a message someone writes, as Discord would: with the users its `<@id>`s mention
   * in `mentions`, and the author's member in a guild. The gateway sends it only to sessions with the intent
   * for it, and without MESSAGE_CONTENT leaves its content out unless it mentions the bot or is in a DM.
   */
  dispatchMessage(options: MessageOptions): MessageHandle {
    const guild =
      options.guildId === null
        ? undefined
        : options.guildId === undefined
          ? this.#state.guilds[0]
          : this.#state.guilds.find((g) => g.id === options.guildId);
    const mentioned = [...options.content.matchAll(/<@!?(\d{17,20})>/g)].map(([, id]) =>
      id === this.#state.botUser.id ? this.#state.botUser : buildUser({ id }),
    );
    const message = buildMessage({
      channelId: guild?.channelId ?? snowflake(),
      guildId: guild?.id ?? null,
      author: buildUser(options.author),
      content: options.content,
      mentions: mentioned,
      ...(options.type === undefined ? {} : { type: options.type }),
    });
    const dispatch = this.gateway.dispatch('MESSAGE_CREATE', buildMessageCreate(message), {
      ...(guild ? { guildId: guild.id } : {}),
    });
    const isReply = (r: RecordedRequest) =>
      r.route === CHANNEL_MESSAGE_ROUTE &&
      (r.body as { message_reference?: { message_id?: string } } | null)?.message_reference?.message_id ===
        message.id;
    return {
      message,
      dispatch,
      waitForReply: (timeoutMs = 5_000) =>
        this.rest.waitForRequest((r) => isReply(r) && r.fault === null && r.status < 300, timeoutMs),
      replies: () => this.rest.requests.filter(isReply),
    };
  }

  /**
   * For the HTTP interactions endpoint: Discord takes the endpoint's HTTP response as the interaction's
   * callback. This records `payload` and applies `responseBody` through the callback route, so later webhook
   * calls with the token (e.g. editing the deferred original message) behave as on Discord.
   */
  async answeredOverHttp(payload: DispatchableInteraction, responseBody: string): Promise<void> {
    const { id, token } = payload as { id: string; token: string };
    this.#state.rememberInteraction(payload as Parameters<StandInState['rememberInteraction']>[0]);
    const response = await fetch(`${this.apiUrl}/v10/interactions/${id}/${token}/callback`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: responseBody,
    });
    if (!response.ok) throw new Error(`the stand-in refused the callback: ${response.status}`);
  }

  /** Closes open gateway connections with `code` (4000 etc. stay resumable; 4007/4009/... do not). */
  closeWithCode(
    code: number,
    options?: FaultTarget & { reason?: string; invalidateSession?: boolean },
  ): number {
    return this.gateway.closeWithCode(code, options);
  }

  /** Sends op 7 RECONNECT. */
  sendReconnect(options?: FaultTarget): number {
    return this.gateway.sendReconnect(options);
  }

  /** Sends op 9 INVALID_SESSION with `d: resumable`. */
  sendInvalidSession(resumable: boolean, options?: FaultTarget): number {
    return this.gateway.sendInvalidSession(resumable, options);
  }

  /** Stops (`true`) or restarts (`false`) answering heartbeats with op 11. */
  dropHeartbeatAcks(on: boolean, options?: { currentConnectionOnly?: boolean }): void {
    this.gateway.dropHeartbeatAcks(on, options);
  }

  /** Sends a server-side op 1 asking the client to heartbeat now. */
  requestHeartbeat(options?: FaultTarget): number {
    return this.gateway.requestHeartbeat(options);
  }

  /** Heartbeat interval announced in future HELLOs. */
  setHeartbeatInterval(ms: number): void {
    this.#state.heartbeatInterval = ms;
  }

  // --- payload builders with this stand-in's ids ------------------------------------------------

  chatInputInteraction(options: StandInBuilderOptions<ChatInputInteractionOptions>) {
    return buildChatInputInteraction(this.#withDefaults(options));
  }

  autocompleteInteraction(options: StandInBuilderOptions<AutocompleteInteractionOptions>) {
    return buildAutocompleteInteraction(this.#withDefaults(options));
  }

  componentInteraction(options: StandInBuilderOptions<ComponentInteractionOptions>) {
    return buildComponentInteraction({
      messageAuthor: this.#state.botUser,
      ...this.#withDefaults(options),
    });
  }

  #withDefaults<T extends { applicationId?: string; guildId?: string | null; channelId?: string }>(
    options: T,
  ): T & { applicationId: string } {
    const guild =
      options.guildId === undefined
        ? this.#state.guilds[0]
        : this.#state.guilds.find((g) => g.id === options.guildId);
    return {
      ...(guild && options.guildId !== null
        ? { guildId: guild.id, channelId: guild.channelId, channelName: guild.channelName }
        : {}),
      ...options,
      applicationId: options.applicationId ?? this.#state.applicationId,
    };
  }

  // --- lifecycle ---------------------------------------------------------------------------------

  /** Terminates every socket and closes the server. Idempotent; never hangs. */
  close(): Promise<void> {
    this.#closed ??= (async () => {
      this.gateway.close();
      this.rest.log.close('Discord stand-in closed');
      const wssClosed = new Promise<void>((resolve) => this.#wss.close(() => resolve()));
      const serverClosed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
      this.#server.closeAllConnections();
      let guard: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all([wssClosed, serverClosed]),
        new Promise<void>((resolve) => {
          guard = setTimeout(resolve, 2_000);
        }),
      ]);
      clearTimeout(guard);
    })();
    return this.#closed;
  }
}

/** Starts a stand-in on 127.0.0.1 and a random free port (unless `options.port` is set). */
export async function startDiscordStandIn(options: DiscordStandInOptions = {}): Promise<DiscordStandIn> {
  const state = new StandInState(options);
  const rest = new RestStandIn(state);
  const server = createServer((req, res) => {
    rest.handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `stand-in error: ${String(error)}`, code: 0 }));
    });
  });
  const wss = new WebSocketServer({ server, perMessageDeflate: false });
  const gateway = new GatewayStandIn(state, wss);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('stand-in: unexpected server address');
  state.port = address.port;
  return new DiscordStandIn(state, server, wss, rest, gateway);
}
