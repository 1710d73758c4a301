// The two queues of a connection: requests sent and waiting for their
// Response (matched by frame id, each with its timeout), and requests made
// while no node is connected (the offline queue: they wait, bounded in
// number and in time, until a node welcomes us).
import { TroupeError, TroupeOfflineError, codeName } from './errors.js';
import type { FrameData, troupe } from './frames.js';

/** A Response's result (the field of the request's reply). */
export type Reply = Omit<troupe.v1.IResponse, 'error'>;

type Pending = {
  resolve: (r: Reply) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
  /** Runs as the reply is read, before any frame after it. */
  onResult?: (r: Reply) => void;
};

/** Requests sent on the current connection, by frame id. */
export class PendingRequests {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly timeoutMs: number) {}

  /**
   * Registers a request about to be sent and returns its frame id and its
   * reply. `send` writes the frame; if it throws, the request fails with it.
   */
  add(send: (id: number) => void, onResult?: (r: Reply) => void): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new TroupeError('UNAVAILABLE', 'the node did not answer in time'));
      }, this.timeoutMs);
      this.pending.set(id, { resolve, reject, timer, onResult });
      try {
        send(id);
      } catch (err) {
        clearTimeout(timer);
        this.pending.delete(id);
        reject(err instanceof TroupeError ? err : new TroupeError('INVALID_ARGUMENT', String(err)));
      }
    });
  }

  /** Settles the request a Response frame answers (an unknown id is ignored). */
  settle(frame: FrameData): void {
    const id = Number(frame.id ?? 0);
    const p = this.pending.get(id);
    if (!p || !frame.response) return;
    this.pending.delete(id);
    clearTimeout(p.timer);
    const { error, ...result } = frame.response;
    if (error) return p.reject(new TroupeError(codeName(error.code ?? undefined), error.message ?? ''));
    p.onResult?.(result);
    p.resolve(result);
  }

  /** Fails every request still waiting (the connection is gone). */
  failAll(reason: string): void {
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(new TroupeError('UNAVAILABLE', reason));
    }
    this.pending.clear();
  }
}

export interface OfflineQueueOptions {
  /** Requests that may wait at once; one more fails at once. */
  limit: number;
  /** How long one request may wait, ms. */
  maxWaitMs: number;
}

type Waiter = { resolve: () => void; reject: (e: Error) => void; timer: NodeJS.Timeout };

/**
 * Requests waiting for a connection, in the order they were made. A request
 * beyond `limit` fails at once, one that waits `maxWaitMs` fails then: both
 * with `TroupeOfflineError` (code `UNAVAILABLE`), naming what the nodes
 * answered.
 */
export class OfflineQueue {
  private readonly waiters = new Set<Waiter>();

  constructor(
    private readonly options: OfflineQueueOptions,
    /** What the nodes answered so far, for errors. */
    private readonly reasons: () => string,
  ) {}

  get size(): number {
    return this.waiters.size;
  }

  /** Resolves when `release` is called (a node welcomed us), or fails as above. */
  wait(): Promise<void> {
    if (this.waiters.size >= this.options.limit)
      return Promise.reject(new TroupeOfflineError('full', `${this.options.limit} requests already wait for a node: ${this.reasons()}`));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(new TroupeOfflineError('timeout', `no node for ${this.options.maxWaitMs} ms: ${this.reasons()}`));
        }, this.options.maxWaitMs),
      };
      this.waiters.add(waiter);
    });
  }

  /** Lets every waiting request go, in order. */
  release(): void {
    for (const w of this.waiters) {
      clearTimeout(w.timer);
      w.resolve();
    }
    this.waiters.clear();
  }

  /** Fails every waiting request with `err`. */
  fail(err: Error): void {
    for (const w of this.waiters) {
      clearTimeout(w.timer);
      w.reject(err);
    }
    this.waiters.clear();
  }
}
