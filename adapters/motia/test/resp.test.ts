// Troupe's RESP front door against a real redis-server, in the same run:
// the clients Motia's stack uses (node-redis v5 in RESP2 and RESP3, ioredis)
// and Motia's own Redis state and stream adapters run the same operations on
// both, and every result must be equal. A difference is a failing case.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { RedisStateAdapter } from '@motiadev/adapter-redis-state';
import { RedisStreamAdapterManager } from '@motiadev/adapter-redis-streams';
import { Redis as IORedis } from 'ioredis';
import { createClient } from 'redis';

import { startNode, startRedis, type RunningNode, type RunningRedis } from './node.js';

type AnyClient = any; // node-redis and ioredis clients, driven alike

let troupe: RunningNode;
let redis: RunningRedis;

function hostPort(address: string): { host: string; port: number } {
  const i = address.lastIndexOf(':');
  return { host: address.slice(0, i), port: Number(address.slice(i + 1)) };
}

/** Runs fn and returns its result, or the error's message. */
async function attempt<T>(fn: () => Promise<T>): Promise<T | string> {
  try {
    return await fn();
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

async function nodeRedisPair(resp: 2 | 3) {
  const t = createClient({ RESP: resp, socket: hostPort(troupe.resp!) });
  const r = createClient({ RESP: resp, socket: { host: redis.host, port: redis.port } });
  await Promise.all([t.connect(), r.connect()]);
  return { t, r, close: () => Promise.all([t.quit(), r.quit()]) };
}

async function ioredisPair() {
  const t = new IORedis({ ...hostPort(troupe.resp!), lazyConnect: true, maxRetriesPerRequest: 1 });
  const r = new IORedis({ host: redis.host, port: redis.port, lazyConnect: true, maxRetriesPerRequest: 1 });
  await Promise.all([t.connect(), r.connect()]);
  return { t, r, close: () => Promise.all([t.quit(), r.quit()]) };
}

/** The same scenario on both servers (each flushed first); results equal. */
async function same(t: AnyClient, r: AnyClient, scenario: (c: AnyClient) => Promise<unknown>) {
  await Promise.all([t.flushDb ? t.flushDb() : t.flushdb(), r.flushDb ? r.flushDb() : r.flushdb()]);
  const onTroupe = await attempt(() => scenario(t));
  const onRedis = await attempt(() => scenario(r));
  assert.deepEqual(onTroupe, onRedis);
  return onTroupe;
}

before(async () => {
  troupe = await startNode([], { resp: true });
  redis = await startRedis();
});

after(async () => {
  await troupe?.stop();
  await redis?.stop();
});

// node-redis v5 scenarios: every command of the front door.
const nodeRedisScenarios: Record<string, (c: AnyClient) => Promise<unknown>> = {
  'strings': async (c) => [
    await c.set('s', 'v'),
    await c.get('s'),
    await c.get('missing'),
    await c.set('s', 'w', { condition: 'NX' }),
    await c.set('s', 'w', { condition: 'XX', GET: true }),
    await c.setNX('s', 'x'),
    await c.setNX('t', 'x'),
    await c.getSet('t', 'y'),
    await c.getDel('t'),
    await c.getDel('t'),
    await c.mSet({ a: '1', b: '2', c: '3' }),
    await c.mGet(['a', 'nope', 'b', 'c']),
    await c.append('a', 'xyz'),
    await c.strLen('a'),
    await c.strLen('nope'),
    await c.incr('n'),
    await c.incrBy('n', 10),
    await c.decr('n'),
    await c.decrBy('n', 3),
    await c.type('s'),
    await c.type('nope'),
  ],
  'keys and expiry': async (c) => [
    await c.set('e', 'v', { expiration: { type: 'EX', value: 100 } }),
    await c.ttl('e'),
    (await c.pTTL('e')) > 99_000,
    await c.set('e', 'w', { expiration: 'KEEPTTL' }),
    await c.ttl('e'),
    await c.setEx('x', 50, 'v'),
    await c.ttl('x'),
    await c.pSetEx('y', 5000, 'v'),
    await c.ttl('y'),
    await c.expire('s', 10),
    await c.set('s', 'v'),
    await c.ttl('s'),
    await c.expire('s', 10),
    await c.expire('s', 20, 'NX'),
    await c.expire('s', 20, 'GT'),
    await c.ttl('s'),
    await c.pExpire('s', 30_000),
    await c.persist('s'),
    await c.persist('s'),
    await c.ttl('s'),
    await c.ttl('none'),
    await c.pExpire('s', -1),
    await c.exists(['s', 'e', 'e', 'x']),
    await c.del(['e', 'x', 'none']),
    await c.unlink('y'),
    await c.dbSize(),
  ],
  'hashes': async (c) => [
    await c.hSet('h', { a: '1', b: '2' }),
    await c.hSet('h', 'a', '10'),
    await c.hSetNX('h', 'a', 'x'),
    await c.hSetNX('h', 'c', '3'),
    await c.hGet('h', 'a'),
    await c.hGet('h', 'zz'),
    await c.hGetAll('h'),
    await c.hGetAll('nope'),
    await c.hExists('h', 'b'),
    await c.hmGet('h', ['a', 'zz', 'c']),
    await c.hLen('h'),
    (await c.hKeys('h')).sort(),
    (await c.hVals('h')).sort(),
    await c.hIncrBy('h', 'b', 5),
    await c.hIncrBy('h', 'new', -2),
    await c.hDel('h', ['a', 'zz']),
    await c.hDel('h', ['b', 'c', 'new']),
    await c.exists('h'),
  ],
  'errors': async (c) => {
    await c.set('s', 'v');
    await c.hSet('h', 'f', 'v');
    const results = [];
    for (const cmd of [
      ['GET', 'h'],
      ['HGET', 's', 'f'],
      ['INCR', 's'],
      ['HINCRBY', 'h', 'f', '1'],
      ['GET'],
      ['SET', 'k', 'v', 'NX', 'XX'],
      ['SET', 'k', 'v', 'EX', '0'],
      ['EXPIRE', 'k', '1', 'NX', 'XX'],
      ['NOSUCHCOMMAND', 'a'],
    ])
      results.push(await attempt(() => c.sendCommand(cmd)));
    results.push(await c.get('s'), await c.hGet('h', 'f'));
    return results;
  },
  'connection': async (c) => [
    await c.ping(),
    await c.ping('hi'),
    await c.echo('e'),
    await c.select(0),
    await c.clientSetName('motia'),
    await c.clientGetName(),
  ],
  'scan over 10,000 keys': async (c) => {
    for (let batch = 0; batch < 10; batch++) {
      const pairs: Record<string, string> = {};
      for (let i = 0; i < 1000; i++) pairs[`${i % 3 ? 'motia:state:' : 'motia:logs:'}${batch * 1000 + i}`] = 'v';
      await c.mSet(pairs);
    }
    const scanAll = async (match: string) => {
      const seen: string[] = [];
      let cursor = '0';
      do {
        const r = await c.scan(cursor, { MATCH: match, COUNT: 100 });
        cursor = String(r.cursor);
        seen.push(...r.keys);
      } while (cursor !== '0');
      return seen;
    };
    const all = await scanAll('*');
    const state = await scanAll('motia:state:*');
    assert.equal(new Set(all).size, all.length, 'SCAN returned a key twice');
    return [all.length, state.length, all.sort(), (await c.keys('motia:logs:99*')).sort(), await c.dbSize()];
  },
};

for (const resp of [2, 3] as const) {
  describe(`node-redis v5, RESP${resp}: Troupe answers as redis-server does`, () => {
    let pair: Awaited<ReturnType<typeof nodeRedisPair>>;
    before(async () => {
      pair = await nodeRedisPair(resp);
    });
    after(async () => {
      await pair.close();
    });
    for (const [name, scenario] of Object.entries(nodeRedisScenarios))
      test(name, async () => {
        await same(pair.t, pair.r, scenario);
      });

    test('pub/sub across two connections', async () => {
      const received = async (c: AnyClient) => {
        const sub = c.duplicate();
        await sub.connect();
        const got: string[] = [];
        let done!: () => void;
        const all = new Promise<void>((resolve) => (done = resolve));
        await sub.subscribe('motia:stream:events:todo:g', (msg: string, ch: string) => {
          got.push(`${ch}=${msg}`);
          if (got.length === 3) done();
        });
        await sub.pSubscribe('motia:stream:events:*', (msg: string, ch: string) => {
          got.push(`p:${ch}=${msg}`);
          if (got.length === 3) done();
        });
        const counts = [
          await c.publish('motia:stream:events:todo:g', 'one'),
          await c.publish('motia:stream:events:other', 'two'),
          await c.publish('unrelated', 'three'),
        ];
        await all;
        // (node-redis 5.9 never resolves unsubscribe() without names, on any server.)
        await sub.unsubscribe('motia:stream:events:todo:g');
        await sub.pUnsubscribe('motia:stream:events:*');
        const after = await c.publish('motia:stream:events:todo:g', 'gone');
        await sub.quit();
        return { counts, got: got.sort(), after };
      };
      const onTroupe = await received(pair.t);
      const onRedis = await received(pair.r);
      assert.deepEqual(onTroupe, onRedis);
    });
  });
}

describe('ioredis: Troupe answers as redis-server does', () => {
  let pair: Awaited<ReturnType<typeof ioredisPair>>;
  before(async () => {
    pair = await ioredisPair();
  });
  after(async () => {
    await pair.close();
  });

  test('commands and pipelines', async () => {
    await same(pair.t, pair.r, async (c: IORedis) => [
      await c.set('k', 'v', 'EX', 100),
      await c.get('k'),
      await c.ttl('k'),
      await c.hset('h', 'a', '1', 'b', '2'),
      await c.hgetall('h'),
      await c.hincrby('h', 'a', 2),
      await c.incr('n'),
      await c.mget('k', 'n', 'zz'),
      await c.pipeline().set('p1', '1').incr('p1').get('p1').hget('h', 'a').del('p1').exec(),
      await c.del('k', 'h', 'n'),
      await attempt(() => c.hget('k', 'x')),
      await c.set('w', 'v'),
      await attempt(() => c.hget('w', 'x')),
    ]);
  });

  test('scanStream visits every key once', async () => {
    await same(pair.t, pair.r, async (c: IORedis) => {
      const pipe = c.pipeline();
      for (let i = 0; i < 2000; i++) pipe.set(`bull:${i}`, String(i));
      await pipe.exec();
      const keys: string[] = [];
      await new Promise<void>((resolve, reject) => {
        c.scanStream({ match: 'bull:*', count: 100 })
          .on('data', (batch: string[]) => keys.push(...batch))
          .on('end', resolve)
          .on('error', reject);
      });
      assert.equal(new Set(keys).size, keys.length);
      return keys.sort();
    });
  });

  test('pub/sub', async () => {
    const run = async (c: IORedis) => {
      const sub = c.duplicate();
      const message = new Promise<string[]>((resolve) =>
        sub.on('message', (ch: string, msg: string) => resolve([ch, msg])),
      );
      await sub.subscribe('jobs');
      const count = await c.publish('jobs', 'payload');
      const got = await message;
      sub.disconnect();
      return [count, got];
    };
    assert.deepEqual(await run(pair.t), await run(pair.r));
  });
});

describe("Motia's Redis adapters (0.17) on Troupe and on redis-server", () => {
  let pair: Awaited<ReturnType<typeof nodeRedisPair>>;
  before(async () => {
    pair = await nodeRedisPair(2);
  });
  after(async () => {
    await pair.close();
  });

  test('@motiadev/adapter-redis-state', async () => {
    await same(pair.t, pair.r, async (c) => {
      const state = new RedisStateAdapter(c);
      const byKey = (a: any, b: any) => `${a.groupId}:${a.key}`.localeCompare(`${b.groupId}:${b.key}`);
      const out: unknown[] = [
        await state.set('trace-1', 'user', { name: 'Ada', age: 36 }),
        await state.set('trace-1', 'list', [1, 2, 3]),
        await state.set('trace-1', 'flag', false),
        await state.set('trace-2', 'note', 'text'),
        await state.get('trace-1', 'user'),
        await state.get('trace-1', 'missing'),
        (await state.getGroup('trace-1')).map((v) => JSON.stringify(v)).sort(),
        (await state.keys('trace-1')).sort(),
        (await state.traceIds()).sort(),
        (await state.items({ groupId: 'trace-1' })).sort(byKey),
        (await state.items({ filter: [{ valueKey: 'age', operation: 'gte', value: 30 as any }] })).sort(byKey),
        await state.delete('trace-1', 'list'),
        (await state.keys('trace-1')).sort(),
      ];
      await state.clear('trace-2');
      out.push((await state.traceIds()).sort(), await state.getGroup('trace-2'));
      return out;
    });
  });

  test('@motiadev/adapter-redis-streams', async () => {
    await same(pair.t, pair.r, async (c) => {
      const streams = new RedisStreamAdapterManager(c);
      const todo = streams.createStream('todo');
      const events: unknown[] = [];
      let seen!: () => void;
      const both = new Promise<void>((resolve) => (seen = resolve));
      // The adapter publishes set/delete on the item's channel only.
      await todo.subscribe({ groupId: 'inbox', id: 't1' }, async (event: unknown) => {
        events.push(event);
        if (events.length === 2) seen();
      });
      const out: unknown[] = [
        await todo.set('inbox', 't1', { title: 'write', done: false, _createdAt: 1 } as any),
        await todo.set('inbox', 't2', { title: 'test', done: true, _createdAt: 2 } as any),
        await todo.set('inbox', 't1', { title: 'write more', done: false, _createdAt: 1 } as any),
        await todo.get('inbox', 't1'),
        await todo.get('inbox', 'nope'),
        await todo.getGroup('inbox'),
        await todo.query('inbox', { where: { done: true } } as any),
        await todo.query('inbox', { orderBy: 'title', orderDirection: 'desc', limit: 1 } as any),
      ];
      await both;
      out.push(
        await todo.delete('inbox', 't2'),
        await todo.getGroup('inbox'),
      );
      await todo.unsubscribe({ groupId: 'inbox', id: 't1' });
      await todo.clear('inbox');
      out.push(await todo.getGroup('inbox'), events);
      // The adapter opens its own subscriber connection; close it.
      await (todo as any).subClient?.quit();
      return out;
    });
  });
});
