/**
 * The one place the environment is read. Every variable is validated with zod; what each mode (HTTP
 * endpoint, gateway bot, command deployment, local playground) needs is checked on top, and every problem
 * becomes one line of a ConfigError. Secret values are never echoed back, not even in part.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { projectRoot } from './data/paths.js';

export type Mode = 'http' | 'gateway' | 'deploy' | 'playground';

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

/** Discord's REST base; DISCORD_API_URL replaces it (a stand-in server in tests). */
export const defaultApiUrl = 'https://discord.com/api';
/**
 * Loopback by default, so a bot started on a laptop is not reachable from the network by accident. In a
 * container or behind a reverse proxy on another host set HOST=0.0.0.0 (or ::).
 */
export const defaultHost = '127.0.0.1';
export const defaultPort = 3000;

/** Set to 1 to skip reading `.env` (tests use it so a developer's own `.env` cannot leak in). */
export const skipDotEnvVariable = 'WCO_SKIP_DOTENV';

export interface Config {
  mode: Mode;
  /** Bot token (secret). */
  token: string | undefined;
  applicationId: string | undefined;
  /** When set, commands are deployed to this guild only (instant) instead of globally. */
  guildId: string | undefined;
  /** The application's Ed25519 public key, 64 hex characters. */
  publicKey: string | undefined;
  /** REST base without a trailing slash, e.g. https://discord.com/api. */
  apiUrl: string;
  logLevel: LogLevel;
  host: string;
  port: number;
  /** When set, GET /metrics is served on this port (on HOST) instead of the HTTP endpoint's port. */
  metricsPort: number | undefined;
}

/** What each mode cannot run without. */
const requiredByMode = {
  http: ['publicKey'],
  gateway: ['token'],
  deploy: ['token', 'applicationId'],
  playground: [],
} as const satisfies Record<Mode, readonly (keyof Config)[]>;

type RequiredKey<M extends Mode> = (typeof requiredByMode)[M][number];
/** The config of one mode: the variables it requires are typed as present. */
export type ConfigFor<M extends Mode> = Config & { mode: M } & {
  [K in RequiredKey<M>]: NonNullable<Config[K]>;
};

