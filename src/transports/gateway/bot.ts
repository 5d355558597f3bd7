import {
  Client,
  type ClientOptions,
  Events,
  GatewayDispatchEvents,
  GatewayIntentBits,
  Options,
  type RawFile,
  Routes,
} from 'discord.js';
import type {
  APIInteraction,
  APIInteractionResponse,
  APIInteractionResponseCallbackData,
  GatewayMessageCreateDispatchData,
} from 'discord-api-types/v10';
import { InteractionResponseType, InteractionType, MessageFlags } from 'discord-api-types/v10';
import type { Config } from '../../config.js';
import { catalogueOf } from '../../i18n/index.js';
import { type ErrorReporter, handleInteraction } from '../../interactions/handle.js';
import { describeInteraction, type Logger, logHandlerError, logInteraction } from '../../logger.js';
import type { BotMetrics } from '../../metrics/metrics.js';
import type { BotContext } from '../../toolkit/command.js';
import {
  askInteraction,
  howToAsk,
  type MessageAction,
  messageDataOf,
  readMessage,
  replyTo,
} from './messages.js';
import { callbackWithFiles } from './reply-files.js';

/** Answers an interaction; a handler error it recovers from is passed to `reportError`. */
export type InteractionHandler = (
  interaction: APIInteraction,
  reportError: ErrorReporter,
) => APIInteractionResponse;

export interface GatewayBotOptions {
  config: Pick<Config, 'token' | 'apiUrl'>;
  context: BotContext;
  logger: Logger;
  /** Replaces the shared handlers (tests use it to make a handler fail). */
  handle?: InteractionHandler;
  /** Merged over the bot's own client options (tests lower timeouts). */
  clientOptions?: Partial<ClientOptions>;
  /** Counts each interaction as its log line does (src/metrics). */
  metrics?: BotMetrics;
}

/**
 * Least privilege: Guilds for the guilds' languages, GuildMessages and DirectMessages for the messages that
 * ask the bot (mentions, DMs). Never the privileged MessageContent: Discord sends the content of exactly
 * those messages without it. Messages are not cached (the bot never reads one twice), and nothing the bot
 * sends may ping.
 */
export function gatewayClientOptions(apiUrl: string, overrides: Partial<ClientOptions> = {}): ClientOptions {
  return {
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 0 }),
    allowedMentions: { parse: [] },
    ...overrides,
    rest: { api: apiUrl, ...overrides.rest },
  };
}

/**
 * The discord.js gateway bot. Interactions are taken from the raw INTERACTION_CREATE dispatch, so the
 * shared handlers get exactly the payload Discord sent (the same as over HTTP), and their response is
 * posted to the interaction callback as is. Messages that ask the bot (MESSAGE_CREATE with a mention, or in
 * a DM) are answered by /ask through the same handlers, as a reply (messages.ts). The client keeps no state
 * of its own, so shards and processes can be added freely.
 */
export function createGatewayBot({
  config,
  context,
  logger,
  handle,
  clientOptions,
  metrics,
}: GatewayBotOptions): Client {
  const client = new Client(gatewayClientOptions(config.apiUrl, clientOptions));
  const answer: InteractionHandler =
    handle ?? ((interaction, reportError) => handleInteraction(interaction, context, reportError));

  client.once(Events.ClientReady, (ready) => {
    logger.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, 'connected to the gateway');
  });
  // discord.js retries a lost connection every 500 ms: one info line per outage, the attempts at debug.
  const reconnecting = new Set<number>();
  client.on(Events.ShardReady, (shardId) => {
    reconnecting.delete(shardId);
    logger.info({ shardId }, 'gateway session ready');
  });
  client.on(Events.ShardResume, (shardId, replayed) => {
    reconnecting.delete(shardId);
    logger.info({ shardId, replayed }, 'gateway session resumed');
  });
  client.on(Events.ShardReconnecting, (shardId) => {
    if (reconnecting.has(shardId)) logger.debug({ shardId }, 'gateway reconnecting');
    else logger.info({ shardId }, 'gateway reconnecting');
    reconnecting.add(shardId);
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, 'client error'));
  client.on(Events.Warn, (message) => logger.warn(message));

  const answered = createRecentIds();
  const inFlight = new Set<Promise<void>>();
  const track = (pending: Promise<void>) => {
    inFlight.add(pending);
    void pending.finally(() => inFlight.delete(pending));
  };
  client.ws.on(GatewayDispatchEvents.InteractionCreate, (interaction: APIInteraction) => {
    if (!answered.add(interaction.id)) {
      logger.info(
        { interaction: describeInteraction(interaction) },
        'duplicate interaction dispatch ignored',
      );
      return;
    }
    track(respond(client, interaction, answer, logger, metrics));
  });
  client.ws.on(GatewayDispatchEvents.MessageCreate, (message: GatewayMessageCreateDispatchData) => {
    const botId = client.user?.id;
    if (!botId) return;
    const action = readMessage(message, botId);
    if (action.kind === 'ignore') return;
    // A replayed MESSAGE_CREATE (after a RESUME) is answered once, as interactions are.
    if (!answered.add(message.id)) return;
    track(replyToMessage(client, botId, message, action, { answer, context, logger, metrics }));
  });
  answering.set(client, inFlight);
  return client;
}

