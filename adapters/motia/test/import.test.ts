// `troupe import redis` and `troupe import motia-files`, end to end: a real
// redis-server filled by Motia 0.17's own Redis state and stream adapters and
// its BullMQ event adapter (waiting, paused, prioritized, active, delayed,
// retried, failed and DLQ jobs), and a `.motia` directory written by core's
// file adapters, imported with the CLI into a real troupe-node and read back
// through troupe-motia's adapters: equal to what Motia's adapters read,
// every pending job delivered once, delayed ones not before their delay,
// failures as dead letters; a second import changes nothing, an import
// killed halfway and run again ends where a clean one does, and --dry-run
// writes nothing.
//
// No sleeps: time on the node is a manual clock (--manual-clock, moved with
// AdvanceClock), every wait is for an event or an outcome polled with a
// deadline, and a guard fails a wait or a CLI run instead of hanging it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isDeepStrictEqual } from 'node:util';

import { BullMQEventAdapter } from '@motiadev/adapter-bullmq-events';
import { RedisStateAdapter } from '@motiadev/adapter-redis-state';
import { RedisStreamAdapterManager } from '@motiadev/adapter-redis-streams';
import { FileStateAdapter, FileStreamAdapterManager } from '@motiadev/core';
import { Queue, type JobType, type Worker } from 'bullmq';
import { createClient } from 'redis';

import { bytes, text, type Push } from '../src/connection.js';
import { TroupeConnection, troupeAdapters } from '../src/index.js';
import type { Event, StateFilter, StateItem, StateItemsInput } from '../src/motia-types.js';
import { killRuns, troupe } from './cli.js';
import { streamGroups, type Row, type StreamRow } from './fixture.js';
import { nodesToStop, startNode, startRedis, type RunningNode, type RunningRedis } from './node.js';
import { queueStats, standard, type Stats } from './queues.js';
import { collect, guarded, waitFor } from './wait.js';

/** The guard of one run of the CLI (the bulk fixture has 10,000 keys). */
const IMPORT_GUARD_MS = 120000;

/** State keys written with a TTL (Motia's Redis state adapter's `ttl` option, seconds). */
const TTL_S = 2700;
/** delaySeconds of the step whose jobs wait in BullMQ's `delayed` set. */
const DELAY_S = 3600;
/** The fixed backoff of the second BullMQ adapter: its retried job waits this long. */
const RETRY_BACKOFF_MS = 600_000;
/** The first clock step: past the retry's backoff, short of the TTLs and the delay. */
const HALF_MS = 1_800_000;
/** The second one: past the TTLs and the delay. */
const REST_MS = 3_600_000;
/** State keys added for the import killed halfway (its progress line comes every 1000). */
const BULK_KEYS = 10000;

// ---------------------------------------------------------------------------
// The CLI

interface Summary {
  state: number;
  stream_items: number;
  messages: number;
  dead_letters: number;
  skipped: number;
  errors: number;
  dry_run: boolean;
}

interface ImportRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** The `import: N records` lines seen on stderr. */
  progress: string[];
}

const progressLine = /\bimport: \d+ records\b/;

/**
 * `troupe --node NODE --json import ARGS...`, to its end (or, with
 * `killOnProgress`, killed with SIGKILL on its first progress line).
 */
async function runImport(node: RunningNode, args: string[], opts: { killOnProgress?: boolean } = {}): Promise<ImportRun> {
  const progress: string[] = [];
  const r = await troupe(node, ['--json', 'import', ...args], {
    guardMs: IMPORT_GUARD_MS,
    onStderrLine: (line, child) => {
      if (!progressLine.test(line)) return;
      progress.push(line);
      if (opts.killOnProgress && progress.length === 1) child.kill('SIGKILL');
    },
  });
  return { code: r.code, signal: r.signal, stdout: r.stdout.toString('utf8'), stderr: r.stderr, progress };
}

/** The run's --json summary: one line of JSON on stdout, exit code 0. */
function summaryOf(run: ImportRun): Summary {
  const output = `stdout:\n${run.stdout}\nstderr:\n${run.stderr}`;
  assert.equal(run.signal, null, `troupe import was killed by ${run.signal}; ${output}`);
  assert.equal(run.code, 0, `troupe import exited with ${run.code}; ${output}`);
  const lines = run.stdout.split('\n').filter((l) => l.trim() !== '');
  assert.equal(lines.length, 1, `with --json the summary is one line of JSON; ${output}`);
  const s = JSON.parse(lines[0]);
  for (const k of ['state', 'stream_items', 'messages', 'dead_letters', 'skipped', 'errors'])
    assert.ok(Number.isSafeInteger(s[k]) && s[k] >= 0, `summary field ${k} is not a count: ${lines[0]}`);
  assert.equal(typeof s.dry_run, 'boolean', `summary field dry_run: ${lines[0]}`);
  return {
    state: s.state,
    stream_items: s.stream_items,
    messages: s.messages,
    dead_letters: s.dead_letters,
    skipped: s.skipped,
    errors: s.errors,
    dry_run: s.dry_run,
  };
}

/**
 * A repeated import's summary against the first one: nothing stored again
 * (state and stream items all skipped), each job either skipped or counted
 * again as a message or dead letter (its emit answered by its idempotency
 * key, storing nothing), no error.
 */
function assertRepeat(again: Summary, first: Summary) {
  assert.equal(again.errors, 0);
  assert.equal(again.dry_run, false);
  assert.equal(again.state, 0, 'state imported again');
  assert.equal(again.stream_items, 0, 'stream items imported again');
  const jobs = first.messages + first.dead_letters;
  const counted = again.messages + again.dead_letters;
  assert.ok(counted <= jobs, `more jobs the second time: ${JSON.stringify(again)} after ${JSON.stringify(first)}`);
  assert.equal(again.skipped, first.state + first.stream_items + (jobs - counted));
}

// ---------------------------------------------------------------------------
// The fixture: what Motia's Redis and BullMQ adapters leave in Redis

/** Nested `depth` levels deep. */
const deep = (depth: number): unknown => (depth === 0 ? { bottom: [0, false, '', null] } : { level: depth, next: deep(depth - 1) });

