/**
 * Chaos on the gateway: the real bot, started as `npm start` starts it with DISCORD_TOKEN set (a child
 * process), against the local Discord stand-in, through a scripted series of disconnects: resumable closes
 * (4000, 4001, 4002, 1011), op 7 RECONNECT, op 9 INVALID_SESSION (resumable and not), heartbeats left
 * unacknowledged, and a timed-out session (4009). 200 interactions (commands, autocompletes, menu and
 * button clicks) go out around the faults: before each one, while the connection is down, and after it
 * recovered. Every one must be answered exactly once (one callback request, accepted, never a second
 * attempt), with what the shared router answers.
 *
 * Faults are sequenced safely: each waits for the bot's "session resumed" or "session ready" log line of the
 * previous recovery; a fault that makes discord.js IDENTIFY again waits until 5 s passed since the previous
 * IDENTIFY (discord.js's identify throttle would otherwise sleep that long while holding the connection).
 */
import type { APIInteraction, APIInteractionResponse, APIMessage } from 'discord-api-types/v10';
import { ComponentType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBotContext } from '../src/interactions/create-context.js';
import { handleInteraction } from '../src/interactions/handle.js';
import { createRecentIds } from '../src/transports/gateway/bot.js';
import {
  type DiscordStandIn,
  type DispatchableInteraction,
  type InteractionHandle,
  startDiscordStandIn,
} from './discord-stand-in/index.js';
import { ChildBot, gatewayBotEnv, type LogLine } from './helpers/child-process.js';

const tokenSecret = 'chaosSecretPartOfTheBotToken-NeverLogged';
const token = `MTI5MDAwMDAwMDAwMDAwMDAwMQ.GabcDe.${tokenSecret}`;
const CALLBACK = 'POST /interactions/:id/:token/callback';
const context = loadBotContext();
const analyst = { id: '1290000000000000042', username: 'analyst', global_name: 'Analyst' };
const colleague = { id: '1290000000000000077', username: 'colleague', global_name: 'Colleague' };
const totalInteractions = 200;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const isResumed = (line: LogLine) => line.msg === 'gateway session resumed';
const isReady = (line: LogLine) => line.msg === 'gateway session ready';

