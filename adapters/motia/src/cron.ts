// Motia's CronAdapter on Troupe.
//
// A job whose cron expression the adapter knows (the app's cron steps, from
// `troupePlugin`, or the `schedules` option) runs once per scheduled tick:
// acquireLock maps the moment it is called to a tick and claims that tick
// with a compare-and-set on the job's record (the last tick claimed), so the
// same tick is never granted twice, whichever instance fires it, early or
// late, and a new tick never waits for the last one's run. A firing claims
// the earliest tick not yet claimed among those it may stand for: from
// `lateMs` before it to `earlyMs` after it, never before the adapter learnt
// the schedule. A firing late past the next tick's start so still runs its
// own tick if no one has; each tick gets one run as long as some instance
// fires within `lateMs` of it. The record's revision is the fencing token.
//
// A job without a known expression takes a node lock. releaseLock keeps
// that lock until acquiredAt + minHoldMs, so an instance firing the same
// tick a moment later skips it. A node lock is a lease: the node holds it
// for at most leaseMs at a time, and the holder renews it every leaseMs / 3
// until it releases the lock or the ttl it asked for runs out, so an instance
// that dies holding it blocks the job for at most leaseMs.
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import { TroupeConnection, bytes, text } from './connection.js';
import { CronExpression } from './cron-expression.js';
import { TroupeError } from './errors.js';
import type { CronLock, CronLockInfo } from './motia-types.js';
import { Namespace } from './namespace.js';

export interface CronAdapterOptions {
  instanceId?: string;
  /**
   * Cron expressions by job (Motia cron step) name. `troupePlugin` adds the
   * app's cron steps; a job listed here runs once per tick.
   */
  schedules?: Record<string, string>;
  /** How late a firing may come and still run its tick, ms. Default 60000. */
  lateMs?: number;
  /** How early before its tick a firing counts as that tick's, ms. Default 0. */
  earlyMs?: number;
  /** Jobs without a known schedule: a finished job keeps its lock this long after acquiring it, ms. Default 30000. Keep it below the shortest cron period. */
  minHoldMs?: number;
  lockRetryAttempts?: number;
  lockRetryDelay?: number;
  /** The longest the node holds a lock without a renewal, ms; a dead holder's lock lapses within it. Default 15000. */
  leaseMs?: number;
  /** The clock (ms since the epoch); for tests. */
  now?: () => number;
}

/** What acquireLock grants: Motia's CronLock, its fencing token and, for a scheduled job, its tick. */
export type TroupeCronLock = CronLock & { fencingToken: number; tick?: number };

type Schedule = { expression: CronExpression; since: number };

/** A job's record: the last tick claimed and by whom. */
type TickRecord = { jobName: string; tick: number; lockId: string; instanceId: string; acquiredAt: number; expiresAt: number; released?: boolean };

/** Attempts of one claim when other instances keep winning the compare-and-set. */
const maxClaimAttempts = 20;

export class TroupeCronAdapter {
  readonly instanceId: string;
  private readonly renewals = new Map<string, NodeJS.Timeout>();
  private readonly schedules = new Map<string, Schedule>();
  /** Tick claims of this instance not yet released. */
  private readonly claims = new Map<string, TroupeCronLock>();
  private readonly now: () => number;
  /** Node lock ids this instance was granted (the most recent ones). */
  private readonly nodeLocks = new Set<string>();

  constructor(
    private readonly conn: TroupeConnection,
    private readonly ns: Namespace,
    private readonly options: CronAdapterOptions = {},
    private readonly ownsConnection = false,
  ) {
    this.instanceId = options.instanceId ?? `${os.hostname()}-${randomUUID()}`;
    this.now = options.now ?? Date.now;
    for (const [job, expression] of Object.entries(options.schedules ?? {})) this.schedule(job, expression);
  }

  /**
   * Makes `jobName` run once per tick of `expression` (node-cron syntax, local
   * time), from now on. Refuses an invalid expression (`INVALID_ARGUMENT`).
   */
  schedule(jobName: string, expression: string): void {
    const known = this.schedules.get(jobName);
    if (known?.expression.source === expression) return;
    this.schedules.set(jobName, { expression: new CronExpression(expression), since: this.now() });
  }

  /** The job names with a known schedule. */
  scheduledJobs(): string[] {
    return [...this.schedules.keys()];
  }

  async acquireLock(jobName: string, ttl: number): Promise<TroupeCronLock | null> {
    const schedule = this.schedules.get(jobName);
    return schedule ? this.claimTick(jobName, schedule, ttl) : this.acquireNodeLock(jobName, ttl);
  }

