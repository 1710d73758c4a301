// The scenarios: each `async (url) => transcript` runs one AMQP 0-9-1
// conversation with amqplib and returns what the client observed as plain
// JSON (bodies as strings, chosen properties and headers, redelivered flags,
// counts, the codes of channel and connection closes). Names carry a random
// suffix, replaced by <id> in the transcript; what legitimately differs
// between servers (consumer tags, timestamps, x-death's time, the random
// part of server-chosen queue names) is left out.
//
// Ordering the scenarios rely on: frames on one channel take effect in
// order (an ack or a publish on a channel is in effect for a later
// synchronous method on that same channel); across channels only publisher
// confirms, awaited deliveries or a bounded poll are used.
import {
  channel,
  channelFailure,
  collector,
  confirmChannel,
  connect,
  counts,
  closeQuietly,
  drain,
  headersWithout,
  outcome,
  pollUntil,
  props,
  publishConfirmed,
  scrub,
  uniq,
  withConnection,
  within,
  xDeath,
} from './amqp.mjs';

const WAIT = 10000; // bound on any awaited delivery or close
const buf = (s) => Buffer.from(s);
const sorted = (xs) => [...xs].sort();

// 1. The iii engine's topic path (Motia 1.x, RabbitMQ adapter): a durable
// fanout exchange per topic, per subscribing function a durable queue and a
// durable DLQ; failed handling is nack(requeue=false) plus a republish
// through the default exchange with x-iii-attempts + 1, and after the last
// attempt a JSON record on the DLQ.
export async function iiiTopic(url) {
  const u = uniq();
  const topic = `orders-${u}`;
  const ns = 'default';
  const exchange = `iii.${topic}.exchange`;
  const fns = ['fnA', 'fnB'];
  const queueOf = (fn) => `iii.${topic}.${fn}@${ns}.queue`;
  const dlqOf = (fn) => `iii.${topic}.${fn}@${ns}.dlq`;
  const maxAttempts = 3;
  // A job fails for a function while its attempt is below failUntil[fn].
  const jobs = [
    { job: 'job-0', failUntil: {} },
    { job: 'job-1', failUntil: { fnA: 2 } },
    { job: 'job-2', failUntil: {} },
    { job: 'job-3', failUntil: { fnA: 99, fnB: 99 } },
    { job: 'job-4', failUntil: { fnB: 3 } },
  ];

  return withConnection(url, async (conn) => {
    const setup = await channel(conn);
    const declared = {};
    declared.exchange = await outcome(setup.assertExchange(exchange, 'fanout', { durable: true }), (r) => r.exchange);
    for (const fn of fns) {
      declared[fn] = {
        queue: await setup.assertQueue(queueOf(fn), { durable: true }).then((r) => ({ queue: r.queue, ...counts(r) })),
        dlq: await setup.assertQueue(dlqOf(fn), { durable: true }).then((r) => ({ queue: r.queue, ...counts(r) })),
        bind: await outcome(setup.bindQueue(queueOf(fn), exchange, '')),
      };
    }

    // Everything published (and confirmed) before anyone consumes, so each
    // queue's order is the publish order followed by the republishes.
    const pub = await confirmChannel(conn);
    await publishConfirmed(
      pub,
      jobs.map((j, i) => ({
        exchange,
        routingKey: '',
        body: JSON.stringify({ job: j.job, data: { n: i }, failUntil: j.failUntil }),
        options: {
          persistent: true,
          contentType: 'application/json',
          headers: {
            'x-iii-job-id': j.job,
            'x-iii-attempts': 1,
            'x-iii-max-attempts': maxAttempts,
            'x-iii-created-at': '2025-01-01T00:00:00.000Z',
          },
        },
      })),
    );

    const handled = {};
    const consumers = {};
    for (const fn of fns) {
      const ch = await channel(conn);
      await ch.prefetch(10);
      const log = collector();
      const finished = collector(); // one entry per job that reached its end
      handled[fn] = log.items;
      consumers[fn] = { ch, finished };
      await ch.consume(
        queueOf(fn),
        (msg) => {
          const body = JSON.parse(msg.content.toString());
          const h = msg.properties.headers ?? {};
          const attempts = h['x-iii-attempts'];
          log.push({
            body: msg.content.toString(),
            attempts,
            redelivered: msg.fields.redelivered,
            exchange: msg.fields.exchange,
            routingKey: msg.fields.routingKey,
            ...props(msg, ['contentType', 'deliveryMode']),
            headers: headersWithout(h),
          });
          if (attempts >= (body.failUntil[fn] ?? 0)) {
            ch.ack(msg);
            finished.push(body.job);
            return;
          }
          ch.nack(msg, false, false);
          if (attempts < maxAttempts) {
            ch.sendToQueue(queueOf(fn), msg.content, {
              persistent: true,
              contentType: 'application/json',
              headers: { ...h, 'x-iii-attempts': attempts + 1 },
            });
          } else {
            ch.sendToQueue(
              dlqOf(fn),
              buf(JSON.stringify({ job: body, error: `${fn} failed`, exhausted_at: new Date().toISOString() })),
              { persistent: true, contentType: 'application/json' },
            );
            finished.push(body.job);
          }
        },
        { noAck: false },
      );
    }
    for (const fn of fns) await consumers[fn].finished.count(jobs.length, WAIT, `${fn} to finish every job`);

    // Counts and the DLQ read on each consumer's own channel, after its
    // acks and publishes (same-channel order), consumers still attached.
    const after = {};
    const dlq = {};
    for (const fn of fns) {
      const { ch } = consumers[fn];
      after[fn] = {
        queue: counts(await ch.checkQueue(queueOf(fn))),
        dlq: counts(await ch.checkQueue(dlqOf(fn))),
      };
      dlq[fn] = [];
      for (;;) {
        const m = await ch.get(dlqOf(fn), { noAck: false });
        if (m === false) break;
        const rec = JSON.parse(m.content.toString());
        dlq[fn].push({
          body: { ...rec, exhausted_at: typeof rec.exhausted_at },
          messageCount: m.fields.messageCount,
          redelivered: m.fields.redelivered,
          exchange: m.fields.exchange,
          routingKey: m.fields.routingKey,
          ...props(m, ['contentType', 'deliveryMode']),
        });
        ch.ack(m);
      }
      after[fn].dlqAfterRead = counts(await ch.checkQueue(dlqOf(fn)));
    }
    const exchangeCheck = await outcome(setup.checkExchange(exchange));
    return scrub({ declared, handled, after, dlq, exchangeCheck }, u);
  });
}

