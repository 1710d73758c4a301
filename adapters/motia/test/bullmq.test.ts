// BullMQ, unchanged, on Troupe's RESP front door and on a real redis-server
// in the same run: the same scenarios against both, each asserting what a
// BullMQ user relies on — jobs processed once with their results kept,
// retries with backoff ending in `failed`, delayed jobs, QueueEvents (a
// stream read with XREAD BLOCK), priorities, flows, removeOnComplete and
// pause/resume.
//
// BullMQ is used the way it runs on Redis Cluster: every queue has the
// prefix `{bull}`, a hash tag, so all of a queue's keys (and those of the
// other queues of a flow) live in one Troupe partition; its Lua scripts and
// MULTI blocks touch several keys and Troupe, like Redis Cluster, refuses
// multi-key commands across partitions (CROSSSLOT). Nothing here adapts
// BullMQ to Troupe: what the door lacks shows up as a failing case, with
// the command and BullMQ script that failed and the server's reply.
//
// No sleeps: every wait is for an event or a promise, bounded by a guard
// (BULLMQ_GUARD_MS) that fails the test instead of hanging it. The first
// error any Queue, Worker, QueueEvents or FlowProducer emits fails the wait
// at once.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { after, afterEach, before, describe, test } from 'node:test';

import { FlowProducer, Job, Queue, QueueEvents, Worker, type ConnectionOptions, type Processor } from 'bullmq';

import { startNode, startRedis } from './node.js';
import { collect, guarded } from './wait.js';

/** A guard against a wait that never ends, not part of any check (shorter than wait.ts's GUARD_MS). */
const BULLMQ_GUARD_MS = 20000;
const PREFIX = '{bull}';

// BullMQ's Lua scripts by SHA1, to name the script behind a failed EVALSHA.
const bullScripts: Record<string, { name: string; content: string }> =
  createRequire(import.meta.url)('bullmq/dist/cjs/scripts/index.js');
const scriptBySha = new Map(
  Object.values(bullScripts).map((s) => [createHash('sha1').update(s.content).digest('hex'), s.name]),
);

/** An error with the Redis command (and BullMQ script) that caused it, if any. */
function explain(err: unknown): Error {
  const e = err instanceof Error ? err : new Error(String(err));
  const command = (e as { command?: { name: string; args: unknown[] } }).command;
  if (!command) return e;
  const name = command.name.toUpperCase();
  let what: string;
  if (name === 'EVALSHA' || name === 'EVAL') {
    const first = String(command.args[0] ?? '');
    const sha = name === 'EVAL' ? createHash('sha1').update(first).digest('hex') : first;
    what = `${name} of BullMQ's ${scriptBySha.get(sha) ?? `unknown script ${sha}`} script`;
  } else {
    what = [name, ...command.args.slice(0, 6).map(String)].join(' ');
  }
  // EXECABORT: ioredis keeps the errors of the commands MULTI refused.
  const previous = (e as { previousErrors?: unknown[] }).previousErrors ?? [];
  const because = previous.map((p) => `; queued ${explain(p).message}`).join('');
  const out = new Error(`${what}: ${e.message}${because}`);
  out.stack = `${out.message}\n${e.stack ?? ''}`;
  return out;
}

interface Closable {
  close(): Promise<unknown>;
  on(event: 'error', listener: (err: Error) => void): unknown;
}

/**
 * The BullMQ objects of one test, on one server: made with the server's
 * connection and the `{bull}` prefix, watched for errors, closed after the
 * test.
 */
class Scene {
  private readonly opened: Closable[] = [];
  private failure!: (err: Error) => void;
  /** Rejects with the first error any object of the scene emitted. */
  readonly failed = new Promise<never>((_, reject) => (this.failure = reject));

  constructor(private readonly connection: ConnectionOptions) {
    this.failed.catch(() => {}); // observed by wait(), or not at all
  }

  private track<T extends Closable>(what: string, obj: T): T {
    obj.on('error', (err) => this.failure(new Error(`${what} emitted an error: ${explain(err).message}`)));
    this.opened.push(obj);
    return obj;
  }

  queue(name: string): Queue {
    return this.track(`Queue ${name}`, new Queue(name, { connection: this.connection, prefix: PREFIX }));
  }

  /** A worker; with `autorun: false` it starts on `worker.run()`. */
  worker(name: string, processor: Processor, opts: { concurrency?: number; autorun?: boolean } = {}): Worker {
    return this.track(`Worker ${name}`, new Worker(name, processor, { connection: this.connection, prefix: PREFIX, ...opts }));
  }

