import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foldWhitespace, WordPositions } from '../src/data/source-text.js';

const source = foldWhitespace(readFileSync('data/source/wco-partnerships.txt', 'utf8'));
const index = new WordPositions(source);

describe('WordPositions.includes answers as String.includes does', () => {
  // Every slice of the real source at many starts and lengths (mid-word starts and ends included), plus the same
  // slices with one character changed, so both answers occur.
  const patterns: string[] = [];
  for (let start = 0; start < source.length - 200; start += 997) {
    for (const length of [1, 3, 8, 17, 40, 120]) {
      const slice = source.slice(start, start + length);
      patterns.push(slice, ` ${slice} `, `${slice.slice(0, -1)}#`, slice.replace(/ /, '  '));
    }
  }
  patterns.push('', ' ', 'world customs organization', ' the the ', 'zzz qqq');

  it.each([true, false])('found = %s: same answer for every pattern', (found) => {
    const expected = patterns.filter((pattern) => source.includes(pattern) === found);
    expect(expected.length).toBeGreaterThan(10);
    expect(expected.filter((pattern) => index.includes(pattern) !== found)).toEqual([]);
  });
});
