/**
 * End-to-end tests of the local Discord stand-in against the real, unmodified discord.js Client.
 * Everything runs over real sockets on 127.0.0.1; nothing talks to Discord.
 */
import { spawn } from 'node:child_process';
import type { EventEmitter } from 'node:events';
import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  Client,
  type ClientOptions,
  ComponentType,
  Events,
  GatewayDispatchEvents,
  GatewayIntentBits,
  type Interaction,
} from 'discord.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import {
  type DiscordStandIn,
  type DiscordStandInOptions,
  standInClientOptions,
  startDiscordStandIn,
} from './discord-stand-in/index.js';

const CALLBACK = 'POST /interactions/:id/:token/callback';

let standIn: DiscordStandIn | null = null;
let client: Client | null = null;
/** Errors thrown inside interaction handlers (they would otherwise vanish as unhandled rejections). */
let handlerErrors: unknown[] = [];

afterEach(async () => {
  const c = client;
  const s = standIn;
  client = null;
  standIn = null;
  if (c) {
    let guard: NodeJS.Timeout | undefined;
    await Promise.race([
      c.destroy().catch(() => {}),
      new Promise<void>((resolve) => {
        guard = setTimeout(resolve, 3_000);
      }),
    ]);
    clearTimeout(guard);
  }
  await s?.close();
  handlerErrors = [];
});

