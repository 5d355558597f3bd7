/**
 * Memory of the HTTP mode: a fresh `node scripts/run.mjs http` child (LOG_LEVEL=info, stdout to /dev/null)
 * driven by autocannon with a fixed number of signed interactions; its resident set size is read from
 * /proc/<pid>/status (VmRSS), from outside, after every 10,000 up to 100,000 interactions.
 *
 * Targets: RSS after 100,000 interactions at most 100 MB, and on a plateau: the median RSS of the last five chunks
 * at most 5 % above that of the first five (a leak climbs chunk after chunk; a GC's ups and downs do not count). The bodies are varied: /partner commands, and
 * autocomplete with ~1,000 distinct typed texts.
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
import { type BenchResult, count, mb, median, pct, verdict } from './report.js';
import { syntheticPartners } from './synthetic.js';

const chunk = 10_000;
const plateauFrom = 50_000;
const totalAmount = 100_000;
const rssTargetMb = 100;
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
    // In chunks, RSS read after each: the steps show whether memory keeps climbing (a leak) or levels off.
    const results: Result[] = [];
    const rss: number[] = [];
    for (let sent = 0; sent < totalAmount; sent += chunk) {
      results.push(await drive(endpoint.url, requests, chunk));
      await sleep(500);
      rss.push(rssMb(pid));
    }
    // Medians of the first and the second half of the chunks: one GC's ups and downs do not decide.
    const firstHalf = median(rss.slice(0, plateauFrom / chunk));
    const secondHalf = median(rss.slice(plateauFrom / chunk));
    const atEnd = rss[rss.length - 1] ?? Number.NaN;
    const growth = (secondHalf - firstHalf) / firstHalf;
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
          verdict: verdict(atEnd <= rssTargetMb),
        },
        {
          bench: 'memory',
          figure: `RSS plateau: median of the chunks to ${count(plateauFrom)} → of those to ${count(totalAmount)}`,
          median: `${growth >= 0 ? '+' : ''}${pct(growth)}`,
          spread: `${mb(firstHalf)} → ${mb(secondHalf)}`,
          target: `growth ≤ ${maxGrowth * 100} %`,
          verdict: verdict(growth <= maxGrowth && bad === 0),
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