const answering = new WeakMap<Client, Set<Promise<void>>>();

/** Resolves once every interaction received so far (and any arriving meanwhile) has been answered. */
export async function answersInFlight(client: Client): Promise<void> {
  const inFlight = answering.get(client);
  while (inFlight?.size) await Promise.allSettled([...inFlight]);
}

/**
 * The ids of the interactions seen recently, to answer each one once. The gateway delivers at least once:
 * after a RESUME it replays every event after the sequence number the client sent, and discord.js can send
 * a stale one (an op 9 INVALID_SESSION that allows resuming, handled before the dispatches that arrived
 * just ahead of it updated the sequence), so the same INTERACTION_CREATE can come twice. A second answer
 * would only be refused by Discord (40060) and logged as a failure. Ids are kept as long as an interaction
 * can be answered (15 minutes), at most `max` of them.
 */
export function createRecentIds(
  ttlMs = 15 * 60_000,
  max = 100_000,
): { add(id: string, now?: number): boolean; readonly size: number } {
  const seen = new Map<string, number>();
  return {
    /** Records the id; false when it was already seen within `ttlMs`. */
    add(id, now = Date.now()) {
      // Oldest first (insertion order): drop the expired ones, and the oldest when full.
      for (const [oldId, time] of seen) {
        if (seen.size < max && now - time < ttlMs) break;
        seen.delete(oldId);
      }
      if (seen.has(id)) return false;
      seen.set(id, now);
      return true;
    },
    get size() {
      return seen.size;
    },
  };
}

async function respond(
  client: Client,
  interaction: APIInteraction,
  answer: InteractionHandler,
  logger: Logger,
  metrics?: BotMetrics,
) {
  const started = performance.now();
  const { response, failed } = answerOrApologize(interaction, answer, logger);
  try {
    await postCallback(client, interaction, response, logger);
    const outcome = failed ? 'error' : 'ok';
    metrics?.interaction(interaction, outcome, performance.now() - started);
    logInteraction(logger, interaction, {
      latencyMs: performance.now() - started,
      outcome,
      responseType: response.type,
      transport: 'gateway',
    });
  } catch (error) {
    logger.error(
      { err: restErrorSummary(error), interaction: describeInteraction(interaction) },
      'interaction callback failed',
    );
    metrics?.interaction(interaction, 'error', performance.now() - started);
    logInteraction(logger, interaction, {
      latencyMs: performance.now() - started,
      outcome: 'error',
      transport: 'gateway',
    });
    await apologize(client, interaction, error, logger);
  }
}

/**
 * The handlers' answer; an error they report or throw is logged, and counted as an error (`failed`) though
 * the user gets an answer (the apology, when it was thrown), as over HTTP.
 */
function answerOrApologize(
  interaction: APIInteraction,
  answer: InteractionHandler,
  logger: Logger,
): { response: APIInteractionResponse; failed: boolean } {
  let failed = false;
  const reportHandlerError: ErrorReporter = (error, failedInteraction) => {
    failed = true;
    logHandlerError(logger)(error, failedInteraction);
  };
  try {
    return { response: answer(interaction, reportHandlerError), failed };
  } catch (error) {
    reportHandlerError(error, interaction);
    return { response: fallbackResponse(interaction), failed };
  }
}

/**
 * Answers a message that asks the bot: /ask through the shared handlers (a bare mention gets a line on how
 * to ask), posted as a reply. Never throws: a handler error is answered with the apology, a reply Discord
 * refuses is logged. discord.js's REST client queues the post behind any rate limit.
 */
