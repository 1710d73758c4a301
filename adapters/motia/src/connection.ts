// One connection to a Troupe node, shared by every adapter of a process:
// pipelined requests matched by id, server pushes routed by subscription id,
// reconnect with backoff across the configured nodes, and re-subscription
// hooks run after every reconnect. In a cluster, requests of one partition
// go straight to the partition's owner over a second connection to it
// (routing.ts); subscriptions stay on this one.
import net from 'node:net';
import { parseAddresses, type NodeAddress } from './address.js';
import { Backoff } from './backoff.js';
import { TroupeError, codeName } from './errors.js';
import { FrameReader, encodeFrame, type FrameData, type troupe } from './frames.js';
import { PartitionTable, partitionKey } from './routing.js';

export interface ConnectionOptions {
  /** Addresses of the nodes to try, in order: "host:port" or "[IPv6]:port". */
  nodes: string[];
  token?: string;
  clientName?: string;
  /** Per-request limit in ms. Default 30000. */
  requestTimeoutMs?: number;
  /**
   * Longest wait for one node to accept the connection and welcome us, ms;
   * then the next node is tried. Default 10000 (at most requestTimeoutMs).
   */
  connectTimeoutMs?: number;
  /**
   * Send each single-partition request to the node that owns its partition
   * (by the partition table of Welcome, refreshed every few seconds). Off:
   * the connected node forwards them. Default on.
   */
  routeToOwner?: boolean;
  /** Internal (owner connections): a lost or refused connection fails its requests at once. */
  failFast?: boolean;
}

/** A request: exactly one of troupe.v1.Request's operations. */
export type Request = troupe.v1.IRequest;
/** A Response's result (the field of the request's reply), decoded: 64-bit integers as numbers, bytes as Buffers. */
export type Reply = Omit<troupe.v1.IResponse, 'error'>;
/** A server push for a subscription. */
export type Push = troupe.v1.IPush;

/** How often the partition table is read again, ms. */
const tableRefreshMs = 5000;

type Pending = {
  resolve: (r: Reply) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
  /** Runs as the reply is read, before any frame after it. */
  onResult?: (r: Reply) => void;
};

/** One connection attempt that did not get a Welcome: the socket's error, or what happened instead. */
class AttemptFailed extends Error {}

export const text = (b: Uint8Array | string | undefined | null): string =>
  b == null ? '' : typeof b === 'string' ? b : Buffer.from(b).toString('utf8');
export const bytes = (s: string): Buffer => Buffer.from(s, 'utf8');

export class TroupeConnection {
  private readonly addresses: NodeAddress[];
  private socket?: net.Socket;
  /** The socket of the attempt under way, until it is welcomed. */
  private attempting?: net.Socket;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private pushHandlers = new Map<number, (push: Push) => void>();
  private reconnectHooks = new Set<() => Promise<void>>();
  private ready?: Promise<void>;
  private closed = false;
  private nodeIndex = 0;
  private readonly backoff = new Backoff(50, 2000);
  /** The last reason each address could not be reached. */
  private lastErrors = new Map<string, string>();
  private nodeId = '';
  private table?: PartitionTable;
  private tableReadAt = 0;
  private owners = new Map<string, TroupeConnection>();
  private unreachable = new Set<string>();

  /** Refuses a missing or malformed address (`TroupeError` `INVALID_ARGUMENT`) here, naming it. */
  constructor(private readonly options: ConnectionOptions) {
    this.addresses = parseAddresses(options?.nodes);
  }

  private get requestTimeoutMs() {
    return this.options.requestTimeoutMs ?? 30000;
  }

  /**
   * Connects (once) and resolves when a node has welcomed us. The first
   * connect tries each node once, in order, and fails as soon as every one
   * has refused, naming each address and its error; the next call tries
   * again. Once connected, a lost connection is re-established with backoff
   * (see `reconnect`).
   */
  connect(): Promise<void> {
    if (!this.ready) {
      this.ready = this.connectRound();
      this.ready.catch(() => {
        this.ready = undefined;  // a refused round: the next call tries again
      });
    }
    return this.ready;
  }

  /** What the nodes answered so far, for errors: "a:1 (ECONNREFUSED), b:2 (ENOTFOUND)". */
  private reasons(): string {
    return this.addresses.map((a) => `${a.text} (${this.lastErrors.get(a.text) ?? 'no answer yet'})`).join(', ');
  }

