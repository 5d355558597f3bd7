import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIInteraction } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  configFor,
  defaultApiUrl,
  describeConfig,
  loadDotEnv,
  skipDotEnvVariable,
  unknownDiscordVariables,
} from '../src/config.js';
import { describeInteraction, logHandlerError, logInteraction } from '../src/logger.js';
import { capturedLogger } from './helpers/captured-logger.js';

const publicKey = 'ab'.repeat(32);
const token = 'MTI5MDAwMDAwMDAwMDAwMDAwMQ.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789ABCD';

function problems(mode: Parameters<typeof configFor>[0], env: NodeJS.ProcessEnv): string[] {
  try {
    configFor(mode, env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  return [];
}

describe('configFor', () => {
  it('applies defaults: loopback host, port 3000, info, Discord’s API', () => {
    expect(configFor('playground', {})).toEqual({
      mode: 'playground',
      apiUrl: defaultApiUrl,
      logLevel: 'info',
      host: '127.0.0.1',
      port: 3000,
    });
  });

  it('reads and normalises every variable', () => {
    const config = configFor('deploy', {
      DISCORD_TOKEN: ` ${token} `,
      DISCORD_APPLICATION_ID: '1290000000000000001',
      DISCORD_GUILD_ID: '1290000000000000100',
      DISCORD_PUBLIC_KEY: publicKey.toUpperCase(),
      DISCORD_API_URL: 'http://127.0.0.1:1234/api/',
      LOG_LEVEL: 'DEBUG',
      HOST: '0.0.0.0',
      PORT: '8080',
      METRICS_PORT: '9464',
    });
    expect(config).toEqual({
      mode: 'deploy',
      token,
      applicationId: '1290000000000000001',
      guildId: '1290000000000000100',
      publicKey,
      apiUrl: 'http://127.0.0.1:1234/api',
      logLevel: 'debug',
      host: '0.0.0.0',
      port: 8080,
      metricsPort: 9464,
    });
    expect(JSON.stringify(describeConfig(config))).not.toContain(token);
  });

  it('requires what each mode needs, one line per missing variable', () => {
    expect(problems('http', {})).toEqual([
      expect.stringMatching(/^DISCORD_PUBLIC_KEY is required for the HTTP/),
    ]);
    expect(problems('gateway', {})).toEqual([expect.stringMatching(/^DISCORD_TOKEN is required/)]);
    expect(problems('gateway', { DISCORD_TOKEN: token })).toEqual([]);
    expect(problems('deploy', { DISCORD_TOKEN: token })).toEqual([
      expect.stringMatching(/^DISCORD_APPLICATION_ID is required/),
    ]);
    expect(problems('playground', {})).toEqual([]);
    expect(problems('http', { DISCORD_PUBLIC_KEY: '' })).toHaveLength(1);
  });

  it.each([
    ['z'.repeat(64), /DISCORD_PUBLIC_KEY must be hexadecimal .* not all are hex digits/],
    ['ab'.repeat(10), /DISCORD_PUBLIC_KEY must be 64 hexadecimal characters \(got 20 characters\)/],
  ])('says why the public key %s is refused', (key, message) => {
    expect(problems('http', { DISCORD_PUBLIC_KEY: key })).toEqual([expect.stringMatching(message)]);
  });

  it('reports every invalid value on its own line, never echoing a secret', () => {
    const secret = 'Bot very-secret-token-value';
    const found = problems('http', {
      DISCORD_TOKEN: secret,
      DISCORD_PUBLIC_KEY: 'zz',
      DISCORD_GUILD_ID: '12',
      DISCORD_API_URL: 'ftp://example.org',
      LOG_LEVEL: 'loud',
      HOST: 'two words',
      PORT: '99999',
      METRICS_PORT: 'metrics',
    });
    expect(found).toHaveLength(8);
    expect(found.join('\n')).not.toContain('very-secret');
    expect(found.join('\n')).not.toContain('zz');
    expect(found).toContainEqual(expect.stringMatching(/DISCORD_TOKEN must be the bare token/));
    expect(found).toContainEqual(expect.stringMatching(/PORT must be at most 65535/));
    expect(found).toContainEqual('METRICS_PORT must be a number from 0 to 65535 (got "metrics")');
    expect(found).toContainEqual(expect.stringMatching(/LOG_LEVEL must be one of .* \(got "loud"\)/));
    const other = problems('gateway', { DISCORD_TOKEN: 'not a token at all' });
    expect(other).toEqual([expect.stringMatching(/DISCORD_TOKEN does not look like a bot token/)]);
    expect(other.join('')).not.toContain('not a token');
    const error = (() => {
      try {
        configFor('http', { PORT: 'x' });
      } catch (caught) {
        return caught as ConfigError;
      }
    })();
    expect(error?.message.split('\n')).toEqual([
      'Invalid configuration:',
      '  - PORT must be a number from 0 to 65535 (got "x")',
      expect.stringMatching(/^ {2}- DISCORD_PUBLIC_KEY is required/),
    ]);
  });
});

describe('loadDotEnv', () => {
  it('loads a .env file without overriding variables already set', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'wco-env-')), '.env');
    writeFileSync(file, 'WCO_TEST_FROM_FILE=file\nWCO_TEST_PRESET=file\n');
    process.env.WCO_TEST_PRESET = 'environment';
    const skip = process.env[skipDotEnvVariable];
    delete process.env[skipDotEnvVariable];
    try {
      loadDotEnv(file);
      expect(process.env.WCO_TEST_FROM_FILE).toBe('file');
      expect(process.env.WCO_TEST_PRESET).toBe('environment');
    } finally {
      if (skip !== undefined) process.env[skipDotEnvVariable] = skip;
    }
  });

  it('is skipped with WCO_SKIP_DOTENV=1, and a missing file is fine', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'wco-env-')), '.env');
    writeFileSync(file, 'WCO_TEST_SKIPPED=file\n');
    const skip = process.env[skipDotEnvVariable];
    process.env[skipDotEnvVariable] = '1';
    try {
      loadDotEnv(file);
      expect(process.env.WCO_TEST_SKIPPED).toBeUndefined();
    } finally {
      if (skip === undefined) delete process.env[skipDotEnvVariable];
      else process.env[skipDotEnvVariable] = skip;
    }
    expect(() => loadDotEnv(join(tmpdir(), 'no-such-dir-wco', '.env'))).not.toThrow();
  });
});

