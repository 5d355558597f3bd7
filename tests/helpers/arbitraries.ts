/**
 * fast-check generators for the interaction payloads the bot can receive, honest and hostile. Payloads are
 * made by the real builders of the local transport (so they look like what Discord sends: member, guild,
 * locale, token...), then given random option values, forged custom_ids and envelope mutations.
 *
 * Every generator yields a plain JSON-shaped object (`FuzzPayload`): the tests send it through
 * JSON.stringify/parse (as the HTTP and gateway transports receive it) before `parseInteraction`.
 */
import {
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIInteractionResponseCallbackData,
  ApplicationCommandOptionType,
  type ComponentType,
  InteractionType,
} from 'discord-api-types/v10';
import fc from 'fast-check';
import * as z from 'zod';
import { syntheticPartners } from '../../bench/synthetic.js';
import { commands } from '../../commands/index.js';
import { buildDataset } from '../../src/data/dataset.js';
import { type Partner, partnerSchema, type Topic } from '../../src/data/schema.js';
import { createBotContext } from '../../src/interactions/create-context.js';
import type { BotContext, Command } from '../../src/toolkit/command.js';
import {
  buildAutocompleteInteraction,
  buildBotMessage,
  buildChatInputInteraction,
  buildComponentInteraction,
  type CommandSpec,
  createLocalSession,
  type LocalSession,
} from '../../src/transports/local/parse-command-line.js';
import { ask, click, clickablesOf, context, owner, someoneElse } from './bot.js';
import { interactionResponseSchema } from './response-schema.js';

/** An interaction payload as it arrives on the wire, before any validation. */
export type FuzzPayload = Record<string, unknown>;

const { dataset } = context;
const partnerIds = dataset.partners.map((partner) => partner.id);
const topicSlugs = dataset.topics.map((topic) => topic.slug);

// ---------------------------------------------------------------------------------------------------------
// Text and values
// ---------------------------------------------------------------------------------------------------------

/** Any snowflake-looking id, 1 to 20 digits. */
export const snowflakeArb = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }).map(String);

const controlChar = fc.constantFrom(
  '\u0000',
  '\u0007',
  '\b',
  '\t',
  '\n',
  '\r',
  '\u000b',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u200b',
  '\u200d',
  '\u200e',
  '\u202e',
  '\u2028',
  '\u2029',
  '\u2066',
  '\ufeff',
  '\ufffd',
  '\uffff',
);

/** Half of a surrogate pair on its own: valid in JSON (`"\ud83d"`), invalid as text. */
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));

const markdown = fc.constantFrom(
  '*',
  '**',
  '_',
  '__',
  '~~',
  '`',
  '```',
  '```js\n',
  '||',
  '> ',
  '>>> ',
  '# ',
  '-# ',
  '- ',
  '1. ',
  '\\',
  '[click](https://example.com)',
  '<https://example.com>',
  '](',
  ':',
  '“',
  '”',
  '"',
  "'",
  '${',
  '%s',
  '{{x}}',
);

const mention = fc.oneof(
  fc.constantFrom('@everyone', '@here', '@ everyone', '@\u200beveryone', '<@>', '<@&>'),
  snowflakeArb.map((id) => `<@${id}>`),
  snowflakeArb.map((id) => `<@!${id}>`),
  snowflakeArb.map((id) => `<@&${id}>`),
  snowflakeArb.map((id) => `<#${id}>`),
  snowflakeArb.map((id) => `</partner:${id}>`),
  snowflakeArb.map((id) => `<:wave:${id}>`),
  fc.integer().map((t) => `<t:${t}:R>`),
);

/** Words the bot knows, so that random text sometimes gets past the "no match" answers. */
const knownWord = fc.constantFrom(
  ...partnerIds,
  ...topicSlugs,
  ...dataset.partners.flatMap((partner) => (partner.acronym ? [partner.acronym] : [])),
  ...dataset.topics.map((topic) => topic.label),
  'interpol',
  'WHO',
  'who',
  'money laundering',
  'drugs',
  'customs',
  'the',
  'and',
);

const emoji = fc.constantFrom('😀', '👍🏽', '👨‍👩‍👧‍👦', '🇧🇪', '❤️', 'é', 'e\u0301', 'ﷺ', '𒐫', '\u{10ffff}');

const fragment = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 16 }) },
  { weight: 3, arbitrary: knownWord },
  { weight: 2, arbitrary: controlChar },
  { weight: 2, arbitrary: markdown },
  { weight: 2, arbitrary: mention },
  { weight: 2, arbitrary: emoji },
  { weight: 1, arbitrary: loneSurrogate },
  { weight: 1, arbitrary: fc.constantFrom(' ', '  ', '\t\t', '\n\n') },
);

const shortText = fc.array(fragment, { maxLength: 8 }).map((parts) => parts.join(''));

/** 100 to 6,000 UTF-16 units: a piece of text repeated (possibly cut in the middle of a pair). */
const longText = fc
  .tuple(
    fc.array(fragment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('') || 'x'),
    fc.integer({ min: 100, max: 6000 }),
  )
  .map(([piece, length]) => piece.repeat(Math.ceil(length / piece.length)).slice(0, length));

