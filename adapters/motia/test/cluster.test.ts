// The adapters against a three-node cluster: the partition hash matches the
// node's, requests go straight to their partition's owner, and events and
// stream changes cross nodes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Namespace, TroupeConnection, TroupeEventAdapter, TroupeStateAdapter, TroupeStreamAdapterManager } from '../src/index.js';
import { PartitionTable, partitionKey, xxh64 } from '../src/routing.js';
import { startCluster, type RunningNode } from './node.js';

describe('partition hash', () => {
  it('is XXH64 with seed 0', () => {
    assert.equal(xxh64(Buffer.from('')), 0xef46db3751d8e999n);
    assert.equal(xxh64(Buffer.from('a')), 0xd24ec4f1a98c6e5bn);
    assert.equal(xxh64(Buffer.from('abc')), 0x44bc2cf5ad770999n);
    assert.equal(xxh64(Buffer.from('Nobody inspects the spammish repetition')), 0xfbcea83c8a378bf1n);
  });

  it('keys a stream group by both names, escaped like the node', () => {
    assert.deepEqual(partitionKey({ streamGet: { stream: 'a\u0000', groupId: 'g' } }), Buffer.from([0x61, 0, 0xff, 0, 1, 0x67, 0, 1]));
    assert.equal(partitionKey({ streamSubscribe: { stream: 's', groupId: 'g' } }), undefined);
    assert.equal(partitionKey({ stateTraceIds: {} }), undefined);
  });
});

describe('cluster', () => {
  let nodes: RunningNode[];
  before(async () => {
    nodes = await startCluster(3);
  });
  after(async () => {
    await Promise.all(nodes.map((n) => n.stop()));
  });

  const forwarded = async (conn: TroupeConnection) => Number((await conn.request({ stats: {} })).stats?.forwarded ?? 0);

  it('sends each request to its partition owner', async () => {
    const direct = new TroupeConnection({ nodes: [nodes[0].address] });
    const routed = new TroupeConnection({ nodes: [nodes[0].address], routeToOwner: false });
    try {
      const ns = new Namespace('direct');
      const state = new TroupeStateAdapter(direct, ns);
      const streams = new TroupeStreamAdapterManager(direct, ns).createStream<{ i: number }>('orders');
      const before = await forwarded(direct);
      for (let i = 0; i < 100; i++) {
        await state.set(`trace-${i}`, 'k', { i });
        await streams.set(`g${i}`, 'item', { i });
      }
      for (let i = 0; i < 100; i++) {
        assert.deepEqual(await state.get(`trace-${i}`, 'k'), { i });
        assert.equal((await streams.get(`g${i}`, 'item'))?.i, i);
      }
      assert.equal(await forwarded(direct), before, 'node 1 forwarded requests of a client that routes by itself');

      const viaNode = new TroupeStateAdapter(routed, ns);
      for (let i = 0; i < 100; i++) assert.deepEqual(await viaNode.get(`trace-${i}`, 'k'), { i });
      assert.ok((await forwarded(routed)) > before, 'node 1 forwarded nothing for a client that does not route');
      assert.equal((await state.getGroup('trace-7')).length, 1);
      assert.equal((await viaNode.traceIds()).length, 100);
    } finally {
      direct.close();
      routed.close();
    }
  });

  it('keeps a stream subscription through its partition moving away', async () => {
    const a = new TroupeConnection({ nodes: [nodes[0].address] });
    try {
      const ns = new Namespace('moving');
      const streams = new TroupeStreamAdapterManager(a, ns).createStream<{ v: number }>('live');
      // A group node 3 owns: draining node 3 moves it.
      const { cluster } = await a.request({ clusterStatus: {} });
      const table = PartitionTable.from(cluster?.table)!;
      let group = '';
      for (let i = 0; !group; i++) {
        const key = partitionKey({ streamGet: { stream: ns.wrap('live'), groupId: `g${i}` } })!;
        if (table.ownerOf(key).nodeId === 'n3') group = `g${i}`;
      }
      const seen: number[] = [];
      await streams.subscribe({ groupId: group }, (e: any) => {
        seen.push(e.data.v);
      });
      // Writes until one after `from` is heard (polling an outcome, with a deadline).
      const heard = async (from: number) => {
        const deadline = Date.now() + 30000;
        for (let v = from; !seen.some((x) => x >= from); v++) {
          assert.ok(Date.now() < deadline, `no stream event from ${from} on`);
          await streams.set(group, 'x', { v });
          await new Promise((r) => setTimeout(r, 100));
        }
      };
      await heard(1);
      await a.request({ clusterDrain: { nodeId: 'n3' } });
      // The move ended the subscription; the adapter opened it again on the
      // group's new owner, and changes arrive again.
      await heard(1000);
    } finally {
      a.close();
    }
  });

  it('delivers an event emitted through one node to a subscriber on another', async () => {
    const a = new TroupeConnection({ nodes: [nodes[0].address] });
    const b = new TroupeConnection({ nodes: [nodes[1].address] });
    try {
      const ns = new Namespace('events');
      const consumer = new TroupeEventAdapter(a, ns);
      const producer = new TroupeEventAdapter(b, ns);
      let delivered: (event: any) => void = () => {};
      const got = new Promise<any>((resolve) => (delivered = resolve));
      await consumer.subscribe('order.created', 'notify', async (event: any) => delivered(event));
      await producer.emit({ topic: 'order.created', data: { id: 42 }, traceId: 't' } as any);
      const event = await got;
      assert.deepEqual(event.data, { id: 42 });
    } finally {
      a.close();
      b.close();
    }
  });
});