/** The message lists every problem, one per line; no line contains a secret's value. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const variableOf = {
  token: 'DISCORD_TOKEN',
  applicationId: 'DISCORD_APPLICATION_ID',
  guildId: 'DISCORD_GUILD_ID',
  publicKey: 'DISCORD_PUBLIC_KEY',
  apiUrl: 'DISCORD_API_URL',
  logLevel: 'LOG_LEVEL',
  host: 'HOST',
  port: 'PORT',
  metricsPort: 'METRICS_PORT',
} as const satisfies Record<Exclude<keyof Config, 'mode'>, string>;

const whyRequired: Record<RequiredKey<Mode>, string> = {
  token: 'the bot token, from the Developer Portal > your application > Bot > Reset Token',
  applicationId: 'the application ID, from the Developer Portal > your application > General Information',
  publicKey:
    'the application public key (64 hex characters), from the Developer Portal > General Information',
};

const modeLabel: Record<Mode, string> = {
  http: 'the HTTP interactions endpoint (npm run http)',
  gateway: 'the gateway bot (npm start with a token)',
  deploy: 'deploying the slash commands (npm run deploy)',
  playground: 'the playground',
};

/** Echo a non-secret value in a message, cut short and on one line. */
function shown(value: unknown): string {
  const text = String(value).replace(/\s+/g, ' ');
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 39)}…` : text);
}

const snowflake = (variable: string) =>
  z.string().regex(/^\d{17,20}$/, { error: `${variable} must be a Discord ID (17 to 20 digits)` });

// Secrets: messages describe the problem without the value (zod does not include inputs by default either).
const tokenSchema = z
  .string()
  .refine((token) => !/^bot\s/i.test(token), {
    error: 'DISCORD_TOKEN must be the bare token, without the "Bot " prefix',
    abort: true,
  })
  .refine((token) => /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token), {
    error:
      'DISCORD_TOKEN does not look like a bot token (three dot-separated parts of letters, digits, - and _)',
  });

function portNumber(variable: string) {
  return z
    .string()
    .regex(/^\d{1,5}$/, {
      error: (issue) => `${variable} must be a number from 0 to 65535 (got ${shown(issue.input)})`,
    })
    .transform(Number)
    .refine((port) => port <= 65535, {
      error: (issue) => `${variable} must be at most 65535 (got ${shown(issue.input)})`,
    });
}

function parsedUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** A host name that can only mean this machine: localhost, 127.0.0.0/8 or ::1 (as URL writes them). */
export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

const envSchema = z.object({
  token: tokenSchema.optional(),
  applicationId: snowflake('DISCORD_APPLICATION_ID').optional(),
  guildId: snowflake('DISCORD_GUILD_ID').optional(),
  publicKey: z
    .string()
    .refine((key) => /^[0-9a-fA-F]{64}$/.test(key), {
      error: (issue) => {
        const length = String(issue.input).length;
        return length === 64
          ? 'DISCORD_PUBLIC_KEY must be hexadecimal (0-9, a-f); it has 64 characters but not all are hex digits'
          : `DISCORD_PUBLIC_KEY must be 64 hexadecimal characters (got ${length} characters)`;
      },
    })
    .transform((key) => key.toLowerCase())
    .optional(),
  apiUrl: z
    .string()
    .refine((url) => ['http:', 'https:'].includes(parsedUrl(url)?.protocol ?? ''), {
      error: (issue) =>
        `DISCORD_API_URL must be an http(s) URL such as ${defaultApiUrl} (got ${shown(issue.input)})`,
      abort: true,
    })
    .refine((url) => parsedUrl(url)?.protocol === 'https:' || isLoopback(parsedUrl(url)?.hostname ?? ''), {
      // The bot token and interaction tokens travel to this URL: unencrypted only within this machine.
      error: (issue) =>
        `DISCORD_API_URL must use https:// (http:// only to this machine: localhost, 127.0.0.1, [::1]; got ${shown(issue.input)})`,
    })
    .transform((url) => url.replace(/\/+$/, ''))
    .default(defaultApiUrl),
  logLevel: z
    .string()
    .transform((level) => level.toLowerCase())
    .pipe(
      z.enum(logLevels, {
        error: (issue) => `LOG_LEVEL must be one of ${logLevels.join(', ')} (got ${shown(issue.input)})`,
      }),
    )
    .default('info'),
  host: z
    .string()
    .regex(/^[\w.:[\]-]+$/, {
      error: (issue) => `HOST must be a host name or IP address (got ${shown(issue.input)})`,
    })
    .default(defaultHost),
  port: portNumber('PORT').default(defaultPort),
  metricsPort: portNumber('METRICS_PORT').optional(),
});

const loadedDotEnvFiles = new Set<string>();

/**
 * Loads `<project root>/.env` (or `path`) into process.env once, if the file exists. Variables already set in the
 * environment win over the file. Skipped when WCO_SKIP_DOTENV=1.
 */
export function loadDotEnv(path: string = join(projectRoot, '.env')): void {
  if (loadedDotEnvFiles.has(path)) return;
  loadedDotEnvFiles.add(path);
  if (process.env[skipDotEnvVariable] === '1' || !existsSync(path)) return;
  try {
    process.loadEnvFile(path);
  } catch (error) {
    // A malformed or unreadable .env is a config problem; its content (secrets) is not echoed.
    throw new ConfigError([
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable file'}`,
    ]);
  }
}

/**
 * The validated configuration for one mode. With no `env` given, reads process.env after loading `.env`;
 * a given `env` (tests) is read as is. Empty values count as unset. `usedBy` names the entry point in the
 * messages when it is not the mode's usual one (`npm run worker:dev` runs the http mode). Throws ConfigError.
 */
