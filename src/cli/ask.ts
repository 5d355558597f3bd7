// npm run ask -- "/partner who:interpl" [--json] [--color] [--out DIR]: one command, one answer, then exit.
// Prints the reply as plain text, or with --json the exact interaction response sent to Discord. A reply
// with a file (/mou view:timeline) saves it to DIR (default: <system temp dir>/wco-partner-bot).
// Exit code: 0 with an answer, 2 when the command line cannot be understood, 1 on bad config or data.

import type { Locale } from 'discord-api-types/v10';
import { ConfigError, configFor, type LogLevel } from '../config.js';
import { DataValidationError } from '../data/load.js';

const usage = `Usage: npm run ask -- "/partner who:interpol" [--json] [--color]
  --json    print the interaction response payload that would be sent to Discord
  --color   colours and boxes, as in the playground
  --out DIR where a reply's picture is saved (default: <system temp dir>/wco-partner-bot)
  --locale L the user's Discord language, e.g. fr for French replies (default: en-US)`;

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

// A lone `--` (as in `node scripts/run.mjs ask -- /help`) only separates arguments.
const args = process.argv.slice(2).filter((arg) => arg !== '--');
const outAt = args.indexOf('--out');
const outDir = outAt === -1 ? undefined : args.splice(outAt, 2)[1];
if (outAt !== -1 && !outDir) fail('--out needs a directory, e.g. --out ./pictures', 2);
const localeAt = args.indexOf('--locale');
const locale = localeAt === -1 ? undefined : args.splice(localeAt, 2)[1];
if (localeAt !== -1 && !locale) fail('--locale needs a language, e.g. --locale fr', 2);
const flags = new Set(args.filter((arg) => /^--?[a-z]+$/.test(arg)));
const line = args
  .filter((arg) => !flags.has(arg))
  .join(' ')
  .trim();
if (flags.has('--help') || flags.has('-h')) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
const unknown = [...flags].filter((flag) => !['--json', '--color'].includes(flag));
if (unknown.length) fail(`Unknown option ${unknown.join(', ')}.\n${usage}`, 2);
if (!line) fail(usage, 2);

let logLevel: LogLevel;
try {
  logLevel = configFor('playground').logLevel;
} catch (error) {
  if (error instanceof ConfigError) fail(error.message, 1);
  throw error;
}

const [
  { commands },
  { createBotContext },
  { handleInteraction },
  { parseLine },
  { renderResponse },
  { saveReplyFiles },
  logging,
  { createLocalSession },
] = await Promise.all([
  import('../../commands/index.js'),
  import('../interactions/create-context.js'),
  import('../interactions/handle.js'),
  import('../transports/local/message-line.js'),
  import('../transports/local/render-text.js'),
  import('../transports/local/save-files.js'),
  import('../logger.js'),
  import('../transports/local/parse-command-line.js'),
]);

const session = createLocalSession(locale ? { locale: locale as Locale } : {});
const parsed = parseLine(line, commands, session);
if (!parsed.ok) fail(parsed.error, 2);

let context: ReturnType<typeof createBotContext>;
try {
  context = createBotContext();
} catch (error) {
  if (error instanceof DataValidationError) fail(error.message, 1);
  throw error;
}

const logger = logging.createLogger({ level: logLevel, fd: 2, pretty: false, name: 'ask' });
const response = handleInteraction(parsed.interaction, context, logging.logHandlerError(logger));
const text = flags.has('--json')
  ? JSON.stringify(response, null, 2)
  : renderResponse(response, { color: flags.has('--color'), width: 80 });
process.stdout.write(`${text}\n`);
// With --json, stdout stays one JSON document: the saved files are reported on stderr.
const report = flags.has('--json') ? process.stderr : process.stdout;
for (const saved of saveReplyFiles(response, outDir)) report.write(`${saved}\n`);
