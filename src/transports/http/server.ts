/**
 * The HTTP interactions endpoint on Node: a small node:http adapter around the web-standard handler
 * (endpoint.ts), with node:crypto's synchronous Ed25519 verify (about twice as fast here as WebCrypto), Node's
 * header and request timeouts, a log that summarises refused requests, and a graceful close. No discord.js.
 */
import { createPublicKey, type KeyObject, verify } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { BotContext } from '../../interactions/context.js';
import { interactionLogger, type Logger, logHandlerError, logInteraction } from '../../logger.js';
import type { BotMetrics } from '../../metrics/metrics.js';
import { editOriginalWithFiles, originalMessageUrl } from './deliver-files.js';
import {
  createInteractionsHandler,
  httpLimits,
  internalError,
  isPublicKeyHex,
  publicKeyProblem,
  type Rejection,
  refusal,
  rejections,
} from './endpoint.js';

export { httpLimits } from './endpoint.js';

export interface HttpServerOptions {
  context: BotContext;
  /** The application's public key: 64 hex characters. */
  publicKeyHex: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: a free port chosen by the OS (see `url`). */
  port?: number;
  logger?: Logger;
  /** Counts interactions, rejections and requests in flight (served on METRICS_PORT, see src/metrics). */
  metrics?: BotMetrics;
  /**
   * Discord's REST base, for replies with files (deliver-files.ts). Without it such replies are answered
   * with their text fallback at once (and nothing is ever sent anywhere but the HTTP response).
   */
  apiUrl?: string;
  /** DISCORD_APPLICATION_ID when set: follow-up edits are sent only for this application. */
  applicationId?: string;
}

export interface RunningHttpServer {
  /** e.g. http://127.0.0.1:3000 */
  url: string;
  server: Server;
  /** Stops accepting, lets in-flight requests finish (up to shutdownGraceMs), then resolves. */
  close(): Promise<void>;
}

/** DER prefix that turns a raw 32-byte Ed25519 key into an SPKI structure (RFC 8410). */
const spkiPrefix = Buffer.from('302a300506032b6570032100', 'hex');

/** The KeyObject for a 64-hex-character raw public key; create it once, at start-up. Throws on a bad key. */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!isPublicKeyHex(hex)) throw new Error(publicKeyProblem);
  const key = Buffer.concat([spkiPrefix, Buffer.from(hex, 'hex')]);
  return createPublicKey({ key, format: 'der', type: 'spki' });
}

/** Counts refused requests by reason and logs them as one warn line per interval, not one per request. */
function rejectionLog(logger?: Logger, metrics?: BotMetrics) {
  let counts = new Map<string, number>();
  const flush = () => {
    if (!counts.size) return;
    const rejected = Object.fromEntries(counts);
    const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
    counts = new Map();
    logger?.warn(
      { rejected, intervalS: httpLimits.rejectionLogIntervalMs / 1000 },
      `${total} requests refused`,
    );
  };
  const timer = setInterval(flush, httpLimits.rejectionLogIntervalMs).unref();
  return {
    count({ status, error }: Rejection) {
      metrics?.rejected(status);
      const reason = `${status} ${error}`;
      counts.set(reason, (counts.get(reason) ?? 0) + 1);
    },
    stop() {
      clearInterval(timer);
      flush();
    },
  };
}

/** The request body as a web stream, read from the socket only as the handler pulls it. */
function bodyOf(req: IncomingMessage): ReadableStream<Uint8Array> {
  return new ReadableStream(
    {
      start(controller) {
        let ended = false;
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
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    headers.append(req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string);
  }
  // fetch forbids TRACE and TRACK in a Request: they get what any other method a path does not take gets.
  const method = /^TRAC[EK]$/.test(req.method ?? '') ? 'OPTIONS' : (req.method ?? 'GET');
  const path = req.url?.startsWith('/') ? req.url : `/${req.url ?? ''}`;
  const body = method === 'GET' || method === 'HEAD' ? null : bodyOf(req);
  return new Request(`http://localhost${path}`, { method, headers, body, duplex: 'half' } as RequestInit);
}

/** Writes a web Response: one writeHead, one end. */
async function send(res: ServerResponse, response: Response, closing: boolean): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const head: string[] = [];
  for (const [name, value] of response.headers) head.push(name, value);
  if (closing && !response.headers.has('connection')) head.push('Connection', 'close');
  res.writeHead(response.status, [...head, 'Content-Length', String(body.length)]);
  res.end(body);
}

function formatUrl(address: AddressInfo): string {
  const host = address.address.includes(':') ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

export async function startHttpServer({
  context,
  publicKeyHex,
  host = '127.0.0.1',
  port = 0,
  logger,
  metrics,
  apiUrl,
  applicationId,
}: HttpServerOptions): Promise<RunningHttpServer> {
  const key = publicKeyFromHex(publicKeyHex);
  const refused = rejectionLog(logger, metrics);
  // One line per interaction, through a logger without redaction paths: describeInteraction copies only
  // harmless fields, so there is nothing to redact, and pino's redaction costs ~30 µs a line.
  const interactionLog = logger && interactionLogger(logger);
  let closing = false;

  const handle = createInteractionsHandler({
    context,
    verify: (message, signature) => verify(null, message, key, signature),
    reportError: logger ? logHandlerError(logger) : () => {},
    deliverFiles: (interaction, data, files) => {
      const url = apiUrl && originalMessageUrl(apiUrl, interaction, applicationId);
      if (url) void editOriginalWithFiles(url, interaction, data, files, logger);
      return Boolean(url);
    },
    onRejected: refused.count,
    onAnswered: ({ interaction, outcome, responseType, latencyMs }) => {
      metrics?.interaction(interaction, outcome, latencyMs);
      if (interactionLog) {
        logInteraction(interactionLog, interaction, { latencyMs, outcome, responseType, transport: 'http' });
      }
    },
    closing: () => closing,
  });

  function fail(res: ServerResponse, error: unknown): void {
    logger?.error({ err: error }, 'request failed');
    if (res.headersSent) res.destroy();
    else void send(res, internalError(), closing);
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
      if (metrics) res.once('close', metrics.requestStarted());
      let request: Request;
      try {
        request = toRequest(req);
      } catch {
        refused.count(rejections.malformed);
        void send(res, refusal(rejections.malformed), closing);
        return;
      }
      handle(request).then(
        (response) => (res.destroyed ? undefined : send(res, response, closing)),
        (error: unknown) => fail(res, error),
      );
    },
  );
  // What Node refuses before a request reaches the handler (timeouts, malformed HTTP) is counted and logged
  // the same way; Node would otherwise answer it alone, unseen.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    const inFlight = (socket as unknown as { _httpMessage?: ServerResponse })._httpMessage;
    if (!socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const rejection =
      error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? rejections.timeout
        : /Content-Length/.test((error as { reason?: string }).reason ?? '')
          ? rejections.lengthAndChunked
          : rejections.malformed;
    refused.count(rejection);
    const body = JSON.stringify({ error: rejection.error });
    const reason = rejection.status === 408 ? 'Request Timeout' : 'Bad Request';
    socket.end(
      `HTTP/1.1 ${rejection.status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ` +
        `${body.length}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  server.keepAliveTimeout = httpLimits.keepAliveTimeoutMs;
  server.setTimeout(httpLimits.socketIdleTimeoutMs);

  await new Promise<void>((resolve, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(port, host, () => {
      server.off('error', rejectListen);
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
          refused.stop();
          resolve();
        });
        server.closeIdleConnections();
      });
      return closed;
    },
  };
}
