// `troupe export` and `troupe import ndjson`, end to end: a real troupe-node
// filled through troupe-motia (state with odd names and a TTL, stream items,
// step subscriptions with queued, delayed and dead-lettered messages, an
// emit's idempotency record, a cron lock held) and through the CLI (names
// that are not UTF-8, values with odd spacing), exported, imported into a
// fresh node and exported again: the two files are the same bytes. The
// imported data then works through the new node's API: state and streams
// read as before, each queued message is delivered once (the delayed ones
// only after the node's clock passes their delay), dead letters are listed,
// the cron lock is held until it expires, new emits get message ids of
// their own. An import into a node that holds data is refused and changes
// nothing; --replace puts back exactly what the file holds; a file of
// another partition count is refused; a malformed line is reported with its
// line number and the others are imported. And the same between three-node
// clusters and a single node.
//
// No sleeps: time on the nodes is a manual clock (--manual-clock, moved with
// AdvanceClock), every wait is for an event or an outcome polled with a
// deadline, and a guard fails a wait or a CLI run instead of hanging it.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isDeepStrictEqual } from 'node:util';

import { bytes, text, type Push } from '../src/connection.js';
import {
  Namespace,
  TroupeConnection,
  TroupeCronAdapter,
  TroupeEventAdapter,
  TroupeStateAdapter,
  TroupeStreamAdapterManager,
  type TroupeCronLock,
} from '../src/index.js';
import type { QueueConfig } from '../src/motia-types.js';
import { cliBin, killRuns, run, troupe, type CliRun } from './cli.js';
import { streamGroups, type Row, type StreamRow } from './fixture.js';
import { nodesToStop, startCluster, startNode, type RunningNode } from './node.js';
import { queueStats, standard, type Stats } from './queues.js';
import { waitFor } from './wait.js';

/** The namespace the app's data lives in. */
const NS = 'app';
/** State keys written with a TTL, ms. */
const TTL_MS = 1_200_000;
/** The cron lock's ttl (and lease: no renewals), ms. */
const LOCK_TTL_MS = 600_000;
/** delaySeconds of the step whose messages wait for their delay. */
const MESSAGE_DELAY_S = 3600;
/** The visibility timeout of every step, seconds. */
const VISIBILITY_S = 60;
/**
 * Clock steps on the importing node. Its clock starts at the system time
 * when it starts, a few seconds after the exporting node's (every record was
 * written at that one's start): after the first the lock is still held;
 * after the second it has expired, the TTL keys not yet; after the third
 * the delays (of imported and new messages) and the TTLs have passed.
 */
const STEP_1_MS = 300_000;
const STEP_2_MS = 600_000;
const STEP_3_MS = 3_000_000;
/** Bound of the clock difference the steps above allow for. */
const CLOCK_SLACK_MS = 120_000;
/** The cron job (Motia cron step) without a known schedule: it takes a node lock. */
const CRON_JOB = 'nightly-report';
/** The idempotency key of one emit made on the protocol. */
const IDEMPOTENCY_KEY = 'order-99';

// ---------------------------------------------------------------------------
// The CLI

/** What a run did, for a failure message. */
const shown = (r: CliRun) =>
  `${r.command} exited with ${r.code ?? r.signal}\nstdout:\n${r.stdout.toString('utf8').slice(0, 2000)}\nstderr:\n${r.stderr.slice(0, 2000)}`;

const scratch = mkdtempSync(path.join(os.tmpdir(), 'troupe-export-'));
let files = 0;
/** A new file name in the test's scratch directory. */
const scratchFile = (name: string) => path.join(scratch, `${++files}-${name}`);

/** `troupe export -o FILE`: the file's bytes (exit 0, a summary line on stderr with the record count). */
async function exportOf(node: RunningNode): Promise<Buffer> {
  const file = scratchFile('export.ndjson');
  const r = await troupe(node, ['export', '-o', file]);
  assert.equal(r.code, 0, shown(r));
  assert.equal(r.stdout.length, 0, `export -o FILE wrote to stdout; ${shown(r)}`);
  const exported = readFileSync(file);
  const n = parse(exported).lines.length;
  const summary = r.stderr.split('\n').filter((l) => l.trim() !== '');
  assert.equal(summary.length, 1, `one summary line on stderr; ${shown(r)}`);
  assert.match(summary[0], new RegExp(`\\b${n} records\\b`), `the summary line counts the ${n} records; ${shown(r)}`);
  return exported;
}

/** `troupe --json import ndjson FILE args...` (FILE '-': `input` on stdin). */
const importNdjson = (node: RunningNode, file: string, args: string[] = [], input?: Buffer) =>
  troupe(node, ['--json', 'import', 'ndjson', file, ...args], { input });

interface ImportSummary {
  records: number;
  partitions: number;
  errors: number;
}

/** The --json summary: one line of JSON on stdout. */
function summaryOf(r: CliRun): ImportSummary {
  const lines = r.stdout.toString('utf8').split('\n').filter((l) => l.trim() !== '');
  assert.equal(lines.length, 1, `with --json the summary is one line of JSON; ${shown(r)}`);
  const s = JSON.parse(lines[0]);
  for (const k of ['records', 'partitions', 'errors'])
    assert.ok(Number.isSafeInteger(s[k]) && s[k] >= 0, `summary field ${k} is not a count: ${lines[0]}`);
  return { records: s.records, partitions: s.partitions, errors: s.errors };
}

interface Parsed {
  header: any;
  /** The record lines, as text. */
  lines: string[];
  records: any[];
}

