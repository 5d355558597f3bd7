// npm run start:sharded: the same gateway bot, one process per shard, under discord.js's ShardingManager.
// Shard count: Discord's recommendation, or SHARD_COUNT. Needed from 2,500 guilds; the HTTP mode
// (npm run http) scales out behind a load balancer instead.
import { fileURLToPath } from 'node:url';
import { configFor } from '../config.js';
import { orExit } from '../or-exit.js';
import { entryPointArgs } from './args.js';

const usage = `Usage: npm run start:sharded [-- --help]

The gateway bot of \`npm start\`, one process per shard under discord.js's ShardingManager. Discord requires
shards from 2,500 servers; below that, \`npm start\` runs one process. Stops every shard on SIGTERM or Ctrl-C.

Environment (or .env)
  DISCORD_TOKEN     the bot token (required; Developer Portal → Bot)
  SHARD_COUNT       how many shards (default: Discord's recommendation for the bot)
  DISCORD_API_URL   Discord's REST API (default https://discord.com/api)
  LOG_LEVEL         fatal, error, warn, info (default), debug or trace`;

entryPointArgs('npm run start:sharded', usage, {});

const config = orExit(() => configFor('gateway', undefined, 'npm run start:sharded'));

const { REST, Routes, ShardingManager } = await import('discord.js');
const { createLogger } = await import('../logger.js');
const { describeStartupError, withinLoginTimeout } = await import('../transports/gateway/startup-error.js');
const logger = createLogger({ level: config.logLevel, name: 'shards' });
/** Shards launched so far, stopped when start-up fails. */
const spawned: { kill(): void }[] = [];
const requested = process.env.SHARD_COUNT?.trim();
const totalShards = requested ? Number(requested) : await orFail(recommendedShardCount());
if (!Number.isSafeInteger(totalShards) || totalShards < 1) {
  process.stderr.write(
    "SHARD_COUNT must be a whole number of at least 1 (or unset for Discord's recommendation)\n",
  );
  process.exit(1);
}

/** Discord's recommendation from GET /gateway/bot, asked of DISCORD_API_URL (discord.js's 'auto' ignores it). */
async function recommendedShardCount(): Promise<number> {
  const rest = new REST({ api: config.apiUrl }).setToken(config.token);
  const { shards } = (await rest.get(Routes.gatewayBot())) as { shards: number };
  return shards;
}

const manager = new ShardingManager(fileURLToPath(new URL('./start.js', import.meta.url)), {
  token: config.token,
  totalShards,
  respawn: true,
});
manager.on('shardCreate', (shard) => {
  spawned.push(shard);
  logger.info({ shardId: shard.id }, 'shard launched');
});

const shutdown = () => {
  for (const shard of manager.shards.values()) shard.kill();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);

await orFail(manager.spawn());

/** Any start-up failure ends the process with one clear line and exit 1; the stack only at LOG_LEVEL=debug. */
async function orFail<T>(step: Promise<T>): Promise<T> {
  try {
    return await withinLoginTimeout(step);
  } catch (error) {
    logger.debug({ err: error }, 'start-up failed');
    for (const shard of spawned) shard.kill();
    process.stderr.write(`${describeStartupError(error, config.apiUrl)}\n`);
    process.exit(1);
  }
}
