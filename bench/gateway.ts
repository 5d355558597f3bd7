/**
 * Gateway latency on the local Discord stand-in, in process: the stand-in (REST + gateway on 127.0.0.1) and
 * the bot's own client (createGatewayBot, compiled, silent logger) share this process. Timed from the moment
 * the stand-in writes INTERACTION_CREATE to the moment it has received and recorded the interaction callback,
 * which covers discord.js parsing the frame, the shared handler, and the REST POST back.
 */
import type { Client } from 'discord.js';
import { Events } from 'discord.js';
import { loadBotContext } from '../src/interactions/create-context.js';
import { createLogger } from '../src/logger.js';
import type { BotContext } from '../src/toolkit/command.js';
import { createGatewayBot } from '../src/transports/gateway/bot.js';
import {
  type DiscordStandIn,
  type DispatchableInteraction,
  standInClientOptions,
  startDiscordStandIn,
} from '../tests/discord-stand-in/index.js';
import { autocompleteQueries, partnerCommandQueries } from './interactions.js';
import { type BenchResult, ms, type Row, verdict } from './report.js';
import { timeAsync } from './timing.js';

/** Shaped like a bot token (the stand-in accepts any). */
const token = 'MTI5MDAwMDAwMDAwMDAwMDAwMQ.GbEnCh.bench-token-not-a-secret-0000000000';
const sequentialCount = 500;
const burstCount = 500;
const medianTargetMs = 2;

async function connect(
  standIn: DiscordStandIn,
  context: BotContext,
): Promise<{ client: Client; readyMs: number }> {
  const client = createGatewayBot({
    config: { token, apiUrl: standIn.apiUrl },
    context,
    logger: createLogger({ level: 'silent' }),
    clientOptions: standInClientOptions(standIn.apiUrl),
  });
  const ready = new Promise<number>((resolve) =>
    client.once(Events.ClientReady, () => resolve(performance.now())),
  );
  const started = performance.now();
  await client.login(token);
  const readyAt = await ready;
  return { client, readyMs: readyAt - started };
}

/** Gateway login → clientReady, `runs` times, each with a fresh client against one stand-in. */
export async function measureGatewayLogin(runs = 5): Promise<number[]> {
  const standIn = await startDiscordStandIn();
  const context = loadBotContext();
  const times: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const { client, readyMs } = await connect(standIn, context);
      times.push(readyMs);
      await client.destroy();
    }
  } finally {
    await standIn.close();
  }
  return times;
}

/** Alternating /partner commands and autocomplete keystrokes, with this stand-in's guild and channel. */
function payloads(standIn: DiscordStandIn, total: number): DispatchableInteraction[] {
  const commands = partnerCommandQueries();
  const typed = autocompleteQueries();
  return Array.from({ length: total }, (_, i) =>
    i % 2 === 0
      ? standIn.chatInputInteraction({
          commandName: 'partner',
          options: { who: commands[(i / 2) % commands.length] ?? 'who' },
        })
      : standIn.autocompleteInteraction({
          commandName: 'partner',
          focused: 'who',
          options: { who: typed[((i - 1) / 2) % typed.length] ?? 'w' },
        }),
  );
}

export async function runGatewayBench(): Promise<BenchResult> {
  const rows: Row[] = [];
  const notes: string[] = [];
  const standIn = await startDiscordStandIn();
  const context = loadBotContext();
  let client: Client | undefined;
  try {
    client = (await connect(standIn, context)).client;

    // Sequential: one interaction at a time, each waited for; 20 untimed first.
    const warmup = 20;
    const sequential = payloads(standIn, warmup + sequentialCount);
    let next = 0;
    const cpuBefore = process.cpuUsage();
    const latency = await timeAsync(
      'gateway sequential',
      async () => {
        const handle = standIn.dispatchInteraction(sequential[next++] as DispatchableInteraction);
        await handle.waitForCallback(5_000);
      },
      {
        iterations: sequentialCount,
        warmupIterations: warmup,
        // The stand-in's waitForCallback first scans every request it has recorded: emptied (untimed) before
        // each interaction, so the measure does not grow with the stand-in's log.
        beforeEach: () => {
          standIn.rest.log.items.length = 0;
        },
      },
    );
    const cpu = process.cpuUsage(cpuBefore);
    const cpuPerInteraction = (cpu.user + cpu.system) / 1000 / (warmup + sequentialCount);
    rows.push({
      bench: 'gateway',
      figure: `INTERACTION_CREATE → callback received, ${sequentialCount} sequential (stand-in, in process)`,
      median: ms(latency.p50),
      spread: `p99 ${ms(latency.p99)}`,
      target: `median ≤ ${medianTargetMs} ms`,
      verdict: verdict(latency.p50 <= medianTargetMs),
    });
    notes.push(
      `gateway sequential: ${latency.samplesCount} timed interactions (half /partner commands, half autocomplete); ` +
        `min ${ms(latency.min)}, max ${ms(latency.max)}; this process (bot and stand-in together) used ` +
        `${ms(cpuPerInteraction)} CPU per interaction on average (all threads, GC included).`,
    );

    // Burst: all dispatched at once, then every callback awaited.
    standIn.rest.log.items.length = 0;
    const burst = payloads(standIn, burstCount);
    const startedWall = Date.now();
    const started = performance.now();
    const handles = burst.map((payload) => standIn.dispatchInteraction(payload));
    const answered = await Promise.allSettled(handles.map((handle) => handle.waitForCallback(30_000)));
    const totalMs = performance.now() - started;
    // A right answer: 4 (message) for a command, 8 (choices) for autocomplete.
    const ok = answered.filter(
      (outcome, i) =>
        outcome.status === 'fulfilled' &&
        (outcome.value.body as { type?: unknown } | null)?.type === (i % 2 === 0 ? 4 : 8),
    ).length;
    const times = answered.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value.time] : []));
    rows.push({
      bench: 'gateway',
      figure: `burst of ${burstCount} at once (same mix): all answered, total time`,
      median: `${ok}/${burstCount} in ${ms(totalMs)}`,
      spread: times.length
        ? `first callback ${Math.min(...times) - startedWall} ms, last ${Math.max(...times) - startedWall} ms`
        : '—',
      target: `all ${burstCount} answered (no target on time)`,
      verdict: verdict(ok === burstCount),
    });
    notes.push(
      `gateway burst: ${ok}/${burstCount} callbacks in ${ms(totalMs)} (${((burstCount / totalMs) * 1000).toFixed(0)} interactions/s).`,
    );
  } finally {
    await client?.destroy();
    await standIn.close();
  }
  return { rows, notes };
}
