// The package as a Motia team gets it: `npm pack` in a checkout of this
// folder alone (no protocol/ beside it), the tarball installed into a
// scratch app outside the repository, imported there (ESM, its types, and
// require() where Node has it) and used against a real node.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startNode, type RunningNode } from './node.js';

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');  // dist/test -> package
const run = promisify(execFile);
const big = { maxBuffer: 64 << 20 };

let node: RunningNode;
let work: string;

before(async () => {
  node = await startNode();
  work = mkdtempSync(path.join(os.tmpdir(), 'troupe-pack-'));
});

after(async () => {
  await node.stop();
  rmSync(work, { recursive: true, force: true });
});

/** The files a clean checkout of the package has: tracked, or new and not ignored. */
async function checkoutFiles(): Promise<string[]> {
  const { stdout } = await run('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z', '.'], { cwd: pkg, ...big });
  return stdout.split('\0').filter((f) => f && existsSync(path.join(pkg, f)));
}

const scratchCheck = `
import { troupeAdapters, TroupeError } from 'troupe-motia';
const adapters = troupeAdapters({ namespace: 'packed' });  // the nodes come from TROUPE_NODES
await adapters.state.set('trace', 'greeting', { hello: 'world' });
const value = await adapters.state.get('trace', 'greeting');
const got = [];
const handle = await adapters.events.subscribe('packed.topic', 'step', async (event) => void got.push(event.data));
await adapters.events.emit({ topic: 'packed.topic', data: { n: 1 }, traceId: 'trace' });
const deadline = Date.now() + 20000;
while (!got.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
await handle.unsubscribe();
console.log(JSON.stringify({ resolved: import.meta.resolve('troupe-motia'), value, got, error: typeof TroupeError }));
process.exit(0);
`;

const scratchTypes = `
import { troupeAdapters, TroupeError, type TroupeOptions, type VersionedValue } from 'troupe-motia';
const options: TroupeOptions = { nodes: ['127.0.0.1:7379'], namespace: 'n' };
const adapters = troupeAdapters(options);
export const value: Promise<{ n: number } | null> = adapters.state.get<{ n: number }>('t', 'k');
export const versioned: Promise<VersionedValue<number> | null> = adapters.state.getVersioned<number>('t', 'k');
export const conflict = (e: unknown): boolean => e instanceof TroupeError && e.code === 'CONFLICT';
// @ts-expect-error nodes are strings
troupeAdapters({ nodes: [7379] });
`;

it('packs from its own folder, installs from the tarball and works there', async () => {
  // A checkout of this folder alone, with the dev tools of this one.
  const checkout = path.join(work, 'checkout');
  for (const file of await checkoutFiles()) {
    mkdirSync(path.dirname(path.join(checkout, file)), { recursive: true });
    cpSync(path.join(pkg, file), path.join(checkout, file));
  }
  symlinkSync(path.join(pkg, 'node_modules'), path.join(checkout, 'node_modules'), 'dir');
  assert.ok(!existsSync(path.join(checkout, 'proto')), 'the checkout has a proto/ folder');

  await run('npm', ['pack', '--pack-destination', work, '--loglevel=error'], { cwd: checkout, ...big });
  const tarball = path.join(work, readdirSync(work).find((f) => f.endsWith('.tgz'))!);
  const { stdout: listing } = await run('tar', ['-tzf', tarball], big);
  const files = listing.split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));
  for (const f of ['package.json', 'README.md', 'LICENSE', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/generated/troupe.js', 'dist/src/generated/troupe.d.ts'])
    assert.ok(files.includes(f), `the tarball lacks ${f}: ${files.join(', ')}`);
  const stray = files.filter((f) => !['package.json', 'README.md', 'LICENSE'].includes(f) && !f.startsWith('dist/src/'));
  assert.deepEqual(stray, [], 'the tarball ships files that are not the package');

  // A scratch app outside the repository.
  const app = path.join(work, 'app');
  mkdirSync(app);
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'scratch-app', private: true, type: 'module' }));
  // With the Node types this package is built against (protobufjs would bring the newest, which needs a newer TypeScript).
  const nodeTypes = `@types/node@${JSON.parse(readFileSync(path.join(pkg, 'package.json'), 'utf8')).devDependencies['@types/node']}`;
  await run('npm', ['install', tarball, nodeTypes, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: app, ...big });

  writeFileSync(path.join(app, 'check.mjs'), scratchCheck);
  const { stdout } = await run(process.execPath, ['check.mjs'], { cwd: app, env: { ...process.env, TROUPE_NODES: node.address }, ...big });
  const result = JSON.parse(stdout);
  assert.ok(result.resolved.startsWith(`file://${path.join(app, 'node_modules', 'troupe-motia')}`), result.resolved);
  assert.deepEqual(result.value, { hello: 'world' });
  assert.deepEqual(result.got, [{ n: 1 }]);
  assert.equal(result.error, 'function');

  // Its types, checked as a strict TypeScript app sees them.
  writeFileSync(path.join(app, 'check.ts'), scratchTypes);
  writeFileSync(
    path.join(app, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true }, files: ['check.ts'] }),
  );
  const tsc = path.join(pkg, 'node_modules', 'typescript', 'bin', 'tsc');
  await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: app, ...big }).catch((e) => {
    throw new Error(`the installed package's types do not check: ${e.stdout}${e.stderr}`);
  });

  // CommonJS callers, on a Node that can require() an ES module.
  if ((process.features as { require_module?: boolean }).require_module) {
    const { stdout: cjs } = await run(process.execPath, ['-e', "console.log(typeof require('troupe-motia').troupeAdapters)"], { cwd: app });
    assert.equal(cjs.trim(), 'function');
  }
});