// 2. The iii engine's function-queue path: direct exchanges for the queue,
// its retry and its DLQ; the main queue dead-letters to the DLQ exchange,
// the retry queue holds messages for a TTL and dead-letters them back to the
// main exchange.
export async function iiiFunctionQueue(url) {
  const u = uniq();
  const name = `jobs-${u}`;
  const mainEx = `iii.__fn_queue::${name}`;
  const retryEx = `${mainEx}::retry`;
  const dlqEx = `${mainEx}::dlq`;
  const mainQ = `${mainEx}.queue`;
  const retryQ = `${retryEx}.queue`;
  const dlqQ = `${dlqEx}.queue`;
  const ttl = 300;

  return withConnection(url, async (conn) => {
    const setup = await channel(conn);
    for (const ex of [mainEx, retryEx, dlqEx]) await setup.assertExchange(ex, 'direct', { durable: true });
    await setup.assertQueue(mainQ, {
      durable: true,
      arguments: { 'x-dead-letter-exchange': dlqEx, 'x-dead-letter-routing-key': dlqQ },
    });
    await setup.assertQueue(retryQ, {
      durable: true,
      arguments: { 'x-message-ttl': ttl, 'x-dead-letter-exchange': mainEx, 'x-dead-letter-routing-key': mainQ },
    });
    await setup.assertQueue(dlqQ, { durable: true });
    await setup.bindQueue(mainQ, mainEx, mainQ);
    await setup.bindQueue(retryQ, retryEx, retryQ);
    await setup.bindQueue(dlqQ, dlqEx, dlqQ);

    const headersFor = (attempt) => ({
      function_id: 'orders::process',
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      baggage: 'tenant=acme,user=42',
      namespace: 'default',
      'x-attempt': attempt,
    });
    const original = ['baggage', 'function_id', 'namespace', 'traceparent', 'x-attempt'];

    const consumer = await channel(conn);
    await consumer.prefetch(10);
    const got = collector();
    await consumer.consume(
      mainQ,
      (msg) => {
        got.push({ msg, at: Date.now() });
        // The first message fails for good, whatever comes back through the retry queue succeeds.
        if (msg.properties.messageId === 'msg-1') consumer.nack(msg, false, false);
        else consumer.ack(msg);
      },
      { noAck: false },
    );
    const pub = await confirmChannel(conn);

    // (a) nack(requeue=false) on the main queue: dead-lettered to the DLQ.
    await publishConfirmed(pub, [
      {
        exchange: mainEx,
        routingKey: mainQ,
        body: JSON.stringify({ order: 1 }),
        options: { persistent: true, contentType: 'application/json', messageId: 'msg-1', headers: headersFor(0) },
      },
    ]);
    await got.count(1, WAIT, 'the message on the main queue');
    const first = got.items[0].msg;
    const delivered = {
      body: first.content.toString(),
      redelivered: first.fields.redelivered,
      exchange: first.fields.exchange,
      routingKey: first.fields.routingKey,
      ...props(first, ['messageId', 'contentType', 'deliveryMode']),
      headers: headersWithout(first.properties.headers),
    };
    // Dead-lettering happens behind the nack: a bounded poll of the DLQ.
    const dead = await pollUntil(() => pub.get(dlqQ, { noAck: false }), (m) => m !== false, WAIT, 'the dead-lettered message');
    const deadLettered = {
      body: dead.content.toString(),
      redelivered: dead.fields.redelivered,
      exchange: dead.fields.exchange,
      routingKey: dead.fields.routingKey,
      messageCount: dead.fields.messageCount,
      ...props(dead, ['messageId', 'contentType', 'deliveryMode']),
      headers: Object.fromEntries(original.map((k) => [k, dead.properties.headers?.[k] ?? null])),
      xDeath: xDeath(dead.properties.headers, ['count', 'reason', 'queue', 'exchange', 'routing-keys']),
    };
    pub.ack(dead);

    // (b) Through the retry exchange: back on the main queue after the TTL.
    const sent = Date.now();
    await publishConfirmed(pub, [
      {
        exchange: retryEx,
        routingKey: retryQ,
        body: JSON.stringify({ order: 2 }),
        options: { persistent: true, contentType: 'application/json', messageId: 'msg-2', headers: headersFor(1) },
      },
    ]);
    await got.count(2, WAIT, 'the retried message back on the main queue');
    const { msg: back, at } = got.items[1];
    const retried = {
      body: back.content.toString(),
      redelivered: back.fields.redelivered,
      exchange: back.fields.exchange,
      routingKey: back.fields.routingKey,
      ...props(back, ['messageId', 'contentType', 'deliveryMode']),
      // x-last-death-* only exist from RabbitMQ 3.13 on.
      headers: headersWithout(back.properties.headers, ['x-death', 'x-last-death-*']),
      xDeath: xDeath(back.properties.headers, ['count', 'reason', 'queue']),
      // Not before the TTL (less a margin for timer granularity).
      heldForTtl: at - sent >= ttl - 50,
    };

    // Both acks/nacks are in effect for a method on the consumer's channel.
    const left = {};
    for (const q of [mainQ, retryQ, dlqQ]) left[q] = counts(await consumer.checkQueue(q));
    return scrub({ delivered, deadLettered, retried, left }, u);
  });
}

