/**
 * Turns a line typed as in Discord (`/partner who:"world health" private:true`) into the interaction payload
 * Discord would send, typed by the commands' own registration JSON; and builds the autocomplete and
 * component-click payloads the playground sends. Pure: no I/O, errors come back as friendly messages.
 *
 * Syntax: `/command name:value name:value`. Values with spaces may be quoted ("…" or '…', \" inside), or
 * left bare: a bare value runs until the next ` name:`. The leading slash is optional, and a first value
 * without `name:` goes to the command's first option (`/partner interpol`).
 */
import { randomBytes } from 'node:crypto';
import {
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandOption,
  type APIChatInputApplicationCommandInteraction,
  type APIInteractionGuildMember,
  type APIInteractionResponseCallbackData,
  type APIMessage,
  type APIMessageComponentInteraction,
  type APIUser,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  type ComponentType,
  type GuildMemberFlags,
  InteractionContextType,
  InteractionType,
  MessageType,
} from 'discord-api-types/payloads/v10';
import type { Locale, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';

/** What the parser needs of a command: its registration JSON. */
export interface CommandSpec {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
}

// ---------------------------------------------------------------------------------------------------------
// The local user, guild and channel
// ---------------------------------------------------------------------------------------------------------

/** Who is typing, and where: the same on every interaction of one playground session. */
export interface LocalSession {
  applicationId: string;
  user: APIUser;
  /** null: a DM with the bot. */
  guildId: string | null;
  channelId: string;
  locale: Locale;
}

const discordEpoch = 1_420_070_400_000n;
let sequence = 0n;

/** A fresh snowflake with the current time in it, as Discord makes them. */
export function snowflake(timestampMs: number = Date.now()): string {
  sequence = (sequence + 1n) & 0xfffn;
  return (((BigInt(timestampMs) - discordEpoch) << 22n) | (1n << 17n) | sequence).toString();
}

export function createLocalSession(overrides: Partial<LocalSession> = {}): LocalSession {
  return {
    applicationId: '1290000000000000001',
    user: {
      id: '1290000000000000042',
      username: 'playground-user',
      discriminator: '0',
      global_name: 'Playground User',
      avatar: null,
    },
    guildId: '1290000000000000100',
    channelId: '1290000000000000200',
    locale: 'en-US' as Locale,
    ...overrides,
  };
}

const allPermissions = '2251799813685247';

/** The fields every interaction shares: ids, a fresh token, where it happened and who did it. */
export function interactionBase(session: LocalSession) {
  const { guildId, channelId, user } = session;
  const member: APIInteractionGuildMember | undefined = guildId
    ? {
        user,
        nick: null,
        avatar: null,
        banner: null,
        roles: [],
        joined_at: '2024-01-01T00:00:00.000Z',
        premium_since: null,
        deaf: false,
        mute: false,
        flags: 0 as GuildMemberFlags,
        pending: false,
        communication_disabled_until: null,
        permissions: allPermissions,
      }
    : undefined;
  return {
    id: snowflake(),
    application_id: session.applicationId,
    token: `playground.${randomBytes(24).toString('base64url')}`,
    version: 1 as const,
    channel_id: channelId,
    channel: guildId
      ? { id: channelId, type: ChannelType.GuildText as const, guild_id: guildId, name: 'playground' }
      : { id: channelId, type: ChannelType.DM as const },
    ...(guildId
      ? {
          guild_id: guildId,
          guild: { id: guildId, locale: session.locale, features: [] },
          guild_locale: session.locale,
          member,
        }
      : { user }),
    app_permissions: allPermissions,
    locale: session.locale,
    entitlements: [],
    authorizing_integration_owners: guildId
      ? { [ApplicationIntegrationType.GuildInstall]: guildId }
      : { [ApplicationIntegrationType.UserInstall]: user.id },
    context: guildId ? InteractionContextType.Guild : InteractionContextType.BotDM,
    attachment_size_limit: 10 * 1024 * 1024,
  };
}

/** A stable id per command name, as a registered command would have. */
function commandId(name: string): string {
  let hash = 0n;
  for (const char of name) hash = (hash * 131n + BigInt(char.codePointAt(0) ?? 0)) % 1_000_000n;
  return (1_290_000_000_001_000_000n + hash).toString();
}

export function buildChatInputInteraction(
  command: CommandSpec,
  options: APIApplicationCommandInteractionDataBasicOption[],
  session: LocalSession = createLocalSession(),
): APIChatInputApplicationCommandInteraction {
  return {
    ...interactionBase(session),
    type: InteractionType.ApplicationCommand,
    data: {
      id: commandId(command.data.name),
      name: command.data.name,
      type: ApplicationCommandType.ChatInput,
      ...(options.length ? { options } : {}),
    },
  } as APIChatInputApplicationCommandInteraction;
}

/** An autocomplete interaction: `options` as typed so far, the one named `focused` carrying the partial text. */
export function buildAutocompleteInteraction(
  command: CommandSpec,
  options: APIApplicationCommandInteractionDataBasicOption[],
  focused: { name: string; value: string },
  session: LocalSession = createLocalSession(),
): APIApplicationCommandAutocompleteInteraction {
  const declared = command.data.options?.find((option) => option.name === focused.name);
  const focusedOption = {
    type: declared?.type ?? ApplicationCommandOptionType.String,
    name: focused.name,
    // Discord sends the partial input as a string, whatever the option's type.
    value: focused.value,
    focused: true,
  };
  return {
    ...interactionBase(session),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: {
      id: commandId(command.data.name),
      name: command.data.name,
      type: ApplicationCommandType.ChatInput,
      options: [...options.filter((option) => option.name !== focused.name), focusedOption],
    },
  } as APIApplicationCommandAutocompleteInteraction;
}

/** The bot's message as Discord would deliver it in a component interaction's `message` field. */
export function buildBotMessage(
  data: APIInteractionResponseCallbackData,
  session: LocalSession = createLocalSession(),
  { id = snowflake(), commandName }: { id?: string; commandName?: string } = {},
): APIMessage {
  const bot: APIUser = {
    id: session.applicationId,
    username: 'wco-partner-bot',
    discriminator: '0',
    global_name: null,
    avatar: null,
    bot: true,
  };
  return {
    id,
    type: commandName ? MessageType.ChatInputCommand : MessageType.Default,
    channel_id: session.channelId,
    author: bot,
    content: data.content ?? '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: data.embeds ?? [],
    pinned: false,
    flags: data.flags ?? 0,
    components: (data.components ?? []) as APIMessage['components'],
    application_id: session.applicationId,
    webhook_id: session.applicationId,
    ...(commandName
      ? {
          interaction_metadata: {
            id: snowflake(),
            type: InteractionType.ApplicationCommand,
            user: session.user,
            authorizing_integration_owners: session.guildId
              ? { [ApplicationIntegrationType.GuildInstall]: session.guildId }
              : { [ApplicationIntegrationType.UserInstall]: session.user.id },
          },
        }
      : {}),
  } as APIMessage;
}

/** A click on a button (no values) or a pick in a select menu (`values`), on `message`. */
export function buildComponentInteraction(
  click: { message: APIMessage; customId: string; componentType: ComponentType; values?: string[] },
  session: LocalSession = createLocalSession(),
): APIMessageComponentInteraction {
  return {
    ...interactionBase(session),
    type: InteractionType.MessageComponent,
    message: click.message,
    data: {
      custom_id: click.customId,
      component_type: click.componentType,
      ...(click.values ? { values: click.values } : {}),
    },
  } as APIMessageComponentInteraction;
}

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