function parse(file: Buffer): Parsed {
  const all = file.toString('utf8').split('\n');
  assert.equal(all.at(-1), '', 'the export ends with a newline');
  const [first, ...lines] = all.slice(0, -1);
  return { header: JSON.parse(first), lines, records: lines.map((l) => JSON.parse(l)) };
}

/** What importing every line of `file` reports. */
function expectedSummary(file: Buffer): ImportSummary {
  const { records } = parse(file);
  return { records: records.length, partitions: new Set(records.map((r) => r.partition)).size, errors: 0 };
}

/** `actual` is `expected`, byte for byte; else the first line that differs. */
function assertSameBytes(actual: Buffer, expected: Buffer, what: string) {
  if (actual.equals(expected)) return;
  const a = actual.toString('utf8').split('\n');
  const e = expected.toString('utf8').split('\n');
  let i = 0;
  while (i < a.length && i < e.length && a[i] === e[i]) i++;
  assert.fail(
    `${what}: ${actual.length} bytes, ${a.length - 1} lines instead of ${expected.length} bytes, ${e.length - 1} lines;` +
      ` first difference at line ${i + 1}:\n  got:      ${a[i] ?? '(end)'}\n  expected: ${e[i] ?? '(end)'}`,
  );
}

/** Bytes of a proto JSON `bytes` field (base64), as text. */
const b64text = (s: string | undefined) => Buffer.from(s ?? '', 'base64').toString('utf8');

// ---------------------------------------------------------------------------
// The fixture

/** State: ':' and '*' in names, NUL bytes, unicode; falsy and nested values; one key written twice. */
const appStateRows: Row[] = [
  ['order:1', 'a:b:c', { id: 'o:1', total: 12.5, lines: [{ sku: 'ß-1', qty: 2 }], meta: { tags: [], note: null } }],
  ['order:1', 'zero', 0],
  ['order:1', 'false', false],
  ['order:1', 'empty', ''],
  ['order:1', 'null', null],
  ['order:1', 'a:b:c', { id: 'o:1', total: 15, status: 'paid' }],
  ['glob*wild', 'star*', { status: 'paid' }],
  ['glob*wild', '*', [1, 'two', {}, []]],
  ['nul\0trace', 'k\0ey', 'a NUL in both names'],
  ['nul\0trace', '\0', { n: -1.5e-7 }],
  ['ünïcode-组 🎉', 'ключ 🔑', 'ünïcödé ✓ 🎉'],
];

/** Written with a TTL of TTL_MS: one in a group with permanent keys, one group of its own. */
const appTtlRows: Row[] = [
  ['order:1', 'expiring', { held: true }],
  ['session', 'token', 'abc:def'],
];

const groups = [...new Set([...appStateRows, ...appTtlRows].map(([g]) => g))];
/** Every (group, key) once, with the last value written. */
const stateKeys = [...new Map([...appStateRows, ...appTtlRows].map((r) => [JSON.stringify([r[0], r[1]]), r])).values()];

const latin1 = (s: string) => Buffer.from(s, 'latin1');

/**
 * Written with the CLI (JavaScript strings cannot carry bytes that are not
 * UTF-8): names that are not UTF-8, values spaced as no JSON.stringify
 * spaces them. Values are stored as given.
 */
const cliRows: { traceId: Buffer; key: Buffer; value: string }[] = [
  { traceId: latin1(`${NS}:t\xff`), key: latin1('k\xfe:*'), value: '"v"' },
  { traceId: latin1(`${NS}:t\xff`), key: latin1('spaced'), value: '{"a":1.50, "b":[1,2]}' },
  { traceId: latin1(`${NS}:\xc3\x28`), key: latin1('\x80'), value: '[ 1 , 2 ]' },
  { traceId: latin1(`${NS}:spacing`), key: latin1('odd'), value: '{"a":1.50, "b":[1,2]}' },
];

/** bash's $'...' quoting of any bytes. */
const ansiC = (b: Buffer) => `$'${[...b].map((x) => `\\x${x.toString(16).padStart(2, '0')}`).join('')}'`;

/** Writes cliRows with `troupe state set` through bash. */
async function cliWrites(node: RunningNode) {
  const script = ['set -e', ...cliRows.map((r) => `"$1" --node "$2" state set ${ansiC(r.traceId)} ${ansiC(r.key)} '${r.value}'`)].join('\n');
  const r = await run('bash', ['-c', script, 'bash', cliBin, node.address]);
  assert.equal(r.code, 0, shown(r));
}

/** Stream writes in order (one an update): ':', '*', NUL and unicode in names. */
const appStreamRows: StreamRow[] = [
  { stream: 'orders', group: 'user:42', id: 'a', data: { total: 10, status: 'paid', lines: [{ sku: 'ß-1' }] } },
  { stream: 'orders', group: 'user:42', id: 'msg:1', data: { total: 20, nested: { deep: [0, false, ''] } } },
  { stream: 'orders', group: 'user:42', id: 'a', data: { total: 15, status: 'paid' } },
  { stream: 'orders', group: 'glob*', id: '*', data: { total: 1, note: null } },
  { stream: 'chat-✓', group: 'room\0one', id: 'm\0', data: { text: '', read: false } },
  { stream: 'chat-✓', group: 'ünï-组', id: '🎉', data: { text: 'hi 👋', read: true } },
];

interface Step {
  topic: string;
  step: string;
  config: QueueConfig;
}