/** Resolves with the listener arguments of the next `event` (optionally filtered); rejects on timeout. */
function nextEvent<T extends unknown[] = unknown[]>(
  emitter: EventEmitter,
  event: string,
  timeoutMs = 5_000,
  filter: (...args: T) => boolean = () => true,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const listener = (...args: unknown[]) => {
      if (!filter(...(args as T))) return;
      cleanup();
      resolve(args as T);
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for client event ${event}`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      emitter.off(event, listener);
    };
    emitter.on(event, listener);
  });
}

function onInteraction(target: Client, handler: (interaction: Interaction) => Promise<unknown>): void {
  target.on(Events.InteractionCreate, (interaction) => {
    handler(interaction).catch((error: unknown) => handlerErrors.push(error));
  });
}

async function startAndLogin(
  options: DiscordStandInOptions = {},
  clientOptions: Partial<ClientOptions> = {},
): Promise<{ standIn: DiscordStandIn; client: Client<true> }> {
  const s = await startDiscordStandIn(options);
  standIn = s;
  const c = new Client({
    intents: [GatewayIntentBits.Guilds],
    ...standInClientOptions(s.apiUrl),
    ...clientOptions,
  });
  client = c;
  if (process.env.STAND_IN_DEBUG) {
    c.on(Events.Debug, (message) => console.log(`[discord.js] ${message}`));
    c.rest.on('restDebug', (message) => console.log(`[rest] ${message}`));
  }
  const ready = nextEvent(c, Events.ClientReady);
  await c.login('stand-in-token');
  await ready;
  return { standIn: s, client: c as Client<true> };
}

function identifyCount(s: DiscordStandIn): number {
  return s.frames.filter((f) => f.direction === 'in' && f.op === 2).length;
}

describe('Discord stand-in with a real discord.js Client', () => {
  it('logs in, reaches clientReady and caches the guild sent in GUILD_CREATE', async () => {
    const { standIn: s, client: c } = await startAndLogin();
    const guild = s.guilds[0];
    if (!guild) throw new Error('no guild');

    expect(c.user.id).toBe(s.applicationId);
    expect(c.user.bot).toBe(true);
    expect(c.application.id).toBe(s.applicationId);
    const cached = c.guilds.cache.get(guild.id);
    expect(cached?.name).toBe(guild.name);
    expect(cached?.available).toBe(true);
    expect(c.channels.cache.get(guild.channelId)?.isTextBased()).toBe(true);
    expect(cached?.members.me?.id).toBe(s.applicationId);

    const gatewayBot = s.requests.find((r) => r.route === 'GET /gateway/bot');
    expect(gatewayBot?.headers.authorization).toBe('Bot stand-in-token');
    expect(gatewayBot?.url).toBe('/api/v10/gateway/bot');

    const [open] = s.connectionEvents;
    expect(open?.query).toEqual({ v: '10', encoding: 'json' });
    const identify = s.frames.find((f) => f.direction === 'in' && f.op === 2);
    expect(identify?.d).toMatchObject({
      token: 'stand-in-token',
      intents: GatewayIntentBits.Guilds,
      shard: [0, 1],
    });
    const out = s.frames.filter((f) => f.direction === 'out').map((f) => f.t ?? `op${f.op}`);
    expect(out.slice(0, 3)).toEqual(['op10', 'READY', 'GUILD_CREATE']);

    // Server-requested heartbeat: the client answers at once and the stand-in ACKs it.
    const mark = s.frames.length;
    s.requestHeartbeat();
    const beat = await s.waitForFrame((f) => f.id > mark && f.direction === 'in' && f.op === 1);
    expect(beat.d).toBe(s.sessions()[0]?.seq);
    await s.waitForFrame((f) => f.id > beat.id && f.direction === 'out' && f.op === 11);
  });

  it('answers REST routes: commands bulk overwrite, @me, unknown routes', async () => {
    const { standIn: s, client: c } = await startAndLogin();
    const guildId = s.guilds[0]?.id ?? '';

    // A 429 on a route with a normal (sequential) rate-limit bucket is retried too.
    const limited = s.injectRestFault({
      method: 'PUT',
      path: '/applications/:appId/commands',
      retryAfter: 0.05,
    });
    const global = await c.application.commands.set([
      { name: 'ping', description: 'Ping' },
      { name: 'search', description: 'Search', options: [{ name: 'q', description: 'query', type: 3 }] },
    ]);
    expect([...global.values()].map((cmd) => cmd.name).sort()).toEqual(['ping', 'search']);
    expect(s.commands().map((cmd) => cmd.name)).toEqual(['ping', 'search']);
    expect(limited.hits).toHaveLength(1);
    const fetched = await c.application.commands.fetch();
    expect(fetched.size).toBe(2);
    // Bulk overwrite keeps ids of commands that still exist.
    const again = await c.application.commands.set([{ name: 'ping', description: 'Ping v2' }]);
    expect(again.first()?.id).toBe(global.find((cmd) => cmd.name === 'ping')?.id);

    const guildCommands = await c.guilds.cache
      .get(guildId)
      ?.commands.set([{ name: 'local', description: 'L' }]);
    expect(guildCommands?.first()?.guildId).toBe(guildId);
    expect(s.commands(guildId)).toHaveLength(1);

    const app = await c.application.fetch();
    expect(app.id).toBe(s.applicationId);
    const me = await c.users.fetch(s.applicationId, { force: true });
    expect(me.bot).toBe(true);

    const response = await fetch(`${s.apiUrl}/v10/no/such/route`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ message: '404: Not Found' });
    const unknown = await s.waitForRequest((r) => r.path === '/no/such/route');
    expect(unknown.route).toBeNull();
    expect(unknown.status).toBe(404);
  });

  it('sends MESSAGE_CREATE as Discord does: by intent, with content only where MESSAGE_CONTENT is not needed', async () => {
    const { standIn: s, client: c } = await startAndLogin(
      {},
      {
        intents: [
          GatewayIntentBits.Guilds,
          GatewayIntentBits.GuildMessages,
          GatewayIntentBits.DirectMessages,
        ],
      },
    );
    const seen: { id: string; content: string }[] = [];
    c.ws.on(GatewayDispatchEvents.MessageCreate, (message: { id: string; content: string }) =>
      seen.push({ id: message.id, content: message.content }),
    );
    const plain = s.dispatchMessage({ content: 'hello all' });
    const mention = s.dispatchMessage({ content: `${s.botMention} hello bot` });
    const dm = s.dispatchMessage({ content: 'hello in private', guildId: null });
    await Promise.all([plain, mention, dm].map((handle) => handle.dispatch.waitForDelivery()));
    await vi.waitFor(() => expect(seen).toHaveLength(3));
    expect(seen).toEqual([
      { id: plain.message.id, content: '' },
      { id: mention.message.id, content: `${s.botMention} hello bot` },
      { id: dm.message.id, content: 'hello in private' },
    ]);
    expect(mention.message.mentions.map((user) => user.id)).toEqual([s.applicationId]);
    expect(dm.message.guild_id).toBeUndefined();

    // A reply: POST /channels/{id}/messages with a message_reference, found by the handle.
    const channel = await c.channels.fetch(s.guilds[0]?.channelId ?? '');
    if (!channel?.isSendable()) throw new Error('no channel to send to');
    await channel.send({ content: 'hi', reply: { messageReference: mention.message.id } });
    expect((await mention.waitForReply()).body).toMatchObject({
      message_reference: { message_id: mention.message.id },
    });
    expect(plain.replies()).toEqual([]);
  });

  it('sends no MESSAGE_CREATE to a session without GUILD_MESSAGES or DIRECT_MESSAGES', async () => {
    const { standIn: s } = await startAndLogin();
    const handles = [
      s.dispatchMessage({ content: `${s.botMention} hi` }),
      s.dispatchMessage({ content: 'hi', guildId: null }),
    ];
    const marker = s.dispatch('TYPING_START', { channel_id: '1', user_id: '2', timestamp: 0 });
    await marker.waitForDelivery();
    for (const handle of handles) expect(handle.dispatch.deliveries).toBe(0);
    expect(s.frames.filter((f) => f.t === 'MESSAGE_CREATE')).toEqual([]);
  });

  it('delivers a chat input INTERACTION_CREATE and records reply() as a type 4 callback', async () => {
    const { standIn: s, client: c } = await startAndLogin();
    const seen: { query: string | null; limit: number | null; guildId: string | null }[] = [];
    onInteraction(c, async (interaction) => {
      if (!interaction.isChatInputCommand() || interaction.commandName !== 'ping') return;
      seen.push({
        query: interaction.options.getString('query'),
        limit: interaction.options.getInteger('limit'),
        guildId: interaction.guildId,
      });
      await interaction.reply({ content: 'pong' });
    });

    const payload = s.chatInputInteraction({ commandName: 'ping', options: { query: 'hello', limit: 3 } });
    const handle = s.dispatchInteraction(payload);
    const callback = await handle.waitForCallback();

    expect(callback.body).toMatchObject({ type: 4, data: { content: 'pong' } });
    expect(callback.query.with_response).toBe('false');
    expect(callback.status).toBe(204);
    expect(callback.headers.authorization).toBeUndefined();
    expect(seen).toEqual([{ query: 'hello', limit: 3, guildId: s.guilds[0]?.id }]);
    expect(s.callbacksFor(payload.id)).toHaveLength(1);
    expect(handle.original()?.content).toBe('pong');
    expect(handlerErrors).toEqual([]);
  });

  it('handles deferReply/editReply/followUp, withResponse, autocomplete and button updates', async () => {
    const { standIn: s, client: c } = await startAndLogin();
    const results: Record<string, unknown> = {};
    onInteraction(c, async (interaction) => {
      if (interaction.isAutocomplete()) {
        const auto = interaction as AutocompleteInteraction;
        results.focused = auto.options.getFocused(true);
        await auto.respond([{ name: 'Alpha', value: 'alpha' }]);
      } else if (interaction.isButton()) {
        const button = interaction as ButtonInteraction;
        results.customId = button.customId;
        results.messageContent = button.message.content;
        await button.update({ content: 'clicked', components: [] });
      } else if (interaction.isChatInputCommand()) {
        const command = interaction as ChatInputCommandInteraction;
        if (command.commandName === 'slow') {
          await command.deferReply();
          const edited = await command.editReply('done');
          results.editedContent = edited.content;
          const followUp = await command.followUp({
            content: 'more',
            files: [{ attachment: Buffer.from('hello file'), name: 'note.txt' }],
          });
          results.followUpAttachment = followUp.attachments.first()?.name;
        } else if (command.commandName === 'rich') {
          const response = await command.reply({ content: 'with response', withResponse: true });
          results.resourceContent = response.resource?.message?.content;
        }
      }
    });

    const slow = s.dispatchInteraction(s.chatInputInteraction({ commandName: 'slow' }));
    expect((await slow.waitForCallback()).body).toMatchObject({ type: 5 });
    expect((await slow.waitForEdit()).body).toMatchObject({ content: 'done' });
    expect((await slow.waitForEdit()).url).toContain('/messages/%40original');
    const followUp = await slow.waitForFollowUp();
    expect(followUp.body).toMatchObject({ content: 'more' });
    expect(followUp.files.map((f) => [f.filename, f.data.toString()])).toEqual([['note.txt', 'hello file']]);
    await expect.poll(() => results.followUpAttachment).toBe('note.txt');
    expect(results.editedContent).toBe('done');

    const rich = s.dispatchInteraction(s.chatInputInteraction({ commandName: 'rich' }));
    const richCallback = await rich.waitForCallback();
    expect(richCallback.query.with_response).toBe('true');
    expect(richCallback.status).toBe(200);
    await expect.poll(() => results.resourceContent).toBe('with response');

    const auto = s.dispatchInteraction(
      s.autocompleteInteraction({ commandName: 'search', options: { q: 'al' }, focused: 'q' }),
    );
    expect((await auto.waitForCallback()).body).toEqual({
      type: 8,
      data: { choices: [{ name: 'Alpha', value: 'alpha' }] },
    });
    expect(results.focused).toMatchObject({ name: 'q', value: 'al' });

    const button = s.dispatchInteraction(
      s.componentInteraction({ customId: 'confirm', componentType: ComponentType.Button }),
    );
    expect((await button.waitForCallback()).body).toMatchObject({
      type: 7,
      data: { content: 'clicked', components: [] },
    });
    expect(results.customId).toBe('confirm');
    expect(results.messageContent).toBe('message with a component');
    expect(handlerErrors).toEqual([]);
  });

  it('RESUMEs after a resumable close (4000) and replays a dispatch sent while the session was down', async () => {
    const { standIn: s, client: c } = await startAndLogin();
    const sessionId = s.sessions()[0]?.id;
    onInteraction(c, async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'after resume' });
    });

    const resumed = nextEvent<[number, number]>(c, Events.ShardResume);
    expect(s.closeWithCode(4000)).toBe(1);
    const handle = s.dispatchInteraction(s.chatInputInteraction({ commandName: 'ping' }));
    expect(handle.dispatch.deliveries).toBe(0);

    const [, replayed] = await resumed;
    expect(replayed).toBeGreaterThanOrEqual(1);
    const resume = s.frames.find((f) => f.direction === 'in' && f.op === 6);
    expect(resume?.d).toMatchObject({ session_id: sessionId, token: 'stand-in-token' });
    expect((await handle.waitForCallback()).body).toMatchObject({
      type: 4,
      data: { content: 'after resume' },
    });
    expect(handle.dispatch.deliveries).toBe(1);
    expect(identifyCount(s)).toBe(1);
    expect(s.sessions()).toHaveLength(1);
  });

  it('op 7 RECONNECT makes the client reconnect and RESUME', async () => {
    const { standIn: s, client: c } = await startAndLogin();
    const resumed = nextEvent(c, Events.ShardResume);
    s.sendReconnect();
    await resumed;
    const close = await s.waitForConnectionEvent((e) => e.type === 'close');
    expect(close).toMatchObject({ initiator: 'client', code: 4200 });
    expect(s.frames.some((f) => f.direction === 'in' && f.op === 6)).toBe(true);
    expect(identifyCount(s)).toBe(1);

    onInteraction(c, async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'still here' });
    });
    const handle = s.dispatchInteraction(s.chatInputInteraction({ commandName: 'ping' }));
    expect((await handle.waitForCallback()).body).toMatchObject({ data: { content: 'still here' } });
  });

  it('op 9 INVALID_SESSION (not resumable) makes the client IDENTIFY again', async () => {
    const { standIn: s, client: c } = await startAndLogin();
    const readyAgain = nextEvent(c, Events.ShardReady);
    s.sendInvalidSession(false);
    await readyAgain;
    expect(identifyCount(s)).toBe(2);
    const sessions = s.sessions();
    expect(sessions).toHaveLength(2);
    expect(sessions[0]?.invalidated).toBe(true);
    expect(sessions[1]).toMatchObject({ invalidated: false, connected: true });

    onInteraction(c, async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'new session' });
    });
    const handle = s.dispatchInteraction(s.chatInputInteraction({ commandName: 'ping' }));
    expect((await handle.waitForCallback()).body).toMatchObject({ data: { content: 'new session' } });
    expect(handle.dispatch.sessionId).toBe(sessions[1]?.id);
  });

  it('dropped heartbeat ACKs make the client treat the connection as a zombie and RESUME', async () => {
    const { standIn: s, client: c } = await startAndLogin({ heartbeatInterval: 250 });
    const resumed = nextEvent(c, Events.ShardResume);
    s.dropHeartbeatAcks(true, { currentConnectionOnly: true });
    await resumed;
    const close = await s.waitForConnectionEvent((e) => e.type === 'close');
    expect(close).toMatchObject({ initiator: 'client', code: 4200 });
    expect(identifyCount(s)).toBe(1);
    // The new connection gets ACKs again.
    const lastConnection = s.connectionEvents.filter((e) => e.type === 'open').at(-1)?.connectionId;
    await s.waitForFrame((f) => f.connectionId === lastConnection && f.direction === 'out' && f.op === 11);
  });

  it('a 429 and then 500s on the callback still deliver each reply exactly once', async () => {
    const { standIn: s, client: c } = await startAndLogin();
    const replies: string[] = [];
    onInteraction(c, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply({ content: `reply to ${interaction.commandName}` });
      replies.push(interaction.commandName);
    });

    const rateLimit = s.injectRestFault({
      method: 'POST',
      path: '/interactions/:id/:token/callback',
      retryAfter: 0.05,
    });
    const first = s.dispatchInteraction(s.chatInputInteraction({ commandName: 'limited' }));
    await first.waitForCallback();
    await expect.poll(() => replies).toEqual(['limited']);
    expect(rateLimit.remaining).toBe(0);
    expect(rateLimit.hits).toHaveLength(1);
    const attempts = s.requests.filter((r) => r.route === CALLBACK && r.params.id === first.id);
    expect(attempts.map((r) => [r.status, r.fault])).toEqual([
      [429, 'rate-limit'],
      [204, null],
    ]);
    expect(attempts[0]?.responseBody).toMatchObject({ retry_after: 0.05, global: false });
    expect(s.callbacksFor(first.id)).toHaveLength(1);

    s.injectRestFault({
      method: 'POST',
      path: /^\/interactions\/\d+\/[^/]+\/callback$/,
      status: 500,
      times: 2,
    });
    const second = s.dispatchInteraction(s.chatInputInteraction({ commandName: 'flaky' }));
    await second.waitForCallback();
    await expect.poll(() => replies).toEqual(['limited', 'flaky']);
    const secondAttempts = s.requests.filter((r) => r.route === CALLBACK && r.params.id === second.id);
    expect(secondAttempts.map((r) => r.status)).toEqual([500, 500, 204]);
    expect(s.callbacksFor(second.id)).toHaveLength(1);
    expect(handlerErrors).toEqual([]);
  });

  it('spreads guilds over shards and routes interactions to the owning shard', async () => {
    // shards: 'auto' makes discord.js use the shard count from GET /gateway/bot.
    const { standIn: s, client: c } = await startAndLogin(
      { shards: 2, guilds: [{}, {}] },
      { shards: 'auto' },
    );
    expect(c.ws.shards.size).toBe(2);
    expect(
      s
        .sessions()
        .map((session) => session.shard?.join('/'))
        .sort(),
    ).toEqual(['0/2', '1/2']);
    for (const guild of s.guilds) expect(c.guilds.cache.get(guild.id)?.available).toBe(true);

    const shardIds: number[] = [];
    onInteraction(c, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      shardIds.push(interaction.guild?.shardId ?? -1);
      await interaction.reply({ content: 'sharded' });
    });
    const guild = s.guilds[1];
    const handle = s.dispatchInteraction(s.chatInputInteraction({ commandName: 'ping', guildId: guild?.id }));
    await handle.waitForCallback();
    const session = s.sessions().find((x) => x.id === handle.dispatch.sessionId);
    expect(shardIds).toEqual([session?.shard?.[0]]);
  });
});

/** A bare WebSocket gateway client, to check protocol details discord.js never exercises. */
async function rawGateway(url: string) {
  const socket = new WebSocket(`${url}?v=10&encoding=json`);
  const received: { op: number; t: string | null; s: number | null; d: unknown }[] = [];
  const waiters: (() => void)[] = [];
  socket.on('message', (data) => {
    received.push(JSON.parse(String(data)));
    for (const wake of waiters.splice(0)) wake();
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const next = async (predicate: (p: (typeof received)[number]) => boolean, timeoutMs = 2_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = received.find(predicate);
      if (found) return found;
      if (Date.now() > deadline) throw new Error('raw gateway: timed out');
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  };
  const send = (payload: unknown) => socket.send(JSON.stringify(payload));
  return { socket, received, next, send };
}

describe('Discord stand-in gateway protocol (raw WebSocket)', () => {
  it('holds dispatches until a session exists, rejects unknown RESUMEs and closes without hanging', async () => {
    const s = await startDiscordStandIn({ heartbeatInterval: 1_000 });
    standIn = s;
    const early = s.dispatch('TYPING_START', { channel_id: s.guilds[0]?.channelId });
    expect(early.seq).toBeNull();

    const raw = await rawGateway(s.gatewayUrl);
    expect((await raw.next((p) => p.op === 10)).d).toMatchObject({ heartbeat_interval: 1_000 });
    raw.send({ op: 1, d: null });
    await raw.next((p) => p.op === 11);
    raw.send({ op: 2, d: { token: 't', intents: 1, properties: {} } });
    const ready = await raw.next((p) => p.t === 'READY');
    expect(ready.s).toBe(1);
    expect(ready.d).toMatchObject({
      v: 10,
      resume_gateway_url: s.gatewayUrl,
      application: { id: s.applicationId },
    });
    expect((await raw.next((p) => p.t === 'GUILD_CREATE')).s).toBe(2);
    expect((await raw.next((p) => p.t === 'TYPING_START')).s).toBe(3);
    expect(early.seq).toBe(3);

    const other = await rawGateway(s.gatewayUrl);
    other.send({ op: 6, d: { token: 't', session_id: 'nope', seq: 0 } });
    expect((await other.next((p) => p.op === 9)).d).toBe(false);

    const closed = new Promise<number>((resolve) => raw.socket.once('close', (code) => resolve(code)));
    const started = Date.now();
    await s.close();
    await closed;
    expect(Date.now() - started).toBeLessThan(1_000);
    await expect(s.waitForFrame(() => false, 10)).rejects.toThrow(/closed/);
  });

  it('serves a discord.js bot running in a child process (DISCORD_API_URL)', async () => {
    const s = await startDiscordStandIn({ token: 'child-token' });
    standIn = s;
    const script = `
      const { Client, Events, GatewayIntentBits } = require('discord.js');
      const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: process.env.DISCORD_API_URL } });
      client.on(Events.InteractionCreate, (i) => {
        if (i.isChatInputCommand()) i.reply({ content: 'from child ' + process.pid }).catch(() => {});
      });
      process.on('SIGTERM', () => client.destroy().finally(() => process.exit(0)));
      client.login(process.env.DISCORD_TOKEN);
    `;
    const child = spawn(process.execPath, ['-e', script], {
      cwd: process.cwd(),
      env: { ...process.env, DISCORD_API_URL: s.apiUrl, DISCORD_TOKEN: 'child-token' },
      stdio: 'ignore',
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      // Dispatched before the child has connected: held until its session is READY.
      const handle = s.dispatchInteraction(s.chatInputInteraction({ commandName: 'ping' }));
      const callback = await handle.waitForCallback(10_000);
      expect(callback.body).toMatchObject({ type: 4, data: { content: `from child ${child.pid}` } });
      expect(s.requests.find((r) => r.route === 'GET /gateway/bot')?.headers.authorization).toBe(
        'Bot child-token',
      );
    } finally {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(timer);
    }
  });
});
