import type { APIInteractionResponse, APIInteractionResponseCallbackData } from 'discord-api-types/v10';

/**
 * A file a reply carries, made only when a transport sends it (rendering is work the HTTP endpoint does
 * after its deferred answer). The handler stays pure: it returns the response with this descriptor; each
 * transport turns it into an upload (gateway: a multipart callback; HTTP: type 5 then a multipart edit of
 * the original message; playground and ask: a file on disk).
 */
export interface ReplyFile {
  /** The attachment's file name, as referred to by `attachment://<name>` in the message. */
  name: string;
  contents(): Uint8Array;
  /** What to send instead when the file cannot be made or uploaded. */
  fallback: APIInteractionResponseCallbackData;
}

/** A symbol key: JSON.stringify skips it, and object spreads (handle.ts's finalize) keep it. */
const filesKey = Symbol('replyFiles');

export function withFiles<T extends APIInteractionResponse>(response: T, files: readonly ReplyFile[]): T {
  return Object.assign(response, { [filesKey]: files });
}

export function filesOf(response: APIInteractionResponse): readonly ReplyFile[] | undefined {
  return (response as { [filesKey]?: readonly ReplyFile[] })[filesKey];
}
