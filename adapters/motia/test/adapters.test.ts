// The adapters against a real troupe-node: Motia 0.17's adapter contract
// through the public protocol.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildTraceStreamsOnce, Namespace, TroupeConnection, TroupeCronAdapter, troupeAdapters, TroupeError } from '../src/index.js';
import { startNode, type RunningNode } from './node.js';

let node: RunningNode;
let adapters: ReturnType<typeof troupeAdapters>;

before(async () => {
  node = await startNode();
  adapters = troupeAdapters({ nodes: [node.address], namespace: 'app1', events: { retryBackoffMs: 0 }, cron: { minHoldMs: 0 } });
});

after(async () => {
  await adapters.events.shutdown();
  await adapters.state.cleanup();
  await node.stop();
});

const waitFor = async (pred: () => boolean, what: string) => {
  const deadline = Date.now() + 20000;
  while (!pred()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setImmediate(r));
  }
};

describe('state', () => {
  it('stores JSON values with Redis-adapter semantics', async () => {
    const { state } = adapters;
    assert.equal(await state.get('t1', 'missing'), null);
    assert.deepEqual(await state.set('t1', 'order', { total: 10, status: 'new' }), { total: 10, status: 'new' });
    assert.deepEqual(await state.get('t1', 'order'), { total: 10, status: 'new' });
    for (const v of [0, false, '', null, []]) {
      await state.set('t1', 'falsy', v);
      assert.deepEqual(await state.get('t1', 'falsy'), v);
    }
    await state.set('t1', 'n', 5);
    assert.deepEqual((await state.getGroup('t1')).length, 3);
    assert.deepEqual(await state.keys('t1'), ['falsy', 'n', 'order']);
    assert.deepEqual(await state.traceIds(), ['t1']);
    const items = await state.items({ filter: [{ valueKey: 'total', operation: 'gt', value: '5' }] });
    assert.deepEqual(items, [{ groupId: 't1', key: 'order', type: 'object', value: { total: 10, status: 'new' } }]);
    assert.deepEqual(await state.delete('t1', 'n'), 5);
    assert.equal(await state.delete('t1', 'n'), null);
    await state.clear('t1');
    assert.deepEqual(await state.getGroup('t1'), []);
  });

  it('matches groups exactly and keeps namespaces apart', async () => {
    const other = troupeAdapters({ nodes: [node.address], namespace: 'app2' });
    await adapters.state.set('a', 'k', 1);
    await adapters.state.set('ab', 'k', 2);
    await other.state.set('a', 'k', 3);
    assert.deepEqual(await adapters.state.getGroup('a'), [1]);
    assert.deepEqual(await other.state.getGroup('a'), [3]);
    assert.deepEqual(await other.state.traceIds(), ['a']);
    await other.state.clear('a');
    await adapters.state.clear('a');
    await adapters.state.clear('ab');
  });

  it('refuses values that are not JSON', async () => {
    await assert.rejects(adapters.state.set('t', 'k', undefined), (e: unknown) => e instanceof TroupeError && e.code === 'INVALID_ARGUMENT');
    await assert.rejects(adapters.state.set('t', 'k', 'x'.repeat(9 << 20)), (e: unknown) => e instanceof TroupeError && e.code === 'TOO_LARGE');
    assert.equal(await adapters.state.get('t', 'k'), null);
  });
});

describe('streams', () => {
  it('keeps items with id and _createdAt, in creation order', async () => {
    const s = adapters.streams.createStream<{ v: number }>('orders');
    const a = await s.set('g', 'a', { v: 1 });
    assert.equal(a.id, 'a');
    const created = (a as any)._createdAt;
    assert.equal(typeof created, 'number');
    await s.set('g', 'b', { v: 2 });
    const again = await s.set('g', 'a', { v: 3 });
    assert.equal((again as any)._createdAt, created);
    // A new handle per access sees the same data (core calls createStream each time).
    const group = await adapters.streams.createStream<{ v: number }>('orders').getGroup('g');
    assert.deepEqual(group.map((i) => i.id), ['a', 'b']);
    assert.deepEqual((await s.query('g', { orderBy: 'v', orderDirection: 'desc', limit: 1 })).map((i) => i.v), [3]);
    assert.deepEqual((await s.query('g', { where: { v: 2 } })).map((i) => i.id), ['b']);
    assert.deepEqual(await s.delete('g', 'b').then((i) => i?.v), 2);
    await s.clear('g');
    assert.deepEqual(await s.getGroup('g'), []);
  });

  it('delivers create, update, delete and custom events to subscribers', async () => {
    const s = adapters.streams.createStream<{ v: number }>('live');
    const seen: { type: string; data: any }[] = [];
    await s.subscribe({ groupId: 'g' }, (e) => {
      seen.push(e as any);
    });
    await s.set('g', 'x', { v: 1 });
    await s.set('g', 'x', { v: 2 });
    await s.send({ groupId: 'g' }, { type: 'ping', data: { hello: true } });
    await s.delete('g', 'x');
    await waitFor(() => seen.length === 4, 'four stream events');
    assert.deepEqual(seen.map((e) => e.type), ['create', 'update', 'ping', 'delete']);
    assert.equal(seen[0].data.id, 'x');
    assert.deepEqual(seen[2].data, { hello: true });
    await s.unsubscribe({ groupId: 'g' });
  });
});

