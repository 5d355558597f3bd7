// npm start: with DISCORD_TOKEN set (environment or .env), the gateway bot; otherwise the playground, the
// bot on this machine: an interactive prompt in a terminal, one command per line when stdin is piped
// (`echo "/mou year:2003" | npm start`). `npm start -- --playground` forces the playground;
// `--locale fr` makes the playground's user French-speaking (replies in French).

import type { Locale } from 'discord-api-types/v10';
import { ConfigError, configFor, loadDotEnv, unknownDiscordVariables } from '../config.js';
import { DataValidationError } from '../data/load.js';

function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function readConfig<M extends 'gateway' | 'playground'>(mode: M) {
  try {
    // The playground never uses the token: a bad one must not keep it from opening.
    return configFor(mode, mode === 'playground' ? { ...process.env, DISCORD_TOKEN: undefined } : undefined);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
}

try {
  loadDotEnv();
} catch (error) {
  if (error instanceof ConfigError) fail(error.message);
  throw error;
}

const forcePlayground = process.argv.slice(2).includes('--playground');
for (const warning of unknownDiscordVariables()) process.stderr.write(`${warning}\n`);

if (!forcePlayground && process.env.DISCORD_TOKEN?.trim()) {
  const config = readConfig('gateway');
  // Imported only when needed, so the playground never loads discord.js.
  let gateway: typeof import('../transports/gateway/run.js');
  try {
    gateway = await import('../transports/gateway/run.js');
  } catch (error) {
    const missing =
      (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' &&
      String((error as Error).message).includes('transports/gateway/run.js');
    if (!missing) throw error;
    fail(
      'DISCORD_TOKEN is set, so npm start would run the gateway bot, but this build has no gateway transport ' +
        '(dist/src/transports/gateway/run.js). Unset DISCORD_TOKEN, or run `npm start -- --playground`, to use the playground.',
    );
  }
  await gateway.runGatewayBot(config);
} else {
  const config = readConfig('playground');
  const [{ createBotContext }, { runPlayground }, { createLogger }, { createLocalSession }] =
    await Promise.all([
      import('../interactions/create-context.js'),
      import('../transports/local/playground.js'),
      import('../logger.js'),
      import('../transports/local/parse-command-line.js'),
    ]);
  const argv = process.argv.slice(2);
  const locale = argv.includes('--locale') ? argv[argv.indexOf('--locale') + 1] : undefined;
  if (argv.includes('--locale') && !locale) fail('--locale needs a language, e.g. --locale fr');
  let context: ReturnType<typeof createBotContext>;
  try {
    context = createBotContext();
  } catch (error) {
    if (error instanceof DataValidationError) fail(error.message);
    throw error;
  }
  // Logs (handler errors only) go to stderr: stdout carries the replies.
  const logger = createLogger({ level: config.logLevel, fd: 2, name: 'playground' });
  const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
  if (interactive) {
    process.stderr.write(
      forcePlayground
        ? 'Local playground (--playground); nothing is sent to Discord.\n'
        : 'No DISCORD_TOKEN: local playground; set it in .env to go live.\n',
    );
  }
  process.exitCode = await runPlayground({
    context,
    input: process.stdin,
    output: process.stdout,
    errors: process.stderr,
    interactive,
    logger,
    session: createLocalSession(locale ? { locale: locale as Locale } : {}),
  });
}
