// TroupeStateAdapter's extensions beyond Motia's interface, against a real
// node: exists, getMany, getVersioned, atomic setMany, and set's expiry and
// compare-and-set.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { troupeAdapters, TroupeError } from '../src/index.js';
import { startNode, type RunningNode } from './node.js';

let node: RunningNode;
let adapters: ReturnType<typeof troupeAdapters>;

before(async () => {
  node = await startNode();
  adapters = troupeAdapters({ nodes: [node.address], namespace: 'ext' });
});

after(async () => {
  await adapters.state.cleanup();
  await node.stop();
});

const conflict = (e: unknown) => e instanceof TroupeError && e.code === 'CONFLICT';

describe('state extensions', () => {
  it('exists and getMany', async () => {
    const { state } = adapters;
    await state.set('t-many', 'a', { n: 1 });
    await state.set('t-many', 'zero', 0);
    assert.equal(await state.exists('t-many', 'a'), true);
    assert.equal(await state.exists('t-many', 'zero'), true);
    assert.equal(await state.exists('t-many', 'missing'), false);
    assert.equal(await state.exists('other-trace', 'a'), false);
    assert.deepEqual(await state.getMany('t-many', ['zero', 'missing', 'a']), [0, null, { n: 1 }]);
    assert.deepEqual(await state.getMany('t-many', []), []);
  });

  it('set with expectedRevision is compare-and-set', async () => {
    const { state } = adapters;
    assert.equal(await state.getVersioned('t-cas', 'k'), null);
    await state.set('t-cas', 'k', 'first', { expectedRevision: 0 });  // 0: only if absent
    await assert.rejects(state.set('t-cas', 'k', 'again', { expectedRevision: 0 }), conflict);
    const v1 = await state.getVersioned<string>('t-cas', 'k');
    assert.equal(v1?.value, 'first');
    assert.ok(v1!.revision > 0);
    assert.equal(v1!.expiresAt, undefined);
    await state.set('t-cas', 'k', 'second', { expectedRevision: v1!.revision });
    const v2 = await state.getVersioned<string>('t-cas', 'k');
    assert.equal(v2?.value, 'second');
    assert.ok(v2!.revision > v1!.revision);
    // A writer still holding the first revision loses.
    await assert.rejects(state.set('t-cas', 'k', 'stale', { expectedRevision: v1!.revision }), conflict);
    assert.equal(await state.get('t-cas', 'k'), 'second');
    await assert.rejects(
      state.set('t-cas', 'k', 'x', { expectedRevision: -1 }),
      (e: unknown) => e instanceof TroupeError && e.code === 'INVALID_ARGUMENT',
    );
  });

  it('setMany writes all entries or none', async () => {
    const { state } = adapters;
    const [ra, rb] = await state.setMany('t-batch', [
      { key: 'a', value: 1 },
      { key: 'b', value: [2], expectedRevision: 0 },
    ]);
    assert.ok(ra > 0 && rb > 0);
    assert.deepEqual(await state.getMany('t-batch', ['a', 'b']), [1, [2]]);
    assert.equal((await state.getVersioned('t-batch', 'b'))?.revision, rb);
    // One stale expectation fails the whole batch: 'a' and 'c' stay as they were.
    await assert.rejects(
      state.setMany('t-batch', [
        { key: 'a', value: 10, expectedRevision: ra },
        { key: 'c', value: 30 },
        { key: 'b', value: 20, expectedRevision: rb + 1000 },
      ]),
      conflict,
    );
    assert.deepEqual(await state.getMany('t-batch', ['a', 'b', 'c']), [1, [2], null]);
    const revisions = await state.setMany('t-batch', [
      { key: 'a', value: 10, expectedRevision: ra },
      { key: 'b', value: 20, expectedRevision: rb },
    ]);
    assert.equal(revisions.length, 2);
    assert.deepEqual(await state.getMany('t-batch', ['a', 'b']), [10, 20]);
    await assert.rejects(
      state.setMany('t-batch', [{ key: 'bad', value: undefined }]),
      (e: unknown) => e instanceof TroupeError && e.code === 'INVALID_ARGUMENT',
    );
  });

  it('set and setMany with ttlMs expire', async () => {
    const { state } = adapters;
    const before = Date.now();
    await state.set('t-ttl', 'short', 'gone soon', { ttlMs: 300 });
    await state.setMany('t-ttl', [{ key: 'm1', value: 1 }, { key: 'm2', value: 2 }], { ttlMs: 300 });
    await state.set('t-ttl', 'kept', 'stays');
    const v = await state.getVersioned('t-ttl', 'short');
    // The value may already be gone on a slow machine; if read, it carries its expiry.
    if (v) assert.ok(v.expiresAt! >= before + 300 && v.expiresAt! <= Date.now() + 300, `expiresAt ${v.expiresAt}`);
    const deadline = Date.now() + 20000;
    while ((await state.getMany('t-ttl', ['short', 'm1', 'm2'])).some((x) => x !== null)) {
      assert.ok(Date.now() < deadline, 'the values never expired');
      await new Promise((r) => setTimeout(r, 50));  // polling an outcome, with a deadline
    }
    assert.equal(await state.exists('t-ttl', 'short'), false);
    assert.deepEqual(await state.keys('t-ttl'), ['kept']);
  });
});
