/**
 * `npm run source:check`: each copy of the page is the real source with a small edit made here, checked in
 * process (checkSource, for the report's content) and through the command (exit codes, --json, --write).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../src/data/load.js';
import { defaultDataDir } from '../src/data/paths.js';
import { checkSource, type SourceReport } from '../src/source-check/check.js';
import { readCopy, UnreadableCopy } from '../src/source-check/read-copy.js';
import { envWithout, runToEnd } from './helpers/child-process.js';
import { sourceText } from './helpers/data.js';

const dataset = loadDataset();
const folder = mkdtempSync(join(tmpdir(), 'wco-source-check-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The real source with `find` (which must occur exactly once) replaced. */
function edited(find: string, replacement: string, text = sourceText): string {
  expect(text.split(find)).toHaveLength(2);
  return text.replace(find, replacement);
}

function check(bytes: Uint8Array | string, name = 'copy.txt'): SourceReport {
  return checkSource({
    partners: dataset.partners,
    corrections: dataset.corrections,
    currentSource: sourceText,
    copy: readCopy(typeof bytes === 'string' ? Buffer.from(bytes) : bytes, name),
  });
}

/** The report's parts that say something changed, for comparing with a clean report. */
function findings(report: SourceReport) {
  const { headlines, quotes, newText, unrecordedRepairs, staleCorrections } = report;
  return {
    headlines,
    changed: quotes.changed,
    gone: quotes.gone,
    newText,
    unrecordedRepairs,
    staleCorrections,
  };
}
const nothing = {
  headlines: [],
  changed: [],
  gone: [],
  newText: [],
  unrecordedRepairs: [],
  staleCorrections: [],
};

const quoteCount = new Set(
  dataset.partners.flatMap((p) => [
    ...p.provenance,
    ...[p.agreements, p.milestones, p.focusAreas, p.programmes, p.relatedBodies, p.locations].flatMap(
      (items) => items.map((item) => item.source),
    ),
  ]),
).size;

const icomParagraph = (() => {
  const start = sourceText.indexOf('International Council of Museums (ICOM)');
  return sourceText.slice(start, sourceText.indexOf('International Narcotics Control Board', start));
})();

