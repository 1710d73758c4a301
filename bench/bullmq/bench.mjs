// The events_load workload on BullMQ over Redis: `inflight` concurrent
// Queue.add calls (an emit counts once add resolves), one Worker per consumer
// with `concurrency`, each job completed (acked) at once. Latency: add ->
// processor start. Prints the same RESULT line as events_load.
//
//   node bench.mjs --port P [--producers 1] [--consumers 2] [--inflight 32]
//                  [--concurrency 32] [--rate 0] [--seconds 5] [--value-bytes 100]
import { Queue, Worker } from 'bullmq';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
const cfg = {
  port: Number(args.port ?? 6379),
  producers: Number(args.producers ?? 1),
  consumers: Number(args.consumers ?? 2),
  inflight: Number(args.inflight ?? 32),
  concurrency: Number(args.concurrency ?? 32),
  rate: Number(args.rate ?? 0),
  seconds: Number(args.seconds ?? 5),
  valueBytes: Number(args['value-bytes'] ?? 100),
};
const connection = { host: '127.0.0.1', port: cfg.port, maxRetriesPerRequest: null };
const name = `bench-${process.pid}`;
const now = () => Number(process.hrtime.bigint() / 1000n); // µs
const pad = 'x'.repeat(Math.max(1, cfg.valueBytes - 40));

const latencies = [];
let handled = 0;
let emitted = 0;
let running = true;
const workers = [];
for (let i = 0; i < cfg.consumers; i++) {
  const w = new Worker(
    name,
    async (job) => {
      latencies.push(now() - job.data.t);
    },
    { connection, concurrency: cfg.concurrency, removeOnComplete: { count: 0 } },
  );
  w.on('completed', () => handled++);
  workers.push(w);
}
await Promise.all(workers.map((w) => w.waitUntilReady()));
const queues = Array.from({ length: cfg.producers }, () => new Queue(name, { connection }));
const start = now();
const deadline = start + cfg.seconds * 1e6;

async function produce(queue) {
  while (running && now() < deadline) {
    if (cfg.rate > 0 && emitted >= ((now() - start) / 1e6) * cfg.rate) {
      await new Promise((r) => setTimeout(r, 1));
      continue;
    }
    await queue.add('event', { t: now(), pad }, { attempts: 4, removeOnComplete: true });
    emitted++;
  }
}
const loops = [];
for (const q of queues) for (let i = 0; i < cfg.inflight; i++) loops.push(produce(q));
await new Promise((r) => setTimeout(r, cfg.seconds * 1000));
running = false;
const h = handled;
const e = emitted;
await Promise.all(loops);
latencies.sort((a, b) => a - b);
const pct = (q) => (latencies.length ? latencies[Math.floor(q * (latencies.length - 1))] : 0);
console.log(
  `RESULT target=bullmq producers=${cfg.producers} consumers=${cfg.consumers} inflight=${cfg.inflight} ` +
    `concurrency=${cfg.concurrency} rate=${cfg.rate} emitted=${e} emitted_per_sec=${Math.round(e / cfg.seconds)} ` +
    `handled=${h} handled_per_sec=${Math.round(h / cfg.seconds)} deliver_p50_us=${pct(0.5)} deliver_p99_us=${pct(0.99)}`,
);
await Promise.all([...workers.map((w) => w.close(true)), ...queues.map((q) => q.obliterate({ force: true }).then(() => q.close()))]);
process.exit(0);