// 3. basic.get: empty, redelivery after nack(requeue), message counts, delivery tags.
export async function basicGet(url) {
  const u = uniq();
  const q = `get-${u}`;
  return withConnection(url, async (conn) => {
    const ch = await confirmChannel(conn);
    const other = await channel(conn);
    const out = {};
    const view = (m) =>
      m === false
        ? false
        : {
            body: m.content.toString(),
            redelivered: m.fields.redelivered,
            deliveryTag: m.fields.deliveryTag,
            messageCount: m.fields.messageCount,
            exchange: m.fields.exchange,
            routingKey: m.fields.routingKey,
          };
    out.declare = counts(await ch.assertQueue(q, { durable: false }));
    out.empty = view(await ch.get(q, { noAck: false }));
    await publishConfirmed(ch, [
      { routingKey: q, body: 'one' },
      { routingKey: q, body: 'two' },
    ]);
    const g1 = await ch.get(q, { noAck: false });
    out.first = view(g1);
    // Does a passive declare count the message held unacked? (on another channel)
    out.whileUnacked = counts(await other.checkQueue(q));
    ch.nack(g1, false, true);
    const g2 = await ch.get(q, { noAck: false });
    out.afterRequeue = view(g2);
    ch.ack(g2);
    const g3 = await ch.get(q, { noAck: false });
    out.second = view(g3);
    ch.ack(g3);
    out.drained = view(await ch.get(q, { noAck: false }));
    out.afterAcks = counts(await ch.checkQueue(q));
    // noAck get: nothing to settle afterwards.
    await publishConfirmed(ch, [{ routingKey: q, body: 'three' }]);
    out.noAck = view(await ch.get(q, { noAck: true }));
    out.end = counts(await ch.checkQueue(q));
    return scrub(out, u);
  });
}

// 4. Passive declares: counts before and with a consumer, unacked messages,
// a missing queue and a missing exchange.
export async function passiveDeclare(url) {
  const u = uniq();
  const q = `counts-${u}`;
  return withConnection(url, async (conn) => {
    const out = {};
    const ch = await confirmChannel(conn);
    out.declare = counts(await ch.assertQueue(q));
    await publishConfirmed(ch, ['a', 'b', 'c'].map((body) => ({ routingKey: q, body })));
    out.beforeConsume = counts(await ch.checkQueue(q));
    out.redeclare = counts(await ch.assertQueue(q));

    const cons = await channel(conn);
    await cons.prefetch(1);
    const got = collector();
    const { consumerTag } = await cons.consume(q, (m) => got.push(m), { noAck: false });
    await got.count(1, WAIT);
    out.withConsumer = counts(await ch.checkQueue(q)); // one delivered, unacked
    await cons.cancel(consumerTag);
    out.afterCancel = counts(await ch.checkQueue(q)); // still unacked on the cancelled channel
    await cons.close();
    // Closing the channel requeues its unacked message, asynchronously.
    out.afterChannelClose = await pollUntil(
      async () => counts(await ch.checkQueue(q)),
      (c) => c.messageCount === 3,
      WAIT,
      'the unacked message to be requeued',
    );
    out.missingQueue = await channelFailure(conn, (c) => c.checkQueue(`missing-${u}`));
    out.missingExchange = await channelFailure(conn, (c) => c.checkExchange(`missing-${u}`));
    out.defaultExchange = await outcome(ch.checkExchange(''));
    out.connectionOpen = !conn.isClosed;
    return scrub(out, u);
  });
}

