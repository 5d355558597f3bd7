/**
 * The HTTP interactions endpoint as a Cloudflare Worker: web-standard Request in, Response out, over the same
 * router and the same rules as the Node endpoint (../http/protocol.ts): the same paths, status codes and
 * body cap, Ed25519 checked with WebCrypto before the body is parsed. Bundled with no Node-only imports.
 */
import type { BotContext } from '../../toolkit/command.js';
import { withoutFiles } from '../../toolkit/files.js';
import {
  answerVerifiedBody,
  healthBody,
  httpLimits,
  interactionRoutes,
  internalErrorBody,
  isRejection,
  type Rejection,
  rejections,
  routeOf,
  tooLarge,
} from '../http/protocol.js';
import { isPublicKeyHex, publicKeyProblem, wellFormedHeaders } from '../http/signed-headers.js';

/** The Worker's bindings: the public key is a secret (`wrangler secret put DISCORD_PUBLIC_KEY`). */
export interface WorkerEnv {
  DISCORD_PUBLIC_KEY?: string;
}

export interface InteractionsWorker {
  fetch(request: Request, env: WorkerEnv): Promise<Response>;
}

const headers = {
  'Content-Type': 'application/json',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};
const tooLargeRejection = tooLarge(httpLimits.maxBodyBytes);
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function json(status: number, body: string, method: string, extra?: Record<string, string>): Response {
  return new Response(method === 'HEAD' ? null : body, {
    status,
    headers: extra ? { ...headers, ...extra } : headers,
  });
}

function refuse({ status, error, allow }: Rejection, method: string): Response {
  return json(status, JSON.stringify({ error }), method, allow ? { Allow: allow } : undefined);
}

function hexBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** The body, or undefined as soon as it passes `max` bytes (the rest is not read). */
async function readCapped(request: Request, max: number): Promise<Uint8Array | undefined> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
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

type VerifyKey = ReturnType<typeof crypto.subtle.importKey>;

export function createWorker(context: BotContext): InteractionsWorker {
  // The imported key, per key text: an isolate serves many requests with the same secret.
  let cachedKey: { hex: string; key: VerifyKey } | undefined;
  function publicKey(hex: string): VerifyKey {
    if (cachedKey?.hex !== hex) {
      cachedKey = { hex, key: crypto.subtle.importKey('raw', hexBytes(hex), 'Ed25519', false, ['verify']) };
    }
    return cachedKey.key;
  }

  async function onInteraction(request: Request, env: WorkerEnv): Promise<Response> {
    const method = request.method;
    const keyHex = env.DISCORD_PUBLIC_KEY?.trim() ?? '';
    if (!isPublicKeyHex(keyHex)) {
      console.error(`DISCORD_PUBLIC_KEY: ${publicKeyProblem} (set it with \`wrangler secret put\`)`);
      return json(500, internalErrorBody, method);
    }
    const declared = request.headers.get('content-length');
    if (declared !== null && Number(declared) > httpLimits.maxBodyBytes)
      return refuse(tooLargeRejection, method);
    // Refused before reading a byte of the body.
    const signed = wellFormedHeaders(
      request.headers.get('x-signature-ed25519') ?? undefined,
      request.headers.get('x-signature-timestamp') ?? undefined,
    );
    if (!signed) return refuse(rejections.unsignedHeaders, method);

    const body = await readCapped(request, httpLimits.maxBodyBytes);
    if (!body) return refuse(tooLargeRejection, method);
    const timestamp = encoder.encode(signed.timestamp);
    const message = new Uint8Array(timestamp.byteLength + body.byteLength);
    message.set(timestamp);
    message.set(body, timestamp.byteLength);
    let valid = false;
    try {
      valid = await crypto.subtle.verify(
        'Ed25519',
        await publicKey(keyHex),
        hexBytes(signed.signature),
        message,
      );
    } catch {
      valid = false;
    }
    if (!valid) return refuse(rejections.badSignature, method);

    const answered = answerVerifiedBody(decoder.decode(body), context, (error, interaction) => {
      // The interaction's id and type only: never its token or what the user typed.
      console.error('handler failed', { id: interaction.id, type: interaction.type, error: String(error) });
    });
    if (isRejection(answered)) return refuse(answered, method);
    // No picture here (resvg is a native addon): a reply with files is sent as its text fallback.
    return json(200, JSON.stringify(withoutFiles(answered.response)), method);
  }

  return {
    async fetch(request, env) {
      const method = request.method;
      try {
        const route = routeOf(interactionRoutes, method, new URL(request.url).pathname);
        if (typeof route !== 'string') return refuse(route, method);
        if (route === '/healthz') {
          const health = healthBody(false);
          return json(health.status, health.body, method);
        }
        return await onInteraction(request, env);
      } catch (error) {
        console.error('request failed', String(error));
        return json(500, internalErrorBody, method);
      }
    },
  };
}