const steps = {
  notify: { topic: 'order.created', step: 'notify', config: standard({ visibilityTimeout: VISIBILITY_S }) },
  later: { topic: 'order.created', step: 'later', config: standard({ delaySeconds: MESSAGE_DELAY_S, visibilityTimeout: VISIBILITY_S }) },
  deliver: { topic: 'chat.message', step: 'deliver', config: { type: 'fifo', maxRetries: 2, visibilityTimeout: VISIBILITY_S, delaySeconds: 0 } },
  charge: { topic: 'payment.failed', step: 'charge', config: standard({ maxRetries: 0, visibilityTimeout: VISIBILITY_S }) },
} satisfies Record<string, Step>;
const allSteps: Step[] = Object.values(steps);

const appOrderEvents: { traceId: string; data: unknown; flows: string[] }[] = [
  { traceId: 'tr-order-0', data: { order: { id: 'o:1', lines: [{ sku: 'ß-1' }] }, note: 'ünï ✓' }, flows: ['checkout'] },
  { traceId: 'tr-order-1', data: 0, flows: [] },
  { traceId: 'tr-order-2', data: null, flows: ['checkout', 'audit:x'] },
];
const appChatEvents = [
  { traceId: 'tr-chat-1', data: { text: 'hi' }, messageGroupId: 'room-1' },
  { traceId: 'tr-chat-2', data: { text: 'ünï' }, messageGroupId: 'room:ü' },
];
const appPayEvents = [0, 1].map((i) => ({ traceId: `tr-pay-${i}`, data: { amount: i * 10 } }));
/** Emitted on the protocol with IDEMPOTENCY_KEY. */
const keyedEvent = { traceId: 'tr-order-99', data: { order: 99 } };

/** What every step holds once filled (on the exporting node, and after the import). */
const filledStats: Record<string, Stats> = {
  notify: { ready: appOrderEvents.length + 1, delayed: 0, inFlight: 0, dead: 0 },
  later: { ready: 0, delayed: appOrderEvents.length + 1, inFlight: 0, dead: 0 },
  deliver: { ready: appChatEvents.length, delayed: 0, inFlight: 0, dead: 0 },
  charge: { ready: 0, delayed: 0, inFlight: 0, dead: appPayEvents.length },
};

// ---------------------------------------------------------------------------
// The app: troupe-motia's adapters on one connection

interface App {
  conn: TroupeConnection;
  state: TroupeStateAdapter;
  streams: TroupeStreamAdapterManager;
  events: TroupeEventAdapter;
  cron: TroupeCronAdapter;
  close(): Promise<void>;
}

function appOn(nodes: RunningNode[], instanceId: string): App {
  const conn = new TroupeConnection({ nodes: nodes.map((n) => n.address) });
  const ns = new Namespace(NS);
  const events = new TroupeEventAdapter(conn, ns, { retryBackoffMs: 0 });
  return {
    conn,
    state: new TroupeStateAdapter(conn, ns),
    streams: new TroupeStreamAdapterManager(conn, ns),
    events,
    // leaseMs as long as the lock's ttl: the lock is held without renewals.
    cron: new TroupeCronAdapter(conn, ns, { instanceId, leaseMs: LOCK_TTL_MS }),
    // Not cron.shutdown(): it would release the lock, which is to stay held.
    close: async () => {
      await events.shutdown();
      conn.close();
    },
  };
}

/** Until `s`'s stats are `want`. */
async function untilStats(conn: TroupeConnection, s: Step, want: Stats, what: string) {
  let have: Stats | undefined;
  await waitFor(
    async () => isDeepStrictEqual((have = await queueStats(conn, NS, s)), want),
    () => `${what}: ${s.topic}/${s.step} holds ${JSON.stringify(have)}, not ${JSON.stringify(want)}`,
  );
}

const refuse = async () => {
  throw new Error('this consumer left before any event was emitted');
};

/** What `fill` leaves to check against. */
interface Filled {
  /** The message ids the keyed emit got. */
  keyedIds: string[];
  lock: TroupeCronLock;
}

/** Fills the cluster `nodes` through troupe-motia (`app`) and the CLI. */
async function fill(app: App, nodes: RunningNode[]): Promise<Filled> {
  for (const [group, key, value] of appStateRows) await app.state.set(group, key, value);
  for (const [group, key, value] of appTtlRows) await app.state.set(group, key, value, { ttlMs: TTL_MS });
  for (const r of appStreamRows) await app.streams.createStream(r.stream).set(r.group, r.id, r.data);
  await cliWrites(nodes[0]);

  // Steps whose consumer left before the emits: their messages wait in their queues.
  for (const s of [steps.notify, steps.later, steps.deliver]) {
    const h = await app.events.subscribe(s.topic, s.step, refuse, s.config);
    await h.unsubscribe();
  }
  // A step whose handler fails with no retries left: dead letters.
  const charge = await app.events.subscribe(
    steps.charge.topic,
    steps.charge.step,
    async (e) => {
      throw new Error(`card declined: ${e.traceId}`);
    },
    steps.charge.config,
  );
  for (const e of appPayEvents) await app.events.emit({ topic: steps.charge.topic, ...e });
  await untilStats(app.conn, steps.charge, filledStats.charge, 'the failures as dead letters');
  await charge.unsubscribe();

  for (const e of appOrderEvents) await app.events.emit({ topic: 'order.created', ...e });
  for (const e of appChatEvents) await app.events.emit({ topic: 'chat.message', ...e });
  // troupe-motia gives every emit an idempotency key of its own; this one is chosen.
  const keyed = await app.conn.request({
    eventEmit: {
      topic: bytes(`${NS}:order.created`),
      event: { data: bytes(JSON.stringify(keyedEvent.data)), traceId: bytes(keyedEvent.traceId), idempotencyKey: bytes(IDEMPOTENCY_KEY) },
    },
  });
  const keyedIds = (keyed.emit?.messageIds ?? []).map(text);
  assert.equal(keyedIds.length, 2, `one message for each of notify and later: ${JSON.stringify(keyed)}`);
  for (const [name, s] of Object.entries(steps)) await untilStats(app.conn, s, filledStats[name], 'the fill');

  const lock = await app.cron.acquireLock(CRON_JOB, LOCK_TTL_MS);
  assert.ok(lock, 'the cron lock was not granted');
  return { keyedIds, lock };
}

