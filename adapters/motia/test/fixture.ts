// The shapes the tests' fixtures are written in (each test has data of its own).

/** A state write: group (trace id), key, value. */
export type Row = [group: string, key: string, value: unknown];

/** A stream item write. */
export interface StreamRow {
  stream: string;
  group: string;
  id: string;
  data: Record<string, unknown>;
}

/** Each stream group of `rows` once, in first-write order. */
export const streamGroups = (rows: StreamRow[]) => [
  ...new Map(rows.map((r) => [JSON.stringify([r.stream, r.group]), { stream: r.stream, group: r.group }])).values(),
];
