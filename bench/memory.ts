/**
 * Memory of the HTTP mode: a fresh `node scripts/run.mjs http` child (LOG_LEVEL=info, stdout to /dev/null)
 * driven by autocannon with a fixed number of signed interactions; its resident set size is read from
 * /proc/<pid>/status (VmRSS), from outside, after every 20,000 up to 200,000 interactions.
 *
 * The target is a plateau check that would catch a real leak: RSS after 200,000 interactions within 5 % of RSS after
 * 100,000, and at most 120 MB. (It replaced "growth from 10,000 to 50,000 ≤ 10 %", which measured V8's
 * young-generation warm-up, not leaks: +7.6 % to +17.5 % across runs of the same code.)
 *
 * The bodies are varied on purpose: /partner commands, and autocomplete with ~1,000 distinct typed texts,
 * more than the search's per-query cache holds, so the cache fills and evicts as it would in production.
 */
import autocannon, { type Result } from 'autocannon';
import { startEndpoint } from './http.js';
import {
  autocompleteQueries,
  keyPair,
  type SignedRequest,
  signedPartnerAutocompletes,
  signedPartnerCommands,
} from './interactions.js';
import { rssMb, sleep, stopChild } from './processes.js';
import { prefixesOf } from './queries.js';
import { type BenchResult, count, mb, pct, verdict } from './report.js';
import { syntheticPartners } from './synthetic.js';

const chunk = 20_000;
const plateauFrom = 100_000;
const totalAmount = 200_000;
const rssTargetMb = 120;
const maxGrowth = 0.05;
const connections = 10;

/** ~1,000 distinct autocomplete texts: what people type, then prefixes of (synthetic) partner names. */
function variedTyping(): string[] {
  const typed = new Set(autocompleteQueries());
  for (const partner of syntheticPartners(150, 7)) {
    for (const prefix of prefixesOf(partner.name.toLowerCase()).slice(2)) typed.add(prefix);
    if (typed.size >= 1_000) break;
  }
  return [...typed];
}

function drive(url: string, requests: SignedRequest[], amount: number): Promise<Result> {
  return Promise.resolve(
    autocannon({ url: `${url}/interactions`, connections, amount, requests, timeout: 10 }),
  );
}

export async function runMemoryBench(): Promise<BenchResult> {
  const keys = keyPair();
  const commands = signedPartnerCommands(keys.privateKey);
  const typing = signedPartnerAutocompletes(variedTyping(), keys.privateKey);
  // One command for every three autocomplete requests, interleaved.
  const requests: SignedRequest[] = [];
  typing.forEach((request, i) => {
    if (i % 3 === 0) requests.push(commands[(i / 3) % commands.length] as SignedRequest);
    requests.push(request);
  });

  const endpoint = await startEndpoint(keys.publicKeyHex, 'ignore');
  const pid = endpoint.child.pid;
  if (pid === undefined) throw new Error('the endpoint has no pid');
  try {
    await sleep(300);
    const idle = rssMb(pid);
    // In chunks, RSS read after each: the target compares 100,000 and 200,000 (past V8's warm-up); the steps show
    // whether memory keeps climbing (a leak) or levels off (the V8 heap settling at its working size).
    const results: Result[] = [];
    const rss: number[] = [];
    for (let sent = 0; sent < totalAmount; sent += chunk) {
      results.push(await drive(endpoint.url, requests, chunk));
      await sleep(500);
      rss.push(rssMb(pid));
    }
    const atPlateau = rss[plateauFrom / chunk - 1] ?? Number.NaN;
    const atEnd = rss[rss.length - 1] ?? Number.NaN;
    const growth = (atEnd - atPlateau) / atPlateau;
    const bad = results.reduce((sum, result) => sum + result.non2xx + result.errors + result.timeouts, 0);
    const done = results.reduce((sum, result) => sum + result.requests.total, 0);
    const rates = results.map((result) => count(result.requests.average)).join(', ');
    return {
      rows: [
        {
          bench: 'memory',
          figure: `HTTP mode RSS after ${count(totalAmount)} interactions (VmRSS from /proc)`,
          median: mb(atEnd),
          spread: `idle after start ${mb(idle)}; max ${mb(Math.max(...rss))}`,
          target: `≤ ${rssTargetMb} MB`,
          verdict: verdict(Math.max(...rss) <= rssTargetMb),
        },
        {
          bench: 'memory',
          figure: `RSS plateau: ${count(plateauFrom)} → ${count(totalAmount)} interactions`,
          median: `${growth >= 0 ? '+' : ''}${pct(growth)}`,
          spread: `${mb(atPlateau)} → ${mb(atEnd)}`,
          target: `within ±${maxGrowth * 100} %`,
          verdict: verdict(Math.abs(growth) <= maxGrowth && bad === 0),
        },
      ],
      notes: [
        `memory: ${count(done)} interactions sent (${requests.length} distinct signed bodies, 1 command : 3 ` +
          `autocomplete, ${connections} connections), ${bad} non-2xx/errors/timeouts; RSS after each ` +
          `${count(chunk)}: ${rss.map((value) => value.toFixed(1)).join(', ')} MB; req/s per chunk: ${rates}.`,
      ],
    };
  } finally {
    await stopChild(endpoint.child);
  }
}
