// Motia's StateAdapter on Troupe state: values are stored as JSON text, so
// 0, false, "" and null read back as themselves (as with Motia's Redis
// adapter), and groups match exactly (no prefix or glob leaks).
import { TroupeConnection, bytes, text } from './connection.js';
import { TroupeError } from './errors.js';
import type { StateItem, StateItemsInput } from './motia-types.js';
import { Namespace } from './namespace.js';

const filterOps: Record<string, string> = {
  eq: 'EQ', neq: 'NEQ', gt: 'GT', gte: 'GTE', lt: 'LT', lte: 'LTE', contains: 'CONTAINS',
  notContains: 'NOT_CONTAINS', startsWith: 'STARTS_WITH', endsWith: 'ENDS_WITH',
  isNotNull: 'IS_NOT_NULL', isNull: 'IS_NULL',
};

export function toJson(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined)
    throw new TroupeError('INVALID_ARGUMENT', `value is not JSON-serializable (${typeof value})`);
  return json;
}

export class TroupeStateAdapter {
  constructor(
    private readonly conn: TroupeConnection,
    private readonly ns: Namespace,
    private readonly ownsConnection = false,
  ) {}

  async get<T>(traceId: string, key: string): Promise<T | null> {
    const r = await this.conn.request({ stateGet: { traceId: bytes(this.ns.wrap(traceId)), key: bytes(key) } });
    return r.value?.found ? (JSON.parse(text(r.value.value)) as T) : null;
  }

  async set<T>(traceId: string, key: string, value: T): Promise<T> {
    await this.conn.request({ stateSet: { traceId: bytes(this.ns.wrap(traceId)), key: bytes(key), value: bytes(toJson(value)) } });
    return value;
  }

  async delete<T>(traceId: string, key: string): Promise<T | null> {
    const r = await this.conn.request({ stateDelete: { traceId: bytes(this.ns.wrap(traceId)), key: bytes(key) } });
    return r.value?.found ? (JSON.parse(text(r.value.value)) as T) : null;
  }

  async getGroup<T>(traceId: string): Promise<T[]> {
    const r = await this.conn.request({ stateGetGroup: { traceId: bytes(this.ns.wrap(traceId)) } });
    return (r.items?.items ?? []).map((i: any) => JSON.parse(text(i.value)) as T);
  }

  async clear(traceId: string): Promise<void> {
    await this.conn.request({ stateClear: { traceId: bytes(this.ns.wrap(traceId)) } });
  }

  async keys(traceId: string): Promise<string[]> {
    const r = await this.conn.request({ stateKeys: { traceId: bytes(this.ns.wrap(traceId)) } });
    return (r.names?.names ?? []).map(text);
  }

  async traceIds(): Promise<string[]> {
    const r = await this.conn.request({ stateTraceIds: {} });
    return this.ns.unwrapAll((r.names?.names ?? []).map(text));
  }

  async items(input: StateItemsInput): Promise<StateItem[]> {
    const filters = (input.filter ?? []).map((f) => {
      const op = filterOps[f.operation];
      if (!op) throw new TroupeError('INVALID_ARGUMENT', `unknown filter operation '${f.operation}'`);
      return { valueKey: bytes(String(f.valueKey)), op, value: bytes(String(f.value)) };
    });
    const request: Record<string, unknown> = { filters };
    if (input.groupId !== undefined) request.groupId = bytes(this.ns.wrap(input.groupId));
    const r = await this.conn.request({ stateItems: request });
    const items: StateItem[] = [];
    for (const i of r.items?.items ?? []) {
      const groupId = this.ns.unwrap(text(i.groupId));
      if (groupId === undefined) continue;
      items.push({ groupId, key: text(i.key), type: i.type, value: JSON.parse(text(i.value)) });
    }
    return items;
  }

  async cleanup(): Promise<void> {
    if (this.ownsConnection) this.conn.close();
  }
}