/** Everything the API reads of the fixture, for comparing two nodes. */
async function apiView(app: App) {
  const plain = (x: unknown) => JSON.parse(JSON.stringify(x ?? null));
  const view: Record<string, unknown> = {};
  view.traceIds = (await app.state.traceIds()).sort();
  for (const group of groups) {
    view[`keys ${group}`] = await app.state.keys(group);
    view[`group ${group}`] = await app.state.getGroup(group);
  }
  for (const [group, key] of stateKeys) view[`versioned ${group} / ${key}`] = await app.state.getVersioned(group, key);
  for (const traceId of new Set(cliRows.map((r) => r.traceId.toString('latin1')))) {
    const g = await app.conn.request({ stateGetGroup: { traceId: latin1(traceId) } });
    view[`raw group ${latin1(traceId).toString('hex')}`] = plain(g.items);
  }
  for (const r of cliRows) {
    const v = await app.conn.request({ stateGet: { traceId: r.traceId, key: r.key } });
    view[`raw ${r.traceId.toString('hex')} / ${r.key.toString('hex')}`] = plain(v.value);
  }
  for (const { stream, group } of streamGroups(appStreamRows)) {
    const handle = app.streams.createStream<any>(stream);
    const items = await handle.getGroup(group);
    view[`stream ${stream} / ${group}`] = items;
    for (const item of items) view[`stream ${stream} / ${group} / ${item.id}`] = await handle.get(group, item.id);
  }
  view.topics = ((await app.conn.request({ eventListTopics: {} })).names?.names ?? []).map(text).sort();
  for (const s of allSteps) {
    view[`stats ${s.step}`] = await queueStats(app.conn, NS, s);
    const dead = await app.conn.request({ deadLetterList: { topic: bytes(`${NS}:${s.topic}`), step: bytes(s.step), limit: 1000 } });
    view[`dead ${s.step}`] = plain(dead.deadLetters);
  }
  for (const topic of new Set(allSteps.map((s) => s.topic))) {
    const r = await app.conn.request({ eventTopicInfo: { topic: bytes(`${NS}:${topic}`) } });
    view[`steps of ${topic}`] = (r.topicInfo?.steps ?? []).map(text).sort();
  }
  view.locks = plain((await app.conn.request({ lockList: {} })).locks);
  view.activeLocks = await app.cron.getActiveLocks();
  return view;
}

// ---------------------------------------------------------------------------
// A consumer on the protocol: deliveries with their message ids, each acked

interface Delivery {
  step: string;
  messageId: string;
  traceId: string;
  data: string;
  messageGroupId?: string;
}

class Consumer {
  readonly seen: Delivery[] = [];
  private readonly subscriptions: number[] = [];
  constructor(private readonly conn: TroupeConnection) {}

  async subscribe(s: Step) {
    const config = {
      type: s.config.type,
      maxRetries: s.config.maxRetries,
      visibilityTimeoutMs: s.config.visibilityTimeout * 1000,
      delayMs: s.config.delaySeconds * 1000,
      concurrency: 1,
      backoffMs: 0,
    };
    const id = await this.conn.subscribe(
      { eventSubscribe: { topic: bytes(`${NS}:${s.topic}`), step: bytes(s.step), config } },
      (push: Push) => {
        const m = push.delivery;
        if (!m) return;
        const d: Delivery = { step: s.step, messageId: text(m.messageId), traceId: text(m.traceId), data: text(m.data) };
        if (m.messageGroupId != null) d.messageGroupId = text(m.messageGroupId);
        this.seen.push(d);
        void this.conn.request({ eventAck: { subscriptionId: Number(push.subscriptionId), messageId: m.messageId } }).catch(() => undefined);
      },
    );
    this.subscriptions.push(id);
  }

  of(s: Step): Delivery[] {
    return this.seen.filter((d) => d.step === s.step);
  }

  async close() {
    for (const id of this.subscriptions) {
      this.conn.offPush(id);
      await this.conn.request({ eventUnsubscribe: { subscriptionId: id } }).catch(() => undefined);
    }
  }
}

/** Queued messages of `s` in an export, as a consumer receives them. */
function exportedMessages(file: Buffer, s: Step): Delivery[] {
  return parse(file)
    .records.filter((r) => r.kind === 'message' && r.topic === `${NS}:${s.topic}` && r.step === s.step)
    .map((r) => {
      const d: Delivery = { step: s.step, messageId: b64text(r.message.message_id), traceId: b64text(r.message.trace_id), data: b64text(r.message.data) };
      if (r.message.message_group_id !== undefined) d.messageGroupId = b64text(r.message.message_group_id);
      return d;
    });
}

/** Every message id an export names: queued, dead, and given to emits. */
function exportedIds(file: Buffer): Set<string> {
  const ids = new Set<string>();
  for (const r of parse(file).records) {
    if (r.kind === 'message' || r.kind === 'dead_letter') ids.add(b64text(r.message.message_id));
    if (r.kind === 'emitted') for (const id of r.reply.message_ids ?? []) ids.add(b64text(id));
  }
  return ids;
}

const byId = (xs: Delivery[]) => [...xs].sort((a, b) => (a.messageId < b.messageId ? -1 : a.messageId > b.messageId ? 1 : 0));

