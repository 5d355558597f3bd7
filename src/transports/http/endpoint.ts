/**
 * The interactions endpoint as one web-standard handler, Request in, Response out (the shape of
 * discord/cloudflare-sample-app's fetch handler): the Worker serves it as it is, Node through server.ts. The
 * signature check is passed in (node:crypto on Node, WebCrypto in Workers). Statuses, limits and headers are
 * defined here only. No Node-only imports: bundled into the Worker.
 */
import type { APIInteraction, APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { type ErrorReporter, handleInteraction } from '../../interactions/handle.js';
import { parseInteraction } from '../../interactions/parse.js';
import type { InteractionOutcome } from '../../logger.js';
import type { BotContext } from '../../toolkit/command.js';
import { InteractionResponseType } from '../../toolkit/discord-enums.js';
import { filesOf, type ReplyFile, withoutFiles } from '../../toolkit/files.js';

const maxBodyBytes = 64 * 1024;

/** Discord's payloads are a few KiB and it waits 3 s for an answer. Timeouts: Node only (workerd has its own). */
export const httpLimits = {
  /** More → 413, the rest is not read. */
  maxBodyBytes,
  /** X-Signature-Timestamp further than this from our clock, before or ahead → 401 (a replay, or a bad clock). */
  timestampWindowS: 5 * 60,
  /** Time to receive the headers, then the whole request → 408. */
  headersTimeoutMs: 5_000,
  requestTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5_000,
  socketIdleTimeoutMs: 30_000,
  /** On close(), connections still busy after this are cut. */
  shutdownGraceMs: 10_000,
  /** Refused requests are logged as one line per interval, with counts by reason. */
  rejectionLogIntervalMs: 10_000,
} as const;

/** A refusal: its status and a short JSON error; never any detail of what went wrong inside. */
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

export const jsonHeaders = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } as const;
const headers = { ...jsonHeaders, 'X-Content-Type-Options': 'nosniff' };

function json(status: number, body: string, method: string, extra?: Record<string, string>): Response {
  return new Response(method === 'HEAD' ? null : body, { status, headers: { ...headers, ...extra } });
}

export const internalError = () =>
  json(500, '{"error":"internal server error"}', 'POST', { Connection: 'close' });

/** The paths served and the methods each takes (`Allow` header format). */
const routes: Readonly<Record<string, string>> = { '/interactions': 'POST', '/healthz': 'GET, HEAD' };
const signatureHex = /^[0-9a-fA-F]{128}$/;
/** Digits only: the signature covers timestamp + body, so anything else would let body bytes move into it. */
const timestampDigits = /^\d{1,32}$/;
const snowflake = /^\d{1,20}$/; // a snowflake's shape, as parse.ts checks ids

export const isPublicKeyHex = (hex: string) => /^[0-9a-fA-F]{64}$/.test(hex);
export const publicKeyProblem = 'the public key must be 64 hexadecimal characters';

/** The value of one hexadecimal digit's character code (0-9, a-f, A-F; the callers check the digits first). */
const digitValue = (code: number) => (code & 0xf) + (code > 0x39 ? 9 : 0);

/** Bytes of a string of hexadecimal digits, without a string per byte (it runs on every request). */
export function hexBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length >> 1);
  for (let i = 0; i < bytes.length; i++)
    bytes[i] = (digitValue(hex.charCodeAt(2 * i)) << 4) | digitValue(hex.charCodeAt(2 * i + 1));
  return bytes;
}

