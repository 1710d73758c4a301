// troupeAdapters() without connection options takes them from TROUPE_NODES,
// TROUPE_TOKEN and TROUPE_NAMESPACE.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { settingsFromEnv } from '../src/env.js';
import { TroupeConnection, TroupeError, troupeAdapters } from '../src/index.js';
import { freePort, startNode } from './node.js';

describe('settings from the environment', () => {
  it('split TROUPE_NODES on commas; explicit options win; empty counts as unset', () => {
    const env = { TROUPE_NODES: ' a:1, [::1]:2 ,,', TROUPE_TOKEN: 'secret', TROUPE_NAMESPACE: 'app' };
    assert.deepEqual(settingsFromEnv({}, env), { nodes: ['a:1', '[::1]:2'], token: 'secret', namespace: 'app' });
    assert.deepEqual(settingsFromEnv({ nodes: ['b:3'], token: 't', namespace: 'n' }, env), { nodes: ['b:3'], token: 't', namespace: 'n' });
    assert.deepEqual(settingsFromEnv({}, { TROUPE_NODES: '', TROUPE_TOKEN: '', TROUPE_NAMESPACE: '' }), {
      nodes: ['127.0.0.1:7379'],
      token: undefined,
      namespace: undefined,
    });
    assert.deepEqual(settingsFromEnv({}, {}).nodes, ['127.0.0.1:7379']);
  });

  it('troupeAdapters() connects with them', async () => {
    const node = await startNode(['--token', 'env-secret']);
    const saved = { ...process.env };
    try {
      process.env.TROUPE_NODES = `127.0.0.1:${await freePort()},${node.address}`;
      process.env.TROUPE_TOKEN = 'env-secret';
      process.env.TROUPE_NAMESPACE = 'from-env';
      const fromEnv = troupeAdapters();
      await fromEnv.state.set('trace', 'k', 'v');
      // The namespace was applied: the trace is stored as "from-env:trace".
      const raw = new TroupeConnection({ nodes: [node.address], token: 'env-secret' });
      const { names } = await raw.request({ stateTraceIds: {} });
      assert.deepEqual((names?.names ?? []).map((n) => Buffer.from(n).toString()), ['from-env:trace']);
      raw.close();
      // The token was applied: without it the node refuses.
      delete process.env.TROUPE_TOKEN;
      const noToken = troupeAdapters();
      await assert.rejects(noToken.state.get('trace', 'k'), (e: unknown) => e instanceof TroupeError && e.code === 'UNAUTHENTICATED');
      process.env.TROUPE_NODES = 'no-port';
      assert.throws(() => troupeAdapters(), (e: unknown) => e instanceof TroupeError && /"no-port"/.test(e.message));
      await fromEnv.state.cleanup();
    } finally {
      process.env = saved;
      await node.stop();
    }
  });
});
