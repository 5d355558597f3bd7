/**
 * The README reads in five minutes (issue 26): at most 250 lines, the operator's sections in order, table
 * cells of one line each, and the "latest agreement" and retrieval date it states match the data.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatPartialDate } from '../src/data/dates.js';
import { botPermissions } from '../src/interactions/registration.js';
import { context } from './helpers/bot.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README.md', () => {
  it('is at most 250 lines', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(250);
  });

  it('has the operator’s sections in order', () => {
    const headings = [...readme.matchAll(/^## (.+)$/gm)].map(([, heading]) => heading);
    expect(headings).toEqual([
      'Quick start',
      'Using it',
      'Going live on Discord',
      'Deploying',
      'Configuration',
      'Read more',
    ]);
    // Replies as Discord draws them (issue 24): a partner card, /mou, /ask and the timeline, each a real picture.
    const pictures = [...readme.matchAll(/!\[[^\]]+\]\((docs\/screenshots\/[\w.-]+\.png)\)/g)].map(
      (m) => m[1],
    );
    for (const kind of ['partner-', 'mou.', 'ask-', 'mou-timeline.'])
      expect(pictures.some((picture) => picture?.includes(`/${kind}`))).toBe(true);
    for (const picture of pictures)
      expect(existsSync(new URL(`../${picture}`, import.meta.url)), picture).toBe(true);
    for (const link of ['docs/ARCHITECTURE.md', 'docs/PERFORMANCE.md', 'SECURITY.md']) {
      expect(readme.slice(readme.indexOf('## Read more'))).toContain(`](${link})`);
    }
  });

  it('keeps every table cell short (one line on a laptop screen)', () => {
    const cells = readme
      .split('\n')
      .filter((line) => line.startsWith('|') && !/^\|[\s|:-]+\|$/.test(line))
      .flatMap((line) => line.split('|').map((cell) => cell.trim()));
    expect(cells.filter((cell) => cell.length > 100)).toEqual([]);
  });

  it('says how current the data is: the month of the latest agreement in the dataset', () => {
    const dates = context.dataset.partners.flatMap((partner) =>
      partner.agreements.flatMap((agreement) => (agreement.date ? [agreement.date] : [])),
    );
    const latest = dates.sort().at(-1) ?? '';
    expect(latest).not.toBe('');
    const month = formatPartialDate(latest.slice(0, 7) as Parameters<typeof formatPartialDate>[0]);
    expect(readme).toContain(`latest agreement ${month}`);
    const agreements =
      dates.length + context.dataset.partners.flatMap((p) => p.agreements).filter((a) => !a.date).length;
    expect(readme).toContain(`${context.dataset.partners.length} partners, ${agreements}`);
  });

  it('invites the bot with the permissions it needs to answer @mentions', () => {
    expect(readme).toContain(`&permissions=${botPermissions}\``);
  });

  it('gives the retrieval date recorded in the data (source.retrieved)', () => {
    expect(readme).toContain(formatPartialDate(context.dataset.source.retrieved.date));
  });
});
