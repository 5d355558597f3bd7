/**
 * Headless Chromium (Debian's `chromium` package, or CHROMIUM_PATH) driven by puppeteer-core, which never
 * downloads a browser of its own. Each picture is a page holding one fake Discord message, drawn by the
 * @skyra/discord-components-core web components, screenshotted cropped to the message. The page loads
 * nothing from the network: the components are bundled in (esbuild), pictures come as data: URLs, and any
 * other request is refused.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'puppeteer-core';

/** Where Debian, Ubuntu and Chrome's packages put the browser; CHROMIUM_PATH first when set. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [
    env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
  ];
  return candidates.find((path): path is string => Boolean(path) && existsSync(path as string));
}

export const installHint = [
  'npm run screenshots needs Chromium, which is not installed here. On Debian or Ubuntu:',
  '  sudo apt-get update && sudo apt-get install -y chromium fonts-noto-core fonts-noto-color-emoji',
  'or set CHROMIUM_PATH to a Chrome or Chromium binary.',
].join('\n');

/** The web components as one script for the page (a few hundred kB, bundled once per run). */
async function componentsScript(): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({
    stdin: {
      contents: "import '@skyra/discord-components-core';",
      resolveDir: fileURLToPath(new URL('../../..', import.meta.url)),
    },
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

// Discord's dark theme, and the fonts it falls back on where gg sans is missing (Noto Sans, Noto Color Emoji).
const pageStyle = `
  html, body { margin: 0; background: #313338; }
  discord-messages { border: none; font-family: 'Noto Sans', 'Liberation Sans', 'DejaVu Sans', 'Noto Color Emoji', sans-serif; }
`;

/**
 * Run in the page (a string: this project compiles without the DOM's types): resolves once every component
 * has rendered (Lit renders asynchronously, and a component may render others), its pictures are decoded
 * and the fonts are loaded.
 */
const drawn = `(async () => {
  await customElements.whenDefined('discord-message');
  for (let round = 0; round < 5; round++) {
    const elements = [];
    const collect = (root) => {
      for (const element of root.querySelectorAll('*')) {
        elements.push(element);
        if (element.shadowRoot) collect(element.shadowRoot);
      }
    };
    collect(document);
    await Promise.all(elements.map((element) => element.updateComplete));
    await Promise.all(
      elements.filter((element) => element instanceof HTMLImageElement).map((image) => image.decode().catch(() => {})),
    );
  }
  await document.fonts.ready;
})()`;

export interface Picture {
  html: string;
  width: number;
  path: string;
}

export class ScreenshotBrowser {
  private constructor(
    private readonly browser: Browser,
    private readonly script: string,
  ) {}

  static async launch(executablePath: string): Promise<ScreenshotBrowser> {
    const [{ default: puppeteer }, script] = await Promise.all([
      import('puppeteer-core'),
      componentsScript(),
    ]);
    const browser = await puppeteer.launch({
      executablePath,
      headless: true,
      // The sandbox needs user namespaces, which containers and root often lack; the pages are our own.
      args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'],
    });
    return new ScreenshotBrowser(browser, script);
  }

  /** Draws `html` at `width` CSS pixels and saves the message, cropped to it, as a PNG; returns its height. */
  async shoot({ html, width, path }: Picture): Promise<{ width: number; height: number }> {
    const page = await this.browser.newPage();
    try {
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        if (request.url().startsWith('data:') || request.url() === 'about:blank') void request.continue();
        else void request.abort();
      });
      await page.setViewport({ width, height: 800, deviceScaleFactor: 1 });
      await page.setContent(
        `<!doctype html><html><head><meta charset="utf-8"><style>${pageStyle}</style></head><body>${html}</body></html>`,
      );
      await page.addScriptTag({ content: this.script });
      await page.evaluate(drawn);
      const message = await page.$('discord-messages');
      if (!message) throw new Error('The page drew no message.');
      const box = await message.boundingBox();
      await message.screenshot({ path: path as `${string}.png` });
      return { width: Math.round(box?.width ?? width), height: Math.round(box?.height ?? 0) };
    } finally {
      await page.close();
    }
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}