// 5. prefetch(1): deliveries in publish order, never two unacked at once.
export async function prefetchOne(url) {
  const u = uniq();
  const q = `fifo-${u}`;
  const n = 20;
  return withConnection(url, async (conn) => {
    const pub = await confirmChannel(conn);
    await pub.assertQueue(q, { durable: true });
    await publishConfirmed(
      pub,
      Array.from({ length: n }, (_, i) => ({ routingKey: q, body: `m${String(i).padStart(2, '0')}`, options: { persistent: true } })),
    );
    const ch = await channel(conn);
    await ch.prefetch(1);
    let inFlight = 0;
    let maxInFlight = 0;
    const got = collector();
    await ch.consume(
      q,
      async (m) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        got.push({ body: m.content.toString(), redelivered: m.fields.redelivered });
        await Promise.resolve();
        // A macrotask too, so a delivery the server sent early would reach us while this one is held.
        await new Promise((r) => setImmediate(r));
        inFlight--;
        ch.ack(m);
      },
      { noAck: false },
    );
    await got.count(n, WAIT);
    const left = counts(await ch.checkQueue(q));
    return scrub({ received: got.items, maxInFlight, left }, u);
  });
}

// 6. Publisher confirms: 50 publishes with callbacks, all acked, then consumed.
export async function publisherConfirms(url) {
  const u = uniq();
  const q = `confirms-${u}`;
  const n = 50;
  return withConnection(url, async (conn) => {
    const ch = await confirmChannel(conn);
    await ch.assertQueue(q, { durable: true });
    const results = new Array(n).fill('none');
    for (let i = 0; i < n; i++) {
      ch.publish('', q, buf(`c${i}`), { persistent: true }, (err) => {
        results[i] = err ? 'nack' : 'ack';
      });
    }
    const waited = await outcome(within(ch.waitForConfirms(), WAIT, 'waitForConfirms'));
    const tally = {};
    for (const r of results) tally[r] = (tally[r] ?? 0) + 1;
    const afterConfirms = counts(await ch.checkQueue(q));
    const cons = await channel(conn);
    const got = collector();
    await cons.consume(q, (m) => got.push({ body: m.content.toString(), redelivered: m.fields.redelivered }), { noAck: true });
    await got.count(n, WAIT);
    return scrub({ waited, tally, afterConfirms, consumed: got.items }, u);
  });
}

// 7. Channel errors, each on a fresh channel; the connection stays usable.
// One connection error (an unknown exchange type) on a connection of its own.
export async function channelErrors(url) {
  const u = uniq();
  const out = {};
  await withConnection(url, async (conn) => {
    out.publishToMissingExchange = await channelFailure(conn, (c) => {
      c.publish(`missing-${u}`, 'rk', buf('x'));
    });

    const ex = `typed-${u}`;
    const setup = await channel(conn);
    out.declareDirect = await outcome(setup.assertExchange(ex, 'direct', { durable: false }));
    out.redeclareSame = await outcome(setup.assertExchange(ex, 'direct', { durable: false }));
    out.redeclareOtherType = await channelFailure(conn, (c) => c.assertExchange(ex, 'fanout', { durable: false }));
    out.redeclareOtherDurability = await channelFailure(conn, (c) => c.assertExchange(ex, 'direct', { durable: true }));

    out.ackUnknownTag = await channelFailure(conn, (c) => {
      c.ack({ fields: { deliveryTag: 99 } });
    });
    out.nackUnknownTag = await channelFailure(conn, (c) => {
      c.nack({ fields: { deliveryTag: 7 } }, false, true);
    });
    // An ack of a tag that was acked already.
    out.doubleAck = await channelFailure(conn, async (c) => {
      const q = `twice-${u}`;
      await c.assertQueue(q, { durable: false });
      c.sendToQueue(q, buf('x'));
      const m = await pollUntil(() => c.get(q, { noAck: false }), (r) => r !== false, WAIT, 'the message');
      c.ack(m);
      c.ack(m);
    });

    const pq = `prio-${u}`;
    out.declarePriority = await outcome(setup.assertQueue(pq, { durable: false, arguments: { 'x-max-priority': 10 } }), counts);
    out.redeclarePrioritySame = await outcome(setup.assertQueue(pq, { durable: false, arguments: { 'x-max-priority': 10 } }), counts);
    out.redeclarePriorityOther = await channelFailure(conn, (c) =>
      c.assertQueue(pq, { durable: false, arguments: { 'x-max-priority': 5 } }),
    );
    out.redeclarePriorityNone = await channelFailure(conn, (c) => c.assertQueue(pq, { durable: false }));
    out.redeclareQueueDurable = await channelFailure(conn, (c) =>
      c.assertQueue(pq, { durable: true, arguments: { 'x-max-priority': 10 } }),
    );

    // Still usable: a new channel declares, publishes and gets.
    const ok = await confirmChannel(conn);
    const q = `after-${u}`;
    await ok.assertQueue(q, { durable: false });
    await publishConfirmed(ok, [{ routingKey: q, body: 'still here' }]);
    out.afterErrors = await drain(ok, q);
    out.connectionOpen = !conn.isClosed;
  });

  // A connection error: an exchange type the server does not know.
  const conn = await connect(url);
  try {
    const ch = await channel(conn);
    const result = await outcome(ch.assertExchange(`weird-${u}`, 'x-no-such-type'));
    // Opening another channel works only if the connection survived.
    const stillOpen = (await outcome(conn.createChannel())) === 'ok';
    out.unknownExchangeType = {
      result,
      connectionClosedWith: stillOpen ? null : await within(conn.closed, 5000, 'the connection to be closed'),
    };
  } finally {
    if (!conn.isClosed) await closeQuietly(conn);
  }
  return scrub(out, u);
}

