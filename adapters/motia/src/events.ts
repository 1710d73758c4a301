// Motia's EventAdapter on Troupe event queues.
//
// Decisions (see README): maxRetries counts retries after the first attempt;
// visibilityTimeout (s) is how long a consumer may go silent before its
// delivery goes to another one: while a handler runs, the adapter extends its
// delivery every third of it (up to maxHandlerMs), so a slow handler is never
// run twice at once, and a delivery whose process died is redelivered; a
// failed attempt (the handler rejects or throws) is retried after a backoff
// (retryBackoffMs, default 2000, fixed); fifo keeps per-messageGroupId order
// across all instances and never drops an event of the same group. The
// handler resolving acks the delivery.
import { randomUUID } from 'node:crypto';
import { TroupeConnection, bytes, isFailover, text, type Push } from './connection.js';
import { TroupeError } from './errors.js';
import type { Event, QueueConfig, SubscriptionHandle } from './motia-types.js';
import { Namespace } from './namespace.js';
import { toJson } from './state.js';

export interface EventAdapterOptions {
  /** How long emit() keeps retrying through reconnects, ms. Default 30000. */
  emitRetryMs?: number;
  /** Wait before retrying a failed attempt, ms. Default 2000. */
  retryBackoffMs?: number;
  /** Double the wait on each further attempt. Default false. */
  exponentialBackoff?: boolean;
  /**
   * Longest a running handler keeps its delivery, ms: past it the adapter
   * stops extending the delivery, which then goes to another consumer after
   * the visibility timeout. Default 3600000 (one hour).
   */
  maxHandlerMs?: number;
}

const defaultQueue: QueueConfig = { type: 'standard', maxRetries: 3, visibilityTimeout: 900, delaySeconds: 0 };

/**
 * The shortest visibility timeout the adapter asks for, ms. A running handler
 * keeps its delivery by extending it every third of the timeout; below about
 * a second, one slow event-loop turn or round trip would hand a delivery
 * that is being handled to another consumer.
 */
const minVisibilityMs = 1000;

type Consumer = {
  topic: string;
  step: string;
  handler: (event: Event<any>) => void | Promise<void>;
  config: Record<string, unknown>;
  subscriptionId: number;
  /** Deliveries whose handler runs, by a number of this process's own. */
  running: Map<number, { subscriptionId: number; messageId: string; startedAt: number }>;
  heartbeat?: NodeJS.Timeout;
  /** The re-subscription under way (a newer one ends an older one). */
  reopening?: object;
};

export class TroupeEventAdapter {
  private consumers = new Map<string, Consumer>();
  private nextHandle = 1;
  private nextDelivery = 1;

  constructor(
    private readonly conn: TroupeConnection,
    private readonly ns: Namespace,
    private readonly options: EventAdapterOptions = {},
    private readonly ownsConnection = false,
  ) {
    // Consumers come back after a reconnect; in-flight deliveries of the old
    // connection were given back to their queues by the node. (A consumer
    // whose topic's node or leader is lost while this connection stays up is
    // subscribed again by the node itself.)
    conn.onReconnect(async () => {
      await Promise.all([...this.consumers.values()].map((c) => this.reopen(c)));
    });
  }

  /**
   * Subscribes `c` again after a reconnect, retrying with backoff until it
   * is, it is unsubscribed or the connection closes. Its old id is not
   * unrouted: the new node may have given it to another subscription.
   */
  private async reopen(c: Consumer) {
    const token = {};
    c.reopening = token;
    c.subscriptionId = 0;
    for (let wait = 50; c.reopening === token && !this.conn.isClosed; wait = Math.min(wait * 2, 2000)) {
      try {
        await this.open(c);
        return;
      } catch {
        await new Promise((r) => setTimeout(r, wait).unref?.());
      }
    }
  }

