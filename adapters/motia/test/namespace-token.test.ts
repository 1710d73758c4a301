// Namespace tokens (troupe-node --namespace-token NS=TOKEN): an app whose
// adapters use `namespace: NS` with that token works end to end (state,
// streams and a subscription, events, cron locks and ticks); another
// namespace's app sees none of its data in its listings, which the node
// itself leaves out; adapters whose namespace is not their token's are
// refused (UNAUTHENTICATED, naming the token's namespace and the name) and
// write nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TroupeConnection, TroupeError, troupeAdapters, type TroupeCronLock } from '../src/index.js';
import { startNode, type RunningNode } from './node.js';

let node: RunningNode;
let shop: ReturnType<typeof troupeAdapters>;
let blog: ReturnType<typeof troupeAdapters>;
/** The node's own token: sees every namespace, as stored. */
let admin: TroupeConnection;
const closers: (() => Promise<void> | void)[] = [];

before(async () => {
  node = await startNode(['--token', 'admin', '--namespace-token', 'shop=t-shop', '--namespace-token', 'blog=t-blog']);
  shop = troupeAdapters({ nodes: [node.address], namespace: 'shop', token: 't-shop', events: { retryBackoffMs: 0 }, cron: { minHoldMs: 0 } });
  blog = troupeAdapters({ nodes: [node.address], namespace: 'blog', token: 't-blog', events: { retryBackoffMs: 0 }, cron: { minHoldMs: 0 } });
  admin = new TroupeConnection({ nodes: [node.address], token: 'admin' });
});

after(async () => {
  for (const close of closers) await close();
  for (const a of [shop, blog]) {
    await a.events.shutdown();
    await a.cron.shutdown();
    await a.state.cleanup();
  }
  admin.close();
  await node.stop();
});

const text = (b: Uint8Array | null | undefined) => Buffer.from(b ?? []).toString('utf8');
const names = (r: { names?: { names?: Uint8Array[] | null } | null }) => (r.names?.names ?? []).map(text).sort();

