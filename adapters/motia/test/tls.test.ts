// TLS to nodes started with --tls-cert/--tls-key (and --tls-ca): the
// adapters work unchanged over it (state, streams, events, a node restart,
// owner routing in a cluster); an untrusted certificate, a node without TLS
// and a missing or unknown client certificate fail the connect at once with
// an error naming TLS; the tls option and TROUPE_CLIENT_TLS* are checked.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { settingsFromEnv } from '../src/env.js';
import { Namespace, TroupeConnection, TroupeError, TroupeStateAdapter, troupeAdapters } from '../src/index.js';
import { startCluster, startNode, type RunningNode } from './node.js';

const certDir = mkdtempSync(path.join(os.tmpdir(), 'troupe-motia-tls-'));
/** A self-signed certificate for 127.0.0.1: server certificate, CA and client certificate at once. */
function makeCert(name: string, subject: string, san?: string) {
  const key = path.join(certDir, `${name}-key.pem`);
  const cert = path.join(certDir, `${name}.pem`);
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', subject, ...(san ? ['-addext', `subjectAltName=${san}`] : []), '-keyout', key, '-out', cert],
    { stdio: 'ignore' },
  );
  return { key, cert, keyPem: readFileSync(key), certPem: readFileSync(cert) };
}
const good = makeCert('node', '/CN=127.0.0.1', 'IP:127.0.0.1');
const other = makeCert('other', '/CN=other');
const serverFlags = ['--tls-cert', good.cert, '--tls-key', good.key];
const trusted = { ca: good.certPem };

after(() => rmSync(certDir, { recursive: true, force: true }));

const tlsRefusal = (pattern: RegExp) => (e: unknown) => {
  assert.ok(e instanceof TroupeError, `not a TroupeError: ${e}`);
  assert.equal(e.code, 'UNAVAILABLE');
  assert.match(e.message, /cannot reach any node: .*TLS/);
  assert.match(e.message, pattern);
  return true;
};

/** Fails at once: long timeouts, so the error comes from the handshake, not from waiting. */
async function refused(conn: TroupeConnection, pattern: RegExp) {
  const started = Date.now();
  try {
    await assert.rejects(conn.request({ ping: {} }), tlsRefusal(pattern));
    assert.ok(Date.now() - started < 20000, 'the error waited for a timeout');
  } finally {
    conn.close();
  }
}

const waitFor = async (pred: () => boolean, what: string) => {
  const deadline = Date.now() + 20000;
  while (!pred()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setImmediate(r));
  }
};

