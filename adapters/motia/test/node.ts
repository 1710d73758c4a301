// Starts a real troupe-node on a free loopback port for the tests and stops
// it (SIGTERM, then SIGKILL) when the test process is done with it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const nodeBin = process.env.TROUPE_NODE_BIN ?? path.resolve(here, '..', '..', '..', '..', 'build', 'bin', 'troupe-node');

export interface RunningNode {
  address: string;
  /** host:port of the RESP front door, when started with `resp: true`. */
  resp?: string;
  /** host:port of CAF remoting, when started with --cluster-listen. */
  cluster?: string;
  stop(): Promise<void>;
}

export interface NodeOptions {
  /** Reuse a data directory (a restart); default: a fresh temp dir. */
  dataDir?: string;
  /** host:port; default 127.0.0.1:0 (a free port). */
  listen?: string;
  durability?: string;
  /** Open the RESP front door on a free port too. */
  resp?: boolean;
}

export async function startNode(extra: string[] = [], opts: NodeOptions = {}): Promise<RunningNode & { dataDir: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'troupe-motia-'));
  const dataDir = opts.dataDir ?? path.join(dir, 'data');
  const child: ChildProcess = spawn(
    nodeBin,
    [
      '--listen', opts.listen ?? '127.0.0.1:0',
      '--data-dir', dataDir,
      '--durability', opts.durability ?? 'none',
      '--log-level', 'warn',
      ...(opts.resp ? ['--resp-listen', '127.0.0.1:0'] : []),
      ...extra,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = readline.createInterface({ input: child.stdout! });
  let resp: string | undefined;
  let cluster: string | undefined;
  const address = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`troupe-node exited with ${code} before it was ready`)));
    lines.on('line', (line) => {
      if (line.startsWith('troupe-node resp ')) resp = line.slice('troupe-node resp '.length).trim();
      if (line.startsWith('troupe-node cluster ')) cluster = line.slice('troupe-node cluster '.length).trim();
      if (line.startsWith('troupe-node ready ')) resolve(line.slice('troupe-node ready '.length).trim());
    });
  });
  return {
    address,
    resp,
    cluster,
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        const kill = setTimeout(() => child.kill('SIGKILL'), 10000);
        child.once('exit', () => {
          clearTimeout(kill);
          // Its own temp folder goes; a data directory the caller gave stays.
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Starts `count` nodes joined into one cluster (n1 starts it, the others
 * join through it) and waits, bounded, until the partitions are spread.
 */
export async function startCluster(count: number, opts: NodeOptions = {}): Promise<RunningNode[]> {
  const member = (i: number) => ['--node-id', `n${i + 1}`, '--cluster-listen', '127.0.0.1:0'];
  const first = await startNode(member(0), opts);
  const nodes: RunningNode[] = [first];
  for (let i = 1; i < count; i++) nodes.push(await startNode([...member(i), '--seeds', first.cluster!], opts));
  const { TroupeConnection } = await import('../src/connection.js');
  const conn = new TroupeConnection({ nodes: [first.address] });
  const deadline = Date.now() + 60000;
  try {
    for (;;) {
      const { cluster } = await conn.request({ clusterStatus: {} });
      const members = cluster?.table?.members ?? [];
      if (members.length === count && members.every((m: any) => m.reachable) && !cluster?.moving) return nodes;
      if (Date.now() > deadline) throw new Error(`the cluster did not settle: ${JSON.stringify(cluster)}`);
      await new Promise((r) => setTimeout(r, 50)); // polling an outcome, with a deadline
    }
  } finally {
    conn.close();
  }
}

export interface RunningRedis {
  host: string;
  port: number;
  stop(): Promise<void>;
}

/** A port the OS says is free on 127.0.0.1 now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/** Starts a throwaway redis-server (no persistence) on a free loopback port. */
export async function startRedis(): Promise<RunningRedis> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'troupe-redis-'));
  const port = await freePort();
  const child = spawn(
    process.env.REDIS_SERVER_BIN ?? 'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = readline.createInterface({ input: child.stdout! });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code} before it was ready`)));
    lines.on('line', (line) => {
      if (line.includes('Ready to accept connections')) resolve();
    });
  });
  return {
    host: '127.0.0.1',
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGKILL');
      }),
  };
}