describe('logger', () => {
  const interaction = {
    id: '1300000000000000001',
    application_id: '1290000000000000001',
    type: 3,
    token: 'interaction-token-secret',
    version: 1,
    guild_id: '1290000000000000100',
    member: { user: { id: '1290000000000000042' } },
    data: { custom_id: 'v1:mou:page:1290000000000000042:1', component_type: 2 },
  } as unknown as APIInteraction;

  it('logs one line per interaction without its token', () => {
    const { lines, logger } = capturedLogger();
    logInteraction(logger, interaction, {
      latencyMs: 1.234,
      outcome: 'ok',
      responseType: 7,
      transport: 'http',
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      msg: 'interaction',
      interaction: {
        id: interaction.id,
        type: 'component',
        command: 'mou:page',
        guildId: '1290000000000000100',
      },
      latencyMs: 1.23,
      outcome: 'ok',
      responseType: 7,
    });
    expect(JSON.stringify(lines)).not.toContain('interaction-token-secret');
    expect(describeInteraction(interaction)).not.toHaveProperty('token');
  });

  it('redacts tokens and authorization headers wherever they are logged', () => {
    const { lines, logger } = capturedLogger();
    logger.info({ token: 'a', config: { token: 'b' }, interaction: { token: 'c' } }, 'x');
    logger.info({ headers: { authorization: 'Bot d' }, req: { headers: { authorization: 'Bot e' } } }, 'y');
    logHandlerError(logger)(new Error('boom'), interaction);
    const text = JSON.stringify(lines);
    for (const secret of ['"a"', '"b"', '"c"', 'Bot d', 'Bot e', 'interaction-token-secret']) {
      expect(text).not.toContain(secret);
    }
    expect(lines[2]).toMatchObject({ msg: 'handler failed', err: { message: 'boom' } });
  });
});

describe('misspelled DISCORD_* variables', () => {
  it.each([
    ['DISCORD_TOKNE', 'DISCORD_TOKEN'],
    ['DISCORD_GUILD', 'DISCORD_GUILD_ID'],
    ['DISCORD_APLICATION_ID', 'DISCORD_APPLICATION_ID'],
    ['DISCORD_PUBLICKEY', 'DISCORD_PUBLIC_KEY'],
  ])('%s gets a warning naming %s', (name, closest) => {
    expect(unknownDiscordVariables({ [name]: 'x', DISCORD_TOKEN: 'y' })).toEqual([
      `warning: ${name} is not a setting of this bot; did you mean ${closest}?`,
    ]);
  });

  it('known variables get no warning', () => {
    expect(unknownDiscordVariables({ DISCORD_TOKEN: 'x', DISCORD_API_URL: 'y', OTHER: 'z' })).toEqual([]);
  });
});

