import type { RawFile } from 'discord.js';
import type { APIInteractionResponse } from 'discord-api-types/v10';
import type { Logger } from '../../logger.js';
import { replyFilePng } from '../../render/timeline-png.js';
import { filesOf } from '../../toolkit/files.js';

/**
 * The callback of a reply with files: the body and the files discord.js sends as multipart (payload_json
 * + files[n]). When a file cannot be made, the reply's text fallback goes out instead, without files.
 */
export function callbackWithFiles(
  response: APIInteractionResponse,
  logger: Logger,
): { body: APIInteractionResponse; files?: RawFile[] } {
  const files = filesOf(response);
  if (!files?.length || !('data' in response)) return { body: response };
  try {
    return { body: response, files: files.map((file) => ({ name: file.name, data: replyFilePng(file) })) };
  } catch (error) {
    logger.error({ err: error }, 'making the reply file failed; sending the text instead');
    const fallback = files[0]?.fallback;
    return { body: { ...response, data: fallback } as APIInteractionResponse };
  }
}
