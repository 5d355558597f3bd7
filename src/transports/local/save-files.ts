import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { APIInteractionResponse } from 'discord-api-types/payloads/v10';
import { replyFilePng } from '../../render/timeline-png.js';
import { filesOf } from '../../toolkit/files.js';

/** Where the playground and `npm run ask` save reply files unless told otherwise (`--out DIR`). */
export const defaultFilesDir = join(tmpdir(), 'wco-partner-bot');

/**
 * Writes the files a reply carries (the /mou timeline picture) into `dir` and returns one line per file
 * saying where it is, or why it could not be saved.
 */
export function saveReplyFiles(response: APIInteractionResponse, dir = defaultFilesDir): string[] {
  return (filesOf(response) ?? []).map((file) => {
    const path = resolve(dir, file.name);
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(path, replyFilePng(file));
      return `🖼 Picture saved to ${path}`;
    } catch (error) {
      return `Could not save ${file.name} to ${dir}: ${(error as Error).message}`;
    }
  });
}
