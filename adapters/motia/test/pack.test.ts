// The package as a Motia team gets it: `npm pack` in a checkout of this
// folder alone (no protocol/ beside it), the tarball installed into scratch
// apps outside the repository and used there against a real node:
//   - imported (ESM, its types, and require() where Node has it);
//   - as the adapters of a Motia app run by `motia start`: an API step that
//     emits, an event step that writes state, seen through the node.
//
// This file takes one to two minutes on a two-core machine, and cannot take
// much less: packing builds the package in the checkout (tsc), and the Motia
// app needs motia itself (the pinned version): some 650 packages, its
// workbench's included (~500 MB), that npm installs from its cache once
// they are cached (--prefer-offline). That install is most of the time;
// `motia start` is ready in seconds after it.
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import readline from 'node:readline';
import { bytes, text } from '../src/connection.js';
import { Namespace, TroupeConnection, TroupeStateAdapter } from '../src/index.js';
import { freePort, startNode, type RunningNode } from './node.js';

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');  // dist/test -> package
const run = promisify(execFile);
const big = { maxBuffer: 64 << 20 };

const manifest = JSON.parse(readFileSync(path.join(pkg, 'package.json'), 'utf8'));
/** The `motia` CLI the scratch Motia app runs: the pinned one (README, "Compatibility"). */
const motiaVersion = '0.17.6-beta.187';

let node: RunningNode;
let work: string;
/** Process groups started here (`motia start` and the processes it starts per step run). */
const groups: ChildProcess[] = [];

before(async () => {
  node = await startNode([], { resp: true });
  work = mkdtempSync(path.join(os.tmpdir(), 'troupe-pack-'));
});

after(async () => {
  await Promise.all(groups.map(killGroup));
  await node.stop();
  rmSync(work, { recursive: true, force: true });
});

/** SIGKILLs a process group and resolves once its leader is gone. */
function killGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    try {
      process.kill(-child.pid!, 'SIGKILL');  // the leader is gone, its group may not be
    } catch {
      // nothing left
    }
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      resolve();
    }
  });
}

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

let packed: Promise<string> | undefined;

/** The tarball `npm pack` makes in a checkout of this folder alone (made once). */
function tarball(): Promise<string> {
  packed ??= pack();
  return packed;
}

async function pack(): Promise<string> {
  // A checkout of this folder alone, with the dev tools of this one.
  const checkout = path.join(work, 'checkout');
  for (const file of await checkoutFiles()) {
    mkdirSync(path.dirname(path.join(checkout, file)), { recursive: true });
    cpSync(path.join(pkg, file), path.join(checkout, file));
  }
  symlinkSync(path.join(pkg, 'node_modules'), path.join(checkout, 'node_modules'), 'dir');
  assert.ok(!existsSync(path.join(checkout, 'proto')), 'the checkout has a proto/ folder');

  await run('npm', ['pack', '--pack-destination', work, '--loglevel=error'], { cwd: checkout, ...big });
  return path.join(work, readdirSync(work).find((f) => f.endsWith('.tgz'))!);
}