/** State rows: ':' and '*' in keys, '*' and unicode in group ids, falsy and nested values. */
const stateRows: Row[] = [
  ['trace-1', 'order', { id: 'o-1', total: 12, status: 'paid', lines: [{ sku: 'ß-1', qty: 2, price: { amount: 6, currency: 'EUR' } }], meta: { tags: [], note: null } }],
  ['trace-1', 'zero', 0],
  ['trace-1', 'false', false],
  ['trace-1', 'empty', ''],
  ['trace-1', 'null', null],
  ['trace-1', 'null-text', 'null'],
  ['trace-1', 'a:b:c', 'colons in the key'],
  ['trace-1', 'star*', { total: 3, status: 'new' }],
  ['trace-1', 'ünï 🎉', 'ünïcödé ✓ 🎉'],
  ['trace-1', 'list', [1, 'two', { three: 3 }, [], {}]],
  ['trace-1', 'deep', deep(20)],
  ['trace-1', 'big', 'x'.repeat(20000)],
  ['ünïcode-组', 'k', { total: 7, status: 'paid' }],
  ['ünïcode-组', 'neg', -1.5e-7],
  ['glob*wild', 'x', { total: 30, status: 'paid' }],
  ['glob*wild', 'y:z', { total: '40', status: 'refunded' }],
  ['trace-2', 'n', 5],
  ['trace-2', 'str', '15'],
  ['trace-2', 'obj', { total: 100 }],
];

/** Rows written with a TTL of TTL_S: one in a group with permanent keys, one group of its own. */
const ttlRows: Row[] = [
  ['trace-1', 'expiring', { total: 9, status: 'held' }],
  ['session', 'token', 'abc:def'],
  ['session', 'cart', { total: 50, items: [] }],
];

/** The filters `items` is compared with (Motia's Redis adapter's semantics on both sides). */
const itemQueries: StateItemsInput[] = [
  {},
  { groupId: 'trace-1' },
  { groupId: 'glob*wild' },
  { filter: [{ valueKey: 'total', operation: 'gt', value: '5' }] },
  { filter: [{ valueKey: 'status', operation: 'eq', value: 'paid' }] },
  { filter: [{ valueKey: 'total', operation: 'isNull', value: '' }] },
  { groupId: 'trace-1', filter: [{ valueKey: 'total', operation: 'lte', value: '9' }] },
];

/** Stream writes in order (one is an update): ':' and '*' in group ids and ids, unicode everywhere. */
const streamRows: StreamRow[] = [
  { stream: 'orders', group: 'user:42', id: 'a', data: { total: 10, status: 'paid', lines: [{ sku: 'ß-1' }] } },
  { stream: 'orders', group: 'user:42', id: 'b', data: { total: 30, status: 'new', note: null } },
  { stream: 'orders', group: 'user:42', id: 'msg:1', data: { total: 20, status: 'paid', nested: { deep: { er: [0, false, ''] } } } },
  { stream: 'orders', group: 'user:42', id: 'a', data: { total: 15, status: 'paid' } },
  { stream: 'orders', group: 'ünï-组', id: 'x', data: { total: 1, status: 'ünï ✓' } },
  // Motia's Redis adapter keeps a truthy _createdAt the caller gives.
  { stream: 'orders', group: 'ünï-组', id: 'old', data: { total: 2, status: 'paid', _createdAt: 1_700_000_000_000 } },
  { stream: 'chat-✓', group: 'room*1', id: 'm1', data: { text: '', read: false, n: 0 } },
  { stream: 'chat-✓', group: 'room*1', id: 'm2', data: { text: 'hi 👋', read: true, n: 2 } },
  { stream: 'chat-✓', group: 'room*1', id: 'm3', data: { text: 'null', read: false, n: 1, extra: null } },
];

/** Distinct items of `rows`. */
const streamItemCount = (rows: StreamRow[]) => new Set(rows.map((r) => JSON.stringify([r.stream, r.group, r.id]))).size;

/** The queries compared per stream group. */
const streamQueries: Record<string, { where?: Record<string, unknown>; orderBy?: string; orderDirection?: 'asc' | 'desc'; offset?: number; limit?: number }[]> = {
  orders: [{ where: { status: 'paid' } }, { orderBy: 'total', orderDirection: 'desc' }, { orderBy: 'total', offset: 1, limit: 1 }],
  'chat-✓': [{ where: { read: false } }, { orderBy: 'n' }, { orderBy: 'n', orderDirection: 'desc', limit: 2 }],
};

/** An event as emitted to Motia (what a step's handler receives). */
interface Pending {
  traceId: string;
  data: unknown;
  flows?: string[];
  messageGroupId?: string;
}

interface Dead extends Pending {
  error: string;
  attempts: number;
}

/** One step queue's jobs as left in BullMQ, and what Troupe must hold for it. */
interface StepFixture {
  topic: string;
  step: string;
  fifo?: boolean;
  /** Deliverable at once (wait, paused, prioritized, active). */
  ready: Pending[];
  /** Deliverable after HALF_MS (the retry) or HALF_MS + REST_MS (the delay). */
  delayed: Pending[];
  dead: Dead[];
  /** The failed attempts each job of the step already had in BullMQ. */
  attemptsMade: number;
}

const orderEvents: Pending[] = [
  { traceId: 'tr-order-0', data: { order: { id: 'o:1', lines: [{ sku: 'ß-1', qty: 2 }] }, note: 'ünï ✓' }, flows: ['checkout'] },
  { traceId: 'tr-order-1', data: 0, flows: ['checkout'] },
  { traceId: 'tr-order-2', data: false, flows: [] },
  { traceId: 'tr-order-3', data: '', flows: ['checkout', 'audit:x'] },
  { traceId: 'tr-order-4', data: null },
];
const chatEvents: Pending[] = [
  // BullMQ refuses ':' in the job id Motia makes of the group (`<queue>.<group>`).
  { traceId: 'tr-chat-1', data: { text: 'hi' }, flows: ['chat'], messageGroupId: 'room-1' },
  { traceId: 'tr-chat-2', data: { text: 'ünï' }, flows: ['chat'], messageGroupId: 'room-ü' },
];
const vipEvents: Pending[] = [
  { traceId: 'tr-vip-1', data: { vip: true }, flows: ['checkout'] },
  { traceId: 'tr-vip-2', data: { vip: 'ünï' } },
];
const videoEvent: Pending = { traceId: 'tr-video-1', data: { file: 'a b/c.mp4', sizes: [240, 1080] } };
const payEvents: Pending[] = [0, 1, 2].map((i) => ({ traceId: `tr-pay-${i}`, data: { amount: i * 10, card: '**** 4242' } }));
const reportEvent: Pending = { traceId: 'tr-report-1', data: { pages: 3 } };
const welcomeFailing: Pending = { traceId: 'tr-welcome-1', data: { email: 'zoë@example.com' } };
const welcomeDone: Pending = { traceId: 'tr-welcome-2', data: { email: 'ok@example.com' } };

