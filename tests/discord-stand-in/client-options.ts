/**
 * discord.js ClientOptions that make a real Client run fast against the stand-in.
 */
import type { ClientOptions } from 'discord.js';

/**
 * Overrides to spread into `new Client({ intents, ...standInClientOptions(standIn.apiUrl) })`:
 * - `rest.api`: REST base (discord.js appends `/v10`); the gateway URL comes from `GET /gateway/bot`.
 * - `ws.buildIdentifyThrottler`: the default throttler (max_concurrency 1) sleeps ~5-6.5 s before a
 *   second IDENTIFY within 5 s, which makes re-identify tests slow; this one never waits.
 * - `waitGuildTimeout`: READY waits at most this long for GUILD_CREATEs (the stand-in sends them
 *   right after READY, so this only matters if a guild is deliberately withheld).
 */
export function standInClientOptions(
  apiUrl: string,
): Pick<ClientOptions, 'rest' | 'ws' | 'waitGuildTimeout'> {
  return {
    rest: { api: apiUrl },
    ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) },
    waitGuildTimeout: 1_000,
  };
}
