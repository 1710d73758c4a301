// troupe only: kill -9 of troupe-node while a consumer holds 5 unacked
// deliveries of persistent messages on a durable queue (published on a
// confirm channel, confirmed); a restart on the same data directory with
// --durability fsync gives all 5 to a new consumer. Skipped unless troupe is
// one of AMQP_TARGETS.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { channel, collector, confirmChannel, connect, closeQuietly, counts, publishConfirmed, uniq, within } from '../lib/amqp.mjs';
import { startTroupe, targets } from '../lib/servers.mjs';

const skip = targets().includes('troupe') ? false : 'troupe is not in AMQP_TARGETS';

test('kill -9 with unacked deliveries loses nothing after a restart', { skip, timeout: 60000 }, async (t) => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'troupe-amqp-restart-'));
  const dataDir = path.join(root, 'data');
  let node;
  try {
    node = await startTroupe({ dataDir, durability: 'fsync' });
    const q = `restart-${uniq()}`;
    const bodies = ['r0', 'r1', 'r2', 'r3', 'r4'];

    const conn = await connect(node.url);
    const pub = await confirmChannel(conn);
    await pub.assertQueue(q, { durable: true });
    await publishConfirmed(pub, bodies.map((body) => ({ routingKey: q, body, options: { persistent: true } })));
    const ch = await channel(conn);
    await ch.prefetch(10);
    const held = collector();
    await ch.consume(q, (m) => held.push(m.content.toString()), { noAck: false });
    await held.count(bodies.length, 10000, 'the 5 deliveries before the kill');
    assert.deepStrictEqual(held.items, bodies);

    await node.kill();
    // The client sees its connection go (an error, not a clean close).
    const closedWith = await within(conn.closed, 10000, 'the client to notice the kill');
    t.diagnostic(`connection closed by the kill with ${JSON.stringify(closedWith)}`);

    node = null;
    node = await startTroupe({ dataDir, durability: 'fsync' });
    const again = await connect(node.url);
    try {
      const c2 = await channel(again);
      const before = counts(await c2.checkQueue(q));
      t.diagnostic(`after the restart: ${JSON.stringify(before)}`);
      const got = collector();
      await c2.consume(
        q,
        (m) => {
          got.push({ body: m.content.toString(), redelivered: m.fields.redelivered });
          c2.ack(m);
        },
        { noAck: false },
      );
      await got.count(bodies.length, 10000, 'the 5 messages after the restart');
      t.diagnostic(`redelivered after the restart: ${JSON.stringify(got.items.map((m) => m.redelivered))}`);
      assert.deepStrictEqual(got.items.map((m) => m.body).sort(), bodies);
      assert.equal(before.messageCount, bodies.length);
      // Acked now (same channel: the acks are in effect), they are gone.
      assert.deepStrictEqual(counts(await c2.checkQueue(q)), { messageCount: 0, consumerCount: 1 });
    } finally {
      await closeQuietly(again);
    }
  } finally {
    await node?.stop();
    rmSync(root, { recursive: true, force: true });
  }
});
