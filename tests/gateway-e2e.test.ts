/**
 * End-to-end tests of the gateway bot against the local Discord stand-in (REST + gateway on 127.0.0.1).
 *
 * The first suite runs the real bot exactly as `npm start` does (`node scripts/run.mjs start` with
 * DISCORD_TOKEN set) in a child process, sends it interactions over the gateway and checks the callbacks it
 * posts, also across gateway and REST faults. The second runs the same bot code in-process with an injected
 * handler that throws. Nothing talks to Discord.
 */
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { type Client, Events, GatewayIntentBits } from 'discord.js';
import {
  type APIInteraction,
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
  type APIMessage,
  ComponentType,
  InteractionResponseType,
  MessageFlags,
  type RESTPostAPIChannelMessageJSONBody,
} from 'discord-api-types/v10';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { en } from '../src/i18n/index.js';
import { handleInteraction } from '../src/interactions/handle.js';
import { type Logger, redactedPaths } from '../src/logger.js';
import { decodeCustomId } from '../src/toolkit/custom-id.js';
import { apology } from '../src/toolkit/replies.js';
import { createGatewayBot, type GatewayBotOptions } from '../src/transports/gateway/bot.js';
import {
  type DiscordStandIn,
  type DispatchableInteraction,
  type InteractionHandle,
  type MessageHandle,
  type RecordedRequest,
  standInClientOptions,
  startDiscordStandIn,
} from './discord-stand-in/index.js';
import { context, interactionFor } from './helpers/bot.js';
import { capturedLogger } from './helpers/captured-logger.js';
import {
  ChildBot,
  envWithoutDiscord,
  gatewayBotEnv,
  type LogLine,
  runToEnd,
} from './helpers/child-process.js';

/** Shaped like a real bot token (base64 user id . timestamp . HMAC), so config validation accepts it. */
const tokenSecret = 'e2eSecretPartOfTheBotToken-NeverLogged';
const token = `MTI5MDAwMDAwMDAwMDAwMDAwMQ.GabcDe.${tokenSecret}`;
const CALLBACK = 'POST /interactions/:id/:token/callback';
const interpolTitle = 'International Criminal Police Organization (INTERPOL)';
/** One user runs the commands and clicks their menus (menus answer their owner with an update, type 7). */
const analyst = { id: '1290000000000000042', username: 'analyst', global_name: 'Analyst' };

function bodyOf(request: RecordedRequest): APIInteractionResponse {
  return request.body as APIInteractionResponse;
}

/** The message of a type 4 or type 7 answer, which must forbid every mention. */
function messageOf(response: APIInteractionResponse): APIInteractionResponseCallbackData {
  if (
    (response.type !== InteractionResponseType.ChannelMessageWithSource &&
      response.type !== InteractionResponseType.UpdateMessage) ||
    !response.data
  ) {
    throw new Error(`expected a message, got ${JSON.stringify(response)}`);
  }
  expect(response.data.allowed_mentions).toEqual({ parse: [] });
  return response.data;
}

function customIdsOf(data: APIInteractionResponseCallbackData, type: ComponentType): string[] {
  return (data.components ?? []).flatMap((row) =>
    'components' in row
      ? row.components.flatMap((component) =>
          component.type === type && 'custom_id' in component ? [component.custom_id] : [],
        )
      : [],
  );
}

/** Requests (callbacks and webhook calls) about one interaction, as [status, fault] pairs. */
function attempts(handle: InteractionHandle): [number, string | null][] {
  return handle.requests().map((r) => [r.status, r.fault]);
}

function identifyCount(standIn: DiscordStandIn): number {
  return standIn.frames.filter((f) => f.direction === 'in' && f.op === 2).length;
}

const isResumed = (line: LogLine) => line.msg === 'gateway session resumed';

