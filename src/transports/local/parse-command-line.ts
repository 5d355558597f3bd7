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

function closest(typed: string, names: readonly string[]): string | undefined {
  const lower = typed.toLowerCase();
  return (
    names.find((name) => name.startsWith(lower) && lower.length > 0) ??
    names.find((name) => editDistance(lower, name) <= Math.max(1, Math.floor(name.length / 3)))
  );
}

/** "who (required), private" */
function describeOptions(command: CommandSpec): string {
  const options = command.data.options ?? [];
  if (!options.length) return `/${command.data.name} takes no options.`;
  const list = options.map(
    (option) => `${option.name}${'required' in option && option.required ? ' (required)' : ''}`,
  );
  return `Options of /${command.data.name}: ${list.join(', ')}.`;
}

/** An example value for the usage hint. */
function exampleValue(option: APIApplicationCommandBasicOption): string {
  if ('choices' in option && option.choices?.[0]) return String(option.choices[0].value);
  switch (option.type) {
    case ApplicationCommandOptionType.Integer:
      return String(option.min_value ?? 1);
    case ApplicationCommandOptionType.Number:
      return String(option.min_value ?? 1.5);
    case ApplicationCommandOptionType.Boolean:
      return 'true';
    default:
      // "…, e.g. interpol, WHO" in the description gives a real example.
      return /\be\.g\.,?\s*([^,;)\s]+)/.exec(option.description)?.[1] ?? '…';
  }
}

function shown(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value);
}

/** The typed text as the option's type, or a message saying what is wrong with it. */
export function convertOptionValue(option: APIApplicationCommandBasicOption, raw: string): ValueResult {
  const name = option.name;
  if (raw === '') return { ok: false, error: `${name} needs a value, e.g. ${name}:${exampleValue(option)}` };
  const choices = 'choices' in option ? option.choices : undefined;

  switch (option.type) {
    case ApplicationCommandOptionType.String: {
      if (choices?.length) {
        const chosen = choices.find(
          (choice) => choice.value === raw || choice.name.toLowerCase() === raw.toLowerCase(),
        );
        if (!chosen) {
          return {
            ok: false,
            error: `${name} must be one of ${choices.map((choice) => choice.value).join(', ')} (got ${shown(raw)}).`,
          };
        }
        return { ok: true, option: { type: option.type, name, value: String(chosen.value) } };
      }
      if (option.min_length !== undefined && raw.length < option.min_length) {
        return { ok: false, error: `${name} must be at least ${option.min_length} characters long.` };
      }
      if (option.max_length !== undefined && raw.length > option.max_length) {
        return { ok: false, error: `${name} must be at most ${option.max_length} characters long.` };
      }
      return { ok: true, option: { type: option.type, name, value: raw } };
    }
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number: {
      const isInteger = option.type === ApplicationCommandOptionType.Integer;
      const pattern = isInteger ? /^[-+]?\d+$/ : /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
      const value = Number(raw);
      if (!pattern.test(raw) || !Number.isFinite(value) || (isInteger && !Number.isSafeInteger(value))) {
        return {
          ok: false,
          error: `${name} must be a ${isInteger ? 'whole number' : 'number'} (got ${shown(raw)}).`,
        };
      }
      if (choices?.length && !choices.some((choice) => choice.value === value)) {
        return {
          ok: false,
          error: `${name} must be one of ${choices.map((choice) => choice.value).join(', ')} (got ${value}).`,
        };
      }
      const { min_value: min, max_value: max } = option;
      if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
        const range =
          min !== undefined && max !== undefined
            ? `from ${min} to ${max}`
            : min !== undefined
              ? `at least ${min}`
              : `at most ${max}`;
        return { ok: false, error: `${name} must be ${range} (got ${value}).` };
      }
      return { ok: true, option: { type: option.type, name, value } };
    }
    case ApplicationCommandOptionType.Boolean: {
      const lower = raw.toLowerCase();
      const value = ['true', 'yes', 'y', 'on', '1'].includes(lower)
        ? true
        : ['false', 'no', 'n', 'off', '0'].includes(lower)
          ? false
          : undefined;
      if (value === undefined)
        return { ok: false, error: `${name} must be true or false (got ${shown(raw)}).` };
      return { ok: true, option: { type: option.type, name, value } };
    }
    case ApplicationCommandOptionType.User:
    case ApplicationCommandOptionType.Channel:
    case ApplicationCommandOptionType.Role:
    case ApplicationCommandOptionType.Mentionable: {
      const id = /^<[@#][!&]?(\d{17,20})>$/.exec(raw)?.[1] ?? (/^\d{17,20}$/.test(raw) ? raw : undefined);
      if (!id)
        return { ok: false, error: `${name} must be an ID or a mention like <@123…> (got ${shown(raw)}).` };
      return { ok: true, option: { type: option.type, name, value: id } };
    }
    default:
      return { ok: false, error: `${name}: this kind of option cannot be typed in the playground.` };
  }
}

