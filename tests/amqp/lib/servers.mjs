// The two servers the scenarios run against: a private rabbitmq-server and a
// troupe-node with its AMQP door, each on free loopback ports in a temp dir,
// and always stopped (also when the test process fails or is interrupted).
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import amqp from 'amqplib';

const here = path.dirname(fileURLToPath(import.meta.url));

export const troupeNodeBin = process.env.TROUPE_NODE_BIN ?? path.resolve(here, '..', '..', '..', 'build', 'bin', 'troupe-node');
const rabbitServerBin = process.env.RABBITMQ_SERVER_BIN ?? '/usr/lib/rabbitmq/bin/rabbitmq-server';
const epmdBin = process.env.EPMD_BIN ?? 'epmd';

/** AMQP_TARGETS=rabbitmq,troupe (the default: both). */
export function targets() {
  const list = (process.env.AMQP_TARGETS ?? 'rabbitmq,troupe')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const t of list) if (t !== 'rabbitmq' && t !== 'troupe') throw new Error(`AMQP_TARGETS: unknown target ${t}`);
  if (list.length === 0) throw new Error('AMQP_TARGETS is empty');
  return list;
}

// Whatever is still running when the process goes, goes with it: the exit
// handler is synchronous, so it sends SIGKILL and removes temp dirs.
const live = new Set(); // of () => void, each killing one thing synchronously
let hooked = false;
function onExitKill(kill) {
  if (!hooked) {
    hooked = true;
    process.once('exit', () => {
      for (const k of live) k();
    });
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
      process.once(sig, () => {
        for (const k of live) k();
        process.exit(128 + os.constants.signals[sig]);
      });
    }
  }
  live.add(kill);
  return () => live.delete(kill);
}

function removeQuietly(dir) {
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {
    // a straggler still writing; the OS's temp cleaning gets it
  }
}

