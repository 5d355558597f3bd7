/**
 * The playground: the bot on this machine, without Discord. Type commands exactly as in Discord; each line
 * becomes the interaction payload Discord would send and goes through the same handleInteraction as the
 * gateway and HTTP transports. Menu options and buttons of the last reply are numbered: typing the number
 * (or #number) picks it, sending the component interaction Discord would send; `n`/`p` click Next ▶ and
 * ◀ Previous. A line starting with `#` and no number is a comment.
 *
 * In a terminal: a prompt with Tab completion, coloured boxes, a banner and hints. Piped: one command per
 * line, each reply as plain text on stdout, friendly errors on stderr, and the exit code at EOF is 0, or 2
 * when a line could not be understood.
 */
import { createInterface } from 'node:readline';
import type { APIInteraction, APIInteractionResponse } from 'discord-api-types/payloads/v10';
import { commands } from '../../../commands/index.js';
import { catalogueFor, catalogues, type Messages } from '../../i18n/index.js';
import { handleInteraction } from '../../interactions/handle.js';
import { contextFor } from '../../interactions/locale-context.js';
import { type Logger, logHandlerError } from '../../logger.js';
import type { BotContext } from '../../toolkit/command.js';
import { ReplyChoices } from './clicks.js';
import { complete } from './complete.js';
import { parseLine } from './message-line.js';
import { createLocalSession, type LocalSession, shownName } from './parse-command-line.js';
import { renderResponse, wrap } from './render-text.js';
import { saveReplyFiles } from './save-files.js';

export interface PlaygroundOptions {
  context: BotContext;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Where friendly errors go in pipe mode (stderr). */
  errors: NodeJS.WritableStream;
  /** Prompt, completion, banner and hints (stdin is a terminal). */
  interactive: boolean;
  /** ANSI colours; default: interactive and NO_COLOR unset. */
  color?: boolean;
  /** Columns; default: the output's width, or 80. */
  width?: number;
  logger?: Logger;
  session?: LocalSession;
}

/** One answer to one typed line. */
export interface LineResult {
  /** The rendered reply, if any. */
  reply?: string;
  /** A friendly message when the line could not be understood. */
  error?: string;
  /** The reply has numbered choices. */
  hasChoices?: boolean;
  exit?: boolean;
}

const exitWords = new Set(['/exit', '/quit', 'exit', 'quit', '.exit']);
const pickPattern = /^#?\s*(\d+(?:\s*[, ]\s*#?\d+)*)$/;
/** Paging words: the numbers of ◀ Previous and Next ▶ shift between pages, these words do not. */
const pageWords: Record<string, 'next' | 'previous'> = {
  n: 'next',
  next: 'next',
  p: 'previous',
  prev: 'previous',
};
const pageLabels = { next: catalogues.map((t) => t.next), previous: catalogues.map((t) => t.previous) };
const isPageButton = (label: string, direction: 'next' | 'previous') =>
  pageLabels[direction].some((page) => label.includes(page));

/** The playground's state: the last message with menus or buttons, which numbers refer to. */
export class PlaygroundSession {
  private readonly choices: ReplyChoices;

  constructor(
    private readonly context: BotContext,
    private readonly render: (response: APIInteractionResponse) => string,
    readonly session: LocalSession = createLocalSession(),
    private readonly logger?: Logger,
  ) {
    this.choices = new ReplyChoices(session);
  }

  /** The playground's own lines, in the session's language. */
  get texts(): Messages['playground'] {
    return catalogueFor(this.session.locale).playground;
  }

