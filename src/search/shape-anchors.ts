/**
 * One long-lived instance of each class that indexes make and drop (tables, lists, builders, fuse.js searchers).
 * V8 keeps the hidden class of an object made by a class constructor only while some object still uses it: once
 * every instance has been collected (an index dropped and the heap collected, as the benchmarks do before each timed
 * run), the hidden class goes, and with it the optimized code compiled for it. The next index is then built, and
 * queried, by unoptimized code until the JIT has warmed up again. These few small instances keep the hidden classes,
 * and so the compiled code, for good. They hold no data of any index.
 */
const anchors: unknown[] = [];

export function anchorShapes(...instances: unknown[]): void {
  anchors.push(...instances);
}
