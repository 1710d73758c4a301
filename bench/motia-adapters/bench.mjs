// Events through a Motia EventAdapter end to end: `inflight` concurrent
// emit() calls, one subscribed step whose handler resolves at once
// (concurrency `concurrency`). Counts handled events per second and the
// emit -> handler latency. Prints the same RESULT line as events_load.
//
//   node bench.mjs --target troupe|bullmq --port P [--inflight 32]
//                  [--concurrency 32] [--seconds 5]
const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
const target = args.target ?? 'troupe';
const port = Number(args.port);
const inflight = Number(args.inflight ?? 32);
const concurrency = Number(args.concurrency ?? 32);
const seconds = Number(args.seconds ?? 5);
const now = () => Number(process.hrtime.bigint() / 1000n);

let events;
if (target === 'troupe') {
  const { troupeAdapters } = await import('troupe-motia');
  events = troupeAdapters({ nodes: [`127.0.0.1:${port}`] }).events;
} else {
  const { BullMQEventAdapter } = await import('@motiadev/adapter-bullmq-events');
  events = new BullMQEventAdapter({ connection: { host: '127.0.0.1', port }, concurrency });
}
const topic = `bench.${process.pid}`;
const latencies = [];
let handled = 0;
await events.subscribe(
  topic,
  'bench-step',
  async (e) => {
    latencies.push(now() - e.data.t);
    handled++;
  },
  { type: 'standard', maxRetries: 3, visibilityTimeout: 900, delaySeconds: 0, concurrency },
);
const deadline = now() + seconds * 1e6;
let emitted = 0;
const loops = Array.from({ length: inflight }, async () => {
  while (now() < deadline) {
    await events.emit({ topic, data: { t: now() }, traceId: 'bench' });
    emitted++;
  }
});
await new Promise((r) => setTimeout(r, seconds * 1000));
const h = handled;
const e = emitted;
await Promise.all(loops);
latencies.sort((a, b) => a - b);
const pct = (q) => (latencies.length ? latencies[Math.floor(q * (latencies.length - 1))] : 0);
console.log(
  `RESULT target=${target}-adapter inflight=${inflight} concurrency=${concurrency} emitted=${e} ` +
    `emitted_per_sec=${Math.round(e / seconds)} handled=${h} handled_per_sec=${Math.round(h / seconds)} ` +
    `deliver_p50_us=${pct(0.5)} deliver_p99_us=${pct(0.99)}`,
);
process.exit(0);
