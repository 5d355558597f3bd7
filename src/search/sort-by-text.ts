/** Indices up to this many are packed beside the first characters in one double (52 bits in all). */
const INDEX_BITS = 20;
const INDEX_LIMIT = 2 ** INDEX_BITS;

function compareTexts(texts: readonly string[], a: number, b: number): number {
  const x = texts[a] as string;
  const y = texts[b] as string;
  return x < y ? -1 : x > y ? 1 : a - b;
}

/**
 * The first characters of a text as one number ordered as the texts are (a missing character counts as 0, so a
 * shorter text comes first, as with `<`): four of 8 bits when they all fit, else two of 16.
 */
function prefixKey(text: string, narrow: boolean): number {
  const at = (i: number) => (i < text.length ? text.charCodeAt(i) : 0);
  return narrow ? ((at(0) * 256 + at(1)) * 256 + at(2)) * 256 + at(3) : at(0) * 65536 + at(1);
}

/**
 * The indices of `texts` in the order of their texts (by UTF-16 code units, as `<` compares; equal texts in index
 * order), as a stable sort with a string comparator gives, but mostly by a native numeric sort: each index is packed
 * with its text's first characters, and only the texts sharing those are then compared as strings.
 */
export function sortByText(texts: readonly string[]): Int32Array {
  const count = texts.length;
  if (count >= INDEX_LIMIT) {
    return Int32Array.from(texts.map((_, index) => index).sort((a, b) => compareTexts(texts, a, b)));
  }
  // Four 8-bit characters when the first four of every text are below 256 (Latin-1), two 16-bit ones otherwise.
  let narrow = true;
  for (let index = 0; index < count && narrow; index++) {
    const text = texts[index] as string;
    for (let i = 0; i < 4 && i < text.length; i++) if (text.charCodeAt(i) > 255) narrow = false;
  }
  const keys = new Float64Array(count);
  for (let index = 0; index < count; index++) {
    keys[index] = prefixKey(texts[index] as string, narrow) * INDEX_LIMIT + index;
  }
  keys.sort();
  const order = new Int32Array(count);
  for (let k = 0; k < count; k++) order[k] = (keys[k] as number) % INDEX_LIMIT;
  // Runs that share those first characters: ordered by the whole text.
  for (let from = 0; from < count; ) {
    const prefix = Math.floor((keys[from] as number) / INDEX_LIMIT);
    let to = from + 1;
    while (to < count && Math.floor((keys[to] as number) / INDEX_LIMIT) === prefix) to++;
    if (to - from > 1) {
      const run = Array.from(order.subarray(from, to));
      run.sort((a, b) => compareTexts(texts, a, b));
      order.set(run, from);
    }
    from = to;
  }
  return order;
}