it('packs from its own folder, installs from the tarball and works there', async () => {
  const tgz = await tarball();
  const { stdout: listing } = await run('tar', ['-tzf', tgz], big);
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
  const nodeTypes = `@types/node@${manifest.devDependencies['@types/node']}`;
  await run('npm', ['install', tgz, nodeTypes, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: app, ...big });

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

// A Motia app as its team writes it, with the adapters from the tarball.
const motiaConfig = `
import { config } from 'motia'
import { buildTraceStreamsOnce, troupeAdapters } from 'troupe-motia'

// TROUPE_NODES, TROUPE_NAMESPACE: read by troupeAdapters(); TROUPE_RESP: the node's RESP door.
const [respHost, respPort] = (process.env.TROUPE_RESP ?? '').split(':')
const troupe = troupeAdapters()

export default config({
  plugins: [buildTraceStreamsOnce, troupe.plugin],
  adapters: troupe,
  redis: { useMemoryServer: false, host: respHost, port: Number(respPort) },
})
`;

const greetStep = `
export const config = {
  type: 'api' as const,
  name: 'Greet',
  path: '/greet',
  method: 'POST' as const,
  emits: ['greeted'],
  flows: ['packed'],
}

export const handler = async (req: any, { emit, traceId }: any) => {
  await emit({ topic: 'greeted', data: { name: String(req.body?.name) } })
  return { status: 200, body: { traceId } }
}
`;

const recordStep = `
export const config = {
  type: 'event' as const,
  name: 'RecordGreeting',
  subscribes: ['greeted'],
  emits: [],
  flows: ['packed'],
}

export const handler = async (input: any, { state, traceId }: any) => {
  await state.set('greetings', input.name, { name: input.name, traceId })
}
`;

/** Spawns `argv` as a process group; resolves with it once a stdout line matches `ready`. */
function startGroup(argv: string[], cwd: string, env: NodeJS.ProcessEnv, ready: (line: string) => boolean, boundMs: number) {
  const child = spawn(process.execPath, argv, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  groups.push(child);
  const log: string[] = [];
  const keep = (line: string) => {
    log.push(line);
    if (log.length > 200) log.shift();
  };
  readline.createInterface({ input: child.stderr! }).on('line', keep);
  return new Promise<{ child: ChildProcess; log: string[] }>((resolve, reject) => {
    const bound = setTimeout(() => reject(new Error(`not ready within ${boundMs} ms:\n${log.join('\n')}`)), boundMs);
    child.once('exit', (code, signal) => {
      clearTimeout(bound);
      reject(new Error(`exited (${code ?? signal}) before it was ready:\n${log.join('\n')}`));
    });
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      keep(line);
      if (!ready(line)) return;
      clearTimeout(bound);
      resolve({ child, log });
    });
  });
}

it('runs a scratch Motia app under `motia start` on the installed adapters', async () => {
  const tgz = await tarball();
  const app = path.join(work, 'motia-app');
  mkdirSync(path.join(app, 'steps'), { recursive: true });
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'scratch-motia-app', private: true, type: 'module' }));
  // No install scripts: motia's Redis memory server would fetch a Redis.
  await run('npm', ['install', tgz, `motia@${motiaVersion}`, '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', '--loglevel=error'], {
    cwd: app,
    ...big,
  });
  writeFileSync(path.join(app, 'motia.config.ts'), motiaConfig);
  writeFileSync(path.join(app, 'steps', 'greet.step.ts'), greetStep);
  writeFileSync(path.join(app, 'steps', 'record-greeting.step.ts'), recordStep);

  const port = await freePort();
  const namespace = `packed-${process.pid}`;
  const env = {
    ...process.env,
    TROUPE_NODES: node.address,
    TROUPE_RESP: node.resp!,
    TROUPE_NAMESPACE: namespace,
    MOTIA_ANALYTICS_DISABLED: 'true',
    MOTIA_DOCKER_DISABLE_WORKBENCH: 'true',
  };
  const cli = path.join(app, 'node_modules', '.bin', 'motia');
  const { log } = await startGroup([cli, 'start', '-p', String(port), '-H', '127.0.0.1'], app, env, (line) =>
    line.includes('Server ready and listening on port'),
  120000);

  const res = await fetch(`http://127.0.0.1:${port}/greet`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'ada' }),
  });
  assert.equal(res.status, 200, `POST /greet: ${res.status} ${await res.clone().text()}\n${log.join('\n')}`);
  const { traceId } = (await res.json()) as { traceId: string };
  assert.ok(traceId, 'the API step answered without a traceId');

  // The event step's write, read through the node (not through the app).
  const conn = new TroupeConnection({ nodes: [node.address] });
  try {
    const state = new TroupeStateAdapter(conn, new Namespace(namespace));
    const deadline = Date.now() + 60000;
    let written: unknown = null;
    while ((written = await state.get('greetings', 'ada')) === null) {
      if (Date.now() > deadline) throw new Error(`the event step's state never reached the node:\n${log.join('\n')}`);
      await new Promise((r) => setTimeout(r, 25)); // polling an outcome, with a deadline
    }
    // Written under the request's trace: the event went from one step to the other.
    assert.deepEqual(written, { name: 'ada', traceId });
    // The event step's queue is the node's: the app subscribed the step to the topic there.
    const { topicInfo } = await conn.request({ eventTopicInfo: { topic: bytes(`${namespace}:greeted`) } });
    assert.deepEqual(topicInfo?.steps?.map(text), ['RecordGreeting']);
    assert.ok(Number(topicInfo?.consumers) >= 1, `no consumer of the step on the node: ${JSON.stringify(topicInfo)}`);
  } finally {
    conn.close();
  }
});
