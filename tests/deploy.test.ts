/**
 * `npm run deploy` (node scripts/run.mjs deploy) against the Discord stand-in's REST API: the bulk overwrite
 * it sends, what it prints, and --dry-run sending nothing.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { commandRegistrations, inviteUrl } from '../src/interactions/registration.js';
import { type DiscordStandIn, type RecordedRequest, startDiscordStandIn } from './discord-stand-in/index.js';

/** dist/ is built by tests/global-setup.ts; scripts/run.mjs would compile first if it were stale. */
const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const tokenSecret = 'deploySecretPartOfTheBotToken-NotShown';
const token = `MTI5MDAwMDAwMDAwMDAwMDAwMQ.GabcDe.${tokenSecret}`;
const commandNames = ['partner', 'mou', 'topic', 'ask', 'help', 'WCO partners in this message'];
/**
 * A deploy takes about a second; the margin is for loaded machines, and for scripts/run.mjs compiling
 * first when a source changed after tests/global-setup.ts built dist/.
 */
const deployTimeoutMs = 40_000;

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node scripts/run.mjs deploy ...args` with only `env` for configuration (no .env, no DISCORD_*). */
function deploy(args: string[], env: Record<string, string>): Promise<CliResult> {
  const base: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(DISCORD_|WCO_|LOG_LEVEL$)/.test(key)) base[key] = value;
  }
  const child = spawn(process.execPath, [join(projectRoot, 'scripts', 'run.mjs'), 'deploy', ...args], {
    cwd: projectRoot,
    env: { ...base, WCO_SKIP_DOTENV: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`deploy ${args.join(' ')} did not finish in time\n${stdout}\n${stderr}`));
    }, deployTimeoutMs);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

let standIn: DiscordStandIn | null = null;

afterEach(async () => {
  await standIn?.close();
  standIn = null;
});

async function start(): Promise<DiscordStandIn> {
  standIn = await startDiscordStandIn({ token });
  return standIn;
}

function envFor(s: DiscordStandIn, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DISCORD_TOKEN: token,
    DISCORD_APPLICATION_ID: s.applicationId,
    DISCORD_API_URL: s.apiUrl,
    ...extra,
  };
}

const puts = (s: DiscordStandIn): RecordedRequest[] => s.requests.filter((r) => r.method === 'PUT');

function expectNoSecret(result: CliResult): void {
  expect(result.stdout + result.stderr).not.toContain(tokenSecret);
}

describe('npm run deploy', { timeout: 2 * deployTimeoutMs }, () => {
  it('bulk-overwrites the global commands with commandRegistrations() and says they were added', async () => {
    const s = await start();
    const result = await deploy([], envFor(s));
    expect(result.code, result.stderr).toBe(0);

    const [put, ...more] = puts(s);
    expect(more).toEqual([]);
    expect(put?.url).toBe(`/api/v10/applications/${s.applicationId}/commands`);
    expect(put?.route).toBe('PUT /applications/:appId/commands');
    expect(put?.status).toBe(200);
    expect(put?.headers.authorization).toBe(`Bot ${token}`);
    expect(put?.body).toEqual(commandRegistrations());
    const body = put?.body as { name: string; integration_types: number[]; contexts: number[] }[];
    expect(body.map((command) => command.name)).toEqual(commandNames);
    for (const command of body) {
      expect(command.integration_types).toEqual([0, 1]);
      expect(command.contexts).toEqual([0, 1, 2]);
    }
    // Nothing but reading the current commands and the one overwrite.
    expect(s.requests.map((r) => r.route)).toEqual([
      'GET /applications/:appId/commands',
      'PUT /applications/:appId/commands',
    ]);
    expect(s.commands().map((command) => command.name)).toEqual(commandNames);

    expect(result.stdout).toContain('Deployed 6 commands, global');
    expect(result.stdout).toContain(
      'added: /partner, /mou, /topic, /ask, /help, WCO partners in this message (message command)',
    );
    expect(result.stdout).not.toMatch(/unchanged|updated|removed/);
    expect(result.stdout).toContain(`Invite the bot to a server: ${inviteUrl(s.applicationId)}`);
    expectNoSecret(result);

    // The same deployment again changes nothing and says so.
    const again = await deploy([], envFor(s));
    expect(again.code, again.stderr).toBe(0);
    expect(puts(s)).toHaveLength(2);
    expect(puts(s)[1]?.body).toEqual(commandRegistrations());
    expect(again.stdout).toContain('unchanged: /partner, /mou, /topic, /ask, /help');
    expect(again.stdout).not.toMatch(/added|updated|removed/);
  });

  it('with DISCORD_GUILD_ID set, overwrites that guild’s commands only', async () => {
    const s = await start();
    const guildId = s.guilds[0]?.id ?? '';
    const result = await deploy([], envFor(s, { DISCORD_GUILD_ID: guildId }));
    expect(result.code, result.stderr).toBe(0);

    const [put, ...more] = puts(s);
    expect(more).toEqual([]);
    expect(put?.url).toBe(`/api/v10/applications/${s.applicationId}/guilds/${guildId}/commands`);
    // integration_types and contexts are global-only fields: the guild route gets the commands without them.
    const body = put?.body as Record<string, unknown>[];
    expect(body.map((command) => command.name)).toEqual(commandNames);
    for (const command of body) {
      expect(command).not.toHaveProperty('integration_types');
      expect(command).not.toHaveProperty('contexts');
    }
    expect(body).toEqual(
      commandRegistrations().map(({ integration_types: _t, contexts: _c, ...command }) => command),
    );
    expect(s.commands(guildId).map((command) => command.name)).toEqual(commandNames);
    expect(s.commands()).toEqual([]);
    expect(result.stdout).toContain(`Deployed 6 commands, guild ${guildId}`);
    expect(result.stdout).toContain(
      'added: /partner, /mou, /topic, /ask, /help, WCO partners in this message (message command)',
    );
    expectNoSecret(result);
  });

  it('reports updated and removed commands', async () => {
    const s = await start();
    const [partner] = commandRegistrations();
    const seeded = await fetch(`${s.apiUrl}/v10/applications/${s.applicationId}/commands`, {
      method: 'PUT',
      headers: { authorization: `Bot ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify([
        { ...partner, description: 'An older description' },
        { name: 'obsolete', description: 'Gone in this version' },
      ]),
    });
    expect(seeded.status).toBe(200);

    const result = await deploy([], envFor(s));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      'added: /mou, /topic, /ask, /help, WCO partners in this message (message command)',
    );
    expect(result.stdout).toContain('updated: /partner');
    expect(result.stdout).toContain('removed: /obsolete');
    expect(s.commands().map((command) => command.name)).toEqual(commandNames);
  });

  it('--dry-run prints the JSON it would send and sends nothing, even without credentials', async () => {
    const s = await start();
    const result = await deploy(['--dry-run'], { DISCORD_API_URL: s.apiUrl });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(commandRegistrations());
    // The French names and descriptions go with them (Discord shows them to French-speaking users).
    const printed = JSON.parse(result.stdout) as { name: string; name_localizations?: { fr?: string } }[];
    expect(printed.map((command) => [command.name, command.name_localizations?.fr])).toEqual([
      ['partner', 'partenaire'],
      ['mou', 'accords'],
      ['topic', 'thème'],
      ['ask', 'demander'],
      ['help', 'aide'],
      ['WCO partners in this message', 'Partenaires OMD dans ce message'],
    ]);
    expect(result.stdout).toContain('"description_localizations"');
    expect(result.stderr).toContain('nothing sent');
    expect(s.requests).toEqual([]);

    // With full credentials too.
    const withCredentials = await deploy(['--dry-run'], envFor(s));
    expect(withCredentials.code).toBe(0);
    expect(JSON.parse(withCredentials.stdout)).toEqual(commandRegistrations());
    expect(s.requests).toEqual([]);
  });

  it('fails with exit code 1 and a hint, without printing the token, when Discord refuses it', async () => {
    const s = await start();
    const wrong = `${token.slice(0, -1)}X`;
    const result = await deploy([], envFor(s, { DISCORD_TOKEN: wrong }));
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'Deploying failed: Discord rejected DISCORD_TOKEN (401 Unauthorized): reset the token in the Developer Portal ' +
        '(your application → Bot → Reset Token) and put the new one in .env\n',
    );
    expect(result.stdout + result.stderr).not.toContain(tokenSecret.slice(0, -1));
    expect(puts(s)).toEqual([]);

    const sentBefore = s.requests.length;
    const missing = await deploy([], { DISCORD_API_URL: s.apiUrl });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('DISCORD_TOKEN is required');
    expect(missing.stderr).toContain('DISCORD_APPLICATION_ID is required');
    expect(s.requests).toHaveLength(sentBefore);
  });

  it('names the URL and what to check in one line, exit 1, when the API cannot be reached (stack only at LOG_LEVEL=debug)', async () => {
    // 127.0.0.1:9 (discard) has nothing listening here: the connection is refused at once.
    const closed = 'http://127.0.0.1:9';
    const env = {
      DISCORD_TOKEN: token,
      DISCORD_APPLICATION_ID: '1290000000000000001',
      DISCORD_API_URL: closed,
    };
    const result = await deploy([], env);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `Deploying failed: could not reach ${closed} (ECONNREFUSED): check the network, a proxy or firewall, and DISCORD_API_URL\n`,
    });
    const debug = await deploy([], { ...env, LOG_LEVEL: 'debug' });
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/\n\s+at /);
    expectNoSecret(debug);
  });

  describe('rate-limited by Discord (429)', () => {
    const rateLimited =
      /^Deploying failed: Discord is rate-limiting these requests \(HTTP 429\) and asked to wait (\d+) s; nothing was changed: run npm run deploy again in .+\n$/;

    it('waits out a short rate limit once, as Discord asks, and deploys', async () => {
      const s = await start();
      s.injectRestFault({ method: 'PUT', path: '/applications/:appId/commands', times: 1, retryAfter: 0.2 });
      const result = await deploy([], envFor(s));
      expect(result.code, result.stderr).toBe(0);
      expect(puts(s).map((put) => put.status)).toEqual([429, 200]);
    });

    it('gives up at once, saying so and the wait Discord asked for, when that wait is longer than it waits', async () => {
      const s = await start();
      s.injectRestFault({ path: '/applications/:appId/commands', times: 1_000, retryAfter: 600 });
      const started = Date.now();
      const result = await deploy([], envFor(s));
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(rateLimited);
      expect(rateLimited.exec(result.stderr)?.[1]).toBe('601');
      expect(result.stderr).toContain('again in 11 min');
      expect(s.requests).toHaveLength(1);
      expect(puts(s)).toEqual([]);
      expectNoSecret(result);
    });

    it('under endless short rate limits, stops after a few tries, well within a minute, and says why', async () => {
      const s = await start();
      s.injectRestFault({ path: '/applications/:appId/commands', times: 1_000, retryAfter: 1 });
      const started = Date.now();
      const result = await deploy([], envFor(s));
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(rateLimited);
      expect(s.requests.length).toBeLessThanOrEqual(4);
      expect(puts(s)).toEqual([]);
    });
  });
});
