import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from './helpers/child-process.js';

/**
 * Imports flow one way: the folders of src/ and commands/ form layers. Each folder may import only from the
 * folders listed before it (and from itself); the files at the top of src/ (config, logger, or-exit) count as
 * one more folder, `src`. A folder that is not listed here fails the test, so a new one gets a place on purpose.
 */
const layers = [
  'src/data',
  'src/i18n',
  'src/search',
  'src/questions',
  'src/mentions',
  'src/source-check',
  'src/toolkit',
  'src/cards',
  'src/render',
  'commands',
  'src/interactions',
  'src',
  'src/metrics',
  'src/transports',
  'src/screenshots',
  'src/cli',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(projectRoot, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(dir, name));
}

/** The project files a file imports (relative specifiers only), as paths from the project root. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(projectRoot, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map(
    (match) => match[1],
  );
  return specifiers.map((specifier) =>
    relative(projectRoot, resolve(projectRoot, dirname(file), specifier!)).replace(/\.js$/, '.ts'),
  );
}

/** The layer a file belongs to: its folder under src/ (first level), `src` for src/*.ts, or `commands`. */
function layerOf(file: string): string {
  const parts = file.split('/');
  if (parts[0] === 'commands') return 'commands';
  return parts.length === 2 ? 'src' : `${parts[0]}/${parts[1]}`;
}

const files = [...sourceFiles('src'), ...sourceFiles('commands')].filter((file) => !file.endsWith('.d.ts'));
const graph = new Map(
  files.map((file) => [file, importsOf(file).filter((target) => files.includes(target))]),
);

describe('imports flow one way', () => {
  it('puts every folder in a layer', () => {
    expect([...new Set(files.map(layerOf))].filter((layer) => !layers.includes(layer))).toEqual([]);
  });

  it('imports only from its own layer or the layers below it', () => {
    const upward = [...graph].flatMap(([file, targets]) =>
      targets
        .filter((target) => layers.indexOf(layerOf(target)) > layers.indexOf(layerOf(file)))
        .map((target) => `${file} → ${target}`),
    );
    expect(upward).toEqual([]);
  });

  it('has no import cycle between files', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'visiting');
      for (const target of graph.get(file) ?? []) visit(target, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('reads the imports, so the checks above are not vacuous', () => {
    expect(graph.get('src/interactions/handle.ts')).toContain('src/toolkit/custom-id.ts');
  });
});
