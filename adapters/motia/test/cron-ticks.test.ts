// One run per scheduled tick: cron expressions as node-cron reads them, and
// two adapter instances firing every tick with jitter (some firings late past
// the next tick's start, some a little early, a few missed by one instance)
// on a simulated clock that runs 20 times faster than real time, beside a
// process that keeps a CPU busy.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { CronExpression, Namespace, TroupeConnection, TroupeCronAdapter, TroupeError, troupeAdapters } from '../src/index.js';
import { startNode, type RunningNode } from './node.js';

let node: RunningNode;
before(async () => {
  node = await startNode();
});
after(async () => {
  await node.stop();
});

const at = (s: string) => new Date(s).getTime();

describe('cron expressions', () => {
  it('find the ticks around a moment, in local time', () => {
    const every2 = new CronExpression('*/2 * * * * *');
    assert.equal(every2.atOrBefore(at('2026-03-01T10:00:03.500')), at('2026-03-01T10:00:02'));
    assert.equal(every2.atOrAfter(at('2026-03-01T10:00:03.500')), at('2026-03-01T10:00:04'));
    assert.equal(every2.atOrAfter(at('2026-03-01T10:00:04')), at('2026-03-01T10:00:04'));
    const weekly = new CronExpression('30 9 * * mon');  // 5 fields: second 0
    assert.equal(weekly.atOrAfter(at('2026-03-01T00:00')), at('2026-03-02T09:30'));  // 1 March 2026 is a Sunday
    assert.equal(weekly.atOrBefore(at('2026-03-01T00:00')), at('2026-02-23T09:30'));
    const ranges = new CronExpression('0 0 8-17/4 1,15 Jan,jul *');  // steps keep the values divisible by 4
    assert.equal(ranges.atOrAfter(at('2026-01-01T09:00')), at('2026-01-01T12:00'));
    assert.equal(ranges.atOrAfter(at('2026-01-15T17:00')), at('2026-07-01T08:00'));
    assert.equal(new CronExpression('0 0 * * 7').atOrAfter(at('2026-03-02T00:00')), at('2026-03-08T00:00'));
    assert.ok(ranges.matches(at('2026-07-15T16:00')) && !ranges.matches(at('2026-07-15T16:00:01')));
  });

  it('refuse what node-cron refuses', () => {
    for (const bad of ['* * * *', '61 * * * * *', '* 24 * * *', '*/0 * * * *', 'x * * * *', '* * * * * * *'])
      assert.throws(() => new CronExpression(bad), (e: unknown) => e instanceof TroupeError && e.code === 'INVALID_ARGUMENT', bad);
  });
});

/** A simulated clock: `scale` simulated ms per real ms from `start`. */
function simulatedClock(start: number, scale: number) {
  const realStart = performance.now();
  return {
    now: () => start + (performance.now() - realStart) * scale,
    /** Resolves at simulated time `t`. */
    until: (t: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, (t - start) / scale - (performance.now() - realStart)))),
  };
}

describe('two instances firing every tick', () => {
  it('run each tick exactly once, late and early firings included', async (t) => {
    const ns = `ticks-${randomUUID()}`;
    const scale = 20;
    const burner = spawn(process.execPath, ['-e', 'for (;;);'], { stdio: 'ignore' });
    const burnerGone = new Promise((r) => burner.once('exit', r));
    t.after(async () => {
      burner.kill('SIGKILL');
      await burnerGone;
    });
    const firstTick = Math.ceil((Date.now() + 2000) / 2000) * 2000;
    const clock = simulatedClock(firstTick - 1000, scale);
    const jobs = [
      { name: 'EverySecond', expression: '* * * * * *', period: 1000 },
      { name: 'EveryTwo', expression: '*/2 * * * * *', period: 2000 },
    ];
    const schedules = Object.fromEntries(jobs.map((j) => [j.name, j.expression]));
    const conns = [0, 1].map(() => new TroupeConnection({ nodes: [node.address] }));
    const instances = conns.map(
      (conn, i) => new TroupeCronAdapter(conn, new Namespace(ns), { instanceId: `i${i}`, schedules, earlyMs: 100, now: clock.now }),
    );
    const ticks = 100;
    const runs = new Map<string, number[]>();  // job -> ticks run, in order of run
    const firings: Promise<void>[] = [];
    let late = 0;
    let early = 0;
    let missed = 0;
    for (const job of jobs) {
      runs.set(job.name, []);
      // Both instances fire each tick (5 more past the counted 100, so the
      // last counted ticks see the same firings as the others), in order per
      // instance, each with a random delay: mostly within the period, one in
      // five late past the next tick's start, one in ten up to 100 ms early.
      // One instance in 20 ticks misses a tick altogether (node-cron does).
      for (const [i, adapter] of instances.entries()) {
        let previous = 0;
        for (let k = 0; k < ticks + 5; k++) {
          const tick = firstTick + k * job.period;
          const r = Math.random();
          if (r < 0.05 && i === k % 2) {
            missed++;
            continue;
          }
          const delay = r < 0.15 ? -Math.random() * 100 : r < 0.35 ? job.period * (1 + Math.random() * 0.5) : Math.random() * job.period * 0.9;
          if (delay < 0) early++;
          if (delay > job.period) late++;
          const firing = Math.max(tick + delay, previous);
          previous = firing;
          firings.push(
            clock.until(firing).then(async () => {
              const lock = await adapter.acquireLock(job.name, 300000);
              if (!lock) return;
              assert.ok(lock.tick! <= clock.now() + 100, `${job.name} ran tick ${lock.tick} before its time`);
              runs.get(job.name)!.push(lock.tick!);
              await adapter.releaseLock(lock);
            }),
          );
        }
      }
    }
    await Promise.all(firings);
    for (const job of jobs) {
      const counted = runs.get(job.name)!.filter((t) => t < firstTick + ticks * job.period);
      const perTick = new Map<number, number>();
      for (const t of counted) perTick.set(t, (perTick.get(t) ?? 0) + 1);
      const doubles = [...perTick.values()].filter((n) => n > 1).length;
      const skips = Array.from({ length: ticks }, (_, k) => firstTick + k * job.period).filter((t) => !perTick.has(t)).length;
      const outside = counted.filter((t) => t < firstTick || (t - firstTick) % job.period !== 0).length;
      console.log(`cron ${job.name} (${job.expression}): ticks=${ticks} runs=${counted.length} doubles=${doubles} skips=${skips}`);
      assert.deepEqual({ runs: counted.length, doubles, skips, outside }, { runs: ticks, doubles: 0, skips: 0, outside: 0 });
    }
    console.log(`cron firings: ${firings.length}, ${late} late past the next tick, ${early} early, ${missed} missed by one instance`);
    assert.ok(late > 0 && early > 0);
    for (const c of conns) c.close();
  });
});