const waitFor = async (pred: () => boolean, what: string) => {
  const deadline = Date.now() + 20000;
  while (!pred()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

/** The node's refusal of a name outside the token's namespace. */
const outside = (ns: string, name: string) => (e: unknown) => {
  assert.ok(e instanceof TroupeError, `not a TroupeError: ${e}`);
  assert.equal(e.code, 'UNAUTHENTICATED');
  assert.ok(e.message.includes(`a token of namespace '${ns}' may not use '${name}'`), e.message);
  return true;
};

describe('an app with its namespace\'s token', () => {
  it('uses state, streams, events and cron end to end', async () => {
    // State
    const { state } = shop;
    assert.deepEqual(await state.set('order-1', 'order', { total: 10 }), { total: 10 });
    await state.set('order-1', 'status', 'new');
    assert.deepEqual(await state.get('order-1', 'order'), { total: 10 });
    assert.deepEqual((await state.getGroup<unknown>('order-1')).map((v) => JSON.stringify(v)).sort(), ['"new"', '{"total":10}']);
    assert.deepEqual(await state.keys('order-1'), ['order', 'status']);
    assert.deepEqual(await state.traceIds(), ['order-1']);
    // Stored under the namespace, as the admin token sees it.
    assert.deepEqual(names(await admin.request({ stateTraceIds: {} })), ['shop:order-1']);
    await state.clear('order-1');
    assert.deepEqual(await state.getGroup('order-1'), []);
    assert.deepEqual(await state.keys('order-1'), []);

    // Streams, and a subscription hearing a change
    const orders = shop.streams.createStream<{ v: number }>('orders');
    const heard: { type: string; data: any }[] = [];
    await orders.subscribe({ groupId: 'g1' }, (e) => void heard.push(e as any));
    const item = await orders.set('g1', 'a', { v: 1 });
    assert.equal(item.id, 'a');
    assert.equal((await orders.get('g1', 'a'))?.v, 1);
    assert.deepEqual((await shop.streams.createStream<{ v: number }>('orders').getGroup('g1')).map((i) => [i.id, i.v]), [['a', 1]]);
    await waitFor(() => heard.length === 1, 'the stream change');
    assert.equal(heard[0].type, 'create');
    assert.deepEqual([heard[0].data.id, heard[0].data.v], ['a', 1]);
    await orders.unsubscribe({ groupId: 'g1' });
    const stored = await admin.request({ streamGet: { stream: Buffer.from('shop:orders'), groupId: Buffer.from('g1'), id: Buffer.from('a') } });
    assert.equal(stored.streamItem?.found, true);
    await orders.clear('g1');

    // Events: an emit consumed by a subscribed step
    const got: unknown[] = [];
    const handle = await shop.events.subscribe('order.created', 'notify', async (e) => void got.push(e), {
      type: 'standard', maxRetries: 1, visibilityTimeout: 30, delaySeconds: 0,
    });
    await shop.events.emit({ topic: 'order.created', data: { id: 1 }, traceId: 'order-1', flows: ['checkout'] });
    await waitFor(() => got.length === 1, 'the event');
    assert.deepEqual(got[0], { topic: 'order.created', data: { id: 1 }, traceId: 'order-1', flows: ['checkout'] });
    await handle.unsubscribe();

    // Cron: a node lock (a job without a known schedule) ...
    const lock = await shop.cron.acquireLock('nightly', 60000);
    assert.ok(lock, 'the lock was not granted');
    assert.deepEqual((await shop.cron.getActiveLocks()).map((l) => l.jobName), ['nightly']);
    assert.equal(await shop.cron.renewLock(lock!, 60000), true);
    await shop.cron.releaseLock(lock!);
    assert.deepEqual(await shop.cron.getActiveLocks(), []);
    assert.equal(await shop.cron.isHealthy(), true);
    // ... and a tick of a scheduled job (its record: a trace inside the namespace).
    const ticking = troupeAdapters({ nodes: [node.address], namespace: 'shop', token: 't-shop', cron: { schedules: { Every: '* * * * * *' } } });
    closers.push(() => ticking.state.cleanup());
    let tick: TroupeCronLock | null = null;
    for (const deadline = Date.now() + 5000; !(tick = await ticking.cron.acquireLock('Every', 300000)); ) {
      assert.ok(Date.now() < deadline, 'no tick granted');
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(typeof tick!.tick, 'number');
    await ticking.cron.releaseLock(tick!);
    assert.deepEqual(names(await admin.request({ stateTraceIds: {} })), ['shop:__troupe:cron']);
  });
});

describe('another namespace\'s app', () => {
  it('sees none of the first app\'s state groups, stream groups, locks or events, and its own data works', async () => {
    await shop.state.set('shop-trace', 'k', 'shop');
    await shop.streams.createStream<{ v: string }>('orders').set('shop-group', 'x', { v: 'shop' });
    const shopLock = await shop.cron.acquireLock('shop-job', 60000);
    assert.ok(shopLock);

    await blog.state.set('blog-trace', 'k', 'blog');
    const posts = blog.streams.createStream<{ v: string }>('orders');  // the same stream name as shop's
    await posts.set('blog-group', 'x', { v: 'blog' });

    // Its own data
    assert.equal(await blog.state.get('blog-trace', 'k'), 'blog');
    assert.deepEqual(await blog.state.getGroup('blog-trace'), ['blog']);
    assert.deepEqual(await blog.state.keys('blog-trace'), ['k']);
    assert.equal((await posts.get('blog-group', 'x'))?.v, 'blog');
    assert.deepEqual((await posts.getGroup('blog-group')).map((i) => i.v), ['blog']);

    // The adapters' listings
    assert.deepEqual(await blog.state.traceIds(), ['blog-trace']);
    assert.deepEqual((await blog.state.items({})).map((i) => [i.groupId, i.value]), [['blog-trace', 'blog']]);
    assert.deepEqual(await blog.state.getGroup('shop-trace'), []);
    assert.deepEqual(await posts.getGroup('shop-group'), []);
    assert.deepEqual(await blog.cron.getActiveLocks(), []);
    const blogLock = await blog.cron.acquireLock('blog-job', 60000);
    assert.ok(blogLock);
    assert.deepEqual((await blog.cron.getActiveLocks()).map((l) => l.jobName), ['blog-job']);
    assert.deepEqual((await shop.cron.getActiveLocks()).map((l) => l.jobName), ['shop-job']);

    // The node's own listings for the blog token leave shop out (the adapters
    // would drop other namespaces anyway), and shop's stream is not blog's to list.
    const raw = new TroupeConnection({ nodes: [node.address], token: 't-blog' });
    closers.push(() => raw.close());
    assert.deepEqual(names(await raw.request({ stateTraceIds: {} })), ['blog:blog-trace']);
    assert.deepEqual(((await raw.request({ stateItems: {} })).items?.items ?? []).map((i) => text(i.groupId)), ['blog:blog-trace']);
    assert.deepEqual(((await raw.request({ lockList: {} })).locks?.locks ?? []).map((l) => text(l.job)), ['blog:blog-job']);
    assert.deepEqual(names(await raw.request({ streamListGroups: { stream: Buffer.from('blog:orders') } })), ['blog-group']);
    await assert.rejects(raw.request({ streamListGroups: { stream: Buffer.from('shop:orders') } }), outside('blog', 'shop:orders'));
    // The admin token sees both.
    assert.deepEqual(names(await admin.request({ stateTraceIds: {} })), ['blog:blog-trace', 'shop:__troupe:cron', 'shop:shop-trace']);
    assert.deepEqual(names(await admin.request({ streamListGroups: { stream: Buffer.from('shop:orders') } })), ['shop-group']);

    // Events: one topic name in both apps, each app's step gets its own app's event only.
    const shopGot: unknown[] = [];
    const blogGot: unknown[] = [];
    const q = { type: 'standard' as const, maxRetries: 1, visibilityTimeout: 30, delaySeconds: 0 };
    const hs = await shop.events.subscribe('published', 'index', async (e) => void shopGot.push(e.data), q);
    const hb = await blog.events.subscribe('published', 'index', async (e) => void blogGot.push(e.data), q);
    await blog.events.emit({ topic: 'published', data: 'blog-post', traceId: 'blog-trace' });
    await shop.events.emit({ topic: 'published', data: 'shop-item', traceId: 'shop-trace' });
    await waitFor(() => shopGot.length === 1 && blogGot.length === 1, 'both events');
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual([shopGot, blogGot], [['shop-item'], ['blog-post']]);
    await hs.unsubscribe();
    await hb.unsubscribe();

    await shop.cron.releaseLock(shopLock!);
    await blog.cron.releaseLock(blogLock!);
    await shop.state.clear('shop-trace');
    await blog.state.clear('blog-trace');
  });
});

describe('adapters whose namespace is not their token\'s', () => {
  it('are refused, naming the token\'s namespace, and write nothing', async () => {
    const wrong = troupeAdapters({ nodes: [node.address], namespace: 'blog', token: 't-shop', events: { retryBackoffMs: 0 } });
    closers.push(async () => {
      await wrong.events.shutdown();
      await wrong.state.cleanup();
    });
    // blog's rightful consumer of the topic the wrong app emits to
    const got: unknown[] = [];
    const h = await blog.events.subscribe('wrong.topic', 'step', async (e) => void got.push(e.data), {
      type: 'standard', maxRetries: 1, visibilityTimeout: 30, delaySeconds: 0,
    });

    const refused = (name: string) => outside('shop', name);
    await assert.rejects(wrong.state.set('wrong-trace', 'k', 1), refused('blog:wrong-trace'));
    await assert.rejects(wrong.state.setMany('wrong-trace', [{ key: 'k', value: 1 }]), refused('blog:wrong-trace'));
    await assert.rejects(wrong.state.get('wrong-trace', 'k'), refused('blog:wrong-trace'));
    await assert.rejects(wrong.state.getGroup('wrong-trace'), refused('blog:wrong-trace'));
    await assert.rejects(wrong.state.keys('wrong-trace'), refused('blog:wrong-trace'));
    await assert.rejects(wrong.state.clear('wrong-trace'), refused('blog:wrong-trace'));
    const stream = wrong.streams.createStream<{ v: number }>('orders');
    await assert.rejects(stream.set('wrong-group', 'x', { v: 1 }), refused('blog:orders'));
    await assert.rejects(stream.getGroup('wrong-group'), refused('blog:orders'));
    await assert.rejects(stream.subscribe({ groupId: 'wrong-group' }, () => undefined), refused('blog:orders'));
    await assert.rejects(wrong.events.emit({ topic: 'wrong.topic', data: 'wrong', traceId: 't' }), refused('blog:wrong.topic'));
    await assert.rejects(wrong.events.subscribe('wrong.topic', 'step', async () => undefined), refused('blog:wrong.topic'));
    assert.deepEqual(await wrong.events.listTopics(), []);
    await assert.rejects(wrong.cron.acquireLock('wrong-job', 60000), refused('blog:wrong-job'));
    // Listings are not refused: the node answers with the token's namespace
    // (shop's), and the adapters keep only their own (blog's): nothing.
    assert.deepEqual(await wrong.state.traceIds(), []);
    // getActiveLocks lists the node's locks (allowed), then reads the tick
    // records of its own namespace (refused).
    await assert.rejects(wrong.cron.getActiveLocks(), refused('blog:__troupe:cron'));

    // Nothing was written.
    await blog.events.emit({ topic: 'wrong.topic', data: 'marker', traceId: 't' });
    await waitFor(() => got.length >= 1, 'the marker event');
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(got, ['marker']);
    await h.unsubscribe();
    assert.deepEqual(names(await admin.request({ stateTraceIds: {} })), ['shop:__troupe:cron']);
    const item = await admin.request({ streamGet: { stream: Buffer.from('blog:orders'), groupId: Buffer.from('wrong-group'), id: Buffer.from('x') } });
    assert.equal(item.streamItem?.found ?? false, false);
    assert.deepEqual(names(await admin.request({ streamListGroups: { stream: Buffer.from('blog:orders') } })), ['blog-group']);
    assert.deepEqual(((await admin.request({ lockList: {} })).locks?.locks ?? []).map((l) => text(l.job)), []);
  });
});

describe('node-wide requests', () => {
  it('are refused to a namespace token, except the cluster status the adapters route by', async () => {
    const raw = new TroupeConnection({ nodes: [node.address], token: 't-shop', routeToOwner: false });
    closers.push(() => raw.close());
    const nodeWide = (e: unknown) => {
      assert.ok(e instanceof TroupeError, `not a TroupeError: ${e}`);
      assert.equal(e.code, 'UNAUTHENTICATED');
      assert.match(e.message, /a token of namespace 'shop' may not make \S+ requests/);
      return true;
    };
    await assert.rejects(raw.request({ stats: {} }), nodeWide);
    assert.ok((await raw.request({ ping: {} })).pong);
    // The partition table (what the adapters refresh their routes from) is
    // no app's data: a namespace token reads it.
    const status = await raw.request({ clusterStatus: {} });
    assert.ok(status.cluster);
  });
});