// 8. Topic and direct routing; unroutable messages are dropped.
export async function routing(url) {
  const u = uniq();
  return withConnection(url, async (conn) => {
    const ch = await confirmChannel(conn);
    const topic = `topic-${u}`;
    await ch.assertExchange(topic, 'topic', { durable: false });
    const tq = {
      star: ['a.*'],
      hash: ['a.#'],
      endZ: ['#.z'],
      exact: ['b.c'],
      both: ['a.*', '*.z'], // two bindings, one copy per message
    };
    for (const [name, keys] of Object.entries(tq)) {
      await ch.assertQueue(`${topic}.${name}`, { durable: false });
      for (const k of keys) await ch.bindQueue(`${topic}.${name}`, topic, k);
    }
    const topicKeys = ['a', 'a.b', 'a.b.c', 'a.z', 'b.c', 'b.c.z', 'x.y.z', 'z', 'q.r', '', 'b', 'a.b.z'];
    await publishConfirmed(ch, topicKeys.map((k) => ({ exchange: topic, routingKey: k, body: `t:${k}` })));
    const topicGot = {};
    for (const name of Object.keys(tq)) topicGot[name] = sorted(await drain(ch, `${topic}.${name}`));

    const direct = `direct-${u}`;
    await ch.assertExchange(direct, 'direct', { durable: false });
    const dq = { d1: 'k1', d2: 'k1', d3: 'k2' };
    for (const [name, key] of Object.entries(dq)) {
      await ch.assertQueue(`${direct}.${name}`, { durable: false });
      await ch.bindQueue(`${direct}.${name}`, direct, key);
    }
    await publishConfirmed(
      ch,
      ['k1', 'k2', 'k3', 'K1', 'k1'].map((k, i) => ({ exchange: direct, routingKey: k, body: `d${i}:${k}` })),
    );
    const directGot = {};
    for (const name of Object.keys(dq)) directGot[name] = sorted(await drain(ch, `${direct}.${name}`));

    // The default exchange: to a queue by name; to a missing queue, dropped.
    const named = `${direct}.d3`;
    await publishConfirmed(ch, [
      { routingKey: `no-such-queue-${u}`, body: 'nowhere' },
      { routingKey: named, body: 'by name' },
    ]);
    const defaultGot = await drain(ch, named);
    return scrub({ topic: topicGot, direct: directGot, default: defaultGot, connectionOpen: !conn.isClosed }, u);
  });
}

