// npm run ask -- "/partner who:interpl" [--json] [--color] [--out DIR]: one command, one answer, then exit.
// Prints the reply as plain text, or with --json the exact interaction response sent to Discord. A reply
// with a file (/mou view:timeline) saves it to DIR (default: <system temp dir>/wco-partner-bot).
// Several commands (`npm run ask -- "/mou" "/help"`: each argument starting with / begins one) are
// answered one after the other, each reply under its command; with --json, a JSON array of the responses.
// `--click LABEL` (repeatable) clicks a button or menu option of the reply, as the playground does by number,
// and prints the reply that click brings instead. Each --click follows the command written before it.
// Exit code: 0 with an answer, 2 when a command line or a click cannot be understood, 1 on bad config or data.
import { parseArgs } from 'node:util';
import type { APIInteraction } from 'discord-api-types/v10';
import { ConfigError, configFor, type LogLevel } from '../config.js';
import { DataValidationError } from '../data/load.js';
import { entryPointArgs, localeOf } from './args.js';

const usage = `Usage: npm run ask -- "/partner who:interpol" [--click LABEL]… [more commands] [--json] [--color] [--locale en|fr]
  --click LABEL  click a button or menu option of the reply and show the reply it brings instead; LABEL is
                 a label's words (--click Sources), a menu value (--click interpol) or the playground's
                 number; repeat it to click on (--click Next --click Next); it follows the command before it
  --json         print the interaction response payload that would be sent to Discord
                 (several commands: a JSON array, one response each)
  --color        colours and boxes, as in the playground
  --out DIR      where a reply's picture is saved (default: <system temp dir>/wco-partner-bot)
  --locale en|fr the language of the user asking (default en)
Several commands: "/mou" "/help" (each argument starting with / begins a command); each reply is labelled.
A question in words ("who trains sniffer dogs?") is asked of /ask, as a message in a DM with the bot is.
A message's Apps menu, "WCO partners in this message": /message "Call with OLAF and Europol at 10".`;

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

const options = {
  json: { type: 'boolean' },
  click: { type: 'string' },
  color: { type: 'boolean' },
  out: { type: 'string' },
  locale: { type: 'string' },
} as const;
const { values: flags } = entryPointArgs('npm run ask', usage, options, { positionals: true });

/**
 * The command lines, each with the clicks written after it: an argument starting with / begins a new line;
 * others continue it (`/mou` `year:2003`). Clicks written before any command go to the first.
 */
const lines: string[] = [];
const clicksOf: string[][] = [];
const { tokens } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options,
  strict: false,
  allowPositionals: true,
  tokens: true,
});
const earlyClicks: string[] = [];
for (const token of tokens) {
  if (token.kind === 'option' && token.name === 'click' && token.value !== undefined)
    (clicksOf[lines.length - 1] ?? earlyClicks).push(token.value);
  if (token.kind !== 'positional') continue;
  const arg = token.value;
  const last = lines.length - 1;
  if (lines.length === 0 || arg.trimStart().startsWith('/')) {
    lines.push(arg.trim());
    clicksOf.push(lines.length === 1 ? earlyClicks : []);
  } else lines[last] = `${lines[last]} ${arg.trim()}`.trim();
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
  { followClicks },
  { renderResponse },
  { saveReplyFiles },
  logging,
] = await Promise.all([
  import('../../commands/index.js'),
  import('../interactions/create-context.js'),
  import('../interactions/handle.js'),
  import('../transports/local/message-line.js'),
  import('../transports/local/parse-command-line.js'),
  import('../transports/local/clicks.js'),
  import('../transports/local/render-text.js'),
  import('../transports/local/save-files.js'),
  import('../logger.js'),
]);

const session = createLocalSession({
  locale: localeOf(flags.locale),
});
/** A command as written, with its clicks: how a reply is labelled and a failed one named. */
const labels = lines.map((line, index) =>
  [line, ...(clicksOf[index] ?? []).map((click) => `--click ${JSON.stringify(click)}`)].join(' '),
);
const parsed = lines.map((line, index) => ({ index, result: parseLine(line, commands, session) }));
const several = lines.length > 1;
const failed = (index: number, error: string) =>
  process.stderr.write(several ? `${labels[index]}\n  ${error}\n` : `${error}\n`);
for (const { index, result } of parsed) if (!result.ok) failed(index, result.error);
const understood = parsed.flatMap(({ index, result }) =>
  result.ok ? [{ index, interaction: result.interaction }] : [],
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
const answer = (interaction: APIInteraction) =>
  handleInteraction(interaction, context, logging.logHandlerError(logger));
const responses = understood.flatMap(({ index, interaction }) => {
  const start = { response: answer(interaction), commandName: interaction.data.name };
  const clicked = followClicks(start, clicksOf[index] ?? [], answer, session);
  if (!clicked.ok) failed(index, clicked.error);
  return clicked.ok ? [{ line: labels[index] ?? '', response: clicked.response }] : [];
});
if (responses.length < lines.length && !several) process.exit(2);
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
if (responses.length < lines.length) process.exitCode = 2;