async function replyToMessage(
  client: Client,
  botId: string,
  message: GatewayMessageCreateDispatchData,
  action: Exclude<MessageAction, { kind: 'ignore' }>,
  {
    answer,
    context,
    logger,
    metrics,
  }: { answer: InteractionHandler; context: BotContext; logger: Logger; metrics?: BotMetrics },
): Promise<void> {
  const started = performance.now();
  const where = { messageId: message.id, channelId: message.channel_id, guildId: message.guild_id };
  let data: APIInteractionResponseCallbackData | undefined;
  let files: RawFile[] | undefined;
  let interaction: APIInteraction | undefined;
  let failed = false;
  if (action.kind === 'how-to-ask') {
    const guildLocale = message.guild_id
      ? client.guilds.cache.get(message.guild_id)?.preferredLocale
      : undefined;
    data = howToAsk(botId, guildLocale);
  } else {
    interaction = askInteraction(message, action.question, client.application?.id ?? botId, context.commands);
    if (!interaction) {
      logger.error(where, 'a message asks the bot, but there is no /ask command to answer it');
      return;
    }
    const answered = answerOrApologize(interaction, answer, logger);
    failed = answered.failed;
    const rendered = callbackWithFiles(answered.response, logger);
    files = rendered.files;
    data = messageDataOf(rendered.body) ?? messageDataOf(fallbackResponse(interaction));
  }
  try {
    await client.rest.post(Routes.channelMessages(message.channel_id), {
      body: replyTo(message, data ?? {}),
      ...(files ? { files } : {}),
    });
  } catch (error) {
    failed = true;
    logger.error({ err: restErrorSummary(error), ...where }, 'reply to a message failed');
  }
  if (interaction) {
    const outcome = failed ? 'error' : 'ok';
    metrics?.interaction(interaction, outcome, performance.now() - started);
    logInteraction(logger, interaction, {
      latencyMs: performance.now() - started,
      outcome,
      transport: 'gateway-message',
    });
  }
}

function postCallback(
  client: Client,
  interaction: APIInteraction,
  response: APIInteractionResponse,
  logger?: Logger,
) {
  return client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
    ...(logger ? callbackWithFiles(response, logger) : { body: response }),
    auth: false,
  });
}

/**
 * What is safe to log of a failed REST call: discord.js errors carry the request URL, and an interaction
 * callback URL contains the interaction token, so only these fields are kept.
 */
export function restErrorSummary(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const { status, code } = error as { status?: unknown; code?: unknown };
  return { name: error.name, message: error.message, status, code };
}

/** Discord JSON error codes after which no further callback can reach the user or is needed. */
const alreadyAcknowledged = 40060;
const unknownInteraction = 10062;

function discordErrorCode(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

function fallbackResponse(interaction: APIInteraction): APIInteractionResponse {
  if (interaction.type === InteractionType.ApplicationCommandAutocomplete) {
    return { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } };
  }
  return {
    type: InteractionResponseType.ChannelMessageWithSource,
    data: {
      content: catalogueOf(interaction).apology,
      flags: MessageFlags.Ephemeral,
      allowed_mentions: { parse: [] },
    },
  };
}

/**
 * When the answer could not be delivered (rejected with a 4xx, or still failing after discord.js's retries),
 * the interaction is normally not acknowledged yet, so the apology goes out as its callback. A follow-up
 * message would not work here: Discord answers 404 Unknown Webhook (10015) to follow-ups on an
 * interaction that was never acknowledged. Nothing is sent when Discord says the interaction was already
 * acknowledged (an earlier attempt did get through, the user has the answer) or is unknown (too late).
 */
async function apologize(
  client: Client,
  interaction: APIInteraction,
  error: unknown,
  logger: Logger,
): Promise<void> {
  if (
    interaction.type === InteractionType.ApplicationCommandAutocomplete ||
    interaction.type === InteractionType.Ping
  ) {
    return;
  }
  const code = discordErrorCode(error);
  if (code === alreadyAcknowledged || code === unknownInteraction) return;
  try {
    await postCallback(client, interaction, fallbackResponse(interaction));
    logger.warn({ interaction: describeInteraction(interaction) }, 'answered with an apology instead');
  } catch (apologyError) {
    if (discordErrorCode(apologyError) === alreadyAcknowledged) return;
    logger.error(
      { err: restErrorSummary(apologyError), interaction: describeInteraction(interaction) },
      'apology failed too',
    );
  }
}
