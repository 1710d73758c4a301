// Scale-out check: one troupe-node (client protocol + RESP front door) and
// two `motia start` instances of this app on free loopback ports. Sends the
// orders spread over both instances, then checks that
//   - every order was handled by ProcessOrder and NotifyOrder exactly once
//     (with --kill: at least once; duplicates are reported),
//   - every order's stream item is readable through every live instance,
//   - the state written under each request's traceId is there,
//   - the cron step ran at most once per tick, and once per tick since both
//     instances were ready,
//   - a WebSocket client joined to the orders stream on each instance saw
//     every order's item created exactly once, whichever instance wrote it
//     (live streams across instances), with the latency across instances,
//     where it goes (from the write to the instance's push, from the push
//     to the client), the node's push to a plain subscriber (this process)
//     and the event loop delay of each instance (loop-delay.mjs),
//   - Motia core's own logs and traces are in Troupe's RESP keyspace,
// and prints a one-line verdict (exit 0 on PASS).
//
//   node scale-out.mjs [--requests N] [--kill] [--cluster [--replicas N]]
//
// --cluster runs a three-node Troupe cluster instead of one node, with the
// two instances connected to different nodes (instance 1 to node 1, instance
// 2 to node 2, each also listing the others to fail over to), so every
// partition request and push crosses nodes somewhere.
// --kill SIGKILLs the second instance once 40% of the orders are accepted;
// its in-flight events are redelivered to the first after their visibility
// timeout (10 s in the steps' config).
// --replicas N (with --cluster) starts the nodes with --replication-factor N:
// every partition a Raft group over the three nodes, served by its leader.
// Then --kill SIGKILLs a node instead of an instance: of node 2 and node 3,
// the one leading more partitions (Motia core's own Redis connection takes
// one address and does not fail over, so both instances point it at node 1's
// RESP door). No order may be lost; an order handled twice is counted, and
// allowed only for a delivery in flight at the kill: its first handling
// began at most one visibility timeout before the kill and before every
// partition had a leader again.
//
// --redis-adapters runs the app with Motia's own Redis adapters instead of
// troupe-motia (MOTIA_ADAPTERS=redis in motia.config.ts: BullMQ events with
// the queue prefix `{motia}`, Redis state, streams and cron lock, all on the
// node's RESP front door; one node, no --cluster or --kill). The checker then
// reads state and subscribes through the RESP door too, and three checks
// change, because they test what troupe-motia adds:
//   - live streams: Motia 0.17 core pushes a stream change only to the
//     WebSocket clients of the instance whose step wrote it (Motia's Redis
//     streams adapter publishes each change, but core never subscribes), so
//     each order's item must reach the client of the instance that wrote it,
//     once, and the clients together must have seen every order; no latency
//     across instances;
//   - cron: Motia's Redis cron adapter holds a lock per run, not per tick, so
//     a tick may run on both instances or on none; the check is that the
//     lock is released (the step ran in at least two ticks: a lock left held
//     keeps every instance off the step for 300 s), and the runs per tick
//     are reported as figures;
//   - no figure for the node's push to a plain subscriber: under `motia
//     start`, core replaces the streams adapter's `send` with its own local
//     push, so the adapter publishes nothing (the line gives the door's
//     PUBLISH count instead).
// Besides, every error line Motia's Redis adapters log in an instance
// ("[BullMQ] ...", "[Redis State] ...", ...) is a failure, and so is every
// error reply of the RESP door (INFO errorstats) but NOSCRIPT, which a
// client gets from any server that has not seen its script yet; the line
// names the commands that got them (INFO commandstats).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { RedisStateAdapter } from '@motiadev/adapter-redis-state';
import { createClient } from 'redis';
import { Namespace, TroupeConnection, TroupeStateAdapter, TroupeStreamAdapterManager } from 'troupe-motia';
import WebSocket from 'ws';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const kill = args.includes('--kill');
const clustered = args.includes('--cluster');
const replicas = clustered ? Number(args[args.indexOf('--replicas') + 1] || 0) || 1 : 1;
const killNode = kill && replicas > 1;
const redisAdapters = args.includes('--redis-adapters');
if (redisAdapters && (clustered || kill)) {
  console.error('--redis-adapters runs one node and two instances: no --cluster or --kill');
  process.exit(2);
}
/** The steps' visibilityTimeout, ms. */
const visibilityMs = 10_000;
const requests = Number(args[args.indexOf('--requests') + 1] || 0) || 300;
// TROUPE_NODE_BIN, else troupe-node in TROUPE_BIN, else the repository's build.
const nodeBin = process.env.TROUPE_NODE_BIN ?? path.join(process.env.TROUPE_BIN ?? path.resolve(here, '..', '..', 'build', 'bin'), 'troupe-node');
const namespace = `scale-out-${process.pid}`;
// The check waits on progress, not on the clock: it gives up on a wait only
// when nothing has moved for this long, so a slow machine is slow, not red.
const stallMs = 180_000;