// 9. Purge, delete, unbind, exchange delete, a server-named exclusive queue.
export async function queueOps(url) {
  const u = uniq();
  const out = {};
  await withConnection(url, async (conn) => {
    const ch = await confirmChannel(conn);
    const q1 = `purge-${u}`;
    await ch.assertQueue(q1, { durable: false });
    await publishConfirmed(ch, ['1', '2', '3'].map((body) => ({ routingKey: q1, body })));
    out.purge = await ch.purgeQueue(q1);
    out.afterPurge = counts(await ch.checkQueue(q1));
    out.purgeEmpty = await ch.purgeQueue(q1);

    const q2 = `delete-${u}`;
    await ch.assertQueue(q2, { durable: false });
    await publishConfirmed(ch, ['1', '2'].map((body) => ({ routingKey: q2, body })));
    out.delete = await ch.deleteQueue(q2);
    out.checkDeleted = await channelFailure(conn, (c) => c.checkQueue(q2));
    out.deleteMissing = await outcome(ch.deleteQueue(`never-${u}`), (r) => r);

    const ex = `unbind-${u}`;
    const q3 = `bound-${u}`;
    await ch.assertExchange(ex, 'direct', { durable: false });
    await ch.assertQueue(q3, { durable: false });
    await ch.bindQueue(q3, ex, 'k');
    await publishConfirmed(ch, [{ exchange: ex, routingKey: 'k', body: 'before unbind' }]);
    out.unbind = await outcome(ch.unbindQueue(q3, ex, 'k'));
    await publishConfirmed(ch, [{ exchange: ex, routingKey: 'k', body: 'after unbind' }]);
    out.unbound = await drain(ch, q3);
    out.deleteExchange = await outcome(ch.deleteExchange(ex));
    out.checkDeletedExchange = await channelFailure(conn, (c) => c.checkExchange(ex));
  });

  // A server-named exclusive queue lives as long as its connection.
  const owner = await connect(url);
  let name;
  try {
    const ch = await confirmChannel(owner);
    const r = await ch.assertQueue('', { exclusive: true });
    name = r.queue;
    out.exclusive = { prefix: name.startsWith('amq.gen-'), ...counts(r) };
    await publishConfirmed(ch, [{ routingKey: name, body: 'private' }]);
    out.exclusive.got = await drain(ch, name);
    out.exclusive.fromOtherConnection = await withConnection(url, (other) => channelFailure(other, (c) => c.checkQueue(name)));
  } finally {
    await closeQuietly(owner);
  }
  // The queue goes with its connection (asynchronously on RabbitMQ): a bounded poll.
  out.exclusive.afterOwnerClosed = await withConnection(url, (other) =>
    pollUntil(
      () => channelFailure(other, (c) => c.checkQueue(name)),
      // 405 (still locked by the closing owner) counts as not gone yet.
      (r) => r.result.failed !== undefined && r.result.failed.code !== 405,
      WAIT,
      'the exclusive queue to go with its connection',
    ),
  );
  return scrub(out, u);
}

// 10. Cancel with unacked messages held; ack after cancel; the rest goes
// back on close and is redelivered (redelivered=true) to another connection.
export async function consumeCancel(url) {
  const u = uniq();
  const q = `cancel-${u}`;
  const out = {};
  const a = await connect(url);
  try {
    const pub = await confirmChannel(a);
    await pub.assertQueue(q, { durable: true });
    await publishConfirmed(pub, ['m0', 'm1', 'm2', 'm3'].map((body) => ({ routingKey: q, body, options: { persistent: true } })));
    const ch = await channel(a);
    const got = collector();
    const { consumerTag } = await ch.consume(q, (m) => got.push(m), { noAck: false });
    await got.count(4, WAIT);
    out.received = got.items.map((m) => ({ body: m.content.toString(), redelivered: m.fields.redelivered, deliveryTag: m.fields.deliveryTag }));
    const cancelled = await ch.cancel(consumerTag);
    out.cancelOk = cancelled?.consumerTag === consumerTag;
    out.heldAfterCancel = counts(await pub.checkQueue(q));
    // Acks after the cancel are still good.
    ch.ack(got.items[0]);
    ch.ack(got.items[2]);
    // Published after the cancel: nobody receives it here.
    await publishConfirmed(pub, [{ routingKey: q, body: 'm4', options: { persistent: true } }]);
    out.afterAcks = counts(await ch.checkQueue(q)); // same channel: the acks are in effect
    out.deliveredAfterCancel = got.items.length - 4;
    out.channelOpen = !a.isClosed;
  } finally {
    await closeQuietly(a);
  }
  await withConnection(url, async (b) => {
    const ch = await channel(b);
    // The close requeues m1 and m3 (asynchronously on RabbitMQ): a bounded poll.
    out.afterClose = await pollUntil(
      async () => counts(await ch.checkQueue(q)),
      (c) => c.messageCount >= 3,
      WAIT,
      'the unacked messages to be requeued',
    );
    out.redelivered = await drain(ch, q, (m) => ({ body: m.content.toString(), redelivered: m.fields.redelivered }));
    out.deleted = await ch.deleteQueue(q);
  });
  return scrub(out, u);
}