/** Every step the fixture leaves jobs for, and what Troupe must hold for each. */
const stepFixtures: StepFixture[] = [
  { topic: 'order.created', step: 'notify', ready: orderEvents, delayed: [], dead: [], attemptsMade: 0 },
  { topic: 'order.created', step: 'audit', ready: orderEvents, delayed: [], dead: [], attemptsMade: 0 },
  { topic: 'order.created', step: 'later', ready: [], delayed: orderEvents, dead: [], attemptsMade: 0 },
  { topic: 'order.created', step: 'vip', ready: vipEvents, delayed: [], dead: [], attemptsMade: 0 },
  { topic: 'chat.message', step: 'deliver', fifo: true, ready: chatEvents, delayed: [], dead: [], attemptsMade: 0 },
  { topic: 'video.uploaded', step: 'transcode', ready: [videoEvent], delayed: [], dead: [], attemptsMade: 0 },
  {
    topic: 'payment.failed',
    step: 'charge',
    ready: [],
    delayed: [],
    dead: payEvents.map((e) => ({ ...e, error: `card declined: ${e.traceId}`, attempts: 1 })),
    attemptsMade: 0,
  },
  { topic: 'report.ready', step: 'render', ready: [], delayed: [], dead: [{ ...reportEvent, error: 'render failed ✗', attempts: 1 }], attemptsMade: 0 },
  { topic: 'user.signed-up', step: 'welcome', ready: [], delayed: [welcomeFailing], dead: [], attemptsMade: 1 },
];

interface Fixture {
  /** Motia's adapters over the filled Redis: the reference every check compares with. */
  state: RedisStateAdapter;
  streams: RedisStreamAdapterManager;
  /** Every (group, key) written, with whether it has a TTL. */
  keys: { group: string; key: string; ttl: boolean }[];
  stateCount: number;
  streamItems: number;
  /** Bounds of when the TTL keys were written. */
  ttlWrittenFrom: number;
  close(): Promise<void>;
}

const stepKey = (s: { topic: string; step: string }) => `${s.topic}/${s.step}`;

/** Job counts of one of Motia's queues (prefix `motia`), polled until they are `expected`. */
async function untilCounts(redis: RunningRedis, queueName: string, expected: Record<string, number>) {
  const queue = new Queue(queueName, { connection: { host: redis.host, port: redis.port }, prefix: 'motia' });
  let counts: Record<string, number> = {};
  try {
    await waitFor(
      async () => {
        counts = await queue.getJobCounts(...(Object.keys(expected) as JobType[]));
        return Object.entries(expected).every(([k, n]) => counts[k] === n);
      },
      () => `${queueName} to hold ${JSON.stringify(expected)}, it holds ${JSON.stringify(counts)}`,
    );
  } finally {
    await queue.close();
  }
}

/** The BullMQ worker behind a Motia subscription. */
const workerOf = (adapter: BullMQEventAdapter, id: string): Worker => {
  const info = adapter.workerManager.getWorkerInfo(id);
  if (!info) throw new Error(`no worker for subscription ${id}`);
  return info.worker;
};

/**
 * The jobs of `stepFixtures`, made by Motia's BullMQ adapter as a Motia app
 * makes them: a subscription whose worker is gone leaves emitted jobs
 * waiting (as after a crash); a paused queue holds them in `paused`; a
 * handler that never returns, its worker gone, leaves one `active`; a
 * handler that throws with maxRetries 0 leaves it `failed` and in Motia's
 * DLQ queue; one that fails once with retries left leaves it `delayed`
 * with one attempt made.
 */