describe('a scheduled job', () => {
  it('is one lock per tick with a growing fencing token, never for a tick before it was scheduled', async () => {
    let now = at('2026-03-01T10:00:01.300');
    const schedules = { Job: '*/2 * * * * *' };
    const ns = `sched-${randomUUID()}`;
    const a = troupeAdapters({ nodes: [node.address], namespace: ns, cron: { schedules, now: () => now } });
    const b = troupeAdapters({ nodes: [node.address], namespace: ns, cron: { schedules, now: () => now } });
    // 10:00:00 was before the schedule was known: nothing until 10:00:02.
    assert.equal(await a.cron.acquireLock('Job', 300000), null);
    now = at('2026-03-01T10:00:02.100');
    const first = await a.cron.acquireLock('Job', 300000);
    assert.equal(first?.tick, at('2026-03-01T10:00:02'));
    assert.equal(await b.cron.acquireLock('Job', 300000), null);  // the same tick
    assert.deepEqual((await b.cron.getActiveLocks()).map((l) => [l.jobName, l.instanceId]), [['Job', a.cron.instanceId]]);
    // A new tick is never blocked by the last one's run, still going.
    now = at('2026-03-01T10:00:04.050');
    const second = await b.cron.acquireLock('Job', 300000);
    assert.equal(second?.tick, at('2026-03-01T10:00:04'));
    assert.ok(second!.fencingToken > first!.fencingToken);
    await a.cron.releaseLock(first!);
    await b.cron.releaseLock(second!);
    assert.deepEqual(await a.cron.getActiveLocks(), []);
    // A firing late past the next tick's start runs its own tick if no one has.
    now = at('2026-03-01T10:00:08.200');
    assert.equal((await a.cron.acquireLock('Job', 300000))?.tick, at('2026-03-01T10:00:06'));
    assert.equal((await b.cron.acquireLock('Job', 300000))?.tick, at('2026-03-01T10:00:08'));
    assert.equal(await a.cron.acquireLock('Job', 300000), null);
    // The job's record is not one of the app's state groups.
    await a.state.set('app-group', 'k', 1);
    assert.deepEqual(await a.state.traceIds(), ['app-group']);
    assert.deepEqual((await a.state.items({})).map((i) => i.groupId), ['app-group']);
    for (const x of [a, b]) await x.state.cleanup();
  });

  it('is learnt from the app\'s cron steps by the plugin', () => {
    const troupe = troupeAdapters({ nodes: ['127.0.0.1:7379'] });
    const steps = [
      { config: { type: 'cron', name: 'Nightly', cron: '0 0 3 * * *' } },
      { config: { type: 'cron', name: 'Broken', cron: 'not cron' } },
    ];
    let created: ((step: any) => void) | undefined;
    const plugin = troupe.plugin({ lockedData: { cronSteps: () => steps, onStep: (event, handler) => void (event === 'step-created' && (created = handler)) } });
    assert.deepEqual(plugin, { workbench: [] });
    created!({ config: { type: 'cron', name: 'Added', cron: '*/5 * * * *' } });
    assert.deepEqual(troupe.cron.scheduledJobs(), ['Nightly', 'Added']);
  });
});
