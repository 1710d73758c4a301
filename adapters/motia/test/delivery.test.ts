// A delivery belongs to the consumer whose handler runs it: while the handler
// works (even far past visibilityTimeout) no other consumer gets the event;
// when the handler's process dies or hangs, the event goes to another one.
// Real time: the handlers hold their deliveries for several visibility
// timeouts, which is what the tests are about; nothing waits on a guess.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { TroupeConnection, troupeAdapters } from '../src/index.js';
import { startNode, type RunningNode } from './node.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const queue = { type: 'standard' as const, maxRetries: 3, visibilityTimeout: 1, delaySeconds: 0 };
const visibilityMs = queue.visibilityTimeout * 1000;

let node: RunningNode;
const children: ChildProcess[] = [];

before(async () => {
  node = await startNode();
});

after(async () => {
  for (const child of children) child.kill('SIGKILL');
  await node.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves when `pred` holds; the bound only turns a hang into a failure. */
const waitFor = async (pred: () => boolean | Promise<boolean>, what: string) => {
  const deadline = Date.now() + 30000;
  while (!(await pred())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
};

/**
 * Another process whose consumer of `topic`/`step` never finishes a handler;
 * resolves once it is subscribed, with a promise of its first delivery.
 */
async function stuckConsumer(namespace: string, topic: string) {
  const index = path.join(here, '..', 'src', 'index.js');
  const script = `
    import { troupeAdapters } from ${JSON.stringify(index)};
    const a = troupeAdapters({ nodes: [${JSON.stringify(node.address)}], namespace: ${JSON.stringify(namespace)} });
    await a.events.subscribe(${JSON.stringify(topic)}, 'step', async (e) => {
      console.log('running ' + JSON.stringify(e.data));
      await new Promise(() => {});
    }, ${JSON.stringify(queue)});
    console.log('subscribed');`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const lines = readline.createInterface({ input: child.stdout! });
  let onRunning: (data: unknown) => void = () => undefined;
  const running = new Promise((resolve) => (onRunning = resolve));
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`consumer process exited with ${code}`)));
    lines.on('line', (line) => {
      if (line === 'subscribed') resolve();
      if (line.startsWith('running ')) onRunning(JSON.parse(line.slice(8)));
    });
  });
  return { child, running };
}

/**
 * Event {n} held by a stuck consumer in another process, and a consumer here
 * that competes for it (subscribed once the other one is running it).
 */
async function heldElsewhere(namespace: string, n: number) {
  const topic = `${namespace}.topic`;
  const stuck = await stuckConsumer(namespace, topic);
  const mine = troupeAdapters({ nodes: [node.address], namespace });
  await mine.events.emit({ topic, data: { n }, traceId: 't' });
  assert.deepEqual(await stuck.running, { n });
  const got: unknown[] = [];
  await mine.events.subscribe(topic, 'step', async (e) => void got.push(e.data), queue);
  return { stuck, mine, got };
}

async function queueStats(namespace: string, topic: string) {
  const conn = new TroupeConnection({ nodes: [node.address] });
  try {
    const r = await conn.request({ queueStats: { topic: Buffer.from(`${namespace}:${topic}`), step: Buffer.from('step') } });
    if (!r.queueStats) throw new Error(`no queueStats in the reply: ${JSON.stringify(r)}`);
    return r.queueStats;
  } finally {
    conn.close();
  }
}

describe('deliveries of a running handler', () => {
  it('stay with their consumer for three times the visibility timeout, and run once', async () => {
    const instances = [1, 2].map(() => troupeAdapters({ nodes: [node.address], namespace: 'slow' }));
    const runs: number[] = [];
    for (const [i, a] of instances.entries())
      await a.events.subscribe('slow.topic', 'step', async () => {
        runs.push(i);
        await sleep(3 * visibilityMs + 500);
      }, queue);
    await instances[0].events.emit({ topic: 'slow.topic', data: { n: 1 }, traceId: 't' });
    await waitFor(() => runs.length === 1, 'the first run');
    // Past three visibility timeouts the handler is still the only run.
    await sleep(3 * visibilityMs);
    assert.equal(runs.length, 1);
    await waitFor(async () => {
      const s = await queueStats('slow', 'slow.topic');
      return !s.inFlight && !s.ready && !s.delayed;
    }, 'the ack');
    assert.equal(runs.length, 1);
    for (const a of instances) await a.events.shutdown();
  });

  it('go to another consumer when the handler\'s process is killed', async () => {
    const { stuck, mine, got } = await heldElsewhere('killed', 2);
    await sleep(3 * visibilityMs);
    assert.equal(got.length, 0, 'delivered elsewhere while the handler was alive');
    stuck.child.kill('SIGKILL');
    await waitFor(() => got.length === 1, 'the redelivery');
    assert.deepEqual(got, [{ n: 2 }]);
    await mine.events.shutdown();
  });

  it('go to another consumer after the visibility timeout when the handler\'s process hangs', async () => {
    const { stuck, mine, got } = await heldElsewhere('hung', 3);
    // A stopped process keeps its connection open but extends nothing.
    stuck.child.kill('SIGSTOP');
    await waitFor(() => got.length === 1, 'the redelivery');
    assert.deepEqual(got, [{ n: 3 }]);
    stuck.child.kill('SIGKILL');
    await mine.events.shutdown();
  });

  it('reach a consumer that joins a backlog, from the first push on', async () => {
    const mine = troupeAdapters({ nodes: [node.address], namespace: 'backlog' });
    const strict = { ...queue, maxRetries: 0, visibilityTimeout: 5 };
    // The step is subscribed durably, then its only consumer leaves.
    const h = await mine.events.subscribe('backlog.topic', 'step', async () => undefined, strict);
    await h.unsubscribe();
    for (let i = 0; i < 200; i++) await mine.events.emit({ topic: 'backlog.topic', data: i, traceId: 't' });
    // Busy traffic on the same connection, so that the subscribe reply and
    // the first pushes behind it tend to arrive in one read.
    let busy = 0;
    const flood = await mine.events.subscribe('busy.topic', 'step', async () => void busy++, { ...queue, visibilityTimeout: 30 });
    const emits = Array.from({ length: 1000 }, (_, i) => mine.events.emit({ topic: 'busy.topic', data: i, traceId: 't' }));
    await waitFor(() => busy > 100, 'busy traffic');
    const got = new Set<unknown>();
    await mine.events.subscribe('backlog.topic', 'step', async (e) => void got.add(e.data), strict);
    await Promise.all(emits);
    await flood.unsubscribe();
    // A delivery lost on arrival would time out into the dead letters.
    await waitFor(async () => {
      const s = await queueStats('backlog', 'backlog.topic');
      return !s.inFlight && !s.ready && !s.delayed;
    }, 'the backlog to drain');
    assert.equal((await queueStats('backlog', 'backlog.topic')).dead ?? 0, 0);
    assert.equal(got.size, 200);
    await mine.events.shutdown();
  });
});