describe('the gateway bot through a storm of disconnects', () => {
  let standIn: DiscordStandIn;
  let bot: ChildBot;
  const sent: InteractionHandle[] = [];
  const stepOf = new Map<string, string>();
  let currentStep = 'setup';
  /** Messages of earlier answers, to click their menus and buttons. */
  let mouMessage: APIMessage | null = null;
  let timelineMessage: APIMessage | null = null;
  const log: string[] = [];

  function identifies(): { time: number }[] {
    return standIn.frames.filter((f) => f.direction === 'in' && f.op === 2);
  }

  /** The i-th interaction of the mix: commands, autocompletes, clicks by the owner and by someone else. */
  function interaction(i: number): DispatchableInteraction {
    const user = i % 5 === 4 ? colleague : analyst;
    const pickFrom = (message: APIMessage | null, type: ComponentType) =>
      (message?.components ?? []).flatMap((row) =>
        'components' in row
          ? row.components.flatMap((c) => (c.type === type && 'custom_id' in c ? [c] : []))
          : [],
      );
    switch (i % 10) {
      case 0:
        return standIn.chatInputInteraction({ commandName: 'partner', options: { who: 'interpol' }, user });
      case 1:
        return standIn.chatInputInteraction({ commandName: 'mou', options: { year: 2003 }, user });
      case 2:
        return standIn.chatInputInteraction({ commandName: 'topic', options: { area: 'drugs' }, user });
      case 3:
        return standIn.chatInputInteraction({ commandName: 'help', user });
      case 4:
        return standIn.autocompleteInteraction({
          commandName: 'partner',
          options: { who: ['interp', 'wh', 'un', 'cus'][i % 4] ?? '' },
          focused: 'who',
          user,
        });
      case 5:
        return standIn.autocompleteInteraction({
          commandName: 'topic',
          options: { area: 'cult' },
          focused: 'area',
          user,
        });
      case 6: {
        const [menu] = pickFrom(mouMessage, ComponentType.StringSelect);
        if (!menu || !mouMessage || menu.type !== ComponentType.StringSelect) break;
        const value = menu.options[i % menu.options.length]?.value ?? 'interpol';
        return standIn.componentInteraction({
          customId: menu.custom_id,
          componentType: ComponentType.StringSelect,
          values: [value],
          message: mouMessage,
          user,
        });
      }
      case 7: {
        const [button] = pickFrom(timelineMessage, ComponentType.Button);
        if (!button || !timelineMessage || !('custom_id' in button)) break;
        return standIn.componentInteraction({
          customId: button.custom_id,
          componentType: ComponentType.Button,
          message: timelineMessage,
          user,
        });
      }
      case 8:
        return standIn.chatInputInteraction({
          commandName: 'partner',
          options: { who: 'money laundering', private: true },
          user,
        });
      default:
        return standIn.chatInputInteraction({ commandName: 'mou', user });
    }
    return standIn.chatInputInteraction({ commandName: 'help', user });
  }

  function send(count: number): InteractionHandle[] {
    const handles: InteractionHandle[] = [];
    for (let n = 0; n < count && sent.length < totalInteractions; n++) {
      const handle = standIn.dispatchInteraction(interaction(sent.length));
      sent.push(handle);
      stepOf.set(handle.id, `${currentStep} #${n}`);
      handles.push(handle);
    }
    return handles;
  }

  /** Waits until 5 s passed since the last IDENTIFY, so the next one is not throttled. */
  async function identifyWindow(): Promise<void> {
    const last = identifies().at(-1)?.time ?? 0;
    const wait = last + 5_200 - Date.now();
    if (wait > 0) await sleep(wait);
  }

  /** What is wrong with the answers to `handles`: each answered exactly once, with what the router answers. */
  function problemsOf(handles: readonly InteractionHandle[]): string[] {
    const problems: string[] = [];
    for (const handle of handles) {
      const callbacks = handle.requests().filter((r) => r.route === CALLBACK);
      const statuses = callbacks.map((r) => `${r.status}${r.fault ? ` ${r.fault}` : ''}`);
      if (callbacks.length !== 1 || standIn.callbacksFor(handle.id).length !== 1) {
        problems.push(
          `${handle.id} (${stepOf.get(handle.id)}, delivered ${handle.dispatch.deliveries}x): callbacks ${JSON.stringify(statuses)} ${JSON.stringify(callbacks.map((r) => r.responseBody))}`,
        );
        continue;
      }
      const expected: APIInteractionResponse = handleInteraction(handle.payload as APIInteraction, context);
      if (JSON.stringify(callbacks[0]?.body) !== JSON.stringify(expected)) {
        problems.push(`${handle.id}: answered ${JSON.stringify(callbacks[0]?.body).slice(0, 200)}`);
      }
    }
    return problems;
  }

  /** Waits until a session is connected: a step starts from a live connection, whatever the last one did. */
  async function connected(): Promise<void> {
    const deadline = Date.now() + 15_000;
    while (!standIn.sessions().some((session) => session.connected) && Date.now() < deadline) await sleep(20);
  }

  /**
   * One step of the script: some interactions, the fault, more while the connection is down, the recovery
   * (the log line it waits for), more after it; then every interaction of the step answered exactly once,
   * as the router answers it.
   */
  async function step(
    name: string,
    fault: () => number | undefined,
    recovered: (line: LogLine) => boolean,
  ): Promise<void> {
    await connected();
    const began = Date.now();
    currentStep = name;
    const handles = send(6);
    const mark = bot.lines.length;
    const targets = fault();
    if (targets !== undefined) expect(targets, `${name}: connections hit`).toBe(1);
    handles.push(...send(6));
    await bot.waitForLog(recovered, mark, 15_000);
    handles.push(...send(5));
    await Promise.allSettled(handles.map((handle) => handle.waitForCallback(15_000)));
    log.push(`${name}: ${handles.length} answered in ${Date.now() - began} ms`);
    expect(problemsOf(handles)).toEqual([]);
  }

  beforeAll(async () => {
    standIn = await startDiscordStandIn({ token });
    bot = new ChildBot('start', gatewayBotEnv(token, standIn.apiUrl));
    await bot.waitForLog((line) => line.msg === 'connected to the gateway', 0, 50_000);
    // Two answers whose components later interactions click.
    const mou = standIn.dispatchInteraction(
      standIn.chatInputInteraction({ commandName: 'mou', options: { year: 2003 }, user: analyst }),
    );
    const timeline = standIn.dispatchInteraction(
      standIn.chatInputInteraction({ commandName: 'mou', user: analyst }),
    );
    await Promise.all([mou.waitForCallback(10_000), timeline.waitForCallback(10_000)]);
    mouMessage = mou.original();
    timelineMessage = timeline.original();
  }, 60_000);

  afterAll(async () => {
    console.info(`gateway chaos:\n  ${log.join('\n  ')}`);
    await bot?.stop();
    await standIn?.close();
  });

  it('has menus and buttons to click (from two answers before the storm)', () => {
    expect(mouMessage?.components?.length).toBeGreaterThan(0);
    expect(timelineMessage?.components?.length).toBeGreaterThan(0);
  });

  // One test per fault, in this order: each starts from a live connection, so one that fails does not hide
  // how the bot gets through the next.
  it('close 4000: resumes', () => step('close 4000', () => standIn.closeWithCode(4000), isResumed));
  it('op 7 RECONNECT: resumes', () => step('op 7 RECONNECT', () => standIn.sendReconnect(), isResumed));
  it('close 4001: resumes', () => step('close 4001', () => standIn.closeWithCode(4001), isResumed));
  it('op 9 INVALID_SESSION, resumable: resumes', () =>
    step('op 9 INVALID_SESSION, resumable', () => standIn.sendInvalidSession(true), isResumed));
  it('close 4002: resumes', () => step('close 4002', () => standIn.closeWithCode(4002), isResumed));

  it('heartbeat ACKs dropped: the bot closes the zombie connection itself and resumes', async () => {
    // A short heartbeat interval for the next connection (announced in HELLO), reached through op 7.
    standIn.setHeartbeatInterval(250);
    try {
      await step('op 7 RECONNECT (to a 250 ms heartbeat)', () => standIn.sendReconnect(), isResumed);
    } finally {
      standIn.setHeartbeatInterval(41_250);
    }
    const closesBefore = standIn.connectionEvents.filter((e) => e.type === 'close').length;
    await step(
      'heartbeat ACKs dropped',
      () => {
        standIn.dropHeartbeatAcks(true, { currentConnectionOnly: true });
        return undefined;
      },
      isResumed,
    );
    const zombieClose = standIn.connectionEvents.filter((e) => e.type === 'close')[closesBefore];
    expect(zombieClose).toMatchObject({ initiator: 'client' });
  });

  it('close 1011: resumes', () => step('close 1011', () => standIn.closeWithCode(1011), isResumed));

  it('op 9 INVALID_SESSION, not resumable: identifies again', async () => {
    await identifyWindow();
    await step('op 9 INVALID_SESSION, not resumable', () => standIn.sendInvalidSession(false), isReady);
  });

  it('close 4000 on the new session: resumes', () =>
    step('close 4000 on the new session', () => standIn.closeWithCode(4000), isResumed));

  it('close 4009 (session timed out): the RESUME is refused with op 9, and the bot identifies', async () => {
    await identifyWindow();
    await step('close 4009 (session timed out)', () => standIn.closeWithCode(4009), isReady);
  });

  it('after the storm: the rest of the 200 answered on a quiet connection', async () => {
    await connected();
    currentStep = 'after the storm';
    const rest = send(totalInteractions - sent.length);
    expect(rest.length).toBeGreaterThan(0);
    await Promise.allSettled(rest.map((handle) => handle.waitForCallback(15_000)));
    expect(problemsOf(rest)).toEqual([]);
  });

  it('all 200: answered exactly once, even late (no replayed dispatch answered twice), nothing else sent', async () => {
    // Give a late duplicate (a replayed dispatch answered twice) a moment to show up.
    await sleep(500);
    const replays = sent.filter((handle) => handle.dispatch.deliveries > 1).length;
    const ignored = bot.lines.filter((line) => line.msg === 'duplicate interaction dispatch ignored').length;
    log.push(`${replays} dispatches delivered twice, ${ignored} ignored as duplicates`);
    expect(problemsOf(sent)).toEqual([]);
    // Nothing else went to Discord about these interactions (no follow-up, no edit).
    const others = sent.flatMap((handle) => handle.requests().filter((r) => r.route !== CALLBACK));
    expect(others.map((r) => r.route)).toEqual([]);
  });

  it('the script did what it says: 2 new sessions besides the first, the rest resumed, every kind of interaction', () => {
    expect(identifies()).toHaveLength(3);
    expect(bot.lines.filter(isResumed).length).toBeGreaterThanOrEqual(9);
    const kinds = new Set(
      sent.map((handle) => {
        const payload = handle.payload as { type: number; data?: { component_type?: number } };
        return payload.type === 3 ? `component ${payload.data?.component_type}` : `type ${payload.type}`;
      }),
    );
    expect([...kinds].sort()).toEqual(['component 2', 'component 3', 'type 2', 'type 4']);
  });

  it('logged no error, and every interaction line says ok', () => {
    expect(bot.lines.filter((line) => (line.level ?? 0) >= 50)).toEqual([]);
    expect(bot.lines.filter((line) => line.msg === 'interaction' && line.outcome !== 'ok')).toEqual([]);
  });

  it('still exits 0 on SIGTERM afterwards, and never logged the bot token or an interaction token', async () => {
    bot.child.kill('SIGTERM');
    const exit = await Promise.race([bot.exited, sleep(8_000).then(() => ({ code: -1, signal: null }))]);
    expect(exit, bot.output()).toEqual({ code: 0, signal: null });
    const output = bot.stdout + bot.stderr;
    expect(output).not.toContain(tokenSecret);
    for (const handle of sent) expect(output).not.toContain(handle.token);
  });
});

describe('createRecentIds (how the bot answers a replayed INTERACTION_CREATE once)', () => {
  it('refuses an id seen within the time an interaction can be answered, and forgets it after', () => {
    const ids = createRecentIds(15 * 60_000, 1_000);
    expect(ids.add('1', 0)).toBe(true);
    expect(ids.add('2', 1)).toBe(true);
    expect(ids.add('1', 14 * 60_000)).toBe(false);
    expect(ids.add('1', 15 * 60_000)).toBe(true);
    expect(ids.add('2', 15 * 60_000)).toBe(false);
    expect(ids.add('3', 15 * 60_000 + 1)).toBe(true);
    // '2' expired and was dropped; '1' (seen again at 15 min) and '3' remain.
    expect(ids.size).toBe(2);
  });

  it('keeps at most `max` ids, dropping the oldest', () => {
    const ids = createRecentIds(60_000, 100);
    for (let i = 0; i < 1_000; i++) expect(ids.add(String(i), i)).toBe(true);
    expect(ids.size).toBe(100);
    expect(ids.add('999', 1_000)).toBe(false);
    expect(ids.add('0', 1_000)).toBe(true);
  });
});
