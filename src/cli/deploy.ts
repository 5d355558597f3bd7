// npm run deploy [-- --dry-run]: bulk-overwrites the slash commands, in one guild when DISCORD_GUILD_ID is
// set (instant, for development), globally otherwise. --dry-run prints the JSON and sends nothing.
import { ApplicationCommandType } from 'discord-api-types/v10';
import { configFor } from '../config.js';
import { commandRegistrations, inviteUrl, registrationChanges } from '../interactions/registration.js';
import { orExit } from '../or-exit.js';
import { describeStartupError } from '../transports/gateway/startup-error.js';
import { entryPointArgs } from './args.js';

const { values: flags } = entryPointArgs(
  'npm run deploy',
  `Usage: npm run deploy [-- --dry-run]

Registers the bot's commands with Discord (a bulk overwrite): in the server DISCORD_GUILD_ID when it is set
(instant, for development), globally otherwise (up to an hour to show everywhere). Says what it added,
updated and removed.

Options
  --dry-run    print the commands as JSON and send nothing (needs no credentials)
  -h, --help   this text

Environment (or .env)
  DISCORD_TOKEN           the bot token (required; Developer Portal → Bot)
  DISCORD_APPLICATION_ID  the application ID (required; Developer Portal → General Information)
  DISCORD_GUILD_ID        deploy to this server only
  DISCORD_API_URL         Discord's REST API (default https://discord.com/api)`,
  { 'dry-run': { type: 'boolean' } },
);

/** `/partner` for a slash command; `WCO partners in this message (message command)` for the others. */
function commandLabels(commands: readonly { name?: unknown; type?: unknown }[]): Map<string, string> {
  const kinds: Partial<Record<ApplicationCommandType, string>> = {
    [ApplicationCommandType.User]: 'user command',
    [ApplicationCommandType.Message]: 'message command',
    [ApplicationCommandType.PrimaryEntryPoint]: 'entry point command',
  };
  return new Map(
    commands.map(({ name, type }) => {
      const kind = kinds[Number(type ?? ApplicationCommandType.ChatInput) as ApplicationCommandType];
      return [String(name), kind ? `${String(name)} (${kind})` : `/${String(name)}`];
    }),
  );
}

/**
 * Deploying gives up after this long (discord.js would otherwise wait out rate limits and retry for ever),
 * and after this many rate limits: each 429 counts toward Discord's invalid-request limit.
 */
const deadlineMs = 30_000;
const maxRateLimits = 3;

/** Thrown (through discord.js's rejectOnRateLimit) when waiting out a rate limit would break those limits. */
class RateLimited extends Error {
  constructor(
    readonly waitMs: number,
    readonly global: boolean,
  ) {
    super('rate limited');
  }
}

/** Why deploying failed and what to check, in one line, without the token. */
function describeDeployError(error: unknown, apiUrl: string): string {
  if (error instanceof RateLimited) {
    const wait = Math.ceil(error.waitMs / 1000);
    return `Discord is rate-limiting ${error.global ? 'this bot (every request)' : 'these requests'} (HTTP 429) and asked to wait ${wait} s; nothing was changed: run npm run deploy again in ${wait > 90 ? `${Math.ceil(wait / 60)} min` : `${wait} s`}`;
  }
  const { status, name } = (error ?? {}) as { status?: number; name?: string };
  if (status === 403 || status === 404)
    return `Discord refused the request (HTTP ${status}): check DISCORD_APPLICATION_ID and DISCORD_GUILD_ID (the bot must be in that guild)`;
  if (name === 'AbortError')
    return `could not reach ${apiUrl} (no answer in time): check the network, a proxy or firewall, and DISCORD_API_URL`;
  if (status && status !== 401)
    return `Discord answered HTTP ${status} (${(error as Error).message}); try again, or run with LOG_LEVEL=debug for details`;
  return describeStartupError(error, apiUrl, 'deploy the commands');
}

const dryRun = flags['dry-run'] === true;
const guildId = process.env.DISCORD_GUILD_ID?.trim();
/** integration_types and contexts are for global commands only: a guild command is used in its guild. */
const forGuild = () =>
  commandRegistrations().map(({ integration_types: _types, contexts: _contexts, ...command }) => command);
const body = guildId ? forGuild() : commandRegistrations();

if (dryRun) {
  process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
  const where = guildId ? `guild ${guildId} (DISCORD_GUILD_ID)` : 'global (DISCORD_GUILD_ID is not set)';
  process.stderr.write(`Dry run: ${body.length} commands printed for ${where}, nothing sent.\n`);
} else {
  const config = orExit(() => configFor('deploy'));
  const { REST, Routes } = await import('discord.js');
  const giveUpAt = Date.now() + deadlineMs;
  let rateLimits = 0;
  const rest = new REST({
    api: config.apiUrl,
    rejectOnRateLimit: ({ retryAfter, timeToReset, sublimitTimeout, global }) => {
      const waitMs = Math.max(retryAfter, timeToReset, sublimitTimeout);
      rateLimits += 1;
      if (rateLimits <= maxRateLimits && Date.now() + waitMs < giveUpAt) return false;
      throw new RateLimited(waitMs, global);
    },
  }).setToken(config.token);
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.applicationId, config.guildId)
    : Routes.applicationCommands(config.applicationId);
  const scope = config.guildId
    ? `guild ${config.guildId}`
    : 'global (may take up to an hour to show everywhere)';
  try {
    // Without with_localizations Discord leaves the translations out, and every command would look changed.
    const query = new URLSearchParams({ with_localizations: 'true' });
    const signal = AbortSignal.timeout(deadlineMs);
    const current = (await rest.get(route, { query, signal })) as Record<string, unknown>[];
    const changes = registrationChanges(current, body);
    await rest.put(route, { body, signal });
    console.log(`Deployed ${body.length} commands, ${scope}.`);
    const shown = commandLabels([...current, ...body]);
    for (const [what, names] of Object.entries(changes)) {
      if (names.length)
        console.log(`  ${what}: ${names.map((name: string) => shown.get(name) ?? name).join(', ')}`);
    }
    console.log(`Invite the bot to a server: ${inviteUrl(config.applicationId)}`);
  } catch (error) {
    // One line saying what to check; the stack only at LOG_LEVEL=debug or trace.
    if (['debug', 'trace'].includes(config.logLevel)) process.stderr.write(`${(error as Error).stack}\n`);
    process.stderr.write(`Deploying failed: ${describeDeployError(error, config.apiUrl)}\n`);
    process.exit(1);
  }
}