/** Text a user could type, and worse: any Unicode, control characters, markdown, mentions, 0–6,000 units. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 10, arbitrary: shortText },
  { weight: 2, arbitrary: longText },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\n', '\u0000', '\u200b', '@everyone', '<@&1>') },
);

/** Numbers an integer option should refuse: out of range, negative, huge, fractional, unsafe. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 1940, max: 2110 }),
  fc.integer(),
  fc.double(),
  fc.double({ min: 1950, max: 2100 }),
  fc.constantFrom(
    0,
    -0,
    -1,
    1949,
    1950,
    2100,
    2101,
    2003,
    2003.5,
    Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 2,
    -Number.MAX_SAFE_INTEGER - 2,
    2 ** 31,
    2 ** 53,
    1e21,
    1e308,
    -1e308,
    Number.MIN_VALUE,
    Number.EPSILON,
  ),
);

/** Keys that mean something to JavaScript objects. */
const trickyKey = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'toJSON',
  'hasOwnProperty',
  'then',
  'length',
  'type',
  'value',
  'name',
);

const hostileObject = fc.dictionary(
  fc.oneof(trickyKey, fc.string({ maxLength: 8 })),
  fc.oneof(fc.jsonValue({ maxDepth: 1 }), hostileNumber),
  { maxKeys: 4 },
);

/** Any JSON value, with a bias towards the ones handlers could trip over. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileText },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: hostileObject },
  { weight: 1, arbitrary: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 4 }) },
);

/**
 * A value of any option type (string, number or boolean), usually not the declared one: what a confused
 * client could send. Objects, arrays and null (hostileValue) are rarer, as the parser refuses them outright.
 */
export const primitiveOrHostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileText },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: hostileValue },
);

// ---------------------------------------------------------------------------------------------------------
// Who is clicking or typing
// ---------------------------------------------------------------------------------------------------------

/** The usual playground user (owner of every real custom_id below), a colleague, or anyone, in a guild or a DM. */
export const sessionArb: fc.Arbitrary<LocalSession> = fc.oneof(
  fc.constant(owner),
  fc.constant(someoneElse),
  fc.constant(createLocalSession({ guildId: null })),
  fc
    .record({ userId: snowflakeArb, guildId: fc.option(snowflakeArb, { nil: null }) })
    .map(({ userId, guildId }) => createLocalSession({ user: { ...owner.user, id: userId }, guildId })),
);

// ---------------------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------------------

type RawOption = Record<string, unknown>;

const optionTypes = Object.values(ApplicationCommandOptionType).filter(
  (value): value is ApplicationCommandOptionType => typeof value === 'number',
);

/** A declared option type, or something Discord never sends. */
const anyOptionType = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...optionTypes) },
  { weight: 1, arbitrary: fc.constantFrom(0, 12, 99, -1, 2 ** 31) },
);

const allOptionNames = commands.flatMap((command) =>
  (command.data.options ?? []).map((option) => option.name),
);

/** A name that is not an option of `command` (or is, with a different case or spacing). */
const strangeOptionName = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.constantFrom(
      ...allOptionNames,
      'WHO',
      'Year',
      ' who',
      'who ',
      'area\u0000',
      'focused',
      '__proto__',
      'constructor',
    ),
  },
  { weight: 10, arbitrary: shortText },
  { weight: 1, arbitrary: hostileText },
);

function valueFor(option: APIApplicationCommandBasicOption): fc.Arbitrary<unknown> {
  switch (option.type) {
    case ApplicationCommandOptionType.String:
      return hostileText;
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number:
      return hostileNumber;
    case ApplicationCommandOptionType.Boolean:
      return fc.boolean();
    default:
      return primitiveOrHostileValue;
  }
}

/** One declared option: absent, well-typed with a random value, or with the wrong type and/or value. */
function declaredOption(option: APIApplicationCommandBasicOption): fc.Arbitrary<RawOption[]> {
  const { name, type } = option;
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant<RawOption[]>([]) },
    { weight: 6, arbitrary: valueFor(option).map((value) => [{ type, name, value }]) },
    // A string where an integer is expected, an integer where a boolean is, an object, null...
    { weight: 2, arbitrary: primitiveOrHostileValue.map((value) => [{ type, name, value }]) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(anyOptionType, primitiveOrHostileValue)
        .map(([t, value]) => [{ type: t, name, value }]),
    },
    // Declared type, no value at all.
    { weight: 1, arbitrary: fc.constant<RawOption[]>([{ type, name }]) },
    // Duplicated: the same option twice with different values.
    {
      weight: 1,
      arbitrary: fc.tuple(valueFor(option), primitiveOrHostileValue).map(([a, b]) => [
        { type, name, value: a },
        { type, name, value: b },
      ]),
    },
  );
}

/** An option nobody declared: unknown name, subcommand shapes, a stray `focused`. */
const extraOption: fc.Arbitrary<RawOption> = fc.oneof(
  fc.record({ type: anyOptionType, name: strangeOptionName, value: primitiveOrHostileValue }),
  fc.record({
    type: fc.constantFrom(
      ApplicationCommandOptionType.Subcommand,
      ApplicationCommandOptionType.SubcommandGroup,
    ),
    name: strangeOptionName,
    options: fc.array(
      fc.record({ type: anyOptionType, name: strangeOptionName, value: primitiveOrHostileValue }),
      {
        maxLength: 3,
      },
    ),
  }),
  fc.record({
    type: anyOptionType,
    name: strangeOptionName,
    value: primitiveOrHostileValue,
    focused: fc.boolean(),
  }),
);

