/** One tinybench task at a time, with a fixed number of iterations, returning its latency statistics. */
import { Bench, type Fn, type FnHook, type Statistics } from 'tinybench';

export interface TaskOptions {
  iterations: number;
  warmupIterations?: number;
  /** Untimed, before each iteration (warm-up and run). */
  beforeEach?: FnHook;
  /** Untimed, once before the warm-up and once before the run. */
  beforeAll?: FnHook;
  /** Untimed, after each iteration. */
  afterEach?: FnHook;
  /** Stops the run early; the statistics cover the iterations done. */
  signal?: AbortSignal;
}

function statisticsOf(bench: Bench, name: string): Statistics {
  const task = bench.getTask(name);
  const result = task?.result;
  // 'completed', or 'aborted-with-statistics' when stopped early through the signal.
  if (!result || !('latency' in result)) {
    const error = result && 'error' in result ? result.error : undefined;
    throw new Error(`benchmark task "${name}" failed: ${error?.stack ?? result?.state ?? 'no result'}`);
  }
  return result.latency;
}

function hooks({ beforeAll, beforeEach, afterEach, signal }: TaskOptions) {
  return { beforeAll, beforeEach, afterEach, signal };
}

function benchFor(options: TaskOptions): Bench {
  return new Bench({
    iterations: options.iterations,
    time: 0,
    warmup: (options.warmupIterations ?? 0) > 0,
    warmupIterations: options.warmupIterations ?? 0,
    warmupTime: 0,
  });
}

/** Runs a synchronous task exactly `iterations` times (after the warm-up); latency in ms. */
export function timeSync(name: string, fn: () => unknown, options: TaskOptions): Statistics {
  const bench = benchFor(options);
  bench.add(name, fn, hooks(options));
  bench.runSync();
  return statisticsOf(bench, name);
}

/** Runs an asynchronous task exactly `iterations` times, one after the other; latency in ms. */
export async function timeAsync(name: string, fn: Fn, options: TaskOptions): Promise<Statistics> {
  const bench = benchFor(options);
  bench.add(name, fn, { async: true, ...hooks(options) });
  await bench.run();
  return statisticsOf(bench, name);
}
