/** Result rows, the machine header and the Markdown table shared by every benchmark. */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';

export type Verdict = 'pass' | 'miss' | 'info';

export interface Row {
  /** Which benchmark produced it: search, http, gateway, startup, memory, render. */
  bench: string;
  figure: string;
  /** Central value with its unit, e.g. "0.21 ms" or "4,120 req/s". */
  median: string;
  /** Spread: "p99 0.8 ms" or "min 250 / max 310 ms". */
  spread: string;
  target: string;
  verdict: Verdict;
  /** Extra facts for the notes under the table (misses, counts). */
  note?: string;
}

export interface BenchResult {
  rows: Row[];
  /** Free-form lines for the notes (what was seen, causes of misses). */
  notes: string[];
}

export function ms(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value >= 100) return `${Math.round(value).toLocaleString('en-US')} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  if (value >= 1) return `${value.toFixed(2)} ms`;
  return `${value.toFixed(3)} ms`;
}

export function count(value: number, unit = ''): string {
  return `${Math.round(value).toLocaleString('en-US')}${unit ? ` ${unit}` : ''}`;
}

export function mb(value: number): string {
  return `${value.toFixed(1)} MB`;
}

export function pct(value: number): string {
  return `${(value * 100).toFixed(1)} %`;
}

/** "pass" when `ok`, else "miss". */
export function verdict(ok: boolean): Verdict {
  return ok ? 'pass' : 'miss';
}

/** Median of a list of numbers (NaN when empty). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export interface Machine {
  cpuCount: number;
  cpuModel: string;
  node: string;
  date: string;
  memoryGb: number;
  loadAverage: string;
  commit: string;
}

export function machine(): Machine {
  const list = cpus();
  let commit = 'unknown';
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8' }).trim() !== '';
    commit = `${head}${dirty ? ' + uncommitted changes' : ''}`;
  } catch {
    // Not a git checkout: leave it unknown.
  }
  return {
    cpuCount: list.length,
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    node: process.version,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    memoryGb: totalmem() / 1024 ** 3,
    loadAverage: loadavg()
      .map((value) => value.toFixed(2))
      .join(' / '),
    commit,
  };
}

export function machineLines(m: Machine, loadAtEnd?: string): string[] {
  return [
    `- Machine: ${m.cpuCount} CPU${m.cpuCount === 1 ? '' : 's'}, ${m.cpuModel}, ${m.memoryGb.toFixed(1)} GB RAM`,
    `- Node ${m.node}, ${process.platform} ${process.arch}`,
    `- Date: ${m.date}; commit ${m.commit}`,
    `- Load average (1/5/15 min) at start: ${m.loadAverage}${loadAtEnd ? `; at end: ${loadAtEnd}` : ''}`,
  ];
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

export function markdownTable(rows: readonly Row[]): string {
  const lines = [
    '| benchmark | figure | median | p99 or min/max | target | result |',
    '|---|---|---:|---:|---|---|',
  ];
  for (const row of rows) {
    const result = row.verdict === 'pass' ? 'pass' : row.verdict === 'miss' ? '**MISS**' : '—';
    lines.push(
      `| ${cell(row.bench)} | ${cell(row.figure)} | ${cell(row.median)} | ${cell(row.spread)} | ${cell(row.target)} | ${result} |`,
    );
  }
  return lines.join('\n');
}