/** Finds a command by the name typed (case-insensitive), with a friendly message when there is none. */
export function findCommand(
  name: string,
  commands: readonly CommandSpec[],
  /** The name as typed: `hello` stays `hello` in the message, it is not given a slash it did not have. */
  typed = `/${name}`,
): { ok: true; command: CommandSpec } | { ok: false; error: string } {
  const names = commands.map((command) => command.data.name);
  const command = commands.find((candidate) => candidate.data.name === name.toLowerCase());
  if (command) return { ok: true, command };
  const list = names.map((known) => `/${known}`).join(', ');
  if (!name) return { ok: false, error: `Type a command, such as /help. Commands: ${list}.` };
  const guess = closest(name, names);
  return {
    ok: false,
    error: `Unknown command ${typed}.${guess ? ` Did you mean /${guess}?` : ''} Commands: ${list}.`,
  };
}

/**
 * The options typed on a line, converted and checked. With `lenient`, problems are skipped instead of
 * reported (autocomplete sends what it can of a half-typed line).
 */
export function parseOptions(
  command: CommandSpec,
  items: readonly LexedItem[],
  { lenient = false }: { lenient?: boolean } = {},
): { ok: true; options: APIApplicationCommandInteractionDataBasicOption[] } | { ok: false; error: string } {
  const declared = command.data.options ?? [];
  const name = command.data.name;
  if (declared.some((option) => !isBasic(option))) {
    return { ok: false, error: `/${name} has subcommands, which the playground cannot type yet.` };
  }
  const basic = declared as APIApplicationCommandBasicOption[];
  const options: APIApplicationCommandInteractionDataBasicOption[] = [];
  const seen = new Set<string>();

  for (const [index, item] of items.entries()) {
    let option: APIApplicationCommandBasicOption | undefined;
    if (item.name === undefined) {
      // A bare value first: the first option, as a shortcut (`/partner interpol`).
      option = index === 0 ? basic[0] : undefined;
      if (!option) {
        if (lenient) continue;
        const hint = basic[0]
          ? ` Write options as name:value, e.g. /${name} ${basic[0].name}:${exampleValue(basic[0])}.`
          : '';
        return {
          ok: false,
          error: `I don't know what ${shown(item.value)} is for.${hint} ${describeOptions(command)}`,
        };
      }
    } else {
      const typed = item.name.toLowerCase();
      option = basic.find((candidate) => candidate.name === typed);
      if (!option) {
        if (lenient) continue;
        const guess = closest(
          typed,
          basic.map((candidate) => candidate.name),
        );
        return {
          ok: false,
          error: `/${name} has no option "${item.name}".${guess ? ` Did you mean ${guess}?` : ''} ${describeOptions(command)}`,
        };
      }
    }
    if (seen.has(option.name)) {
      if (lenient) continue;
      return { ok: false, error: `${option.name} is given twice.` };
    }
    const converted = convertOptionValue(option, item.value);
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
        error: `/${name} needs ${missing.map((option) => option.name).join(' and ')}: ${first.description.replace(/[^.!?]$/, '$&.')} For example: /${name} ${first.name}:${exampleValue(first)}`,
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
  const found = findCommand(lexed.command, commands, line.slice(0, lexed.commandEnd).trim());
  if (!found.ok) return found;
  const parsed = parseOptions(found.command, lexed.items);
  if (!parsed.ok) return parsed;
  return { ok: true, interaction: buildChatInputInteraction(found.command, parsed.options, session) };
}
