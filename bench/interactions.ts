/**
 * Interaction payloads for the HTTP and gateway benchmarks, shaped like Discord's (the stand-in's builders),
 * and Ed25519 signing as Discord does it: the signature covers the timestamp header followed by the raw body.
 */
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import {
  buildAutocompleteInteraction,
  buildChatInputInteraction,
  type StandInInteractionPayload,
} from '../tests/discord-stand-in/payloads.js';
import {
  exactQueries,
  multiWordQueries,
  prefixesOf,
  relevanceTable,
  typedQueries,
  typoQueries,
} from './queries.js';

export const applicationId = '1290000000000000001';

/** What people pass to /partner who: ids, acronyms, names, typos, topic words (unique, in a fixed order). */
export function partnerCommandQueries(): string[] {
  const ids = ['interpol', 'who', 'unodc', 'wco-regional-dog-training-centres', 'europol', 'opcw'];
  return [
    ...new Set([
      ...ids,
      ...exactQueries,
      ...typoQueries,
      ...multiWordQueries,
      ...relevanceTable.flatMap(([query, first]) => (first ? [query] : [])),
    ]),
  ];
}

/** What autocomplete receives while people type: every prefix of the typed queries, plus whole acronyms. */
export function autocompleteQueries(): string[] {
  return [...new Set([...typedQueries.flatMap(prefixesOf), ...exactQueries, ...typoQueries])];
}

export function partnerCommand(who: string, user = 0): StandInInteractionPayload {
  return buildChatInputInteraction({
    applicationId,
    commandName: 'partner',
    options: { who },
    user: { id: `${1290000000000001000n + BigInt(user)}`, username: `bench${user}` },
  });
}

export function partnerAutocomplete(typed: string, user = 0): StandInInteractionPayload {
  return buildAutocompleteInteraction({
    applicationId,
    commandName: 'partner',
    focused: 'who',
    options: { who: typed },
    user: { id: `${1290000000000001000n + BigInt(user)}`, username: `bench${user}` },
  });
}

export interface KeyPair {
  privateKey: KeyObject;
  /** The raw 32-byte public key in hex, as DISCORD_PUBLIC_KEY takes it. */
  publicKeyHex: string;
}

export function keyPair(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const publicKeyHex = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
  return { privateKey, publicKeyHex };
}

export interface SignedRequest {
  method: 'POST';
  path: '/interactions';
  headers: Record<string, string>;
  body: string;
}

/** A request Discord would send: body, X-Signature-Ed25519 and X-Signature-Timestamp. */
export function signedRequest(payload: unknown, key: KeyObject): SignedRequest {
  const body = JSON.stringify(payload);
  const timestamp = `${Math.floor(Date.now() / 1000)}`;
  const signature = sign(null, Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]), key).toString(
    'hex',
  );
  return {
    method: 'POST',
    path: '/interactions',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Discord-Interactions/1.0 (+https://discord.com)',
      'x-signature-ed25519': signature,
      'x-signature-timestamp': timestamp,
    },
    body,
  };
}