  /**
   * QueueEvents reading the queue's event stream from its start, so no event
   * is missed however late its first XREAD goes out.
   */
  events(name: string): QueueEvents {
    return this.track(
      `QueueEvents ${name}`,
      new QueueEvents(name, { connection: this.connection, prefix: PREFIX, lastEventId: '0' }),
    );
  }

  flowProducer(): FlowProducer {
    return this.track('FlowProducer', new FlowProducer({ connection: this.connection, prefix: PREFIX }));
  }

  /** p, unless an object of the scene fails first or the guard runs out. */
  async wait<T>(p: Promise<T>, what: string): Promise<T> {
    try {
      return await guarded(Promise.race([p, this.failed]), what, BULLMQ_GUARD_MS);
    } catch (err) {
      throw explain(err);
    }
  }

  async close(): Promise<void> {
    // The last made first: workers and readers before the queues they use.
    let first: unknown;
    for (const obj of this.opened.splice(0).reverse()) {
      await guarded(obj.close(), 'close()', BULLMQ_GUARD_MS).catch((err) => (first ??= err));
    }
    if (first) throw first;
  }
}

interface Server {
  name: string;
  start(): Promise<{ connection: ConnectionOptions; stop(): Promise<void> }>;
}

const servers: Server[] = [
  {
    name: 'redis-server',
    async start() {
      const redis = await startRedis();
      return { connection: { host: redis.host, port: redis.port }, stop: () => redis.stop() };
    },
  },
  {
    name: 'troupe-node',
    async start() {
      const node = await startNode([], { resp: true });
      const i = node.resp!.lastIndexOf(':');
      return {
        connection: { host: node.resp!.slice(0, i), port: Number(node.resp!.slice(i + 1)) },
        stop: () => node.stop(),
      };
    },
  },
];

