/**
 * The interactions endpoint on Node: a small node:http adapter around the web-standard handler (endpoint.ts),
 * with node:crypto's Ed25519 verify (faster here than WebCrypto), Node's timeouts, refused requests logged as a
 * summary, and a graceful close. No discord.js.
 */
import { createPublicKey, type KeyObject, verify } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { interactionLogger, type Logger, logHandlerError, logInteraction } from '../../logger.js';
import type { BotMetrics } from '../../metrics/metrics.js';
import { rejectionLog } from '../../metrics/rejections.js';
import type { BotContext } from '../../toolkit/command.js';
import { editOriginalWithFiles, originalMessageUrl } from './deliver-files.js';
import {
  createInteractionsHandler,
  httpLimits,
  internalError,
  isPublicKeyHex,
  jsonHeaders,
  publicKeyProblem,
  type Rejection,
  rejections,
} from './endpoint.js';

export interface HttpServerOptions {
  context: BotContext;
  publicKeyHex: string;
  /** Default 127.0.0.1, and port 0: a free port chosen by the OS (see `url`). */
  host?: string;
  port?: number;
  logger?: Logger;
  metrics?: BotMetrics;
  /** Discord's REST base, for replies with files; without it they are answered with their text at once. */
  apiUrl?: string;
  /** DISCORD_APPLICATION_ID when set: follow-up edits are sent for this application only. */
  applicationId?: string;
}

export type RunningHttpServer = Awaited<ReturnType<typeof startHttpServer>>;
type Count = (rejection: Rejection) => void;

/** The KeyObject for a 64-hex-character raw public key (DER prefix of RFC 8410 + the key). Throws on a bad key. */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!isPublicKeyHex(hex)) throw new Error(publicKeyProblem);
  const key = Buffer.from(`302a300506032b6570032100${hex}`, 'hex');
  return createPublicKey({ key, format: 'der', type: 'spki' });
}

/** The body as a web stream, read from the socket only as the handler pulls it; cancelling leaves the rest. */
function bodyOf(req: IncomingMessage): ReadableStream<Uint8Array> {
  let ended = false;
  return new ReadableStream(
    {
      start(controller) {
        req.on('data', (chunk: Buffer) => {
          controller.enqueue(chunk);
          req.pause();
        });
        req.on('end', () => {
          ended = true;
          controller.close();
        });
        // Closed before its end: the client went away, or Node timed the request out.
        req.on('close', () => ended || controller.error(new Error('request aborted')));
        req.on('error', () => {});
      },
      pull: () => void req.resume(),
    },
    { highWaterMark: 0 },
  );
}

function toRequest(req: IncomingMessage): Request {
  const headers: [string, string][] = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2)
    headers.push([`${req.rawHeaders[i]}`, `${req.rawHeaders[i + 1]}`]);
  // fetch forbids TRACE and TRACK in a Request: they get what any method a path does not take gets.
  const method = /^TRAC[EK]$/.test(req.method ?? '') ? 'OPTIONS' : (req.method ?? 'GET');
  const body = method === 'GET' || method === 'HEAD' ? null : bodyOf(req);
  const path = req.url?.startsWith('/') ? req.url : `/${req.url}`;
  return new Request(`http://localhost${path}`, { method, headers, body, duplex: 'half' } as RequestInit);
}

/** Writes a web Response: one writeHead, one end. */
async function send(res: ServerResponse, response: Response, closing: boolean): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const head = [...response.headers].flat();
  if (closing && !response.headers.has('connection')) head.push('Connection', 'close');
  res.writeHead(response.status, [...head, 'Content-Length', String(body.length)]).end(body);
}

