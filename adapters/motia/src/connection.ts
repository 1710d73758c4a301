// One connection to a Troupe node, shared by every adapter of a process:
// pipelined requests matched by id, server pushes routed by subscription id,
// reconnect with backoff across the configured nodes, and re-subscription
// hooks run after every reconnect. In a cluster, requests of one partition
// go straight to the partition's owner over a second connection to it
// (routing.ts); subscriptions stay on this one.
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';
import { TroupeError, codeName } from './errors.js';
import { PartitionTable, partitionKey } from './routing.js';

const here = path.dirname(fileURLToPath(import.meta.url));
// dist/src -> package root
const root = protobuf.loadSync(path.join(here, '..', '..', 'proto', 'troupe.proto'));
const Frame = root.lookupType('troupe.v1.Frame');
export const QueueMessage = root.lookupType('troupe.v1.QueueMessage');

export interface ConnectionOptions {
  /** host:port of the nodes to try, in order. */
  nodes: string[];
  token?: string;
  clientName?: string;
  /** Per-request limit in ms. Default 30000. */
  requestTimeoutMs?: number;
  /**
   * Send each single-partition request to the node that owns its partition
   * (by the partition table of Welcome, refreshed every few seconds). Off:
   * the connected node forwards them. Default on.
   */
  routeToOwner?: boolean;
  /** Internal (owner connections): a lost or refused connection fails its requests at once. */
  failFast?: boolean;
}

/** How often the partition table is read again, ms. */
const tableRefreshMs = 5000;

type Push = { subscriptionId: number; event?: any; delivery?: any; overflow?: boolean };
type Pending = {
  resolve: (r: any) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
  /** Runs as the reply is read, before any frame after it. */
  onResult?: (r: any) => void;
};

export const text = (b: Uint8Array | string | undefined | null): string =>
  b == null ? '' : typeof b === 'string' ? b : Buffer.from(b).toString('utf8');
export const bytes = (s: string): Buffer => Buffer.from(s, 'utf8');

export class TroupeConnection {
  private socket?: net.Socket;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private pushHandlers = new Map<number, (push: Push) => void>();
  private reconnectHooks = new Set<() => Promise<void>>();
  private ready?: Promise<void>;
  private closed = false;
  private nodeIndex = 0;
  private backoffMs = 50;
  private nodeId = '';
  private table?: PartitionTable;
  private tableReadAt = 0;
  private owners = new Map<string, TroupeConnection>();
  private unreachable = new Set<string>();

  constructor(private readonly options: ConnectionOptions) {
    if (!options.nodes?.length) throw new TroupeError('INVALID_ARGUMENT', 'nodes must list at least one host:port');
  }

  /** Connects (once) and resolves when the node has welcomed us. */
  connect(): Promise<void> {
    if (!this.ready) {
      this.ready = this.open();
      this.ready.catch(() => {
        this.ready = undefined;  // a refused handshake: the next call tries again
      });
    }
    return this.ready;
  }