export function configFor<M extends Mode>(mode: M, env?: NodeJS.ProcessEnv, usedBy?: string): ConfigFor<M> {
  if (!env) loadDotEnv();
  const source = env ?? process.env;
  const read = (variable: string): string | undefined => {
    const value = source[variable]?.trim();
    return value ? value : undefined;
  };
  const raw = Object.fromEntries(Object.entries(variableOf).map(([key, variable]) => [key, read(variable)]));

  const parsed = envSchema.safeParse(raw);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
  const values = parsed.success ? parsed.data : undefined;

  for (const key of requiredByMode[mode] as readonly RequiredKey<Mode>[]) {
    if (raw[key] === undefined) {
      const variable = variableOf[key];
      const nearMisses = nearMissesOf(variable, source);
      const typo = nearMisses.length
        ? `; ${nearMisses.join(' and ')} is set instead: rename it ${variable}`
        : '';
      problems.push(`${variable} is required for ${usedBy ?? modeLabel[mode]}: ${whyRequired[key]}${typo}`);
    }
  }
  if (!values || problems.length) throw new ConfigError(problems);
  return { mode, ...values } as ConfigFor<M>;
}

/** The config with secrets masked, safe to log or print. */
export function describeConfig(config: Config): Record<string, unknown> {
  return { ...config, token: config.token ? '[set]' : undefined };
}

const knownDiscordVariables = [
  'DISCORD_TOKEN',
  'DISCORD_APPLICATION_ID',
  'DISCORD_GUILD_ID',
  'DISCORD_PUBLIC_KEY',
  'DISCORD_API_URL',
];

/** How much of `typed`, in order, `name` holds (longest common subsequence over `typed`'s length): 1 for
 * an abbreviation or a name with letters left out (DISCORD_PUBKEY in DISCORD_PUBLIC_KEY), less for others. */
export function likeness(typed: string, name: string): number {
  let previous = new Array<number>(name.length + 1).fill(0);
  for (let i = 1; i <= typed.length; i++) {
    const current = [0];
    for (let j = 1; j <= name.length; j++) {
      current[j] =
        typed[i - 1] === name[j - 1]
          ? (previous[j - 1] ?? 0) + 1
          : Math.max(previous[j] ?? 0, current[j - 1] ?? 0);
    }
    previous = current;
  }
  return (previous[name.length] ?? 0) / Math.max(1, typed.length);
}

/** The known DISCORD_* variable `name` is most likely a misspelling of (the shorter of equally like ones). */
function closestKnown(name: string): string {
  const ranked = [...knownDiscordVariables].sort(
    (a, b) => likeness(name, b) - likeness(name, a) || a.length - b.length,
  );
  return ranked[0] ?? 'DISCORD_TOKEN';
}

/**
 * The variables set in `env` that look like a misspelling of `variable` (DISCORD_PUBKEY or PUBLIC_KEY for
 * DISCORD_PUBLIC_KEY): unknown DISCORD_* names closest to it, and other names that are nearly all in it.
 */
function nearMissesOf(variable: string, env: NodeJS.ProcessEnv): string[] {
  return Object.keys(env).filter(
    (name) =>
      name !== variable &&
      !knownDiscordVariables.includes(name) &&
      env[name]?.trim() &&
      closestKnown(name) === variable &&
      (name.startsWith('DISCORD_') || (name.length >= 5 && likeness(name, variable) >= 0.85)),
  );
}

/** A warning for each DISCORD_* variable the bot does not know (a typo would otherwise be silently ignored). */
export function unknownDiscordVariables(env: NodeJS.ProcessEnv = process.env): string[] {
  return Object.keys(env)
    .filter((name) => name.startsWith('DISCORD_') && !knownDiscordVariables.includes(name))
    .map((name) => `warning: ${name} is not a setting of this bot; did you mean ${closestKnown(name)}?`);
}
