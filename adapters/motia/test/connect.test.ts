// Connecting: malformed addresses are refused at construction, naming them;
// an unreachable cluster is reported as soon as every node has refused,
// with each address and its socket error; IPv6 addresses in brackets work;
// once connected, a lost connection is re-established with jittered backoff.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseAddress } from '../src/address.js';
import { Backoff } from '../src/backoff.js';
import { TroupeConnection, TroupeError, TroupeOfflineError } from '../src/index.js';
import { freePort, startNode } from './node.js';

const troupeError = (code: string, pattern: RegExp) => (e: unknown) => {
  assert.ok(e instanceof TroupeError, `not a TroupeError: ${e}`);
  assert.equal(e.code, code);
  assert.match(e.message, pattern);
  return true;
};

/** Whether this machine can listen on ::1. */
async function hasIPv6Loopback(): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(0, '::1', () => server.close(() => resolve(true)));
  });
}

/** Pings `node` through a connection listing `nodes`, then stops the node. */
async function pingThenStop(nodes: string[], node: { stop(): Promise<void> }) {
  const conn = new TroupeConnection({ nodes });
  try {
    assert.ok((await conn.request({ ping: {} })).pong);
  } finally {
    conn.close();
    await node.stop();
  }
}

describe('node addresses', () => {
  it('are refused at construction when malformed, naming the address', () => {
    const cases: [unknown, RegExp][] = [
      [[], /at least one/],
      [undefined, /at least one/],
      [['host'], /"host": no port/],
      [['127.0.0.1:70000'], /"127\.0\.0\.1:70000": the port 70000 is out of range/],
      [['127.0.0.1:0'], /the port 0 is out of range/],
      [['127.0.0.1:http'], /the port "http" is not a number/],
      [[':7379'], /":7379": no host/],
      [['::1:7379'], /IPv6 address goes in brackets/],
      [['[::1]'], /"\[::1\]": no port/],
      [['[not-v6]:7379'], /is not an IPv6 address/],
      [['127.0.0.1:7379', 'second'], /"second": no port/],
    ];
    for (const [nodes, pattern] of cases)
      assert.throws(() => new TroupeConnection({ nodes: nodes as string[] }), troupeError('INVALID_ARGUMENT', pattern));
  });

  it('take host:port and [IPv6]:port', () => {
    assert.deepEqual(parseAddress('db-1.example:7379'), { host: 'db-1.example', port: 7379, text: 'db-1.example:7379' });
    assert.deepEqual(parseAddress(' [::1]:65535 '), { host: '::1', port: 65535, text: '[::1]:65535' });
  });
});

