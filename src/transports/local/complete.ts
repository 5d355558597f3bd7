/**
 * Tab completion for the playground, in node:readline's completer shape: `[completions, substring]`, where
 * readline replaces the last `substring.length` characters of the line with the chosen completion.
 * Completes command names, option names and option values; values come from the option's choices, from
 * true/false, or from the command's own autocomplete handler (called through handleInteraction with the
 * autocomplete interaction Discord would send), preferring the choices that start with what was typed.
 */
import {
  type APIApplicationCommandBasicOption,
  ApplicationCommandOptionType,
  InteractionResponseType,
} from 'discord-api-types/payloads/v10';
import { commands as allCommands } from '../../../commands/index.js';
import { handleInteraction } from '../../interactions/handle.js';
import type { BotContext } from '../../toolkit/command.js';
import {
  buildAutocompleteInteraction,
  type CommandSpec,
  createLocalSession,
  isNamed,
  type LexedItem,
  type LocalSession,
  lexCommandLine,
  parseOptions,
  shownName,
} from './parse-command-line.js';

/**
 * `[completions, substring]` as readline takes them, and, when several values of an autocompleted option
 * match, `labels`: the names its handler shows in Discord (a partner's name, not its id), for listing.
 */
export type CompleterResult = [string[], string] | [string[], string, string[]];

export interface CompleteOptions {
  /** Extra names offered with the commands, e.g. `exit` for the playground's /exit. */
  extraCommands?: readonly string[];
  session?: LocalSession;
}

/** A value as it must be typed: quoted when it has spaces, quotes, or something that looks like ` name:`. */
export function quoteValue(value: string): string {
  if (value !== '' && !/[\s"'“‘\\]/u.test(value)) return value;
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

/** The options not used yet whose name (English or translated) starts with `prefix`, named in `locale`. */
function optionNames(
  command: CommandSpec,
  used: ReadonlySet<string>,
  prefix: string,
  locale: LocalSession['locale'],
): string[] {
  return (command.data.options ?? [])
    .filter((option) => !used.has(option.name) && startsWithName(option, prefix))
    .map((option) => `${shownName(option, locale)}:`);
}

/** Whether the English name or a translation starts with `prefix`. */
function startsWithName(named: Parameters<typeof shownName>[0], prefix: string): boolean {
  const lower = prefix.toLowerCase();
  return [named.name, ...Object.values(named.name_localizations ?? {})].some((name) =>
    name?.toLowerCase().startsWith(lower),
  );
}

function valueCompletions(
  command: CommandSpec,
  option: APIApplicationCommandBasicOption,
  item: LexedItem,
  others: readonly LexedItem[],
  context: BotContext,
  session: LocalSession,
): { values: string[]; labels?: string[] } {
  const typed = item.value;
  const lower = typed.toLowerCase();
  let values: string[] = [];
  let labels: string[] | undefined;
  if ('choices' in option && option.choices?.length) {
    values = option.choices
      .filter(
        (choice) =>
          String(choice.value).toLowerCase().startsWith(lower) ||
          [choice.name, ...Object.values(choice.name_localizations ?? {})].some((name) =>
            name?.toLowerCase().includes(lower),
          ),
      )
      .map((choice) => choice.name_localizations?.[session.locale] ?? String(choice.value));
  } else if (option.type === ApplicationCommandOptionType.Boolean) {
    values = ['true', 'false'].filter((value) => value.startsWith(lower));
  } else if ('autocomplete' in option && option.autocomplete) {
    const parsed = parseOptions(command, others, { lenient: true, locale: session.locale });
    const interaction = buildAutocompleteInteraction(
      command,
      parsed.ok ? parsed.options : [],
      { name: option.name, value: typed },
      session,
    );
    const response = handleInteraction(interaction, context);
    if (response.type === InteractionResponseType.ApplicationCommandAutocompleteResult) {
      const choices = response.data.choices ?? [];
      // Choices that start with what was typed come first, so one Tab completes `cult` to cultural-property;
      // when none do (a typo like `interpl`), the handler's fuzzy matches are offered as they are.
      const startsWith = choices.filter(
        (choice) =>
          String(choice.value).toLowerCase().startsWith(lower) || choice.name.toLowerCase().startsWith(lower),
      );
      const offered = startsWith.length ? startsWith : choices;
      values = offered.map((choice) => String(choice.value));
      if (new Set(values).size > 1) labels = offered.map((choice) => choice.name);
    }
  }
  const name = shownName(option, session.locale);
  return { values: [...new Set(values)].map((value) => `${name}:${quoteValue(value)} `), labels };
}

/** The completer: `complete('/partner who:inte', context)` → `[['who:interpol '], 'who:inte']`. */
export function complete(
  line: string,
  context: BotContext,
  { extraCommands = [], session = createLocalSession() }: CompleteOptions = {},
  commands: readonly CommandSpec[] = allCommands,
): CompleterResult {
  const lexed = lexCommandLine(line);

  // Still typing the command name.
  if (lexed.commandEnd === line.length) {
    const typed = line.trimStart();
    const prefix = lexed.command;
    const names = [
      ...commands
        .filter((command) => startsWithName(command.data, prefix))
        .map((command) => shownName(command.data, session.locale)),
      ...extraCommands.filter((name) => name.startsWith(prefix)),
    ];
    return [names.map((name) => `/${name} `), typed];
  }

  const command = commands.find((candidate) => isNamed(candidate.data, lexed.command));
  if (!command) return [[], line];
  const declared = (command.data.options ?? []) as APIApplicationCommandBasicOption[];
  const last = lexed.items.at(-1);
  const openQuote = last?.quoted && !last.closed;
  const used = new Set(
    lexed.items.flatMap((item) => {
      const named =
        item.name === undefined ? undefined : declared.find((option) => isNamed(option, item.name ?? ''));
      return named ? [named.name] : [];
    }),
  );
  const locale = session.locale;

  // After a space: the options not given yet.
  if (!last || (/\s$/u.test(line) && !openQuote)) return [optionNames(command, used, '', locale), ''];

  if (last.name === undefined) {
    // A bare word: the start of an option name.
    return [optionNames(command, used, last.value, locale), line.slice(last.start)];
  }

  // `who:interpol pr`: a bare value followed by the start of another option's name.
  if (!last.quoted) {
    const lastWord = /\s(\S+)$/u.exec(last.value)?.[1];
    if (lastWord) {
      const names = optionNames(command, used, lastWord, locale);
      if (names.length) return [names, lastWord];
    }
  }

  const option = declared.find((candidate) => isNamed(candidate, last.name ?? ''));
  if (!option) return [optionNames(command, used, last.name, locale), line.slice(last.start)];
  const others = lexed.items.slice(0, -1);
  const { values, labels } = valueCompletions(command, option, last, others, context, session);
  return labels ? [values, line.slice(last.start), labels] : [values, line.slice(last.start)];
}
