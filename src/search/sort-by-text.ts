/** Indices up to this many are packed beside the first two characters in one double (52 bits in all). */
const INDEX_BITS = 20;
const INDEX_LIMIT = 2 ** INDEX_BITS;

function compareTexts(texts: readonly string[], a: number, b: number): number {
  const x = texts[a] as string;
  const y = texts[b] as string;
  return x < y ? -1 : x > y ? 1 : a - b;
}

/**
 * The indices of `texts` in the order of their texts (by UTF-16 code units, as `<` compares; equal texts in index
 * order), as a stable sort with a string comparator gives, but mostly by a native numeric sort: each index is packed
 * with its text's first two code units, and only the texts sharing those are then compared as strings.
 */
export function sortByText(texts: readonly string[]): Int32Array {
  const count = texts.length;
  if (count >= INDEX_LIMIT) {
    return Int32Array.from(texts.map((_, index) => index).sort((a, b) => compareTexts(texts, a, b)));
  }
  const keys = new Float64Array(count);
  for (let index = 0; index < count; index++) {
    const text = texts[index] as string;
    // A missing character counts as 0: a shorter text sorts first, as it does with `<`.
    const prefix =
      (text.length > 0 ? text.charCodeAt(0) : 0) * 65536 + (text.length > 1 ? text.charCodeAt(1) : 0);
    keys[index] = prefix * INDEX_LIMIT + index;
  }
  keys.sort();
  const order = new Int32Array(count);
  for (let k = 0; k < count; k++) order[k] = (keys[k] as number) % INDEX_LIMIT;
  // Runs that share the first two characters: ordered by the whole text.
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
