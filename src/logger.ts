/**
 * Logging: pino, human-readable (pino-pretty, when installed) when the log goes to a terminal, JSON lines
 * otherwise.
 * Secrets never reach a log line: bot tokens, Authorization headers and interaction tokens (an interaction's
 * `token` lets anyone answer or edit the reply for 15 minutes) are redacted, and interactions are logged
 * through describeInteraction, which copies only harmless fields.
 */
import { createRequire } from 'node:module';
import type { APIInteraction } from 'discord-api-types/v10';
import { type DestinationStream, type Logger, pino } from 'pino';
import type { LogLevel } from './config.js';
// Not discord-api-types at run time: it costs ~100 ms of start-up and the HTTP endpoint must start fast.
import { InteractionType } from './toolkit/discord-enums.js';

export type { Logger } from 'pino';

/** Paths pino replaces with "[redacted]" wherever an object is logged. */
export const redactedPaths = [
  'token',
  '*.token',
  '*.*.token',
  'DISCORD_TOKEN',
  '*.DISCORD_TOKEN',
  'authorization',
  'Authorization',
  '*.authorization',
  '*.Authorization',
  'headers.authorization',
  '*.headers.authorization',
  'headers["x-signature-ed25519"]',
  '*.headers["x-signature-ed25519"]',
];

export interface LoggerOptions {
  level?: LogLevel;
  /** File descriptor to write to: 1 (stdout, servers) or 2 (stderr, tools whose stdout is their answer). */
  fd?: 1 | 2;
  /** Pretty output; default: when that descriptor is a terminal. */
  pretty?: boolean;
  name?: string;
  /** Write JSON lines here instead (tests). */
  destination?: DestinationStream;
}

export function createLogger({
  level = 'info',
  fd = 1,
  pretty,
  name,
  destination,
}: LoggerOptions = {}): Logger {
  const isTerminal = fd === 1 ? process.stdout.isTTY : process.stderr.isTTY;
  const options = {
    level,
    name,
    redact: { paths: redactedPaths, censor: '[redacted]' },
    base: { pid: process.pid },
  };
  if (destination) return pino(options, destination);
  const pinoPretty = (pretty ?? isTerminal === true) ? loadPinoPretty() : undefined;
  if (pinoPretty) {
    return pino(
      options,
      pinoPretty.build({
        destination: fd,
        sync: true,
        colorize: true,
        translateTime: 'HH:MM:ss.l',
        ignore: 'pid,hostname',
      }),
    );
  }
  return pino(options, batchedDestination(fd));
}

/**
 * pino-pretty, for a person reading a terminal; a development dependency, so absent where the project was
 * installed without them (`npm ci --omit=dev`, the container image): JSON lines then. Loaded in process (a
 * synchronous stream, no worker thread) and only here: pino's worker transports cannot run from the bundled
 * endpoint (scripts/build.mjs).
 */
function loadPinoPretty(): typeof import('pino-pretty') | undefined {
  try {
    return createRequire(import.meta.url)('pino-pretty') as typeof import('pino-pretty');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return undefined;
    throw error;
  }
}

/** Flushes of every batched destination, run when the process exits (also on process.exit and crashes). */
const flushesAtExit = new Set<() => void>();
process.once('exit', () => {
  for (const flush of flushesAtExit) flush();
});

/**
 * Lines for fd 1 or 2, written synchronously (sonic-boom, as pino.destination makes it) but in one write per
 * turn of the event loop: the lines logged while handling what arrived together leave in one system call,
 * just after it, instead of one call each (a write costs ~15 µs under load, a third of the interaction line).
 * Nothing waits longer than the current turn; whatever is pending is written when the process exits.
 */
function batchedDestination(fd: 1 | 2): DestinationStream & { flush(callback?: () => void): void } {
  const sonic = pino.destination({ dest: fd, sync: true });
  let pending = '';
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (!pending) return;
    const text = pending;
    pending = '';
    sonic.write(text);
  };
  flushesAtExit.add(flush);
  return {
    write(line: string) {
      pending += line;
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush(callback) {
      flush();
      callback?.();
    },
  };
}

/**
 * A logger for the per-interaction line only: the same destination, level and base fields, but no redaction
 * paths. pino's redaction (with the wildcard paths above) costs ~30 µs a line; the interaction line needs
 * none, because it is built by describeInteraction, which copies only harmless fields (never the token).
 * Log anything else through the logger itself.
 */
export function interactionLogger(logger: Logger): Logger {
  return logger.child({}, { redact: [] });
}

const typeNames: Record<number, string> = {
  [InteractionType.Ping]: 'ping',
  [InteractionType.ApplicationCommand]: 'command',
  [InteractionType.MessageComponent]: 'component',
  [InteractionType.ApplicationCommandAutocomplete]: 'autocomplete',
  [InteractionType.ModalSubmit]: 'modal',
};

/** The loggable facts about an interaction: never its token, never option values typed by users. */
export interface InteractionSummary {
  id: string;
  type: string;
  /** The command name, or for a component the `command:action` taken from its custom_id. */
  command?: string;
  guildId?: string;
  userId?: string;
}

export function describeInteraction(interaction: APIInteraction): InteractionSummary {
  const summary: InteractionSummary = {
    id: interaction.id,
    type: typeNames[interaction.type] ?? `type-${interaction.type}`,
  };
  const data = (interaction as { data?: { name?: unknown; custom_id?: unknown } }).data;
  if (typeof data?.name === 'string') summary.command = data.name.slice(0, 32);
  else if (typeof data?.custom_id === 'string') {
    // custom_ids look like v1:<command>:<action>:...; the rest is state, not worth logging.
    const [, command, action] = data.custom_id.split(':');
    if (command && action) summary.command = `${command.slice(0, 32)}:${action.slice(0, 32)}`;
  }
  if (interaction.guild_id) summary.guildId = interaction.guild_id;
  const userId = interaction.member?.user.id ?? interaction.user?.id;
  if (userId) summary.userId = userId;
  return summary;
}

export type InteractionOutcome = 'ok' | 'error';

/** One line per interaction: type, command, latency and outcome. */
export function logInteraction(
  logger: Logger,
  interaction: APIInteraction,
  details: { latencyMs: number; outcome: InteractionOutcome; responseType?: number; transport?: string },
): void {
  const line = {
    interaction: describeInteraction(interaction),
    latencyMs: Math.round(details.latencyMs * 100) / 100,
    outcome: details.outcome,
    responseType: details.responseType,
    transport: details.transport,
  };
  if (details.outcome === 'ok') logger.info(line, 'interaction');
  else logger.warn(line, 'interaction');
}

/** An ErrorReporter (see handle.ts) that logs the handler's error with the interaction summary. */
export function logHandlerError(logger: Logger): (error: unknown, interaction: APIInteraction) => void {
  return (error, interaction) => {
    logger.error({ err: error, interaction: describeInteraction(interaction) }, 'handler failed');
  };
}