/** What Node's parser refuses before the handler sees a request (timeouts, malformed HTTP), answered alike. */
function clientError(error: Error & { code?: string; reason?: string }, socket: Socket, count: Count): void {
  const inFlight = (socket as unknown as { _httpMessage?: ServerResponse })._httpMessage;
  if (!socket.writable || inFlight?.headersSent) return void socket.destroy();
  const rejection =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? rejections.timeout
      : /Content-Length/.test(error.reason ?? '')
        ? rejections.lengthAndChunked
        : rejections.malformed;
  const body = JSON.stringify({ error: rejection.error });
  const head = Object.entries({ ...jsonHeaders, 'Content-Length': body.length, Connection: 'close' });
  const status = `HTTP/1.1 ${rejection.status} ${STATUS_CODES[rejection.status]}`;
  socket.end(`${status}\r\n${head.map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n${body}`);
  count(rejection);
}

export async function startHttpServer(options: HttpServerOptions) {
  const { context, host = '127.0.0.1', port = 0, logger, metrics, apiUrl, applicationId } = options;
  const key = publicKeyFromHex(options.publicKeyHex);
  const refused = rejectionLog(httpLimits.rejectionLogIntervalMs, logger, metrics);
  // A logger without redaction paths: describeInteraction copies only harmless fields (redaction costs ~30 µs).
  const interactionLog = logger && interactionLogger(logger);
  let closing = false;

  const handle = createInteractionsHandler({
    context,
    // The callback form runs on libuv's thread pool: the event loop meanwhile reads and answers other requests
    // (on 2 cores, twice the requests/s of the same call made synchronously: docs/BENCHMARKS.md, the floor rows).
    verify: (message, signature) =>
      new Promise((resolve) =>
        verify(null, message, key, signature, (error, valid) => resolve(!error && valid)),
      ),
    reportError: logger ? logHandlerError(logger) : () => {},
    deliverFiles(interaction, data, files) {
      const url = apiUrl && originalMessageUrl(apiUrl, interaction, applicationId);
      if (url) void editOriginalWithFiles(url, interaction, data, files, logger);
      return Boolean(url);
    },
    onRejected: refused.count,
    onAnswered({ interaction, outcome, responseType, latencyMs }) {
      metrics?.interaction(interaction, outcome, latencyMs);
      if (interactionLog)
        logInteraction(interactionLog, interaction, { latencyMs, outcome, responseType, transport: 'http' });
    },
    closing: () => closing,
  });

  const server = createServer(
    {
      requestTimeout: httpLimits.requestTimeoutMs,
      headersTimeout: httpLimits.headersTimeoutMs,
      keepAliveTimeout: httpLimits.keepAliveTimeoutMs,
      // How often Node checks the two timeouts above (the default 30 s would let them overrun that much).
      connectionsCheckingInterval: 1_000,
    },
    (req, res) => {
      if (metrics) res.once('close', metrics.requestStarted());
      new Promise<Response>((resolve) => resolve(handle(toRequest(req)))).then(
        (response) => (res.destroyed ? undefined : send(res, response, closing)),
        (error: unknown) => {
          logger?.error({ err: error }, 'request failed');
          if (res.headersSent) res.destroy();
          else void send(res, internalError(), closing);
        },
      );
    },
  );
  server.on('clientError', (error, socket: Socket) => clientError(error, socket, refused.count));
  server.setTimeout(httpLimits.socketIdleTimeoutMs);

  await once(server.listen(port, host), 'listening');
  server.on('error', (error) => logger?.error({ err: error }, 'server error'));

  const address = server.address() as AddressInfo;
  const shownHost = address.address.includes(':') ? `[${address.address}]` : address.address;
  let closed: Promise<void> | undefined;
  return {
    /** e.g. http://127.0.0.1:3000 */
    url: `http://${shownHost}:${address.port}`,
    server,
    /** Stops accepting, lets in-flight requests finish (up to shutdownGraceMs), then resolves. */
    close(): Promise<void> {
      closed ??= new Promise<void>((resolve) => {
        closing = true;
        const force = setTimeout(() => server.closeAllConnections(), httpLimits.shutdownGraceMs).unref();
        server.close(() => {
          clearTimeout(force);
          refused.stop();
          resolve();
        });
        server.closeIdleConnections();
      });
      return closed;
    },
  };
}