describe('source check: what the report says', () => {
  it('the unchanged source: every quote word for word, nothing new, exit code 0', () => {
    const report = check(sourceText);
    expect(findings(report)).toEqual(nothing);
    expect(report.droppedUnquoted).toEqual([]);
    expect(report.quotes).toMatchObject({ total: quoteCount, wordForWord: quoteCount });
    expect(report.exitCode).toBe(0);
    expect(report.summary).toBe(
      `${quoteCount} quotes: ${quoteCount} word for word, 0 changed, 0 gone; 0 new paragraphs, 0 paragraphs with new sentences: nothing to do.`,
    );
  });

  it('a changed date: the quote with its word diff, the facts it supports, and the agreement date as the headline', () => {
    const report = check(edited('signed on 24 June 2011', 'signed on 24 June 2012'));
    expect(report.headlines).toEqual([
      {
        kind: 'date changed',
        record: 'icao',
        field: 'agreements[0]',
        text: 'International Civil Aviation Organization: the MOU date changed in the source: 24 June 2011 → 24 June 2012; record "icao" agreements[0].date is "2011-06-24"',
      },
    ]);
    expect(report.quotes.changed).toHaveLength(1);
    const [change] = report.quotes.changed;
    expect(change?.now).toBe('An MOU between the WCO and ICAO was signed on 24 June 2012.');
    expect(change?.diff.filter((part) => part.added || part.removed)).toEqual([
      { value: '2011', added: false, removed: true },
      { value: '2012', added: true, removed: false },
    ]);
    expect(change?.supports).toContainEqual({
      record: 'icao',
      field: 'agreements[0]',
      fact: 'MOU, 24 June 2011',
    });
    expect(report.quotes.gone).toEqual([]);
    expect(report.newText).toEqual([]);
    expect(report.exitCode).toBe(1);
  });

  it('a removed paragraph: its quotes gone, the agreement among them a headline, its heading dropped', () => {
    const report = check(edited(icomParagraph, ''));
    expect(report.quotes.changed).toEqual([]);
    expect(new Set(report.quotes.gone.flatMap((entry) => entry.supports.map((fact) => fact.record)))).toEqual(
      new Set(['icom']),
    );
    expect(report.quotes.gone.flatMap((entry) => entry.supports.map((fact) => fact.field))).toContain(
      'agreements[0]',
    );
    expect(report.headlines).toEqual([
      expect.objectContaining({ kind: 'agreement quote gone', record: 'icom', field: 'agreements[0]' }),
    ]);
    expect(report.droppedUnquoted).toEqual(['International Council of Museums (ICOM)']);
    expect(report.newText).toEqual([]);
    expect(report.exitCode).toBe(1);
  });

  it('an added partner paragraph: reported with its dates and organisations, no quote touched', () => {
    const added =
      'World Trade Organization (WTO)\n\nThe WCO and the World Trade Organization (WTO) signed an MOU on 3 March 2025. ' +
      'Both organizations work with the International Chamber of Commerce (ICC) and INTERPOL on trade facilitation.\n\n';
    const report = check(edited(icomParagraph, `${added}${icomParagraph}`));
    expect(report.quotes.wordForWord).toBe(quoteCount);
    expect(report.newText).toEqual([
      expect.objectContaining({ kind: 'paragraph', text: 'World Trade Organization (WTO)', dates: [] }),
      {
        kind: 'paragraph',
        text: added.split('\n\n')[1]?.trim(),
        after: 'World Trade Organization (WTO)',
        dates: ['2025-03-03'],
        organisations: [
          { name: 'World Trade Organization (WTO)' },
          { name: 'International Chamber of Commerce (ICC)' },
          { name: 'INTERPOL', partner: 'interpol' },
        ],
      },
    ]);
    expect(report.headlines).toEqual([]);
    expect(report.exitCode).toBe(1);
  });

  it('an edited sentence: a quoted one shows as changed, an unquoted one as new sentences in its paragraph', () => {
    const report = check(
      edited(
        'signed an\u00a0MOU in 2003.',
        'signed an\u00a0MOU in 2004.',
        edited(
          'The WCO and WIPO closely co-operate in promoting',
          'The WCO and WIPO work together in promoting',
        ),
      ),
    );
    expect(
      report.quotes.changed.map((change) => change.diff.filter((part) => part.added || part.removed)),
    ).toEqual([
      [
        { value: 'closely co-operate', added: false, removed: true },
        { value: 'work together', added: true, removed: false },
      ],
    ]);
    expect(report.quotes.changed[0]?.supports.map((fact) => fact.record)).toEqual(['wipo', 'wipo']);
    expect(report.headlines).toEqual([]);
    expect(report.newText).toEqual([
      expect.objectContaining({
        kind: 'sentences',
        text: 'The two Secretariats signed an MOU in 2004.',
        in: expect.stringMatching(/^The WCO Secretariat and the INTERPOL have been working together/),
        dates: ['2004'],
      }),
    ]);
    expect(report.droppedUnquoted).toEqual(['The two Secretariats signed an MOU in 2003.']);
    expect(report.exitCode).toBe(1);
  });

  it('a copy saved with its lines wrapped reads as the same paragraphs', () => {
    const wrapped = sourceText.replace(/(.{60,72}) /g, '$1\n');
    expect(wrapped.split('\n').length).toBeGreaterThan(sourceText.split('\n').length + 100);
    expect(findings(check(wrapped))).toEqual(nothing);
  });

  it('a quote partly rewritten beyond recognition counts as gone, not as changed', () => {
    const report = check(
      edited(
        'The WCO and WIPO closely co-operate in promoting the effective use and protection of IP worldwide.',
        'Customs officers learn from WIPO experts how to spot fakes at the border.',
      ),
    );
    expect(report.quotes.changed).toEqual([]);
    expect(report.quotes.gone.map((entry) => entry.quote)).toEqual([
      'The WCO and WIPO closely co-operate in promoting the effective use and protection of IP worldwide.',
    ]);
    expect(report.newText.map((entry) => entry.kind)).toEqual(['sentences']);
  });
});