export interface EndpointOptions {
  context: BotContext;
  /** Ed25519 over `message` (timestamp, then body) with the application's key. */
  verify: (message: Uint8Array, signature: Uint8Array) => boolean | Promise<boolean>;
  reportError: ErrorReporter;
  /** Takes a reply's files for a later edit (true), or declines (false): the text fallback is sent at once. */
  deliverFiles?: (
    i: APIInteraction,
    data: APIInteractionResponseCallbackData,
    files: readonly ReplyFile[],
  ) => boolean;
  onRejected?: (rejection: Rejection) => void;
  /** responseType: what was sent, 5 ("thinking…") for a reply whose file follows by webhook. */
  onAnswered?: (answered: {
    interaction: APIInteraction;
    outcome: InteractionOutcome;
    responseType: number;
    latencyMs: number;
  }) => void;
  /** /healthz answers 503 while this is true. */
  closing?: () => boolean;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The timestamp's bytes followed by the body's, or undefined as soon as the body passes the cap. */
async function signedBytes(timestamp: string, request: Request): Promise<Uint8Array | undefined> {
  const chunks: Uint8Array[] = [encoder.encode(timestamp)];
  let size = timestamp.length;
  for await (const chunk of request.body ?? []) {
    size += chunk.byteLength;
    if (size > maxBodyBytes + timestamp.length) return undefined; // leaving cancels the stream: the rest stays unread
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** Discord nests options three deep (group → subcommand → option); deeper is refused before validation. */
function nestedTooDeep(options: unknown, depth = 1): boolean {
  if (!Array.isArray(options)) return false;
  return (
    depth > 3 || options.some((o) => nestedTooDeep((o as { options?: unknown } | null)?.options, depth + 1))
  );
}

export function createInteractionsHandler(options: EndpointOptions): (request: Request) => Promise<Response> {
  /** A refusal closes the connection: what is left of the request is not worth reading. */
  const refuse = (rejection: Rejection, method = 'POST', allow?: string): Response => {
    options.onRejected?.(rejection);
    const extra: Record<string, string> = allow
      ? { Allow: allow, Connection: 'close' }
      : { Connection: 'close' };
    return json(rejection.status, JSON.stringify({ error: rejection.error }), method, extra);
  };

  async function interaction(request: Request): Promise<Response> {
    const started = performance.now();
    const head = request.headers;
    // Node's parser refuses this itself; workerd lets it through: one rule for both.
    if (head.has('transfer-encoding') && head.has('content-length'))
      return refuse(rejections.lengthAndChunked);
    if (Number(head.get('content-length') ?? 0) > maxBodyBytes) return refuse(rejections.tooLarge);
    // Web Headers join a repeated header with ", ", never valid hex: a duplicate is refused too.
    const signature = head.get('x-signature-ed25519')?.trim() ?? '';
    const timestamp = head.get('x-signature-timestamp')?.trim() ?? '';
    if (!signatureHex.test(signature) || !timestampDigits.test(timestamp))
      return refuse(rejections.badSignature);
    const ageS = Math.abs(Date.now() / 1000 - Number(timestamp));
    if (ageS > httpLimits.timestampWindowS) return refuse(rejections.staleTimestamp);
    const message = await signedBytes(timestamp, request);
    if (!message) return refuse(rejections.tooLarge);
    if (!(await options.verify(message, hexBytes(signature)))) return refuse(rejections.badSignature);

    let payload: { data?: { options?: unknown }; guild_id?: unknown } | null;
    try {
      payload = JSON.parse(decoder.decode(message.subarray(timestamp.length)));
    } catch {
      return refuse(rejections.notJson);
    }
    if (nestedTooDeep(payload?.data?.options)) return refuse(rejections.tooDeep);
    const interaction = parseInteraction(payload);
    const guildId = payload?.guild_id ?? '0';
    if (!interaction || typeof guildId !== 'string' || !snowflake.test(guildId)) {
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
            ...(data.flags && { data: { flags: data.flags } }),
          }
        : withoutFiles(response);
    }
    const text = JSON.stringify(response);
    const latencyMs = performance.now() - started;
    options.onAnswered?.({ interaction, outcome, responseType: response.type, latencyMs });
    return json(200, text, 'POST');
  }

  return async (request) => {
    const { method } = request;
    const path = new URL(request.url).pathname;
    const allow = Object.hasOwn(routes, path) ? routes[path] : undefined;
    if (allow === undefined) return refuse(rejections.notFound, method);
    if (!allow.split(', ').includes(method))
      return refuse({ status: 405, error: 'method not allowed' }, method, allow);
    if (path === '/interactions') return interaction(request);
    if (options.closing?.()) return json(503, '{"status":"shutting down"}', method, { Connection: 'close' });
    return json(200, '{"status":"ok"}', method);
  };
}
