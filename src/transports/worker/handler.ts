/**
 * The HTTP interactions endpoint as a Cloudflare Worker: the shared web-standard handler
 * (../http/endpoint.ts) as it is, with Ed25519 checked by WebCrypto. Bundled with no Node-only imports.
 * No picture here (resvg is a native addon): a reply with files is sent as its text fallback.
 */
import type { BotContext } from '../../interactions/context.js';
import {
  createInteractionsHandler,
  hexBytes,
  internalError,
  isPublicKeyHex,
  publicKeyProblem,
} from '../http/endpoint.js';

/** The Worker's bindings: the public key is a secret (`wrangler secret put DISCORD_PUBLIC_KEY`). */
export interface WorkerEnv {
  DISCORD_PUBLIC_KEY?: string;
}

export interface InteractionsWorker {
  fetch(request: Request, env: WorkerEnv): Promise<Response>;
}

export function createWorker(context: BotContext): InteractionsWorker {
  // The handler and its imported key, per key text: an isolate serves many requests with the same secret.
  let cached: { hex: string; handle: (request: Request) => Promise<Response> } | undefined;

  function handlerFor(hex: string) {
    if (cached?.hex === hex) return cached.handle;
    const key = isPublicKeyHex(hex)
      ? crypto.subtle.importKey('raw', hexBytes(hex), 'Ed25519', false, ['verify'])
      : undefined;
    const handle = createInteractionsHandler({
      context,
      async verify(message, signature) {
        if (!key)
          throw new Error(`DISCORD_PUBLIC_KEY: ${publicKeyProblem} (set it with \`wrangler secret put\`)`);
        return crypto.subtle.verify('Ed25519', await key, signature, message).catch(() => false);
      },
      reportError(error, interaction) {
        // The interaction's id and type only: never its token or what the user typed.
        console.error('handler failed', { id: interaction.id, type: interaction.type, error: String(error) });
      },
    });
    cached = { hex, handle };
    return handle;
  }

  return {
    async fetch(request, env) {
      try {
        return await handlerFor(env.DISCORD_PUBLIC_KEY?.trim() ?? '')(request);
      } catch (error) {
        console.error('request failed', String(error));
        return internalError();
      }
    },
  };
}
