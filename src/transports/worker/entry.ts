/**
 * The Cloudflare Worker: the bundled dataset, its context (indexes, question engine…) built once per isolate, and the shared handler
 * (../http/endpoint.ts) as it is, verifying with WebCrypto. No picture (resvg is native): files → their text.
 */
import snapshot from 'wco:dataset';
import { commandRegistry } from '../../../commands/index.js';
import { datasetFromSnapshot } from '../../data/bundled.js';
import { buildBotContext } from '../../interactions/locale-context.js';
import {
  createInteractionsHandler,
  hexBytes,
  internalError,
  isPublicKeyHex,
  publicKeyProblem,
} from '../http/endpoint.js';

const context = buildBotContext(datasetFromSnapshot(snapshot), commandRegistry);

/** Made on the first request, with the public key (a secret: `wrangler secret put DISCORD_PUBLIC_KEY`). */
let handle: ((request: Request) => Promise<Response>) | undefined;
function handlerFor(hex: string) {
  const key =
    isPublicKeyHex(hex) && crypto.subtle.importKey('raw', hexBytes(hex), 'Ed25519', false, ['verify']);
  return createInteractionsHandler({
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
}

export default {
  async fetch(request: Request, env: { DISCORD_PUBLIC_KEY?: string }): Promise<Response> {
    try {
      handle ??= handlerFor(env.DISCORD_PUBLIC_KEY?.trim() ?? '');
      return await handle(request);
    } catch (error) {
      console.error('request failed', String(error));
      return internalError();
    }
  },
};
