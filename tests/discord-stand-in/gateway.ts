/**
 * Gateway half of the stand-in: plain-JSON Discord gateway v10 over `ws`, with sessions,
 * RESUME replay and fault injection.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { type RawData, WebSocket, type WebSocketServer } from 'ws';
import { buildGuildCreate, buildGuildMember, shardForGuild } from './payloads.js';
import type { StandInState } from './state.js';
import type { ConnectionEvent, DispatchHandle, DispatchTarget, GatewayFrame, SessionInfo } from './types.js';
import { WaitableLog } from './waiters.js';

const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  PresenceUpdate: 3,
  VoiceStateUpdate: 4,
  Resume: 6,
  Reconnect: 7,
  RequestGuildMembers: 8,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;

const Intents = { Guilds: 1 << 0, GuildMessages: 1 << 9, DirectMessages: 1 << 12, MessageContent: 1 << 15 };
/** Close codes after which Discord does not let the session be resumed. */
const NON_RESUMABLE_CLOSE_CODES = new Set([4004, 4007, 4009, 4010, 4011, 4012, 4013, 4014]);
const NOT_REPLAYED = new Set(['READY', 'RESUMED']);

interface DispatchEntry {
  t: string;
  d: unknown;
  target: DispatchTarget;
  seq: number | null;
  session: Session | null;
  deliveries: number;
}

interface Session {
  id: string;
  shard: [number, number] | null;
  intents: number;
  token: string;
  seq: number;
  history: DispatchEntry[];
  connection: Connection | null;
  invalidated: boolean;
  /** Creation order, to pick the newest session. */
  order: number;
}

interface Connection {
  id: number;
  socket: WebSocket;
  query: Record<string, string>;
  session: Session | null;
  dropAcks: boolean;
  serverClosing: boolean;
  closed: boolean;
}

export interface FaultTarget {
  /** Only connections of this shard (default: every open connection). */
  shardId?: number;
}

export class GatewayStandIn {
  readonly frames = new WaitableLog<GatewayFrame>('gateway frame');
  readonly connectionEvents = new WaitableLog<ConnectionEvent>('gateway connection event');
  readonly #deliveries = new WaitableLog<DispatchEntry>('dispatch delivery');
  readonly #connections = new Map<number, Connection>();
  readonly #sessions = new Map<string, Session>();
  readonly #pending: DispatchEntry[] = [];
  #dropAcks = false;
  #nextConnectionId = 1;
  #nextFrameId = 1;
  #nextSessionOrder = 1;

