// Live streams across instances. Motia 0.17 core pushes a stream change only
// to the WebSocket clients of the instance whose step made it, and never
// calls a stream adapter's subscribe. Installed by `troupe.plugin`, this
// module makes every instance push, to its own clients, the changes made
// anywhere to the stream groups they joined:
//
// - Joins: core serves a client's join by looking one stream up in
//   `lockedData.getStreams()` and reading the group (or item) through it;
//   step runs enumerate all streams instead. So the plugin wraps
//   `getStreams`: a handle from a single lookup subscribes, before it reads,
//   to the changes of the group it reads (kept until `maxGroups` other
//   groups were joined since: core does not say when a client leaves).
// - Pushes: a change from the node is replayed through core's own stream
//   wrapper, with a handle that answers with the change and writes nothing,
//   so core pushes it to the rooms of the group and of the item, as it
//   pushes local changes: same messages, only to the clients that joined.
// - No doubles: the changes written through handles core built on this
//   instance were pushed by core already; their echoes from the node are
//   recognised (same item, group, id and kind of change) and dropped.
import { isDeepStrictEqual } from 'node:util';
import { bytes, text } from './connection.js';
import type { LocalWrites, StreamChange, TroupeStreamAdapterManager } from './streams.js';

export interface LiveStreamsOptions {
  /** Groups this instance follows at most; the least recently joined goes first. Default 10000. */
  maxGroups?: number;
}

type StreamFactories = Record<string, () => any>;

/** The parts of Motia's LockedData live streams use. */
export interface LiveStreamsData {
  streamAdapter?: unknown;
  getStreams(): StreamFactories;
  getStreamByName(name: string): { config?: { baseConfig?: { storageType?: string } } } | undefined;
}

type Group = { ready: Promise<void>; chain: Promise<void> };

type Expected = { kind: 'set' | 'delete'; data: unknown; item?: string | null; at: number };

/** How long an echo of a local write is waited for, ms. */
const echoWaitMs = 60000;

const withoutCreatedAt = (item: Record<string, unknown>) => {
  const { _createdAt: _, ...rest } = item;
  return rest;
};

export class LiveStreams implements LocalWrites {
  private readonly groups = new Map<string, Group>();
  private readonly expected = new Map<string, Expected[]>();
  private coreStreams?: () => StreamFactories;
  private sweep?: NodeJS.Timeout;

  constructor(
    private readonly manager: TroupeStreamAdapterManager,
    private readonly options: LiveStreamsOptions = {},
  ) {}

  /** Installs the live streams on Motia's LockedData (when its streams are this manager's). */
  attach(lockedData: LiveStreamsData): boolean {
    if (lockedData.streamAdapter !== this.manager || typeof lockedData.getStreams !== 'function') return false;
    const original = lockedData.getStreams.bind(lockedData);
    this.coreStreams = original;
    this.manager.reportLocalWrites(this);
    lockedData.getStreams = () => {
      const factories = original();
      let enumerated = false;
      const out: StreamFactories = {};
      for (const [name, factory] of Object.entries(factories)) {
        if (lockedData.getStreamByName(name)?.config?.baseConfig?.storageType !== 'default') {
          out[name] = factory;
          continue;
        }
        out[name] = () => {
          const handle = this.manager.viaCore(factory);
          if (!enumerated) this.watchJoins(name, handle);
          return handle;
        };
      }
      return new Proxy(out, {
        ownKeys: (target) => {
          enumerated = true;  // a step run's streams, not a join
          return Reflect.ownKeys(target);
        },
      });
    };
    this.sweep = setInterval(() => this.forgetOldEchoes(), echoWaitMs / 2);
    this.sweep.unref();
    return true;
  }

  /** A handle of a join: each read first follows the group it reads. */
  private watchJoins(stream: string, handle: any) {
    const { get, getGroup } = handle;
    handle.get = async (groupId: string, id: string) => {
      await this.join(stream, groupId);
      return get.call(handle, groupId, id);
    };
    handle.getGroup = async (groupId: string) => {
      await this.join(stream, groupId);
      return getGroup.call(handle, groupId);
    };
  }

  private static key(stream: string, groupId: string): string {
    return JSON.stringify([stream, groupId]);
  }

