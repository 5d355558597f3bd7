/**
 * The shape checks on Discord's two signature headers, shared by the Node endpoint (node:crypto) and the
 * Worker (WebCrypto). No Node-only imports: this module is bundled into the Worker.
 */
const publicKeyHex = /^[0-9a-fA-F]{64}$/;
const signatureHex = /^[0-9a-fA-F]{128}$/;
/**
 * Discord's timestamps are Unix seconds in decimal; anything else (or much longer) is not one. Only digits,
 * because the signature covers timestamp and body with nothing between them: a timestamp that may hold any
 * character would let bytes of a signed body be moved into it and still verify.
 */
const timestampDigits = /^\d{1,32}$/;

/** A header as a transport sees it: Node's `headersDistinct` style list, a single string, or absent. */
export type HeaderValue = readonly string[] | string | undefined;

/**
 * The two header values, when each is exactly one well-formed value; undefined otherwise. Anything but exactly
 * one value (missing, duplicated) is invalid, and so is bad hex or a timestamp that is not digits. (Web
 * `Headers` join a repeated header with ", ", which is never valid hex: also refused.)
 */
export function wellFormedHeaders(
  signature: HeaderValue,
  timestamp: HeaderValue,
): { signature: string; timestamp: string } | undefined {
  const signatureValue = single(signature);
  const timestampValue = single(timestamp);
  if (signatureValue === undefined || !signatureHex.test(signatureValue)) return undefined;
  if (timestampValue === undefined || !timestampDigits.test(timestampValue)) return undefined;
  return { signature: signatureValue, timestamp: timestampValue };
}

/** Whether the signature headers are even there and well-formed: lets a server refuse before reading a body. */
export function hasSignatureHeaders(signature: HeaderValue, timestamp: HeaderValue): boolean {
  return wellFormedHeaders(signature, timestamp) !== undefined;
}

function single(value: HeaderValue): string | undefined {
  if (typeof value === 'string') return value;
  return value?.length === 1 ? value[0] : undefined;
}

/** Whether `hex` can be an application's public key: 64 hex characters (a raw 32-byte Ed25519 key). */
export function isPublicKeyHex(hex: string): boolean {
  return publicKeyHex.test(hex);
}

export const publicKeyProblem = 'the public key must be 64 hexadecimal characters';
