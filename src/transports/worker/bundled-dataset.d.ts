// The dataset the Worker build bundles (build.ts resolves this specifier to the validated snapshot).
declare module 'wco:dataset' {
  const snapshot: import('../../data/bundled.js').DatasetSnapshot;
  export default snapshot;
}