  /** Follows the changes of `groupId` (resolves once the node confirmed it, or could not). */
  async join(stream: string, groupId: string): Promise<void> {
    const key = LiveStreams.key(stream, groupId);
    let group = this.groups.get(key);
    if (group) {
      this.groups.delete(key);  // the most recently joined goes last
      this.groups.set(key, group);
      return group.ready;
    }
    const request = { stream: bytes(this.manager.ns.wrap(stream)), groupId: bytes(groupId) };
    const added: Group = { chain: Promise.resolve(), ready: Promise.resolve() };
    added.ready = this.manager.registry
      .add(`live:${key}`, request, (_event, e) => {
        if (e.custom) return;
        const type = text(e.type);
        if (type !== 'create' && type !== 'update' && type !== 'delete') return;
        const change: StreamChange = { stream, groupId, id: text(e.id), type, item: text(e.data) };
        if (this.isEcho(change)) return;
        added.chain = added.chain.then(() => this.replay(change)).catch(() => undefined);
      })
      .catch(() => {
        if (this.groups.get(key) === added) this.groups.delete(key);  // a later join tries again
      });
    this.groups.set(key, added);
    while (this.groups.size > (this.options.maxGroups ?? 10000)) {
      const [oldest] = this.groups.keys();
      this.groups.delete(oldest);
      void this.manager.registry.remove(`live:${oldest}`);
    }
    return added.ready;
  }

  /** Pushes `change` to this instance's clients, through core's stream wrapper. */
  private async replay(change: StreamChange): Promise<void> {
    const factory = this.coreStreams?.()[change.stream];
    if (!factory) return;
    const handle = this.manager.replaying(change, () => factory());
    if (change.type === 'delete') await handle.delete(change.groupId, change.id);
    else await handle.set(change.groupId, change.id, JSON.parse(change.item));
  }

  /** A write through a handle core built (core pushes its change itself): its echo is to be dropped. */
  expect(stream: string, groupId: string, id: string, kind: 'set' | 'delete', data: unknown) {
    if (!this.groups.has(LiveStreams.key(stream, groupId))) return undefined;
    const key = JSON.stringify([stream, groupId, id]);
    const entry: Expected = { kind, data: kind === 'set' ? { ...(data as object), id } : null, at: Date.now() };
    const list = this.expected.get(key) ?? [];
    list.push(entry);
    this.expected.set(key, list);
    const remove = () => {
      const i = list.indexOf(entry);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0 && this.expected.get(key) === list) this.expected.delete(key);
    };
    return {
      settle: (item: string | null) => {
        if (item === null) return remove();  // nothing changed: no echo comes
        entry.item = item;
      },
      cancel: remove,
    };
  }

  /** Whether `change` is the echo of a local write (and forgets that write). */
  private isEcho(change: StreamChange): boolean {
    const key = JSON.stringify([change.stream, change.groupId, change.id]);
    const list = this.expected.get(key);
    if (!list) return false;
    const isDelete = change.type === 'delete';
    let item: Record<string, unknown> | undefined;
    const i = list.findIndex((e) => {
      if ((e.kind === 'delete') !== isDelete) return false;
      item ??= JSON.parse(change.item) as Record<string, unknown>;
      if (e.item !== undefined) return e.item === change.item || isDeepStrictEqual(JSON.parse(e.item ?? 'null'), item);
      return isDelete || isDeepStrictEqual(withoutCreatedAt(e.data as Record<string, unknown>), withoutCreatedAt(item!));
    });
    if (i < 0) return false;
    list.splice(i, 1);
    if (list.length === 0) this.expected.delete(key);
    return true;
  }

  private forgetOldEchoes() {
    const before = Date.now() - echoWaitMs;
    for (const [key, list] of this.expected) {
      for (let i = list.length - 1; i >= 0; i--) if (list[i].at < before) list.splice(i, 1);
      if (list.length === 0) this.expected.delete(key);
    }
  }

  /** Groups followed now (for tests and tools). */
  get followed(): number {
    return this.groups.size;
  }

  close(): void {
    clearInterval(this.sweep);
    for (const key of this.groups.keys()) void this.manager.registry.remove(`live:${key}`);
    this.groups.clear();
  }
}