  private withTimeout<T>(p: Promise<T>, what: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new TroupeError('UNAVAILABLE', what)), this.options.requestTimeoutMs ?? 30000);
      p.then(
        (v) => {
          clearTimeout(timer);
          resolve(v);
        },
        (e) => {
          clearTimeout(timer);
          reject(e);
        },
      );
    });
  }

  private open(): Promise<void> {
    return new Promise((resolve, reject) => {
      const [host, port] = this.options.nodes[this.nodeIndex % this.options.nodes.length].split(':');
      const socket = net.createConnection({ host, port: Number(port) });
      socket.setNoDelay(true);
      let welcomed = false;
      socket.on('connect', () => {
        this.socket = socket;
        this.writeFrame({ id: 0, hello: { protocolVersion: 1, clientName: this.options.clientName ?? 'troupe-motia', token: this.options.token ?? '' } });
      });
      socket.on('data', (chunk) => {
        this.buffer = Buffer.concat([this.buffer, chunk]);
        while (this.buffer.length >= 4) {
          const len = this.buffer.readUInt32BE(0);
          if (this.buffer.length < 4 + len) break;
          const frame: any = Frame.toObject(Frame.decode(this.buffer.subarray(4, 4 + len)), { longs: Number, defaults: false });
          this.buffer = this.buffer.subarray(4 + len);
          if (frame.welcome) {
            welcomed = true;
            this.nodeId = frame.welcome.nodeId ?? '';
            if (this.options.routeToOwner !== false) this.setTable(frame.welcome.partitionTable);
            this.backoffMs = 50;
            resolve();
          } else if (frame.error && !welcomed) {
            this.closed = true;
            reject(new TroupeError(codeName(frame.error.code), frame.error.message ?? ''));
          } else {
            this.onFrame(frame);
          }
        }
      });
      socket.on('error', () => {
        // 'close' follows and retries with backoff.
      });
      socket.on('close', () => {
        this.socket = undefined;
        this.buffer = Buffer.alloc(0);
        this.failPending('connection to the node closed');
        if (this.closed) return;
        if (this.options.failFast) {
          this.ready = undefined;
          if (!welcomed) reject(new TroupeError('UNAVAILABLE', `cannot reach ${host}:${port}`));
          return;
        }
        if (!welcomed) {
          // Never connected this round: retry with backoff (also the first time).
          this.scheduleReconnect(resolve, reject);
          return;
        }
        this.ready = new Promise<void>((res, rej) => this.scheduleReconnect(res, rej));
        // Hooks send requests themselves, so they run after `ready`, not in it.
        this.ready.then(() => this.runReconnectHooks(), () => undefined);
      });
    });
  }

  private scheduleReconnect(resolve: () => void, reject: (e: Error) => void) {
    this.nodeIndex++;
    const wait = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, 2000);
    setTimeout(() => {
      if (this.closed) return reject(new TroupeError('UNAVAILABLE', 'connection closed'));
      this.open().then(resolve, reject);
    }, wait).unref?.();
  }

  private async runReconnectHooks() {
    for (const hook of this.reconnectHooks) await hook().catch(() => undefined);
  }

  /** Registers a hook run after each reconnect (to re-establish subscriptions). */
  onReconnect(hook: () => Promise<void>): () => void {
    this.reconnectHooks.add(hook);
    return () => this.reconnectHooks.delete(hook);
  }

  /** Routes pushes of `subscriptionId` to `handler`. */
  onPush(subscriptionId: number, handler: (push: Push) => void) {
    this.pushHandlers.set(subscriptionId, handler);
  }

  offPush(subscriptionId: number) {
    this.pushHandlers.delete(subscriptionId);
  }

  /**
   * Sends a subscribe request on this connection and routes its pushes to
   * `handler`. The handler is in place as soon as the reply is read, before
   * the frames behind it: a node with a backlog pushes the first deliveries
   * right after the reply, often in the same read. Resolves with the
   * subscription id.
   */
  async subscribe(req: Record<string, unknown>, handler: (push: Push) => void): Promise<number> {
    await this.withTimeout(this.connect(), `cannot reach any of ${this.options.nodes.join(', ')}`);
    const r = await this.send(req, (result) => this.onPush(Number(result.subscribe.subscriptionId), handler));
    return Number(r.subscribe.subscriptionId);
  }

  /** Sends one request; resolves with the Response's result, rejects with a TroupeError. */
  async request(req: Record<string, unknown>): Promise<any> {
    await this.withTimeout(this.connect(), `cannot reach any of ${this.options.nodes.join(', ')}`);
    const owner = this.ownerFor(req);
    if (owner) {
      try {
        return await owner.connection.request(req);
      } catch (e) {
        if (!(e instanceof TroupeError) || (e.code !== 'UNAVAILABLE' && e.code !== 'NOT_LEADER')) throw e;
        // A stale table or a lost owner: this node routes it instead.
        this.dropOwner(owner.nodeId);
      }
    }
    return this.send(req);
  }

  private setTable(pt: unknown) {
    const table = PartitionTable.from(pt);
    if (table && (!this.table || table.epoch >= this.table.epoch)) this.table = table;
    this.tableReadAt = Date.now();
    this.unreachable.clear();
  }

  /** The owner's connection for a single-partition request not owned here. */
  private ownerFor(req: Record<string, unknown>): { nodeId: string; connection: TroupeConnection } | undefined {
    if (!this.table) return undefined;
    if (Date.now() - this.tableReadAt > tableRefreshMs) {
      this.tableReadAt = Date.now();
      this.send({ clusterStatus: {} }).then((r) => this.setTable(r.cluster?.table), () => undefined);
    }
    const key = partitionKey(req as Record<string, any>);
    if (!key) return undefined;
    const { nodeId, address } = this.table.ownerOf(key);
    if (!nodeId || nodeId === this.nodeId || !address || this.unreachable.has(nodeId)) return undefined;
    let connection = this.owners.get(nodeId);
    if (!connection) {
      connection = new TroupeConnection({ ...this.options, nodes: [address], routeToOwner: false, failFast: true });
      this.owners.set(nodeId, connection);
    }
    return { nodeId, connection };
  }

  private dropOwner(nodeId: string) {
    this.owners.get(nodeId)?.close();
    this.owners.delete(nodeId);
    this.unreachable.add(nodeId);
  }

  /** Sends one request on this connection. */
  private send(req: Record<string, unknown>, onResult?: (r: any) => void): Promise<any> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new TroupeError('UNAVAILABLE', 'the node did not answer in time'));
      }, this.options.requestTimeoutMs ?? 30000);
      this.pending.set(id, { resolve, reject, timer, onResult });
      try {
        this.writeFrame({ id, request: req });
      } catch (err) {
        clearTimeout(timer);
        this.pending.delete(id);
        reject(err instanceof TroupeError ? err : new TroupeError('INVALID_ARGUMENT', String(err)));
      }
    });
  }

  close() {
    this.closed = true;
    for (const owner of this.owners.values()) owner.close();
    this.owners.clear();
    this.socket?.destroy();
    this.failPending('connection closed');
  }

  private writeFrame(obj: Record<string, unknown>) {
    const msg = Frame.fromObject(obj);
    const err = Frame.verify(msg);
    if (err) throw new TroupeError('INVALID_ARGUMENT', err);
    const body = Frame.encode(msg).finish();
    const header = Buffer.alloc(4);
    header.writeUInt32BE(body.length, 0);
    if (!this.socket) throw new TroupeError('UNAVAILABLE', 'not connected');
    this.socket.write(Buffer.concat([header, body]));
  }

  private onFrame(frame: any) {
    if (frame.push) {
      const push = frame.push as Push;
      this.pushHandlers.get(Number(push.subscriptionId))?.(push);
      return;
    }
    if (frame.response) {
      const id = Number(frame.id ?? 0);
      const p = this.pending.get(id);
      if (!p) return;
      this.pending.delete(id);
      clearTimeout(p.timer);
      const { error, ...result } = frame.response;
      if (error) {
        p.reject(new TroupeError(codeName(error.code), error.message ?? ''));
        return;
      }
      p.onResult?.(result);
      p.resolve(result);
    }
  }

  private failPending(reason: string) {
    for (const [, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(new TroupeError('UNAVAILABLE', reason));
    }
    this.pending.clear();
  }
}