// ---------------------------------------------------------------------------

const { track, stopAll } = nodesToStop();

after(async () => {
  killRuns();
  await stopAll();
  rmSync(scratch, { recursive: true, force: true });
});

describe('troupe export and import ndjson, one node', () => {
  /** The filled node (never changed after the fill: the reference) and the one imported into. */
  let source: RunningNode;
  let target: RunningNode;
  let startedFrom = 0;
  let startedBy = 0;
  let app: App;
  let filled: Filled;
  /** The source's export, and where it is. */
  let exported: Buffer;
  let exportedFile: string;

  before(async () => {
    startedFrom = Date.now();
    source = track(await startNode(['--manual-clock']));
    target = track(await startNode(['--manual-clock']));
    app = appOn([source], 'instance-a');
    filled = await fill(app, [source]);
  });

  after(async () => {
    await app?.close();
  });

  it('exports every record, each kind at least once, names that are not UTF-8 in base64', async () => {
    exported = await exportOf(source);
    exportedFile = scratchFile('source.ndjson');
    writeFileSync(exportedFile, exported);
    // '-' (the default) is standard output, the same bytes.
    const toStdout = await troupe(source, ['export']);
    assert.equal(toStdout.code, 0, shown(toStdout));
    assertSameBytes(toStdout.stdout, exported, 'export to stdout');

    const { header, records } = parse(exported);
    assert.deepEqual(header, { troupe_export: 1, cluster: 'troupe', partitions: 64 });
    const kinds = new Set(records.map((r) => r.kind));
    for (const kind of ['state', 'stream_item', 'subscription', 'message', 'dead_letter', 'emitted', 'lock'])
      assert.ok(kinds.has(kind), `no ${kind} record in the export; kinds: ${[...kinds].join(', ')}`);
    // In partition order.
    const partitions = records.map((r) => r.partition);
    assert.deepEqual(partitions, [...partitions].sort((a, b) => a - b), 'records not in partition order');

    const states = records.filter((r) => r.kind === 'state');
    const stateOf = (traceId: unknown, key: unknown) => states.find((r) => isDeepStrictEqual(r.trace_id, traceId) && isDeepStrictEqual(r.key, key));
    for (const r of cliRows) {
      const asJson = (b: Buffer) => (b.equals(Buffer.from(b.toString('utf8'), 'utf8')) ? b.toString('utf8') : { base64: b.toString('base64') });
      const rec = stateOf(asJson(r.traceId), asJson(r.key));
      assert.ok(rec, `no state record for ${r.traceId.toString('hex')} / ${r.key.toString('hex')}`);
      assert.equal(rec.value, r.value, 'the value as written, spacing kept');
    }
    assert.ok(states.some((r) => typeof r.trace_id === 'object'), 'no trace id in base64');
    assert.equal(stateOf(`${NS}:nul\0trace`, 'k\0ey')?.value, JSON.stringify('a NUL in both names'));
    assert.ok(stateOf(`${NS}:order:1`, 'a:b:c')?.revision >= 2, 'the key written twice is at its first revision');
    for (const [group, key] of appTtlRows) assert.ok(stateOf(`${NS}:${group}`, key)?.expires_at > 0, `${group} / ${key} has no expiry`);
    const delayed = records.filter((r) => r.kind === 'message' && Number(r.message.visible_at_ms) > Number(r.message.emitted_at_ms));
    assert.equal(delayed.length, filledStats.later.delayed, 'delayed messages');
    const dead = records.filter((r) => r.kind === 'dead_letter');
    assert.deepEqual(dead.map((r) => r.message.last_error).sort(), appPayEvents.map((e) => `card declined: ${e.traceId}`).sort());
    const locks = records.filter((r) => r.kind === 'lock');
    assert.deepEqual(locks.map((r) => [r.job, b64text(r.lock.instance_id)]), [[`${NS}:${CRON_JOB}`, 'instance-a']]);
    assert.ok(
      records.some((r) => r.kind === 'emitted' && r.idempotency_key === IDEMPOTENCY_KEY),
      'no emitted record for the chosen idempotency key',
    );
  });

  it('imports into a fresh node, whose export is the same bytes', async () => {
    const r = await importNdjson(target, exportedFile);
    assert.equal(r.code, 0, shown(r));
    startedBy = Date.now();
    assert.deepEqual(summaryOf(r), expectedSummary(exported));
    assertSameBytes(await exportOf(target), exported, 'the export of the node imported into');
    await assertSameView(target);
  });

  it('exports one namespace with its partitions\' counters, which writes after an import go on from', async () => {
    // A node holding the fixture and records of another namespace.
    const shared = track(await startNode(['--manual-clock']));
    assert.equal((await importNdjson(shared, exportedFile)).code, 0);
    const other = ['set -e', `"$1" --node "$2" state set other:t k '{"n":1}'`, `"$1" --node "$2" stream set other:s g i '{"n":2}'`].join('\n');
    const wrote = await run('bash', ['-c', other, 'bash', cliBin, shared.address]);
    assert.equal(wrote.code, 0, shown(wrote));

    const file = scratchFile('namespace.ndjson');
    const r = await troupe(shared, ['export', '--namespace', NS, '-o', file]);
    assert.equal(r.code, 0, shown(r));
    const ns = readFileSync(file);
    // The node's whole export, less what lies outside the namespace: names
    // that start with "app:" (read from the lines, not from the keys), and
    // of the untyped records only the partitions' counters (column 5).
    const name = (v: unknown) => (typeof v === 'string' ? Buffer.from(v, 'utf8') : Buffer.from((v as { base64: string }).base64, 'base64'));
    const inside = (rec: any) => {
      if (rec.kind === 'raw') return rec.column === 5;
      const n = rec.kind === 'state' ? rec.trace_id : rec.kind === 'stream_item' ? rec.stream : rec.kind === 'lock' ? rec.job : rec.topic;
      return name(n).subarray(0, NS.length + 1).equals(Buffer.from(`${NS}:`));
    };
    const whole = parse(await exportOf(shared));
    const kept = whole.lines.filter((_, i) => inside(whole.records[i]));
    assert.ok(kept.length < whole.lines.length, 'the other namespace is in the whole export');
    assert.deepEqual(parse(ns).lines, kept);

    // Into a fresh node: the same bytes come back out, and a write to an
    // imported key gets a revision above every imported one of its partition.
    const fresh = track(await startNode(['--manual-clock']));
    const imported = await importNdjson(fresh, file);
    assert.equal(imported.code, 0, shown(imported));
    assertSameBytes(await exportOf(fresh), ns, 'the export of the node the namespace went to');
    const states = parse(ns).records.filter((rec) => rec.kind === 'state');
    const target = states.find((rec) => rec.trace_id === `${NS}:spacing`);
    assert.ok(target, 'the namespace export holds app:spacing');
    const top = Math.max(...states.filter((rec) => rec.partition === target.partition).map((rec) => Number(rec.revision)));
    const set = await troupe(fresh, ['--json', 'state', 'set', `${NS}:spacing`, 'odd', '{"a":2}']);
    assert.equal(set.code, 0, shown(set));
    assert.ok(JSON.parse(set.stdout.toString('utf8')).revision > top, `a revision above ${top}: ${shown(set)}`);
  });

  it('refuses to import into a node that holds data, and changes nothing', async () => {
    // Changes within the partitions the file names (that --replace undoes below).
    const change = appOn([target], 'instance-x');
    try {
      await change.state.set('order:1', 'extra', { not: 'in the file' });
      await change.streams.createStream('orders').delete('user:42', 'msg:1');
    } finally {
      await change.close();
    }
    const before = await exportOf(target);
    assert.ok(!before.equals(exported), 'the changes show in the export');
    const r = await importNdjson(target, exportedFile);
    assert.equal(r.code, 3, shown(r));
    assert.match(r.stderr, /already holds data/, shown(r));
    assertSameBytes(await exportOf(target), before, 'the export after the refused import');
  });

  it('--replace puts back exactly what the file holds', async () => {
    const r = await importNdjson(target, exportedFile, ['--replace']);
    assert.equal(r.code, 0, shown(r));
    assert.deepEqual(summaryOf(r), expectedSummary(exported));
    assertSameBytes(await exportOf(target), exported, 'the export after import --replace');
  });

  /** What the API reads on `node` is what it reads on the source. */
  async function assertSameView(node: RunningNode) {
    const imported = appOn([node], 'instance-b');
    try {
      const want = await apiView(app);
      const have = await apiView(imported);
      for (const k of Object.keys(want)) assert.deepEqual(have[k], want[k], k);
      assert.deepEqual(Object.keys(have), Object.keys(want));
      return have;
    } finally {
      await imported.close();
    }
  }

  it('serves the imported data through the API: state, streams, queues, dead letters, locks', async () => {
    const have = await assertSameView(target);
    const imported = appOn([target], 'instance-b');
    try {
      // And what that is, so equal views cannot both be empty.
      for (const [group, key, value] of stateKeys) assert.deepEqual(await imported.state.get(group, key), value, `${group} / ${key}`);
      for (const r of cliRows) {
        const v = await imported.conn.request({ stateGet: { traceId: r.traceId, key: r.key } });
        assert.equal(text(v.value?.value), r.value, `${r.traceId.toString('hex')} / ${r.key.toString('hex')}, spacing kept`);
      }
      for (const { stream, group } of streamGroups(appStreamRows)) {
        const last = new Map(appStreamRows.filter((r) => r.stream === stream && r.group === group).map((r) => [r.id, r.data]));
        const items = await imported.streams.createStream<any>(stream).getGroup(group);
        const byFirst = (a: [string, unknown], b: [string, unknown]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
        assert.deepEqual(
          items.map(({ id, _createdAt, ...data }): [string, unknown] => [id, data]).sort(byFirst),
          [...last.entries()].sort(byFirst),
          `${stream} / ${group}`,
        );
      }
      for (const [name, s] of Object.entries(steps)) assert.deepEqual(have[`stats ${s.step}`], filledStats[name], s.step);
      assert.equal((have['dead charge'] as any).messages.length, appPayEvents.length);
      assert.deepEqual((await imported.cron.getActiveLocks()).map((l) => [l.jobName, l.instanceId]), [[CRON_JOB, 'instance-a']]);
    } finally {
      await imported.close();
    }
  });

  it('delivers each imported message once, delayed ones after their delay; new emits get new ids; the lock holds until it expires', async () => {
    assert.ok(startedBy - startedFrom < CLOCK_SLACK_MS, 'the clocks of the two nodes are too far apart for the clock steps');
    const imported = appOn([target], 'instance-b');
    const consumer = new Consumer(imported.conn);
    const ids = exportedIds(exported);
    const stateExists = async () => {
      const out: Record<string, boolean> = {};
      for (const [group, key] of appTtlRows) out[`${group} / ${key}`] = await imported.state.exists(group, key);
      return out;
    };
    const allTtl = (v: boolean) => Object.fromEntries(appTtlRows.map(([g, k]) => [`${g} / ${k}`, v]));
    try {
      for (const s of [steps.notify, steps.later, steps.deliver]) await consumer.subscribe(s);

      // Now: the ready messages, each once; the delayed ones wait.
      await waitFor(
        () => consumer.of(steps.notify).length >= filledStats.notify.ready && consumer.of(steps.deliver).length >= filledStats.deliver.ready,
        'the ready messages',
      );
      await untilStats(imported.conn, steps.notify, { ready: 0, delayed: 0, inFlight: 0, dead: 0 }, 'notify acked');
      await untilStats(imported.conn, steps.deliver, { ready: 0, delayed: 0, inFlight: 0, dead: 0 }, 'deliver acked');
      for (const s of [steps.notify, steps.deliver])
        assert.deepEqual(byId(consumer.of(s)), byId(exportedMessages(exported, s)), `the messages of ${s.step}, each once`);
      assert.equal(consumer.of(steps.later).length, 0, 'a delayed message came before its delay');

      // The chosen idempotency key is remembered: the same ids, nothing stored again.
      const again = await imported.conn.request({
        eventEmit: {
          topic: bytes(`${NS}:order.created`),
          event: { data: bytes(JSON.stringify(keyedEvent.data)), traceId: bytes(keyedEvent.traceId), idempotencyKey: bytes(IDEMPOTENCY_KEY) },
        },
      });
      assert.deepEqual((again.emit?.messageIds ?? []).map(text), filled.keyedIds, 'the repeated emit got other ids');
      assert.equal(again.emit?.repeats, 1);

      // New emits: ids of their own, each delivered.
      const fresh = [0, 1, 2].map((i) => ({ traceId: `tr-new-${i}`, data: { fresh: i } }));
      for (const e of fresh) await imported.events.emit({ topic: 'order.created', ...e });
      const notified = filledStats.notify.ready + fresh.length;
      await waitFor(() => consumer.of(steps.notify).length >= notified, 'the new messages');
      await untilStats(imported.conn, steps.notify, { ready: 0, delayed: 0, inFlight: 0, dead: 0 }, 'the new messages acked');
      await untilStats(imported.conn, steps.later, { ...filledStats.later, delayed: filledStats.later.delayed + fresh.length }, 'later');
      const notify = consumer.of(steps.notify);
      assert.equal(notify.length, notified);
      assert.equal(new Set(notify.map((d) => d.messageId)).size, notified, `message ids repeat: ${notify.map((d) => d.messageId)}`);
      const newOnes = notify.filter((d) => d.traceId.startsWith('tr-new-'));
      assert.deepEqual(newOnes.map((d) => d.traceId).sort(), fresh.map((e) => e.traceId));
      for (const d of newOnes) assert.ok(!ids.has(d.messageId), `a new message got the id ${d.messageId} of an imported one`);

      // The lock, held by the instance that took it on the exporting node.
      const other = imported.cron;
      assert.equal(await other.acquireLock(CRON_JOB, LOCK_TTL_MS), null, 'the imported lock was granted to another instance');
      assert.deepEqual(await stateExists(), allTtl(true));

      await imported.conn.request({ advanceClock: { ms: STEP_1_MS } });
      assert.equal(await other.acquireLock(CRON_JOB, LOCK_TTL_MS), null, 'the imported lock was granted before it expired');
      await untilStats(imported.conn, steps.later, { ...filledStats.later, delayed: filledStats.later.delayed + fresh.length }, 'later, still delayed');
      assert.equal(consumer.of(steps.later).length, 0, 'a delayed message came before its delay');

      await imported.conn.request({ advanceClock: { ms: STEP_2_MS } });
      const taken = await other.acquireLock(CRON_JOB, LOCK_TTL_MS);
      assert.ok(taken, 'the imported lock was not granted once expired');
      assert.ok(taken.fencingToken > filled.lock.fencingToken, `fencing token ${taken.fencingToken} after ${filled.lock.fencingToken}`);
      assert.deepEqual((await imported.cron.getActiveLocks()).map((l) => [l.jobName, l.instanceId]), [[CRON_JOB, 'instance-b']]);
      assert.deepEqual(await stateExists(), allTtl(true), 'a TTL key expired early');
      await untilStats(imported.conn, steps.later, { ...filledStats.later, delayed: filledStats.later.delayed + fresh.length }, 'later, still delayed');
      assert.equal(consumer.of(steps.later).length, 0, 'a delayed message came before its delay');

      // Past every delay and TTL.
      await imported.conn.request({ advanceClock: { ms: STEP_3_MS } });
      const later = filledStats.later.delayed + fresh.length;
      await waitFor(() => consumer.of(steps.later).length >= later, 'the delayed messages');
      await untilStats(imported.conn, steps.later, { ready: 0, delayed: 0, inFlight: 0, dead: 0 }, 'the delayed messages acked');
      const delivered = consumer.of(steps.later);
      assert.equal(delivered.length, later);
      assert.equal(new Set(delivered.map((d) => d.messageId)).size, later, 'a delayed message came twice');
      assert.deepEqual(
        byId(delivered.filter((d) => ids.has(d.messageId))),
        byId(exportedMessages(exported, steps.later)),
        'the imported delayed messages, each once',
      );
      assert.deepEqual(
        delivered.filter((d) => !ids.has(d.messageId)).map((d) => d.traceId).sort(),
        fresh.map((e) => e.traceId),
      );
      assert.deepEqual(await stateExists(), allTtl(false), 'a TTL key outlived its TTL');
      // Nothing more came, and the dead letters are where they were.
      assert.equal(consumer.of(steps.notify).length, notified);
      assert.equal(consumer.of(steps.deliver).length, filledStats.deliver.ready);
      assert.deepEqual(await queueStats(imported.conn, NS, steps.charge), filledStats.charge);
    } finally {
      await consumer.close();
      await imported.close();
    }
  });

  describe('refusals on a fresh node', () => {
    let fresh: RunningNode;
    before(async () => {
      fresh = track(await startNode(['--manual-clock']));
    });

    it('refuses a file of another partition count, and writes nothing', async () => {
      const { header, lines } = parse(exported);
      const file = scratchFile('32.ndjson');
      writeFileSync(file, [JSON.stringify({ ...header, partitions: 32 }), ...lines, ''].join('\n'));
      const r = await importNdjson(fresh, file);
      assert.equal(r.code, 2, shown(r));
      assert.notEqual(r.stderr.trim(), '', `no message on stderr; ${shown(r)}`);
      assert.match(r.stderr, /32/, shown(r));
      assertSameBytes(await exportOf(fresh), Buffer.from(`${exported.toString('utf8').split('\n')[0]}\n`), 'the export after the refusal');
    });

    it('reports a malformed line with its line number, counts it, imports the others', async () => {
      const { lines, records } = parse(exported);
      // Two state lines of partitions that hold other records too: the file's
      // lines 1 + i + 1 (the header is line 1).
      const shared = (i: number) => records.filter((r) => r.partition === records[i].partition).length > 1;
      const picked = records.map((r, i) => i).filter((i) => records[i].kind === 'state' && shared(i));
      assert.ok(picked.length >= 2, 'no state lines to spoil');
      const [a, b] = [picked[0], picked.at(-1)!];
      const spoiled = lines.map((l, i) => (i === a ? l.slice(0, Math.floor(l.length / 2)) : i === b ? JSON.stringify({ ...records[i], value: undefined }) : l));
      const file = scratchFile('malformed.ndjson');
      writeFileSync(file, [exported.toString('utf8').split('\n')[0], ...spoiled, ''].join('\n'));
      const r = await importNdjson(fresh, file);
      assert.equal(r.code, 3, shown(r));
      for (const i of [a, b]) assert.match(r.stderr, new RegExp(`(:|line )${i + 2}\\b`), `line ${i + 2} is not named; ${shown(r)}`);
      const kept = Buffer.from([exported.toString('utf8').split('\n')[0], ...lines.filter((_, i) => i !== a && i !== b), ''].join('\n'));
      assert.deepEqual(summaryOf(r), { ...expectedSummary(kept), errors: 2 });
      assertSameBytes(await exportOf(fresh), kept, 'the export after the import with malformed lines');
    });
  });
});

describe('troupe export and import ndjson, three-node clusters', () => {
  let source: RunningNode[];
  let single: RunningNode;
  let cluster: RunningNode[];
  let app: App;
  let exported: Buffer;

  before(async () => {
    [source, single, cluster] = await Promise.all([
      startCluster(3).then(track),
      startNode().then(track),
      startCluster(3).then(track),
    ]);
    app = appOn(source, 'instance-a');
    await fill(app, source);
  });

  after(async () => {
    await app?.close();
  });

  /** The members owning the partitions `file` holds records of, in the cluster `nodes`. */
  async function ownersOf(nodes: RunningNode[], file: Buffer): Promise<Set<string>> {
    const conn = new TroupeConnection({ nodes: nodes.map((n) => n.address) });
    try {
      const owners: string[] = (await conn.request({ clusterStatus: {} })).cluster?.table?.owners ?? [];
      return new Set(parse(file).records.map((r) => owners[r.partition]));
    } finally {
      conn.close();
    }
  }

  it('exports the same records through any member', async () => {
    exported = await exportOf(source[0]);
    const kinds = new Set(parse(exported).records.map((r) => r.kind));
    for (const kind of ['state', 'stream_item', 'subscription', 'message', 'dead_letter', 'emitted', 'lock'])
      assert.ok(kinds.has(kind), `no ${kind} record in the export; kinds: ${[...kinds].join(', ')}`);
    // Not vacuous: the records come from every member.
    assert.deepEqual([...(await ownersOf(source, exported))].sort(), ['n1', 'n2', 'n3']);
    assertSameBytes(await exportOf(source[2]), exported, 'the export through n3');
  });

  it('imports into a single node and into another cluster (through stdin), whose exports are the same bytes', async () => {
    const file = scratchFile('cluster.ndjson');
    writeFileSync(file, exported);
    const one = await importNdjson(single, file);
    assert.equal(one.code, 0, shown(one));
    assert.deepEqual(summaryOf(one), expectedSummary(exported));
    // Through n2, which forwards the chunks of the partitions n1 and n3 own.
    assert.deepEqual([...(await ownersOf(cluster, exported))].sort(), ['n1', 'n2', 'n3']);
    const three = await importNdjson(cluster[1], '-', [], exported);
    assert.equal(three.code, 0, shown(three));
    assert.deepEqual(summaryOf(three), expectedSummary(exported));
    assertSameBytes(await exportOf(single), exported, 'the single node\'s export');
    assertSameBytes(await exportOf(cluster[0]), exported, 'the other cluster\'s export');

    // And it reads there as in the source cluster.
    const there = appOn(cluster, 'instance-c');
    try {
      for (const [group, key, value] of stateKeys) assert.deepEqual(await there.state.get(group, key), value, `${group} / ${key}`);
      for (const [name, s] of Object.entries(steps)) assert.deepEqual(await queueStats(there.conn, NS, s), filledStats[name], s.step);
      assert.deepEqual((await there.cron.getActiveLocks()).map((l) => [l.jobName, l.instanceId]), [[CRON_JOB, 'instance-a']]);
    } finally {
      await there.close();
    }
  });
});