  private recordKey(jobName: string) {
    return { traceId: bytes(this.ns.internal('cron')), key: bytes(jobName) };
  }

  /** Claims the earliest unclaimed tick this firing may stand for, or resolves null. */
  private async claimTick(jobName: string, schedule: Schedule, ttl: number): Promise<TroupeCronLock | null> {
    const now = this.now();
    const latest = schedule.expression.atOrBefore(now + (this.options.earlyMs ?? 0));
    if (latest === undefined) return null;
    for (let attempt = 0; attempt < maxClaimAttempts; attempt++) {
      const r = await this.conn.request({ stateGet: this.recordKey(jobName) });
      const found = r.value?.found ? r.value : undefined;
      const last = found ? (JSON.parse(text(found.value)) as TickRecord) : undefined;
      const from = Math.max(last ? last.tick + 1 : 0, schedule.since, now - (this.options.lateMs ?? 60000));
      const tick = schedule.expression.atOrAfter(from);
      if (tick === undefined || tick > latest) return null;
      const record: TickRecord = {
        jobName,
        tick,
        lockId: randomUUID(),
        instanceId: this.instanceId,
        acquiredAt: now,
        expiresAt: now + ttl,
      };
      try {
        const w = await this.conn.request({
          stateSet: { ...this.recordKey(jobName), value: bytes(JSON.stringify(record)), expectedRevision: Number(found?.revision ?? 0) },
        });
        const lock: TroupeCronLock = { ...record, fencingToken: Number(w.set?.revision ?? 0) };
        this.claims.set(lock.lockId, lock);
        return lock;
      } catch (err) {
        if (!(err instanceof TroupeError) || err.code !== 'CONFLICT') throw err;
        if (err.unknownOutcome) {
          // Sent again after an attempt that may have been applied: the
          // record names its claim, so a CONFLICT against our own is a grant.
          const again = await this.conn.request({ stateGet: this.recordKey(jobName) });
          const current = again.value?.found ? (JSON.parse(text(again.value.value)) as TickRecord) : undefined;
          if (current?.lockId === record.lockId) {
            const lock: TroupeCronLock = { ...record, fencingToken: Number(again.value?.revision ?? 0) };
            this.claims.set(lock.lockId, lock);
            return lock;
          }
        }
        // Another instance claimed meanwhile: look again.
      }
    }
    return null;
  }

  /** Marks a tick claim finished on the job's record (for getActiveLocks), unless a later tick was claimed since. */
  private async releaseTick(lock: TroupeCronLock): Promise<void> {
    this.claims.delete(lock.lockId);
    const r = await this.conn.request({ stateGet: this.recordKey(lock.jobName) });
    if (!r.value?.found) return;
    const record = JSON.parse(text(r.value.value)) as TickRecord;
    if (record.lockId !== lock.lockId) return;
    await this.conn
      .request({
        stateSet: {
          ...this.recordKey(lock.jobName),
          value: bytes(JSON.stringify({ ...record, released: true })),
          expectedRevision: Number(r.value.revision ?? 0),
        },
      })
      .catch((err) => {
        if (!(err instanceof TroupeError) || err.code !== 'CONFLICT') throw err;
      });
  }

  private remember(lockId: string) {
    this.nodeLocks.add(lockId);
    if (this.nodeLocks.size > 10000) this.nodeLocks.delete(this.nodeLocks.values().next().value!);
  }

  private async acquireNodeLock(jobName: string, ttl: number): Promise<TroupeCronLock | null> {
    const attempts = 1 + (this.options.lockRetryAttempts ?? 0);
    const lease = this.options.leaseMs ?? 15000;
    for (let i = 0; i < attempts; i++) {
      const outcome = { attempts: 0, unknownOutcome: false };
      const r = await this.conn.request(
        { lockAcquire: { job: bytes(this.ns.wrap(jobName)), ttlMs: Math.min(ttl, lease), instanceId: bytes(this.instanceId) } },
        outcome,
      );
      // Sent again after an attempt that may have been granted: a holder
      // that is this instance with a lock it was never given is that grant.
      const holder = r.lock?.lock;
      const ownLostGrant =
        !r.lock?.granted && outcome.unknownOutcome && text(holder?.instanceId) === this.instanceId && !this.nodeLocks.has(text(holder?.lockId));
      if (r.lock?.granted || ownLostGrant) {
        const l = r.lock?.lock ?? {};
        this.remember(text(l.lockId));
        const lock = {
          jobName,
          lockId: text(l.lockId),
          acquiredAt: Number(l.acquiredAtMs),
          expiresAt: Number(l.expiresAtMs),
          instanceId: this.instanceId,
          fencingToken: Number(l.fencingToken),
        };
        if (ttl > lease) this.keepAlive(lock, Date.now() + ttl, lease);
        return lock;
      }
      if (i + 1 < attempts) await new Promise((r) => setTimeout(r, this.options.lockRetryDelay ?? 1000));
    }
    return null;
  }

