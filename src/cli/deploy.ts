// npm run deploy [-- --dry-run]: bulk-overwrites the slash commands, in one guild when DISCORD_GUILD_ID is
// set (instant, for development), globally otherwise. --dry-run prints the JSON and sends nothing.
import { configFor } from '../config.js';
import { commandRegistrations, registrationChanges } from '../interactions/registration.js';
import { orExit } from './or-exit.js';

const dryRun = process.argv.includes('--dry-run');
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
  const rest = new REST({ api: config.apiUrl }).setToken(config.token);
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.applicationId, config.guildId)
    : Routes.applicationCommands(config.applicationId);
  const scope = config.guildId
    ? `guild ${config.guildId}`
    : 'global (may take up to an hour to show everywhere)';
  try {
    // Without with_localizations Discord leaves the translations out, and every command would look changed.
    const query = new URLSearchParams({ with_localizations: 'true' });
    const current = (await rest.get(route, { query })) as Record<string, unknown>[];
    const changes = registrationChanges(current, body);
    await rest.put(route, { body });
    console.log(`Deployed ${body.length} commands, ${scope}.`);
    for (const [what, names] of Object.entries(changes)) {
      if (names.length) console.log(`  ${what}: ${names.map((name: string) => `/${name}`).join(', ')}`);
    }
  } catch (error) {
    const { status } = error as { status?: number };
    process.stderr.write(
      `Deploying failed${status ? ` (HTTP ${status})` : ''}: ${(error as Error).message}\n` +
        (status === 401
          ? 'Check DISCORD_TOKEN.\n'
          : status === 403 || status === 404
            ? 'Check DISCORD_APPLICATION_ID and DISCORD_GUILD_ID.\n'
            : ''),
    );
    process.exit(1);
  }
}
