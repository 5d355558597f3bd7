// npm start: with DISCORD_TOKEN set (environment or .env), the gateway bot; otherwise the playground, the
// bot on this machine: an interactive prompt in a terminal, one command per line when stdin is piped
// (`echo "/mou year:2003" | npm start`). `npm start -- --playground` forces the playground.
import { ConfigError, configFor, loadDotEnv, unknownDiscordVariables } from '../config.js';
import { DataValidationError } from '../data/load.js';
import { entryPointArgs, localeOf } from './args.js';

const usage = `Usage: npm start [-- [--playground] [--locale en|fr]]

Modes
  DISCORD_TOKEN set (environment or .env)  the bot goes live on Discord (gateway)
  no DISCORD_TOKEN, or --playground         the local playground: the bot on this machine, nothing sent
                                            to Discord; a prompt in a terminal, one command per line
                                            when piped (echo "/mou year:2003" | npm start)

Options
  --playground     the playground even when DISCORD_TOKEN is set
  --locale en|fr   the language of the playground user (default en)
  -h, --help       this text

Environment (or .env)
  DISCORD_TOKEN           the bot token (Developer Portal → Bot)
  DISCORD_APPLICATION_ID  the application id (npm run deploy)
  DISCORD_GUILD_ID        deploy to this guild only (instant, for development)
  DISCORD_API_URL         Discord's REST API (default https://discord.com/api)
  LOG_LEVEL               fatal, error, warn, info (default), debug or trace
  METRICS_PORT            serve Prometheus metrics on this port
  NO_COLOR                no colours in the playground

In the playground: /help, Tab completes, a number picks a menu option or button, n/p turn pages,
# starts a comment, /exit or Ctrl-D (Ctrl-C on an empty prompt) leaves.`;

const { values: flags } = entryPointArgs('npm start', usage, {
  playground: { type: 'boolean' },
  locale: { type: 'string' },
});

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

const forcePlayground = flags.playground === true;
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
  const [{ loadBotContext }, { runPlayground }, { createLogger }, { createLocalSession }] = await Promise.all(
    [
      import('../interactions/create-context.js'),
      import('../transports/local/playground.js'),
      import('../logger.js'),
      import('../transports/local/parse-command-line.js'),
    ],
  );
  let context: ReturnType<typeof loadBotContext>;
  try {
    context = loadBotContext();
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
    session: createLocalSession({
      locale: localeOf(flags.locale),
    }),
  });
}
