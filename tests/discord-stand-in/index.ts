/**
 * Local Discord stand-in for end-to-end tests (REST v10 + JSON gateway on 127.0.0.1, random port).
 *
 * In-process discord.js client:
 *
 *   const standIn = await startDiscordStandIn();
 *   const client = new Client({ intents: [GatewayIntentBits.Guilds], ...standInClientOptions(standIn.apiUrl) });
 *   await client.login('any-token');
 *   const handle = standIn.dispatchInteraction(standIn.chatInputInteraction({ commandName: 'ping' }));
 *   const callback = await handle.waitForCallback(); // callback.body.type === 4
 *   await client.destroy();
 *   await standIn.close();
 *
 * Bot in a child process: start it with `DISCORD_API_URL=${standIn.apiUrl}` (its REST `api` option);
 * discord.js takes the gateway URL from `GET /gateway/bot`.
 */
export { standInClientOptions } from './client-options.js';
export type { FaultTarget } from './gateway.js';
export * from './payloads.js';
export { compilePathTemplate, normalizeApiPath, parseMultipart } from './rest.js';
export * from './server.js';
export type * from './types.js';
