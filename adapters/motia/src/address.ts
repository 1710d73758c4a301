// Node addresses: "host:port", or "[v6 address]:port" for IPv6. A bad one is
// refused when the connection is made, naming it, not at the first request.
import net from 'node:net';
import { TroupeError } from './errors.js';

export interface NodeAddress {
  host: string;
  port: number;
  /** The address as configured, for messages. */
  text: string;
}

export function parseAddress(text: unknown): NodeAddress {
  const bad = (why: string) => new TroupeError('INVALID_ARGUMENT', `bad node address ${JSON.stringify(text)}: ${why}`);
  if (typeof text !== 'string') throw bad('expected a "host:port" string');
  const s = text.trim();
  let host: string;
  let port: string;
  if (s.startsWith('[')) {
    const end = s.indexOf(']');
    if (end < 0) throw bad('no "]" after the IPv6 address');
    host = s.slice(1, end);
    if (!net.isIPv6(host)) throw bad(`"${host}" is not an IPv6 address`);
    if (s[end + 1] !== ':') throw bad('no port (expected "[address]:port")');
    port = s.slice(end + 2);
  } else {
    const colon = s.lastIndexOf(':');
    if (colon < 0) throw bad('no port (expected "host:port")');
    host = s.slice(0, colon);
    port = s.slice(colon + 1);
    if (host.includes(':')) throw bad('an IPv6 address goes in brackets, as in "[::1]:7379"');
  }
  if (!host) throw bad('no host');
  if (!/^[0-9]+$/.test(port)) throw bad(`the port "${port}" is not a number`);
  const n = Number(port);
  if (n < 1 || n > 65535) throw bad(`the port ${port} is out of range (1-65535)`);
  return { host, port: n, text: s };
}

/** Parses a list of node addresses; refuses an empty one. */
export function parseAddresses(list: unknown): NodeAddress[] {
  if (!Array.isArray(list) || list.length === 0)
    throw new TroupeError('INVALID_ARGUMENT', 'nodes must list at least one "host:port"');
  return list.map(parseAddress);
}
