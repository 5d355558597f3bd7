/**
 * Discord signs every HTTP interaction with the application's Ed25519 key: the signature (hex, header
 * X-Signature-Ed25519) covers the X-Signature-Timestamp header followed by the raw body bytes. Uses only
 * node:crypto. Discord also sends deliberately bad signatures and expects them refused.
 */
import { createPublicKey, type KeyObject, verify } from 'node:crypto';
import { type HeaderValue, isPublicKeyHex, publicKeyProblem, wellFormedHeaders } from './signed-headers.js';

/** DER prefix that turns a raw 32-byte Ed25519 key into an SPKI structure (RFC 8410). */
const spkiPrefix = Buffer.from('302a300506032b6570032100', 'hex');

/** The KeyObject for a 64-hex-character raw public key; create it once, at start-up. Throws on a bad key. */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!isPublicKeyHex(hex)) throw new Error(publicKeyProblem);
  return createPublicKey({
    key: Buffer.concat([spkiPrefix, Buffer.from(hex, 'hex')]),
    format: 'der',
    type: 'spki',
  });
}

/** The signed message (timestamp, then body) and the signature's bytes, or undefined for malformed headers. */
function signedParts(
  signature: HeaderValue,
  timestamp: HeaderValue,
  body: Buffer,
): { message: Buffer; signatureBytes: Buffer } | undefined {
  const headers = wellFormedHeaders(signature, timestamp);
  if (!headers) return undefined;
  return {
    message: Buffer.concat([Buffer.from(headers.timestamp, 'utf8'), body]),
    signatureBytes: Buffer.from(headers.signature, 'hex'),
  };
}

/** True only for a well-formed signature that verifies. */
export function verifySignature(
  key: KeyObject,
  signature: HeaderValue,
  timestamp: HeaderValue,
  body: Buffer,
): boolean {
  const parts = signedParts(signature, timestamp, body);
  if (!parts) return false;
  try {
    return verify(null, parts.message, key, parts.signatureBytes);
  } catch {
    return false;
  }
}

/**
 * The same check, run on libuv's thread pool (node:crypto's callback form): the ~0.2 ms an Ed25519 verification
 * takes here does not hold up the event loop, which meanwhile reads, answers and logs other requests. `done` is
 * called exactly once, on the event loop, never synchronously.
 */
export function verifySignatureInBackground(
  key: KeyObject,
  signature: HeaderValue,
  timestamp: HeaderValue,
  body: Buffer,
  done: (valid: boolean) => void,
): void {
  const parts = signedParts(signature, timestamp, body);
  if (!parts) {
    process.nextTick(done, false);
    return;
  }
  try {
    verify(null, parts.message, key, parts.signatureBytes, (error, valid) => done(!error && valid));
  } catch {
    process.nextTick(done, false);
  }
}

export { hasSignatureHeaders } from './signed-headers.js';