  /** Runs one typed line: a command, a pick, or /exit. */
  handleLine(raw: string): LineResult {
    const line = raw.trim();
    if (!line) return {};
    if (exitWords.has(line.toLowerCase())) return { exit: true };
    const page = pageWords[line.toLowerCase()];
    if (page) return this.turnPage(page);
    // `# a note` in a script (or typed) is a comment; `#2` picks choice 2.
    if (/^#(?!\d)/.test(line)) return {};
    const pick = pickPattern.exec(line);
    if (pick?.[1])
      return this.pick(
        pick[1]
          .split(/[\s,#]+/)
          .filter(Boolean)
          .map(Number),
      );

    const parsed = parseLine(line, commands, this.session);
    if (!parsed.ok) return { error: parsed.error };
    const response = this.answer(parsed.interaction);
    return this.show(response, parsed.interaction.data.name);
  }

  private answer(interaction: APIInteraction): APIInteractionResponse {
    return handleInteraction(
      interaction,
      this.context,
      this.logger ? logHandlerError(this.logger) : undefined,
    );
  }

  /** Renders a response and remembers its message when it has choices (a new command's: `commandName`). */
  private show(response: APIInteractionResponse, commandName?: string): LineResult {
    const hasChoices = this.choices.remember(response, commandName);
    const saved = saveReplyFiles(response);
    const reply = this.render(response);
    return { reply: saved.length ? `${reply}\n${saved.join('\n')}` : reply, hasChoices };
  }

  /** `n`/`next`, `p`/`prev`: clicks the current reply's Next ▶ or ◀ Previous button, whatever its number. */
  private turnPage(direction: 'next' | 'previous'): LineResult {
    const button = this.choices.choices.find(
      (choice) => choice.kind === 'button' && isPageButton(choice.label, direction),
    );
    if (button) return this.pick([button.number]);
    const hasPages = this.choices.choices.some(
      (choice) =>
        choice.kind === 'button' &&
        (isPageButton(choice.label, 'next') || isPageButton(choice.label, 'previous')),
    );
    const t = this.texts;
    return { error: hasPages ? (direction === 'next' ? t.lastPage : t.firstPage) : t.noPages };
  }

  private pick(numbers: number[]): LineResult {
    const clicked = this.choices.click(numbers);
    return clicked.ok ? this.show(this.answer(clicked.interaction)) : { error: clicked.error };
  }
}

function pickHint(reply: string, t: Messages): string {
  return t.playground.pickHint(reply.includes(t.next) || reply.includes(t.previous));
}

/** `/partner who:interpol` in the session's language: `/partenaire qui:interpol` in French. */
function example(locale: LocalSession['locale'], name: string, option?: string, value?: string): string {
  const command = commands.find((candidate) => candidate.data.name === name);
  if (!command) return '';
  const declared = command.data.options?.find((candidate) => candidate.name === option);
  return `/${shownName(command.data, locale)}${declared ? ` ${shownName(declared, locale)}:${value}` : ''}`;
}

/** A focus area as its reader types it: `cultural-property`, or `biens-culturels` in French. */
function typedArea(context: BotContext, locale: LocalSession['locale'], slug: string): string {
  const label = contextFor(context, catalogueFor(locale)).dataset.topicBySlug.get(slug)?.label;
  return label ? label.toLowerCase().replaceAll(' ', '-') : slug;
}

/** The greeting, word-wrapped to the terminal (it is wider than the replies' 100 columns when it can be). */
function banner(
  context: BotContext,
  color: boolean,
  columns: number,
  locale: LocalSession['locale'],
): string {
  const t = catalogueFor(locale).playground;
  const bold = (text: string) => (color ? `\x1b[1m${text}\x1b[22m` : text);
  const dim = (text: string) => (color ? `\x1b[2m${text}\x1b[22m` : text);
  const plain = (text: string) => text;
  const { partners, topics } = context.dataset;
  const agreements = partners.reduce((sum, partner) => sum + partner.agreements.length, 0);
  const examples = [
    example(locale, 'partner', 'who', 'interpol'),
    example(locale, 'mou', 'year', '2003'),
    example(locale, 'topic', 'area', typedArea(context, locale, 'cultural-property')),
    example(locale, 'help'),
  ].filter(Boolean);
  const lines: [string, (text: string) => string][] = [
    [`${t.typeCommands}  ${examples.join('   ')}`, plain],
    [`${t.askInWords}  ${t.askExample}`, plain],
    [`${t.messageMenu}  /message "${t.messageExample}"`, plain],
    [t.keys, dim],
  ];
  const summary = `(${t.summary(partners.length, agreements, topics.length)})`;
  const heading =
    wrap(`${t.title}  ${summary}`, columns).length === 1
      ? [`${bold(t.title)}  ${dim(summary)}`]
      : [bold(t.title), ...wrap(summary, columns).map(dim)];
  return [...heading, ...lines.flatMap(([text, style]) => wrap(text, columns).map(style)), ''].join('\n');
}

/** Runs the playground until /exit or end of input; resolves with the exit code. */
export async function runPlayground(options: PlaygroundOptions): Promise<number> {
  const { context, input, output, errors, interactive } = options;
  const color = options.color ?? (interactive && !process.env.NO_COLOR);
  // Read per reply: the terminal may have been resized since the last one (Node updates `columns` on SIGWINCH).
  const width = () => {
    const columns = (output as { columns?: number }).columns;
    return options.width ?? (interactive && columns ? Math.min(columns, 100) : 80);
  };
  const session = options.session ?? createLocalSession();
  const playground = new PlaygroundSession(
    context,
    (response) =>
      renderResponse(response, { color, width: width(), you: session.user.id, locale: session.locale }),
    session,
    options.logger,
  );
  const write = (text: string) => output.write(`${text}\n`);

  if (!interactive) {
    let failed = false;
    let first = true;
    const lines = createInterface({ input, terminal: false, crlfDelay: Number.POSITIVE_INFINITY });
    for await (const line of lines) {
      const result = playground.handleLine(line);
      if (result.error) {
        failed = true;
        errors.write(`${line.trim()}\n  ${result.error}\n`);
      }
      if (result.reply !== undefined) {
        write(first ? result.reply : `\n${result.reply}`);
        first = false;
      }
      if (result.exit) break;
    }
    lines.close();
    return failed ? 2 : 0;
  }

  const dim = (text: string) => (color ? `\x1b[2m${text}\x1b[22m` : text);
  const warn = (text: string) => (color ? `\x1b[33m${text}\x1b[39m` : text);
  write(banner(context, color, (output as { columns?: number }).columns ?? 120, session.locale));
  const rl = createInterface({
    input,
    output,
    terminal: true,
    historySize: 500,
    prompt: color ? '\x1b[1m\x1b[36mwco ›\x1b[39m\x1b[22m ' : 'wco › ',
    completer: (line: string): [string[], string] => {
      const [completions, substring, labels] = complete(line, context, {
        extraCommands: ['exit'],
        session: playground.session,
      });
      if (!labels) return [completions, substring];
      // Several partners or areas match: list their names, as Discord's menu shows them, and insert nothing
      // (readline would list `who:<id>` values); typing more narrows it to one, which Tab then inserts.
      write(`\n${labels.map((label) => `  ${label}`).join('\n')}`);
      rl.prompt(true);
      return [[], substring];
    },
  });
  return new Promise<number>((resolve) => {
    rl.on('line', (line) => {
      const result = playground.handleLine(line);
      if (result.exit) {
        rl.close();
        return;
      }
      if (result.error) write(warn(result.error));
      if (result.reply !== undefined) {
        write(result.reply);
        if (result.hasChoices) {
          const hint = pickHint(result.reply, catalogueFor(session.locale));
          write(wrap(hint, width()).map(dim).join('\n'));
        }
      }
      write('');
      rl.prompt();
    });
    let exitCode = 0;
    rl.on('SIGINT', () => {
      // Ctrl-C on an empty prompt leaves with 130 (128 + SIGINT), as a shell's programs do.
      if (!rl.line) {
        exitCode = 130;
        return rl.close();
      }
      // Ctrl-C on a half-typed line clears it (Ctrl-E then Ctrl-U), as in a shell.
      rl.write(null, { ctrl: true, name: 'e' });
      rl.write(null, { ctrl: true, name: 'u' });
    });
    rl.on('close', () => {
      write('');
      resolve(exitCode);
    });
    rl.prompt();
  });
}