const children = [];
const work = mkdtempSync(path.join(os.tmpdir(), 'troupe-motia-app-'));

function cleanup() {
  for (const child of children) {
    try {
      // A profiled run lets the instances exit by themselves to write it.
      process.kill(-child.pid, process.env.SCALE_OUT_PROFILE ? 'SIGTERM' : 'SIGKILL');
    } catch {
      // already gone
    }
  }
  rmSync(work, { recursive: true, force: true });
}
process.on('exit', cleanup);
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Spawns a process group and resolves once a stdout line matches; `onLine`
 * gets every line of its stdout and stderr.
 */
function startProcess(name, cmd, argv, env, ready, onLine = () => undefined) {
  const child = spawn(cmd, argv, { cwd: here, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const log = [];
  const keep = (line) => {
    onLine(line);
    log.push(line);
    if (log.length > 200) log.shift();
  };
  readline.createInterface({ input: child.stderr }).on('line', keep);
  const lines = readline.createInterface({ input: child.stdout });
  return new Promise((resolve, reject) => {
    const found = {};
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before it was ready:\n${log.join('\n')}`)));
    lines.on('line', (line) => {
      keep(line);
      if (ready(line, found)) resolve({ child, found, log, lines });
    });
  });
}

/** Starts troupe-node `name`; with `seed`, it joins that node's cluster. */
async function startTroupe(name = 'node-1', seed = undefined) {
  const cluster = clustered ? ['--node-id', name, '--cluster-listen', '127.0.0.1:0', '--replication-factor', String(replicas)] : [];
  if (seed) cluster.push('--seeds', seed.cluster);
  const { found, child } = await startProcess(
    `troupe-node ${name}`,
    nodeBin,
    ['--listen', '127.0.0.1:0', '--resp-listen', '127.0.0.1:0', '--data-dir', path.join(work, name), '--durability', 'os', '--log-level', 'warn', ...cluster],
    {},
    (line, found) => {
      if (line.startsWith('troupe-node resp ')) found.resp = line.slice(17).trim();
      if (line.startsWith('troupe-node cluster ')) found.cluster = line.slice(20).trim();
      if (line.startsWith('troupe-node ready ')) found.address = line.slice(18).trim();
      return found.address !== undefined;
    },
  );
  return { ...found, name, child };
}

/**
 * Polls `probe` until it reports done. Returns false when its progress value
 * stayed the same for stallMs (stuck, not slow).
 */
async function untilDone(probe) {
  let last;
  let since = Date.now();
  for (;;) {
    const { done, progress } = await probe();
    if (done) return true;
    if (progress !== last) {
      last = progress;
      since = Date.now();
    } else if (Date.now() - since > stallMs) {
      return false;
    }
    await new Promise((r) => setTimeout(r, 250)); // polling an outcome
  }
}

/**
 * One node, or three joined into one cluster with the partitions spread
 * evenly: every move done before the app starts, so that the run measures
 * the app, not the rebalancing (which drain tests cover).
 */
async function startTroupes() {
  const first = await startTroupe();
  if (!clustered) return [first];
  const nodes = [first, await startTroupe('node-2', first), await startTroupe('node-3', first)];
  const conn = new TroupeConnection({ nodes: [first.address] });
  let status;
  const settled = await untilDone(async () => {
    status = (await conn.request({ clusterStatus: {} })).cluster;
    const table = status?.table ?? {};
    const members = table.members ?? [];
    const share = Math.floor((table.owners?.length ?? 0) / 3);
    // Replicated, leaders come from elections, and each hands its partition
    // to the preferred replica after 10 s of service (the p-th member in id
    // order), so that leaders spread evenly. The run starts once they have:
    // a hand-over redelivers the deliveries in flight (at least once), which
    // would read as duplicates outside the kill.
    const ids = members.map((m) => m.nodeId).sort();
    const spread = replicas > 1
      ? (table.owners ?? []).every((o, p) => o === ids[p % ids.length])
      : members.every((m) => (m.partitions ?? 0) >= share);
    const done = members.length === 3 && members.every((m) => m.reachable) && spread && !status.moving;
    return { done, progress: `${members.length} ${table.epoch}` };
  });
  await conn.close();
  if (!settled) throw new Error(`the three nodes did not settle into one cluster: ${JSON.stringify(status)}`);
  return nodes;
}

/** An instance connected to `troupes[home]` first (the others to fail over to). */
async function startMotia(port, troupes, home) {
  const motia = path.join(here, 'node_modules', '.bin', 'motia');
  const order = [...troupes.slice(home), ...troupes.slice(0, home)];
  const env = {
    TROUPE_NODES: order.map((t) => t.address).join(','),
    // Killing a node: Motia core's own Redis connection on node 1, which stays.
    TROUPE_RESP: killNode ? troupes[0].resp : order[0].resp,
    TROUPE_NAMESPACE: namespace,
    MOTIA_ANALYTICS_DISABLED: 'true',
    MOTIA_DOCKER_DISABLE_WORKBENCH: 'true',
    EXAMPLE_INSTANCE: String(port),
    ...(redisAdapters ? { MOTIA_ADAPTERS: 'redis' } : {}),
  };
  const profile = process.env.SCALE_OUT_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.SCALE_OUT_PROFILE] : [];
  // loop-delay.mjs measures the instance's event loop delay between two SIGUSR2.
  const loopDelay = ['--import', pathToFileURL(path.join(here, 'loop-delay.mjs')).href];
  // Killing a node: core's own Redis errors are counted, not fatal (core-redis-errors.mjs).
  if (killNode) loopDelay.push('--import', pathToFileURL(path.join(here, 'core-redis-errors.mjs')).href);
  const argv = [...profile, ...loopDelay, motia, 'start', '-p', String(port), '-H', '127.0.0.1', '-v'];
  // Motia's Redis adapters log their errors (and go on): each such line, from
  // the start on, is kept.
  const adapterErrors = [];
  const adapterError = (line) => redisAdapters && /\[(BullMQ|Redis State|Redis Stream|Redis Stream Manager|Redis Cron)\]/.test(line) && adapterErrors.push(line);
  const { child, lines, log } = await startProcess(
    `motia :${port}`,
    process.execPath,
    argv,
    env,
    (line) => line.includes('Server ready and listening on port'),
    adapterError,
  );
  const instance = { port, child, lines, alive: true, coreRedisErrors: 0, adapterErrors };
  lines.on('line', (line) => line.startsWith('core-redis-error ') && instance.coreRedisErrors++);
  // An instance that dies by itself is a failure; its last lines say why.
  child.once('exit', (code, signal) => {
    if (!instance.alive) return;
    instance.alive = false;
    instance.died = `instance :${port} exited (${signal ?? code}); its last lines:\n${log.slice(-40).join('\n')}`;
    console.error(instance.died);
  });
  return instance;
}

/** Starts measuring the event loop delay of each live instance (loop-delay.mjs). */
function startLoopDelay(instances) {
  for (const instance of instances.filter((x) => x.alive)) process.kill(instance.child.pid, 'SIGUSR2');
}

/** Ends the measurement on `instance`: its {p50, p90, p99, max} in ms, or null if it does not answer within 30 s. */
function endLoopDelay(instance) {
  return new Promise((resolve) => {
    const done = (figures) => {
      clearTimeout(bound);
      instance.lines.off('line', onLine);
      resolve(figures);
    };
    const onLine = (line) => line.startsWith('loop-delay ') && done(JSON.parse(line.slice('loop-delay '.length)));
    const bound = setTimeout(() => done(null), 30_000);
    instance.lines.on('line', onLine);
    process.kill(instance.child.pid, 'SIGUSR2');
  });
}

async function post(instance, orderId) {
  const res = await fetch(`http://127.0.0.1:${instance.port}/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ orderId }),
  });
  if (res.status !== 200) throw new Error(`POST /orders on :${instance.port}: ${res.status}`);
  return res.json();
}

/** Sends every order, `concurrency` at a time, spread over the live instances. */
async function sendOrders(instances, onAccepted) {
  const accepted = new Map(); // orderId -> traceId
  let next = 0;
  let failovers = 0;
  const worker = async () => {
    while (next < requests) {
      const i = next++;
      const orderId = `order-${i}`;
      for (let attempt = 0; ; attempt++) {
        const live = instances.filter((x) => x.alive);
        const target = live[(i + attempt) % live.length];
        try {
          const body = await post(target, orderId);
          accepted.set(orderId, body.traceId);
          onAccepted(accepted.size);
          break;
        } catch (e) {
          // An instance died under this request: retry on another.
          failovers++;
          if (attempt > 5) throw e;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return { accepted, failovers };
}

/** How many keys of the RESP keyspace match `pattern` (KEYS, raw RESP). */
function respKeyCount(address, pattern) {
  const i = address.lastIndexOf(':');
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(address.slice(i + 1)), address.slice(0, i));
    let reply = '';
    socket.on('connect', () => socket.write(`*2\r\n$4\r\nKEYS\r\n$${Buffer.byteLength(pattern)}\r\n${pattern}\r\n`));
    socket.on('data', (chunk) => {
      reply += chunk;
      const head = /^\*(\d+)\r\n/.exec(reply);
      if (!head) return;
      socket.destroy();
      resolve(Number(head[1]));
    });
    socket.on('error', reject);
  });
}

/**
 * A WebSocket client of `instance` joined to the orders stream's group
 * "all", as a browser with Motia's stream client joins it; resolves once
 * core sent the join's sync (the client is in the room).
 */
async function watchOrders(instance) {
  const ws = new WebSocket(`ws://127.0.0.1:${instance.port}`);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  ws.on('error', () => undefined);  // an instance killed with --kill drops its clients
  const watcher = { instance, ws, changes: [] };
  const synced = new Promise((resolve) =>
    ws.on('message', (raw) => {
      const m = JSON.parse(raw.toString());
      if (m.event?.type === 'sync') return resolve();
      // timestamp: when the instance pushed it (core's message); at: when this client got it
      watcher.changes.push({ type: m.event?.type, item: m.event?.data, at: Date.now(), pushedAt: m.timestamp });
    }),
  );
  ws.send(JSON.stringify({ type: 'join', data: { streamName: 'orders', groupId: 'all', subscriptionId: `watch-${instance.port}` } }));
  await synced;
  return watcher;
}

const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;

/** orderId -> times handled, from the records the step wrote; `firstAt`: orderId -> when its first handling began. */
async function handled(state, step) {
  const counts = new Map();
  const firstAt = new Map();
  for (const record of await state.getGroup(`handled.${step}`)) {
    counts.set(record.orderId, (counts.get(record.orderId) ?? 0) + 1);
    firstAt.set(record.orderId, Math.min(firstAt.get(record.orderId) ?? Infinity, record.at ?? Infinity));
  }
  counts.firstAt = firstAt;
  return counts;
}

/**
 * kill -9 of node 2 or node 3, whichever leads more partitions; resolves once
 * node 1 sees a leader for every partition again, with when both happened.
 */
async function killTroupe(conn, troupes) {
  const status = async () => (await conn.request({ clusterStatus: {} })).cluster;
  const before = await status();
  const led = (name) => before.table.members.find((m) => m.nodeId === name)?.partitions ?? 0;
  const victim = led('node-2') >= led('node-3') ? troupes[1] : troupes[2];
  const at = Date.now();
  process.kill(-victim.child.pid, 'SIGKILL');
  const back = await untilDone(async () => {
    const owners = (await status()).table?.owners ?? [];
    return { done: owners.length > 0 && owners.every((o) => o !== '' && o !== victim.name), progress: owners.join() };
  });
  if (!back) throw new Error(`partitions ${victim.name} led got no new leader`);
  return { name: victim.name, led: led(victim.name), at, backAt: Date.now() };
}

async function main() {
  const started = Date.now();
  const troupes = await startTroupes();
  const troupe = troupes[0];
  const cronFrom = Date.now();
  const instances = await Promise.all([
    startMotia(await freePort(), troupes, 0),
    startMotia(await freePort(), troupes, Math.min(1, troupes.length - 1)),
  ]);

  const phase = (name) => process.env.SCALE_OUT_VERBOSE && console.error(`${name} at ${((Date.now() - started) / 1000).toFixed(1)}s`);
  const readyAt = Date.now();
  phase('instances ready');
  const watchers = await Promise.all(instances.map(watchOrders));
  // The node's push path alone: this process subscribes to the orders group
  // itself, as any client of the node can, with no Motia in between (not
  // with --redis-adapters, whose streams adapter publishes nothing; see the top).
  const direct = [];
  const onDirect = (e) => {
    if ((e.type === 'create' || e.type === 'update') && e.data?._createdAt) direct.push(Date.now() - e.data._createdAt);
  };
  let conn;
  let state;
  let door;
  if (redisAdapters) {
    // Motia's Redis adapters: state as the app's adapter reads it; the door's
    // own figures (INFO) at the end.
    const [host, port] = [troupe.resp.slice(0, troupe.resp.lastIndexOf(':')), Number(troupe.resp.slice(troupe.resp.lastIndexOf(':') + 1))];
    state = new RedisStateAdapter({ socket: { host, port } });
    door = createClient({ socket: { host, port } });
    await door.connect();
  } else {
    conn = new TroupeConnection({ nodes: [troupe.address] });
    state = new TroupeStateAdapter(conn, new Namespace(namespace));
    const streams = new TroupeStreamAdapterManager(conn, new Namespace(namespace));
    await streams.createStream('orders').subscribe({ groupId: 'all' }, onDirect);
  }

  const checkerLoop = monitorEventLoopDelay({ resolution: 10 });  // as loop-delay.mjs measures the instances
  checkerLoop.enable();
  startLoopDelay(instances);
  let killed = false;
  let nodeKill;
  const { accepted, failovers } = await sendOrders(instances, (n) => {
    if (n % 50 === 0) phase(`${n} accepted`);
    if (kill && !killed && n >= requests * 0.4) {
      killed = true;
      if (killNode) {
        nodeKill = killTroupe(conn, troupes);
        return;
      }
      instances[1].alive = false;
      process.kill(-instances[1].child.pid, 'SIGKILL');
    }
  });
  const nodeKilled = await nodeKill;

  phase('orders accepted');
  // Wait until both steps have seen every accepted order, or until no step
  // has handled anything for stallMs.
  let processed;
  let notified;
  const total = (m) => [...m.values()].reduce((sum, n) => sum + n, 0);
  await untilDone(async () => {
    processed = await handled(state, 'ProcessOrder');
    notified = await handled(state, 'NotifyOrder');
    const done = processed.size >= accepted.size && notified.size >= accepted.size;
    return { done, progress: total(processed) + total(notified) };
  });

  phase('events settled');
  const problems = [];
  const dupes = (m) => [...m.values()].reduce((sum, n) => sum + (n > 1 ? n - 1 : 0), 0);
  for (const instance of instances) if (instance.died) problems.push(instance.died.split('\n')[0]);
  const lost = new Set();
  for (const [step, m] of [['ProcessOrder', processed], ['NotifyOrder', notified]]) {
    const missing = [...accepted.keys()].filter((id) => !m.has(id));
    for (const id of missing) lost.add(id);
    if (missing.length) problems.push(`${step} never handled ${missing.length} orders (e.g. ${missing[0]})`);
    if (!kill && dupes(m)) problems.push(`${step} handled ${dupes(m)} events more than once`);
    if (nodeKilled) {
      // A delivery in flight at the kill: handled first at most one
      // visibility timeout before it, and before the leaders were back.
      const inFlight = (id) => m.firstAt.get(id) >= nodeKilled.at - visibilityMs && m.firstAt.get(id) <= nodeKilled.backAt;
      const outside = [...m.entries()].filter(([id, n]) => n > 1 && !inFlight(id));
      if (outside.length) problems.push(`${step} handled ${outside.length} orders more than once that were not in flight at the kill (e.g. ${outside[0][0]})`);
    }
  }
  // A node killed: the instances ride through it, so no request fails.
  if (nodeKilled && failovers) problems.push(`${failovers} requests to the instances failed`);

  // Every stream item, read back through each live instance.
  let streamReads = 0;
  const live = instances.filter((x) => x.alive);
  for (const instance of live) {
    const res = await fetch(`http://127.0.0.1:${instance.port}/orders`);
    const items = res.status === 200 ? await res.json() : [];
    const processedIds = new Set(items.filter((x) => x.status === 'processed').map((x) => x.orderId));
    const unreadable = [...accepted.keys()].filter((id) => !processedIds.has(id));
    streamReads += accepted.size - unreadable.length;
    if (unreadable.length) problems.push(`${unreadable.length} stream items not readable on :${instance.port} (e.g. ${unreadable[0]})`);
  }

  let stateFound = 0;
  for (const [orderId, traceId] of accepted) {
    const value = await state.get(traceId, 'order');
    if (value?.orderId === orderId) stateFound++;
    else problems.push(`no state under trace ${traceId} for ${orderId}`);
  }

  // Each instance fires every 2-second boundary; troupe.plugin gave the cron
  // adapter the step's expression, so each tick is granted once. A run may
  // start late under load, so count runs against boundaries rather than
  // trusting each run's own clock: at most one per tick since the first
  // instance started, and at least one per tick since both were ready (but
  // the last tick or two, whose runs may still be under way).
  const tickRuns = await state.getGroup('handled.Tick');
  const runs = tickRuns.length;
  const boundaries = Math.floor(Date.now() / 2000) - Math.floor(cronFrom / 2000);
  const sinceReady = Math.floor(Date.now() / 2000) - Math.ceil(readyAt / 2000);
  // Runs per tick, by the tick each run says it began in.
  const perTick = new Map();
  for (const r of tickRuns) perTick.set(r.tick, (perTick.get(r.tick) ?? 0) + 1);
  // Seconds between the ticks run, in order (a run holds the lock; see the top).
  const ticksRun = [...perTick.keys()].sort((a, b) => a - b);
  const gaps = ticksRun.slice(1).map((t, i) => t - ticksRun[i]);
  const tickGaps = `runs apart p50 ${quantile(gaps, 0.5)} s max ${quantile(gaps, 1)} s (first half p50 ${quantile(gaps.slice(0, gaps.length >> 1), 0.5)} s, second ${quantile(gaps.slice(gaps.length >> 1), 0.5)} s)`;
  if (redisAdapters) {
    // Motia's Redis cron adapter locks a run, not a tick (see the top): its
    // lock must be released, or no instance runs the step again for 300 s.
    if (sinceReady >= 2 && perTick.size < 2) problems.push(`the cron step ran in ${perTick.size} ticks over ${sinceReady} since both instances were ready: its lock stayed held`);
  } else {
    if (runs > boundaries) problems.push(`the cron step ran ${runs} times over ${boundaries} ticks`);
    // With --kill, the instance that died may have taken a tick and not run
    // it; and once one instance is left, a boundary its cron timer skips (an
    // event-loop stall across it) leaves a tick behind for good: each later
    // firing claims the earliest unclaimed tick, and no second instance
    // fires to catch up.
    if (runs < sinceReady - 2 - (kill ? 2 : 0)) problems.push(`the cron step ran only ${runs} times over ${sinceReady} ticks since both instances were ready`);
  }

  // Live streams: each watcher of a live instance saw each order's item
  // created once (ProcessOrder writes it once per handling). With Motia's
  // Redis adapters, a watcher sees only its own instance's writes (see the
  // top): together they saw every order.
  const watching = watchers.filter((x) => x.instance.alive);
  const seen = (w) => new Set(w.changes.map((c) => c.item?.orderId));
  const seenByAny = () => new Set(watching.flatMap((w) => [...seen(w)]));
  await untilDone(async () => ({
    done: redisAdapters
      ? [...accepted.keys()].every((id) => seenByAny().has(id))
      : watching.every((w) => [...accepted.keys()].every((id) => seen(w).has(id))),
    progress: watching.reduce((n, w) => n + w.changes.length, 0),
  }));
  const loopDelays = await Promise.all(instances.map((x) => (x.alive ? endLoopDelay(x) : null)));
  checkerLoop.disable();
  const across = [];
  const local = [];
  const acrossToPush = [];
  const acrossToClient = [];
  for (const w of watching) {
    const creates = new Map();
    for (const c of w.changes) {
      if (c.type !== 'create' && c.type !== 'update') continue;
      creates.set(c.item?.orderId, (creates.get(c.item?.orderId) ?? 0) + 1);
      if (!c.item?.by) continue;
      const isLocal = c.item.by === String(w.instance.port);
      (isLocal ? local : across).push(c.at - c.item._createdAt);
      if (!isLocal && c.pushedAt) {
        acrossToPush.push(c.pushedAt - c.item._createdAt);
        acrossToClient.push(c.at - c.pushedAt);
      }
    }
    const unseen = redisAdapters ? [] : [...accepted.keys()].filter((id) => !creates.has(id));
    const extra = [...accepted.keys()].reduce((n, id) => n + Math.max(0, (creates.get(id) ?? 0) - (processed.get(id) ?? 0)), 0);
    if (unseen.length) problems.push(`the WebSocket client of :${w.instance.port} never saw ${unseen.length} orders (e.g. ${unseen[0]})`);
    if (extra) problems.push(`the WebSocket client of :${w.instance.port} saw ${extra} changes twice`);
    w.ws.close();
  }
  if (redisAdapters) {
    const unseen = [...accepted.keys()].filter((id) => !seenByAny().has(id));
    if (unseen.length) problems.push(`no WebSocket client saw ${unseen.length} orders (e.g. ${unseen[0]})`);
  }
  // From the item's write (its _createdAt, the node's clock on this host) to
  // the client's message; across instances split at the instance's push
  // (core's timestamp on the message, the same host's clock).
  const ms = (ns) => Math.max(0, ns / 1e6 - 10).toFixed(0);  // beyond the 10 ms timer, as loop-delay.mjs reports
  const loops = loopDelays.map((d, i) => (d ? `:${instances[i].port} ${d.p50}/${d.p99}/${d.max}` : `:${instances[i].port} n/a`));
  const liveStreams = redisAdapters
    ? `live streams p50 ${quantile(local, 0.5)} ms p99 ${quantile(local, 0.99)} ms on the writing instance (${local.length}),` +
      ` ${across.length} changes across instances (core pushes none);` +
      ` event loop delay p50/p99/max ms: instances ${loops.join(', ')}, this checker` +
      ` ${ms(checkerLoop.percentile(50))}/${ms(checkerLoop.percentile(99))}/${ms(checkerLoop.max)}`
    : `live streams p50 ${quantile(across, 0.5)} ms p99 ${quantile(across, 0.99)} ms across instances (${across.length};` +
    ` write to the instance's push p50 ${quantile(acrossToPush, 0.5)} p99 ${quantile(acrossToPush, 0.99)} ms,` +
    ` push to the client p50 ${quantile(acrossToClient, 0.5)} p99 ${quantile(acrossToClient, 0.99)} ms),` +
    ` p50 ${quantile(local, 0.5)} ms p99 ${quantile(local, 0.99)} ms on the writing one (${local.length});` +
    ` the node's push to a plain subscriber p50 ${quantile(direct, 0.5)} ms p99 ${quantile(direct, 0.99)} ms (${direct.length});` +
    ` event loop delay p50/p99/max ms: instances ${loops.join(', ')}, this checker` +
    ` ${ms(checkerLoop.percentile(50))}/${ms(checkerLoop.percentile(99))}/${ms(checkerLoop.max)}`;

  const traces = await respKeyCount(troupe.resp, 'motia:trace:*');
  const logs = await respKeyCount(troupe.resp, 'motia:logs:*');
  if (traces === 0) problems.push("Motia core's traces are not in Troupe's RESP keyspace");
  if (logs === 0) problems.push("Motia core's logs are not in Troupe's RESP keyspace");
  // Motia's Redis adapters log an error and go on: any such line fails the run.
  const adapterErrors = instances.flatMap((x) => x.adapterErrors.map((line) => `:${x.port} ${line}`));
  for (const line of [...new Set(adapterErrors)].slice(0, 5)) problems.push(`adapter logged: ${line}`);

  // The door's error replies, by code, and the commands that got them.
  let doorErrors = '';
  if (redisAdapters) {
    const infoLines = async (section) => (await door.info(section)).split('\r\n').filter((l) => l && !l.startsWith('#'));
    const codes = (await infoLines('errorstats')).map((l) => /^errorstat_([^:]+):count=(\d+)/.exec(l)).filter(Boolean);
    const commands = (await infoLines('commandstats'))
      .map((l) => /^cmdstat_([^:]+):calls=(\d+).*rejected_calls=(\d+),failed_calls=(\d+)/.exec(l))
      .filter(Boolean);
    const publishes = commands.find((c) => c[1] === 'publish')?.[2] ?? 0;
    const erring = commands.filter((c) => c[3] !== '0' || c[4] !== '0').map((c) => `${c[1]} ${c[3]} rejected ${c[4]} failed of ${c[2]}`);
    doorErrors = `; door: ${publishes} PUBLISH, error replies ${codes.map((c) => `${c[1]} ${c[2]}`).join(', ') || 'none'}${erring.length ? ` (${erring.join(', ')})` : ''}`;
    for (const [, code, count] of codes) if (code !== 'NOSCRIPT') problems.push(`the RESP door answered ${count} ${code} errors (${erring.join(', ')})`);
    await door.quit();
    await state.cleanup();
  } else {
    await conn.close();
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const verdict = problems.length === 0 ? 'PASS' : 'FAIL';
  console.log(
    `motia-app ${verdict}${redisAdapters ? " with Motia's Redis adapters (BullMQ prefix {motia})" : ''}${kill && !killNode ? ' (instance 2 killed at 40%)' : ''}` +
      `${clustered ? ` on 3 nodes${replicas > 1 ? `, replication factor ${replicas}` : ''}` : ''}` +
      `${nodeKilled ? ` (${nodeKilled.name}, leading ${nodeKilled.led} partitions, kill -9'd at 40%; every partition led again ${nodeKilled.backAt - nodeKilled.at} ms later)` : ''}` +
      `: ${accepted.size}/${requests} orders over ${instances.length} instances` +
      ` (${failovers} failovers); ProcessOrder ${processed.size}/${accepted.size} (${dupes(processed)} duplicates),` +
      ` NotifyOrder ${notified.size}/${accepted.size} (${dupes(notified)} duplicates); lost ${lost.size}; stream reads ${streamReads}/${accepted.size * live.length};` +
      ` state ${stateFound}/${accepted.size}; cron ${runs} runs over ${boundaries} ticks (${sinceReady} since both instances were ready` +
      `${redisAdapters ? `; ${perTick.size} ticks run, ${[...perTick.values()].filter((n) => n > 1).length} of them more than once, ${tickGaps}` : ''}); ${liveStreams};` +
      ` core wrote ${traces} trace and ${logs} log keys over RESP` +
      `${killNode ? ` (errors answered to core's own Redis connection: ${instances.map((x) => x.coreRedisErrors).join(' and ')})` : ''}` +
      `${redisAdapters ? `; adapter error lines ${adapterErrors.length}${doorErrors}` : ''}; ${seconds}s`,
  );
  for (const p of problems.slice(0, 10)) console.log(`  - ${p}`);
  process.exit(problems.length === 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(`motia-app FAIL: ${e.stack ?? e}`);
  process.exit(1);
});
