// Owner routing: a single-partition request goes straight to the node that
// owns its partition, over a connection of its own to that node, by the
// partition table of Welcome (refreshed every few seconds, and soon after a
// failover). With replication the table names each partition's leader. A
// request with no partition key, a partition without a leader, a node we
// cannot reach and a stale table all fall back to the connected node, which
// forwards (or holds the request until the partition has a leader).
import { PartitionTable, partitionKey } from './routing.js';
import type { Reply } from './request-queue.js';
import type { troupe } from './frames.js';

/** What the router needs of a connection to an owner. */
export interface OwnerConnection {
  request(req: troupe.v1.IRequest): Promise<Reply>;
  close(): void;
}

export interface RouterHooks {
  /** Opens a connection to an owner's client address (may throw for an address it cannot use). */
  connect(address: string): OwnerConnection;
  /** Reads the partition table again (a ClusterStatus on the connected node). */
  refresh(): Promise<unknown>;
}

/** How often the partition table is read again, ms. */
const tableRefreshMs = 5000;
/** After a failover: the soonest the table is read again, ms after the last read. */
const staleRefreshMs = 200;

export class OwnerRouter {
  private table?: PartitionTable;
  private tableReadAt = 0;
  /** When the table is read next (ms since the epoch). */
  private refreshAt = 0;
  private localNodeId = '';
  private readonly owners = new Map<string, OwnerConnection>();
  private readonly unreachable = new Set<string>();

  constructor(private readonly hooks: RouterHooks) {}

  /** A Welcome from `nodeId`: its partition table. */
  welcomed(nodeId: string, table: unknown): void {
    this.localNodeId = nodeId;
    this.setTable(table);
  }

  private setTable(pt: unknown): void {
    const table = PartitionTable.from(pt);
    if (table && (!this.table || table.epoch >= this.table.epoch)) this.table = table;
    this.tableReadAt = Date.now();
    this.refreshAt = this.tableReadAt + tableRefreshMs;
    this.unreachable.clear();
  }

  /** A request failed over (a node or a leader lost): read the table again soon. */
  stale(): void {
    this.refreshAt = Math.min(this.refreshAt, this.tableReadAt + staleRefreshMs);
  }

  /** The owner's connection for a single-partition request owned by another node, if any. */
  ownerFor(req: troupe.v1.IRequest): { nodeId: string; connection: OwnerConnection } | undefined {
    if (!this.table) return undefined;
    if (Date.now() >= this.refreshAt) {
      this.tableReadAt = Date.now();
      this.refreshAt = this.tableReadAt + tableRefreshMs;
      this.hooks.refresh().then((t) => this.setTable(t), () => undefined);
    }
    const key = partitionKey(req as Record<string, any>);
    if (!key) return undefined;
    const { nodeId, address } = this.table.ownerOf(key);
    if (!nodeId || nodeId === this.localNodeId || !address || this.unreachable.has(nodeId)) return undefined;
    let connection = this.owners.get(nodeId);
    if (!connection) {
      try {
        connection = this.hooks.connect(address);
      } catch {
        this.unreachable.add(nodeId);  // an address we cannot use: the connected node forwards
        return undefined;
      }
      this.owners.set(nodeId, connection);
    }
    return { nodeId, connection };
  }

  /** The owner failed us (gone, or no longer the owner): the connected node routes its requests until the table is read again. */
  drop(nodeId: string): void {
    this.owners.get(nodeId)?.close();
    this.owners.delete(nodeId);
    this.unreachable.add(nodeId);
  }

  close(): void {
    for (const owner of this.owners.values()) owner.close();
    this.owners.clear();
  }
}