function killQuietly(pid, signal) {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

/** A port the OS says is free on 127.0.0.1 now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const delay = (ms) => new Promise((r) => setTimeout(r, ms));

function tail(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** Resolves once something accepts on 127.0.0.1:port; polled, bounded, abandoned when `gone` says so. */
async function waitPort(port, deadline, gone) {
  for (;;) {
    const ok = await new Promise((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    const why = gone();
    if (why) throw new Error(why);
    if (Date.now() > deadline) throw new Error(`nothing accepted on 127.0.0.1:${port} in time`);
    await delay(100); // polling a process coming up, with a deadline
  }
}

/** Connects with amqplib until it works (bounded); closes that connection again. */
async function waitAmqp(url, deadline, gone) {
  let last;
  for (;;) {
    try {
      const c = await amqp.connect(url);
      c.on('error', () => {});
      await c.close();
      return;
    } catch (err) {
      last = err;
    }
    const why = gone();
    if (why) throw new Error(why);
    if (Date.now() > deadline) throw new Error(`no AMQP connection to ${url} in time: ${last?.message}`);
    await delay(100); // polling a process coming up, with a deadline
  }
}

/**
 * A private RabbitMQ node: its own epmd on a free port (started here in the
 * foreground, so it is ours to stop: an epmd that erl starts daemonizes into
 * its own session), its own node name, AMQP and distribution ports, mnesia
 * and log dirs, all in a temp dir; rabbitmq-server in its own session so its
 * whole process group can be killed.
 */
export async function startRabbit({ timeoutMs = 60000 } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'troupe-amqp-rabbit-'));
  const [port, dist, epmdPort] = await Promise.all([freePort(), freePort(), freePort()]);
  mkdirSync(path.join(dir, 'mnesia'));
  mkdirSync(path.join(dir, 'log'));
  writeFileSync(path.join(dir, 'enabled_plugins'), '[].\n');
  writeFileSync(path.join(dir, 'rabbitmq-env.conf'), '');
  const logFile = path.join(dir, 'out.log');
  const nodename = `troupeamqp${process.pid}x${Math.random().toString(36).slice(2, 8)}@localhost`;
  const env = {
    ...process.env,
    HOME: dir,
    ERL_EPMD_PORT: String(epmdPort),
    RABBITMQ_NODENAME: nodename,
    RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
    RABBITMQ_NODE_PORT: String(port),
    RABBITMQ_DIST_PORT: String(dist),
    RABBITMQ_MNESIA_BASE: path.join(dir, 'mnesia'),
    RABBITMQ_LOG_BASE: path.join(dir, 'log'),
    RABBITMQ_ENABLED_PLUGINS_FILE: path.join(dir, 'enabled_plugins'),
    RABBITMQ_CONF_ENV_FILE: path.join(dir, 'rabbitmq-env.conf'),
    RABBITMQ_CONFIG_FILE: path.join(dir, 'rabbitmq'),
    RABBITMQ_ADVANCED_CONFIG_FILE: path.join(dir, 'advanced.config'),
  };

  const out = openSync(logFile, 'a');
  const epmd = spawn(epmdBin, ['-port', String(epmdPort)], { env, stdio: ['ignore', out, out], detached: true });
  let epmdExit = null;
  epmd.once('exit', (code, signal) => (epmdExit = `epmd exited (${code ?? signal}): ${tail(logFile)}`));
  const epmdGone = new Promise((r) => (epmd.exitCode !== null || epmd.signalCode !== null ? r() : epmd.once('exit', r)));
  const forgetEpmd = onExitKill(() => killQuietly(epmd.pid, 'SIGKILL'));

  // detached: a new session (setsid), so -pid is the whole process group.
  const child = spawn(rabbitServerBin, [], { env, stdio: ['ignore', out, out], detached: true });
  closeSync(out);
  let exited = null;
  child.once('exit', (code, signal) => (exited = `rabbitmq-server exited (${code ?? signal}) before it was ready:\n${tail(logFile)}`));
  child.once('error', (err) => (exited = `rabbitmq-server did not start: ${err.message}`));
  const childGone = new Promise((r) => child.once('exit', r).once('error', r));
  const forgetChild = onExitKill(() => {
    killQuietly(-child.pid, 'SIGKILL');
    killQuietly(epmd.pid, 'SIGKILL');
    removeQuietly(dir);
  });

  let stopped;
  const stop = () =>
    (stopped ??= (async () => {
      if (child.pid !== undefined) killQuietly(-child.pid, 'SIGKILL');
      await childGone;
      forgetChild();
      killQuietly(epmd.pid, 'SIGKILL');
      await epmdGone;
      forgetEpmd();
      if (!process.env.AMQP_KEEP) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
      else console.error(`kept ${dir}`);
    })());

  const url = `amqp://guest:guest@127.0.0.1:${port}`;
  try {
    const deadline = Date.now() + timeoutMs;
    const gone = () => exited ?? epmdExit;
    await waitPort(epmdPort, deadline, gone);
    await waitPort(port, deadline, gone);
    await waitAmqp(url, deadline, gone);
  } catch (err) {
    await stop();
    throw err;
  }
  return { name: 'rabbitmq', url, port, dir, stop };
}

/**
 * A troupe-node with its AMQP door on free ports; `dataDir` to reuse a data
 * directory (a restart). Resolves once it printed `troupe-node ready`.
 */
export async function startTroupe({ dataDir, durability = 'none', extra = [], timeoutMs = 30000 } = {}) {
  if (!existsSync(troupeNodeBin)) throw new Error(`no troupe-node at ${troupeNodeBin} (set TROUPE_NODE_BIN)`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'troupe-amqp-node-'));
  const data = dataDir ?? path.join(dir, 'data');
  const child = spawn(
    troupeNodeBin,
    [
      '--listen', '127.0.0.1:0',
      '--data-dir', data,
      '--durability', durability,
      '--log-level', 'warn',
      '--amqp-listen', '127.0.0.1:0',
      ...extra,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const forget = onExitKill(() => {
    killQuietly(child.pid, 'SIGKILL');
    removeQuietly(dir);
  });
  const gone = new Promise((r) => child.once('exit', r).once('error', r));
  const lines = readline.createInterface({ input: child.stdout });
  let amqpAddr;
  let timer;
  try {
    await new Promise((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`troupe-node was not ready in ${timeoutMs} ms`)), timeoutMs);
      child.once('error', (err) => reject(new Error(`troupe-node did not start: ${err.message}`)));
      child.once('exit', (code, signal) => reject(new Error(`troupe-node exited with ${code ?? signal} before it was ready`)));
      lines.on('line', (line) => {
        if (line.startsWith('troupe-node amqp ')) amqpAddr = line.slice('troupe-node amqp '.length).trim();
        if (line.startsWith('troupe-node ready ')) {
          if (amqpAddr) resolve();
          else reject(new Error('troupe-node was ready without printing its amqp address (no --amqp-listen door?)'));
        }
      });
    });
  } catch (err) {
    child.kill('SIGKILL');
    await gone;
    forget();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  } finally {
    clearTimeout(timer);
  }
  // Keep reading stdout so the node never blocks on a full pipe.
  lines.on('line', () => {});
  const cleanup = () =>
    gone.then(() => {
      forget();
      // Its own temp folder goes; a data directory the caller gave stays.
      rmSync(dir, { recursive: true, force: true });
    });
  const port = Number(amqpAddr.slice(amqpAddr.lastIndexOf(':') + 1));
  return {
    name: 'troupe',
    url: `amqp://guest:guest@127.0.0.1:${port}`,
    port,
    dataDir: data,
    /** SIGTERM, then SIGKILL after 10 s. */
    stop: () => {
      const kill = setTimeout(() => child.kill('SIGKILL'), 10000);
      child.kill('SIGTERM');
      return cleanup().finally(() => clearTimeout(kill));
    },
    /** kill -9, then waits for the process to be gone. */
    kill: () => {
      child.kill('SIGKILL');
      return cleanup();
    },
  };
}

export async function startTarget(name) {
  return name === 'rabbitmq' ? startRabbit() : startTroupe();
}
