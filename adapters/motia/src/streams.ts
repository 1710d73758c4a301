// Motia's StreamAdapterManager / StreamAdapter on Troupe streams.
//
// createStream() returns a cheap handle: core calls it on every access, and
// every handle shares the process's one connection. set() and delete() never
// call this.send(): core replaces send() on each handle and would push every
// change to WebSocket clients twice.
import { TroupeConnection, bytes, text } from './connection.js';
import type { BaseStreamItem, StateStreamEvent, StateStreamEventChannel, StreamQueryFilter } from './motia-types.js';
import { Namespace } from './namespace.js';
import { toJson } from './state.js';

type Handler = (event: StateStreamEvent<unknown>) => void | Promise<void>;

type Subscription = { request: Record<string, unknown>; handler: Handler; id: number; active: boolean };

/**
 * Stream subscriptions of one process, re-established after a reconnect, and
 * after the node ends one (its group's partition moved to another node, or
 * the connection fell behind): then it is opened again, retried with backoff
 * while the group cannot be reached.
 */
class SubscriptionRegistry {
  private subs = new Map<string, Subscription>();

  constructor(private readonly conn: TroupeConnection) {
    conn.onReconnect(async () => {
      for (const [, s] of this.subs) {
        this.conn.offPush(s.id);
        await this.open(s);
      }
    });
  }

  private async open(s: Subscription): Promise<void> {
    s.id = await this.conn.subscribe({ streamSubscribe: s.request }, (push) => {
      if (push.overflow) {
        this.conn.offPush(Number(push.subscriptionId));
        void this.reopen(s);
        return;
      }
      const e = push.event;
      const data = JSON.parse(text(e?.data) || 'null');
      void Promise.resolve(s.handler({ type: text(e?.type), data })).catch(() => undefined);
    });
  }

  private async reopen(s: Subscription) {
    for (let wait = 50; s.active; wait = Math.min(wait * 2, 2000)) {
      try {
        await this.open(s);
        return;
      } catch {
        await new Promise((r) => setTimeout(r, wait).unref?.());
      }
    }
  }

  async add(channelKey: string, request: Record<string, unknown>, handler: Handler) {
    const s: Subscription = { request, handler, id: 0, active: true };
    await this.open(s);
    this.subs.set(channelKey, s);
  }

  async remove(channelKey: string) {
    const s = this.subs.get(channelKey);
    if (!s) return;
    s.active = false;
    this.subs.delete(channelKey);
    this.conn.offPush(s.id);
    await this.conn.request({ streamUnsubscribe: { subscriptionId: s.id } }).catch(() => undefined);
  }
}

export class TroupeStreamAdapter<TData = unknown> {
  constructor(
    protected readonly streamName: string,
    private readonly conn: TroupeConnection,
    private readonly ns: Namespace,
    private readonly registry: SubscriptionRegistry,
  ) {}

  private key(groupId: string, id?: string) {
    const k: Record<string, unknown> = { stream: bytes(this.ns.wrap(this.streamName)), groupId: bytes(groupId) };
    if (id !== undefined) k.id = bytes(id);
    return k;
  }

  private static item<T>(r: any): BaseStreamItem<T> | null {
    return r.streamItem?.found ? (JSON.parse(text(r.streamItem.item)) as BaseStreamItem<T>) : null;
  }

  async get(groupId: string, id: string): Promise<BaseStreamItem<TData> | null> {
    return TroupeStreamAdapter.item<TData>(await this.conn.request({ streamGet: this.key(groupId, id) }));
  }

  async set(groupId: string, id: string, data: TData): Promise<BaseStreamItem<TData>> {
    const r = await this.conn.request({ streamSet: { ...this.key(groupId, id), data: bytes(toJson(data)) } });
    return TroupeStreamAdapter.item<TData>(r)!;
  }

  async delete(groupId: string, id: string): Promise<BaseStreamItem<TData> | null> {
    return TroupeStreamAdapter.item<TData>(await this.conn.request({ streamDelete: this.key(groupId, id) }));
  }

  async getGroup(groupId: string): Promise<BaseStreamItem<TData>[]> {
    const r = await this.conn.request({ streamGetGroup: this.key(groupId) });
    return (r.streamItems?.items ?? []).map((i: any) => JSON.parse(text(i)));
  }

  async clear(groupId: string): Promise<void> {
    await this.conn.request({ streamClear: this.key(groupId) });
  }

  async query(groupId: string, filter: StreamQueryFilter<TData>): Promise<BaseStreamItem<TData>[]> {
    const r = await this.conn.request({
      streamQuery: {
        ...this.key(groupId),
        where: bytes(filter.where ? toJson(filter.where) : ''),
        orderBy: bytes(filter.orderBy ? String(filter.orderBy) : ''),
        descending: filter.orderDirection === 'desc',
        offset: filter.offset ?? 0,
        limit: filter.limit ?? 0,
      },
    });
    return (r.streamItems?.items ?? []).map((i: any) => JSON.parse(text(i)));
  }

  async send<T>(channel: StateStreamEventChannel, event: StateStreamEvent<T>): Promise<void> {
    await this.conn.request({
      streamSend: { ...this.key(channel.groupId, channel.id), type: bytes(event.type), data: bytes(toJson(event.data ?? null)) },
    });
  }

  private channelKey(channel: StateStreamEventChannel) {
    return JSON.stringify([this.streamName, channel.groupId, channel.id ?? null]);
  }

  async subscribe<T>(channel: StateStreamEventChannel, handler: (event: StateStreamEvent<T>) => void | Promise<void>): Promise<void> {
    await this.registry.add(this.channelKey(channel), this.key(channel.groupId, channel.id), handler as Handler);
  }

  async unsubscribe(channel: StateStreamEventChannel): Promise<void> {
    await this.registry.remove(this.channelKey(channel));
  }
}

export class TroupeStreamAdapterManager {
  private readonly registry: SubscriptionRegistry;

  constructor(
    private readonly conn: TroupeConnection,
    private readonly ns: Namespace,
    private readonly ownsConnection = false,
  ) {
    this.registry = new SubscriptionRegistry(conn);
  }

  createStream<TData>(streamName: string): TroupeStreamAdapter<TData> {
    return new TroupeStreamAdapter<TData>(streamName, this.conn, this.ns, this.registry);
  }

  async shutdown(): Promise<void> {
    if (this.ownsConnection) this.conn.close();
  }
}
