/**
 * What the HTTP endpoint answers, independent of the server that carries it: limits, routes, rejections and
 * the answer to a verified body. Shared by the Node endpoint (server.ts) and the Cloudflare Worker
 * (../worker), so both give the same status codes for the same requests. No Node-only imports.
 */
import type { APIInteraction, APIInteractionResponse } from 'discord-api-types/v10';
import { type ErrorReporter, handleInteraction } from '../../interactions/handle.js';
import { parseInteraction } from '../../interactions/parse.js';
import type { BotContext } from '../../toolkit/command.js';

/**
 * Limits and timeouts. Discord's interaction payloads are a few KiB (a big guild member with resolved data
 * stays well under 16 KiB), so 64 KiB is generous; Discord waits 3 s for an answer, so a request that is
 * still arriving after 10 s is not Discord. (The timeouts apply to the Node server; the Workers runtime
 * keeps its own.)
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

/** Response headers of every answer, as the flat name/value list Node's `writeHead` takes. */
export const jsonHeaders = [
  'Content-Type',
  'application/json',
  'Cache-Control',
  'no-store',
  'X-Content-Type-Options',
  'nosniff',
] as const;

/** A request refused: its status and the short JSON error; never any detail of what went wrong inside. */
export interface Rejection {
  status: number;
  error: string;
  /** Close the connection after answering (the rest of the request is not worth reading). */
  closeConnection?: boolean;
  /** For 405: the methods the path takes. */
  allow?: string;
}

export const rejections = {
  notFound: { status: 404, error: 'not found', closeConnection: true },
  badSignature: { status: 401, error: 'invalid request signature' },
  /** Before the body was read: the connection is closed rather than drained. */
  unsignedHeaders: { status: 401, error: 'invalid request signature', closeConnection: true },
  notJson: { status: 400, error: 'body is not JSON' },
  notInteraction: { status: 400, error: 'body is not an interaction' },
  bodyTimeout: { status: 408, error: 'body not received in time', closeConnection: true },
} as const satisfies Record<string, Rejection>;

export function tooLarge(maxBodyBytes: number): Rejection {
  return { status: 413, error: `body larger than ${maxBodyBytes} bytes`, closeConnection: true };
}

export const internalErrorBody = '{"error":"internal server error"}';

/** The paths served and the methods each takes (`Allow` header format). */
export type Routes = Readonly<Record<string, string>>;

export const interactionRoutes: Routes = { '/interactions': 'POST', '/healthz': 'GET, HEAD' };

/** The path a request is for, or the rejection (404, or 405 with Allow) when it cannot be served. */
export function routeOf(routes: Routes, method: string | undefined, path: string): string | Rejection {
  const allow = Object.hasOwn(routes, path) ? routes[path] : undefined;
  if (allow === undefined) return rejections.notFound;
  if (!allow.split(', ').includes(method ?? '')) {
    return { status: 405, error: 'method not allowed', allow, closeConnection: true };
  }
  return path;
}

/** The path of a request target (`/interactions?x=1` → `/interactions`). */
export function pathOf(target: string): string {
  const query = target.indexOf('?');
  return query === -1 ? target : target.slice(0, query);
}

export function healthBody(closing: boolean): { status: number; body: string } {
  return closing
    ? { status: 503, body: '{"status":"shutting down"}' }
    : { status: 200, body: '{"status":"ok"}' };
}

export interface Answered {
  interaction: APIInteraction;
  response: APIInteractionResponse;
  /** A handler threw (and was reported): the response is the apology. */
  failed: boolean;
}

/** The answer to a body whose signature verified: the shared router's response, or 400 for what is not one. */
export function answerVerifiedBody(
  text: string,
  context: BotContext,
  reportError: ErrorReporter,
): Answered | Rejection {
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    return rejections.notJson;
  }
  const interaction = parseInteraction(payload);
  if (!interaction) return rejections.notInteraction;
  let failed = false;
  const response = handleInteraction(interaction, context, (error, failing) => {
    failed = true;
    reportError(error, failing);
  });
  return { interaction, response, failed };
}

export function isRejection(value: object): value is Rejection {
  return 'status' in value;
}
