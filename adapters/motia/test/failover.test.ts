// Riding through a failover: three nodes with --replication-factor 3 (one
// seed list), two "instances" of an app (the adapters over a connection each,
// listing all three nodes, homed on different ones) under a steady load of
// state writes, emits consumed by a step on both instances, and stream sets;
// kill -9 of the node leading the most partitions mid-run. Then: no adapter
// call failed, every acknowledged state write reads back, every acknowledged
// emit was handled at least once (duplicates counted), every acknowledged
// stream item is there, and the subscriptions of both instances (event
// consumers, a stream subscription) carried on after the kill.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Namespace, TroupeConnection, TroupeEventAdapter, TroupeStateAdapter, TroupeStreamAdapterManager } from '../src/index.js';
import { startCluster, type RunningNode } from './node.js';

const namespace = 'failover';
const topic = 'order.created';
const queue = { type: 'standard' as const, maxRetries: 10, visibilityTimeout: 5, delaySeconds: 0 };
/** Iterations (a state write, an emit, a stream set) before the kill, and after it. */
const beforeKill = 150;
const afterKill = 300;
const workersPerInstance = 4;

let nodes: RunningNode[] = [];

before(async () => {
  nodes = await startCluster(3, { replicationFactor: 3, symmetric: true, durability: 'os' });
});

after(async () => {
  await Promise.all(nodes.map((n) => n.kill()));
});

/** Resolves when `pred` holds; the bound only turns a hang into a failure. */
/** An app instance's adapters over one connection to `addresses` (tried in order). */
function adapters(addresses: string[]) {
  const conn = new TroupeConnection({ nodes: addresses });
  const ns = new Namespace(namespace);
  return { conn, state: new TroupeStateAdapter(conn, ns), events: new TroupeEventAdapter(conn, ns), streams: new TroupeStreamAdapterManager(conn, ns) };
}

const waitFor = async (pred: () => boolean | Promise<boolean>, what: string, boundMs = 60000) => {
  const deadline = Date.now() + boundMs;
  while (!(await pred())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20)); // polling an outcome, with a deadline
  }
};

describe('a node killed under load, replication factor 3', () => {
  it('costs the adapters no error and no acknowledged write', async (t) => {
    // Instance i connects to node i first, then the others.
    const instance = (home: number) => adapters([...nodes.slice(home), ...nodes.slice(0, home)].map((n) => n.address));
    const instances = [instance(0), instance(1)];
    const errors: string[] = [];
    const handled = new Map<number, number>(); // n -> times handled
    const handledAfterKill = [0, 0];
    let killedAt = Infinity;
    const live: number[] = [];

    try {
      for (const [i, a] of instances.entries())
        await a.events.subscribe<{ n: number; emittedAfterKill: boolean }>(
          topic,
          'ProcessOrder',
          async (e) => {
            handled.set(e.data.n, (handled.get(e.data.n) ?? 0) + 1);
            if (e.data.emittedAfterKill) handledAfterKill[i]++;
          },
          queue,
        );
      await instances[0].streams.createStream<{ n: number }>('orders').subscribe({ groupId: 'live' }, (e: any) => {
        if (e.type !== 'delete') live.push(e.data.n);
      });

      // The load: each iteration writes state, emits and sets a stream item,
      // through one instance or the other; what was acknowledged is recorded.
      const acked = { state: new Set<number>(), emits: new Set<number>(), items: new Set<number>() };
      let next = 0;
      let done = 0;
      let doneAfterKill = 0;
      let longestMs = 0;
      const call = async <T>(what: string, n: number, op: () => Promise<T>) => {
        const started = Date.now();
        try {
          return await op();
        } catch (err) {
          errors.push(`${what} ${n}: ${(err as Error).message}`);
          throw err;
        } finally {
          longestMs = Math.max(longestMs, Date.now() - started);
        }
      };
      const worker = async (a: (typeof instances)[number]) => {
        const orders = a.streams.createStream<{ n: number }>('orders');
        while (doneAfterKill < afterKill && errors.length === 0) {
          const n = next++;
          const afterTheKill = Date.now() >= killedAt;
          try {
            await call('state set', n, () => a.state.set(`trace-${n}`, 'order', { n }));
            acked.state.add(n);
            await call('emit', n, () => a.events.emit({ topic, data: { n, emittedAfterKill: afterTheKill }, traceId: `trace-${n}` }));
            acked.emits.add(n);
            await call('stream set', n, () => orders.set(`g${n % 8}`, `i${n}`, { n }));
            acked.items.add(n);
            await call('stream set', n, () => orders.set('live', 'latest', { n }));
          } catch {
            return; // recorded in errors
          }
          done++;
          if (afterTheKill) doneAfterKill++;
        }
      };
      const load = Promise.all(instances.flatMap((a) => Array.from({ length: workersPerInstance }, () => worker(a))));

      // Mid-run: kill -9 the node that leads the most partitions.
      await waitFor(() => done >= beforeKill || errors.length > 0, `${beforeKill} iterations`);
      const probe = new TroupeConnection({ nodes: nodes.map((n) => n.address), routeToOwner: false });
      const { cluster } = await probe.request({ clusterStatus: {} });
      probe.close();
      const members = [...(cluster?.table?.members ?? [])].sort((x: any, y: any) => (y.partitions ?? 0) - (x.partitions ?? 0));
      const victim = nodes.find((n) => n.nodeId === members[0].nodeId)!;
      t.diagnostic(`killing ${victim.nodeId} (leads ${members[0].partitions} of ${cluster?.table?.owners?.length} partitions) after ${done} iterations`);
      killedAt = Date.now();
      await victim.kill();
      await load;
      assert.deepEqual(errors, [], 'the adapters saw errors');

      // Read back through the survivors (a fresh connection).
      const reader = adapters(nodes.filter((n) => n !== victim).map((n) => n.address));
      try {
        const lostState = [];
        for (const n of acked.state) if ((await reader.state.get<{ n: number }>(`trace-${n}`, 'order'))?.n !== n) lostState.push(n);
        assert.deepEqual(lostState, [], 'acknowledged state writes lost');

        const orders = reader.streams.createStream<{ n: number }>('orders');
        const stored = new Set<number>();
        for (let g = 0; g < 8; g++) for (const item of await orders.getGroup(`g${g}`)) stored.add(item.n);
        const lostItems = [...acked.items].filter((n) => !stored.has(n));
        assert.deepEqual(lostItems, [], 'acknowledged stream items lost');
      } finally {
        reader.conn.close();
      }

      // Every acknowledged emit handled; deliveries in flight at the kill may
      // come twice (at least once).
      await waitFor(() => [...acked.emits].every((n) => handled.has(n)), 'every acknowledged emit to be handled');
      const duplicates = [...handled.values()].reduce((sum, k) => sum + k - 1, 0);
      t.diagnostic(
        `${done} iterations (${doneAfterKill} after the kill); ${acked.state.size} state writes, ${acked.emits.size} emits, ` +
          `${acked.items.size} stream items acknowledged; ${duplicates} duplicate deliveries; longest call ${longestMs} ms`,
      );
      // Both instances' consumers handled events emitted after the kill, and
      // the stream subscription heard a change made after it.
      assert.ok(handledAfterKill.every((k) => k > 0), `a consumer stopped after the kill: ${handledAfterKill}`);
      const last = next;
      await instances[1].streams.createStream<{ n: number }>('orders').set('live', 'latest', { n: last });
      await waitFor(() => live.includes(last), 'the stream subscription to hear a change written after the kill');
    } finally {
      for (const a of instances) {
        await a.events.shutdown();
        a.conn.close();
      }
    }
  });
});
