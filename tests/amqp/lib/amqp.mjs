// Small helpers the scenarios share: connections and channels whose closes
// are recorded instead of thrown, bounded waits, and the normalisation that
// turns what a client saw into a transcript two servers can be compared by.
import { randomBytes } from 'node:crypto';
import amqp from 'amqplib';

/** A random suffix for this run's names; `scrub` replaces it with <id> in the transcript. */
export const uniq = () => randomBytes(5).toString('hex');

/** Every string in `value` with `id` replaced by <id> (deep, JSON-able values). */
export function scrub(value, id) {
  return JSON.parse(JSON.stringify(value).replaceAll(id, '<id>'));
}

/** The wire-visible part of a close error (channel.close / connection.close). */
export function errView(err) {
  if (!err) return null;
  if (err.code === undefined) return { client: err.message };
  return { code: err.code, classId: err.classId ?? null, methodId: err.methodId ?? null };
}

/** Resolves with `promise`'s value, or rejects after `ms` naming `what`. */
export function within(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export const delay = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Calls `probe` until `done(result)` holds or `ms` pass; returns the last
 * result. Only for outcomes the server gives no event for (a TTL running
 * out, an asynchronous requeue or dead-lettering).
 */
export async function pollUntil(probe, done, ms, what, stepMs = 20) {
  const deadline = Date.now() + ms;
  for (;;) {
    const r = await probe();
    if (done(r)) return r;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what} (last: ${JSON.stringify(r)})`);
    await delay(stepMs);
  }
}

/** Follows a channel: `closed` resolves with the server's close (errView) or null for a clean close. */
export function track(ch) {
  let error = null;
  ch.on('error', (e) => {
    error = e;
  });
  ch.closed = new Promise((resolve) => ch.once('close', () => resolve(errView(error))));
  return ch;
}

/** A connection whose errors are recorded; `closed` resolves with the close error (errView) or null. */
export async function connect(url) {
  const conn = await amqp.connect(url);
  let error = null;
  conn.on('error', (e) => {
    error = e;
  });
  conn.closed = new Promise((resolve) => conn.once('close', (e) => resolve(errView(e ?? error))));
  conn.isClosed = false;
  conn.closed.then(() => (conn.isClosed = true));
  return conn;
}

export async function channel(conn) {
  return track(await conn.createChannel());
}

export async function confirmChannel(conn) {
  return track(await conn.createConfirmChannel());
}

/** close() that does not mind a connection or channel that is already gone. */
export async function closeQuietly(thing) {
  try {
    await thing.close();
  } catch {
    // already closed
  }
}

/** Opens a connection, runs fn(conn), always closes it. */
export async function withConnection(url, fn) {
  const conn = await connect(url);
  try {
    return await fn(conn);
  } finally {
    if (!conn.isClosed) await closeQuietly(conn);
  }
}

/** The outcome of an RPC that may fail: 'ok' (or `map(result)`), or the close it caused. */
export async function outcome(promise, map) {
  try {
    const r = await promise;
    return map ? map(r) : 'ok';
  } catch (err) {
    return { failed: errView(err) };
  }
}

/**
 * Runs one operation (an RPC or not) on a fresh channel and reports what its
 * promise said and how the channel ended: a synchronous method (basic.qos)
 * follows it, which the server answers if the channel is still open and
 * never answers if the server closed it, so there is no waiting for a close
 * that does not come. closedWith null: the channel was fine (closed here).
 */
export async function channelFailure(conn, op) {
  const ch = await channel(conn);
  const result = await outcome(Promise.resolve().then(() => op(ch)));
  const follow = await outcome(Promise.resolve().then(() => ch.prefetch(0)));
  if (follow === 'ok') {
    await closeQuietly(ch);
    return { result, closedWith: null };
  }
  return { result, closedWith: await within(ch.closed, 5000, 'the channel to be closed by the server') };
}

/** Publishes on a confirm channel and waits until the server confirmed all. */
export async function publishConfirmed(ch, items) {
  for (const { exchange = '', routingKey, body, options } of items) ch.publish(exchange, routingKey, Buffer.from(body), options ?? {});
  await within(ch.waitForConfirms(), 10000, 'publisher confirms');
}

/** basic.get (noAck) until the queue says empty; the bodies in order. */
export async function drain(ch, queue, view = (m) => m.content.toString()) {
  const out = [];
  for (;;) {
    const m = await ch.get(queue, { noAck: true });
    if (m === false) return out;
    out.push(view(m));
    if (out.length > 10000) throw new Error(`drain ${queue}: runaway`);
  }
}

/** A list that can be awaited until it holds something (event-driven, bounded). */
export function collector() {
  const items = [];
  const waiters = new Set();
  return {
    items,
    push(x) {
      items.push(x);
      for (const w of waiters) w();
    },
    until(pred, ms, what) {
      if (pred(items)) return Promise.resolve(items);
      let check;
      const p = new Promise((resolve) => {
        check = () => {
          if (pred(items)) resolve(items);
        };
        waiters.add(check);
      });
      return within(p, ms, what).finally(() => waiters.delete(check));
    },
    count(n, ms, what) {
      return this.until((xs) => xs.length >= n, ms, what ?? `${n} deliveries`);
    },
  };
}

/** A passive declare's counts, or the close it caused. */
export const counts = (r) => ({ messageCount: r.messageCount, consumerCount: r.consumerCount });

/** Selected message properties, leaving out the undefined ones. */
export function props(m, keys) {
  const out = {};
  for (const k of keys) if (m.properties[k] !== undefined) out[k] = m.properties[k];
  return out;
}

/** Headers with the named keys (or prefixes ending in '*') left out, keys sorted. */
export function headersWithout(headers, drop = []) {
  const out = {};
  for (const k of Object.keys(headers ?? {}).sort()) {
    if (drop.some((d) => (d.endsWith('*') ? k.startsWith(d.slice(0, -1)) : k === d))) continue;
    out[k] = headers[k];
  }
  return out;
}

/** The named fields of every x-death entry. */
export function xDeath(headers, fields) {
  const entries = headers?.['x-death'];
  if (!Array.isArray(entries)) return entries ?? null;
  return entries.map((e) => Object.fromEntries(fields.map((f) => [f, e[f] ?? null])));
}