describe('source check: reading the copy', () => {
  /** The real source as a saved web page: every paragraph a <p> (headings <h2>), special characters as entities. */
  function asHtml(text: string, withMain: boolean): string {
    const blocks = text
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const html = line
          .replaceAll('&', '&amp;')
          .replaceAll('’', '&rsquo;')
          .replaceAll('‘', '&#8216;')
          .replaceAll('à', '&agrave;')
          .replaceAll('\u00a0', '&nbsp;')
          .replaceAll('Ċ', '&#266;')
          .replace('INTERPOL', '<a href="/interpol"><strong>INTERPOL</strong></a>');
        return /[.!?]$/.test(line) ? `<p>${html}</p>` : `<h2 class="title">${html}</h2>`;
      });
    const chrome = `<header><nav><ul><li><a href="/">Home</a></li><li>About us</li></ul></nav></header>
      <div role="navigation">Topics | Events | An MOU between the WCO and ICAO was signed on 1 April 2026.</div>`;
    const body = `${blocks.join('\n')}\n<p hidden>Subscribe to our newsletter.</p>`;
    return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Partnerships</title>
      <style>p { color: red }</style><script>window.page = "<p>Tracking code</p>";</script></head>
      <body>${chrome}${withMain ? `<main>${body}</main>` : body}
      <aside>Related links</aside><footer>© WCO 2026 — <a href="/legal">Legal notice</a></footer>
      <script src="/app.js"></script><noscript>Enable JavaScript</noscript></body></html>`;
  }

  it.each([true, false])(
    'the page as HTML (<main>: %s): scripts, navigation and markup dropped, entities decoded',
    (withMain) => {
      const report = check(asHtml(sourceText, withMain), 'saved.html');
      expect(findings(report)).toEqual(nothing);
      expect(report).toMatchObject({ format: 'html', exitCode: 0 });
    },
  );

  it('HTML recognised by its content, whatever the file is called; one edit in it reported as in text', () => {
    const report = check(
      asHtml(edited('signed on 24 June 2011', 'signed on 24 June 2012'), true),
      'page.txt',
    );
    expect(report.format).toBe('html');
    expect(report.headlines.map((headline) => headline.record)).toEqual(['icao']);
  });

  it.each([
    [
      'UTF-16 LE with a byte order mark',
      Buffer.concat([Buffer.of(0xff, 0xfe), Buffer.from(sourceText, 'utf16le')]),
      'utf-16le',
    ],
    ['UTF-16 BE without one', iconv.encode(sourceText, 'utf-16be'), 'utf-16be'],
    [
      'UTF-8 with a byte order mark',
      Buffer.concat([Buffer.of(0xef, 0xbb, 0xbf), Buffer.from(sourceText)]),
      'utf-8',
    ],
  ])('a file in %s: read as the same text', (_name, bytes, encoding) => {
    const report = check(bytes);
    expect(findings(report)).toEqual(nothing);
    expect(report).toMatchObject({ encoding, exitCode: 0 });
  });

  it('a file in Windows-1252 ("Latin-1"): ’, à and non-breaking spaces read right; the place it cannot spell is the one change', () => {
    // Windows-1252 has no "ř" and no "Ċ": a copy saved in it spells the place without the háček.
    const report = check(iconv.encode(edited('HeĊ™manice', 'Hermanice'), 'windows-1252'));
    expect(report.encoding).toBe('windows-1252');
    expect(report.quotes.gone).toEqual([]);
    expect(report.quotes.changed.length).toBeGreaterThan(0);
    for (const change of report.quotes.changed) {
      expect(change.diff.filter((part) => part.added || part.removed).map((part) => part.value)).toEqual([
        'Heřmanice',
        'Hermanice',
      ]);
    }
    expect(report.staleCorrections).toEqual(['HeĊ™manice']);
    expect(report.newText).toEqual([]);
  });

  it('mojibake of the current copy’s kind, decoded another way ("HeÅ™manice"), is repaired and named', () => {
    const report = check(edited('HeĊ™manice', 'HeÅ™manice'));
    expect(report.quotes.wordForWord).toBe(quoteCount);
    expect(report.unrecordedRepairs).toEqual([{ find: 'HeÅ™manice', with: 'Heřmanice' }]);
    expect(report.staleCorrections).toEqual(['HeĊ™manice']);
    expect(report.exitCode).toBe(1);
  });

  it.each([
    ['an empty file', Buffer.alloc(0), 'the file is empty'],
    ['a file of white space', Buffer.from(' \n\u00a0\n'), 'the file is empty'],
    ['a binary file (the source, gzipped)', gzipSync(sourceText), 'it looks like a binary file'],
    [
      'a binary file (a PNG header)',
      Buffer.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13),
      'binary',
    ],
    [
      'HTML with no text outside scripts',
      Buffer.from('<html><script>alert(1)</script><nav>Home</nav></html>'),
      'no text',
    ],
  ])('%s cannot be checked', (_name, bytes, reason) => {
    expect(() => readCopy(bytes, 'copy')).toThrow(UnreadableCopy);
    expect(() => readCopy(bytes, 'copy')).toThrow(reason);
  });
});

describe('npm run source:check', () => {
  const env = { ...envWithout(/^(DISCORD_|WCO_)/), WCO_SKIP_DOTENV: '1' };
  const sourceCheck = (args: string[], environment = env) =>
    runToEnd(['source-check', '--', ...args], environment);
  const saved = (name: string, content: string | Uint8Array) => {
    const path = join(folder, name);
    writeFileSync(path, content);
    return path;
  };

  it('exit code 0 on the unchanged source, 1 with a changed date (the headline first, the summary last)', async () => {
    const clean = await sourceCheck([saved('same.txt', sourceText)]);
    expect(clean).toMatchObject({ code: 0, stderr: '' });
    expect(clean.stdout).toContain('nothing to do.');

    const changed = await sourceCheck([
      saved('changed.txt', edited('signed on 24 June 2011', 'signed on 24 June 2012')),
    ]);
    expect(changed).toMatchObject({ code: 1, stderr: '' });
    const lines = changed.stdout.trimEnd().split('\n');
    expect(lines).toContain(
      '  ! International Civil Aviation Organization: the MOU date changed in the source: 24 June 2011 → 24 June 2012; record "icao" agreements[0].date is "2011-06-24"',
    );
    expect(lines).toContain('  1. An MOU between the WCO and ICAO was signed on 24 June [-2011-]{+2012+}.');
    expect(lines.indexOf('HEADLINES')).toBeLessThan(
      lines.findIndex((line) => line.startsWith('Quotes changed')),
    );
    expect(lines.at(-1)).toMatch(/^Summary: .* 1 changed, 0 gone; .*the data needs a look\.$/);
  });

  it('--json prints the same report as JSON', async () => {
    const path = saved('json.txt', edited('signed on 24 June 2011', 'signed on 24 June 2012'));
    const { code, stdout } = await sourceCheck([path, '--json']);
    expect(code).toBe(1);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ file: path, against: 'data/source/wco-partnerships.txt', exitCode: 1 });
    expect(json.headlines).toEqual(check(readFileSync(path)).headlines);
  });

  it.each([
    ['an empty file', '', 'the file is empty'],
    ['a binary file', gzipSync(sourceText), 'it looks like a binary file, not the page as text or HTML'],
  ])('exit code 2 and one line for %s', async (name, content, reason) => {
    const path = saved(`${name}.bin`, content);
    expect(await sourceCheck([path])).toEqual({
      code: 2,
      stdout: '',
      stderr: `source:check: cannot check ${path}: ${reason}\n`,
    });
  });

  it('refuses an unknown option or a missing file in one line with exit code 2, and explains itself with --help', async () => {
    expect(await sourceCheck(['copy.txt', '--bogus'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'Unknown option --bogus: npm run source:check -- --help lists the options\n',
    });
    expect(await sourceCheck([join(folder, 'missing.txt')])).toEqual({
      code: 2,
      stdout: '',
      stderr: `source:check: cannot read ${join(folder, 'missing.txt')}: ENOENT\n`,
    });
    expect((await sourceCheck([])).stderr).toMatch(/^source:check takes one file.*\n$/);
    const help = await sourceCheck(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run source:check -- <file> \[--json\] \[--write\]/);
  });

  it('--write replaces the source document with the copy and prints what validate-data then says', async () => {
    const dataDir = join(folder, 'data');
    cpSync(defaultDataDir, dataDir, { recursive: true });
    const copyEnv = { ...env, WCO_DATA_DIR: dataDir };
    const newCopy = edited('signed on 24 June 2011', 'signed on 24 June 2012');

    const { code, stdout } = await sourceCheck([saved('write.txt', newCopy), '--write'], copyEnv);
    expect(code).toBe(1);
    expect(readFileSync(join(dataDir, 'source', 'wco-partnerships.txt'), 'utf8')).toBe(newCopy);
    expect(stdout).toContain(
      `Wrote this copy to ${join(dataDir, 'source', 'wco-partnerships.txt')}. validate-data now says:`,
    );
    expect(stdout).toMatch(
      /record "icao" at partners\[\d+\]\.agreements\[0\]\.source: quote does not occur verbatim/,
    );
    // The real data/ is untouched.
    expect(readFileSync(join(defaultDataDir, 'source', 'wco-partnerships.txt'), 'utf8')).toBe(sourceText);
  });
});