  constructor(
    private readonly state: StandInState,
    wss: WebSocketServer,
  ) {
    wss.on('connection', (socket, request) => this.#onConnection(socket, request));
  }

  // ---------------------------------------------------------------------------------------
  // Public API
  // ---------------------------------------------------------------------------------------

  sessions(): SessionInfo[] {
    return [...this.#sessions.values()].map((s) => ({
      id: s.id,
      shard: s.shard,
      seq: s.seq,
      connected: s.connection !== null,
      invalidated: s.invalidated,
      intents: s.intents,
    }));
  }

  /** Number of currently open WebSocket connections. */
  get openConnections(): number {
    return [...this.#connections.values()].filter((c) => !c.closed).length;
  }

  /**
   * Queues a dispatch (op 0). It is sent at once if the target session is connected, stored in the
   * session (and replayed on RESUME) if the session is down, or held until the next READY if no live
   * session exists.
   */
  dispatch(t: string, d: unknown, target: DispatchTarget = {}): DispatchHandle {
    const entry: DispatchEntry = { t, d, target, seq: null, session: null, deliveries: 0 };
    const session = this.#pickSession(target);
    if (session) this.#append(session, entry);
    else this.#pending.push(entry);
    const deliveries = this.#deliveries;
    return {
      t,
      d,
      get seq() {
        return entry.seq;
      },
      get sessionId() {
        return entry.session?.id ?? null;
      },
      get deliveries() {
        return entry.deliveries;
      },
      waitForDelivery: async (timeoutMs = 5_000) => {
        await deliveries.waitFor((e) => e === entry, timeoutMs);
      },
    };
  }

  waitForFrame(predicate: (frame: GatewayFrame) => boolean, timeoutMs = 5_000): Promise<GatewayFrame> {
    return this.frames.waitFor(predicate, timeoutMs, () => {
      const recent = this.frames.items
        .slice(-10)
        .map((f) => `  #${f.id} ${f.direction} conn ${f.connectionId} op ${f.op}${f.t ? ` ${f.t}` : ''}`);
      return `Last frames:\n${recent.join('\n') || '  (none)'}`;
    });
  }

  waitForConnectionEvent(
    predicate: (event: ConnectionEvent) => boolean,
    timeoutMs = 5_000,
  ): Promise<ConnectionEvent> {
    return this.connectionEvents.waitFor(predicate, timeoutMs);
  }

  /** Closes open connections with `code`. Sessions stay resumable unless the code forbids it. */
  closeWithCode(
    code: number,
    options: FaultTarget & { reason?: string; invalidateSession?: boolean } = {},
  ): number {
    const invalidate = options.invalidateSession ?? NON_RESUMABLE_CLOSE_CODES.has(code);
    const targets = this.#targets(options);
    for (const connection of targets) {
      const session = connection.session;
      if (session) {
        this.#detach(connection);
        if (invalidate) session.invalidated = true;
      }
      connection.serverClosing = true;
      connection.socket.close(code, options.reason ?? `stand-in closed with ${code}`);
    }
    return targets.length;
  }

  /** Sends op 7 RECONNECT; the client is expected to close and RESUME. */
  sendReconnect(options: FaultTarget = {}): number {
    const targets = this.#targets(options);
    for (const connection of targets) this.#send(connection, { op: Op.Reconnect, d: null, s: null, t: null });
    return targets.length;
  }

  /**
   * Sends op 9 INVALID_SESSION. Non-resumable invalidates the session (the client must IDENTIFY again);
   * resumable keeps it, and the client may RESUME on the same connection.
   */
  sendInvalidSession(resumable: boolean, options: FaultTarget = {}): number {
    const targets = this.#targets(options);
    for (const connection of targets) {
      const session = connection.session;
      if (session) {
        this.#detach(connection);
        if (!resumable) session.invalidated = true;
      }
      this.#send(connection, { op: Op.InvalidSession, d: resumable, s: null, t: null });
    }
    return targets.length;
  }

  /**
   * Stops (or resumes) answering heartbeats with op 11. With `currentConnectionOnly`, only the connections
   * open right now are affected, so the client's next connection gets ACKs again.
   */
  dropHeartbeatAcks(on: boolean, options: { currentConnectionOnly?: boolean } = {}): void {
    if (options.currentConnectionOnly) {
      for (const connection of this.#connections.values()) if (!connection.closed) connection.dropAcks = on;
      return;
    }
    this.#dropAcks = on;
    if (!on) for (const connection of this.#connections.values()) connection.dropAcks = false;
  }

  /** Sends a server-side op 1 HEARTBEAT request; the client must answer with a heartbeat right away. */
  requestHeartbeat(options: FaultTarget = {}): number {
    const targets = this.#targets(options);
    for (const connection of targets) {
      this.#send(connection, { op: Op.Heartbeat, d: connection.session?.seq ?? null, s: null, t: null });
    }
    return targets.length;
  }

  close(): void {
    for (const connection of this.#connections.values()) {
      connection.serverClosing = true;
      connection.socket.terminate();
    }
    this.frames.close('Discord stand-in closed');
    this.connectionEvents.close('Discord stand-in closed');
    this.#deliveries.close('Discord stand-in closed');
  }

  // ---------------------------------------------------------------------------------------
  // Internals
  // ---------------------------------------------------------------------------------------

  #targets(options: FaultTarget): Connection[] {
    return [...this.#connections.values()].filter(
      (c) =>
        !c.closed &&
        c.socket.readyState === WebSocket.OPEN &&
        (options.shardId === undefined || c.session?.shard?.[0] === options.shardId),
    );
  }

  #pickSession(target: DispatchTarget): Session | null {
    const live = [...this.#sessions.values()].filter((s) => !s.invalidated);
    if (target.sessionId !== undefined) return live.find((s) => s.id === target.sessionId) ?? null;
    let shardId = target.shardId;
    if (shardId === undefined && target.guildId !== undefined && this.state.shards > 1) {
      shardId = shardForGuild(target.guildId, this.state.shards);
    }
    const candidates =
      shardId === undefined ? live : live.filter((s) => (s.shard ? s.shard[0] === shardId : shardId === 0));
    return candidates.sort((a, b) => b.order - a.order)[0] ?? null;
  }

  #append(session: Session, entry: DispatchEntry): void {
    if (entry.t === 'MESSAGE_CREATE') {
      const visible = this.#messageAsSeenBy(session, entry.d);
      // Discord sends no MESSAGE_CREATE to a session without the intent for it; the handle shows 0 deliveries.
      if (!visible) return;
      entry.d = visible;
    }
    session.seq += 1;
    entry.seq = session.seq;
    entry.session = session;
    session.history.push(entry);
    if (session.connection) this.#deliver(session.connection, entry);
  }

  /**
   * A MESSAGE_CREATE as Discord sends it to a session: only with GUILD_MESSAGES (guild) or DIRECT_MESSAGES
   * (DM), and without the privileged MESSAGE_CONTENT its content, embeds, attachments and components are
   * empty, except in DMs, in messages that mention the bot, and in the bot's own messages.
   */
  #messageAsSeenBy(session: Session, d: unknown): unknown {
    const message = d as { guild_id?: string; author?: { id?: string }; mentions?: { id?: string }[] };
    const botId = this.state.botUser.id;
    const needed = message.guild_id ? Intents.GuildMessages : Intents.DirectMessages;
    if (!(session.intents & needed)) return null;
    const readable =
      session.intents & Intents.MessageContent ||
      !message.guild_id ||
      message.author?.id === botId ||
      message.mentions?.some((user) => user.id === botId);
    return readable ? d : { ...message, content: '', embeds: [], attachments: [], components: [] };
  }

  #deliver(connection: Connection, entry: DispatchEntry): void {
    if (this.#send(connection, { op: Op.Dispatch, d: entry.d, s: entry.seq, t: entry.t })) {
      entry.deliveries += 1;
      this.#deliveries.push(entry);
    }
  }

  #flushPending(session: Session): void {
    for (const entry of [...this.#pending]) {
      if (this.#pickSession(entry.target) !== session) continue;
      this.#pending.splice(this.#pending.indexOf(entry), 1);
      this.#append(session, entry);
    }
  }

  #detach(connection: Connection): void {
    const session = connection.session;
    if (session && session.connection === connection) session.connection = null;
    connection.session = null;
  }

  #send(
    connection: Connection,
    payload: { op: number; d: unknown; s: number | null; t: string | null },
  ): boolean {
    if (connection.closed || connection.socket.readyState !== WebSocket.OPEN) return false;
    connection.socket.send(JSON.stringify(payload));
    this.#record('out', connection, payload);
    return true;
  }

  #record(
    direction: 'in' | 'out',
    connection: Connection,
    payload: { op: number; d: unknown; s?: number | null; t?: string | null },
    raw?: string,
  ): void {
    const frame: GatewayFrame = {
      id: this.#nextFrameId++,
      direction,
      connectionId: connection.id,
      sessionId: connection.session?.id ?? null,
      op: payload.op,
      t: payload.t ?? null,
      s: payload.s ?? null,
      d: payload.d,
      time: Date.now(),
    };
    if (raw !== undefined) frame.raw = raw;
    this.frames.push(frame);
  }

  #onConnection(socket: WebSocket, request: IncomingMessage): void {
    const query = Object.fromEntries(new URL(request.url ?? '/', 'http://127.0.0.1').searchParams.entries());
    const connection: Connection = {
      id: this.#nextConnectionId++,
      socket,
      query,
      session: null,
      dropAcks: false,
      serverClosing: false,
      closed: false,
    };
    this.#connections.set(connection.id, connection);
    this.connectionEvents.push({ connectionId: connection.id, type: 'open', query, time: Date.now() });

    socket.on('message', (data, isBinary) => this.#onMessage(connection, data, isBinary));
    socket.on('error', () => {
      // Socket errors end in 'close'; nothing else to do.
    });
    socket.on('close', (code, reason) => {
      connection.closed = true;
      const session = connection.session;
      this.#detach(connection);
      // Discord invalidates the session when the client closes with 1000/1001.
      if (session && !connection.serverClosing && (code === 1000 || code === 1001))
        session.invalidated = true;
      this.#connections.delete(connection.id);
      this.connectionEvents.push({
        connectionId: connection.id,
        type: 'close',
        query,
        code,
        reason: reason.toString(),
        initiator: connection.serverClosing ? 'server' : 'client',
        time: Date.now(),
      });
    });

    if (query.encoding !== undefined && query.encoding !== 'json') {
      connection.serverClosing = true;
      socket.close(4002, 'the stand-in only speaks encoding=json');
      return;
    }
    if (query.compress !== undefined) {
      connection.serverClosing = true;
      socket.close(4002, 'the stand-in does not support transport compression');
      return;
    }
    if (query.v !== undefined && query.v !== '10' && query.v !== '9') {
      connection.serverClosing = true;
      socket.close(4012, 'Invalid API version');
      return;
    }
    this.#send(connection, {
      op: Op.Hello,
      d: { heartbeat_interval: this.state.heartbeatInterval, _trace: ['["discord-stand-in",{"micros":0}]'] },
      s: null,
      t: null,
    });
  }

  #onMessage(connection: Connection, data: RawData, isBinary: boolean): void {
    const text = Array.isArray(data)
      ? Buffer.concat(data).toString('utf8')
      : Buffer.from(data as ArrayBuffer).toString('utf8');
    let payload: { op?: unknown; d?: unknown };
    try {
      payload = JSON.parse(text) as { op?: unknown; d?: unknown };
    } catch {
      this.#record('in', connection, { op: -1, d: null }, text);
      connection.serverClosing = true;
      connection.socket.close(
        4002,
        isBinary ? 'Error while decoding payload (binary)' : 'Error while decoding payload',
      );
      return;
    }
    const op = typeof payload.op === 'number' ? payload.op : -1;
    this.#record('in', connection, { op, d: payload.d ?? null });

    switch (op) {
      case Op.Heartbeat:
        if (!this.#dropAcks && !connection.dropAcks) {
          this.#send(connection, { op: Op.HeartbeatAck, d: null, s: null, t: null });
        }
        return;
      case Op.Identify:
        this.#onIdentify(connection, payload.d);
        return;
      case Op.Resume:
        this.#onResume(connection, payload.d);
        return;
      case Op.RequestGuildMembers:
        this.#onRequestGuildMembers(connection, payload.d);
        return;
      case Op.PresenceUpdate:
      case Op.VoiceStateUpdate:
        return;
      default:
        connection.serverClosing = true;
        connection.socket.close(4001, 'Unknown opcode');
    }
  }

  #onIdentify(connection: Connection, d: unknown): void {
    const data = (typeof d === 'object' && d !== null ? d : {}) as {
      token?: unknown;
      intents?: unknown;
      shard?: unknown;
    };
    if (connection.session) {
      connection.serverClosing = true;
      connection.socket.close(4005, 'Already authenticated');
      return;
    }
    const token = typeof data.token === 'string' ? data.token : '';
    if (this.state.token !== null && token !== this.state.token) {
      connection.serverClosing = true;
      connection.socket.close(4004, 'Authentication failed');
      return;
    }
    let shard: [number, number] | null = null;
    if (Array.isArray(data.shard) && data.shard.length === 2) {
      const [id, count] = data.shard as [unknown, unknown];
      if (typeof id !== 'number' || typeof count !== 'number' || id < 0 || id >= count) {
        connection.serverClosing = true;
        connection.socket.close(4010, 'Invalid shard');
        return;
      }
      shard = [id, count];
    }
    const intents = typeof data.intents === 'number' ? data.intents : 0;
    const session: Session = {
      id: randomBytes(16).toString('hex'),
      shard,
      intents,
      token,
      seq: 0,
      history: [],
      connection,
      invalidated: false,
      order: this.#nextSessionOrder++,
    };
    this.#sessions.set(session.id, session);
    connection.session = session;

    const guilds = this.state.guilds.filter((g) => !shard || shardForGuild(g.id, shard[1]) === shard[0]);
    const ready: Record<string, unknown> = {
      v: 10,
      user: this.state.botUser,
      user_settings: {},
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      presences: [],
      private_channels: [],
      relationships: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      session_type: 'normal',
      session_id: session.id,
      resume_gateway_url: this.state.gatewayUrl,
      application: { id: this.state.applicationId, flags: this.state.applicationFlags },
      _trace: ['["discord-stand-in",{"micros":0}]'],
    };
    if (shard) ready.shard = shard;
    this.#append(session, { t: 'READY', d: ready, target: {}, seq: null, session: null, deliveries: 0 });
    if (intents & Intents.Guilds) {
      for (const guild of guilds) {
        this.#append(session, {
          t: 'GUILD_CREATE',
          d: buildGuildCreate(guild, this.state.botUser),
          target: { guildId: guild.id },
          seq: null,
          session: null,
          deliveries: 0,
        });
      }
    }
    this.#flushPending(session);
  }

  #onResume(connection: Connection, d: unknown): void {
    const data = (typeof d === 'object' && d !== null ? d : {}) as {
      token?: unknown;
      session_id?: unknown;
      seq?: unknown;
    };
    const session = typeof data.session_id === 'string' ? this.#sessions.get(data.session_id) : undefined;
    const seq = typeof data.seq === 'number' ? data.seq : 0;
    const tokenOk = this.state.token === null || data.token === this.state.token;
    if (!tokenOk) {
      connection.serverClosing = true;
      connection.socket.close(4004, 'Authentication failed');
      return;
    }
    if (!session || session.invalidated || seq > session.seq) {
      this.#detach(connection);
      this.#send(connection, { op: Op.InvalidSession, d: false, s: null, t: null });
      return;
    }
    const previous = session.connection;
    if (previous && previous !== connection) {
      this.#detach(previous);
      previous.serverClosing = true;
      previous.socket.terminate();
    }
    if (connection.session && connection.session !== session) this.#detach(connection);
    connection.session = session;
    session.connection = connection;
    for (const entry of session.history) {
      if (entry.seq !== null && entry.seq > seq && !NOT_REPLAYED.has(entry.t))
        this.#deliver(connection, entry);
    }
    this.#append(session, {
      t: 'RESUMED',
      d: { _trace: ['["discord-stand-in",{"micros":0}]'] },
      target: {},
      seq: null,
      session: null,
      deliveries: 0,
    });
    this.#flushPending(session);
  }

  #onRequestGuildMembers(connection: Connection, d: unknown): void {
    const session = connection.session;
    if (!session) return;
    const data = (typeof d === 'object' && d !== null ? d : {}) as { guild_id?: unknown; nonce?: unknown };
    const guildIds = Array.isArray(data.guild_id) ? data.guild_id : [data.guild_id];
    for (const guildId of guildIds) {
      const guild = this.state.guilds.find((g) => g.id === guildId);
      if (!guild) continue;
      const chunk: Record<string, unknown> = {
        guild_id: guild.id,
        members: [buildGuildMember(this.state.botUser)],
        chunk_index: 0,
        chunk_count: 1,
        not_found: [],
      };
      if (typeof data.nonce === 'string') chunk.nonce = data.nonce;
      this.#append(session, {
        t: 'GUILD_MEMBERS_CHUNK',
        d: chunk,
        target: { sessionId: session.id },
        seq: null,
        session: null,
        deliveries: 0,
      });
    }
  }
}
