/**
 * The Worker served locally in workerd, Cloudflare's runtime, through miniflare (a dev dependency): what
 * `npm run worker:dev` runs, driven like `npm run http` (DISCORD_PUBLIC_KEY, HOST, PORT, default 8787).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataValidationError } from '../../data/load.js';
import { projectRoot } from '../../data/paths.js';
import { buildWorker, type WorkerBundle } from './build.js';

export const defaultWorkerPort = 8787;

/** wrangler.toml's compatibility_date: the dev server runs the Worker as the deployment will. */
export function compatibilityDate(): string {
  const toml = readFileSync(join(projectRoot, 'wrangler.toml'), 'utf8');
  const date = /^compatibility_date\s*=\s*"(\d{4}-\d{2}-\d{2})"/m.exec(toml)?.[1];
  if (!date) throw new Error('wrangler.toml has no compatibility_date');
  return date;
}

export async function buildWorkerOrExit(outfile?: string): Promise<WorkerBundle> {
  try {
    return await buildWorker(outfile ? { outfile } : {});
  } catch (error) {
    if (!(error instanceof DataValidationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

/** The Worker in workerd on host:port; its url has no trailing slash (e.g. http://127.0.0.1:8787). */
export async function serveWorker(options: {
  script: string;
  publicKeyHex: string;
  host: string;
  port: number;
}) {
  const { script, publicKeyHex, host, port } = options;
  const { Miniflare } = await import('miniflare');
  const miniflare = new Miniflare({
    modules: true,
    script,
    compatibilityDate: compatibilityDate(),
    bindings: { DISCORD_PUBLIC_KEY: publicKeyHex },
    // The Worker never reads request.cf: keep miniflare from fetching its data from workers.cloudflare.com.
    cf: false,
    host,
    port,
  });
  const url = (await miniflare.ready).href.replace(/\/$/, '');
  return { url, close: () => miniflare.dispose() };
}
