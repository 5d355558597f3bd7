import iconv from 'iconv-lite';

/**
 * Text whose UTF-8 bytes were once read one byte a character, in a single-byte charset: "ř" (bytes C5 99)
 * shown as "Å™" (Windows-1252) or, as in the current copy of the page, "Ċ™" (C5 read as ISO 8859-3). The
 * single-byte charsets a Western or Central European page is misread in (decoded by iconv-lite: Node's
 * TextDecoder reads windows-1252 as Latin-1); the first to give a character its byte wins.
 */
const misreadAs = ['windows-1252', 'iso-8859-2', 'iso-8859-3'];

const byteOf = new Map<string, number>();
for (const encoding of misreadAs) {
  for (let byte = 0x80; byte <= 0xff; byte++) {
    const character = iconv.decode(Uint8Array.of(byte), encoding);
    if (character !== '\ufffd' && !byteOf.has(character)) byteOf.set(character, byte);
  }
}

const charactersFor = (low: number, high: number) =>
  [...byteOf].filter(([, byte]) => byte >= low && byte <= high).map(([character]) => character);
const asClass = (characters: string[]) =>
  characters.map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');

/** A character read from a UTF-8 lead byte (C2–F4), then those read from continuation bytes (80–BF). */
const misread = new RegExp(
  `[${asClass(charactersFor(0xc2, 0xf4))}][${asClass(charactersFor(0x80, 0xbf))}]+`,
  'g',
);
const utf8 = new TextDecoder('utf-8', { fatal: true });

export interface Repair {
  find: string;
  with: string;
}

/** The character whose UTF-8 bytes a run of misread characters is, or the run itself. */
function repairRun(run: string): string {
  const lead = byteOf.get(run[0] ?? '') ?? 0;
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
  if (run.length < length) return run;
  try {
    return (
      utf8.decode(Uint8Array.from([...run.slice(0, length)], (c) => byteOf.get(c) ?? 0)) + run.slice(length)
    );
  } catch {
    return run;
  }
}

/**
 * Puts back each character whose UTF-8 bytes were read as single-byte characters, and lists the words it
 * changed ("HeÅ™manice" → "Heřmanice").
 */
export function repairMojibake(text: string): { text: string; repairs: Repair[] } {
  const repairs = new Map<string, string>();
  for (const word of text.match(/\S*[^\s!-~]\S*/g) ?? []) {
    const core = word.replace(/^[!-/:-@[-`{-~]+|[!-/:-@[-`{-~]+$/g, ''); // ASCII punctuation around
    const repaired = core.replace(misread, repairRun);
    if (repaired !== core) repairs.set(core, repaired);
  }
  return {
    text: repairs.size ? text.replace(misread, repairRun) : text,
    repairs: [...repairs].map(([find, replacement]) => ({ find, with: replacement })),
  };
}