/** The options of one invocation of `command`, in any order. */
export function optionsFor(command: CommandSpec): fc.Arbitrary<RawOption[]> {
  const declared = (command.data.options ?? []) as APIApplicationCommandBasicOption[];
  return fc
    .tuple(fc.tuple(...declared.map(declaredOption)), fc.array(extraOption, { maxLength: 3 }))
    .chain(([present, extra]) => {
      const all = [...present.flat(), ...extra];
      return fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length });
    });
}

// ---------------------------------------------------------------------------------------------------------
// Envelope mutations
// ---------------------------------------------------------------------------------------------------------

/** Set (or delete) one field of the payload, at a path that matters or anywhere. */
export interface Mutation {
  path: readonly string[];
  /** `undefined` deletes the field. */
  value?: unknown;
}

const mutationPath = fc.oneof(
  fc.constantFrom(
    ['member'],
    ['user'],
    ['member', 'user'],
    ['member', 'user', 'id'],
    ['user', 'id'],
    ['id'],
    ['application_id'],
    ['token'],
    ['type'],
    ['version'],
    ['data'],
    ['data', 'name'],
    ['data', 'type'],
    ['data', 'options'],
    ['data', 'custom_id'],
    ['data', 'component_type'],
    ['data', 'values'],
    ['message'],
    ['message', 'components'],
    ['guild_id'],
    ['guild'],
    ['channel'],
    ['locale'],
    ['app_permissions'],
  ),
  fc.array(fc.oneof(trickyKey, fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 2 }),
);

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  mutationPath.map((path) => ({ path })),
  fc.record({
    path: mutationPath,
    value: fc.oneof(hostileValue, snowflakeArb, fc.integer({ min: -1, max: 10 })),
  }),
);

/**
 * A copy of `payload` with the mutations applied; a path through a missing field or a non-object is skipped.
 * A copy, because builders share objects between payloads (the session's user is the same object in all).
 */
export function applyMutations(original: FuzzPayload, mutations: readonly Mutation[]): FuzzPayload {
  const payload = structuredClone(original);
  for (const { path, value } of mutations) {
    let target: unknown = payload;
    for (const key of path.slice(0, -1)) {
      // Own properties only: walking into `__proto__` would pollute Object.prototype for the whole run.
      target =
        typeof target === 'object' && target !== null && Object.hasOwn(target, key)
          ? (target as Record<string, unknown>)[key]
          : undefined;
    }
    const last = path.at(-1);
    if (typeof target !== 'object' || target === null || last === undefined) continue;
    const record = target as Record<string, unknown>;
    // Reflect: a mutation JSON cannot express (an array without its `length`) is skipped instead of throwing.
    if (value === undefined) Reflect.deleteProperty(record, last);
    else
      Reflect.defineProperty(record, last, { value, enumerable: true, writable: true, configurable: true });
  }
  return payload;
}

function withMutations(base: fc.Arbitrary<FuzzPayload>, maxMutations: number): fc.Arbitrary<FuzzPayload> {
  return fc
    .tuple(base, fc.array(mutationArb, { maxLength: maxMutations }))
    .map(([payload, mutations]) => applyMutations(payload, mutations));
}

function asPayload(value: object): FuzzPayload {
  return value as FuzzPayload;
}

// ---------------------------------------------------------------------------------------------------------
// Slash commands
// ---------------------------------------------------------------------------------------------------------

/** `/command` with random, wrongly typed, missing, extra and duplicated options. */
export function chatInputArb(command: Command): fc.Arbitrary<FuzzPayload> {
  return fc
    .record({ options: optionsFor(command), session: sessionArb })
    .map(({ options, session }) =>
      asPayload(
        buildChatInputInteraction(
          command,
          options as unknown as APIApplicationCommandInteractionDataBasicOption[],
          session,
        ),
      ),
    );
}

/** Any of the four commands. */
export const anyChatInputArb: fc.Arbitrary<FuzzPayload> = fc.oneof(...commands.map(chatInputArb));

/** A command the bot does not have: random names, near misses, user and message commands. */
export const unknownCommandArb: fc.Arbitrary<FuzzPayload> = fc
  .record({
    name: fc.oneof(
      fc.constantFrom(
        'Partner',
        'PARTNER',
        'partner ',
        ' partner',
        'partners',
        'mou2',
        'topics',
        'help\u0000',
        'constructor',
        '__proto__',
        'toString',
      ),
      hostileText,
    ),
    options: optionsFor(commands[0] as Command),
    session: sessionArb,
  })
  .map(({ name, options, session }) =>
    asPayload(
      buildChatInputInteraction(
        { data: { name, description: 'fuzz' } },
        options as unknown as APIApplicationCommandInteractionDataBasicOption[],
        session,
      ),
    ),
  );

/** A real command name sent as a user or message command (context menu), or with an unknown command type. */
export const wrongCommandTypeArb: fc.Arbitrary<FuzzPayload> = fc
  .tuple(anyChatInputArb, fc.constantFrom(2, 3, 4, 0, 99))
  .map(([payload, type]) => applyMutations(payload, [{ path: ['data', 'type'], value: type }]));

// ---------------------------------------------------------------------------------------------------------
// Autocomplete
// ---------------------------------------------------------------------------------------------------------

