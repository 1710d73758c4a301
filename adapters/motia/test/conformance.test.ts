// One set of cases run against Motia's own in-memory adapters
// (@motiadev/core 0.17.6-beta.187) and against troupe-motia: any difference
// fails, except the documented divergences (README), which are listed with
// their reason and the behaviour each side must show.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as core from '@motiadev/core';
import { troupeAdapters } from '../src/index.js';
import { startNode, type RunningNode } from './node.js';

type Adapters = { state: any; stream: any; events: any; cron: () => any; poke: (topic: string) => void };

let node: RunningNode;
let run = 0;

function memoryAdapters(): Adapters {
  // Core's memory stream manager gives every handle its own map; one handle
  // stands for the stream here.
  const stream = new (core as any).MemoryStreamAdapterManager().createStream('conf');
  const cronAdapter = new (core as any).DefaultCronAdapter();
  const events = new (core as any).DefaultQueueEventAdapter();
  return {
    state: new (core as any).MemoryStateAdapter(),
    stream,
    events,
    cron: () => cronAdapter,
    // Core's memory queue arms one timer per topic and checks visibility with
    // Date.now(); a timer firing a millisecond early leaves a retry or a
    // delayed message waiting forever. Waiting loops poke it to re-check.
    poke: (topic) => events.queueManager.queueEmitter.emit('process', topic),
  };
}

function troupe(): Adapters {
  const make = () =>
    troupeAdapters({ nodes: [node.address], namespace: `conf${run}`, events: { retryBackoffMs: 10 }, cron: { minHoldMs: 0 } });
  const a = make();
  return { state: a.state, stream: a.streams.createStream('conf'), events: a.events, cron: () => make().cron, poke: () => undefined };
}

const strip = (items: any[]) => items.map(({ _createdAt, ...rest }) => rest);
const byKey = (items: any[]) => [...items].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
const until = async (pred: () => boolean, poke: () => void = () => undefined) => {
  const deadline = Date.now() + 20000;
  while (!pred()) {
    if (Date.now() > deadline) throw new Error('timed out');
    poke();
    await new Promise((r) => setTimeout(r, 5));
  }
};
/**
 * Waits until count() reaches target, or until it has not changed for
 * quietMs (for the side that legitimately never gets there).
 */
