/**
 * The /mou timeline picture: the first render (SVG drawn from the data, then rendered to PNG by resvg with
 * the bundled font) and the cached answer every later request gets. Targets: first ≤ 300 ms, cached ≤ 1 ms.
 */
import { performance } from 'node:perf_hooks';
import { loadDataset } from '../src/data/load.js';
import { renderSvgToPng, timelinePng } from '../src/render/timeline-png.js';
import { timelineSvg } from '../src/render/timeline-svg.js';
import { type BenchResult, ms, verdict } from './report.js';
import { timeSync } from './timing.js';

const firstTargetMs = 300;
const cachedTargetMs = 1;

export async function runRenderBench(): Promise<BenchResult> {
  const dataset = loadDataset();
  // The very first picture of a process also loads the resvg addon and parses the font files.
  const coldStarted = performance.now();
  const png = timelinePng(dataset);
  const coldMs = performance.now() - coldStarted;

  // Every later first render (a new dataset, e.g. after a restart with the addon in the OS file cache).
  const first = timeSync('first render', () => renderSvgToPng(timelineSvg(dataset)), {
    iterations: 20,
    warmupIterations: 2,
  });
  const cached = timeSync('cached', () => timelinePng(dataset), {
    iterations: 10_000,
    warmupIterations: 100,
  });
  return {
    rows: [
      {
        bench: 'render',
        figure: 'timeline PNG, first render (SVG + resvg)',
        median: ms(first.p50),
        spread: `max ${ms(first.max)}`,
        target: `≤ ${firstTargetMs} ms`,
        verdict: verdict(first.max <= firstTargetMs && coldMs <= firstTargetMs),
      },
      {
        bench: 'render',
        figure: 'timeline PNG, cached',
        median: ms(cached.p50),
        spread: `p99 ${ms(cached.p99)}`,
        target: `≤ ${cachedTargetMs} ms`,
        verdict: verdict(cached.p99 <= cachedTargetMs),
      },
    ],
    notes: [
      `render: the first picture of the process (loading the resvg addon and the font) took ${ms(coldMs)}; PNG ${Math.round(png.length / 1024)} KiB, 1200×600.`,
    ],
  };
}
