import type { KeyObject } from 'node:crypto';
import { signedHeaders } from './signing.js';

/** POSTs `body` to `<url>/interactions`, signed with `key` as Discord signs it; the status and body text. */
export async function postSigned(
  url: string,
  body: string,
  key: KeyObject,
): Promise<{ status: number; text: string }> {
  const response = await fetch(`${url}/interactions`, {
    method: 'POST',
    headers: signedHeaders(body, key),
    body,
  });
  return { status: response.status, text: await response.text() };
}
