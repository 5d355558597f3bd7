/**
 * The HTTP interactions endpoint: Discord POSTs each interaction to /interactions and takes the answer from
 * the HTTP response. Built on node:http only (no discord.js, for a fast start). Every request is verified
 * (Ed25519) before its body is parsed; bodies are capped, slow clients are timed out, and no error detail
 * ever reaches a response.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { APIInteractionResponse } from 'discord-api-types/payloads/v10';
import type { BotContext } from '../../interactions/context.js';
import { handleInteraction } from '../../interactions/handle.js';
import { parseInteraction } from '../../interactions/parse.js';
import { type Logger, logHandlerError, logInteraction } from '../../logger.js';
import { hasSignatureHeaders, publicKeyFromHex, verifySignature } from './verify-signature.js';

/**
 * Limits and timeouts. Discord's interaction payloads are a few KiB (a big guild member with resolved data
 * stays well under 16 KiB), so 64 KiB is generous; Discord waits 3 s for an answer, so a request that is
 * still arriving after 10 s is not Discord.
 */
export const httpLimits = {
  /** Largest accepted body; more → 413, the connection is closed without reading the rest. */
  maxBodyBytes: 64 * 1024,
  /** Time to receive all request headers (Node's headersTimeout). */
  headersTimeoutMs: 10_000,
  /** Time to receive the whole request, headers and body (Node's requestTimeout). */
  requestTimeoutMs: 15_000,
  /** Time to receive the body once the headers are in; more → 408. */
  bodyTimeoutMs: 10_000,
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: 5_000,
  /** A socket with no activity at all for this long is destroyed. */
  socketIdleTimeoutMs: 30_000,
  /** On close(), connections still busy after this are cut. */
  shutdownGraceMs: 10_000,
} as const;

export interface HttpServerOptions {
  context: BotContext;
  /** The application's public key: 64 hex characters. */
  publicKeyHex: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: a free port chosen by the OS (see `url`). */
  port?: number;
  logger?: Logger;
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

type Reject = { status: number; error: string; closeConnection?: boolean };

const jsonHeaders = {
  'Content-Type': 'application/json',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

const allowedMethods: Record<string, string> = {
  '/interactions': 'POST',
  '/healthz': 'GET, HEAD',
};

type BodyResult = { ok: true; body: Buffer } | { ok: false; reject?: Reject };

/** Reads the body up to `limit` bytes; stops at the first byte over it, or when the time is up. */
function readBody(req: IncomingMessage, limit: number, timeoutMs: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyResult) => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onGone);
      req.off('close', onGone);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        finish({
          ok: false,
          reject: { status: 413, error: `body larger than ${limit} bytes`, closeConnection: true },
        });
      } else chunks.push(chunk);
    };
    const onEnd = () => finish({ ok: true, body: Buffer.concat(chunks, size) });
    // The client went away: nobody to answer.
    const onGone = () => finish({ ok: false });
    const timer = setTimeout(
      () =>
        finish({
          ok: false,
          reject: { status: 408, error: 'body not received in time', closeConnection: true },
        }),
      timeoutMs,
    );
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onGone);
    req.on('close', onGone);
  });
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
  maxBodyBytes = httpLimits.maxBodyBytes,
  bodyTimeoutMs = httpLimits.bodyTimeoutMs,
}: HttpServerOptions): Promise<RunningHttpServer> {
  const key = publicKeyFromHex(publicKeyHex);
  const reportError = logger ? logHandlerError(logger) : () => {};
  let closing = false;

  function send(
    res: ServerResponse,
    status: number,
    body: unknown,
    extraHeaders: Record<string, string> = {},
  ): void {
    const text = JSON.stringify(body);
    const headers: Record<string, string | number> = {
      ...jsonHeaders,
      'Content-Length': Buffer.byteLength(text),
      ...extraHeaders,
    };
    if (closing) headers.Connection = 'close';
    res.writeHead(status, headers);
    res.end(text);
  }

  function reject(
    req: IncomingMessage,
    res: ServerResponse,
    { status, error, closeConnection }: Reject,
  ): void {
    send(res, status, { error }, closeConnection ? { Connection: 'close' } : {});
    const line = { status, reason: error, method: req.method, path: req.url?.slice(0, 100) };
    if (status === 404 || status === 405) logger?.debug(line, 'request rejected');
    else logger?.warn(line, 'request rejected');
  }

  async function onInteraction(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const signature = req.headersDistinct['x-signature-ed25519'];
    const timestamp = req.headersDistinct['x-signature-timestamp'];

    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) > maxBodyBytes) {
      return reject(req, res, {
        status: 413,
        error: `body larger than ${maxBodyBytes} bytes`,
        closeConnection: true,
      });
    }
    // Refused before reading a byte of the body.
    if (!hasSignatureHeaders(signature, timestamp)) {
      return reject(req, res, { status: 401, error: 'invalid request signature', closeConnection: true });
    }
    const read = await readBody(req, maxBodyBytes, bodyTimeoutMs);
    if (!read.ok) {
      if (read.reject) reject(req, res, read.reject);
      else res.destroy();
      return;
    }
    if (!verifySignature(key, signature, timestamp, read.body)) {
      return reject(req, res, { status: 401, error: 'invalid request signature' });
    }

    let payload: unknown;
    try {
      payload = JSON.parse(read.body.toString('utf8'));
    } catch {
      return reject(req, res, { status: 400, error: 'body is not JSON' });
    }
    const interaction = parseInteraction(payload);
    if (!interaction) return reject(req, res, { status: 400, error: 'body is not an interaction' });

    let failed = false;
    const response: APIInteractionResponse = handleInteraction(interaction, context, (error, failing) => {
      failed = true;
      reportError(error, failing);
    });
    send(res, 200, response);
    if (logger) {
      logInteraction(logger, interaction, {
        latencyMs: performance.now() - started,
        outcome: failed ? 'error' : 'ok',
        responseType: response.type,
        transport: 'http',
      });
    }
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const allow = allowedMethods[path];
    if (allow === undefined)
      return reject(req, res, { status: 404, error: 'not found', closeConnection: true });
    if (!allow.split(', ').includes(req.method ?? '')) {
      send(res, 405, { error: 'method not allowed' }, { Allow: allow, Connection: 'close' });
      logger?.debug({ status: 405, method: req.method, path }, 'request rejected');
      return;
    }
    if (path === '/healthz') {
      if (closing) return send(res, 503, { status: 'shutting down' });
      return send(res, 200, { status: 'ok' });
    }
    return onInteraction(req, res);
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
      const fail = (error: unknown) => {
        logger?.error({ err: error, method: req.method, path: req.url?.slice(0, 100) }, 'request failed');
        if (!res.headersSent) send(res, 500, { error: 'internal server error' }, { Connection: 'close' });
        else res.destroy();
      };
      try {
        onRequest(req, res).catch(fail);
      } catch (error) {
        fail(error);
      }
    },
  );
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
          resolve();
        });
        server.closeIdleConnections();
      });
      return closed;
    },
  };
}