export function autocompleteArb(command: CommandSpec): fc.Arbitrary<FuzzPayload> {
  const declaredNames = (command.data.options ?? []).map((option) => option.name);
  const autocompleteNames = (command.data.options ?? []).flatMap((option) =>
    'autocomplete' in option && option.autocomplete ? [option.name] : [],
  );
  const focusedName = fc.oneof(
    {
      weight: 6,
      arbitrary: autocompleteNames.length ? fc.constantFrom(...autocompleteNames) : strangeOptionName,
    },
    { weight: 1, arbitrary: declaredNames.length ? fc.constantFrom(...declaredNames) : strangeOptionName },
    { weight: 1, arbitrary: strangeOptionName },
  );
  // What happens to the focused option after building: nothing (Discord's shape), a non-string value, no
  // `focused` flag at all (no focused option), a truthy non-boolean flag, or a second focused option.
  const twist = fc.oneof(
    { weight: 8, arbitrary: fc.constant({ kind: 'none' as const }) },
    { weight: 2, arbitrary: primitiveOrHostileValue.map((value) => ({ kind: 'value' as const, value })) },
    { weight: 1, arbitrary: fc.constant({ kind: 'unfocus' as const }) },
    { weight: 1, arbitrary: primitiveOrHostileValue.map((value) => ({ kind: 'flag' as const, value })) },
    { weight: 1, arbitrary: fc.constant({ kind: 'no-options' as const }) },
    {
      weight: 1,
      arbitrary: fc
        .record({ name: strangeOptionName, value: primitiveOrHostileValue })
        .map((second) => ({ kind: 'second' as const, second })),
    },
  );
  return fc
    .record({
      options: optionsFor(command),
      focused: fc.record({ name: focusedName, value: hostileText }),
      twist,
      session: sessionArb,
    })
    .map(({ options, focused, twist, session }) => {
      const payload = buildAutocompleteInteraction(
        command,
        options as unknown as APIApplicationCommandInteractionDataBasicOption[],
        focused,
        session,
      );
      const list = (payload.data.options ?? []) as unknown as RawOption[];
      const focusedOption = list.find((option) => option.focused === true && option.name === focused.name);
      if (focusedOption) {
        if (twist.kind === 'value') focusedOption.value = twist.value;
        if (twist.kind === 'unfocus') delete focusedOption.focused;
        if (twist.kind === 'flag') focusedOption.focused = twist.value;
      }
      if (twist.kind === 'second') list.unshift({ type: 3, ...twist.second, focused: true });
      if (twist.kind === 'no-options') delete (payload.data as { options?: unknown }).options;
      return asPayload(payload);
    });
}

export const anyAutocompleteArb: fc.Arbitrary<FuzzPayload> = fc.oneof(
  { weight: 8, arbitrary: fc.oneof(...commands.map(autocompleteArb)) },
  {
    weight: 1,
    arbitrary: fc.tuple(unknownCommandArb, hostileText).map(([payload, value]) =>
      applyMutations(payload, [
        { path: ['type'], value: InteractionType.ApplicationCommandAutocomplete },
        { path: ['data', 'options'], value: [{ type: 3, name: 'who', value, focused: true }] },
      ]),
    ),
  },
);

// ---------------------------------------------------------------------------------------------------------
// Component clicks
// ---------------------------------------------------------------------------------------------------------

interface RealMessage {
  line: string;
  data: APIInteractionResponseCallbackData;
}

/**
 * Messages the bot really sends, with the buttons and menus on them: the replies to a few commands, and
 * what clicking each of their components (first option of menus) gives. All owned by `owner`.
 */
function collectRealMessages(): RealMessage[] {
  const lines = [
    '/partner who:interpol',
    '/partner who:interpol private:true',
    '/partner who:customs',
    '/partner who:organisation',
    '/partner who:interpl',
    '/partner who:zzqxj',
    '/mou',
    '/mou year:2003',
    '/mou year:1951',
    '/topic area:drugs',
    '/topic area:drug',
    '/topic area:crime',
    '/help',
  ];
  const messages: RealMessage[] = [];
  const add = (line: string, response: ReturnType<typeof ask>) => {
    if ((response.type === 4 || response.type === 7) && response.data)
      messages.push({ line, data: response.data });
  };
  for (const line of lines) add(line, ask(line));
  for (const first of [...messages]) {
    for (const clickable of clickablesOf(first.data)) {
      if (clickable.disabled) continue;
      add(`${first.line} → ${clickable.customId}`, click(first.data, clickable));
    }
  }
  return messages;
}

export const realMessages: readonly RealMessage[] = collectRealMessages();

/** Every custom_id on a real message. */
export const realCustomIds: readonly string[] = [
  ...new Set(realMessages.flatMap((message) => clickablesOf(message.data).map((c) => c.customId))),
];

/** Every value offered by a real select menu. */
const realSelectValues = [
  ...new Set(realMessages.flatMap((message) => clickablesOf(message.data).flatMap((c) => c.values))),
];

const safeChar = fc.constantFrom(...'ABCXYZabcxyz0123456789_.-');
const safeString = (maxLength: number) => fc.string({ unit: safeChar, maxLength });
/** 60 to 96 safe characters: with it, a custom_id sits near its 100-character limit. */
const longSafeString = fc.string({ unit: safeChar, minLength: 60, maxLength: 96 });

