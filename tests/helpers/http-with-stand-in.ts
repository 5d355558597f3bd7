/**
 * The HTTP endpoint with the Discord stand-in as Discord's REST API, for replies that edit their message
 * afterwards (the timeline picture): started before the calling describe block's tests, closed after them.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import type { BotContext } from '../../src/toolkit/command.js';
import { type RunningHttpServer, startHttpServer } from '../../src/transports/http/server.js';
import { type DiscordStandIn, startDiscordStandIn } from '../discord-stand-in/index.js';
import { capturedLogger } from './captured-logger.js';
import { postSigned } from './signed-post.js';
import { keyPair } from './signing.js';

export function httpEndpointWithStandIn(context: BotContext) {
  const keys = keyPair();
  const { lines, logger } = capturedLogger();
  let standIn: DiscordStandIn | undefined;
  let server: RunningHttpServer | undefined;

  beforeAll(async () => {
    standIn = await startDiscordStandIn();
    server = await startHttpServer({
      context,
      publicKeyHex: keys.publicKeyHex,
      apiUrl: standIn.apiUrl,
      applicationId: standIn.applicationId,
      logger,
    });
  });
  afterAll(async () => {
    await server?.close();
    await standIn?.close();
  });

  const started = <T>(running: T | undefined): T => {
    if (!running) throw new Error('the stand-in and the endpoint start in beforeAll: use them in tests');
    return running;
  };
  return {
    /** The endpoint's log, as JSON lines. */
    lines,
    get standIn(): DiscordStandIn {
      return started(standIn);
    },
    /** Signs and POSTs an interaction as Discord does; the endpoint must take it (200). Its answer's text. */
    async send(payload: object): Promise<string> {
      const { status, text } = await postSigned(
        started(server).url,
        JSON.stringify(payload),
        keys.privateKey,
      );
      expect(status).toBe(200);
      return text;
    },
  };
}
