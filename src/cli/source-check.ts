// npm run source:check -- <file> [--json] [--write]: compares a new copy of the WCO partnerships page (text, or
// the page as HTML saved from a browser) with the quotes data/ rests on. Exit code: 0 nothing to do, 1 the data
// needs a look (or invalid data), 2 the file cannot be read or the command line is wrong.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadDotEnv } from '../config.js';
import { loadDataset, sourcePathOf } from '../data/load.js';
import { configuredPartnersPath, projectRoot } from '../data/paths.js';
import { orExit } from '../or-exit.js';
import { checkSource } from '../source-check/check.js';
import { formatReport } from '../source-check/format.js';
import { readCopy, UnreadableCopy } from '../source-check/read-copy.js';
import { readArgs } from './args.js';

const usage = `Usage: npm run source:check -- <file> [--json] [--write]
  <file>   a new copy of the WCO partnerships page: its text, or the page as HTML saved from a browser
           (any encoding: UTF-8, UTF-16, Latin-1/Windows-1252…)
  --json   print the report as JSON, for scripts
  --write  then replace the data's source document with this copy (as text) and print what validate-data says
Reports each quote of data/partners.json as word for word, changed (with a word diff) or gone, the facts each
changed quote supports (a changed agreement date first), and paragraphs no record quotes.
Exit code: 0 nothing to do, 1 the data needs a look, 2 the file cannot be read.`;

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

const { values: flags, positionals } = readArgs(
  process.argv.slice(2),
  { json: { type: 'boolean' }, write: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  'npm run source:check -- --help lists the options',
);
if (flags.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
const [file, ...extra] = positionals;
if (file === undefined || extra.length) {
  fail(
    'source:check takes one file, the new copy of the page: npm run source:check -- <file> (--help for more)',
    2,
  );
}

let bytes: Buffer;
try {
  bytes = readFileSync(file);
} catch (error) {
  fail(`source:check: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`, 2);
}
let copy: ReturnType<typeof readCopy>;
try {
  copy = readCopy(bytes, file);
} catch (error) {
  if (!(error instanceof UnreadableCopy)) throw error;
  fail(`source:check: cannot check ${file}: ${error.message}`, 2);
}

const { dataset, partnersPath } = orExit(() => {
  loadDotEnv();
  const partnersPath = configuredPartnersPath();
  return { dataset: loadDataset({ partnersPath }), partnersPath };
});
const sourcePath = sourcePathOf({ source: dataset.source }, partnersPath);
const shown = (path: string) => {
  const inProject = relative(projectRoot, path);
  return inProject.startsWith('..') ? path : inProject;
};
const report = checkSource({
  partners: dataset.partners,
  corrections: dataset.corrections,
  currentSource: readFileSync(sourcePath, 'utf8'),
  copy,
});

let written: { file: string; validateData: { exitCode: number; output: string } } | undefined;
if (flags.write) {
  writeFileSync(sourcePath, copy.text);
  const run = spawnSync(
    process.execPath,
    [join(projectRoot, 'scripts', 'run.mjs'), 'validate-data', partnersPath],
    {
      encoding: 'utf8',
    },
  );
  written = {
    file: shown(sourcePath),
    validateData: { exitCode: run.status ?? 1, output: `${run.stdout}${run.stderr}`.trim() },
  };
}

if (flags.json) {
  process.stdout.write(
    `${JSON.stringify({ file, against: shown(sourcePath), ...report, written }, null, 2)}\n`,
  );
} else {
  process.stdout.write(`${formatReport(report, file, shown(sourcePath))}\n`);
  if (written) {
    const output = written.validateData.output.replace(/^/gm, '  ');
    process.stdout.write(`\nWrote this copy to ${written.file}. validate-data now says:\n${output}\n`);
  }
}
process.exitCode = written?.validateData.exitCode ? 1 : report.exitCode;
