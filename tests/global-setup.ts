// Builds dist/ once before the suite: the child-process tests run the compiled entry points through
// scripts/run.mjs, and several of them compiling at the same time would race.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')],
    { cwd: root, encoding: 'utf8' },
  );
  if (result.status !== 0) {
    // tsc still emits on type errors; the typecheck step reports them. Show them, and let the tests run.
    process.stderr.write(
      `global-setup: tsc -p tsconfig.build.json reported problems:\n${result.stdout}${result.stderr}\n`,
    );
  }
}