async function fillQueues(redis: RunningRedis): Promise<void> {
  const connection = { host: redis.host, port: redis.port };
  const bull = new BullMQEventAdapter({ connection });
  // A second app: no DLQ, and a retry backoff long enough that its retried
  // job is still delayed when the import reads it.
  const bull2 = new BullMQEventAdapter({
    connection,
    dlq: { enabled: false },
    defaultJobOptions: { backoff: { type: 'fixed', delay: RETRY_BACKOFF_MS } },
  });
  const emit = (adapter: BullMQEventAdapter, topic: string, e: Pending) =>
    guarded(adapter.emit({ topic, data: e.data, traceId: e.traceId, flows: e.flows, messageGroupId: e.messageGroupId }), `emit ${topic}`);
  const refuse = async () => {
    throw new Error('no handler runs in this step');
  };
  try {
    // Waiting, paused and delayed: subscribed, then the workers closed (the
    // subscriptions stay, so emits still fill the queues).
    const notify = await bull.subscribe('order.created', 'notify', refuse, standard());
    const audit = await bull.subscribe('order.created', 'audit', refuse, standard({ maxRetries: 4 }));
    const later = await bull.subscribe('order.created', 'later', refuse, standard({ delaySeconds: DELAY_S }));
    const deliver = await bull.subscribe('chat.message', 'deliver', refuse, { type: 'fifo', maxRetries: 2, visibilityTimeout: 30, delaySeconds: 0 });
    for (const h of [notify, audit, later, deliver]) await guarded(workerOf(bull, h.id).close(), 'worker close');
    await guarded(bull.queueManager.getQueue('order.created.audit').pause(), 'pause');
    for (const e of orderEvents) await emit(bull, 'order.created', e);
    for (const e of chatEvents) await emit(bull, 'chat.message', e);
    await untilCounts(redis, 'order.created.notify', { wait: orderEvents.length });
    await untilCounts(redis, 'order.created.audit', { paused: orderEvents.length, wait: 0 });
    await untilCounts(redis, 'order.created.later', { delayed: orderEvents.length, wait: 0 });
    await untilCounts(redis, 'chat.message.deliver', { wait: chatEvents.length });

    // Prioritized: Motia's adapter never sets a priority, so these jobs are
    // added with bullmq's Queue, in the adapter's layout (prefix `motia`,
    // queue `<topic>.<step>`, job name = topic, data {topic, data, traceId,
    // flows, messageGroupId}, opts {attempts, backoff}), plus a priority.
    const vip = new Queue('order.created.vip', { connection, prefix: 'motia' });
    try {
      for (const [i, e] of vipEvents.entries())
        await guarded(
          vip.add('order.created', { topic: 'order.created', data: e.data, traceId: e.traceId, flows: e.flows }, {
            attempts: 3,
            backoff: { type: 'fixed', delay: 2000 },
            priority: i + 1,
          }),
          'add a prioritized job',
        );
    } finally {
      await vip.close();
    }
    await untilCounts(redis, 'order.created.vip', { prioritized: vipEvents.length });

    // Active: its handler never returns and its worker is closed without
    // waiting for it, as when the process running it dies.
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const transcode = await bull.subscribe('video.uploaded', 'transcode', () => {
      started();
      return new Promise<void>(() => {});
    }, standard());
    await emit(bull, 'video.uploaded', videoEvent);
    await guarded(running, 'the transcode handler to start');
    await guarded(workerOf(bull, transcode.id).close(true), 'worker close(force)');
    await untilCounts(redis, 'video.uploaded.transcode', { active: 1, wait: 0 });

    // Failed, and in Motia's DLQ queue `payment.failed.charge.dlq`.
    const charge = await bull.subscribe('payment.failed', 'charge', async (e) => {
      throw new Error(`card declined: ${e.traceId}`);
    }, standard({ maxRetries: 0 }));
    const failures = collect(workerOf(bull, charge.id), 'failed', payEvents.length);
    for (const e of payEvents) await emit(bull, 'payment.failed', e);
    await guarded(failures, 'the charge failures');
    await untilCounts(redis, 'payment.failed.charge', { failed: payEvents.length });
    await untilCounts(redis, 'payment.failed.charge.dlq', { wait: payEvents.length });
    await guarded(workerOf(bull, charge.id).close(), 'worker close');
    // One failure only in the DLQ (its failed job trimmed, as removeOnFail does).
    const chargeQueue = new Queue('payment.failed.charge', { connection, prefix: 'motia' });
    try {
      const failed = await guarded(chargeQueue.getFailed(), 'getFailed');
      const first = failed.find((j) => j.data.traceId === payEvents[0].traceId);
      assert.ok(first, 'the first charge job is not in the failed set');
      await guarded(first.remove(), 'remove a failed job');
    } finally {
      await chargeQueue.close();
    }
    await untilCounts(redis, 'payment.failed.charge', { failed: payEvents.length - 1 });

    // Failed without a DLQ entry (the second app has none).
    const render = await bull2.subscribe('report.ready', 'render', async () => {
      throw new Error('render failed ✗');
    }, standard({ maxRetries: 0 }));
    const renderFailed = collect(workerOf(bull2, render.id), 'failed', 1);
    await emit(bull2, 'report.ready', reportEvent);
    await guarded(renderFailed, 'the render failure');
    await guarded(workerOf(bull2, render.id).close(), 'worker close');
    await untilCounts(redis, 'report.ready.render', { failed: 1 });

    // Retried: one attempt failed, the retry delayed by the backoff; its
    // neighbour completed (completed jobs are not imported).
    const welcome = await bull2.subscribe('user.signed-up', 'welcome', async (e) => {
      if (e.traceId === welcomeFailing.traceId) throw new Error('smtp down');
    }, standard({ maxRetries: 1 }));
    const welcomeWorker = workerOf(bull2, welcome.id);
    const welcomeFailed = collect(welcomeWorker, 'failed', 1);
    const welcomeCompleted = collect(welcomeWorker, 'completed', 1);
    await emit(bull2, 'user.signed-up', welcomeFailing);
    await emit(bull2, 'user.signed-up', welcomeDone);
    await guarded(Promise.all([welcomeFailed, welcomeCompleted]), 'the welcome attempts');
    await guarded(welcomeWorker.close(), 'worker close');
    await untilCounts(redis, 'user.signed-up.welcome', { delayed: 1, completed: 1, wait: 0 });
  } finally {
    await guarded(Promise.all([bull.shutdown(), bull2.shutdown()]), 'BullMQ adapters shutdown');
  }
}

/** Fills `redis` with the whole fixture (and `bulk` more state keys) through Motia's own adapters. */
async function fill(redis: RunningRedis, bulk = 0): Promise<Fixture> {
  const client = createClient({ socket: { host: redis.host, port: redis.port } });
  client.on('error', () => undefined); // a failed command rejects its own promise
  await guarded(client.connect(), 'the Redis client');
  const state = new RedisStateAdapter(client as any);
  const ttlState = new RedisStateAdapter(client as any, { ttl: TTL_S });
  const streams = new RedisStreamAdapterManager(client as any);

  for (const [group, key, value] of stateRows) await state.set(group, key, value);
  const ttlWrittenFrom = Date.now();
  for (const [group, key, value] of ttlRows) await ttlState.set(group, key, value);
  const bulkRows: Row[] = Array.from({ length: bulk }, (_, i) => [
    `bulk-${String(i % 100).padStart(3, '0')}`,
    `k:${i}`,
    { i, total: i % 97, tag: 'bülk' },
  ]);
  for (let i = 0; i < bulkRows.length; i += 500)
    await Promise.all(bulkRows.slice(i, i + 500).map(([g, k, v]) => state.set(g, k, v)));
  for (const r of streamRows) await streams.createStream(r.stream).set(r.group, r.id, r.data);
  await fillQueues(redis);

  const keys = [
    ...stateRows.map(([group, key]) => ({ group, key, ttl: false })),
    ...ttlRows.map(([group, key]) => ({ group, key, ttl: true })),
  ];
  // The fixture as Motia's adapters read it back.
  const stateCount = keys.length + bulkRows.length;
  assert.equal((await client.keys('motia:state:*')).length, stateCount);
  for (const { group, key, ttl } of keys) {
    const pttl = await client.pTTL(`motia:state:${group}:${key}`);
    assert.ok(ttl ? pttl > 0 : pttl === -1, `PTTL of ${group}:${key} is ${pttl}`);
  }
  return {
    state,
    streams,
    keys,
    stateCount,
    streamItems: streamItemCount(streamRows),
    ttlWrittenFrom,
    close: async () => {
      await client.quit();
    },
  };
}

