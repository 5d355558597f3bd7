/**
 * Turns a line typed as in Discord (`/partner who:"world health" private:true`) into the interaction payload
 * Discord would send, typed by the commands' own registration JSON; and builds the autocomplete and
 * component-click payloads the playground sends. Pure: no I/O, errors come back as friendly messages.
 *
 * Syntax: `/command name:value name:value`. Values with spaces may be quoted ("…" or '…', \" inside), or
 * left bare: a bare value runs until the next ` name:`. The leading slash is optional, and a first value
 * without `name:` goes to the command's first option (`/partner interpol`).
 */
import {
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandOption,
  type APIChatInputApplicationCommandInteraction,
  ApplicationCommandOptionType,
} from 'discord-api-types/payloads/v10';
import type { Locale, LocalizationMap } from 'discord-api-types/v10';
import { catalogueFor } from '../../i18n/index.js';
import {
  buildChatInputInteraction,
  type CommandSpec,
  createLocalSession,
  type LocalSession,
} from '../payloads.js';

// The payload builders live in ../payloads.ts (shared with the gateway and the tests); re-exported for the
// playground's modules.
export {
  buildAutocompleteInteraction,
  buildBotMessage,
  buildChatInputInteraction,
  buildComponentInteraction,
  type CommandSpec,
  createLocalSession,
  interactionBase,
  type LocalSession,
  snowflake,
} from '../payloads.js';

// ---------------------------------------------------------------------------------------------------------
// Lexing
// ---------------------------------------------------------------------------------------------------------

export interface LexedItem {
  /** The option name as typed; undefined for a bare value without `name:`. */
  name: string | undefined;
  value: string;
  /** The value was quoted; `closed` says whether its closing quote was typed. */
  quoted: boolean;
  closed: boolean;
  /** Where the item (including `name:`) starts and ends in the line. */
  start: number;
  end: number;
}

export interface LexedLine {
  /** Command name as typed, without the slash, lower-cased. */
  command: string;
  /** Index just after the command name. */
  commandEnd: number;
  items: LexedItem[];
}

const optionStart = /^([-_\p{L}\p{N}]+):/u;
const quotes: Record<string, string> = { '"': '"', "'": "'", '“': '”', '‘': '’' };

function isSpace(char: string | undefined): boolean {
  return char !== undefined && /\s/u.test(char);
}

/** Position of the next ` name:` at or after `from` (a space then an option-looking word), or the end. */
function nextOptionAt(line: string, from: number): number {
  for (let i = from; i < line.length; i++) {
    if (isSpace(line[i]) && !isSpace(line[i + 1]) && optionStart.test(line.slice(i + 1))) return i;
  }
  return line.length;
}

/** Splits a line into the command name and its name:value items. Never fails. */
export function lexCommandLine(line: string): LexedLine {
  let i = 0;
  while (isSpace(line[i])) i++;
  if (line[i] === '/') i++;
  const nameStart = i;
  while (i < line.length && !isSpace(line[i])) i++;
  const command = line.slice(nameStart, i).toLowerCase();
  const commandEnd = i;
  const items: LexedItem[] = [];

  while (i < line.length) {
    while (isSpace(line[i])) i++;
    if (i >= line.length) break;
    const start = i;
    const named = optionStart.exec(line.slice(i));
    let name: string | undefined;
    let spaced = false;
    if (named?.[1]) {
      name = named[1];
      i += named[0].length;
      while (line[i] === ' ' || line[i] === '\t') {
        i++;
        spaced = true;
      }
    }
    const close = quotes[line[i] ?? ''];
    if (close !== undefined) {
      // Quoted: up to the matching quote; backslash escapes the next character.
      let value = '';
      let closed = false;
      i++;
      while (i < line.length) {
        const char = line[i] as string;
        if (char === '\\' && i + 1 < line.length) {
          value += line[i + 1];
          i += 2;
        } else if (char === close) {
          closed = true;
          i++;
          break;
        } else {
          value += char;
          i++;
        }
      }
      items.push({ name, value, quoted: true, closed, start, end: i });
    } else {
      // `who: private:true` leaves who empty; `url:https://…` keeps its value.
      const end = spaced && optionStart.test(line.slice(i)) ? i : nextOptionAt(line, i);
      items.push({ name, value: line.slice(i, end).trim(), quoted: false, closed: true, start, end });
      i = end;
    }
  }
  return { command, commandEnd, items };
}

