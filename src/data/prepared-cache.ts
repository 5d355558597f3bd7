/**
 * Remembers datasets that passed every check, with the search index start-up builds for them, so that a start
 * with the same bytes parses the data files as they are (zod would give back the same objects) and reads the index
 * back instead of checking and indexing again: with 10,000 partners, 1.4 s from spawn to /healthz instead of 2.5 s
 * (docs/PERFORMANCE.md).
 *
 * An entry is named by the sha256 of `FORMAT`, partners.json and topics.json; it also holds the sha256 of the
 * source document it was checked against, compared at every start. Changing one byte of any of the three files
 * means a miss: every check runs again. Entries live in node_modules/.cache/wco-partner-bot/prepared/ (or another
 * folder, for tests), the newest few kept. Best effort: a folder that cannot be written only means a full start
 * every time, and an entry that cannot be read is a miss.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './paths.js';

/**
 * Change this when a check in validate.ts is added or tightened, when the schema changes, or when the search
 * index's saved form changes (src/search/partner-index.ts `SavedPartnerIndex`): every entry is then a miss.
 */
const FORMAT = 'prepared-2';
/** Entries kept; older ones (data edited since, other data folders) are deleted when a new one is written. */
const KEEP = 6;

export const defaultPreparedDir = join(projectRoot, 'node_modules', '.cache', 'wco-partner-bot', 'prepared');

export interface PreparedEntry {
  sourceSha256: string;
  /** The partner search's saved index (opaque here; the search reads it back or throws). */
  searchIndex: unknown;
}

export function sha256(...parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/** The entry's name for these two files' bytes. */
export function entryKey(partnersBytes: Uint8Array, topicsBytes: Uint8Array): string {
  return sha256(FORMAT, partnersBytes, topicsBytes);
}

export function readEntry(dir: string, key: string): PreparedEntry | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8')) as PreparedEntry;
  } catch {
    return undefined;
  }
}

export function writeEntry(dir: string, key: string, entry: PreparedEntry): void {
  try {
    mkdirSync(dir, { recursive: true });
    // All ASCII: V8 then decodes and parses it as a one-byte string, about twice as fast with 10,000 partners.
    const ascii = JSON.stringify(entry).replace(
      /[\u007f-\uffff]/g,
      (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    // Written aside and renamed: a process reading the entry meanwhile sees the whole file or none.
    const temporary = join(dir, `${key}.${process.pid}.tmp`);
    writeFileSync(temporary, ascii);
    renameSync(temporary, join(dir, `${key}.json`));
    pruneEntries(dir);
  } catch {
    // Read-only install or full disk: nothing remembered, every start checks and indexes in full.
  }
}

function pruneEntries(dir: string): void {
  const entries = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ path: join(dir, name), written: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.written - a.written);
  for (const { path } of entries.slice(KEEP)) rmSync(path, { force: true });
}
