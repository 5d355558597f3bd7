import type { APIInteractionResponse, APIInteractionResponseCallbackData } from 'discord-api-types/v10';

/**
 * A picture a reply carries, described as SVG and rendered to PNG only when a Node transport sends it
 * (src/render/timeline-png.ts: rendering is work the HTTP endpoint does after its deferred answer). The
 * handler stays pure and free of native code: it returns the response with this descriptor; each transport
 * turns it into an upload (gateway: a multipart callback; HTTP: type 5 then a multipart edit of the original
 * message; playground and ask: a file on disk). The Worker, which cannot render, sends the fallback.
 */
export interface ReplyFile {
  /** The attachment's file name (a .png), as referred to by `attachment://<name>` in the message. */
  name: string;
  svg(): string;
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

/** The response with its text fallback in place of the files, for a transport that cannot send them. */
export function withoutFiles(response: APIInteractionResponse): APIInteractionResponse {
  const fallback = filesOf(response)?.[0]?.fallback;
  return fallback && 'data' in response
    ? ({ ...response, data: fallback } as APIInteractionResponse)
    : response;
}