describe('over TLS', () => {
  let node: RunningNode;
  let adapters: ReturnType<typeof troupeAdapters>;
  before(async () => {
    node = await startNode(serverFlags, { durability: 'os' });
    adapters = troupeAdapters({ nodes: [node.address], tls: trusted, namespace: 'tls', events: { retryBackoffMs: 0 } });
  });
  after(async () => {
    await adapters.events.shutdown();
    await adapters.state.cleanup();
    await node.stop();
  });

  it('state set and get', async () => {
    const { state } = adapters;
    assert.deepEqual(await state.set('t', 'order', { total: 10 }), { total: 10 });
    assert.deepEqual(await state.get('t', 'order'), { total: 10 });
    // Big values cross many TLS records and frames intact.
    const big = 'x'.repeat(3 << 20);
    await state.set('t', 'big', big);
    assert.equal(await state.get('t', 'big'), big);
    assert.deepEqual(await state.keys('t'), ['big', 'order']);
    await state.clear('t');
  });

  it('stream changes pushed to a subscriber', async () => {
    const s = adapters.streams.createStream<{ v: number }>('live');
    const seen: { type: string; data: any }[] = [];
    await s.subscribe({ groupId: 'g' }, (e) => void seen.push(e as any));
    await s.set('g', 'x', { v: 1 });
    await s.set('g', 'x', { v: 2 });
    await s.delete('g', 'x');
    await waitFor(() => seen.length === 3, 'three stream events');
    assert.deepEqual(seen.map((e) => e.type), ['create', 'update', 'delete']);
    assert.equal(seen[1].data.v, 2);
    await s.unsubscribe({ groupId: 'g' });
  });

  it('events emitted and delivered', async () => {
    const got: unknown[] = [];
    const h = await adapters.events.subscribe('tls.topic', 'step', async (e: any) => void got.push(e.data), {
      type: 'standard', maxRetries: 3, visibilityTimeout: 30, delaySeconds: 0,
    });
    for (let i = 0; i < 20; i++) await adapters.events.emit({ topic: 'tls.topic', data: i, traceId: 't' });
    await waitFor(() => got.length === 20, '20 events');
    assert.deepEqual([...got].sort((a, b) => Number(a) - Number(b)), [...Array(20).keys()]);
    await h.unsubscribe();
  });

  it('an untrusted certificate fails the connect, naming TLS', async () => {
    const opts = { nodes: [node.address], requestTimeoutMs: 120000, connectTimeoutMs: 60000 };
    await refused(new TroupeConnection({ ...opts, tls: true }), /TLS handshake failed: the node's certificate is not trusted .*SELF_SIGNED/);
    await refused(new TroupeConnection({ ...opts, tls: { ca: other.certPem } }), /the node's certificate is not trusted/);
    // Trusted, but for another name.
    await refused(new TroupeConnection({ ...opts, tls: { ...trusted, servername: 'troupe.example' } }), /not trusted .*ERR_TLS_CERT_ALTNAME_INVALID/);
    // Through the adapters too.
    const a = troupeAdapters({ nodes: [node.address], tls: true });
    await assert.rejects(a.state.get('t', 'k'), tlsRefusal(/not trusted/));
    // rejectUnauthorized: false accepts it (encrypted, not authenticated).
    const insecure = new TroupeConnection({ nodes: [node.address], tls: { rejectUnauthorized: false } });
    assert.ok((await insecure.request({ ping: {} })).pong);
    insecure.close();
  });

  it('plain TCP to a TLS node, and TLS to a plain node, are named', async () => {
    const plainClient = new TroupeConnection({ nodes: [node.address], requestTimeoutMs: 120000, connectTimeoutMs: 60000 });
    const started = Date.now();
    await assert.rejects(plainClient.request({ ping: {} }), (e: unknown) => e instanceof TroupeError && /speaks only TLS: see the tls option/.test(e.message));
    assert.ok(Date.now() - started < 20000, 'the error waited for a timeout');
    plainClient.close();
    const plainNode = await startNode();
    try {
      await refused(
        new TroupeConnection({ nodes: [plainNode.address], tls: trusted, requestTimeoutMs: 120000, connectTimeoutMs: 60000 }),
        /TLS handshake failed: the node does not speak TLS/,
      );
    } finally {
      await plainNode.stop();
    }
  });

  it('rides through a node restart: consumers resubscribed, nothing lost', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'troupe-tls-restart-'));
    const first = await startNode(serverFlags, { durability: 'fsync', dataDir });
    let current: RunningNode = first;
    const a = troupeAdapters({ nodes: [first.address], tls: trusted, events: { retryBackoffMs: 0 } });
    try {
      const got = new Set<number>();
      await a.events.subscribe('restart.topic', 'step', async (e: any) => void got.add(e.data), {
        type: 'standard', maxRetries: 3, visibilityTimeout: 30, delaySeconds: 0,
      });
      const emits: Promise<void>[] = [];
      for (let i = 0; i < 100; i++) {
        emits.push(a.events.emit({ topic: 'restart.topic', data: i, traceId: 't' }));
        if (i === 50) {
          await first.stop();
          current = await startNode(serverFlags, { durability: 'fsync', dataDir, listen: first.address });
        }
      }
      await Promise.all(emits);
      await waitFor(() => got.size === 100, 'all 100 events after the restart');
      assert.deepEqual(await a.state.set('after', 'k', 1), 1);
    } finally {
      await a.events.shutdown();
      await a.state.cleanup();
      await current.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('client certificates (--tls-ca)', () => {
  let node: RunningNode;
  before(async () => {
    node = await startNode([...serverFlags, '--tls-ca', good.cert], { durability: 'os' });
  });
  after(() => node.stop());

  it('without one the connect fails, naming TLS; with one it succeeds', async () => {
    const opts = { nodes: [node.address], requestTimeoutMs: 120000, connectTimeoutMs: 60000 };
    await refused(new TroupeConnection({ ...opts, tls: trusted }), /TLS handshake failed: the node requires a client certificate/);
    await refused(
      new TroupeConnection({ ...opts, tls: { ...trusted, cert: other.certPem, key: other.keyPem } }),
      /TLS handshake failed: the node refused our client certificate/,
    );
    const conn = new TroupeConnection({ ...opts, tls: { ...trusted, cert: good.certPem, key: good.keyPem } });
    try {
      const state = new TroupeStateAdapter(conn, new Namespace(undefined));
      await state.set('t', 'k', 'v');
      assert.equal(await state.get('t', 'k'), 'v');
      await state.clear('t');
    } finally {
      conn.close();
    }
  });

  it('from TROUPE_CLIENT_TLS_CA, _CERT and _KEY (file paths)', async () => {
    const env = { TROUPE_NODES: node.address, TROUPE_CLIENT_TLS_CA: good.cert, TROUPE_CLIENT_TLS_CERT: good.cert, TROUPE_CLIENT_TLS_KEY: good.key };
    const saved = { ...process.env };
    try {
      Object.assign(process.env, env);
      const a = troupeAdapters();
      await a.state.set('env', 'k', 1);
      assert.equal(await a.state.get('env', 'k'), 1);
      await a.state.cleanup();
      delete process.env.TROUPE_CLIENT_TLS_CERT;
      delete process.env.TROUPE_CLIENT_TLS_KEY;
      const noCert = troupeAdapters();
      await assert.rejects(noCert.state.get('env', 'k'), tlsRefusal(/requires a client certificate/));
    } finally {
      process.env = saved;
    }
  });
});

describe('TLS in a cluster', () => {
  let nodes: RunningNode[];
  before(async () => {
    nodes = await startCluster(2, { extra: serverFlags, tls: trusted, durability: 'os' });
  });
  after(() => Promise.all(nodes.map((n) => n.stop())));

  it('owner connections speak TLS too', async () => {
    const conn = new TroupeConnection({ nodes: [nodes[0].address], tls: trusted });
    try {
      const state = new TroupeStateAdapter(conn, new Namespace('tls-cluster'));
      const forwarded = async () => Number((await conn.request({ stats: {} })).stats?.forwarded ?? 0);
      const owners: string[] = (await conn.request({ clusterStatus: {} })).cluster?.table?.owners ?? [];
      assert.ok(owners.includes('n2'), `node 2 owns no partition: ${owners}`);
      const before = await forwarded();
      for (let i = 0; i < 50; i++) await state.set(`trace-${i}`, 'k', { i });
      for (let i = 0; i < 50; i++) assert.deepEqual(await state.get(`trace-${i}`, 'k'), { i });
      // Straight to each partition's owner (node 2 owns some): node 1 forwarded nothing.
      assert.equal(await forwarded(), before);
      for (let i = 0; i < 50; i++) await state.clear(`trace-${i}`);
    } finally {
      conn.close();
    }
  });
});

describe('the tls option and its variables', () => {
  const bad = (pattern: RegExp) => (e: unknown) => e instanceof TroupeError && e.code === 'INVALID_ARGUMENT' && pattern.test(e.message);
  it('are checked at construction, naming what is wrong', () => {
    const nodes = ['127.0.0.1:7379'];
    assert.throws(() => new TroupeConnection({ nodes, tls: { ca: good.cert } }), bad(/tls\.ca ".*node\.pem" is not PEM: give the file's contents/));
    assert.throws(() => new TroupeConnection({ nodes, tls: { cert: good.certPem } }), bad(/tls\.cert and tls\.key go together/));
    assert.throws(() => new TroupeConnection({ nodes, tls: { cafile: 'x' } as any }), bad(/unknown setting "cafile"/));
    assert.throws(() => new TroupeConnection({ nodes, tls: 'yes' as any }), bad(/expected true, false or an object/));
    assert.doesNotThrow(() => new TroupeConnection({ nodes, tls: { ca: [good.certPem, other.certPem.toString()] } }).close());
  });

  it('come from TROUPE_CLIENT_TLS*, the option winning', () => {
    assert.equal(settingsFromEnv({}, {}).tls, undefined);
    assert.equal(settingsFromEnv({}, { TROUPE_CLIENT_TLS: '1' }).tls, true);
    assert.equal(settingsFromEnv({}, { TROUPE_CLIENT_TLS: 'false', TROUPE_CLIENT_TLS_CA: good.cert }).tls, false);
    assert.equal(settingsFromEnv({}, { TROUPE_CLIENT_TLS: '', TROUPE_CLIENT_TLS_CA: '' }).tls, undefined);
    assert.deepEqual(settingsFromEnv({}, { TROUPE_CLIENT_TLS_CA: good.cert, TROUPE_CLIENT_TLS_SERVERNAME: 'n1' }).tls, { ca: good.certPem, servername: 'n1' });
    assert.equal(settingsFromEnv({ tls: false }, { TROUPE_CLIENT_TLS_CA: '/nonexistent' }).tls, false);
    assert.throws(() => settingsFromEnv({}, { TROUPE_CLIENT_TLS_CA: '/nonexistent/ca.pem' }), bad(/cannot read TROUPE_CLIENT_TLS_CA "\/nonexistent\/ca\.pem": ENOENT/));
    assert.throws(() => settingsFromEnv({}, { TROUPE_CLIENT_TLS: 'maybe' }), bad(/bad TROUPE_CLIENT_TLS "maybe"/));
    // troupe-node's own variables (its certificate) are not the client's.
    assert.equal(settingsFromEnv({}, { TROUPE_TLS_CERT: good.cert, TROUPE_TLS_KEY: good.key }).tls, undefined);
  });
});