// ---------------------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------------------

export type ParseResult =
  | { ok: true; interaction: APIChatInputApplicationCommandInteraction }
  | { ok: false; error: string };

type ValueResult =
  | { ok: true; option: APIApplicationCommandInteractionDataBasicOption }
  | { ok: false; error: string };

/** A command, option or choice: its English name and its translations. */
interface Named {
  name: string;
  name_localizations?: LocalizationMap | null;
}

/** The name a user of `locale` sees: its translation when there is one, as Discord shows it. */
export function shownName(named: Named, locale: Locale = defaultLocale): string {
  return named.name_localizations?.[locale] ?? named.name;
}

/** Typed in either language: the English name or any translation (a French name works with --locale en). */
export function isNamed(named: Named, typed: string): boolean {
  const lower = typed.toLowerCase();
  return [named.name, ...Object.values(named.name_localizations ?? {})].some(
    (name) => name?.toLowerCase() === lower,
  );
}

/** The English name of whatever `typed` names, or of the closest name to it. */
function closest(typed: string, named: readonly Named[], locale: Locale): Named | undefined {
  const lower = typed.toLowerCase();
  const all = named.flatMap((entity) => [
    [shownName(entity, locale), entity] as const,
    [entity.name, entity] as const,
    ...Object.values(entity.name_localizations ?? {}).map((name) => [name ?? '', entity] as const),
  ]);
  return (
    all.find(([name]) => name.startsWith(lower) && lower.length > 0)?.[1] ??
    all.find(([name]) => editDistance(lower, name) <= Math.max(1, Math.floor(name.length / 3)))?.[1]
  );
}

const defaultLocale = 'en-US' as Locale;
const playgroundTexts = (locale: Locale) => catalogueFor(locale).playground;

function isBasic(option: APIApplicationCommandOption): option is APIApplicationCommandBasicOption {
  return (
    option.type !== ApplicationCommandOptionType.Subcommand &&
    option.type !== ApplicationCommandOptionType.SubcommandGroup
  );
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

/** "Options of /partner: who (required), private." */
function describeOptions(command: CommandSpec, locale: Locale): string {
  const t = playgroundTexts(locale);
  const name = `/${shownName(command.data, locale)}`;
  const options = command.data.options ?? [];
  if (!options.length) return t.takesNoOptions(name);
  const list = options.map(
    (option) =>
      `${shownName(option, locale)}${'required' in option && option.required ? ` (${t.required})` : ''}`,
  );
  return t.optionsOf(name, list.join(', '));
}

/** An example value for the usage hint. */
function exampleValue(option: APIApplicationCommandBasicOption, locale: Locale): string {
  if ('choices' in option && option.choices?.[0]) return choiceShown(option.choices[0], locale);
  switch (option.type) {
    case ApplicationCommandOptionType.Integer:
      return String(option.min_value ?? 1);
    case ApplicationCommandOptionType.Number:
      return String(option.min_value ?? 1.5);
    case ApplicationCommandOptionType.Boolean:
      return 'true';
    default:
      // "…, e.g. interpol, WHO" in the description gives a real example.
      return /\b(?:e\.g\.|p\. ex\.),?\s*([^,;)\s]+)/.exec(option.description)?.[1] ?? '…';
  }
}

/**
 * A choice as it is typed: its value in English, its translated name in another language without the words in
 * brackets that Discord's list shows after it ("chronologie (image)" is typed "chronologie").
 */
function choiceShown(choice: Named & { value: string | number }, locale: Locale): string {
  const translated = choice.name_localizations?.[locale];
  return translated ? translated.replace(/\s*\(.*\)$/u, '') : String(choice.value);
}

/** The option's description in `locale`. */
function descriptionOf(option: APIApplicationCommandBasicOption, locale: Locale): string {
  return option.description_localizations?.[locale] ?? option.description;
}

function shown(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value);
}

