/**
 * `engines` says what is tested: the Node majors it allows are exactly those .ci/run runs the suite on, and the
 * Node running this suite is one of them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from './helpers/child-process.js';

const engines = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')).engines.node as string;
const ciScript = readFileSync(join(projectRoot, '.ci', 'run'), 'utf8');

/** The majors of a range written as `^A.B.C || ^D.E.F`, with each one's lowest allowed version. */
const ranges = engines.split('||').map((part) => {
  const match = /^\s*\^(\d+)\.(\d+)\.(\d+)\s*$/.exec(part);
  if (!match) throw new Error(`engines.node part "${part}" is not of the form ^major.minor.patch`);
  return match.slice(1).map(Number) as [number, number, number];
});

describe('engines and CI', () => {
  it('engines names exactly the Node majors CI tests', () => {
    const tested = /versions="\$\{CI_NODE_VERSIONS:-([\d ]+)\}"/.exec(ciScript)?.[1]?.split(' ').map(Number);
    expect(ranges.map(([major]) => major)).toEqual(tested);
  });

  it('the Node running the tests satisfies engines', () => {
    const [major, minor, patch] = process.versions.node.split('.').map(Number) as [number, number, number];
    const range = ranges.find(([rangeMajor]) => rangeMajor === major);
    expect(range, `Node ${process.versions.node} is not in engines (${engines})`).toBeDefined();
    const [, lowMinor, lowPatch] = range as [number, number, number];
    expect(minor * 1e6 + patch).toBeGreaterThanOrEqual(lowMinor * 1e6 + lowPatch);
  });
});