describe('DISCORD_API_URL', () => {
  it.each([
    'http://127.0.0.1:1234/api',
    'http://127.8.9.10/api',
    'http://localhost:1234/api',
    'http://[::1]:1234/api',
    'https://discord.com/api',
    'https://proxy.example.org/api',
  ])('accepts %s', (url) => {
    expect(problems('gateway', { DISCORD_TOKEN: token, DISCORD_API_URL: url })).toEqual([]);
  });

  it.each([
    'http://discord.com/api',
    'http://example.org:1234/api',
    'http://127.0.0.1.example.org/api',
    'http://10.0.0.5/api',
    'http://0.0.0.0:1234/api',
  ])('refuses plain http to %s, which is not this machine (tokens would travel unencrypted)', (url) => {
    expect(problems('gateway', { DISCORD_TOKEN: token, DISCORD_API_URL: url })).toEqual([
      expect.stringMatching(/^DISCORD_API_URL must use https:\/\/ \(http:\/\/ only to this machine/),
    ]);
  });
});

describe('a misspelled required variable', () => {
  it.each([
    ['http', 'DISCORD_PUBKEY', 'DISCORD_PUBLIC_KEY'],
    ['http', 'DISCORD_PUBLIC_KYE', 'DISCORD_PUBLIC_KEY'],
    ['gateway', 'DISCORD_TOKN', 'DISCORD_TOKEN'],
    ['gateway', 'DICSORD_TOKEN', 'DISCORD_TOKEN'],
    ['deploy', 'DISCORD_APP_ID', 'DISCORD_APPLICATION_ID'],
    ['http', 'PUBLIC_KEY', 'DISCORD_PUBLIC_KEY'],
  ] as const)('%s: %s is named as the near miss of %s', (mode, typo, variable) => {
    const env = { DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: '1290000000000000001', [typo]: 'x' };
    delete (env as Record<string, string>)[variable];
    const found = problems(mode, env);
    expect(found).toEqual([
      expect.stringMatching(
        new RegExp(`^${variable} is required for .*; ${typo} is set instead: rename it ${variable}$`),
      ),
    ]);
  });

  it('names no near miss when nothing like it is set, nor for an empty one', () => {
    const usual = { HOME: '/home/x', PATH: '/bin', GITHUB_TOKEN: 'x', NPM_TOKEN: 'x', NODE_ENV: 'x' };
    expect(problems('gateway', usual)).toEqual([expect.not.stringContaining('instead')]);
    expect(problems('http', { DISCORD_PUBKEY: ' ', ...usual })).toEqual([
      expect.not.stringContaining('instead'),
    ]);
  });

  it('an entry point that runs a mode for another purpose names itself', () => {
    expect(problems('http', {}).join('')).toContain('npm run http');
    const worker = (() => {
      try {
        configFor('http', {}, 'npm run worker:dev');
      } catch (error) {
        return (error as ConfigError).problems.join('');
      }
    })();
    expect(worker).toContain('required for npm run worker:dev');
    expect(worker).not.toContain('npm run http');
  });
});

describe('pino-pretty, for terminals only', () => {
  const root = new URL('..', import.meta.url);

  it('is a development dependency, so production installs (npm ci --omit=dev) leave it out', () => {
    const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
    expect(manifest.dependencies).not.toHaveProperty('pino-pretty');
    expect(manifest.devDependencies).toHaveProperty('pino-pretty');
    const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8'));
    expect(lock.packages['node_modules/pino-pretty'].dev).toBe(true);
  });

  it('without it, a logger asked for pretty output writes JSON lines instead of failing', () => {
    const logger = new URL('dist/src/logger.js', root).href;
    const result = spawnSync(
      process.execPath,
      [
        '-r',
        fileURLToPath(new URL('tests/helpers/without-pino-pretty.cjs', root)),
        '--input-type=module',
        '-e',
        `const { createLogger } = await import(${JSON.stringify(logger)}); createLogger({ pretty: true }).info('hello');`,
      ],
      { encoding: 'utf8' },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ level: 30, msg: 'hello' });
  });
});