describe('events', () => {
  it('fans out to steps and retries a failing handler until it succeeds', async () => {
    const { events } = adapters;
    const a: any[] = [];
    const b: any[] = [];
    let failures = 0;
    const ha = await events.subscribe('order.created', 'notify', async (e) => {
      a.push(e);
    });
    const hb = await events.subscribe(
      'order.created',
      'audit',
      async (e) => {
        if (failures++ < 2) throw new Error('flaky');
        b.push(e);
      },
      { type: 'standard', maxRetries: 3, visibilityTimeout: 30, delaySeconds: 0 },
    );
    await events.emit({ topic: 'order.created', data: { id: 1 }, traceId: 'tr-1', flows: ['f'] });
    await waitFor(() => a.length === 1 && b.length === 1, 'both steps');
    assert.deepEqual(a[0], { topic: 'order.created', data: { id: 1 }, traceId: 'tr-1', flows: ['f'] });
    assert.equal(failures, 3);
    assert.equal(await events.getSubscriptionCount('order.created'), 2);
    assert.deepEqual(await events.listTopics(), ['order.created']);
    await ha.unsubscribe();
    await hb.unsubscribe();
  });

  it('keeps fifo order per message group', async () => {
    const { events } = adapters;
    const got: string[] = [];
    const h = await events.subscribe('fifo.topic', 'step', async (e: any) => {
      got.push(e.data);
    }, { type: 'fifo', maxRetries: 1, visibilityTimeout: 30, delaySeconds: 0 });
    for (let i = 0; i < 5; i++)
      for (const g of ['g1', 'g2']) await events.emit({ topic: 'fifo.topic', data: `${g}-${i}`, traceId: 't', messageGroupId: g });
    await waitFor(() => got.length === 10, 'ten fifo events');
    for (const g of ['g1', 'g2'])
      assert.deepEqual(got.filter((x) => x.startsWith(g)), [0, 1, 2, 3, 4].map((i) => `${g}-${i}`));
    await h.unsubscribe();
  });
});

describe('cron', () => {
  it('grants a job to one instance at a time with increasing fencing tokens', async () => {
    const one = adapters.cron;
    const two = troupeAdapters({ nodes: [node.address], namespace: 'app1', cron: { minHoldMs: 0 } }).cron;
    const lock = await one.acquireLock('nightly', 60000);
    assert.ok(lock);
    assert.equal(await two.acquireLock('nightly', 60000), null);
    assert.deepEqual((await two.getActiveLocks()).map((l) => l.jobName), ['nightly']);
    assert.equal(await one.renewLock(lock!, 60000), true);
    await one.releaseLock(lock!);
    const next = await two.acquireLock('nightly', 60000);
    assert.ok(next);
    assert.ok(next!.fencingToken > lock!.fencingToken);
    assert.equal(await one.isHealthy(), true);
    await two.shutdown();
    assert.deepEqual(await one.getActiveLocks(), []);
  });

  it('keeps a finished tick taken for the minimum hold', async () => {
    const holding = troupeAdapters({ nodes: [node.address], namespace: 'app3', cron: { minHoldMs: 60000 } }).cron;
    const other = troupeAdapters({ nodes: [node.address], namespace: 'app3' }).cron;
    const lock = await holding.acquireLock('every-minute', 300000);
    await holding.releaseLock(lock!);
    assert.equal(await other.acquireLock('every-minute', 300000), null);
  });
});

