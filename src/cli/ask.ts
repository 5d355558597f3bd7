// npm run ask -- "/partner who:interpl" [--json] [--color] [--out DIR]: one command, one answer, then exit.
// Prints the reply as plain text, or with --json the exact interaction response sent to Discord. A reply
// with a file (/mou view:timeline) saves it to DIR (default: <system temp dir>/wco-partner-bot).
// Several commands (`npm run ask -- "/mou" "/help"`: each argument starting with / begins one) are
// answered one after the other, each reply under its command; with --json, a JSON array of the responses.
// Exit code: 0 with an answer, 2 when a command line cannot be understood, 1 on bad config or data.
import { ConfigError, configFor, type LogLevel } from '../config.js';
import { DataValidationError } from '../data/load.js';
import { entryPointArgs, localeOf } from './args.js';

const usage = `Usage: npm run ask -- "/partner who:interpol" [more commands] [--json] [--color] [--locale en|fr]
  --json         print the interaction response payload that would be sent to Discord
                 (several commands: a JSON array, one response each)
  --color        colours and boxes, as in the playground
  --out DIR      where a reply's picture is saved (default: <system temp dir>/wco-partner-bot)
  --locale en|fr the language of the user asking (default en)
Several commands: "/mou" "/help" (each argument starting with / begins a command); each reply is labelled.`;

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

const { values: flags, positionals } = entryPointArgs(
  'npm run ask',
  usage,
  {
    json: { type: 'boolean' },
    color: { type: 'boolean' },
    out: { type: 'string' },
    locale: { type: 'string' },
  },
  { positionals: true },
);

/** The command lines: an argument starting with / begins a new one; others continue it (`/mou` `year:2003`). */
const lines: string[] = [];
for (const arg of positionals) {
  const last = lines.length - 1;
  if (lines.length === 0 || arg.trimStart().startsWith('/')) lines.push(arg.trim());
  else lines[last] = `${lines[last]} ${arg.trim()}`.trim();
}
if (!lines.some(Boolean)) fail(usage, 2);

let logLevel: LogLevel;
try {
  logLevel = configFor('playground').logLevel;
} catch (error) {
  if (error instanceof ConfigError) fail(error.message, 1);
  throw error;
}

const [
  { commands },
  { loadBotContext },
  { handleInteraction },
  { parseLine },
  { createLocalSession },
  { renderResponse },
  { saveReplyFiles },
  logging,
] = await Promise.all([
  import('../../commands/index.js'),
  import('../interactions/create-context.js'),
  import('../interactions/handle.js'),
  import('../transports/local/message-line.js'),
  import('../transports/local/parse-command-line.js'),
  import('../transports/local/render-text.js'),
  import('../transports/local/save-files.js'),
  import('../logger.js'),
]);

const session = createLocalSession({
  locale: localeOf(flags.locale),
});
const parsed = lines.map((line) => ({ line, result: parseLine(line, commands, session) }));
const several = lines.length > 1;
for (const { line, result } of parsed) {
  if (!result.ok) process.stderr.write(several ? `${line}\n  ${result.error}\n` : `${result.error}\n`);
}
const understood = parsed.flatMap(({ line, result }) =>
  result.ok ? [{ line, interaction: result.interaction }] : [],
);
if (understood.length < lines.length && !several) process.exit(2);

let context: ReturnType<typeof loadBotContext>;
try {
  context = loadBotContext();
} catch (error) {
  if (error instanceof DataValidationError) fail(error.message, 1);
  throw error;
}

const logger = logging.createLogger({ level: logLevel, fd: 2, pretty: false, name: 'ask' });
const responses = understood.map(({ line, interaction }) => ({
  line,
  response: handleInteraction(interaction, context, logging.logHandlerError(logger)),
}));
if (flags.json) {
  const json = several ? responses.map(({ response }) => response) : responses[0]?.response;
  process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
} else {
  const texts = responses.map(({ line, response }) => {
    const text = renderResponse(response, {
      color: flags.color === true,
      width: 80,
      you: session.user.id,
      locale: session.locale,
    });
    return several ? `── ${line} ${'─'.repeat(Math.max(3, 76 - line.length))}\n${text}` : text;
  });
  process.stdout.write(`${texts.join('\n\n')}\n`);
}
// With --json, stdout stays one JSON document: the saved files are reported on stderr.
const report = flags.json ? process.stderr : process.stdout;
for (const { response } of responses) {
  for (const saved of saveReplyFiles(response, flags.out)) report.write(`${saved}\n`);
}
if (understood.length < lines.length) process.exitCode = 2;
