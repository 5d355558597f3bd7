/**
 * Discord signs every HTTP interaction with the application's Ed25519 key: the signature (hex, header
 * X-Signature-Ed25519) covers the X-Signature-Timestamp header followed by the raw body bytes. Uses only
 * node:crypto. Discord also sends deliberately bad signatures and expects them refused.
 */
import { createPublicKey, type KeyObject, verify } from 'node:crypto';

/** DER prefix that turns a raw 32-byte Ed25519 key into an SPKI structure (RFC 8410). */
const spkiPrefix = Buffer.from('302a300506032b6570032100', 'hex');
const publicKeyHex = /^[0-9a-fA-F]{64}$/;
const signatureHex = /^[0-9a-fA-F]{128}$/;
/**
 * Discord's timestamps are Unix seconds in decimal; anything else (or much longer) is not one. Only digits,
 * because the signature covers timestamp and body with nothing between them: a timestamp that may hold any
 * character would let bytes of a signed body be moved into it and still verify.
 */
const timestampDigits = /^\d{1,32}$/;

/** The KeyObject for a 64-hex-character raw public key; create it once, at start-up. Throws on a bad key. */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!publicKeyHex.test(hex)) throw new Error('the public key must be 64 hexadecimal characters');
  return createPublicKey({
    key: Buffer.concat([spkiPrefix, Buffer.from(hex, 'hex')]),
    format: 'der',
    type: 'spki',
  });
}

/**
 * The two header values, when each is exactly one well-formed value; undefined otherwise. Headers are passed as
 * Node gives them (`headersDistinct` style arrays or single strings): anything but exactly one value (missing,
 * duplicated) is invalid, and so is bad hex or a timestamp that is not digits.
 */
function wellFormedHeaders(
  signature: readonly string[] | string | undefined,
  timestamp: readonly string[] | string | undefined,
): { signature: string; timestamp: string } | undefined {
  const signatureValue = single(signature);
  const timestampValue = single(timestamp);
  if (signatureValue === undefined || !signatureHex.test(signatureValue)) return undefined;
  if (timestampValue === undefined || !timestampDigits.test(timestampValue)) return undefined;
  return { signature: signatureValue, timestamp: timestampValue };
}

/** The signed message (timestamp, then body) and the signature's bytes, or undefined for malformed headers. */
function signedParts(
  signature: readonly string[] | string | undefined,
  timestamp: readonly string[] | string | undefined,
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
  signature: readonly string[] | string | undefined,
  timestamp: readonly string[] | string | undefined,
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
  signature: readonly string[] | string | undefined,
  timestamp: readonly string[] | string | undefined,
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

function single(value: readonly string[] | string | undefined): string | undefined {
  if (typeof value === 'string') return value;
  return value?.length === 1 ? value[0] : undefined;
}

/** Whether the signature headers are even there and well-formed: lets the server refuse before reading a body. */
export function hasSignatureHeaders(
  signature: readonly string[] | string | undefined,
  timestamp: readonly string[] | string | undefined,
): boolean {
  return wellFormedHeaders(signature, timestamp) !== undefined;
}
