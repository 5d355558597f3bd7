// Builds dist/ once before the suite (scripts/build.mjs: tsc, then the bundled HTTP endpoint): the child-process
// tests run the built entry points through scripts/run.mjs, and several of them building at once would race.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], {
    cwd: root,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    // tsc still emits on type errors; the typecheck step reports them. Show them, and let the tests run.
    process.stderr.write(
      `global-setup: npm run build reported problems:\n${result.stdout}${result.stderr}\n`,
    );
  }
}