const expectedSummary = (fx: Fixture, dryRun = false): Summary => ({
  state: fx.stateCount,
  stream_items: fx.streamItems,
  messages: stepFixtures.reduce((n, s) => n + s.ready.length + s.delayed.length, 0),
  dead_letters: stepFixtures.reduce((n, s) => n + s.dead.length, 0),
  skipped: 0,
  errors: 0,
  dry_run: dryRun,
});

// ---------------------------------------------------------------------------
// Reading Troupe back

type Adapters = ReturnType<typeof troupeAdapters>;

const byJson = (a: unknown, b: unknown) => {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
};
const sortedItems = (items: StateItem[]) =>
  [...items].sort((a, b) => (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
/** A stream group in Troupe's order: by _createdAt, ties by id (Motia's Redis adapter leaves ties in hash order). */
const byCreation = <T extends { id: string; _createdAt?: unknown }>(items: T[]) =>
  [...items].sort((a, b) => Number(a._createdAt ?? 0) - Number(b._createdAt ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

interface DeadLetter {
  messageId: string;
  traceId: string;
  data: unknown;
  flows: string[];
  lastError: string;
  attempt: number;
}

async function deadLetters(conn: TroupeConnection, ns: string, s: { topic: string; step: string }): Promise<DeadLetter[]> {
  const r = await conn.request({ deadLetterList: { topic: bytes(`${ns}:${s.topic}`), step: bytes(s.step), limit: 1000 } });
  return (r.deadLetters?.messages ?? [])
    .map((m) => ({
      messageId: text(m.messageId),
      traceId: text(m.traceId),
      data: JSON.parse(text(m.data) || 'null'),
      flows: (m.flows ?? []).map(text),
      lastError: m.lastError ?? '',
      attempt: m.attempt ?? 0,
    }))
    .sort((a, b) => (a.traceId < b.traceId ? -1 : a.traceId > b.traceId ? 1 : 0));
}

/**
 * What Troupe holds for the fixture in namespace `ns`. `exact` keeps what a
 * rewrite would change (revisions, expiries, message ids); without it, only
 * what two separate imports must agree on.
 */
async function snapshot(a: Adapters, conn: TroupeConnection, ns: string, fx: Fixture, exact: boolean) {
  const versions: Record<string, unknown> = {};
  for (const { group, key } of fx.keys) {
    const v = await a.state.getVersioned(group, key);
    versions[JSON.stringify([group, key])] = v && (exact ? v : { value: v.value, ttl: v.expiresAt !== undefined });
  }
  const streams: Record<string, unknown> = {};
  for (const { stream, group } of streamGroups(streamRows))
    streams[JSON.stringify([stream, group])] = await a.streams.createStream(stream).getGroup(group);
  const queues: Record<string, unknown> = {};
  for (const s of stepFixtures) {
    const dead = await deadLetters(conn, ns, s);
    queues[stepKey(s)] = {
      stats: await queueStats(conn, ns, s),
      dead: exact ? dead : dead.map(({ messageId, ...rest }) => rest),
    };
  }
  return { items: sortedItems(await a.state.items({})), traceIds: (await a.state.traceIds()).sort(), versions, streams, queues };
}

/** Troupe's state for the fixture equals what Motia's Redis adapter reads. */
async function assertStateEqual(a: Adapters, fx: Fixture) {
  const groups = [...new Set(fx.keys.map((k) => k.group))];
  assert.deepEqual((await a.state.traceIds()).sort(), (await fx.state.traceIds()).sort());
  for (const group of groups) {
    assert.deepEqual((await a.state.keys(group)).sort(), (await fx.state.keys(group)).sort(), `keys of ${group}`);
    assert.deepEqual((await a.state.getGroup(group)).sort(byJson), (await fx.state.getGroup(group)).sort(byJson), `group ${group}`);
  }
  for (const { group, key } of fx.keys)
    assert.deepEqual(await a.state.get(group, key), await fx.state.get(group, key), `${group} / ${key}`);
  for (const input of itemQueries)
    assert.deepEqual(sortedItems(await a.state.items(input)), sortedItems(await fx.state.items(input)), `items(${JSON.stringify(input)})`);
}

/** Troupe's streams equal what Motia's Redis stream adapter reads, _createdAt included. */
async function assertStreamsEqual(a: Adapters, fx: Fixture) {
  for (const { stream, group } of streamGroups(streamRows)) {
    const mine = a.streams.createStream<any>(stream);
    const theirs = fx.streams.createStream<any>(stream);
    const reference = await theirs.getGroup(group);
    assert.deepEqual(await mine.getGroup(group), byCreation(reference), `${stream} / ${group}`);
    for (const item of reference) {
      assert.equal(typeof item._createdAt, 'number');
      assert.deepEqual(await mine.get(group, item.id), item, `${stream} / ${group} / ${item.id}`);
    }
    for (const q of streamQueries[stream] ?? []) {
      const expected = await theirs.query(group, q as any);
      // Without orderBy the order is the group's (ties in _createdAt: by id in Troupe).
      assert.deepEqual(await mine.query(group, q as any), q.orderBy ? expected : byCreation(expected), `${stream} / ${group} query ${JSON.stringify(q)}`);
    }
  }
}

const expectedEvent = (topic: string, p: Pending) => {
  const e: Event = { topic, data: p.data, traceId: p.traceId, flows: p.flows ?? [] };
  if (p.messageGroupId !== undefined) e.messageGroupId = p.messageGroupId;
  return e;
};
const byTrace = <T extends { traceId: string }>(xs: T[]) => [...xs].sort((a, b) => (a.traceId < b.traceId ? -1 : a.traceId > b.traceId ? 1 : 0));

const { track, stopAll } = nodesToStop();
const allRedis: RunningRedis[] = [];
after(async () => {
  killRuns();
  await stopAll();
  await Promise.all(allRedis.map((r) => r.stop()));
});

// ---------------------------------------------------------------------------

describe('troupe import redis', () => {
  const NS = 'app';
  let redis: RunningRedis;
  let fx: Fixture;
  let node: RunningNode;
  /** Bounds of the node's manual clock when it started (it starts at the system time). */
  let clockFrom = 0;
  let clockTo = 0;
  let conn: TroupeConnection;
  let app: Adapters;
  let first: Summary;
  let importedBy = 0;
  const from = () => ['redis', '--from', `${redis.host}:${redis.port}`, '--namespace', NS];

  before(async () => {
    redis = await startRedis();
    allRedis.push(redis);
    fx = await fill(redis);
    clockFrom = Date.now();
    node = track(await startNode(['--manual-clock']));
    clockTo = Date.now();
    conn = new TroupeConnection({ nodes: [node.address] });
    app = troupeAdapters({ nodes: [node.address], namespace: NS, events: { retryBackoffMs: 0 } });
  });

  after(async () => {
    await app?.events.shutdown();
    conn?.close();
    await fx?.close();
  });

  it('--dry-run reads everything and writes nothing', async () => {
    const dry = summaryOf(await runImport(node, [...from(), '--dry-run']));
    assert.deepEqual(dry, expectedSummary(fx, true));
    assert.deepEqual((await conn.request({ stateTraceIds: {} })).names?.names ?? [], []);
    assert.deepEqual((await conn.request({ eventListTopics: {} })).names?.names ?? [], []);
    for (const { stream } of streamGroups(streamRows))
      assert.deepEqual((await conn.request({ streamListGroups: { stream: bytes(`${NS}:${stream}`) } })).names?.names ?? [], []);
  });

  it('imports every state key, stream item and job, and says so', async () => {
    first = summaryOf(await runImport(node, from()));
    importedBy = Date.now();
    assert.deepEqual(first, expectedSummary(fx));
  });

  it('keeps state as Motia\'s Redis adapter reads it, in the namespace', async () => {
    await assertStateEqual(app, fx);
    // Nothing outside the namespace.
    const all = troupeAdapters({ nodes: [node.address] });
    try {
      const outside = (await all.state.traceIds()).filter((t) => !t.startsWith(`${NS}:`));
      assert.deepEqual(outside, []);
    } finally {
      await all.events.shutdown();
    }
  });

  it('keeps each key\'s remaining TTL', async () => {
    const ttlMs = TTL_S * 1000;
    for (const { group, key, ttl } of fx.keys) {
      const v = await app.state.getVersioned(group, key);
      assert.ok(v, `${group} / ${key} is missing`);
      if (!ttl) {
        assert.equal(v.expiresAt, undefined, `${group} / ${key} got an expiry`);
        continue;
      }
      // The node's clock stands at its start; the TTL left when the import
      // read it is at most TTL_S and at least TTL_S less the time since the write.
      const lowest = clockFrom + ttlMs - (importedBy - fx.ttlWrittenFrom) - 1;
      const highest = clockTo + ttlMs;
      assert.ok(v.expiresAt !== undefined && v.expiresAt >= lowest && v.expiresAt <= highest,
        `${group} / ${key} expires at ${v.expiresAt}, not within [${lowest}, ${highest}]`);
    }
  });

  it('keeps stream items with their ids and _createdAt', async () => {
    await assertStreamsEqual(app, fx);
  });

  it('declares each step and queues its jobs: ready, delayed, dead', async () => {
    const topics = [...new Set(stepFixtures.map((s) => s.topic))];
    assert.deepEqual(((await conn.request({ eventListTopics: {} })).names?.names ?? []).map(text).sort(), topics.map((t) => `${NS}:${t}`).sort());
    for (const topic of topics) {
      const r = await conn.request({ eventTopicInfo: { topic: bytes(`${NS}:${topic}`) } });
      assert.deepEqual((r.topicInfo?.steps ?? []).map(text).sort(), stepFixtures.filter((s) => s.topic === topic).map((s) => s.step).sort(), `steps of ${topic}`);
    }
    for (const s of stepFixtures) {
      const dead = await deadLetters(conn, NS, s);
      assert.deepEqual(
        dead.map(({ messageId, ...d }) => d),
        byTrace(s.dead).map((d) => ({ traceId: d.traceId, data: d.data, flows: d.flows ?? [], lastError: d.error, attempt: d.attempts })),
        `dead letters of ${stepKey(s)}`,
      );
      assert.deepEqual(await queueStats(conn, NS, s), { ready: s.ready.length, delayed: s.delayed.length, inFlight: 0, dead: s.dead.length }, stepKey(s));
    }
  });

  it('a second import changes nothing', async () => {
    const before = await snapshot(app, conn, NS, fx, true);
    const again = summaryOf(await runImport(node, from()));
    assertRepeat(again, first);
    assert.deepEqual(await snapshot(app, conn, NS, fx, true), before);
  });

  it('delivers every job once, delayed ones after their delay, while TTL keys expire', async () => {
    const seen = new Map<string, Event[]>(stepFixtures.map((s) => [stepKey(s), []]));
    // Dead letters are checked above; here they must only stay as they are.
    const dead = new Map<string, number>();
    for (const s of stepFixtures) dead.set(stepKey(s), (await queueStats(conn, NS, s)).dead);
    const viaAdapter = stepFixtures.filter((s) => s.ready.length + s.delayed.length > 0 && s.attemptsMade === 0);
    for (const s of viaAdapter)
      await app.events.subscribe(s.topic, s.step, async (e) => void seen.get(stepKey(s))!.push(e), {
        type: s.fifo ? 'fifo' : 'standard',
        maxRetries: 2,
        visibilityTimeout: 60,
        delaySeconds: 0,
      } as const);
    // The retried job, on the protocol: its delivery says which attempt it is.
    const retried = stepFixtures.find((s) => s.attemptsMade > 0)!;
    const deliveries: NonNullable<Push['delivery']>[] = [];
    const raw = new TroupeConnection({ nodes: [node.address] });
    try {
      await raw.subscribe(
        {
          eventSubscribe: {
            topic: bytes(`${NS}:${retried.topic}`),
            step: bytes(retried.step),
            config: { type: 'standard', maxRetries: 1, visibilityTimeoutMs: 60000, concurrency: 1, backoffMs: 0 },
          },
        },
        (push) => {
          const m = push.delivery;
          if (!m) return;
          deliveries.push(m);
          void raw.request({ eventAck: { subscriptionId: Number(push.subscriptionId), messageId: m.messageId } }).catch(() => undefined);
        },
      );

      /** Until every step's stats are `want(s)` (dead letters: as many as before this test). */
      const untilStats = async (want: (s: StepFixture) => Omit<Stats, 'dead'>, what: string) => {
        let off: string[] = [];
        await waitFor(
          async () => {
            off = [];
            for (const s of stepFixtures) {
              const have = await queueStats(conn, NS, s);
              const wanted = { ...want(s), dead: dead.get(stepKey(s)) };
              if (!isDeepStrictEqual(have, wanted)) off.push(`${stepKey(s)} ${JSON.stringify(have)}, not ${JSON.stringify(wanted)}`);
            }
            return off.length === 0;
          },
          () => `${what}: ${off.join('; ')}`,
        );
      };
      const count = (s: StepFixture) => seen.get(stepKey(s))!.length;
      // Now: the ready jobs, and nothing delayed.
      await waitFor(() => viaAdapter.every((s) => count(s) >= s.ready.length), 'the ready jobs');
      await untilStats((s) => ({ ready: 0, delayed: s.delayed.length, inFlight: 0 }), 'the ready jobs acked, the delayed ones still delayed');
      for (const s of viaAdapter) assert.equal(count(s), s.ready.length, `${stepKey(s)} ran a delayed job early`);
      assert.equal(deliveries.length, 0, 'the retried job was delivered before its backoff');

      // Past the retry's backoff: the retried job, as its second attempt;
      // the delayed jobs and the TTL keys are still waiting.
      await conn.request({ advanceClock: { ms: HALF_MS } });
      await waitFor(() => deliveries.length >= 1, 'the retried job');
      const [m] = deliveries;
      assert.equal(text(m.traceId), welcomeFailing.traceId);
      assert.deepEqual(JSON.parse(text(m.data)), welcomeFailing.data);
      assert.equal(m.attempt, retried.attemptsMade + 1, 'the attempts BullMQ made are kept');
      await untilStats((s) => ({ ready: 0, delayed: s.attemptsMade ? 0 : s.delayed.length, inFlight: 0 }), 'the retried job acked, the delayed ones still delayed');
      for (const s of viaAdapter) assert.equal(count(s), s.ready.length, `${stepKey(s)} ran a delayed job before its delay`);
      for (const { group, key } of fx.keys) assert.equal(await app.state.exists(group, key), true, `${group} / ${key} expired early`);

      // Past the delay and the TTLs.
      await conn.request({ advanceClock: { ms: REST_MS } });
      await waitFor(() => viaAdapter.every((s) => count(s) >= s.ready.length + s.delayed.length), 'the delayed jobs');
      await untilStats(() => ({ ready: 0, delayed: 0, inFlight: 0 }), 'every job acked');
      for (const s of viaAdapter)
        assert.deepEqual(
          byTrace(seen.get(stepKey(s))!),
          byTrace([...s.ready, ...s.delayed].map((p) => expectedEvent(s.topic, p))),
          `the events of ${stepKey(s)}, each once`,
        );
      assert.equal(deliveries.length, 1);

      for (const { group, key, ttl } of fx.keys) {
        if (ttl) assert.equal(await app.state.exists(group, key), false, `${group} / ${key} outlived its TTL`);
        else assert.deepEqual(await app.state.get(group, key), await fx.state.get(group, key), `${group} / ${key}`);
      }
      assert.deepEqual(await app.state.keys('session'), []);
      assert.ok(!(await app.state.traceIds()).includes('session'));
    } finally {
      raw.close();
      await app.events.shutdown();
    }
  });

  it('an import after the jobs ran brings none of them back', async () => {
    const before = [];
    for (const s of stepFixtures) before.push(await queueStats(conn, NS, s));
    for (const stats of before) assert.deepEqual({ ...stats, dead: 0 }, { ready: 0, delayed: 0, inFlight: 0, dead: 0 }, 'the jobs did not all run');
    const again = summaryOf(await runImport(node, from()));
    assert.equal(again.errors, 0);
    for (const [i, s] of stepFixtures.entries()) assert.deepEqual(await queueStats(conn, NS, s), before[i], stepKey(s));
  });
});

describe('troupe import redis, killed halfway and run again', () => {
  let redis: RunningRedis;
  let fx: Fixture;
  let node: RunningNode;
  let conn: TroupeConnection;

  before(async () => {
    redis = await startRedis();
    allRedis.push(redis);
    fx = await fill(redis, BULK_KEYS);
    node = track(await startNode());
    conn = new TroupeConnection({ nodes: [node.address] });
  });

  after(async () => {
    conn?.close();
    await fx?.close();
  });

  it('ends with what a clean import stores', async () => {
    const from = (ns: string) => ['redis', '--from', `${redis.host}:${redis.port}`, '--namespace', ns];
    const clean = summaryOf(await runImport(node, from('clean')));
    assert.deepEqual(clean, expectedSummary(fx));

    const killed = await runImport(node, from('resumed'), { killOnProgress: true });
    assert.ok(killed.progress.length >= 1, `no progress line on stderr:\n${killed.stderr}`);
    assert.equal(killed.signal, 'SIGKILL', `the import ended (code ${killed.code}) before it was killed; stdout:\n${killed.stdout}`);
    const resumed = summaryOf(await runImport(node, from('resumed')));
    assert.equal(resumed.errors, 0);
    // Every record is stored by one of the two runs, or skipped by the second.
    assert.equal(
      resumed.state + resumed.stream_items + resumed.messages + resumed.dead_letters + resumed.skipped,
      clean.state + clean.stream_items + clean.messages + clean.dead_letters,
      `after the kill: ${JSON.stringify(resumed)}; clean: ${JSON.stringify(clean)}`,
    );

    const a = troupeAdapters({ nodes: [node.address], namespace: 'clean' });
    const b = troupeAdapters({ nodes: [node.address], namespace: 'resumed' });
    try {
      const want = await snapshot(a, conn, 'clean', fx, false);
      assert.equal(want.items.length, fx.stateCount);
      assert.deepEqual(await snapshot(b, conn, 'resumed', fx, false), want);
      await assertStateEqual(b, fx);
      await assertStreamsEqual(b, fx);
    } finally {
      await a.events.shutdown();
      await b.events.shutdown();
    }
  });
});

describe('troupe import motia-files', () => {
  const NS = 'files';
  let dir: string;
  let motiaDir: string;
  let node: RunningNode;
  let a: Adapters;
  let fileState: FileStateAdapter;
  let fileStreams: FileStreamAdapterManager;
  let first: Summary;

  // Core's file adapters split `<group>:<key>` at the first ':' (state) and
  // `<group>:<id>` at the last (streams): no ':' in state groups or stream ids.
  const fileStreamRows: StreamRow[] = [
    { stream: 'orders', group: 'user:42', id: 'a', data: { total: 10, status: 'paid' } },
    { stream: 'orders', group: 'user:42', id: 'b', data: { total: 30, status: 'new', note: null } },
    { stream: 'orders', group: 'user:42', id: 'a', data: { total: 15, status: 'paid', lines: [{ sku: 'ß-1' }] } },
    { stream: 'orders', group: 'ünï-组', id: 'x', data: { total: 1, status: 'ünï ✓' } },
    // The caller stored the id in the item, and a _createdAt.
    { stream: 'chat-✓', group: 'room*1', id: 'm1', data: { id: 'm1', text: '', read: false, n: 0 } },
    { stream: 'chat-✓', group: 'room*1', id: 'm2', data: { text: 'hi 👋', read: true, n: 2, _createdAt: 1_700_000_000_000 } },
  ];
  const keysOf = () => stateRows.map(([group, key]) => ({ group, key }));

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'troupe-motia-files-'));
    motiaDir = path.join(dir, '.motia');
    // As `motia dev` makes them: state in .motia/motia.state.json, streams in .motia/streams/.
    fileState = new FileStateAdapter({ adapter: 'default', filePath: motiaDir } as any);
    fileStreams = new FileStreamAdapterManager(dir);
    for (const [group, key, value] of stateRows) await fileState.set(group, key, value);
    for (const r of fileStreamRows) await fileStreams.createStream(r.stream).set(r.group, r.id, r.data as any);
    node = track(await startNode());
    a = troupeAdapters({ nodes: [node.address], namespace: NS });
  });

  after(async () => {
    await a?.events.shutdown();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const expected = (dryRun: boolean): Summary => ({
    state: stateRows.length,
    stream_items: streamItemCount(fileStreamRows),
    messages: 0,
    dead_letters: 0,
    skipped: 0,
    errors: 0,
    dry_run: dryRun,
  });

  /** Every file stream item, as Troupe must hold it: with its id, and a _createdAt. */
  async function assertFileStreams() {
    for (const { stream, group } of streamGroups(fileStreamRows)) {
      const file = fileStreams.createStream<any>(stream);
      const mine = a.streams.createStream<any>(stream);
      const ids = [...new Set(fileStreamRows.filter((r) => r.stream === stream && r.group === group).map((r) => r.id))];
      const items = await mine.getGroup(group);
      assert.deepEqual(items.map((i) => i.id).sort(), [...ids].sort(), `${stream} / ${group}`);
      assert.deepEqual(items, byCreation(items), `${stream} / ${group} in _createdAt order`);
      for (const id of ids) {
        const stored = await file.get(group, id);
        const item = await mine.get(group, id);
        assert.ok(item, `${stream} / ${group} / ${id} is missing`);
        assert.equal(typeof item._createdAt, 'number');
        assert.deepEqual(item, { ...stored, id, _createdAt: stored._createdAt ?? item._createdAt }, `${stream} / ${group} / ${id}`);
        assert.deepEqual(items.find((i) => i.id === id), item);
      }
      const paid = await mine.query(group, { where: { status: 'paid' } } as any);
      assert.deepEqual(paid, items.filter((i) => i.status === 'paid'));
    }
  }

  it('--dry-run writes nothing', async () => {
    assert.deepEqual(summaryOf(await runImport(node, ['motia-files', dir, '--namespace', NS, '--dry-run'])), expected(true));
    assert.deepEqual(await a.state.traceIds(), []);
    for (const { stream, group } of streamGroups(fileStreamRows))
      assert.deepEqual(await a.streams.createStream(stream).getGroup(group), [], `${stream} / ${group}`);
  });

  it('imports an app directory\'s .motia state and streams', async () => {
    first = summaryOf(await runImport(node, ['motia-files', dir, '--namespace', NS]));
    assert.deepEqual(first, expected(false));
    assert.deepEqual((await a.state.traceIds()).sort(), (await fileState.traceIds()).sort());
    for (const { group, key } of keysOf())
      assert.deepEqual(await a.state.get(group, key), await fileState.get(group, key), `${group} / ${key}`);
    for (const group of new Set(stateRows.map(([g]) => g))) {
      assert.deepEqual((await a.state.keys(group)).sort(), (await fileState.keys(group)).sort(), `keys of ${group}`);
      assert.deepEqual((await a.state.getGroup(group)).sort(byJson), (await fileState.getGroup(group)).sort(byJson), `group ${group}`);
    }
    // A filter both semantics agree on (core's file adapter reads fields of objects only).
    const paid: StateFilter[] = [{ valueKey: 'status', operation: 'eq', value: 'paid' }];
    assert.deepEqual(sortedItems(await a.state.items({ filter: paid })), sortedItems(await fileState.items({ filter: paid })));
    assert.deepEqual(sortedItems(await a.state.items({ groupId: 'trace-1' })), sortedItems(await fileState.items({ groupId: 'trace-1' })));
    await assertFileStreams();
  });

  it('a second import, given the .motia directory itself, changes nothing', async () => {
    const read = async () => {
      const versions = [];
      for (const { group, key } of keysOf()) versions.push(await a.state.getVersioned(group, key));
      const streams = [];
      for (const { stream, group } of streamGroups(fileStreamRows)) streams.push(await a.streams.createStream(stream).getGroup(group));
      return { versions, streams };
    };
    const before = await read();
    const again = summaryOf(await runImport(node, ['motia-files', motiaDir, '--namespace', NS]));
    assertRepeat(again, first);
    assert.deepEqual(await read(), before);
    await assertFileStreams();
  });
});