const settle = async (count: () => number, target: number, poke: () => void = () => undefined, quietMs = 3000) => {
  let last = count();
  let since = Date.now();
  while (count() < target) {
    poke();
    if (count() !== last) {
      last = count();
      since = Date.now();
    } else if (Date.now() - since > quietMs) {
      return;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
};
const queue = (extra: object = {}) => ({ type: 'standard', maxRetries: 3, visibilityTimeout: 0.01, delaySeconds: 0, ...extra });

interface Case {
  name: string;
  run(a: Adapters): Promise<unknown>;
  /** A documented divergence: what each side must show, and why. */
  differs?: { reason: string; memory: unknown; troupe: unknown };
}

const cases: Case[] = [
  {
    name: 'state: set/get/delete round trip of objects and strings',
    run: async ({ state }) => [
      await state.set('g', 'k', { a: 1 }),
      await state.get('g', 'k'),
      await state.get('g', 'missing'),
      await state.delete('g', 'k'),
      await state.get('g', 'k'),
      await state.set('g', 's', 'text'),
      await state.get('g', 's'),
    ],
  },
  {
    name: 'state: falsy values read back',
    run: async ({ state }) => {
      await state.set('f', 'zero', 0);
      await state.set('f', 'no', false);
      return [await state.get('f', 'zero'), await state.get('f', 'no')];
    },
    differs: { reason: "Motia's memory adapter reads falsy values as null (CONTRACT §1); Troupe matches the Redis adapter", memory: [null, null], troupe: [0, false] },
  },
  {
    name: 'state: getGroup, keys and clear of one group',
    run: async ({ state }) => {
      await state.set('grp', 'x', 1);
      await state.set('grp', 'y', { z: 2 });
      const group = byKey(await state.getGroup('grp'));
      await state.clear('grp');
      return [group, await state.getGroup('grp')];
    },
  },
  {
    name: 'state: getGroup does not see groups sharing a prefix',
    run: async ({ state }) => {
      await state.set('pre', 'k', 1);
      await state.set('prefix', 'k', 2);
      return byKey(await state.getGroup('pre'));
    },
    differs: { reason: "Motia's memory adapter matches groups by prefix (CONTRACT §1); Troupe matches exactly", memory: [1, 2], troupe: [1] },
  },
  {
    name: 'state: items with filters (all operations)',
    run: async ({ state }) => {
      await state.set('it', 'a', { n: 5, s: 'hello', t: null });
      await state.set('it', 'b', { n: 15, s: 'world' });
      const ops = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'contains', 'notContains', 'startsWith', 'endsWith', 'isNotNull', 'isNull'];
      const out: Record<string, string[]> = {};
      for (const op of ops)
        for (const [valueKey, value] of [['n', '10'], ['s', 'wor'], ['t', '']] as const)
          out[`${op}:${valueKey}`] = await state
            .items({ groupId: 'it', filter: [{ valueKey, operation: op, value }] })
            .then((items: any[]) => items.map((i) => i.key).sort())
            .catch(() => ['(throws)']);
      return out;
    },
    differs: {
      reason:
        "the memory adapter has its own filter code (truthiness guards; `contains` on a number throws); Troupe evaluates filters as Motia's Redis adapter does (CONTRACT §1), value for value",
      memory: undefined,
      troupe: {
        'eq:n': [], 'eq:s': [], 'eq:t': [],
        'neq:n': ['a', 'b'], 'neq:s': ['a', 'b'], 'neq:t': ['a', 'b'],
        'gt:n': ['b'], 'gt:s': ['b'], 'gt:t': [],
        'gte:n': ['b'], 'gte:s': ['b'], 'gte:t': ['a'],
        'lt:n': ['a'], 'lt:s': ['a'], 'lt:t': [],
        'lte:n': ['a'], 'lte:s': ['a'], 'lte:t': ['a'],
        'contains:n': [], 'contains:s': ['b'], 'contains:t': [],
        'notContains:n': [], 'notContains:s': ['a'], 'notContains:t': [],
        'startsWith:n': [], 'startsWith:s': ['b'], 'startsWith:t': [],
        'endsWith:n': [], 'endsWith:s': [], 'endsWith:t': [],
        'isNotNull:n': ['a', 'b'], 'isNotNull:s': ['a', 'b'], 'isNotNull:t': [],
        'isNull:n': [], 'isNull:s': [], 'isNull:t': ['a', 'b'],
      },
    },
  },
  {
    name: 'streams: set/get/getGroup/delete items',
    run: async ({ stream }) => {
      const a = await stream.set('sg', 'a', { v: 1 });
      await stream.set('sg', 'b', { v: 2 });
      const got = await stream.get('sg', 'a');
      const group = strip(await stream.getGroup('sg'));
      const deleted = await stream.delete('sg', 'a');
      return [strip([a])[0], strip([got])[0], group, strip([deleted])[0], await stream.get('sg', 'a'), await stream.delete('sg', 'zz')];
    },
  },
  {
    name: 'streams: _createdAt on items',
    run: async ({ stream }) => typeof (await stream.set('ca', 'a', { v: 1 }))._createdAt,
    differs: { reason: "the memory adapter adds no _createdAt; Troupe keeps the Redis adapter's item shape", memory: 'undefined', troupe: 'number' },
  },
  {
    name: 'streams: subscribers see create/update/delete',
    run: async ({ stream }) => {
      const seen: string[] = [];
      await stream.subscribe({ groupId: 'ev' }, (e: any) => void seen.push(e.type));
      await stream.set('ev', 'a', { v: 1 });
      await stream.set('ev', 'a', { v: 2 });
      await stream.delete('ev', 'a');
      await settle(() => seen.length, 3);
      return seen;
    },
    differs: { reason: "the base StreamAdapter's subscribe does nothing (CONTRACT §2); Troupe delivers every change", memory: [], troupe: ['create', 'update', 'delete'] },
  },
  {
    name: 'events: fan-out to every subscribed step',
    run: async ({ events, poke }) => {
      const got: string[] = [];
      const topic = `fan${run}`;
      await events.subscribe(topic, 'one', async (e: any) => void got.push(`one:${e.data.n}`), queue());
      await events.subscribe(topic, 'two', async (e: any) => void got.push(`two:${e.data.n}`), queue());
      await events.emit({ topic, data: { n: 1 }, traceId: 't' });
      await until(() => got.length === 2, () => poke(topic));
      return got.sort();
    },
  },
  {
    name: 'events: a handler that fails once is retried and succeeds',
    run: async ({ events, poke }) => {
      let calls = 0;
      let done = false;
      const topic = `retry${run}`;
      await events.subscribe(topic, 'step', async () => {
        if (++calls === 1) throw new Error('once');
        done = true;
      }, queue());
      await events.emit({ topic, data: {}, traceId: 't' });
      await until(() => done, () => poke(topic));
      return calls;
    },
  },
  {
    name: 'events: attempts of an always-failing handler with maxRetries 2',
    run: async ({ events, poke }) => {
      let calls = 0;
      const topic = `dead${run}`;
      await events.subscribe(topic, 'step', async () => {
        calls++;
        throw new Error('always');
      }, queue({ maxRetries: 2 }));
      await events.emit({ topic, data: {}, traceId: 't' });
      await settle(() => calls, 3, () => poke(topic));
      return calls;
    },
    differs: { reason: 'maxRetries counts retries after the first attempt in Troupe (what BullMQ gives motia start users); the memory queue counts attempts', memory: 2, troupe: 3 },
  },
  {
    name: 'events: fifo keeps order per message group',
    run: async ({ events, poke }) => {
      const got: string[] = [];
      const topic = `fifo${run}`;
      await events.subscribe(topic, 'step', async (e: any) => void got.push(e.data), queue({ type: 'fifo' }));
      for (let i = 0; i < 4; i++) for (const g of ['a', 'b']) await events.emit({ topic, data: `${g}${i}`, traceId: 't', messageGroupId: g });
      await until(() => got.length === 8, () => poke(topic));
      return ['a', 'b'].map((g) => got.filter((x) => x.startsWith(g)));
    },
  },
  {
    name: 'events: a delayed event is delivered',
    run: async ({ events, poke }) => {
      let got: unknown;
      const topic = `delay${run}`;
      await events.subscribe(topic, 'step', async (e: any) => void (got = e.data), queue({ delaySeconds: 0.05 }));
      await events.emit({ topic, data: 'later', traceId: 't' });
      await until(() => got !== undefined, () => poke(topic));
      return got;
    },
  },
  {
    name: 'cron: a second instance cannot take a held lock',
    run: async ({ cron }) => {
      const a = cron();
      const b = cron();
      const lock = await a.acquireLock(`job${run}`, 60000);
      const second = await b.acquireLock(`job${run}`, 60000);
      return [lock !== null, second !== null];
    },
    differs: { reason: "Motia's memory cron adapter always grants (no exclusivity, CONTRACT §4)", memory: [true, true], troupe: [true, false] },
  },
  {
    name: 'cron: release then acquire again',
    run: async ({ cron }) => {
      const a = cron();
      const lock = await a.acquireLock(`rel${run}`, 60000);
      await a.releaseLock(lock);
      return (await a.acquireLock(`rel${run}`, 60000)) !== null;
    },
  },
];

before(async () => {
  node = await startNode();
});

after(async () => {
  await node.stop();
});

describe('conformance with Motia in-memory adapters', () => {
  for (const c of cases)
    it(c.name, async () => {
      run++;
      const memory = await c.run(memoryAdapters());
      run++;
      const ours = await c.run(troupe());
      if (!c.differs) return assert.deepEqual(ours, memory);
      if (c.differs.memory !== undefined) assert.deepEqual(memory, c.differs.memory, `memory: ${c.differs.reason}`);
      if (c.differs.troupe !== undefined) assert.deepEqual(ours, c.differs.troupe, `troupe: ${c.differs.reason}`);
    });
});
