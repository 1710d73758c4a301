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
// TROUPE_NODE_BIN, else troupe-node in TROUPE_BIN, else the repository's build.
const nodeBin =
  process.env.TROUPE_NODE_BIN ??
  path.join(process.env.TROUPE_BIN ?? path.resolve(here, '..', '..', '..', '..', 'build', 'bin'), 'troupe-node');

export interface RunningNode {
  address: string;
  /** host:port of the RESP front door, when started with `resp: true`. */
  resp?: string;
  /** host:port of CAF remoting, when started with --cluster-listen. */
  cluster?: string;
  /** --node-id, when started in a cluster by startCluster. */
  nodeId?: string;
  stop(): Promise<void>;
  /** kill -9, then waits for the process to be gone. */
  kill(): Promise<void>;
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
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Its own temp folder goes; a data directory the caller gave stays.
  const gone = () => exited.then(() => rmSync(dir, { recursive: true, force: true }));
  return {
    address,
    resp,
    cluster,
    dataDir,
    stop: () => {
      const kill = setTimeout(() => child.kill('SIGKILL'), 10000);
      child.kill('SIGTERM');
      return gone().finally(() => clearTimeout(kill));
    },
    kill: () => {
      child.kill('SIGKILL');
      return gone();
    },
  };
}

export interface ClusterOptions extends NodeOptions {
  /** --replication-factor: each partition a Raft group over this many members, served by its leader. */
  replicationFactor?: number;
  /**
   * Every node given one seed list (all of them) and --bootstrap-expect,
   * all started at once; default: n1 starts the cluster, the others join it.
   */
  symmetric?: boolean;
  /** The `tls` option the readiness check connects with (nodes given --tls-cert in `extra`). */
  tls?: import('../src/tls.js').TlsOption;
  /** More flags for every node (e.g. --tls-cert). */
  extra?: string[];
}

/**
 * Starts `count` nodes joined into one cluster (n1, n2, ...) and waits,
 * bounded, until the partitions are spread (with replication: until every
 * partition has a leader).
 */
export async function startCluster(count: number, opts: ClusterOptions = {}): Promise<RunningNode[]> {
  const replication = opts.replicationFactor ? ['--replication-factor', String(opts.replicationFactor)] : [];
  const ports = opts.symmetric ? await Promise.all(Array.from({ length: count }, () => freePort())) : [];
  const seeds = ports.map((p) => `127.0.0.1:${p}`).join(',');
  const member = (i: number) => [
    '--node-id', `n${i + 1}`,
    '--cluster-listen', opts.symmetric ? `127.0.0.1:${ports[i]}` : '127.0.0.1:0',
    ...(opts.symmetric ? ['--seeds', seeds, '--bootstrap-expect', String(count)] : []),
    ...replication,
    ...(opts.extra ?? []),
  ];
  const named = (i: number) => (n: RunningNode) => Object.assign(n, { nodeId: `n${i + 1}` });
  const nodes: RunningNode[] = [];
  try {
    if (opts.symmetric) {
      // Each waits for the others before it is ready.
      const started = await Promise.allSettled(Array.from({ length: count }, (_, i) => startNode(member(i), opts).then(named(i))));
      for (const s of started) if (s.status === 'fulfilled') nodes.push(s.value);
      const failed = started.find((s) => s.status === 'rejected');
      if (failed) throw (failed as PromiseRejectedResult).reason;
    } else {
      const first = named(0)(await startNode(member(0), opts));
      nodes.push(first);
      for (let i = 1; i < count; i++) nodes.push(named(i)(await startNode([...member(i), '--seeds', first.cluster!], opts)));
    }
    await settled(nodes, count, opts.tls);
    return nodes;
  } catch (err) {
    await Promise.all(nodes.map((n) => n.kill()));
    throw err;
  }
}

/**
 * The cluster status seen from `node`, once every member is reachable, no
 * partition moves and every partition has an owner (with replication: its
 * leader); polled, with a deadline.
 */
export async function settled(nodes: RunningNode[], count = nodes.length, tls?: import('../src/tls.js').TlsOption): Promise<any> {
  const { TroupeConnection } = await import('../src/connection.js');
  const conn = new TroupeConnection({ nodes: nodes.map((n) => n.address), tls });
  const deadline = Date.now() + 60000;
  try {
    for (;;) {
      const { cluster } = await conn.request({ clusterStatus: {} });
      const members = cluster?.table?.members ?? [];
      const owners: string[] = cluster?.table?.owners ?? [];
      if (members.length === count && members.every((m: any) => m.reachable) && !cluster?.moving && owners.length > 0 && owners.every((o) => o !== ''))
        return cluster;
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

/**
 * The nodes a test file started, to stop when it is done: `track` takes a
 * node (or several) and returns it, `stopAll` stops every one it took.
 */
export function nodesToStop() {
  const nodes: RunningNode[] = [];
  return {
    track: <T extends RunningNode | RunningNode[]>(n: T): T => {
      nodes.push(...(Array.isArray(n) ? n : [n]));
      return n;
    },
    stopAll: async (): Promise<void> => {
      await Promise.all(nodes.map((n) => n.stop()));
    },
  };
}
