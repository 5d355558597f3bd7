import { extname } from 'node:path';
import iconv from 'iconv-lite';
import { pageText } from './page-text.js';

/** A new copy of the WCO page, as lines of plain text whatever form it came in. */
export interface Copy {
  /** The page's text: one paragraph or heading a line (HTML: its blocks; text: as saved). */
  text: string;
  format: 'text' | 'html';
  /** The encoding it was read with ("utf-8", "utf-16le", "windows-1252"…). */
  encoding: string;
}

/** Why a file cannot be checked (exit code 2). */
export class UnreadableCopy extends Error {
  override name = 'UnreadableCopy';
}

const boms: [bytes: number[], encoding: string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

/** C0 control characters other than tab, line feed, form feed and carriage return: text has next to none. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: counting control characters is the point.
const controlCharacter = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;

/**
 * Reads the bytes of a saved page. The encoding is taken in the order a browser takes it: a byte order mark, an
 * HTML page's own <meta charset>, UTF-16 recognised by its zero bytes, valid UTF-8, else Windows-1252 (what
 * browsers read "Latin-1" as). iconv-lite decodes: Node's TextDecoder reads windows-1252 as Latin-1, so "’"
 * (byte 92) would come out as a control character. Throws UnreadableCopy.
 */
export function readCopy(bytes: Uint8Array, fileName: string): Copy {
  if (bytes.length === 0) throw new UnreadableCopy('the file is empty');
  const encoding = encodingOf(bytes);
  const decoded = iconv.decode(bytes, encoding);
  const controls = decoded.match(controlCharacter)?.length ?? 0;
  if (decoded.includes('\u0000') || controls > decoded.length / 100) {
    throw new UnreadableCopy('it looks like a binary file, not the page as text or HTML');
  }
  const html = isHtml(decoded, fileName);
  const text = (html ? pageText(decoded) : decoded).replace(/\r\n?/g, '\n');
  if (!text.trim()) {
    throw new UnreadableCopy(
      html ? 'the HTML holds no text outside scripts and navigation' : 'the file is empty',
    );
  }
  return { text, format: html ? 'html' : 'text', encoding };
}

function encodingOf(bytes: Uint8Array): string {
  for (const [mark, encoding] of boms) {
    if (mark.every((byte, index) => bytes[index] === byte)) return encoding;
  }
  const declared = declaredCharset(bytes);
  if (declared) return declared;
  const utf16 = utf16ByZeroBytes(bytes);
  if (utf16) return utf16;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/** The charset an HTML page declares in its first 1024 bytes (the browser's prescan), when iconv-lite knows it. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = iconv.decode(bytes.subarray(0, 1024), 'latin1');
  const label = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (!label || !iconv.encodingExists(label)) return undefined;
  // A page whose <meta> could be read byte by byte is not UTF-16, whatever it says (as browsers decide).
  return label.startsWith('utf-16') ? 'utf-8' : label;
}

/** UTF-16 without a byte order mark: Latin text has a zero byte in every other place, on one side only. */
function utf16ByZeroBytes(bytes: Uint8Array): string | undefined {
  const sample = bytes.subarray(0, 4096);
  const zeros = [0, 0];
  sample.forEach((byte, index) => {
    if (byte === 0) zeros[index % 2] = (zeros[index % 2] ?? 0) + 1;
  });
  const pairs = sample.length / 2;
  const [even = 0, odd = 0] = zeros;
  if (odd > pairs * 0.4 && even < pairs * 0.05) return 'utf-16le';
  if (even > pairs * 0.4 && odd < pairs * 0.05) return 'utf-16be';
  return undefined;
}

function isHtml(text: string, fileName: string): boolean {
  if (/^\.x?html?$/i.test(extname(fileName))) return true;
  return /^\s*</.test(text) && /<(?:!doctype\s+html|html|body|p|div|h[1-6])[\s>]/i.test(text);
}