const actionNames = [
  ...new Set(commands.flatMap((command) => Object.keys(command.components ?? {}))),
  'execute',
  'autocomplete',
];
const prototypeNames = Object.getOwnPropertyNames(Object.prototype);

/** Text that looks like a number to Number(), or almost. */
const numberish = fc.oneof(
  fc.constantFrom(
    '0',
    '-0',
    '-1',
    '1',
    '2003',
    '1949',
    '2101',
    '9e15',
    '1e3',
    '1e21',
    '0x10',
    '0b11',
    '0o7',
    '1.5',
    '2003.0',
    '00002003',
    'NaN',
    'Infinity',
    '-Infinity',
    '9007199254740991',
    '9007199254740992',
    '-9007199254740991',
    '99999999999999999999',
    '',
    '.5',
    '5.',
    '1_000',
  ),
  fc.integer().map(String),
  fc.double().map(String),
);

/** One part of a custom_id: mostly within [A-Za-z0-9_.-] (so decoding succeeds), sometimes not. */
const customIdPart = fc.oneof(
  { weight: 4, arbitrary: numberish },
  { weight: 3, arbitrary: snowflakeArb },
  { weight: 3, arbitrary: safeString(12) },
  { weight: 1, arbitrary: longSafeString },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      ...actionNames,
      ...prototypeNames,
      'year',
      'page',
      ...commands.map((c) => c.data.name),
    ),
  },
  { weight: 2, arbitrary: fc.constantFrom(...partnerIds, ...topicSlugs) },
  { weight: 1, arbitrary: hostileText },
);

/** Which part of a custom_id to replace: mostly the owner and args, sometimes the command or action or version. */
const partIndex = fc.oneof(
  { weight: 16, arbitrary: fc.integer({ min: 3, max: 7 }) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 2 }) },
  { weight: 1, arbitrary: fc.constant(0) },
);

/** A real custom_id with parts replaced (owner, command, action, args), added or removed. */
const tamperedCustomId = fc
  .record({
    id: fc.constantFrom(...realCustomIds),
    edits: fc.array(fc.record({ index: partIndex, part: customIdPart }), {
      minLength: 1,
      maxLength: 3,
    }),
    // Usually all parts are kept; sometimes the id is cut after `keep` parts.
    keep: fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, fc.nat({ max: 7 })),
  })
  .map(({ id, edits, keep }) => {
    const parts = id.split(':');
    for (const { index, part } of edits) parts[Math.min(index, parts.length)] = part;
    return (keep === undefined ? parts : parts.slice(0, keep)).join(':');
  });

/** `v1:<command>:<action>:<owner>[:<arg>...]` with random pieces, mostly decodable. */
const forgedCustomId = fc
  .record({
    version: fc.oneof({ weight: 6, arbitrary: fc.constant('v1') }, fc.constantFrom('v0', 'v2', 'V1', '')),
    command: fc.oneof(fc.constantFrom(...commands.map((c) => c.data.name)), customIdPart),
    action: fc.oneof(fc.constantFrom(...actionNames, ...prototypeNames), customIdPart),
    owner: fc.oneof(
      fc.constant(owner.user.id),
      snowflakeArb,
      safeString(20),
      longSafeString,
      fc.constant(''),
    ),
    args: fc.array(customIdPart, { maxLength: 4 }),
  })
  .map(({ version, command, action, owner: ownerId, args }) =>
    [version, command, action, ownerId, ...args].join(':'),
  );

/** A custom_id whose owner id is padded so the whole id is 0–16 characters short of the 100 limit. */
const nearLimitCustomId = fc
  .record({
    id: fc.oneof(fc.constantFrom(...realCustomIds), tamperedCustomId, forgedCustomId),
    slack: fc.nat({ max: 16 }),
  })
  .map(({ id, slack }) => {
    const parts = id.split(':');
    const missing = 100 - slack - id.length;
    if (parts.length < 4 || missing <= 0) return id;
    parts[3] = `${parts[3] ?? ''}${'9'.repeat(missing)}`;
    return parts.join(':');
  });

export const customIdArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...realCustomIds) },
  { weight: 4, arbitrary: tamperedCustomId },
  { weight: 4, arbitrary: forgedCustomId },
  { weight: 2, arbitrary: nearLimitCustomId },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: safeString(200).map((rest) => `v1:${rest.replace(/_/g, ':')}`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('', ':', 'v1', 'v1:', 'v1:::', 'v1:partner:open', 'v1:partner:open:'),
  },
);

const selectValue = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...realSelectValues) },
  { weight: 2, arbitrary: fc.constantFrom(...partnerIds, ...topicSlugs) },
  { weight: 2, arbitrary: hostileText },
  { weight: 1, arbitrary: fc.constantFrom(...prototypeNames, '') },
);

/** Stands for "the custom_id of the click" in generated message components (replaced when the click is built). */
const sameCustomId = '\u0000same-custom-id';