  /** Renews `lock` every lease / 3 until `deadline` (local time) or release. */
  private keepAlive(lock: CronLock, deadline: number, lease: number) {
    const timer = setInterval(() => {
      const left = deadline - Date.now();
      const stop = () => {
        clearInterval(timer);
        this.renewals.delete(lock.lockId);
      };
      if (left <= 0) return stop();
      this.renewLock(lock, Math.min(lease, left))
        .then((held) => {
          if (!held) stop();
        })
        .catch(() => undefined); // the connection is down: the lease lapses unless it comes back
    }, Math.max(1, Math.floor(lease / 3)));
    timer.unref();
    this.renewals.set(lock.lockId, timer);
  }

  private stopRenewing(lockId: string) {
    clearInterval(this.renewals.get(lockId));
    this.renewals.delete(lockId);
  }

  async releaseLock(lock: CronLock): Promise<void> {
    if ((lock as TroupeCronLock).tick !== undefined) return this.releaseTick(lock as TroupeCronLock);
    this.stopRenewing(lock.lockId);
    await this.conn.request({
      lockRelease: {
        job: bytes(this.ns.wrap(lock.jobName)),
        lockId: bytes(lock.lockId),
        instanceId: bytes(lock.instanceId),
        holdUntilMs: lock.acquiredAt + (this.options.minHoldMs ?? 30000),
      },
    });
  }

  /** A node lock: extends it if still held. A tick claim is never taken away: true. */
  async renewLock(lock: CronLock, ttl: number): Promise<boolean> {
    if ((lock as TroupeCronLock).tick !== undefined) {
      lock.expiresAt = this.now() + ttl;
      return true;
    }
    const r = await this.conn.request({
      lockRenew: { job: bytes(this.ns.wrap(lock.jobName)), lockId: bytes(lock.lockId), ttlMs: ttl },
    });
    if (r.lock?.granted) lock.expiresAt = Number(r.lock.lock?.expiresAtMs);
    return Boolean(r.lock?.granted);
  }

  async isHealthy(): Promise<boolean> {
    try {
      await this.conn.request({ ping: {} });
      return true;
    } catch {
      return false;
    }
  }

  async getActiveLocks(): Promise<CronLockInfo[]> {
    const r = await this.conn.request({ lockList: {} });
    const out: CronLockInfo[] = [];
    for (const l of r.locks?.locks ?? []) {
      const jobName = this.ns.unwrap(text(l.job));
      if (jobName === undefined) continue;
      out.push({ jobName, instanceId: text(l.instanceId), acquiredAt: Number(l.acquiredAtMs), expiresAt: Number(l.expiresAtMs) });
    }
    // Tick claims whose run has not finished (nor outlived the ttl asked for).
    const g = await this.conn.request({ stateGetGroup: { traceId: this.recordKey('').traceId } });
    const now = this.now();
    for (const i of g.items?.items ?? []) {
      const r = JSON.parse(text(i.value)) as TickRecord;
      if (!r.released && r.expiresAt > now)
        out.push({ jobName: r.jobName, instanceId: r.instanceId, acquiredAt: r.acquiredAt, expiresAt: r.expiresAt });
    }
    return out;
  }

  /** Releases the locks this instance holds (without a hold). */
  async shutdown(): Promise<void> {
    for (const lockId of [...this.renewals.keys()]) this.stopRenewing(lockId);
    for (const lock of [...this.claims.values()]) await this.releaseTick(lock).catch(() => undefined);
    const r = await this.conn.request({ lockList: {} }).catch(() => undefined);
    for (const l of r?.locks?.locks ?? [])
      if (text(l.instanceId) === this.instanceId)
        await this.conn
          .request({ lockRelease: { job: l.job, lockId: l.lockId, instanceId: l.instanceId } })
          .catch(() => undefined);
    if (this.ownsConnection) this.conn.close();
  }
}