const trueWords = ['true', 'yes', 'y', 'on', '1', 'vrai', 'oui', 'o'];
const falseWords = ['false', 'no', 'n', 'off', '0', 'faux', 'non'];

/** The typed text as the option's type, or a message (in `locale`) saying what is wrong with it. */
export function convertOptionValue(
  option: APIApplicationCommandBasicOption,
  raw: string,
  locale: Locale = defaultLocale,
): ValueResult {
  const t = playgroundTexts(locale);
  const name = shownName(option, locale);
  // The payload carries the English name, whichever language it was typed in (as Discord sends it).
  const optionName = option.name;
  if (raw === '') return { ok: false, error: t.needsValue(name, `${name}:${exampleValue(option, locale)}`) };
  const choices = 'choices' in option ? option.choices : undefined;
  const choiceList = () => (choices ?? []).map((choice) => choiceShown(choice, locale)).join(', ');

  switch (option.type) {
    case ApplicationCommandOptionType.String: {
      if (choices?.length) {
        const chosen = choices.find(
          (choice) =>
            choice.value === raw ||
            isNamed(choice, raw) ||
            choiceShown(choice, locale).toLowerCase() === raw.toLowerCase(),
        );
        if (!chosen) return { ok: false, error: t.mustBeOneOf(name, choiceList(), shown(raw)) };
        return { ok: true, option: { type: option.type, name: optionName, value: String(chosen.value) } };
      }
      if (option.min_length !== undefined && raw.length < option.min_length) {
        return { ok: false, error: t.atLeastCharacters(name, option.min_length) };
      }
      if (option.max_length !== undefined && raw.length > option.max_length) {
        return { ok: false, error: t.atMostCharacters(name, option.max_length) };
      }
      return { ok: true, option: { type: option.type, name: optionName, value: raw } };
    }
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number: {
      const isInteger = option.type === ApplicationCommandOptionType.Integer;
      const pattern = isInteger ? /^[-+]?\d+$/ : /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
      const value = Number(raw);
      if (!pattern.test(raw) || !Number.isFinite(value) || (isInteger && !Number.isSafeInteger(value))) {
        return { ok: false, error: t.mustBeNumber(name, isInteger, shown(raw)) };
      }
      if (choices?.length && !choices.some((choice) => choice.value === value)) {
        return { ok: false, error: t.mustBeOneOf(name, choiceList(), String(value)) };
      }
      const { min_value: min, max_value: max } = option;
      if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
        return { ok: false, error: t.mustBeInRange(name, min, max, value) };
      }
      return { ok: true, option: { type: option.type, name: optionName, value } };
    }
    case ApplicationCommandOptionType.Boolean: {
      const lower = raw.toLowerCase();
      const value = trueWords.includes(lower) ? true : falseWords.includes(lower) ? false : undefined;
      if (value === undefined) return { ok: false, error: t.mustBeBoolean(name, shown(raw)) };
      return { ok: true, option: { type: option.type, name: optionName, value } };
    }
    case ApplicationCommandOptionType.User:
    case ApplicationCommandOptionType.Channel:
    case ApplicationCommandOptionType.Role:
    case ApplicationCommandOptionType.Mentionable: {
      const id = /^<[@#][!&]?(\d{17,20})>$/.exec(raw)?.[1] ?? (/^\d{17,20}$/.test(raw) ? raw : undefined);
      if (!id) return { ok: false, error: t.mustBeId(name, shown(raw)) };
      return { ok: true, option: { type: option.type, name: optionName, value: id } };
    }
    default:
      return { ok: false, error: t.cannotType(name) };
  }
}

/**
 * Finds a command by the name typed, English or translated (case-insensitive), with a friendly message in
 * `locale` when there is none.
 */
