import { startNode } from './dist/test/node.js';
const t0 = Date.now();
const n = await startNode([], { resp: true });
console.log('started', Date.now() - t0);
const t1 = Date.now();
await n.stop();
console.log('stopped', Date.now() - t1);
