// Connection settings from the environment, for troupeAdapters() without
// them: TROUPE_NODES (comma-separated addresses), TROUPE_TOKEN and
// TROUPE_NAMESPACE, and TLS from TROUPE_CLIENT_TLS* (see tls.ts). Options
// given explicitly win; empty variables count as unset; with neither, the
// node's default address 127.0.0.1:7379 over plain TCP.
import { tlsFromEnv, type TlsOption } from './tls.js';

export const defaultNodes = ['127.0.0.1:7379'];

export interface ConnectionSettings {
  nodes?: string[];
  token?: string;
  namespace?: string;
  tls?: TlsOption;
}

export function settingsFromEnv(
  given: ConnectionSettings,
  env: Record<string, string | undefined> = process.env,
): { nodes: string[]; token?: string; namespace?: string; tls?: TlsOption } {
  // The option, even `false`, wins: the environment's files are not read then.
  const tls = given.tls !== undefined ? given.tls : tlsFromEnv(env);
  const listed = (env.TROUPE_NODES ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    nodes: given.nodes ?? (listed.length ? listed : defaultNodes),
    token: given.token ?? (env.TROUPE_TOKEN || undefined),
    namespace: given.namespace ?? (env.TROUPE_NAMESPACE || undefined),
    ...(tls !== undefined ? { tls } : {}),
  };
}