export function findCommand(
  name: string,
  commands: readonly CommandSpec[],
  /** The name as typed: `hello` stays `hello` in the message, it is not given a slash it did not have. */
  typed = `/${name}`,
  locale: Locale = defaultLocale,
): { ok: true; command: CommandSpec } | { ok: false; error: string } {
  const t = playgroundTexts(locale);
  const command = commands.find((candidate) => isNamed(candidate.data, name));
  if (command) return { ok: true, command };
  const list = commands.map((known) => `/${shownName(known.data, locale)}`).join(', ');
  const help = commands.find((known) => known.data.name === 'help');
  if (!name)
    return { ok: false, error: t.typeACommand(`/${help ? shownName(help.data, locale) : 'help'}`, list) };
  const guess = closest(
    name,
    commands.map((known) => known.data),
    locale,
  );
  return { ok: false, error: t.unknownCommand(typed, guess && `/${shownName(guess, locale)}`, list) };
}

/**
 * The options typed on a line (by their English or translated names), converted and checked. With
 * `lenient`, problems are skipped instead of reported (autocomplete sends what it can of a half-typed line).
 */
export function parseOptions(
  command: CommandSpec,
  items: readonly LexedItem[],
  { lenient = false, locale = defaultLocale }: { lenient?: boolean; locale?: Locale } = {},
): { ok: true; options: APIApplicationCommandInteractionDataBasicOption[] } | { ok: false; error: string } {
  const t = playgroundTexts(locale);
  const declared = command.data.options ?? [];
  const name = `/${shownName(command.data, locale)}`;
  if (declared.some((option) => !isBasic(option))) {
    return { ok: false, error: t.hasSubcommands(name) };
  }
  const basic = declared as APIApplicationCommandBasicOption[];
  const options: APIApplicationCommandInteractionDataBasicOption[] = [];
  const seen = new Set<string>();
  const usage = (option: APIApplicationCommandBasicOption) =>
    `${name} ${shownName(option, locale)}:${exampleValue(option, locale)}`;

  for (const [index, item] of items.entries()) {
    let option: APIApplicationCommandBasicOption | undefined;
    if (item.name === undefined) {
      // A bare value first: the first option, as a shortcut (`/partner interpol`).
      option = index === 0 ? basic[0] : undefined;
      if (!option) {
        if (lenient) continue;
        const hint = basic[0] ? t.writeAsNameValue(usage(basic[0])) : '';
        return {
          ok: false,
          error: `${t.whatIsItFor(shown(item.value))}${hint} ${describeOptions(command, locale)}`,
        };
      }
    } else {
      const typed = item.name;
      option = basic.find((candidate) => isNamed(candidate, typed));
      if (!option) {
        if (lenient) continue;
        const guess = closest(typed, basic, locale);
        return {
          ok: false,
          error: `${t.noSuchOption(name, typed, guess && shownName(guess, locale))} ${describeOptions(command, locale)}`,
        };
      }
    }
    if (seen.has(option.name)) {
      if (lenient) continue;
      return { ok: false, error: t.givenTwice(shownName(option, locale)) };
    }
    const converted = convertOptionValue(option, item.value, locale);
    if (!converted.ok) {
      if (lenient) continue;
      return converted;
    }
    seen.add(option.name);
    options.push(converted.option);
  }

  if (!lenient) {
    const missing = basic.filter(
      (option) => 'required' in option && option.required && !seen.has(option.name),
    );
    const first = missing[0];
    if (first) {
      return {
        ok: false,
        error: t.needs(
          name,
          missing.map((option) => shownName(option, locale)),
          descriptionOf(first, locale).replace(/[^.!?]$/, '$&.'),
          usage(first),
        ),
      };
    }
  }
  // Discord sends options in the order the command declares them.
  options.sort(
    (a, b) =>
      basic.findIndex((option) => option.name === a.name) -
      basic.findIndex((option) => option.name === b.name),
  );
  return { ok: true, options };
}

/** Parses one typed line into a chat-input interaction, or a friendly message saying what is wrong. */
export function parseCommandLine(
  line: string,
  commands: readonly CommandSpec[],
  session: LocalSession = createLocalSession(),
): ParseResult {
  const lexed = lexCommandLine(line);
  const found = findCommand(lexed.command, commands, line.slice(0, lexed.commandEnd).trim(), session.locale);
  if (!found.ok) return found;
  const parsed = parseOptions(found.command, lexed.items, { locale: session.locale });
  if (!parsed.ok) return parsed;
  return { ok: true, interaction: buildChatInputInteraction(found.command, parsed.options, session) };
}
