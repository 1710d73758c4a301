// Connection settings from the environment, for troupeAdapters() without
// them: TROUPE_NODES (comma-separated addresses), TROUPE_TOKEN and
// TROUPE_NAMESPACE. Options given explicitly win; empty variables count as
// unset; with neither, the node's default address 127.0.0.1:7379.
export const defaultNodes = ['127.0.0.1:7379'];

export interface ConnectionSettings {
  nodes?: string[];
  token?: string;
  namespace?: string;
}

export function settingsFromEnv(
  given: ConnectionSettings,
  env: Record<string, string | undefined> = process.env,
): { nodes: string[]; token?: string; namespace?: string } {
  const listed = (env.TROUPE_NODES ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    nodes: given.nodes ?? (listed.length ? listed : defaultNodes),
    token: given.token ?? (env.TROUPE_TOKEN || undefined),
    namespace: given.namespace ?? (env.TROUPE_NAMESPACE || undefined),
  };
}
