import { parseArgs } from 'node:util';
import type { Locale } from 'discord-api-types/v10';
import { likeness } from '../config.js';

/** The languages the bot answers in (`--locale`); the local user's Discord locale for each. */
const locales = { en: 'en-US', fr: 'fr' } as const;

/** The local user's Discord locale for a `--locale` value readArgs accepted (English when not given). */
export function localeOf(flag: string | undefined): Locale {
  return locales[(flag ?? 'en') as keyof typeof locales] as Locale;
}

type Spec = Record<string, { type: 'boolean' | 'string'; short?: string }>;

function refuse(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

/** " (did you mean --port?)" for a misspelled option, when one option is clearly meant. */
function nearMiss(typed: string, names: readonly string[]): string {
  if (typed.length < 3) return '';
  const [best] = names
    .filter((name) => name.length > 1)
    .map((name) => ({ name, score: Math.min(likeness(typed, name), likeness(name, typed)) }))
    .sort((a, b) => b.score - a.score);
  return best && best.score >= 0.75 ? ` (did you mean --${best.name}?)` : '';
}

/**
 * The flags and other arguments of a command-line entry point (node's parseArgs). An unknown flag, a
 * missing value or an unknown --locale ends the process with one line on stderr and exit code 2, as a
 * shell's programs do; `helpHint` says where the usage is.
 */
export function readArgs<S extends Spec>(argv: readonly string[], options: S, helpHint: string) {
  // A lone `--` (as in `node scripts/run.mjs ask -- /help`) only separates arguments.
  const args = argv.filter((arg) => arg !== '--');
  const { values, positionals, tokens } = parseArgs({
    args,
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = options[token.name];
    if (!spec)
      refuse(`Unknown option ${token.rawName}${nearMiss(token.name, Object.keys(options))}: ${helpHint}`);
    if (spec.type === 'string' && !token.value) refuse(`${token.rawName} needs a value: ${helpHint}`);
    if (spec.type === 'boolean' && token.value !== undefined)
      refuse(`${token.rawName} takes no value: ${helpHint}`);
  }
  const locale = values.locale;
  if (locale !== undefined && !(String(locale) in locales)) {
    refuse(`--locale must be ${Object.keys(locales).join(' or ')} (got "${String(locale)}")`);
  }
  return {
    values: values as { [K in keyof S]?: S[K]['type'] extends 'string' ? string : boolean },
    positionals,
  };
}

/**
 * The command line of an entry point that takes only options (and `positionals` when it says so): `--help`
 * (or -h) prints `usage` and exits 0; anything else it does not know is refused by readArgs, naming `name`.
 */
export function entryPointArgs<S extends Spec>(
  name: string,
  usage: string,
  options: S,
  { positionals: takesPositionals = false } = {},
) {
  const hint = `${name} -- --help lists the options`;
  const { values, positionals } = readArgs(
    process.argv.slice(2),
    { ...options, help: { type: 'boolean', short: 'h' } },
    hint,
  );
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  const [extra] = positionals;
  if (!takesPositionals && extra !== undefined)
    refuse(`Unexpected argument ${JSON.stringify(extra)}: ${hint}`);
  return {
    values: values as { [K in keyof S]?: S[K]['type'] extends 'string' ? string : boolean },
    positionals,
  };
}
