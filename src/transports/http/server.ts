/**
 * The HTTP interactions endpoint: Discord POSTs each interaction to /interactions and takes the answer from
 * the HTTP response. Built on node:http only (no discord.js, for a fast start). Every request is verified
 * (Ed25519) before its body is parsed; bodies are capped, slow clients are timed out, and no error detail
 * ever reaches a response.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type {
  APIInteractionResponse,
  APIInteractionResponseCallbackData,
} from 'discord-api-types/payloads/v10';
import { interactionLogger, type Logger, logHandlerError, logInteraction } from '../../logger.js';
import type { BotMetrics } from '../../metrics/metrics.js';
import { sendMetrics } from '../../metrics/server.js';
import type { BotContext } from '../../toolkit/command.js';
import { InteractionResponseType } from '../../toolkit/discord-enums.js';
import { filesOf, withoutFiles } from '../../toolkit/files.js';
import { deferredResponseBody, editOriginalWithFiles } from './deliver-files.js';
import {
  answerVerifiedBody,
  healthBody,
  httpLimits,
  interactionRoutes,
  internalErrorBody,
  isRejection,
  jsonHeaders,
  pathOf,
  type Rejection,
  rejections,
  routeOf,
  tooLarge as tooLargeFor,
} from './protocol.js';
import { hasSignatureHeaders, publicKeyFromHex, verifySignatureInBackground } from './verify-signature.js';

export { httpLimits } from './protocol.js';

export interface HttpServerOptions {
  context: BotContext;
  /** The application's public key: 64 hex characters. */
  publicKeyHex: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: a free port chosen by the OS (see `url`). */
  port?: number;
  logger?: Logger;
  /** Counts interactions, rejections and requests in flight (see src/metrics). */
  metrics?: BotMetrics;
  /** Also serve GET /metrics on this port (when metrics are kept and METRICS_PORT does not move them). */
  serveMetrics?: boolean;
  /**
   * Discord's REST base, for replies with files (deliver-files.ts). Without it such replies are answered
   * with their text fallback at once (and nothing is ever sent anywhere but the HTTP response).
   */
  apiUrl?: string;
  /** Overrides for tests. */
  maxBodyBytes?: number;
  bodyTimeoutMs?: number;
}

export interface RunningHttpServer {
  /** e.g. http://127.0.0.1:3000 */
  url: string;
  server: Server;
  /** Stops accepting, lets in-flight requests finish (up to shutdownGraceMs), then resolves. */
  close(): Promise<void>;
}

/**
 * The value of a request header that must appear exactly once, read from `rawHeaders` (name, value, name,
 * value...: every copy as sent, names in their original case); undefined when it is missing or repeated.
 * Cheaper than `headersDistinct`, which builds a second object of arrays for every request.
 */
function singleHeader(rawHeaders: readonly string[], lowerCaseName: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] as string;
    if (name.length === lowerCaseName.length && name.toLowerCase() === lowerCaseName) {
      if (value !== undefined) return undefined;
      value = rawHeaders[i + 1] as string;
    }
  }
  return value;
}

/**
 * The response body: exactly `JSON.stringify(response)` (as UTF-8 bytes when spliced). Cards are built once and frozen
 * (see src/cards), so each frozen embed is serialized and encoded once and its bytes reused: the rest of the
 * message is serialized around a placeholder that no real text can contain (random per process), and the
 * cached bytes go where it stands. Most of a /partner answer is its card, so this saves most of the work.
 */
const embedsPlaceholder = `embeds:${randomBytes(16).toString('hex')}`;
const quotedPlaceholder = `"${embedsPlaceholder}"`;
const embedBytes = new WeakMap<object, Buffer>();
const [openBracket, comma, closeBracket] = ['[', ',', ']'].map((text) => Buffer.from(text));

function responseBody(response: APIInteractionResponse): string | Buffer {
  const data = 'data' in response ? response.data : undefined;
  const embeds = (data as { embeds?: readonly object[] } | undefined)?.embeds;
  if (!embeds?.length || !embeds.every((embed) => Object.isFrozen(embed))) return JSON.stringify(response);
  // Same keys in the same order: `embeds` keeps its place in the copy.
  const text = JSON.stringify({ ...response, data: { ...data, embeds: embedsPlaceholder } });
  const at = text.indexOf(quotedPlaceholder);
  const parts = [Buffer.from(text.slice(0, at)), openBracket as Buffer];
  embeds.forEach((embed, index) => {
    let bytes = embedBytes.get(embed);
    if (!bytes) {
      bytes = Buffer.from(JSON.stringify(embed));
      embedBytes.set(embed, bytes);
    }
    if (index) parts.push(comma as Buffer);
    parts.push(bytes);
  });
  parts.push(closeBracket as Buffer, Buffer.from(text.slice(at + quotedPlaceholder.length)));
  return Buffer.concat(parts);
}

