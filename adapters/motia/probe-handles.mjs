import { after } from 'node:test';
const live = new Map();
const orig = globalThis.setTimeout, origClear = globalThis.clearTimeout;
globalThis.setTimeout = function (fn, ms, ...a) {
  const stack = new Error().stack.split('\n').slice(2, 7).join(' | ');
  let t;
  t = orig(function (...x) { live.delete(t); return fn.apply(this, x); }, ms, ...a);
  live.set(t, { ms, stack });
  return t;
};
globalThis.clearTimeout = function (t) { live.delete(t); return origClear(t); };
after(() => {
  orig(() => {
    for (const [t, v] of live) if (t.hasRef?.()) console.error('TIMER', v.ms, v.stack);
  }, 3000).unref();
});
await import('./dist/test/bullmq.test.js');