const junkSelectOption = fc.oneof(
  fc.constant(null),
  fc.jsonValue({ maxDepth: 1 }),
  fc.record({ label: shortText, value: fc.oneof(fc.constantFrom(...partnerIds), primitiveOrHostileValue) }),
);
const junkComponent = fc.oneof(
  fc.constant(null),
  fc.jsonValue({ maxDepth: 1 }),
  fc.record({
    type: fc.constantFrom(2, 3, 4, 99),
    custom_id: fc.oneof(fc.constant(sameCustomId), customIdArb, primitiveOrHostileValue),
    options: fc.oneof(fc.array(junkSelectOption, { maxLength: 6 }), primitiveOrHostileValue),
  }),
);
const junkRow = fc.oneof(
  fc.constant(null),
  fc.jsonValue({ maxDepth: 1 }),
  fc.record({
    type: fc.constantFrom(1, 1, 1, 0, 17),
    components: fc.oneof(
      { weight: 4, arbitrary: fc.array(junkComponent, { maxLength: 5 }) },
      { weight: 1, arbitrary: primitiveOrHostileValue },
    ),
  }),
);

/**
 * The message a click arrives with: one the bot really sent (usually), none, or one whose components are
 * malformed (null rows, rows without components, menus without options...). Handlers that read the message
 * back (partner's "other matches") must cope with whatever the client sends.
 */
const clickedMessage = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.constantFrom(...realMessages).map((message) => ({ kind: 'real' as const, message })),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'none' as const }) },
  {
    weight: 3,
    arbitrary: fc.array(junkRow, { maxLength: 5 }).map((rows) => ({ kind: 'junk' as const, rows })),
  },
);

function withClickId(rows: readonly unknown[], customId: string): unknown[] {
  return structuredClone(rows).map((row) => {
    const components = (row as { components?: unknown } | null)?.components;
    if (Array.isArray(components)) {
      for (const component of components) {
        const target = component as { custom_id?: unknown } | null;
        if (target?.custom_id === sameCustomId) target.custom_id = customId;
      }
    }
    return row;
  });
}

/** A button click (no values) or a menu pick (values), on a real, malformed or missing message, by anyone. */
export const componentArb: fc.Arbitrary<FuzzPayload> = fc
  .record({
    customId: customIdArb,
    componentType: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(2, 3) },
      { weight: 1, arbitrary: fc.constantFrom(0, 1, 4, 5, 6, 7, 8, 9, 99, -1) },
    ),
    values: fc.option(fc.array(selectValue, { maxLength: 30 }), { nil: undefined, freq: 3 }),
    message: clickedMessage,
    session: sessionArb,
  })
  .map(({ customId, componentType, values, message, session }) => {
    const data = message.kind === 'real' ? message.message.data : { content: 'x' };
    const payload = buildComponentInteraction(
      {
        message: buildBotMessage(data, owner, { commandName: 'fuzz' }),
        customId,
        componentType: componentType as ComponentType,
        values,
      },
      session,
    ) as unknown as FuzzPayload & { message?: { components?: unknown } };
    if (message.kind === 'none') delete payload.message;
    if (message.kind === 'junk' && payload.message)
      payload.message.components = withClickId(message.rows, customId);
    return payload;
  });

// ---------------------------------------------------------------------------------------------------------
// Other interaction types
// ---------------------------------------------------------------------------------------------------------

/** PING, modal submits, and interaction types that do not exist (0, 6, 99...). */
export const otherTypeArb: fc.Arbitrary<FuzzPayload> = fc
  .record({
    base: anyChatInputArb,
    type: fc.oneof(
      fc.constantFrom(InteractionType.Ping, InteractionType.ModalSubmit, 0, 6, 7, 99, -1, 1.5, 2 ** 31),
      fc.integer(),
    ),
    data: fc.oneof(
      fc.constant(undefined),
      fc.constant({ custom_id: 'v1:partner:open:1', components: [] }),
      hostileObject,
    ),
  })
  .map(({ base, type, data }) =>
    applyMutations(base, [
      { path: ['type'], value: type },
      { path: ['data'], value: data },
    ]),
  );

/** A PING exactly as Discord sends it to check the endpoint. */
export const pingArb: fc.Arbitrary<FuzzPayload> = fc
  .tuple(snowflakeArb, snowflakeArb, fc.base64String({ minLength: 4, maxLength: 40 }))
  .map(([id, applicationId, token]) => ({
    id,
    application_id: applicationId,
    type: 1,
    token: token || 'x',
    version: 1,
  }));

// ---------------------------------------------------------------------------------------------------------
// Everything
// ---------------------------------------------------------------------------------------------------------

/** Any payload of any kind, a few with envelope mutations (missing user, bad ids, extra fields...). */
export const anyPayloadArb: fc.Arbitrary<FuzzPayload> = fc.oneof(
  { weight: 6, arbitrary: withMutations(anyChatInputArb, 3) },
  { weight: 4, arbitrary: withMutations(anyAutocompleteArb, 3) },
  { weight: 6, arbitrary: withMutations(componentArb, 3) },
  { weight: 1, arbitrary: unknownCommandArb },
  { weight: 1, arbitrary: wrongCommandTypeArb },
  { weight: 1, arbitrary: otherTypeArb },
  { weight: 1, arbitrary: pingArb },
);

/** Envelope mutations on top of any payload, always at least one. */
export const mutatedPayloadArb: fc.Arbitrary<FuzzPayload> = fc
  .tuple(
    fc.oneof(anyChatInputArb, anyAutocompleteArb, componentArb, pingArb),
    fc.array(mutationArb, { minLength: 1, maxLength: 4 }),
  )
  .map(([payload, mutations]) => applyMutations(payload, mutations));