for (const server of servers) {
  describe(`BullMQ on ${server.name}`, () => {
    let connection: ConnectionOptions;
    let stop: (() => Promise<void>) | undefined;
    let scene: Scene | undefined;
    let queues = 0;
    /** A queue name of its own for each test. */
    const fresh = (what: string) => `${what}-${++queues}`;
    const open = () => (scene = new Scene(connection));

    before(async () => {
      ({ connection, stop } = await server.start());
    });

    afterEach(async () => {
      const s = scene;
      scene = undefined;
      await s?.close();
    });

    after(async () => {
      await stop?.();
    });

    test('a worker processes every job once and keeps its result', async () => {
      const s = open();
      const name = fresh('basic');
      const queue = s.queue(name);
      const calls = new Map<string, number>();
      const worker = s.worker(
        name,
        async (job) => {
          calls.set(job.id!, (calls.get(job.id!) ?? 0) + 1);
          return { doubled: job.data.n * 2 };
        },
        { concurrency: 3 },
      );
      const N = 12;
      const done = collect<[Job, unknown]>(worker, 'completed', N);
      const jobs = await s.wait(
        queue.addBulk(Array.from({ length: N }, (_, n) => ({ name: 'double', data: { n } }))),
        'addBulk',
      );
      const completed = await s.wait(done, `${N} completed jobs`);

      assert.equal(new Set(completed.map(([job]) => job.id)).size, N);
      assert.deepEqual([...calls.values()], Array(N).fill(1));
      assert.deepEqual([...calls.keys()].sort(), jobs.map((j) => j.id!).sort());
      for (const [job, result] of completed) assert.deepEqual(result, { doubled: job.data.n * 2 });
      for (const job of jobs) {
        const stored = await s.wait(Job.fromId(queue, job.id!), 'Job.fromId');
        assert.ok(stored, `job ${job.id} is gone`);
        assert.deepEqual(stored.returnvalue, { doubled: job.data.n * 2 });
        assert.equal(stored.attemptsMade, 1);
        assert.equal(await s.wait(stored.getState(), 'getState'), 'completed');
      }
      const counts = await s.wait(queue.getJobCounts('completed', 'active', 'wait', 'failed', 'delayed'), 'getJobCounts');
      assert.deepEqual(counts, { completed: N, active: 0, wait: 0, failed: 0, delayed: 0 });
    });

    test('a failing job is retried with fixed backoff and ends failed', async () => {
      const s = open();
      const name = fresh('retry');
      const queue = s.queue(name);
      let calls = 0;
      const worker = s.worker(name, async (job) => {
        calls++;
        throw new Error(`boom on attempt ${job.attemptsMade + 1}`);
      });
      const ATTEMPTS = 3;
      const failures = collect<[Job, Error]>(worker, 'failed', ATTEMPTS);
      const job = await s.wait(
        queue.add('flaky', { x: 1 }, { attempts: ATTEMPTS, backoff: { type: 'fixed', delay: 50 } }),
        'add',
      );
      const failed = await s.wait(failures, `${ATTEMPTS} failed attempts`);

      assert.equal(calls, ATTEMPTS);
      assert.deepEqual(
        failed.map(([j, err]) => [j.id, err.message]),
        Array.from({ length: ATTEMPTS }, (_, i) => [job.id, `boom on attempt ${i + 1}`]),
      );
      const stored = await s.wait(Job.fromId(queue, job.id!), 'Job.fromId');
      assert.ok(stored);
      assert.equal(await s.wait(stored.getState(), 'getState'), 'failed');
      assert.equal(stored.attemptsMade, ATTEMPTS);
      assert.equal(stored.failedReason, `boom on attempt ${ATTEMPTS}`);
      assert.equal(stored.stacktrace?.length, ATTEMPTS);
      assert.ok(stored.finishedOn);
      const counts = await s.wait(queue.getJobCounts('failed', 'completed', 'delayed', 'wait'), 'getJobCounts');
      assert.deepEqual(counts, { failed: 1, completed: 0, delayed: 0, wait: 0 });
    });

    test('a delayed job waits in delayed state and runs after jobs without delay', async () => {
      const s = open();
      const name = fresh('delayed');
      const queue = s.queue(name);
      const DELAY = 400;
      const delayed = await s.wait(queue.add('later', { which: 'later' }, { delay: DELAY }), 'add delayed');
      assert.equal(await s.wait(delayed.getState(), 'getState'), 'delayed');
      assert.deepEqual(await s.wait(queue.getJobCounts('delayed', 'wait'), 'getJobCounts'), { delayed: 1, wait: 0 });
      await s.wait(queue.add('now', { which: 'now' }), 'add');

      const order: string[] = [];
      const worker = s.worker(name, async (job) => {
        order.push(job.data.which);
        return job.data.which;
      });
      const done = collect<[Job]>(worker, 'completed', 2);
      await s.wait(done, 'both jobs completed');

      assert.deepEqual(order, ['now', 'later']);
      const stored = await s.wait(Job.fromId(queue, delayed.id!), 'Job.fromId');
      assert.ok(stored);
      assert.equal(await s.wait(stored.getState(), 'getState'), 'completed');
      assert.equal(stored.returnvalue, 'later');
      // BullMQ's own timestamps: it was taken no earlier than its delay allowed.
      assert.ok(stored.processedOn! >= stored.timestamp + DELAY, `processed at ${stored.processedOn}, added at ${stored.timestamp}`);
    });

    test('QueueEvents reports added, active and completed jobs from the event stream', async () => {
      const s = open();
      const name = fresh('events');
      const queue = s.queue(name);
      const events = s.events(name);
      await s.wait(events.waitUntilReady(), 'QueueEvents ready');
      const N = 3;
      const completed = collect<[{ jobId: string; returnvalue: string }]>(events, 'completed', N);
      const active = collect<[{ jobId: string }]>(events, 'active', N);
      s.worker(name, async (job) => `done ${job.data.i}`);

      // One at a time: each later event arrives while QueueEvents is blocked
      // in XREAD on the stream.
      const ids: string[] = [];
      for (let i = 0; i < N; i++) {
        const job = await s.wait(queue.add('e', { i }), 'add');
        ids.push(job.id!);
        assert.equal(await s.wait(job.waitUntilFinished(events), 'waitUntilFinished'), `done ${i}`);
      }
      const seen = await s.wait(completed, `${N} completed events`);
      assert.deepEqual(
        seen.map(([e]) => [e.jobId, e.returnvalue]),
        ids.map((id, i) => [id, `done ${i}`]),
      );
      assert.deepEqual((await s.wait(active, `${N} active events`)).map(([e]) => e.jobId), ids);
    });

    test('a worker started after the jobs takes them by priority', async () => {
      const s = open();
      const name = fresh('priority');
      const queue = s.queue(name);
      const priorities = [5, 1, 4, 2, 3, 1, 5];
      for (const [i, priority] of priorities.entries()) {
        await s.wait(queue.add('p', { priority, i }, { priority }), 'add');
      }
      assert.equal((await s.wait(queue.getJobCounts('prioritized'), 'getJobCounts')).prioritized, priorities.length);

      const order: { priority: number; i: number }[] = [];
      const worker = s.worker(name, async (job) => void order.push(job.data), { concurrency: 1, autorun: false });
      const done = collect(worker, 'completed', priorities.length);
      void worker.run().catch(() => {}); // its failures are emitted as 'error'
      await s.wait(done, 'every prioritized job completed');

      // By priority, and in insertion order within one priority.
      const expected = priorities
        .map((priority, i) => ({ priority, i }))
        .sort((a, b) => a.priority - b.priority || a.i - b.i);
      assert.deepEqual(order, expected);
    });

    test('a flow completes its children before its parent, which sees their results', async () => {
      const s = open();
      const parents = fresh('flow-parents');
      const children = fresh('flow-children');
      const flows = s.flowProducer();
      const finished: string[] = [];
      const childWorker = s.worker(children, async (job) => {
        finished.push(`child ${job.data.n}`);
        return job.data.n * 10;
      });
      const parentWorker = s.worker(parents, async (job) => {
        const values = await job.getChildrenValues<number>();
        finished.push('parent');
        return Object.values(values).reduce((a, b) => a + b, 0);
      });
      const parentDone = collect<[Job, number]>(parentWorker, 'completed', 1);
      const childrenDone = collect(childWorker, 'completed', 3);

      const tree = await s.wait(
        flows.add({
          name: 'sum',
          queueName: parents,
          children: [1, 2, 3].map((n) => ({ name: 'part', queueName: children, data: { n } })),
        }),
        'FlowProducer.add',
      );
      const [[parent, sum]] = await s.wait(parentDone, 'the parent completed');
      await s.wait(childrenDone, 'the children completed');

      assert.equal(parent.id, tree.job.id);
      assert.equal(sum, 60);
      assert.equal(finished.at(-1), 'parent');
      assert.deepEqual(finished.slice(0, 3).sort(), ['child 1', 'child 2', 'child 3']);
      const stored = await s.wait(Job.fromId(s.queue(parents), tree.job.id!), 'Job.fromId');
      assert.ok(stored);
      assert.equal(stored.returnvalue, 60);
      assert.deepEqual(
        Object.values(await s.wait(stored.getChildrenValues<number>(), 'getChildrenValues')).sort(),
        [10, 20, 30],
      );
    });

    test('removeOnComplete drops a completed job, a kept one stays', async () => {
      const s = open();
      const name = fresh('remove');
      const queue = s.queue(name);
      const worker = s.worker(name, async (job) => job.data.keep);
      const done = collect<[Job]>(worker, 'completed', 2);
      const dropped = await s.wait(queue.add('drop', { keep: false }, { removeOnComplete: true }), 'add');
      const kept = await s.wait(queue.add('keep', { keep: true }), 'add');
      await s.wait(done, 'both jobs completed');

      assert.equal(await s.wait(Job.fromId(queue, dropped.id!), 'Job.fromId'), undefined);
      assert.equal((await s.wait(Job.fromId(queue, kept.id!), 'Job.fromId'))?.returnvalue, true);
      assert.equal(await s.wait(queue.getJobState(dropped.id!), 'getJobState'), 'unknown');
      assert.deepEqual(await s.wait(queue.getJobCounts('completed', 'wait', 'active'), 'getJobCounts'), {
        completed: 1,
        wait: 0,
        active: 0,
      });
    });

    test('a paused queue holds its jobs until it is resumed', async () => {
      const s = open();
      const name = fresh('pause');
      const queue = s.queue(name);
      await s.wait(queue.pause(), 'pause');
      assert.equal(await s.wait(queue.isPaused(), 'isPaused'), true);

      let resumed = false;
      const ranWhile: boolean[] = [];
      const worker = s.worker(name, async () => void ranWhile.push(resumed));
      await s.wait(worker.waitUntilReady(), 'worker ready');
      const job = await s.wait(queue.add('held', {}), 'add');
      assert.deepEqual(await s.wait(queue.getJobCounts('paused', 'wait', 'active'), 'getJobCounts'), {
        paused: 1,
        wait: 0,
        active: 0,
      });

      const done = collect<[Job]>(worker, 'completed', 1);
      resumed = true;
      await s.wait(queue.resume(), 'resume');
      assert.equal(await s.wait(queue.isPaused(), 'isPaused'), false);
      const [[completed]] = await s.wait(done, 'the held job completed');
      assert.equal(completed.id, job.id);
      assert.deepEqual(ranWhile, [true]);
    });
  });
}
