/**
 * The interactions endpoint as one web-standard handler, Request in, Response out (the shape of
 * discord/cloudflare-sample-app's fetch handler): the Cloudflare Worker serves it as it is, Node through the
 * node:http adapter in server.ts. The signature check is passed in (node:crypto on Node, WebCrypto in
 * Workers). Statuses, limits and headers are defined here only. No Node-only imports: bundled into the Worker.
 */
import type { APIInteraction, APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import type { BotContext } from '../../interactions/context.js';
import { InteractionResponseType } from '../../interactions/discord-enums.js';
import { filesOf, type ReplyFile, withoutFiles } from '../../interactions/files.js';
import { type ErrorReporter, handleInteraction } from '../../interactions/handle.js';
import { parseInteraction } from '../../interactions/parse.js';
import type { InteractionOutcome } from '../../logger.js';

const maxBodyBytes = 64 * 1024;

/**
 * Discord's payloads are a few KiB and Discord waits 3 s for an answer, so these are generous. The timeouts
 * apply to the Node server (the Workers runtime keeps its own).
 */
export const httpLimits = {
  /** Largest accepted body; more → 413, the rest is not read. */
  maxBodyBytes,
  /** X-Signature-Timestamp further than this from our clock, before or ahead → 401: a replay, or a bad clock. */
  timestampWindowS: 5 * 60,
  /** Time to receive the request headers → 408. */
  headersTimeoutMs: 5_000,
  /** Time to receive the whole request, headers and body → 408. */
  requestTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5_000,
  /** A socket with no activity at all for this long is destroyed. */
  socketIdleTimeoutMs: 30_000,
  /** On close(), connections still busy after this are cut. */
  shutdownGraceMs: 10_000,
  /** Refused requests are logged as one line per this interval, with counts by reason. */
  rejectionLogIntervalMs: 10_000,
} as const;

/** A request refused: its status and the short JSON error; never any detail of what went wrong inside. */
export interface Rejection {
  status: number;
  error: string;
}

export const rejections = {
  notFound: { status: 404, error: 'not found' },
  badSignature: { status: 401, error: 'invalid request signature' },
  staleTimestamp: { status: 401, error: 'request timestamp outside the accepted window' },
  notJson: { status: 400, error: 'body is not JSON' },
  notInteraction: { status: 400, error: 'body is not an interaction' },
  tooDeep: { status: 400, error: 'options nested deeper than Discord nests them' },
  lengthAndChunked: { status: 400, error: 'both Content-Length and Transfer-Encoding' },
  malformed: { status: 400, error: 'malformed request' },
  timeout: { status: 408, error: 'request not received in time' },
  tooLarge: { status: 413, error: `body larger than ${maxBodyBytes} bytes` },
} as const satisfies Record<string, Rejection>;

const headers = {
  'Content-Type': 'application/json',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

function json(status: number, body: string, method: string, extra?: Record<string, string>): Response {
  return new Response(method === 'HEAD' ? null : body, {
    status,
    headers: extra ? { ...headers, ...extra } : headers,
  });
}

/** A refusal closes the connection: what is left of the request is not worth reading. */
export function refusal({ status, error }: Rejection, method = 'POST', allow?: string): Response {
  const extra: Record<string, string> = allow
    ? { Allow: allow, Connection: 'close' }
    : { Connection: 'close' };
  return json(status, JSON.stringify({ error }), method, extra);
}

export function internalError(): Response {
  return json(500, '{"error":"internal server error"}', 'POST', { Connection: 'close' });
}

/** The paths served and the methods each takes (`Allow` header format). */
const routes: Readonly<Record<string, string>> = { '/interactions': 'POST', '/healthz': 'GET, HEAD' };

const publicKeyHex = /^[0-9a-fA-F]{64}$/;
const signatureHex = /^[0-9a-fA-F]{128}$/;
/**
 * Unix seconds in decimal, only digits: the signature covers timestamp and body with nothing between them, so
 * a timestamp that could hold other characters would let bytes of a signed body move into it and still verify.
 */
const timestampDigits = /^\d{1,32}$/;
/** A snowflake's shape: digits, at most 20 (parse.ts checks ids the same way). */
const snowflake = /^\d{1,20}$/;

export function isPublicKeyHex(hex: string): boolean {
  return publicKeyHex.test(hex);
}
export const publicKeyProblem = 'the public key must be 64 hexadecimal characters';

export function hexBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** Ed25519 over `message` (timestamp, then body) with the application's key. */
export type Verify = (message: Uint8Array, signature: Uint8Array) => boolean | Promise<boolean>;

export interface Answered {
  interaction: APIInteraction;
  outcome: InteractionOutcome;
  /** What was sent: 5 ("thinking…") for a reply whose file follows by webhook. */
  responseType: number;
  latencyMs: number;
}

export interface EndpointOptions {
  context: BotContext;
  verify: Verify;
  reportError: ErrorReporter;
  /** Takes a reply's files for a later edit (true), or declines (false): the text fallback is sent at once. */
  deliverFiles?: (
    interaction: APIInteraction,
    data: APIInteractionResponseCallbackData,
    files: readonly ReplyFile[],
  ) => boolean;
  onRejected?: (rejection: Rejection) => void;
  onAnswered?: (answered: Answered) => void;
  /** /healthz answers 503 while this is true. */
  closing?: () => boolean;
}

/** The body, or undefined as soon as it passes the cap (the rest is not read). */
async function readCapped(request: Request): Promise<Uint8Array | undefined> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBodyBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

/** Discord nests options three deep (group → subcommand → option); deeper is refused before validation. */
function nestedTooDeep(options: unknown, depth = 1): boolean {
  if (!Array.isArray(options)) return false;
  if (depth > 3) return true;
  return options.some((option) =>
    nestedTooDeep((option as { options?: unknown } | null)?.options, depth + 1),
  );
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function createInteractionsHandler(options: EndpointOptions): (request: Request) => Promise<Response> {
  const refuse = (rejection: Rejection, method?: string, allow?: string): Response => {
    options.onRejected?.(rejection);
    return refusal(rejection, method, allow);
  };

  async function interaction(request: Request): Promise<Response> {
    const started = performance.now();
    const head = request.headers;
    // Node's parser refuses this itself; workerd lets it through: one rule for both.
    if (head.has('transfer-encoding') && head.has('content-length'))
      return refuse(rejections.lengthAndChunked);
    if (Number(head.get('content-length') ?? 0) > maxBodyBytes) return refuse(rejections.tooLarge);
    // Web Headers join a repeated header with ", ", which is never valid hex: a duplicate is refused too.
    const signature = head.get('x-signature-ed25519')?.trim() ?? '';
    const timestamp = head.get('x-signature-timestamp')?.trim() ?? '';
    if (!signatureHex.test(signature) || !timestampDigits.test(timestamp))
      return refuse(rejections.badSignature);
    if (Math.abs(Date.now() / 1000 - Number(timestamp)) > httpLimits.timestampWindowS) {
      return refuse(rejections.staleTimestamp);
    }

    const body = await readCapped(request);
    if (!body) return refuse(rejections.tooLarge);
    const stamp = encoder.encode(timestamp);
    const message = new Uint8Array(stamp.byteLength + body.byteLength);
    message.set(stamp);
    message.set(body, stamp.byteLength);
    if (!(await options.verify(message, hexBytes(signature)))) return refuse(rejections.badSignature);

    let payload: { data?: { options?: unknown }; guild_id?: unknown } | null;
    try {
      payload = JSON.parse(decoder.decode(body));
    } catch {
      return refuse(rejections.notJson);
    }
    if (nestedTooDeep(payload?.data?.options)) return refuse(rejections.tooDeep);
    const interaction = parseInteraction(payload);
    const guildId = payload?.guild_id;
    if (
      !interaction ||
      (guildId !== undefined && !(typeof guildId === 'string' && snowflake.test(guildId)))
    ) {
      return refuse(rejections.notInteraction);
    }

    let outcome: InteractionOutcome = 'ok';
    let response = handleInteraction(interaction, options.context, (error, failing) => {
      outcome = 'error';
      options.reportError(error, failing);
    });
    const files = filesOf(response);
    if (files?.[0] && 'data' in response) {
      const data = response.data as APIInteractionResponseCallbackData;
      response = options.deliverFiles?.(interaction, data, files)
        ? {
            type: InteractionResponseType.DeferredChannelMessageWithSource,
            ...(data.flags ? { data: { flags: data.flags } } : {}),
          }
        : withoutFiles(response);
    }
    const text = JSON.stringify(response);
    const responseType = response.type;
    options.onAnswered?.({ interaction, outcome, responseType, latencyMs: performance.now() - started });
    return json(200, text, 'POST');
  }

  return async (request) => {
    const method = request.method;
    const path = new URL(request.url).pathname;
    const allow = Object.hasOwn(routes, path) ? routes[path] : undefined;
    if (allow === undefined) return refuse(rejections.notFound, method);
    if (!allow.split(', ').includes(method)) {
      return refuse({ status: 405, error: 'method not allowed' }, method, allow);
    }
    if (path === '/interactions') return interaction(request);
    return options.closing?.()
      ? json(503, '{"status":"shutting down"}', method, { Connection: 'close' })
      : json(200, '{"status":"ok"}', method);
  };
}