describe('cron leases', () => {
  it('keeps a live holder\'s lock and lets a dead holder\'s lock lapse within the lease', async () => {
    const holderConn = new TroupeConnection({ nodes: [node.address] });
    const holder = new TroupeCronAdapter(holderConn, new Namespace('lease'), { leaseMs: 300 });
    const other = troupeAdapters({ nodes: [node.address], namespace: 'lease', cron: { leaseMs: 300 } }).cron;
    const lock = await holder.acquireLock('tick', 300000);
    assert.ok(lock);
    assert.ok(lock!.expiresAt - lock!.acquiredAt <= 300, 'the node holds it for one lease only');
    // Alive: the holder renews, so the lock outlives its first lease.
    const first = lock!.expiresAt;
    const renewed = async () => (await other.getActiveLocks()).find((l) => l.jobName === 'tick')?.expiresAt ?? 0;
    const deadline = Date.now() + 10000;
    while ((await renewed()) <= first) {
      assert.ok(Date.now() < deadline, 'the holder never renewed its lease');
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(await other.acquireLock('tick', 300000), null);
    // Dead (its connection gone, no release): the lock lapses within a lease.
    holderConn.close();
    let taken = null;
    while (!(taken = await other.acquireLock('tick', 300000))) {
      assert.ok(Date.now() < deadline, 'the dead holder\'s lock never lapsed');
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok(taken.fencingToken > lock!.fencingToken);
    await other.releaseLock(taken);
  });
});

describe('buildTraceStreamsOnce', () => {
  it('builds each custom stream once and leaves the others alone', () => {
    const built = { custom: 0, default: 0 };
    const streams = [
      { config: { baseConfig: { storageType: 'custom' } }, factory: () => ({ n: ++built.custom }) },
      { config: { baseConfig: { storageType: 'default' } }, factory: () => ({ n: ++built.default }) },
    ];
    buildTraceStreamsOnce({ lockedData: { listStreams: () => streams } });
    const first = streams[0].factory();
    assert.equal(streams[0].factory(), first);
    streams[1].factory();
    streams[1].factory();
    assert.deepEqual(built, { custom: 1, default: 2 });
  });
});

describe('reconnect', () => {
  it('emits through a node restart: nothing lost, consumers resubscribed', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'troupe-restart-'));
    const first = await startNode([], { durability: 'fsync', dataDir });
    let current: { stop(): Promise<void> } = first;
    const a = troupeAdapters({ nodes: [first.address], events: { retryBackoffMs: 0 } });
    const got = new Set<number>();
    await a.events.subscribe('restart.topic', 'step', async (e: any) => void got.add(e.data), {
      type: 'standard', maxRetries: 3, visibilityTimeout: 30, delaySeconds: 0,
    });
    const emits: Promise<void>[] = [];
    for (let i = 0; i < 200; i++) {
      emits.push(a.events.emit({ topic: 'restart.topic', data: i, traceId: 't' }));
      if (i === 100) {
        // Restart the node on the same address and data while emits are in flight.
        await first.stop();
        current = await startNode([], { durability: 'fsync', dataDir, listen: first.address });
      }
    }
    await Promise.all(emits);  // every emit is acknowledged in the end
    await waitFor(() => got.size === 200, 'all 200 events after the restart').catch((e) => {
      throw new Error(`${e.message}: got ${got.size}, missing ${[...Array(200).keys()].filter((i) => !got.has(i)).slice(0, 10)}`);
    });
    await a.events.shutdown();
    await a.state.cleanup();
    await current.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every subscription, of both kinds, through a node restart', async () => {
    // After a reconnect the node numbers subscriptions from 1 again: a
    // stream subscription and a consumer must each get their own pushes,
    // whatever ids they had before (stream, consumer, stream: ids 1 to 3).
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'troupe-restart-'));
    const first = await startNode([], { durability: 'fsync', dataDir });
    let current: { stop(): Promise<void> } = first;
    const a = troupeAdapters({ nodes: [first.address] });
    const heard = { a: [] as number[], b: [] as number[], events: [] as number[] };
    const live = (name: 'a' | 'b') => a.streams.createStream<{ n: number }>(`resub-${name}`);
    await live('a').subscribe({ groupId: 'g' }, (e: any) => void heard.a.push(e.data?.n));
    await a.events.subscribe('resub.topic', 'step', async (e: any) => void heard.events.push(e.data), {
      type: 'standard', maxRetries: 3, visibilityTimeout: 30, delaySeconds: 0,
    });
    await live('b').subscribe({ groupId: 'g' }, (e: any) => void heard.b.push(e.data?.n));
    await first.stop();
    current = await startNode([], { durability: 'fsync', dataDir, listen: first.address });
    // Once resubscribed, each hears what is written after the restart
    // (written again until heard: the resubscription may come after a write).
    for (let n = 1; !(heard.a.includes(-1) && heard.b.includes(-1) && heard.events.length > 0); n++) {
      await a.events.emit({ topic: 'resub.topic', data: n, traceId: 't' });
      await live('a').set('g', 'i', { n: -1 });
      await live('b').set('g', 'i', { n: -1 });
      await waitFor(() => heard.a.includes(-1) && heard.b.includes(-1) && heard.events.length > 0, 'a push')
        .catch((e) => {
          if (n >= 5) throw new Error(`${e.message}: heard ${JSON.stringify(heard)}`);
        });
    }
    await a.events.shutdown();
    await current.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
});
