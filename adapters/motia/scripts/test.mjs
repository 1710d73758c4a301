// Runs the compiled test files (dist/test/*.test.js) one at a time with
// node's test runner, on every Node version the package supports (18 has no
// --test-concurrency and reads no globs). Arguments keep the files whose
// names contain one of them: `node scripts/test.mjs cron live`.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'test');
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.test.js') && (only.length === 0 || only.some((o) => f.includes(o))))
  .sort()
  .map((f) => path.join(dir, f));
const run = (args) =>
  new Promise((resolve) => spawn(process.execPath, ['--test', ...args], { stdio: 'inherit' }).on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));

// --test-concurrency: Node 20.10 and later.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major > 20 || (major === 20 && minor >= 10)) {
  process.exit(await run(['--test-concurrency=1', ...files]));
} else {
  // One runner per file, one after the other.
  const failed = [];
  for (const file of files) if ((await run([file])) !== 0) failed.push(path.basename(file));
  console.log(failed.length ? `# failed: ${failed.join(', ')}` : `# all ${files.length} files passed`);
  process.exit(failed.length ? 1 : 0);
}