// ---------------------------------------------------------------------------------------------------------
// Raw bodies, for the HTTP endpoint
// ---------------------------------------------------------------------------------------------------------

/** Bodies that are not interactions: random bytes, text that is not JSON, JSON of any other shape. */
export const nonInteractionBodyArb: fc.Arbitrary<Buffer> = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }).map((bytes) => Buffer.from(bytes)),
  fc.string({ unit: 'binary', maxLength: 500 }).map((text) => Buffer.from(text, 'utf8')),
  fc
    .constantFrom(
      '',
      ' ',
      'null',
      'true',
      '0',
      '""',
      '[]',
      '{}',
      '{"type":1}',
      '{',
      '\ufeff{}',
      'undefined',
      'NaN',
    )
    .map((text) => Buffer.from(text, 'utf8')),
  fc.jsonValue({ maxDepth: 3 }).map((value) => Buffer.from(JSON.stringify(value) ?? 'null', 'utf8')),
  // Interaction-shaped, with one required field broken or missing.
  fc
    .tuple(
      fc.oneof(anyChatInputArb, componentArb, pingArb),
      fc.constantFrom('id', 'application_id', 'token', 'type', 'data'),
      fc.option(hostileValue, { nil: undefined }),
    )
    .map(([payload, field, value]) =>
      Buffer.from(JSON.stringify(applyMutations(payload, [{ path: [field], value }])), 'utf8'),
    ),
);

// ---------------------------------------------------------------------------------------------------------
// Oracle and run settings shared by the fuzz tests
// ---------------------------------------------------------------------------------------------------------

/** Response types allowed for each interaction type the parser accepts. */
const expectedResponseTypes: Record<number, readonly number[]> = {
  [InteractionType.Ping]: [1],
  [InteractionType.ApplicationCommand]: [4],
  [InteractionType.MessageComponent]: [4, 7],
  [InteractionType.ApplicationCommandAutocomplete]: [8],
  [InteractionType.ModalSubmit]: [4],
};

const loneSurrogatePattern = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Every string in a JSON-like value (keys included). */
export function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      out.push(key);
      stringsIn(item, out);
    }
  }
  return out;
}

export function hasLoneSurrogate(value: unknown): boolean {
  return stringsIn(value).some((text) => loneSurrogatePattern.test(text));
}

function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
}

/**
 * What is wrong with `response` as the answer to `payload` (empty when nothing): errors the handler reported,
 * a response Discord would refuse (interactionResponseSchema: limits, 6,000 total, allowed_mentions), the
 * wrong kind of response, the interaction's secret token echoed back, or broken UTF-16 made from good text.
 */
export function responseProblems(
  payload: { type?: unknown; token?: unknown; data?: unknown },
  response: unknown,
  reportedErrors: readonly unknown[],
  { checkType = true }: { checkType?: boolean } = {},
): string[] {
  const problems = reportedErrors.map((error) => `handler reported an error: ${describeError(error)}`);
  let onWire: unknown;
  try {
    onWire = JSON.parse(JSON.stringify(response) ?? 'null');
  } catch (error) {
    return [...problems, `response is not serialisable: ${describeError(error)}`];
  }
  const checked = interactionResponseSchema.safeParse(onWire);
  if (!checked.success) problems.push(`invalid response: ${z.prettifyError(checked.error)}`);
  const type = (onWire as { type?: unknown } | null)?.type;
  const allowed = typeof payload.type === 'number' ? expectedResponseTypes[payload.type] : undefined;
  if (checkType && allowed && !allowed.includes(type as number)) {
    problems.push(`response type ${String(type)} to interaction type ${String(payload.type)}`);
  }
  if (type === 4 || type === 7) {
    const mentions = (onWire as { data?: { allowed_mentions?: unknown } }).data?.allowed_mentions;
    if (JSON.stringify(mentions) !== '{"parse":[]}')
      problems.push(`allowed_mentions ${JSON.stringify(mentions)}`);
  }
  if (type === 8) {
    const choices = (onWire as { data?: { choices?: unknown[] } }).data?.choices;
    if (!Array.isArray(choices) || choices.length > 25)
      problems.push('autocomplete must answer 0–25 choices');
  }
  // The builders' tokens are `playground.<32 random characters>`: found in a response only if echoed.
  if (
    typeof payload.token === 'string' &&
    payload.token.startsWith('playground.') &&
    JSON.stringify(onWire).includes(payload.token)
  ) {
    problems.push('the response contains the interaction token');
  }
  if (!hasLoneSurrogate(payload) && hasLoneSurrogate(onWire)) {
    problems.push(
      'the response has a lone surrogate (broken UTF-16) although every input string was well formed',
    );
  }
  if (problems.length) {
    problems.push(
      `interaction type ${String(payload.type)}, data: ${truncateForReport(JSON.stringify(payload.data))}`,
    );
    problems.push(`response: ${truncateForReport(JSON.stringify(onWire))}`);
  }
  return problems;
}

function truncateForReport(text: string | undefined, max = 1500): string {
  if (text === undefined) return 'undefined';
  return text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text;
}

/**
 * Run settings from the environment:
 * - FUZZ_SEED=<n> replays a run (fast-check prints the seed, and a path, when a property fails);
 * - FUZZ_PATH=<path> with FUZZ_SEED (and `-t '<property name>'`) replays exactly the failing case, shrunk;
 * - FUZZ_RUNS=<n> sets the total number of cases of a fuzz file (spread over its properties like the
 *   defaults), e.g. FUZZ_RUNS=200000 for a soak run.
 */