// 11. Per-message TTL (the expiration property) on a queue that dead-letters
// through a fanout exchange to a DLQ, and on a queue without a dead-letter
// exchange, where expired messages just go. No consumer on either; expiry
// gives no event, so the DLQ and the plain queue are polled with a bound.
export async function perMessageExpiry(url) {
  const u = uniq();
  const dlx = `expired-${u}`;
  const q = `expiry-${u}`;
  const dlq = `expiry-${u}.dlq`;
  const plain = `expiry-${u}.plain`;
  // Non-decreasing in publish order: each one runs out no earlier than the
  // one before it, so the DLQ order is the publish order whether a server
  // expires messages only at the head of the queue (RabbitMQ) or by deadline.
  const expirations = ['50', '80', '80', '120'];
  return withConnection(url, async (conn) => {
    const out = {};
    const ch = await confirmChannel(conn);
    await ch.assertExchange(dlx, 'fanout', { durable: true });
    out.declare = {
      queue: counts(await ch.assertQueue(q, { durable: true, arguments: { 'x-dead-letter-exchange': dlx } })),
      dlq: counts(await ch.assertQueue(dlq, { durable: true })),
      plain: counts(await ch.assertQueue(plain, { durable: true })),
    };
    await ch.bindQueue(dlq, dlx, '');
    await publishConfirmed(ch, [
      ...expirations.map((expiration, i) => ({
        routingKey: q,
        body: `e${i}:${expiration}`,
        options: { persistent: true, expiration, headers: { n: i } },
      })),
      { routingKey: plain, body: 'gone', options: { persistent: true, expiration: '50' } },
    ]);

    // Expiry gives no event: a bounded poll until the DLQ holds them all.
    out.dlqFull = await pollUntil(
      async () => counts(await ch.checkQueue(dlq)),
      (c) => c.messageCount === expirations.length,
      WAIT,
      'the expired messages on the DLQ',
    );
    out.queueAfter = counts(await ch.checkQueue(q));

    const cons = await channel(conn);
    await cons.prefetch(10);
    const got = collector();
    await cons.consume(
      dlq,
      (m) => {
        got.push(m);
        cons.ack(m);
      },
      { noAck: false },
    );
    await got.count(expirations.length, WAIT, 'the dead-lettered messages');
    out.deadLettered = got.items.map((m) => ({
      body: m.content.toString(),
      redelivered: m.fields.redelivered,
      exchange: m.fields.exchange,
      routingKey: m.fields.routingKey,
      ...props(m, ['deliveryMode', 'expiration']),
      hasExpiration: m.properties.expiration !== undefined,
      // x-last-death-* only exist from RabbitMQ 3.13 on.
      headers: headersWithout(m.properties.headers, ['x-death', 'x-last-death-*']),
      firstDeathReason: m.properties.headers?.['x-first-death-reason'] ?? null,
      xDeath: xDeath(m.properties.headers, ['count', 'reason', 'queue', 'exchange', 'routing-keys', 'original-expiration']),
    }));
    // Same channel as the acks: they are in effect.
    out.dlqAfter = counts(await cons.checkQueue(dlq));
    out.queueEnd = counts(await cons.checkQueue(q));

    // Without a dead-letter exchange the expired message is dropped: a bounded poll until empty.
    out.plainEnd = await pollUntil(
      async () => counts(await ch.checkQueue(plain)),
      (c) => c.messageCount === 0,
      WAIT,
      'the expired message on the queue without a DLX to go',
    );
    out.plainGet = await ch.get(plain, { noAck: true });
    return scrub(out, u);
  });
}

// 12. A priority queue (x-max-priority 10) filled before anyone consumes:
// highest priority first, FIFO within a priority, no priority counts as 0.
export async function priorityQueue(url) {
  const u = uniq();
  const q = `priority-${u}`;
  const priorities = [1, 5, 9, 0, 5, undefined, 9, 3];
  return withConnection(url, async (conn) => {
    const out = {};
    const pub = await confirmChannel(conn);
    out.declare = counts(await pub.assertQueue(q, { durable: true, arguments: { 'x-max-priority': 10 } }));
    await publishConfirmed(
      pub,
      priorities.map((priority, i) => ({
        routingKey: q,
        body: `m${i}:${priority ?? 'none'}`,
        options: priority === undefined ? { persistent: true } : { persistent: true, priority },
      })),
    );
    out.beforeConsume = counts(await pub.checkQueue(q));

    const ch = await channel(conn);
    await ch.prefetch(1);
    const got = collector();
    await ch.consume(
      q,
      (m) => {
        got.push({ body: m.content.toString(), redelivered: m.fields.redelivered, ...props(m, ['priority', 'deliveryMode']) });
        ch.ack(m);
      },
      { noAck: false },
    );
    await got.count(priorities.length, WAIT);
    out.received = got.items;
    out.left = counts(await ch.checkQueue(q)); // same channel as the acks
    return scrub(out, u);
  });
}

// 13. A queue deleted under its consumer (from another connection): the
// consumer is cancelled by the server (basic.cancel, which amqplib reports
// as a null message), its channel stays open, and acking what it still
// holds is no error.
export async function queueDeletedUnderConsumer(url) {
  const u = uniq();
  const q = `doomed-${u}`;
  const out = {};
  const a = await connect(url);
  try {
    const ch = await confirmChannel(a);
    await ch.assertQueue(q, { durable: true });
    await publishConfirmed(ch, ['d0', 'd1'].map((body) => ({ routingKey: q, body, options: { persistent: true } })));
    const got = collector();
    await ch.consume(q, (m) => got.push(m), { noAck: false });
    await got.count(2, WAIT);
    out.received = got.items.map((m) => m.content.toString());
    out.deleted = await withConnection(url, async (b) => (await channel(b)).deleteQueue(q));
    await got.until((xs) => xs.length > 2, WAIT, 'the consumer to be cancelled');
    out.cancelledByServer = got.items[2] === null;
    ch.ack(got.items[0]);
    // A round trip on the same channel (basic.qos): the ack did not close it.
    out.afterAck = await outcome(ch.prefetch(5));
    out.channelOpen = !a.isClosed;
  } finally {
    await closeQuietly(a);
  }
  return scrub(out, u);
}