  private withTimeout<T>(p: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new TroupeError('UNAVAILABLE', `cannot reach any node: ${this.reasons()}`)),
        this.requestTimeoutMs,
      );
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

  /** Each node once, in order, from the current one; a node's refusal of our Hello (an error frame) ends it. */
  private async connectRound(): Promise<void> {
    for (let i = 0; i < this.addresses.length; i++) {
      if (this.closed) throw new TroupeError('UNAVAILABLE', 'connection closed');
      try {
        return await this.attempt(this.addresses[this.nodeIndex % this.addresses.length]);
      } catch (err) {
        if (!(err instanceof AttemptFailed)) throw err;
        this.nodeIndex++;
      }
    }
    throw new TroupeError('UNAVAILABLE', `cannot reach any node: ${this.reasons()}`);
  }

  /** After a connection was lost: the next node, then the next, with jittered backoff, until one welcomes us. */
  private async reconnect(): Promise<void> {
    for (;;) {
      this.nodeIndex++;
      await new Promise((r) => setTimeout(r, this.backoff.next()).unref?.());
      if (this.closed) throw new TroupeError('UNAVAILABLE', 'connection closed');
      try {
        return await this.attempt(this.addresses[this.nodeIndex % this.addresses.length]);
      } catch (err) {
        if (err instanceof AttemptFailed) continue;
        this.closed = true;  // the node refused us (a wrong token): retrying will not help
        throw err;
      }
    }
  }

  /**
   * One attempt: connect to `address`, say Hello, resolve on Welcome. Rejects
   * with AttemptFailed (the socket's error code, or what happened instead) or
   * with the node's TroupeError when it refuses the Hello.
   */
  private attempt(address: NodeAddress): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = net.createConnection({ host: address.host, port: address.port });
      socket.setNoDelay(true);
      this.attempting = socket;
      const reader = new FrameReader();
      let connected = false;
      let welcomed = false;
      let failure = '';
      const limit = Math.min(this.options.connectTimeoutMs ?? 10000, this.requestTimeoutMs);
      const timer = setTimeout(() => {
        failure = connected ? `no Welcome within ${limit} ms` : `no answer within ${limit} ms`;
        socket.destroy();
      }, limit);
      socket.on('connect', () => {
        connected = true;
        const hello = { protocolVersion: 1, clientName: this.options.clientName ?? 'troupe-motia', token: this.options.token ?? '' };
        socket.write(encodeFrame({ id: 0, hello }));
      });
      socket.on('data', (chunk) => {
        let frames: FrameData[];
        try {
          frames = reader.push(chunk);
        } catch {
          failure ||= 'sent a frame that is not troupe.v1.Frame';
          socket.destroy();
          return;
        }
        for (const frame of frames) {
          if (frame.welcome) {
            welcomed = true;
            clearTimeout(timer);
            this.attempting = undefined;
            this.socket = socket;
            this.lastErrors.delete(address.text);
            this.nodeId = frame.welcome.nodeId ?? '';
            if (this.options.routeToOwner !== false) this.setTable(frame.welcome.partitionTable);
            this.backoff.reset();
            resolve();
          } else if (frame.error && !welcomed) {
            const refusal = new TroupeError(codeName(frame.error.code ?? undefined), frame.error.message ?? '');
            failure ||= refusal.message;
            reject(refusal);
          } else {
            this.onFrame(frame);
          }
        }
      });
      socket.on('error', (err: NodeJS.ErrnoException) => {
        failure ||= err.code ?? err.message;  // 'close' follows
      });
      socket.on('close', () => {
        clearTimeout(timer);
        if (this.attempting === socket) this.attempting = undefined;
        if (welcomed) return this.lost();
        const reason = failure || (connected ? 'closed by the node before its Welcome' : 'closed');
        this.lastErrors.set(address.text, reason);
        reject(new AttemptFailed(reason));  // no-op when the node refused us first
      });
    });
  }

  /** The connection to the node dropped after its Welcome. */
  private lost() {
    this.socket = undefined;
    this.failPending('connection to the node closed');
    if (this.closed) return;
    if (this.options.failFast) {
      this.ready = undefined;
      return;
    }
    this.ready = this.reconnect();
    // Hooks send requests themselves, so they run after `ready`, not in it.
    this.ready.then(() => this.runReconnectHooks(), () => undefined);
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
  async subscribe(req: Request, handler: (push: Push) => void): Promise<number> {
    await this.withTimeout(this.connect());
    const r = await this.send(req, (result) => this.onPush(Number(result.subscribe?.subscriptionId), handler));
    return Number(r.subscribe?.subscriptionId);
  }

  /** Sends one request; resolves with the Response's result, rejects with a TroupeError. */
  async request(req: Request): Promise<Reply> {
    await this.withTimeout(this.connect());
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
  private ownerFor(req: Request): { nodeId: string; connection: TroupeConnection } | undefined {
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
      try {
        connection = new TroupeConnection({ ...this.options, nodes: [address], routeToOwner: false, failFast: true });
      } catch {
        this.unreachable.add(nodeId);  // an address we cannot use: the connected node forwards
        return undefined;
      }
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
  private send(req: Request, onResult?: (r: Reply) => void): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new TroupeError('UNAVAILABLE', 'the node did not answer in time'));
      }, this.requestTimeoutMs);
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
    this.attempting?.destroy();
    this.failPending('connection closed');
  }

  private writeFrame(frame: FrameData) {
    const data = encodeFrame(frame);
    if (!this.socket) throw new TroupeError('UNAVAILABLE', 'not connected');
    this.socket.write(data);
  }

  private onFrame(frame: FrameData) {
    if (frame.push) {
      const push = frame.push;
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
        p.reject(new TroupeError(codeName(error.code ?? undefined), error.message ?? ''));
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