export interface FuzzSettings {
  /** Runs for a property whose default share is `runs`. */
  runs(runs: number): number;
  /** A vitest timeout of `ms`, scaled with the number of runs. */
  timeout(ms: number): number;
  /**
   * fast-check parameters for `runs` cases under a test timeout of `timeoutMs`: the seed and path to replay,
   * and an interruption at 80 % of the timeout, reported as a failure with its seed (a vitest timeout would
   * lose the seed, e.g. when shrinking takes too long).
   */
  parameters(runs: number, timeoutMs: number): FuzzParameters;
}

export interface FuzzParameters {
  numRuns: number;
  interruptAfterTimeLimit: number;
  markInterruptAsFailure: boolean;
  seed?: number;
  path?: string;
}

export function fuzzSettings(defaultTotal: number): FuzzSettings {
  const total = Number(process.env.FUZZ_RUNS);
  const factor = Number.isFinite(total) && total > 0 ? total / defaultTotal : 1;
  const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
  if (seed !== undefined && !Number.isInteger(seed))
    throw new Error(`FUZZ_SEED must be an integer, got ${process.env.FUZZ_SEED}`);
  const path = process.env.FUZZ_PATH || undefined;
  const runs = (count: number) => Math.max(1, Math.round(count * factor));
  const timeout = (ms: number) => Math.round(ms * Math.max(1, factor));
  return {
    runs,
    timeout,
    parameters: (count, timeoutMs) => ({
      numRuns: runs(count),
      interruptAfterTimeLimit: Math.round(timeout(timeoutMs) * 0.8),
      markInterruptAsFailure: true,
      ...(seed === undefined ? {} : { seed }),
      ...(path === undefined ? {} : { path }),
    }),
  };
}

/** `length` characters of accented words (each `ü`, `é` one UTF-16 unit): text at a schema's maximum. */
const filled = (length: number, seed: string) =>
  `${seed} ${'Ünïtéd Coopération Ëxchange Fédération '.repeat(Math.ceil(length / 30))}`
    .slice(0, length - 1)
    .concat('x');

/**
 * Partners with every text at its schema maximum and long lists (src/data/schema.ts), in every focus area: what
 * fills a card, its sources and its agreements to the brim. Checked against the schema, so they could be real.
 */
export function oversizedPartners(topics: readonly Topic[], count = 2): Partner[] {
  const quote = (n: number) => filled(400, `Source sentence ${n}`);
  const dates = ['2001', '2002-07', '2003-11-30', null] as const;
  return Array.from({ length: count }, (_, i) =>
    partnerSchema.parse({
      id: `oversized-${i}`,
      name: filled(200, `Oversized ${i}`),
      acronym: `OVRSZ${i}`.padEnd(20, 'X'),
      aliases: Array.from({ length: 8 }, (_, n) => filled(200, `Alias ${i}-${n}`)),
      summary: filled(1000, 'Summary'),
      locations: Array.from({ length: 8 }, (_, n) => ({
        place: filled(200, `Place ${n}`),
        source: quote(n),
      })),
      agreements: Array.from({ length: 40 }, (_, n) => ({
        type: n % 2 ? 'MOU' : 'Co-operation Agreement',
        parties: Array.from({ length: 5 }, (_, p) => filled(200, `Party ${p}`)),
        date: dates[n % dates.length],
        source: quote(n),
        topics: topics.slice(0, 6).map((topic) => topic.slug),
      })),
      milestones: Array.from({ length: 20 }, (_, n) => ({
        label: filled(200, `Milestone ${n}`),
        date: '2004-05',
        source: quote(n),
      })),
      focusAreas: topics.map((topic, n) => ({
        topic: topic.slug,
        note: filled(300, `Note ${n}`),
        source: quote(n),
      })),
      programmes: Array.from({ length: 12 }, (_, n) => ({
        name: filled(200, `Programme ${n}`),
        acronym: `PRG${n}`.padEnd(20, 'Q'),
        source: quote(n),
      })),
      relatedBodies: Array.from({ length: 12 }, (_, n) => ({
        name: filled(200, `Body ${n}`),
        acronym: `BDY${n}`.padEnd(20, 'Z'),
        relation: filled(200, 'Relation'),
        source: quote(n),
      })),
      provenance: Array.from({ length: 6 }, (_, n) => quote(n)),
      external: [{ field: 'aliases', value: filled(200, 'External'), note: filled(300, 'Why external') }],
    }),
  );
}

/**
 * The real partners, 300 synthetic ones and the oversized ones; its partner search offers autocomplete every
 * match it has (up to 100), as a command may: only the router's cap keeps Discord's 25.
 */
export function largerContext(): BotContext {
  const { source, corrections, partners, topics } = context.dataset;
  const all = [...partners, ...syntheticPartners(300, 9), ...oversizedPartners(topics)];
  const larger = createBotContext(
    buildDataset({ source, corrections: [...corrections], partners: all }, topics),
  );
  const { partnerSearch } = larger;
  return {
    ...larger,
    partnerSearch: { ...partnerSearch, autocomplete: (query) => partnerSearch.search(query, 100) },
  };
}
