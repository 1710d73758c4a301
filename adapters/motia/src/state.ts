// Motia's StateAdapter on Troupe state: values are stored as JSON text, so
// 0, false, "" and null read back as themselves (as with Motia's Redis
// adapter), and groups match exactly (no prefix or glob leaks). Beyond
// Motia's interface: exists, getMany, getVersioned, setMany (atomic) and
// set's expiry and compare-and-set options.
import { isDeepStrictEqual } from 'node:util';
import { TroupeConnection, bytes, text } from './connection.js';
import { TroupeError } from './errors.js';
import type { troupe } from './frames.js';
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

/** Options of `set` (Troupe extensions; Motia's `set` has none). */
export interface SetOptions {
  /** The value expires this many ms after the write; absent or 0: never. */
  ttlMs?: number;
  /**
   * Compare-and-set: write only if the key's current revision is this one
   * (0: only if the key does not exist), else `TroupeError` `CONFLICT`.
   */
  expectedRevision?: number;
}

/** One entry of `setMany`. */
export interface StateEntry<T = unknown> {
  key: string;
  value: T;
  /** As `SetOptions.expectedRevision`, for this key. */
  expectedRevision?: number;
}

/** A value with its revision (for compare-and-set) and expiry. */
export interface VersionedValue<T> {
  value: T;
  revision: number;
  /** When the value expires, ms since the Unix epoch; absent: never. */
  expiresAt?: number;
}

function count(name: string, n: number | undefined): number | undefined {
  if (n !== undefined && (!Number.isSafeInteger(n) || n < 0))
    throw new TroupeError('INVALID_ARGUMENT', `${name} must be a non-negative integer, got ${n}`);
  return n;
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

  /** Motia's `set`; `options` are Troupe extensions (expiry, compare-and-set). Returns `value`. */
  async set<T>(traceId: string, key: string, value: T, options: SetOptions = {}): Promise<T> {
    const request: troupe.v1.IStateSet = { traceId: bytes(this.ns.wrap(traceId)), key: bytes(key), value: bytes(toJson(value)) };
    const ttlMs = count('ttlMs', options.ttlMs);
    if (ttlMs) request.ttlMs = ttlMs;
    const expected = count('expectedRevision', options.expectedRevision);
    if (expected !== undefined) request.expectedRevision = expected;
    try {
      await this.conn.request({ stateSet: request });
    } catch (err) {
      // A compare-and-set sent again after an attempt that may have been
      // applied: CONFLICT may be its own write. It is, if the key holds
      // the value written, at a newer revision.
      if (!(await this.ownWrite(err, traceId, [{ key, json: text(request.value), expected }]))) throw err;
    }
    return value;
  }

  /**
   * Whether `err`, a CONFLICT after an attempt of unknown outcome, answers
   * a write that was applied: every key holds the value written, at a
   * revision past the one expected. (Another writer having written the same
   * value in between looks the same: for a compare-and-set, a value that
   * names its writer tells them apart.)
   */
  private async ownWrite(err: unknown, traceId: string, writes: { key: string; json: string; expected?: number }[]): Promise<boolean> {
    if (!(err instanceof TroupeError) || err.code !== 'CONFLICT' || !err.unknownOutcome) return false;
    for (const w of writes) {
      const r = await this.conn.request({ stateGet: { traceId: bytes(this.ns.wrap(traceId)), key: bytes(w.key) } });
      if (!r.value?.found || Number(r.value.revision ?? 0) <= (w.expected ?? 0)) return false;
      if (!isDeepStrictEqual(JSON.parse(text(r.value.value)), JSON.parse(w.json))) return false;
    }
    return true;
  }

  /** Troupe extension: whether `key` holds a value. */
  async exists(traceId: string, key: string): Promise<boolean> {
    const r = await this.conn.request({ stateExists: { traceId: bytes(this.ns.wrap(traceId)), key: bytes(key) } });
    return r.exists?.exists === true;
  }

  /** Troupe extension: the values of `keys` (null where absent), in order, read at one moment. */
  async getMany<T>(traceId: string, keys: string[]): Promise<(T | null)[]> {
    const r = await this.conn.request({ stateGetMany: { traceId: bytes(this.ns.wrap(traceId)), keys: keys.map(bytes) } });
    return (r.values?.values ?? []).map((v) => (v.found ? (JSON.parse(text(v.value)) as T) : null));
  }

  /** Troupe extension: the value with its revision and expiry, or null. */
  async getVersioned<T>(traceId: string, key: string): Promise<VersionedValue<T> | null> {
    const r = await this.conn.request({ stateGet: { traceId: bytes(this.ns.wrap(traceId)), key: bytes(key) } });
    if (!r.value?.found) return null;
    const versioned: VersionedValue<T> = { value: JSON.parse(text(r.value.value)) as T, revision: Number(r.value.revision ?? 0) };
    const expiresAt = Number(r.value.expiresAtMs ?? 0);
    if (expiresAt) versioned.expiresAt = expiresAt;
    return versioned;
  }

  /**
   * Troupe extension: writes every entry or none (one atomic write; any
   * expected revision that does not match fails it with `CONFLICT`).
   * `ttlMs` applies to every entry. Resolves with the new revisions, in order.
   */
  async setMany(traceId: string, entries: StateEntry[], options: { ttlMs?: number } = {}): Promise<number[]> {
    const request: troupe.v1.IStateSetMany = {
      traceId: bytes(this.ns.wrap(traceId)),
      entries: entries.map((e) => {
        const entry: troupe.v1.IStateEntry = { key: bytes(e.key), value: bytes(toJson(e.value)) };
        const expected = count('expectedRevision', e.expectedRevision);
        if (expected !== undefined) entry.expectedRevision = expected;
        return entry;
      }),
    };
    const ttlMs = count('ttlMs', options.ttlMs);
    if (ttlMs) request.ttlMs = ttlMs;
    try {
      const r = await this.conn.request({ stateSetMany: request });
      return (r.setMany?.revisions ?? []).map(Number);
    } catch (err) {
      const writes = entries.map((e, i) => ({ key: e.key, json: text(request.entries![i].value), expected: e.expectedRevision }));
      if (!(await this.ownWrite(err, traceId, writes))) throw err;
      // Applied by the earlier attempt: the revisions it gave.
      const read = await Promise.all(
        entries.map((e) => this.conn.request({ stateGet: { traceId: bytes(this.ns.wrap(traceId)), key: bytes(e.key) } })),
      );
      return read.map((r) => Number(r.value?.revision ?? 0));
    }
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
      items.push({ groupId, key: text(i.key), type: i.type as StateItem['type'], value: JSON.parse(text(i.value)) });
    }
    return items;
  }

  async cleanup(): Promise<void> {
    if (this.ownsConnection) this.conn.close();
  }
}
