// Live streams across instances: two Motia 0.17 cores (createServer, as
// `motia start` builds it, each with its own troupeAdapters and
// troupe.plugin) share one node; WebSocket clients join a group on both and
// an item on one. Every create, update and delete written through either
// instance (as a step run writes: through core's stream wrapper) reaches
// every client that joined it exactly once, with core's own message format.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createClient } from 'redis';
import WebSocket from 'ws';
import { troupeAdapters } from '../src/index.js';
import { startNode, type RunningNode } from './node.js';

process.env.MOTIA_ANALYTICS_DISABLED = 'true';

let node: RunningNode;
before(async () => {
  node = await startNode([], { resp: true });
});
after(async () => {
  await node.stop();
});

type Message = { streamName: string; groupId: string; id?: string; event: { type: string; data: any } };

/** A WebSocket client as Motia's stream clients speak to core: join, then messages. */
class Client {
  readonly messages: Message[] = [];
  private waiters: { match: (m: Message) => boolean; resolve: (at: number) => void }[] = [];

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (raw) => {
      const m = JSON.parse(raw.toString()) as Message;
      const at = performance.now();
      this.messages.push(m);
      this.waiters = this.waiters.filter((w) => !(w.match(m) && (w.resolve(at), true)));
    });
  }

  static async open(port: number): Promise<Client> {
    const ws = new WebSocket(`ws://127.0.0.1:${port}`);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    return new Client(ws);
  }

  /** Joins a group (or an item) and resolves once core sent its sync, i.e. the client is in the room. */
  async join(groupId: string, id?: string): Promise<void> {
    const synced = this.next((m) => m.event.type === 'sync' && m.groupId === groupId && m.id === id);
    this.ws.send(JSON.stringify({ type: 'join', data: { streamName: 'orders', groupId, id, subscriptionId: randomUUID() } }));
    await synced;
  }

  /** Resolves with the time (performance.now()) the first message matching arrives from now on; fails after 10 s. */
  next(match: (m: Message) => boolean): Promise<number> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no such message within 10 s; got ${JSON.stringify(this.messages.slice(-3))}`));
      }, 10000);
      const waiter = {
        match,
        resolve: (at: number) => {
          clearTimeout(timer);
          resolve(at);
        },
      };
      this.waiters.push(waiter);
    });
  }

  changes(): Message[] {
    return this.messages.filter((m) => m.event.type !== 'sync');
  }

  close() {
    this.ws.close();
  }
}

/** One Motia instance: core's server over its own adapters, with troupe.plugin. */
async function startInstance(namespace: string) {
  const core: any = await import('@motiadev/core');
  const troupe = troupeAdapters({ nodes: [node.address], namespace });
  const redis = createClient({ url: `redis://${node.resp}` });
  await redis.connect();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'troupe-live-'));
  const lockedData = new core.LockedData(dir, troupe.streams, new core.NoPrinter(), redis);
  const stream = { filePath: path.join(dir, 'orders.stream.ts'), config: { name: 'orders', schema: null, baseConfig: { storageType: 'default' } } };
  lockedData.createStream(stream, { disableTypeCreation: true });
  const server = core.createServer(
    lockedData,
    troupe.state,
    { isVerbose: false, isDev: false, printer: new core.NoPrinter() },
    { eventAdapter: troupe.events, cronAdapter: troupe.cron, streamAdapter: troupe.streams },
  );
  troupe.plugin({ lockedData });
  const httpServer = server.server as http.Server;
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  return {
    troupe,
    port: (httpServer.address() as { port: number }).port,
    /** The streams a step run gets (core enumerates them and builds each, as call-step-file does). */
    stepStreams(): Record<string, any> {
      const factories = lockedData.getStreams();
      Object.keys(factories);
      return Object.fromEntries(Object.entries(factories).map(([name, factory]) => [name, (factory as () => unknown)()]));
    },
    async stop() {
      await server.close();
      await new Promise((r) => httpServer.close(r));
      await redis.quit();
      await troupe.state.cleanup();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

describe('live streams across instances', () => {
  it('push every change to the clients of both instances exactly once', async () => {
    const namespace = `live-${randomUUID()}`;
    const a = await startInstance(namespace);
    const b = await startInstance(namespace);
    const clients: Client[] = [];
    try {
      // The watched item exists before its client joins (core syncs an item join only if it exists).
      await a.stepStreams().orders.set('g', 'watched', { v: -1 });
      const onA = await Client.open(a.port);
      const onB = await Client.open(b.port);
      const itemOnA = await Client.open(a.port);
      clients.push(onA, onB, itemOnA);
      await onA.join('g');
      await onB.join('g');
      await itemOnA.join('g', 'watched');

      const instances = { a, b };
      const viewers = [
        { client: onA, on: 'a', sees: () => true },
        { client: onB, on: 'b', sees: () => true },
        { client: itemOnA, on: 'a', sees: (id: string) => id === 'watched' },
      ];
      const remote: number[] = [];
      const local: number[] = [];
      const expected: { id: string; type: string; v: number }[] = [];
      /** One write through `via` as a step run makes it; waits until every client that joined it got it. */
      const write = async (via: 'a' | 'b', type: 'create' | 'update' | 'delete', id: string, v: number) => {
        expected.push({ id, type, v });
        const arrivals = viewers
          .filter((x) => x.sees(id))
          .map((x) => ({ x, at: x.client.next((m) => m.event.type === type && m.event.data?.id === id && m.event.data?.v === v) }));
        const started = performance.now();
        const streams = instances[via].stepStreams();
        if (type === 'delete') await streams.orders.delete('g', id);
        else await streams.orders.set('g', id, { v });
        for (const { x, at } of arrivals) (x.on === via ? local : remote).push((await at) - started);
      };
      const items = 100;
      for (let k = 0; k < items; k++) {
        const [first, second] = k % 2 ? (['a', 'b'] as const) : (['b', 'a'] as const);
        await write(first, 'create', `i${k}`, k);
        await write(second, 'update', `i${k}`, k + 1000);
        await write(first, 'delete', `i${k}`, k + 1000);
        if (k % 10 === 0) await write(second, 'update', 'watched', k);
      }
      // A write that does not go through core (a tool using the adapter) reaches this instance's clients too.
      const direct = a.troupe.streams.createStream('orders');
      const arrivals = [onA, onB].map((c) => c.next((m) => m.event.type === 'create' && m.event.data?.id === 'direct'));
      await direct.set('g', 'direct', { v: 0 });
      await Promise.all(arrivals);
      expected.push({ id: 'direct', type: 'create', v: 0 });
      // Flush: a last change through each instance, so that a late double would have arrived.
      await write('a', 'update', 'watched', -2);
      await write('b', 'update', 'watched', -3);

      for (const { client, sees } of viewers) {
        const want = expected.filter((e) => sees(e.id)).map((e) => `${e.type} ${e.id} ${e.v}`);
        const got = client.changes().map((m) => `${m.event.type} ${m.event.data?.id} ${m.event.data?.v}`);
        assert.deepEqual(got, want);
      }
      const ms = (x: number) => x.toFixed(1);
      console.log(
        `live streams: ${expected.length} changes, ${remote.length} deliveries across instances: p50 ${ms(quantile(remote, 0.5))} ms, p99 ${ms(quantile(remote, 0.99))} ms;` +
          ` ${local.length} on the writing instance (core's own push): p50 ${ms(quantile(local, 0.5))} ms, p99 ${ms(quantile(local, 0.99))} ms`,
      );
      assert.ok(quantile(remote, 0.99) < 1000, 'p99 across instances under a second');
    } finally {
      for (const c of clients) c.close();
      await a.stop();
      await b.stop();
    }
  });
});
