// Motia's CronAdapter on Troupe cron locks. A lock carries a fencing token
// that strictly increases per job. releaseLock keeps the lock until
// acquiredAt + minHoldMs, so an instance firing the same tick a moment later
// skips it (Motia's Redis adapter deletes at once, and most ticks run twice).
//
// A lock is a lease: the node holds it for at most leaseMs at a time, and
// the holder renews it every leaseMs / 3 until it releases the lock or the
// ttl it asked for runs out. Motia core asks for 5 minutes per tick; without
// the lease, an instance that dies holding a tick would stop that job on
// every instance for the rest of those 5 minutes.
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import { TroupeConnection, bytes, text } from './connection.js';
import type { CronLock, CronLockInfo } from './motia-types.js';
import { Namespace } from './namespace.js';

export interface CronAdapterOptions {
  instanceId?: string;
  /** A finished job keeps its lock this long after acquiring it, ms. Default 30000. Keep it below the shortest cron period. */
  minHoldMs?: number;
  lockRetryAttempts?: number;
  lockRetryDelay?: number;
  /** The longest the node holds a lock without a renewal, ms; a dead holder's lock lapses within it. Default 15000. */
  leaseMs?: number;
}

export class TroupeCronAdapter {
  readonly instanceId: string;
  private readonly renewals = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly conn: TroupeConnection,
    private readonly ns: Namespace,
    private readonly options: CronAdapterOptions = {},
    private readonly ownsConnection = false,
  ) {
    this.instanceId = options.instanceId ?? `${os.hostname()}-${randomUUID()}`;
  }

  async acquireLock(jobName: string, ttl: number): Promise<(CronLock & { fencingToken: number }) | null> {
    const attempts = 1 + (this.options.lockRetryAttempts ?? 0);
    const lease = this.options.leaseMs ?? 15000;
    for (let i = 0; i < attempts; i++) {
      const r = await this.conn.request({
        lockAcquire: { job: bytes(this.ns.wrap(jobName)), ttlMs: Math.min(ttl, lease), instanceId: bytes(this.instanceId) },
      });
      if (r.lock?.granted) {
        const l = r.lock.lock ?? {};
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

  async renewLock(lock: CronLock, ttl: number): Promise<boolean> {
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
    return out;
  }

  /** Releases the locks this instance holds (without a hold). */
  async shutdown(): Promise<void> {
    for (const lockId of [...this.renewals.keys()]) this.stopRenewing(lockId);
    const r = await this.conn.request({ lockList: {} }).catch(() => undefined);
    for (const l of r?.locks?.locks ?? [])
      if (text(l.instanceId) === this.instanceId)
        await this.conn
          .request({ lockRelease: { job: l.job, lockId: l.lockId, instanceId: l.instanceId } })
          .catch(() => undefined);
    if (this.ownsConnection) this.conn.close();
  }
}