describe('an unreachable cluster', () => {
  it('fails the first connect once every node refused, naming each address and its error', async () => {
    const closed = await freePort();  // free a moment ago: nothing listens there
    const nodes = [`127.0.0.1:${closed}`, 'troupe-test.invalid:7379'];
    // A long request timeout: the error must come from the refusals, not from it.
    const conn = new TroupeConnection({ nodes, requestTimeoutMs: 120000 });
    const started = Date.now();
    await assert.rejects(
      conn.request({ ping: {} }),
      troupeError('UNAVAILABLE', new RegExp(`127\\.0\\.0\\.1:${closed} \\(ECONNREFUSED\\), troupe-test\\.invalid:7379 \\((ENOTFOUND|EAI_AGAIN)\\)`)),
    );
    assert.ok(Date.now() - started < 60000, 'the error waited for the request timeout');
    conn.close();
  });

  it('names a node that accepts the connection but never welcomes', async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((s) => void sockets.add(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const address = `127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
    const conn = new TroupeConnection({ nodes: [address], connectTimeoutMs: 200 });
    try {
      await assert.rejects(conn.request({ ping: {} }), troupeError('UNAVAILABLE', new RegExp(`${address} \\(no Welcome within 200 ms\\)`)));
    } finally {
      conn.close();
      for (const s of sockets) s.destroy();
      await new Promise((r) => silent.close(r));
    }
  });

  it('goes on to the next node when one refuses', async () => {
    const node = await startNode();
    await pingThenStop([`127.0.0.1:${await freePort()}`, node.address], node);
  });
});

describe('IPv6', () => {
  it('connects to [::1]:port', async (t) => {
    if (!(await hasIPv6Loopback())) return t.skip('this machine has no IPv6 loopback (::1)');
    const node = await startNode([], { listen: '[::1]:0' });
    const port = node.address.slice(node.address.lastIndexOf(':') + 1);
    await pingThenStop([`[::1]:${port}`], node);
  });
});

describe('a connection that was established', () => {
  it('keeps reconnecting while its node is away, and comes back with it', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'troupe-reconnect-'));
    let node = await startNode([], { dataDir });
    const conn = new TroupeConnection({ nodes: [node.address], requestTimeoutMs: 1000 });
    let reconnects = 0;
    conn.onReconnect(async () => void reconnects++);
    try {
      assert.ok((await conn.request({ ping: {} })).pong);
      await node.stop();
      // Requests wait for the reconnect (up to their timeout) instead of
      // failing at the first refusal; the error says what the node answered.
      const deadline = Date.now() + 30000;
      for (;;) {
        const started = Date.now();
        const err = await conn.request({ ping: {} }).then(() => undefined, (e: unknown) => e);
        assert.ok(err instanceof TroupeError && err.code === 'UNAVAILABLE', `expected UNAVAILABLE, got ${err}`);
        if (/ECONNREFUSED/.test(err.message)) {
          assert.ok(Date.now() - started >= 900, `failed after ${Date.now() - started} ms, before its timeout`);
          break;
        }
        assert.ok(Date.now() < deadline, `never saw the refusal: ${err.message}`);
      }
      node = await startNode([], { dataDir, listen: node.address });
      for (;;) {
        const ok = await conn.request({ ping: {} }).then(() => true, () => false);
        if (ok) break;
        assert.ok(Date.now() < deadline, 'did not reconnect to the restarted node');
      }
      assert.equal(reconnects, 1);
    } finally {
      conn.close();
      await node.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('holds requests made while it reconnects, bounded in number and time', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'troupe-offline-'));
    let node = await startNode([], { dataDir });
    let running = true;
    const conn = new TroupeConnection({ nodes: [node.address], offlineQueue: { limit: 5, maxWaitMs: 2000 } });
    const key = (i: number) => ({ traceId: Buffer.from('offline'), key: Buffer.from(`k${i}`) });
    const down = async () => {
      await node.stop();
      running = false;
      const deadline = Date.now() + 10000;
      while (conn.connected) {
        assert.ok(Date.now() < deadline, 'never saw the connection drop');
        await new Promise((r) => setTimeout(r, 5));  // polling an outcome, with a deadline
      }
    };
    try {
      assert.ok((await conn.request({ ping: {} })).pong);
      await down();
      // Five requests wait for the node; a sixth fails at once.
      const queued = [0, 1, 2, 3, 4].map((i) => conn.request({ stateSet: { ...key(i), value: Buffer.from(String(i)) } }));
      assert.equal(conn.waiting, 5);
      await assert.rejects(conn.request({ ping: {} }), (e: unknown) => {
        assert.ok(e instanceof TroupeOfflineError, `not a TroupeOfflineError: ${e}`);
        assert.equal(e.code, 'UNAVAILABLE');
        assert.equal(e.reason, 'full');
        assert.match(e.message, /offline queue full: 5 requests already wait for a node/);
        return true;
      });
      // The node comes back: the waiting requests go, in order, and succeed.
      node = await startNode([], { dataDir, listen: node.address });
      running = true;
      await Promise.all(queued);
      assert.equal(conn.waiting, 0);
      for (let i = 0; i < 5; i++) assert.equal(Buffer.from((await conn.request({ stateGet: key(i) })).value!.value!).toString(), String(i));
      // Away for longer than a request may wait: it fails then, naming the node's error.
      await down();
      const started = Date.now();
      await assert.rejects(conn.request({ ping: {} }), (e: unknown) => {
        assert.ok(e instanceof TroupeOfflineError, `not a TroupeOfflineError: ${e}`);
        assert.equal(e.reason, 'timeout');
        assert.match(e.message, new RegExp(`offline queue wait over: no node for 2000 ms: ${node.address.replace(/\./g, '\\.')} \\(ECONNREFUSED\\)`));
        return true;
      });
      assert.ok(Date.now() - started >= 1900, `failed after ${Date.now() - started} ms`);
    } finally {
      conn.close();
      if (running) await node.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('waits with full jitter, the ceiling doubling from 50 ms to 2 s', () => {
    let draw = 0.999;
    const backoff = new Backoff(50, 2000, () => draw);
    assert.deepEqual(Array.from({ length: 8 }, () => backoff.next()), [49, 99, 199, 399, 799, 1598, 1998, 1998]);
    draw = 0.5;
    assert.equal(backoff.next(), 1000);
    draw = 0;
    assert.equal(backoff.next(), 0);
    backoff.reset();
    draw = 0.5;
    assert.equal(backoff.next(), 25);
  });
});
