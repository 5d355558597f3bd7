/**
 * Interaction payloads for the HTTP and gateway benchmarks, shaped like Discord's (the stand-in's builders),
 * signed as Discord signs them (the tests' signing, tests/helpers/signing.ts).
 */
import type { KeyObject } from 'node:crypto';
import {
  buildAutocompleteInteraction,
  buildChatInputInteraction,
  type StandInInteractionPayload,
} from '../tests/discord-stand-in/payloads.js';
import { signedHeaders } from '../tests/helpers/signing.js';
import {
  exactQueries,
  multiWordQueries,
  prefixesOf,
  relevanceTable,
  typedQueries,
  typoQueries,
} from './queries.js';

export { type KeyPair, keyPair } from '../tests/helpers/signing.js';

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

/** Signed /partner commands, each from another user: what people pass to /partner who. */
export function signedPartnerCommands(key: KeyObject): SignedRequest[] {
  return partnerCommandQueries().map((who, i) => signedRequest(partnerCommand(who, i), key));
}

/** Signed /partner autocomplete requests, one for each typed text, each from another user. */
export function signedPartnerAutocompletes(typed: readonly string[], key: KeyObject): SignedRequest[] {
  return typed.map((text, i) => signedRequest(partnerAutocomplete(text, i), key));
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
  return {
    method: 'POST',
    path: '/interactions',
    headers: { ...signedHeaders(body, key), 'user-agent': 'Discord-Interactions/1.0 (+https://discord.com)' },
    body,
  };
}
