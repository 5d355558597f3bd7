/**
 * Ed25519 request signing as Discord does it: the signature covers the X-Signature-Timestamp header followed
 * by the raw body. bench/tsconfig.json compiles this module with the benchmarks, which sign the same way.
 */
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';

export interface KeyPair {
  privateKey: KeyObject;
  /** The raw 32-byte public key in hex, as DISCORD_PUBLIC_KEY takes it. */
  publicKeyHex: string;
}

export function keyPair(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  // The raw 32-byte key is the end of the SPKI DER.
  const publicKeyHex = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
  return { privateKey, publicKeyHex };
}

/** Now, in seconds, as Discord sends it in X-Signature-Timestamp. */
export function nowTimestamp(): string {
  return `${Math.floor(Date.now() / 1000)}`;
}

/** The signature of `timestamp` followed by `body`, in hex (128 characters). */
export function signature(timestamp: string, body: string | Buffer, key: KeyObject): string {
  return sign(null, Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]), key).toString('hex');
}

export type SignedHeaders = {
  'content-type': string;
  'x-signature-ed25519': string;
  'x-signature-timestamp': string;
};

/** The headers of a JSON `body` signed with `key` at `timestamp`. */
export function signedHeaders(
  body: string | Buffer,
  key: KeyObject,
  timestamp = nowTimestamp(),
): SignedHeaders {
  return {
    'content-type': 'application/json',
    'x-signature-ed25519': signature(timestamp, body, key),
    'x-signature-timestamp': timestamp,
  };
}