/** The gateway bot in-process, with its own client options (intents…) and `handle` in place of the router. */
async function loggedInBot(
  standIn: DiscordStandIn,
  logger: Logger,
  handle: NonNullable<GatewayBotOptions['handle']>,
): Promise<Client> {
  const client = createGatewayBot({
    config: { token, apiUrl: standIn.apiUrl },
    context,
    logger,
    handle,
    clientOptions: standInClientOptions(standIn.apiUrl),
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(token);
  await ready;
  return client;
}

/** Destroys an in-process client, giving up after 3 s. */
async function closeClient(client: Client | undefined): Promise<void> {
  let guard: NodeJS.Timeout | undefined;
  await Promise.race([
    client?.destroy().catch(() => {}),
    new Promise<void>((resolve) => {
      guard = setTimeout(resolve, 3_000);
    }),
  ]);
  clearTimeout(guard);
}

describe('the gateway bot started like `npm start`, against the Discord stand-in', () => {
  let standIn: DiscordStandIn;
  let bot: ChildBot;
  /** The interactions the current test sent: each must be answered exactly once (afterEach). */
  const sent: InteractionHandle[] = [];

  /** Dispatches INTERACTION_CREATE and remembers it, to check after the test that it was answered once. */
  function send(payload: DispatchableInteraction): InteractionHandle {
    const handle = standIn.dispatchInteraction(payload);
    sent.push(handle);
    return handle;
  }

  /** Waits for the accepted callback and checks it is the only answer: no retry was accepted or refused. */
  async function answerOf(handle: InteractionHandle, timeoutMs = 10_000): Promise<APIInteractionResponse> {
    const callback = await handle.waitForCallback(timeoutMs);
    expect(standIn.callbacksFor(handle.id)).toHaveLength(1);
    const refused = handle.requests().filter((r) => r.fault === null && r.status >= 300);
    expect(refused.map((r) => [r.method, r.path, r.status])).toEqual([]);
    return bodyOf(callback);
  }

  const partnerCommand = () =>
    standIn.chatInputInteraction({ commandName: 'partner', options: { who: 'interpol' }, user: analyst });

  async function expectInterpolCard(handle: InteractionHandle): Promise<void> {
    const response = await answerOf(handle);
    expect(response.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(messageOf(response).embeds?.[0]?.title).toBe(interpolTitle);
  }

  beforeAll(async () => {
    standIn = await startDiscordStandIn({ token });
    bot = new ChildBot('start', gatewayBotEnv(token, standIn.apiUrl));
    await bot.waitForLog((line) => line.msg === 'connected to the gateway', 0, 50_000);
  }, 60_000);

  afterAll(async () => {
    await bot?.stop();
    await standIn?.close();
  });

  beforeEach(() => {
    sent.length = 0;
  });

  // Each test's own interactions: answered exactly once (a late duplicate, e.g. a replayed dispatch answered
  // twice, gets a moment to show up), no callback refused, no token in the output.
  afterEach(async () => {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const output = bot.stdout + bot.stderr;
    expect(output).not.toContain(tokenSecret);
    for (const handle of sent) {
      expect(standIn.callbacksFor(handle.id), `interaction ${handle.id}`).toHaveLength(1);
      const refused = handle
        .requests()
        .filter((r) => r.route === CALLBACK && r.fault === null && r.status >= 300);
      expect(refused).toEqual([]);
      // Interaction tokens (they allow answering for 15 minutes) stay out of the log.
      expect(output).not.toContain(handle.token);
    }
  });

  it('logs in with DISCORD_TOKEN against DISCORD_API_URL and identifies with the intents it needs', () => {
    const gatewayBot = standIn.requests.find((r) => r.route === 'GET /gateway/bot');
    expect(gatewayBot?.headers.authorization).toBe(`Bot ${token}`);
    const identify = standIn.frames.find((f) => f.direction === 'in' && f.op === 2);
    const intents =
      GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.DirectMessages;
    expect(identify?.d).toMatchObject({ token, intents, shard: [0, 1] });
    expect(standIn.sessions()).toMatchObject([{ connected: true, invalidated: false }]);
    const connected = bot.lines.find((line) => line.msg === 'connected to the gateway');
    expect(connected).toMatchObject({ guilds: 1 });
  });

  it('/partner who:interpol answers with the INTERPOL card, as the shared handler does', async () => {
    const payload = partnerCommand();
    const response = await answerOf(send(payload));
    expect(response).toEqual(handleInteraction(payload, context));
    expect(messageOf(response).embeds?.[0]?.title).toBe(interpolTitle);
    expect((messageOf(response).flags ?? 0) & MessageFlags.Ephemeral).toBe(0);
  });

  it('answers in a DM with the bot too (user install: no guild, no member)', async () => {
    const payload = standIn.chatInputInteraction({
      commandName: 'partner',
      options: { who: 'interpol' },
      guildId: null,
      user: analyst,
    });
    expect(payload.guild_id).toBeUndefined();
    const response = await answerOf(send(payload));
    expect(response).toEqual(handleInteraction(payload, context));
    expect(messageOf(response).embeds?.[0]?.title).toBe(interpolTitle);
  });

  it('/mou year:2003 lists the agreements of 2003: INTERPOL and UNEP', async () => {
    const payload = standIn.chatInputInteraction({
      commandName: 'mou',
      options: { year: 2003 },
      user: analyst,
    });
    const response = await answerOf(send(payload));
    expect(response).toEqual(handleInteraction(payload, context));
    const card = JSON.stringify(messageOf(response).embeds);
    expect(card).toContain('2003');
    expect(card).toContain('INTERPOL');
    expect(card).toContain('UNEP');
  });

  it('/topic area:cultural-property shows the focus area with its partners', async () => {
    const payload = standIn.chatInputInteraction({
      commandName: 'topic',
      options: { area: 'cultural-property' },
    });
    const response = await answerOf(send(payload));
    expect(response).toEqual(handleInteraction(payload, context));
    const embed = messageOf(response).embeds?.[0];
    expect(embed?.title).toBe('Focus area: Cultural property');
    expect(embed?.description).toContain('INTERPOL');
  });

  it('/help lists every command with an example', async () => {
    const payload = standIn.chatInputInteraction({ commandName: 'help' });
    const response = await answerOf(send(payload));
    expect(response).toEqual(handleInteraction(payload, context));
    const description = messageOf(response).embeds?.[0]?.description ?? '';
    for (const example of [
      '/partner who:interpol',
      '/mou year:2003',
      '/topic area:drugs',
      '/ask question:',
    ]) {
      expect(description).toContain(example);
    }
  });

  it('autocomplete (who: interp) answers with choices, INTERPOL first', async () => {
    const response = await answerOf(
      send(
        standIn.autocompleteInteraction({
          commandName: 'partner',
          options: { who: 'interp' },
          focused: 'who',
        }),
      ),
    );
    expect(response.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    const choices =
      response.type === InteractionResponseType.ApplicationCommandAutocompleteResult
        ? (response.data.choices ?? [])
        : [];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices[0]?.value).toBe('interpol');
  });

  it('a menu pick on the /mou message updates that message with the chosen card (type 7)', async () => {
    const command = send(
      standIn.chatInputInteraction({ commandName: 'mou', options: { year: 2003 }, user: analyst }),
    );
    const [customId] = customIdsOf(messageOf(await answerOf(command)), ComponentType.StringSelect);
    const message = command.original();
    if (!customId || !message) throw new Error('the /mou answer has no menu');

    const click = send(
      standIn.componentInteraction({
        customId,
        componentType: ComponentType.StringSelect,
        values: ['interpol'],
        message,
        user: analyst,
      }),
    );
    const response = await answerOf(click);
    expect(response.type).toBe(InteractionResponseType.UpdateMessage);
    const data = messageOf(response);
    expect(data.embeds?.[0]?.title).toBe(interpolTitle);
    // "Back to the list" and the card's "Sources".
    expect(customIdsOf(data, ComponentType.Button)).toHaveLength(2);
    expect(click.original()?.embeds[0]?.title).toBe(interpolTitle);
  });

  it('the message command "WCO partners in this message" answers privately with the partners found', async () => {
    const base = standIn.chatInputInteraction({
      commandName: 'partner',
      options: { who: 'x' },
      user: analyst,
    });
    const targetId = '1290000000000000777';
    const payload = {
      ...base,
      data: {
        id: '1290000000000000778',
        name: 'WCO partners in this message',
        type: 3,
        target_id: targetId,
        resolved: {
          messages: {
            [targetId]: {
              id: targetId,
              channel_id: base.channel_id,
              content: 'Call with OLAF and WIPO',
              embeds: [],
            },
          },
        },
      },
    } as unknown as APIInteraction;
    const response = await answerOf(send(payload as unknown as DispatchableInteraction));
    expect(response).toEqual(handleInteraction(payload, context));
    const data = messageOf(response);
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(data.content).toContain('**WIPO**');
    expect(data.content).toContain('“OLAF”');
  });

  it('gateway closed with 4000: RESUMEs and answers the interaction sent while it was down', async () => {
    const mark = bot.lines.length;
    const identifies = identifyCount(standIn);
    const sessionId = standIn.sessions().at(-1)?.id;
    expect(standIn.closeWithCode(4000)).toBe(1);
    const handle = send(partnerCommand());
    expect(handle.dispatch.deliveries).toBe(0);

    await expectInterpolCard(handle);
    await bot.waitForLog(isResumed, mark);
    expect(handle.dispatch.deliveries).toBe(1);
    const resume = standIn.frames.filter((f) => f.direction === 'in' && f.op === 6).at(-1);
    expect(resume?.d).toMatchObject({ session_id: sessionId, token });
    expect(identifyCount(standIn)).toBe(identifies);
  });

  it('op 7 RECONNECT: reconnects, RESUMEs and loses no interaction', async () => {
    const mark = bot.lines.length;
    const identifies = identifyCount(standIn);
    expect(standIn.sendReconnect()).toBe(1);
    const handle = send(partnerCommand());
    await expectInterpolCard(handle);
    await bot.waitForLog(isResumed, mark);
    expect(identifyCount(standIn)).toBe(identifies);
  });

  it('heartbeats not acknowledged: treats the connection as a zombie, reconnects and RESUMEs', async () => {
    // A short heartbeat interval for the next connection (announced in HELLO), reached through op 7.
    standIn.setHeartbeatInterval(250);
    let mark = bot.lines.length;
    standIn.sendReconnect();
    await bot.waitForLog(isResumed, mark);
    standIn.setHeartbeatInterval(41_250);

    mark = bot.lines.length;
    const closesBefore = standIn.connectionEvents.filter((e) => e.type === 'close').length;
    standIn.dropHeartbeatAcks(true, { currentConnectionOnly: true });
    const handle = send(partnerCommand());
    await bot.waitForLog(isResumed, mark);
    const close = standIn.connectionEvents.filter((e) => e.type === 'close')[closesBefore];
    expect(close).toMatchObject({ initiator: 'client' });
    await expectInterpolCard(handle);

    const after = send(partnerCommand());
    await expectInterpolCard(after);
  });

  it('a 429 with retry-after on the callback: discord.js waits, retries, answers exactly once', async () => {
    const fault = standIn.injectRestFault({
      method: 'POST',
      path: '/interactions/:id/:token/callback',
      retryAfter: 0.2,
    });
    const handle = send(partnerCommand());
    await expectInterpolCard(handle);
    expect(fault.hits).toHaveLength(1);
    expect(attempts(handle)).toEqual([
      [429, 'rate-limit'],
      [204, null],
    ]);
    const [limited, accepted] = handle.requests();
    expect((accepted?.time ?? 0) - (limited?.time ?? 0)).toBeGreaterThanOrEqual(150);
  });

  it('a 500 on the callback: retried, answered exactly once', async () => {
    standIn.injectRestFault({ method: 'POST', path: '/interactions/:id/:token/callback', status: 500 });
    const handle = send(partnerCommand());
    await expectInterpolCard(handle);
    expect(attempts(handle)).toEqual([
      [500, 'server-error'],
      [204, null],
    ]);
  });

  it('a callback that keeps failing (5 × 500): the user gets the ephemeral apology as the answer', async () => {
    const handle = send(partnerCommand());
    // Injected for this interaction only; discord.js tries each callback 4 times (3 retries).
    standIn.injectRestFault({ path: `/interactions/${handle.id}/:token/callback`, status: 500, times: 5 });
    const response = await answerOf(handle);
    expect(response).toEqual({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { content: apology, flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } },
    });
    expect(attempts(handle)).toEqual([
      ...Array.from({ length: 5 }, () => [500, 'server-error']),
      [204, null],
    ]);
    expect(handle.requests().map((r) => r.route)).toEqual(Array(6).fill(CALLBACK));
    await bot.waitForLog((line) => line.msg === 'answered with an apology instead');
  });

  it('a callback refused with 400: the apology goes out as the callback, not as a follow-up (404 on Discord)', async () => {
    const handle = send(partnerCommand());
    standIn.injectRestFault({ path: `/interactions/${handle.id}/:token/callback`, status: 400 });
    const response = await answerOf(handle);
    expect(messageOf(response)).toMatchObject({ content: apology, flags: MessageFlags.Ephemeral });
    expect(attempts(handle)).toEqual([
      [400, 'custom'],
      [204, null],
    ]);
    // A follow-up needs an acknowledged interaction; Discord (and the stand-in) answer 10015 Unknown Webhook.
    expect(handle.requests().filter((r) => r.path.startsWith('/webhooks/'))).toEqual([]);
  });

  it('"already acknowledged" (40060) after a failed attempt: no apology on top of the answer', async () => {
    const handle = send(partnerCommand());
    standIn.injectRestFault({ path: `/interactions/${handle.id}/:token/callback`, status: 500 });
    standIn.injectRestFault({
      path: `/interactions/${handle.id}/:token/callback`,
      status: 400,
      body: { message: 'Interaction has already been acknowledged.', code: 40060 },
    });
    const mark = bot.lines.length;
    await bot.waitForLog((line) => line.msg === 'interaction callback failed', mark);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(attempts(handle)).toEqual([
      [500, 'server-error'],
      [400, 'custom'],
    ]);
    sent.splice(sent.indexOf(handle), 1);

    // The bot carries on.
    await expectInterpolCard(send(partnerCommand()));
  });

  it('when even the apology cannot be delivered, the bot logs it and keeps answering', async () => {
    const handle = send(partnerCommand());
    standIn.injectRestFault({ path: `/interactions/${handle.id}/:token/callback`, status: 503, times: 8 });
    const mark = bot.lines.length;
    await bot.waitForLog((line) => line.msg === 'apology failed too', mark);
    expect(attempts(handle)).toEqual(Array(8).fill([503, 'server-error']));
    sent.splice(sent.indexOf(handle), 1);
    await expectInterpolCard(send(partnerCommand()));
  });

  it('op 9 INVALID_SESSION (not resumable): IDENTIFYs again and answers what came meanwhile', async () => {
    // discord.js spaces IDENTIFYs 5 to 6.5 s apart (max_concurrency 1). The earlier tests usually took
    // longer than that already; if not, wait out the rest rather than have the bot sleep.
    const firstIdentify = standIn.frames.find((f) => f.direction === 'in' && f.op === 2);
    const wait = (firstIdentify?.time ?? 0) + 5_100 - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const mark = bot.lines.length;
    const identifies = identifyCount(standIn);
    const began = Date.now();
    expect(standIn.sendInvalidSession(false)).toBe(1);
    // No live session now: the stand-in holds the dispatch until the new session's READY.
    const handle = send(partnerCommand());
    await expectInterpolCard(handle);
    await bot.waitForLog((line) => line.msg === 'gateway session ready', mark);
    expect(identifyCount(standIn)).toBe(identifies + 1);
    const sessions = standIn.sessions();
    expect(sessions.at(-2)?.invalidated).toBe(true);
    expect(sessions.at(-1)).toMatchObject({ invalidated: false, connected: true });
    expect(handle.dispatch.sessionId).toBe(sessions.at(-1)?.id);
    expect(Date.now() - began).toBeLessThan(4_000);
  }, 15_000);

  it('answers a message that mentions it with /ask, as a reply that pings no one', async () => {
    const handle = standIn.dispatchMessage({ content: `${standIn.botMention} where does the OPCW sit?` });
    const body = (await handle.waitForReply(10_000)).body as RESTPostAPIChannelMessageJSONBody;
    expect(body.content).toContain('The Hague');
    expect(body.message_reference).toMatchObject({ message_id: handle.message.id });
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('never writes the bot token or an interaction token to stdout or stderr', async () => {
    const handle = send(partnerCommand());
    await expectInterpolCard(handle);
    await bot.waitForLog((line) => line.msg === 'interaction' && JSON.stringify(line).includes(handle.id));
    const output = bot.stdout + bot.stderr;
    expect(output).not.toContain(token);
    expect(output).not.toContain(tokenSecret);
    expect(output).not.toContain(handle.token);
  });
});

describe('the same gateway bot in-process, with a handler that throws', () => {
  let standIn: DiscordStandIn;
  let client: Client;
  const logLines: LogLine[] = [];

  beforeAll(async () => {
    standIn = await startDiscordStandIn({ token });
    const logger = pino(
      { level: 'info', redact: { paths: redactedPaths, censor: '[redacted]' } },
      { write: (line: string) => logLines.push(JSON.parse(line) as LogLine) },
    );
    client = await loggedInBot(standIn, logger, (interaction: APIInteraction) => {
      const data = (interaction as { data?: { name?: string; options?: { value?: unknown }[] } }).data;
      if (data?.name === 'partner' && data.options?.some((option) => option.value === 'boom')) {
        throw new Error('boom');
      }
      return handleInteraction(interaction, context);
    });
  });

  afterAll(async () => {
    await closeClient(client);
    await standIn?.close();
  });

  it('answers with a short ephemeral apology, logs the error, and answers the next interaction', async () => {
    const failing = standIn.dispatchInteraction(
      standIn.chatInputInteraction({ commandName: 'partner', options: { who: 'boom' } }),
    );
    expect(bodyOf(await failing.waitForCallback())).toEqual({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { content: apology, flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } },
    });
    expect(apology.length).toBeLessThan(100);
    expect(standIn.callbacksFor(failing.id)).toHaveLength(1);
    const failure = logLines.find((line) => line.msg === 'handler failed');
    expect(failure).toMatchObject({ level: 50, err: { message: 'boom' }, interaction: { id: failing.id } });

    const autocomplete = standIn.dispatchInteraction(
      standIn.autocompleteInteraction({ commandName: 'partner', options: { who: 'boom' }, focused: 'who' }),
    );
    expect(bodyOf(await autocomplete.waitForCallback())).toEqual({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: [] },
    });

    const next = standIn.dispatchInteraction(
      standIn.chatInputInteraction({ commandName: 'partner', options: { who: 'interpol' } }),
    );
    expect(messageOf(bodyOf(await next.waitForCallback())).embeds?.[0]?.title).toBe(interpolTitle);
    expect(client.isReady()).toBe(true);

    // Answered with an apology, but counted as an error (the metrics take the same outcome).
    const outcomeOf = (id: string) =>
      logLines.find((line) => line.msg === 'interaction' && JSON.stringify(line).includes(id))?.outcome;
    await vi.waitFor(() => expect([outcomeOf(failing.id), outcomeOf(next.id)]).toEqual(['error', 'ok']));

    const logged = JSON.stringify(logLines);
    for (const handle of [failing, autocomplete, next]) expect(logged).not.toContain(handle.token);
    expect(logged).not.toContain(tokenSecret);
  });
});

describe('asking by mention and in DMs (the gateway bot in-process, its own client options)', () => {
  let standIn: DiscordStandIn;
  let client: Client;
  const { lines: logLines, logger } = capturedLogger<LogLine>();
  let failNext = false;

  beforeAll(async () => {
    standIn = await startDiscordStandIn({ token });
    client = await loggedInBot(standIn, logger, (interaction, reportError) => {
      if (failNext) {
        failNext = false;
        throw new Error('boom');
      }
      return handleInteraction(interaction, context, reportError);
    });
  });

  afterAll(async () => {
    await closeClient(client);
    await standIn?.close();
  });

  /** The reply's body, after checking it replies to `handle`'s message and pings no one. */
  async function replyOf(handle: MessageHandle): Promise<RESTPostAPIChannelMessageJSONBody> {
    const posted = await handle.waitForReply();
    const body = posted.body as RESTPostAPIChannelMessageJSONBody;
    expect(posted.params.channelId).toBe(handle.message.channel_id);
    expect(body.message_reference).toEqual({
      message_id: handle.message.id,
      channel_id: handle.message.channel_id,
      ...(handle.message.guild_id ? { guild_id: handle.message.guild_id } : {}),
      fail_if_not_exists: false,
    });
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(handle.replies().filter((r) => r.fault === null && r.status < 300)).toHaveLength(1);
    return body;
  }

  it('identifies with Guilds, GuildMessages and DirectMessages, never MessageContent', () => {
    const identify = standIn.frames.find((f) => f.direction === 'in' && f.op === 2);
    const intents = (identify?.d as { intents?: number } | undefined)?.intents ?? -1;
    expect(intents).toBe(
      GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.DirectMessages,
    );
    expect(intents & GatewayIntentBits.MessageContent).toBe(0);
  });

  it('answers a message that mentions the bot in a guild channel, as a reply to it, with /ask’s answer', async () => {
    const author = { id: '1290000000000000333', username: 'customs-officer' };
    const handle = standIn.dispatchMessage({
      content: `${standIn.botMention} when did the WCO sign with ICOM?`,
      author,
    });
    expect(handle.message.guild_id).toBe(standIn.guilds[0]?.id);
    const body = await replyOf(handle);
    expect(body.content).toBe('The WCO and ICOM signed an MOU on 1 January 2000.');
    // What /ask answers the same question in a guild, typed: the same text and buttons (ICOM's card, Sources).
    const typed = messageOf(
      handleInteraction(interactionFor('/ask question:"when did the WCO sign with ICOM?"'), context),
    );
    const labels = (data: APIInteractionResponseCallbackData) =>
      JSON.stringify(data.components).match(/"label":"[^"]*"/g);
    expect(labels(body)).toEqual(labels(typed));
    expect(customIdsOf(body, ComponentType.Button).map((id) => decodeCustomId(id)?.args[0])).toEqual([
      'icom',
      'icom',
    ]);
    // Its buttons belong to the person who asked.
    const owners = customIdsOf(body, ComponentType.Button).map((id) => decodeCustomId(id)?.ownerId);
    expect(owners.length).toBeGreaterThan(0);
    expect(new Set(owners)).toEqual(new Set([author.id]));
  });

  it('the reply’s buttons work through normal interactions (📑 Sources, clicked by the asker)', async () => {
    const author = { id: '1290000000000000334', username: 'analyst-2' };
    const handle = standIn.dispatchMessage({ content: `${standIn.botMention} what is interpol?`, author });
    await replyOf(handle);
    const posted = (await handle.waitForReply()).responseBody as APIMessage;
    const sources = customIdsOf(posted as APIInteractionResponseCallbackData, ComponentType.Button).find(
      (id) => decodeCustomId(id)?.action === 'sources',
    );
    if (!sources) throw new Error('the answer has no button');
    const click = standIn.dispatchInteraction(
      standIn.componentInteraction({ customId: sources, message: posted, user: author }),
    );
    const answer = bodyOf(await click.waitForCallback());
    expect(answer.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const data = messageOf(answer);
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(JSON.stringify(data)).toContain('INTERPOL');
  });

  it('answers any message in a DM with the bot, no mention needed', async () => {
    const handle = standIn.dispatchMessage({ content: 'who trains sniffer dogs?', guildId: null });
    expect(handle.message.guild_id).toBeUndefined();
    const body = await replyOf(handle);
    expect(body.content).toBe('1 partner works on detector dogs: WCO Regional Dog Training Centres.');
  });

  it('answers a French question in French (a message carries no locale)', async () => {
    const handle = standIn.dispatchMessage({
      content: `${standIn.botMention} Quand l’OMD a-t-elle signé avec l’UNESCO ?`,
    });
    const body = await replyOf(handle);
    expect(body.content).toBe('L’OMD et l’UNESCO ont signé un protocole d’accord (MOU) le 26 octobre 2000.');
    expect(JSON.stringify(body.components)).toContain('🪪 Fiche UNESCO');
  });

  it('ignores messages from bots, even mentioning it or in a DM (no loops)', async () => {
    const fromBot = [
      standIn.dispatchMessage({
        content: `${standIn.botMention} who trains sniffer dogs?`,
        author: { bot: true },
      }),
      standIn.dispatchMessage({ content: 'who trains sniffer dogs?', author: { bot: true }, guildId: null }),
    ];
    // Messages are read in order: once a later one is answered, the earlier ones were passed over.
    await replyOf(standIn.dispatchMessage({ content: 'who trains sniffer dogs?', guildId: null }));
    for (const handle of fromBot) {
      expect(handle.dispatch.deliveries).toBe(1);
      expect(handle.replies()).toEqual([]);
    }
  });

  it('ignores guild messages that do not mention it (and gets no content for them)', async () => {
    const unmentioned = standIn.dispatchMessage({ content: 'who trains sniffer dogs?' });
    const other = standIn.dispatchMessage({ content: '<@1290000000000000555> who trains sniffer dogs?' });
    await replyOf(standIn.dispatchMessage({ content: `${standIn.botMention} who trains sniffer dogs?` }));
    for (const handle of [unmentioned, other]) {
      expect(handle.dispatch.deliveries).toBe(1);
      expect(handle.replies()).toEqual([]);
    }
    const delivered = standIn.frames.find(
      (f) => f.t === 'MESSAGE_CREATE' && (f.d as { id: string }).id === unmentioned.message.id,
    );
    expect(delivered?.d).toMatchObject({ content: '' });
  });

  it('answers a bare mention with a short line on how to ask, which pings no one', async () => {
    const handle = standIn.dispatchMessage({ content: ` ${standIn.botMention} ` });
    const body = await replyOf(handle);
    expect(body.content).toContain(standIn.botMention);
    expect(body.content).toContain('/ask');
    expect(body.content).toContain(en.askExamples[0]);
    expect(body.content).toBe(en.howToAskByMention(standIn.botMention, en.askExamples[0] ?? ''));
    expect(body.content?.length).toBeLessThan(200);
  });

  it('a handler that throws: the apology as the reply, logged, no stack in the chat; the next is answered', async () => {
    failNext = true;
    const failing = standIn.dispatchMessage({ content: `${standIn.botMention} who trains sniffer dogs?` });
    const body = await replyOf(failing);
    expect(body.content).toBe(apology);
    expect(body.flags ?? 0).toBe(0);
    expect(logLines.find((line) => line.msg === 'handler failed')).toMatchObject({
      err: { message: 'boom' },
      interaction: { id: failing.message.id, command: 'ask' },
    });
    const next = standIn.dispatchMessage({ content: `${standIn.botMention} who trains sniffer dogs?` });
    expect((await replyOf(next)).content).toMatch(/detector dogs/);
  });

  it('a 429 on the reply: discord.js waits the retry-after and posts it once', async () => {
    const fault = standIn.injectRestFault({
      method: 'POST',
      path: '/channels/:id/messages',
      retryAfter: 0.2,
    });
    const handle = standIn.dispatchMessage({ content: 'who trains sniffer dogs?', guildId: null });
    await replyOf(handle);
    expect(fault.hits).toHaveLength(1);
    expect(handle.replies().map((r) => [r.status, r.fault])).toEqual([
      [429, 'rate-limit'],
      [200, null],
    ]);
    const [limited, posted] = handle.replies();
    expect((posted?.time ?? 0) - (limited?.time ?? 0)).toBeGreaterThanOrEqual(150);
  });

  it('a reply Discord refuses (403 Missing Permissions) is logged, and the bot keeps answering', async () => {
    const refused = standIn.dispatchMessage({ content: `${standIn.botMention} who trains sniffer dogs?` });
    standIn.injectRestFault({
      path: `/channels/${refused.message.channel_id}/messages`,
      status: 403,
      body: { message: 'Missing Permissions', code: 50013 },
    });
    await vi.waitFor(() =>
      expect(logLines.find((line) => line.msg === 'reply to a message failed')).toMatchObject({
        level: 50,
        err: { status: 403, code: 50013 },
        messageId: refused.message.id,
      }),
    );
    const next = standIn.dispatchMessage({ content: `${standIn.botMention} who trains sniffer dogs?` });
    expect((await replyOf(next)).content).toMatch(/detector dogs/);
    expect(JSON.stringify(logLines)).not.toContain(tokenSecret);
  });
});

describe('production: `node dist/start.mjs` (no npm in front) under a process manager', () => {
  let standIn: DiscordStandIn;
  let bot: ChildBot;

  beforeAll(async () => {
    standIn = await startDiscordStandIn({ token });
    bot = new ChildBot({ node: ['dist/start.mjs'] }, gatewayBotEnv(token, standIn.apiUrl));
    await bot.waitForLog((line) => line.msg === 'connected to the gateway', 0, 50_000);
  }, 60_000);

  afterAll(async () => {
    await bot?.stop();
    await standIn?.close();
  });

  it('SIGTERM while interactions are in flight: every one is answered, then exit 0', async () => {
    // Each callback is first rate-limited for 1 s, so all three are still unanswered when SIGTERM arrives.
    const fault = standIn.injectRestFault({
      method: 'POST',
      path: '/interactions/:id/:token/callback',
      retryAfter: 1,
      times: 3,
    });
    const handles = [0, 1, 2].map(() =>
      standIn.dispatchInteraction(
        standIn.chatInputInteraction({ commandName: 'partner', options: { who: 'interpol' }, user: analyst }),
      ),
    );
    const deadline = Date.now() + 10_000;
    while (fault.hits.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(fault.hits).toHaveLength(3);
    expect(standIn.requests.filter((r) => r.route === CALLBACK && r.status === 204)).toHaveLength(0);
    const mark = bot.lines.length;
    bot.child.kill('SIGTERM');
    const exit = await bot.exited;
    expect(exit, bot.output()).toEqual({ code: 0, signal: null });
    expect(bot.lines.slice(mark).map((line) => line.msg)).toContain('shutting down');
    // It closed the gateway connection itself, as a normal close (Discord ends the session).
    const close = standIn.connectionEvents.filter((e) => e.type === 'close').at(-1);
    expect(close).toMatchObject({ initiator: 'client', code: 1000 });
    for (const handle of handles) {
      expect(standIn.callbacksFor(handle.id)).toHaveLength(1);
      expect(messageOf(bodyOf(await handle.waitForCallback(100))).embeds?.[0]?.title).toBe(interpolTitle);
    }
  }, 30_000);
});

describe('start-up failures: one clear line, exit 1, no stack, no token', () => {
  let standIn: DiscordStandIn;
  beforeAll(async () => {
    standIn = await startDiscordStandIn({ token });
  });
  afterAll(async () => {
    await standIn?.close();
  });

  const rejected = `MTI5MDAwMDAwMDAwMDAwMDAwMQ.GabcDe.${tokenSecret}-butWrong`;
  const unreachable = 'http://127.0.0.1:9/api';
  it.each([
    ['start', 'rejected', {}, /^Discord rejected DISCORD_TOKEN \(401 Unauthorized\): reset the token/m],
    ['start', 'unreachable', {}, /^could not reach http:\/\/127\.0\.0\.1:9\/api \(ECONNREFUSED\)/m],
    ['start-sharded', 'rejected', {}, /^Discord rejected DISCORD_TOKEN \(401 Unauthorized\)/m],
    ['start-sharded', 'unreachable', {}, /^could not reach http:\/\/127\.0\.0\.1:9\/api \(ECONNREFUSED\)/m],
    [
      'start-sharded',
      'rejected',
      { SHARD_COUNT: '1' },
      /^Discord rejected DISCORD_TOKEN \(401 Unauthorized\)/m,
    ],
  ])(
    '%s, token %s %o',
    async (command, failure, extra, message) => {
      const apiUrl = failure === 'unreachable' ? unreachable : standIn.apiUrl;
      const env = { ...gatewayBotEnv(failure === 'rejected' ? rejected : token, apiUrl), ...extra };
      const { code, stdout, stderr } = await runToEnd([command], env);
      expect(code, stderr).toBe(1);
      expect(stderr).toMatch(message);
      const output = stdout + stderr;
      expect(output).not.toMatch(/^\s+at /m);
      expect(output).not.toContain(tokenSecret);
    },
    60_000,
  );

  it('start-sharded --help prints its variables and exits 0, without a token; unknown options exit 2', async () => {
    const help = await runToEnd(['start-sharded', '--help'], envWithoutDiscord());
    expect(help.code, help.stderr).toBe(0);
    for (const part of ['Usage: npm run start:sharded', 'SHARD_COUNT', 'DISCORD_TOKEN', 'LOG_LEVEL'])
      expect(help.stdout).toContain(part);
    const refused = await runToEnd(['start-sharded', '--bogus'], envWithoutDiscord());
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim()).toBe(
      'Unknown option --bogus: npm run start:sharded -- --help lists the options',
    );
  });

  it.each(['start', 'start-sharded'])(
    '%s gives up when the API accepts the connection but never answers (the login timeout)',
    async (command) => {
      // Accepts every connection and never writes a byte: a hung proxy or firewall.
      const sockets = new Set<Socket>();
      const silent = createServer((socket) => sockets.add(socket));
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const apiUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/api`;
      try {
        // The 30 s bound, shortened for this test by the internal WCO_LOGIN_TIMEOUT_MS.
        const env = { ...gatewayBotEnv(token, apiUrl), WCO_LOGIN_TIMEOUT_MS: '1500' };
        const { code, stdout, stderr } = await runToEnd([command], env);
        expect(code, stderr).toBe(1);
        expect(stderr).toMatch(
          new RegExp(`^could not reach ${apiUrl} \\(no answer within 1.5 s\\): check`, 'm'),
        );
        expect(stdout + stderr).not.toMatch(/^\s+at /m);
        expect(stdout + stderr).not.toContain(tokenSecret);
        expect(sockets.size).toBeGreaterThan(0);
      } finally {
        for (const socket of sockets) socket.destroy();
        await new Promise((resolve) => silent.close(resolve));
      }
    },
    60_000,
  );
});
