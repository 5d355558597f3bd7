// npm run screenshots [-- --out DIR] [--only NAME]: draws the bot's real replies as Discord shows them, at
// laptop (1000 px) and phone (400 px) width, in English and French, into docs/screenshots/ as PNG files
// named <reply>.<en|fr>.<laptop|phone>.png. Needs Chromium (Debian's `chromium` package); without it, says
// how to install it and exits 1. Exit code 2: a bad option, or a reply the bot refused.
import { mkdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { entryPointArgs } from './args.js';

const usage = `Usage: npm run screenshots [-- --out DIR] [--only NAME]
  --out DIR    where the PNG files go (default docs/screenshots)
  --only NAME  only the replies whose name holds NAME (e.g. partner, mou-2003)
Needs Chromium: apt-get install -y chromium fonts-noto-core fonts-noto-color-emoji, or CHROMIUM_PATH.`;

const { values: flags } = entryPointArgs('npm run screenshots', usage, {
  out: { type: 'string' },
  only: { type: 'string' },
});

const [{ findChromium, installHint, ScreenshotBrowser }, replies, { loadBotContext }] = await Promise.all([
  import('../screenshots/browser.js'),
  import('../screenshots/replies.js'),
  import('../interactions/create-context.js'),
]);

const chromium = findChromium();
if (!chromium) {
  process.stderr.write(`${installHint}\n`);
  process.exit(1);
}

const root = fileURLToPath(new URL('../../..', import.meta.url));
const out = resolve(flags.out ?? join(root, 'docs', 'screenshots'));
const chosen = replies.shots.filter((shot) => !flags.only || shot.name.includes(flags.only));
if (!chosen.length) {
  process.stderr.write(
    `No reply is named like "${flags.only}": ${replies.shots.map((shot) => shot.name).join(', ')}\n`,
  );
  process.exit(2);
}

const context = loadBotContext();
mkdirSync(out, { recursive: true });
const browser = await ScreenshotBrowser.launch(chromium);
let refused = 0;
try {
  for (const shot of chosen) {
    for (const language of Object.keys(replies.languages) as (keyof typeof replies.languages)[]) {
      const answered = replies.answerShot(shot, language, context);
      if (!answered.ok) {
        process.stderr.write(`${shot.name} (${language}): ${answered.error}\n`);
        refused++;
        continue;
      }
      for (const [layout, width] of Object.entries(replies.layouts) as [
        keyof typeof replies.layouts,
        number,
      ][]) {
        const path = join(out, `${shot.name}.${language}.${layout}.png`);
        const html = replies.replyHtml(answered.response, {
          commandName: answered.commandName,
          clicked: Boolean(shot.clicks?.length),
          language,
          layout,
        });
        const size = await browser.shoot({ html, width, path });
        const kB = Math.round(statSync(path).size / 1024);
        process.stdout.write(`${relative(process.cwd(), path)}  ${size.width}×${size.height} px, ${kB} kB\n`);
      }
    }
  }
} finally {
  await browser.close();
}
if (refused) process.exitCode = 2;
