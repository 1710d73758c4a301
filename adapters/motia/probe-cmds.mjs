// Logs every command BullMQ sends that gets an error reply, naming Lua scripts.
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { startNode } from './dist/test/node.js';
const require = createRequire(import.meta.url);
const IORedis = require('./node_modules/bullmq/node_modules/ioredis/built/Redis.js').default;
const scripts = require('bullmq/dist/cjs/scripts/index.js');
const bySha = new Map(Object.values(scripts).map((s) => [createHash('sha1').update(s.content).digest('hex'), s.name]));
const label = (c) => {
  const n = c.name.toUpperCase();
  if (n === 'EVALSHA') return `EVALSHA(${bySha.get(String(c.args[0]))})`;
  if (n === 'EVAL') return `EVAL(${bySha.get(createHash('sha1').update(String(c.args[0])).digest('hex'))})`;
  return `${n} ${c.args.slice(0, 8).map(String).join(' ')}`;
};
const seen = new Map();
const orig = IORedis.prototype.sendCommand;
IORedis.prototype.sendCommand = function (cmd, stream) {
  const l = label(cmd);
  seen.set(l.split(' ')[0], (seen.get(l.split(' ')[0]) ?? 0) + 1);
  cmd.promise.catch((e) => { if (!/NOSCRIPT/.test(e.message)) console.log('ERRREPLY', l, '=>', e.message); });
  return orig.call(this, cmd, stream);
};
const { Queue, Worker, QueueEvents, FlowProducer } = require('bullmq');
const node = process.env.PORT ? null : await startNode([], { resp: true });
const port = process.env.PORT ? Number(process.env.PORT) : Number(node.resp.split(':')[1]);
const connection = { host: '127.0.0.1', port };
const prefix = '{bull}';
const q = new Queue('p', { connection, prefix });
q.on('error', (e) => console.log('QERR', e.message));
try { await q.add('x', { a: 1 }); } catch (e) { console.log('add failed', e.message); }
const w = new Worker('p', async () => 1, { connection, prefix });
w.on('error', (e) => console.log('WERR', e.message));
const f = new FlowProducer({ connection, prefix });
try { await f.add({ name: 'parent', queueName: 'p', children: [{ name: 'c', queueName: 'c' }] }); } catch (e) { console.log('flow failed', e.message, (e.previousErrors ?? []).map((x) => x.message)); }
try { console.log('counts', await q.getJobCounts()); } catch (e) { console.log('counts failed', e.message); }
try { await q.pause(); await q.resume(); console.log('pause/resume ok'); } catch (e) { console.log('pause failed', e.message); }
await new Promise((r) => setTimeout(r, 1500));
await w.close(); await q.close(); await f.close();
console.log([...seen.entries()].map(([k, v]) => `${k}x${v}`).join(' '));
await node?.stop();