function formatUrl(address: AddressInfo): string {
  const host =
    address.family === 'IPv6' || address.address.includes(':') ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

export async function startHttpServer({
  context,
  publicKeyHex,
  host = '127.0.0.1',
  port = 0,
  logger,
  metrics,
  serveMetrics = false,
  apiUrl,
  maxBodyBytes = httpLimits.maxBodyBytes,
  bodyTimeoutMs = httpLimits.bodyTimeoutMs,
}: HttpServerOptions): Promise<RunningHttpServer> {
  const key = publicKeyFromHex(publicKeyHex);
  const reportError = logger ? logHandlerError(logger) : () => {};
  // One line per interaction, through a logger without redaction paths: describeInteraction copies only
  // harmless fields, so there is nothing to redact, and pino's redaction costs ~30 µs a line.
  const interactionLog = logger && interactionLogger(logger);
  const tooLarge = tooLargeFor(maxBodyBytes);
  const routes =
    serveMetrics && metrics ? { ...interactionRoutes, '/metrics': 'GET, HEAD' } : interactionRoutes;
  let closing = false;

  /**
   * Bodies still arriving, with the time (performance.now()) by which they must be complete. One timer sweeps
   * them all (as Node itself does for requestTimeout), instead of a timer per request.
   */
  const arriving = new Map<IncomingMessage, { res: ServerResponse; deadline: number }>();
  const sweepEveryMs = Math.min(1_000, Math.max(10, Math.floor(bodyTimeoutMs / 4)));
  const sweeper = setInterval(() => {
    const now = performance.now();
    for (const [req, { res, deadline }] of arriving) {
      if (req.destroyed || res.destroyed)
        arriving.delete(req); // the client went away: nobody to answer
      else if (now >= deadline) {
        arriving.delete(req);
        reject(req, res, rejections.bodyTimeout);
      }
    }
  }, sweepEveryMs);
  sweeper.unref();

  /** One writeHead, one end: the headers and the body leave in a single write. */
  function send(
    res: ServerResponse,
    status: number,
    body: string | Buffer,
    extraHeaders?: readonly string[],
  ): void {
    const length = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
    const headers: (string | number)[] = [...jsonHeaders, 'Content-Length', length];
    if (extraHeaders) headers.push(...extraHeaders);
    if (closing && !extraHeaders?.includes('Connection')) headers.push('Connection', 'close');
    res.writeHead(status, headers);
    res.end(body);
  }

  function reject(
    req: IncomingMessage,
    res: ServerResponse,
    { status, error, closeConnection, allow }: Rejection,
  ): void {
    const extra: string[] = [];
    if (allow) extra.push('Allow', allow);
    if (closeConnection) extra.push('Connection', 'close');
    send(res, status, JSON.stringify({ error }), extra.length ? extra : undefined);
    metrics?.rejected(status);
    const line = { status, reason: error, method: req.method, path: req.url?.slice(0, 100) };
    if (status === 404 || status === 405) logger?.debug(line, 'request rejected');
    else logger?.warn(line, 'request rejected');
  }

  function fail(req: IncomingMessage, res: ServerResponse, error: unknown): void {
    logger?.error({ err: error, method: req.method, path: req.url?.slice(0, 100) }, 'request failed');
    if (!res.headersSent) send(res, 500, internalErrorBody, ['Connection', 'close']);
    else res.destroy();
  }

  function onInteraction(req: IncomingMessage, res: ServerResponse): void {
    const started = performance.now();
    const signature = singleHeader(req.rawHeaders, 'x-signature-ed25519');
    const timestamp = singleHeader(req.rawHeaders, 'x-signature-timestamp');

    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) > maxBodyBytes) {
      reject(req, res, tooLarge);
      return;
    }
    // Refused before reading a byte of the body.
    if (!hasSignatureHeaders(signature, timestamp)) {
      reject(req, res, rejections.unsignedHeaders);
      return;
    }

    // The body, read up to maxBodyBytes: usually one chunk, kept as is.
    let first: Buffer | undefined;
    let chunks: Buffer[] | undefined;
    let size = 0;
    arriving.set(req, { res, deadline: started + bodyTimeoutMs });
    req.on('data', (chunk: Buffer) => {
      if (!arriving.has(req)) return; // already answered (too large, or too late)
      size += chunk.length;
      if (size > maxBodyBytes) {
        arriving.delete(req);
        req.pause();
        reject(req, res, tooLarge);
      } else if (first === undefined) first = chunk;
      else if (chunks) chunks.push(chunk);
      else chunks = [first, chunk];
    });
    req.on('end', () => {
      if (!arriving.delete(req)) return;
      const body = chunks ? Buffer.concat(chunks, size) : (first ?? Buffer.alloc(0));
      verifySignatureInBackground(key, signature, timestamp, body, (valid) => {
        if (res.destroyed) return; // the client went away while the signature was checked
        try {
          if (valid) answer(req, res, body, started);
          else reject(req, res, rejections.badSignature);
        } catch (error) {
          fail(req, res, error);
        }
      });
    });
  }

  /** A verified request: its interaction answered by the shared router. */
  function answer(req: IncomingMessage, res: ServerResponse, body: Buffer, started: number): void {
    const answered = answerVerifiedBody(body.toString('utf8'), context, reportError);
    if (isRejection(answered)) {
      reject(req, res, answered);
      return;
    }
    const { interaction, response, failed } = answered;
    const files = filesOf(response);
    const deferred = files?.[0] !== undefined && apiUrl !== undefined;
    if (deferred) {
      const data = (response as { data: APIInteractionResponseCallbackData }).data;
      send(res, 200, deferredResponseBody(data));
      void editOriginalWithFiles(apiUrl, interaction, data, files, logger);
    } else if (files?.[0]) send(res, 200, responseBody(withoutFiles(response)));
    else send(res, 200, responseBody(response));
    const latencyMs = performance.now() - started;
    const outcome = failed ? 'error' : 'ok';
    metrics?.interaction(interaction, outcome, latencyMs);
    if (interactionLog) {
      logInteraction(interactionLog, interaction, {
        latencyMs,
        outcome,
        // A reply with a picture is first answered "thinking…" (type 5); the file follows by webhook.
        responseType: deferred ? InteractionResponseType.DeferredChannelMessageWithSource : response.type,
        transport: 'http',
      });
    }
  }

  function onRequest(req: IncomingMessage, res: ServerResponse): void {
    const route = routeOf(routes, req.method, pathOf(req.url ?? ''));
    if (typeof route !== 'string') reject(req, res, route);
    else if (route === '/interactions') {
      if (metrics) res.once('close', metrics.requestStarted());
      onInteraction(req, res);
    } else if (route === '/healthz') {
      const health = healthBody(closing);
      send(res, health.status, health.body);
    } else if (metrics) sendMetrics(res, metrics, logger);
  }

  const server = createServer(
    {
      requestTimeout: httpLimits.requestTimeoutMs,
      headersTimeout: httpLimits.headersTimeoutMs,
      keepAliveTimeout: httpLimits.keepAliveTimeoutMs,
      // How often Node checks the two timeouts above (default 30 s would let them overrun by that much).
      connectionsCheckingInterval: 1_000,
    },
    (req, res) => {
      try {
        onRequest(req, res);
      } catch (error) {
        fail(req, res, error);
      }
    },
  );
  server.keepAliveTimeout = httpLimits.keepAliveTimeoutMs;
  server.setTimeout(httpLimits.socketIdleTimeoutMs);
  server.once('close', () => clearInterval(sweeper));

  await new Promise<void>((resolve, rejectListen) => {
    const notListening = (error: Error) => {
      clearInterval(sweeper);
      rejectListen(error);
    };
    server.once('error', notListening);
    server.listen(port, host, () => {
      server.off('error', notListening);
      resolve();
    });
  });
  server.on('error', (error) => logger?.error({ err: error }, 'server error'));

  let closed: Promise<void> | undefined;
  return {
    url: formatUrl(server.address() as AddressInfo),
    server,
    close() {
      closed ??= new Promise<void>((resolve) => {
        closing = true;
        const force = setTimeout(() => server.closeAllConnections(), httpLimits.shutdownGraceMs);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      });
      return closed;
    },
  };
}