// 14. A headers exchange: x-match all (the default) and any, a header asked
// for by presence only (void), numbers of different integer types, x-*
// arguments ignored but with all-with-x / any-with-x, bindings that differ
// only in their arguments, unbinding one of them, dead-lettering through a
// headers exchange, amq.headers, and an x-match that is none of the four.
export async function headersExchange(url) {
  const u = uniq();
  const out = {};
  await withConnection(url, async (conn) => {
    const ch = await confirmChannel(conn);
    const ex = `hdr-${u}`;
    await ch.assertExchange(ex, 'headers', { durable: false });
    const bindings = {
      allOf: [{ format: 'pdf', type: 'report' }],
      anyOf: [{ 'x-match': 'any', format: 'pdf', type: 'log' }],
      hasLang: [{ lang: null }],
      count: [{ count: 3 }],
      withX: [{ 'x-match': 'all-with-x', 'x-tenant': 'a' }],
      anyWithX: [{ 'x-match': 'any-with-x', 'x-tenant': 'b', zone: 'eu' }],
      xIgnored: [{ 'x-tenant': 'a', format: 'pdf' }],
      twoBindings: [{ format: 'csv' }, { format: 'json' }],
      everything: [{}],
    };
    for (const [name, list] of Object.entries(bindings)) {
      await ch.assertQueue(`${ex}.${name}`, { durable: false });
      for (const args of list) await ch.bindQueue(`${ex}.${name}`, ex, '', args);
    }
    const messages = [
      { format: 'pdf', type: 'report' },
      { format: 'pdf', type: 'invoice' },
      { type: 'log' },
      { lang: 'en' },
      { count: 3 },
      { count: 3.0 },
      { 'x-tenant': 'a' },
      { 'x-tenant': 'b' },
      { zone: 'eu', 'x-tenant': 'a', format: 'pdf' },
      { format: 'csv' },
      { format: 'json' },
      {},
    ];
    await publishConfirmed(
      ch,
      messages.map((headers, i) => ({ exchange: ex, routingKey: 'ignored', body: `m${i}`, options: { headers } })),
    );
    out.routed = {};
    for (const name of Object.keys(bindings)) out.routed[name] = sorted(await drain(ch, `${ex}.${name}`));

    // Unbinding one of two bindings that differ only in their arguments.
    await ch.unbindQueue(`${ex}.twoBindings`, ex, '', { format: 'csv' });
    await publishConfirmed(ch, [
      { exchange: ex, routingKey: '', body: 'csv again', options: { headers: { format: 'csv' } } },
      { exchange: ex, routingKey: '', body: 'json again', options: { headers: { format: 'json' } } },
    ]);
    out.afterUnbind = sorted(await drain(ch, `${ex}.twoBindings`));

    // amq.headers routes the same way.
    const viaBuiltin = `${ex}.builtin`;
    await ch.assertQueue(viaBuiltin, { durable: false });
    await ch.bindQueue(viaBuiltin, 'amq.headers', '', { 'x-match': 'any', tag: u });
    await publishConfirmed(ch, [
      { exchange: 'amq.headers', routingKey: '', body: 'tagged', options: { headers: { tag: u } } },
      { exchange: 'amq.headers', routingKey: '', body: 'untagged', options: { headers: { tag: 'other' } } },
    ]);
    out.builtin = await drain(ch, viaBuiltin);

    // A rejected message dead-letters through a headers exchange, routed by
    // its own headers.
    const dlx = `${ex}.dlx`;
    await ch.assertExchange(dlx, 'headers', { durable: false });
    await ch.assertQueue(`${dlx}.urgent`, { durable: false });
    await ch.bindQueue(`${dlx}.urgent`, dlx, '', { priority: 'urgent' });
    const work = `${ex}.work`;
    await ch.assertQueue(work, { durable: false, deadLetterExchange: dlx });
    await publishConfirmed(ch, [
      { routingKey: work, body: 'urgent one', options: { headers: { priority: 'urgent' } } },
      { routingKey: work, body: 'calm one', options: { headers: { priority: 'low' } } },
    ]);
    for (let i = 0; i < 2; ++i) {
      const m = await pollUntil(() => ch.get(work, { noAck: false }), (r) => r !== false, WAIT, 'a message');
      ch.nack(m, false, false);
    }
    out.deadLettered = await pollUntil(
      () => drain(ch, `${dlx}.urgent`),
      (r) => r.length > 0,
      WAIT,
      'the dead-lettered message',
    );

    out.badXMatch = await channelFailure(conn, async (c) => {
      await c.bindQueue(`${ex}.allOf`, ex, '', { 'x-match': 'some' });
    });
    out.connectionOpen = !conn.isClosed;
  });
  return scrub(out, u);
}

export const scenarios = {
  iiiTopic,
  iiiFunctionQueue,
  basicGet,
  passiveDeclare,
  prefetchOne,
  publisherConfirms,
  channelErrors,
  routing,
  queueOps,
  consumeCancel,
  perMessageExpiry,
  priorityQueue,
  queueDeletedUnderConsumer,
  headersExchange,
};
