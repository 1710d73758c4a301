// Motia's StreamAdapterManager / StreamAdapter on Troupe streams.
//
// createStream() returns a cheap handle: core calls it on every access, and
// every handle shares the process's one connection. set() and delete() never
// call this.send(): core replaces send() on each handle and would push every
// change to WebSocket clients twice.
//
// Two hooks serve live streams across instances (live-streams.ts): a handle
// made while Motia core builds one (`viaCore`) tells the live streams about
// its writes, whose changes core pushes to this instance's clients itself;
// and while a forwarded change is replayed (`replaying`), createStream
// returns a handle that answers with that change and writes nothing.
import { TroupeConnection, bytes, text, type Push } from './connection.js';
import type { BaseStreamItem, StateStreamEvent, StateStreamEventChannel, StreamQueryFilter } from './motia-types.js';
import { Namespace } from './namespace.js';
import { toJson } from './state.js';

type Handler = (event: StateStreamEvent<unknown>, push: NonNullable<Push['event']>) => void | Promise<void>;

/** A change pushed by the node: the item's stream (namespaced away), group and id, and the item. */
export interface StreamChange {
  stream: string;
  groupId: string;
  id: string;
  type: 'create' | 'update' | 'delete';
  /** The item as stored (JSON text). */
  item: string;
}

/** What the adapters tell the live streams (live-streams.ts) about writes core pushes itself. */
export interface LocalWrites {
  /** A write about to be sent; settle it with the stored item (or null), or cancel it when it failed. */
  expect(stream: string, groupId: string, id: string, kind: 'set' | 'delete', data: unknown): { settle(item: string | null): void; cancel(): void } | undefined;
}

type Subscription = { request: Record<string, unknown>; handler: Handler; id: number; active: boolean; reopening?: object };

/**
 * Stream subscriptions of one process, re-established after a reconnect, and
 * after the node ends one (its group's partition moved to another node, or
 * the connection fell behind): then it is opened again, retried with backoff
 * while the group cannot be reached.
 */
export class SubscriptionRegistry {
  private subs = new Map<string, Subscription>();

  constructor(private readonly conn: TroupeConnection) {
    conn.onReconnect(async () => {
      await Promise.all([...this.subs.values()].map((s) => this.reopen(s)));
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
      if (!e) return;
      const data = JSON.parse(text(e.data) || 'null');
      void Promise.resolve(s.handler({ type: text(e.type), data }, e)).catch(() => undefined);
    });
  }

  /**
   * Opens `s` again (its old subscription ended: the connection was lost, or
   * the node ended it), retrying with backoff until it is open, removed, or a
   * newer reopen took over. Its old id is forgotten, not unrouted: the node
   * may have given that id to another subscription since.
   */
  private async reopen(s: Subscription) {
    const token = {};
    s.reopening = token;
    s.id = 0;
    for (let wait = 50; s.active && s.reopening === token && !this.conn.isClosed; wait = Math.min(wait * 2, 2000)) {
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
    /** Set on handles Motia core built (it pushes their changes to this instance's clients). */
    private readonly localWrites?: LocalWrites,
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
    const json = toJson(data);
    const local = this.localWrites?.expect(this.streamName, groupId, id, 'set', data);
    try {
      const outcome = { attempts: 0, unknownOutcome: false };
      const r = await this.conn.request({ streamSet: { ...this.key(groupId, id), data: bytes(json) } }, outcome);
      const item = r.streamItem?.found ? text(r.streamItem.item) : null;
      local?.settle(item);
      // Sent again after an attempt that may have been applied: the node may
      // push the same item twice (both are this write's echoes).
      if (outcome.unknownOutcome) this.localWrites?.expect(this.streamName, groupId, id, 'set', data)?.settle(item);
      return TroupeStreamAdapter.item<TData>(r)!;
    } catch (err) {
      local?.cancel();
      throw err;
    }
  }

  async delete(groupId: string, id: string): Promise<BaseStreamItem<TData> | null> {
    const local = this.localWrites?.expect(this.streamName, groupId, id, 'delete', null);
    try {
      const r = await this.conn.request({ streamDelete: this.key(groupId, id) });
      local?.settle(r.streamItem?.found ? text(r.streamItem.item) : null);
      return TroupeStreamAdapter.item<TData>(r);
    } catch (err) {
      local?.cancel();
      throw err;
    }
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

/** The handle createStream returns while a forwarded change is replayed: it answers with the change and writes nothing. */
class ReplayHandle<TData> extends TroupeStreamAdapter<TData> {
  constructor(
    streamName: string,
    conn: TroupeConnection,
    ns: Namespace,
    registry: SubscriptionRegistry,
    private readonly change: StreamChange,
  ) {
    super(streamName, conn, ns, registry);
  }
  private get item(): BaseStreamItem<TData> {
    return JSON.parse(this.change.item);
  }
  override async get(): Promise<BaseStreamItem<TData> | null> {
    return this.change.type === 'update' ? this.item : null;
  }
  override async set(): Promise<BaseStreamItem<TData>> {
    return this.item;
  }
  override async delete(): Promise<BaseStreamItem<TData> | null> {
    return this.item;
  }
  override async getGroup(): Promise<BaseStreamItem<TData>[]> {
    return [];
  }
}

export class TroupeStreamAdapterManager {
  readonly registry: SubscriptionRegistry;
  private coreDepth = 0;
  private replay?: StreamChange;
  private localWrites?: LocalWrites;

  constructor(
    private readonly conn: TroupeConnection,
    readonly ns: Namespace,
    private readonly ownsConnection = false,
  ) {
    this.registry = new SubscriptionRegistry(conn);
  }

  createStream<TData>(streamName: string): TroupeStreamAdapter<TData> {
    if (this.replay) return new ReplayHandle<TData>(streamName, this.conn, this.ns, this.registry, this.replay);
    const local = this.coreDepth > 0 ? this.localWrites : undefined;
    return new TroupeStreamAdapter<TData>(streamName, this.conn, this.ns, this.registry, local);
  }

  /** Live streams: where handles built by Motia core report their writes. */
  reportLocalWrites(to: LocalWrites): void {
    this.localWrites = to;
  }

  /** Calls `build` (Motia core building a handle, synchronously); the handles made meanwhile report their writes. */
  viaCore<T>(build: () => T): T {
    this.coreDepth++;
    try {
      return build();
    } finally {
      this.coreDepth--;
    }
  }

  /** Calls `build`; the handles made meanwhile replay `change` instead of reaching the node. */
  replaying<T>(change: StreamChange, build: () => T): T {
    this.replay = change;
    try {
      return build();
    } finally {
      this.replay = undefined;
    }
  }

  async shutdown(): Promise<void> {
    if (this.ownsConnection) this.conn.close();
  }
}