  async emit<T>(event: Event<T>): Promise<void> {
    const entry: Record<string, unknown> = {
      data: bytes(toJson(event.data ?? null)),
      traceId: bytes(event.traceId ?? ''),
      flows: (event.flows ?? []).map(bytes),
    };
    if (event.messageGroupId !== undefined) entry.messageGroupId = bytes(event.messageGroupId);
    // The key makes a retry after a lost reply safe: the node stores the
    // event once and answers a repeat with the first emit's ids.
    entry.idempotencyKey = bytes(randomUUID());
    const deadline = Date.now() + (this.options.emitRetryMs ?? 30000);
    for (;;) {
      try {
        await this.conn.request({ eventEmit: { topic: bytes(this.ns.wrap(event.topic)), event: entry } });
        return;
      } catch (err) {
        // The connection retried for its failoverTimeoutMs already; an
        // emit keeps going up to emitRetryMs.
        if (!isFailover(err) || this.conn.isClosed || Date.now() > deadline) throw err;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  }

  private queueConfig(options?: QueueConfig): Record<string, unknown> {
    const q = { ...defaultQueue, ...(options ?? {}) } as QueueConfig & { concurrency?: number };
    if (q.type !== 'standard' && q.type !== 'fifo')
      throw new TroupeError('INVALID_ARGUMENT', `queue type must be 'standard' or 'fifo'`);
    return {
      type: q.type,
      maxRetries: q.maxRetries,
      visibilityTimeoutMs: Math.max(minVisibilityMs, Math.round(q.visibilityTimeout * 1000)),
      delayMs: Math.round((q.delaySeconds ?? 0) * 1000),
      concurrency: q.type === 'fifo' ? 1 : (q.concurrency ?? 1),
      backoffMs: this.options.retryBackoffMs ?? 2000,
      exponentialBackoff: this.options.exponentialBackoff ?? false,
    };
  }

  private async open(c: Consumer) {
    const request = { eventSubscribe: { topic: bytes(this.ns.wrap(c.topic)), step: bytes(c.step), config: c.config } };
    c.subscriptionId = await this.conn.subscribe(request, (push) => this.deliver(c, push));
  }

  private deliver(c: Consumer, push: Push) {
    const m = push.delivery;
    if (!m) return;
    const sub = Number(push.subscriptionId);
    const messageId = text(m.messageId);
    const event: Event<any> = {
      topic: c.topic,
      data: JSON.parse(text(m.data) || 'null'),
      traceId: text(m.traceId),
      flows: (m.flows ?? []).map(text),
    };
    if (m.messageGroupId !== undefined) event.messageGroupId = text(m.messageGroupId);
    const delivery = this.running(c, messageId, sub);
    Promise.resolve()
      .then(() => c.handler(event))
      .finally(() => this.finished(c, delivery))
      .then(
        () => this.conn.request({ eventAck: { subscriptionId: sub, messageId: bytes(messageId) } }),
        (err) =>
          this.conn.request({
            eventNack: { subscriptionId: sub, messageId: bytes(messageId), error: String(err?.message ?? err) },
          }),
      )
      .catch(() => undefined);  // a lost ack/nack: the visibility timeout redelivers
  }

  /** Marks a delivery's handler as running; its delivery is extended meanwhile. */
  private running(c: Consumer, messageId: string, subscriptionId: number): number {
    const delivery = this.nextDelivery++;
    c.running.set(delivery, { subscriptionId, messageId, startedAt: Date.now() });
    if (!c.heartbeat) {
      const everyMs = Math.floor(Number(c.config.visibilityTimeoutMs) / 3);
      c.heartbeat = setInterval(() => this.extend(c), everyMs);
      c.heartbeat.unref?.();
    }
    return delivery;
  }

  private finished(c: Consumer, delivery: number) {
    c.running.delete(delivery);
    if (c.running.size === 0) this.stopHeartbeat(c);
  }

  private stopHeartbeat(c: Consumer) {
    clearInterval(c.heartbeat);
    c.heartbeat = undefined;
  }

  /** One EventExtend per subscription for the handlers still within maxHandlerMs. */
  private extend(c: Consumer) {
    const limit = Date.now() - (this.options.maxHandlerMs ?? 3_600_000);
    const bySubscription = new Map<number, Buffer[]>();
    for (const r of c.running.values()) {
      if (r.startedAt < limit) continue;
      const ids = bySubscription.get(r.subscriptionId) ?? [];
      ids.push(bytes(r.messageId));
      bySubscription.set(r.subscriptionId, ids);
    }
    for (const [subscriptionId, messageIds] of bySubscription)
      // A lost extension is retried at the next beat; a delivery no longer
      // in flight (its connection dropped) is simply not extended.
      this.conn.request({ eventExtend: { subscriptionId, messageIds } }).catch(() => undefined);
  }

  async subscribe<T>(
    topic: string,
    stepName: string,
    handler: (event: Event<T>) => void | Promise<void>,
    options?: QueueConfig,
  ): Promise<SubscriptionHandle> {
    const c: Consumer = {
      topic,
      step: stepName,
      handler: handler as Consumer['handler'],
      config: this.queueConfig(options),
      subscriptionId: 0,
      running: new Map(),
    };
    await this.open(c);
    const id = `${topic}:${stepName}:${this.nextHandle++}`;
    this.consumers.set(id, c);
    const handle: SubscriptionHandle = { topic, id, unsubscribe: () => this.unsubscribe(handle) };
    return handle;
  }

  async unsubscribe(handle: SubscriptionHandle): Promise<void> {
    const c = this.consumers.get(handle.id);
    if (!c) return;
    this.consumers.delete(handle.id);
    c.reopening = undefined;
    this.stopHeartbeat(c);
    this.conn.offPush(c.subscriptionId);
    await this.conn.request({ eventUnsubscribe: { subscriptionId: c.subscriptionId } }).catch(() => undefined);
  }

  /** Live consumer subscriptions of this process for `topic` (as Motia's adapters count). */
  async getSubscriptionCount(topic: string): Promise<number> {
    return [...this.consumers.values()].filter((c) => c.topic === topic).length;
  }

  /** Distinct topics this process consumes. */
  async listTopics(): Promise<string[]> {
    return [...new Set([...this.consumers.values()].map((c) => c.topic))];
  }

  async shutdown(): Promise<void> {
    for (const id of [...this.consumers.keys()]) {
      const c = this.consumers.get(id)!;
      await this.unsubscribe({ topic: c.topic, id, unsubscribe: async () => undefined });
    }
    if (this.ownsConnection) this.conn.close();
  }
}
