/**
 * Search and autocomplete in process (compiled code from dist/): on the real dataset (targets), and on 1,000 and
 * 10,000 partners (the real ones among synthetic ones made here, bench/synthetic.ts; reported, no target).
 *
 * Each dataset's index is built as the bot builds it at start-up. Then rounds: in each, one pass of the query mix
 * through `autocomplete`, then one through `search`, every call timed; a figure is the median of the rounds' p50
 * and p99, with the lowest and highest round p99 as its spread. Untimed passes first warm the JIT, as in a bot that
 * has been answering for a while.
 */
import { loadDataset } from '../src/data/load.js';
import type { Partner } from '../src/data/schema.js';
import { createPartnerSearch, type PartnerSearch } from '../src/search/index.js';
import { atScaleKinds, queryMix, type RelevanceKind, relevanceTable } from './queries.js';
import { type BenchResult, median, ms, pct, type Row, verdict } from './report.js';
import { syntheticPartners } from './synthetic.js';

interface Case {
  label: string;
  size: number;
  rounds: number;
  warmupPasses: number;
  /** p99 targets (autocomplete and /partner) and the relevance table's, on the real data only. */
  targets: boolean;
}

const cases: Case[] = [
  { label: 'real data', size: 0, rounds: 9, warmupPasses: 40, targets: true },
  // The JIT is warm from the cases before; at 10,000 a pass takes seconds.
  { label: '1,000 partners', size: 1_000, rounds: 3, warmupPasses: 1, targets: false },
  { label: '10,000 partners', size: 10_000, rounds: 2, warmupPasses: 0, targets: false },
];
const p99TargetMs = 1;

/** The real partners spread evenly through synthetic ones, `total` in all (the real ones alone for 0). */
function partnersFor(real: readonly Partner[], total: number): { all: Partner[]; synthetic: Partner[] } {
  if (total === 0) return { all: [...real], synthetic: [] };
  const synthetic = syntheticPartners(total - real.length, 1);
  const all = [...synthetic];
  real.forEach((partner, i) => {
    all.splice(Math.floor(((i + 1) * all.length) / (real.length + 1)), 0, partner);
  });
  return { all, synthetic };
}

const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

/** One pass of `mix` through `call`: each call's time in ms, sorted. */
function pass(mix: readonly string[], call: (query: string) => unknown): number[] {
  const times = mix.map((query) => {
    const start = performance.now();
    call(query);
    return performance.now() - start;
  });
  return times.sort((a, b) => a - b);
}

/** The relevance table's rows of these kinds, asked with `search(query)` as the tests do. */
function relevance(search: PartnerSearch, kinds: readonly RelevanceKind[]) {
  const rows = relevanceTable.filter(([, , kind]) => kinds.includes(kind));
  const misses = rows.flatMap(([query, expected, kind]) => {
    const first = search.search(query)[0]?.partner.id ?? null;
    return first === expected
      ? []
      : [`${JSON.stringify(query.slice(0, 40))} (${kind}) → ${first ?? 'nothing'}`];
  });
  return { total: rows.length, hits: rows.length - misses.length, misses };
}

export async function runSearchBench(): Promise<BenchResult> {
  const { partners: real, topics } = loadDataset();
  const gc = (globalThis as { gc?: () => void }).gc;
  const rows: Row[] = [];
  const notes: string[] = [];
  for (const c of cases) {
    const { all, synthetic } = partnersFor(real, c.size);
    const mix = queryMix(synthetic);
    gc?.();
    const buildStart = performance.now();
    const index = createPartnerSearch(all, topics);
    const buildMs = performance.now() - buildStart;
    for (let i = 0; i < c.warmupPasses; i++) {
      pass(mix, index.autocomplete);
      pass(mix, index.search);
    }

    const rounds: Record<'autocomplete' | 'search', { p50: number; p99: number; max: number }[]> = {
      autocomplete: [],
      search: [],
    };
    for (let round = 0; round < c.rounds; round++) {
      for (const kind of ['autocomplete', 'search'] as const) {
        const times = pass(mix, (query) => index[kind](query));
        rounds[kind].push({ p50: quantile(times, 0.5), p99: quantile(times, 0.99), max: times.at(-1) ?? 0 });
      }
    }
    for (const kind of ['autocomplete', 'search'] as const) {
      const p99s = rounds[kind].map((round) => round.p99);
      const p99 = median(p99s);
      rows.push({
        bench: 'search',
        figure: `${kind === 'search' ? 'search (/partner)' : 'autocomplete'}, ${c.label}`,
        median: `${ms(median(rounds[kind].map((round) => round.p50)))}; p99 ${ms(p99)}`,
        spread: `round p99 ${ms(Math.min(...p99s))} – ${ms(Math.max(...p99s))}`,
        target: c.targets ? `p99 ≤ ${p99TargetMs} ms` : '—',
        verdict: c.targets ? verdict(p99 <= p99TargetMs) : 'info',
      });
    }
    rows.push({
      bench: 'search',
      figure: `index build, ${c.label}`,
      median: ms(buildMs),
      spread: '1 build',
      target: '—',
      verdict: 'info',
    });
    const kinds = c.size === 0 ? [...new Set(relevanceTable.map(([, , kind]) => kind))] : atScaleKinds;
    const { total, hits, misses } = relevance(index, kinds);
    rows.push({
      bench: 'search',
      figure: `relevance table (${c.size === 0 ? 'all rows' : atScaleKinds.join(', ')}), ${c.label}`,
      median: `${hits}/${total} (${pct(hits / total)})`,
      spread: '—',
      target: c.targets ? '100 %' : '—',
      verdict: c.targets ? verdict(hits === total) : 'info',
    });
    notes.push(
      `search, ${c.label} (${all.length} partners): ${mix.length} distinct queries, ${c.warmupPasses} untimed ` +
        `passes, then ${c.rounds} rounds of autocomplete and search; slowest call ` +
        `${ms(Math.max(...rounds.autocomplete.map((round) => round.max), ...rounds.search.map((round) => round.max)))}` +
        `${misses.length ? `; relevance misses: ${misses.join('; ')}` : ''}.`,
    );
  }
  return { rows, notes };
}
