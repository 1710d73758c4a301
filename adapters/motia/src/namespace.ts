// Isolates several apps on one cluster: every trace id, stream name, topic
// and cron job name is prefixed with "<namespace>:" on the way in, and
// names outside the namespace are dropped from listings on the way out.
// Names starting with "__troupe:" are the package's own records (the cron
// ticks); listings leave them out too.
const internalPrefix = '__troupe:';

export class Namespace {
  private readonly prefix: string;
  constructor(namespace?: string) {
    this.prefix = namespace ? `${namespace}:` : '';
  }
  wrap(name: string): string {
    return this.prefix + name;
  }
  /** A name of the package's own, never listed. */
  internal(name: string): string {
    return this.wrap(internalPrefix + name);
  }
  unwrap(name: string): string | undefined {
    if (!name.startsWith(this.prefix)) return undefined;
    const rest = name.slice(this.prefix.length);
    return rest.startsWith(internalPrefix) ? undefined : rest;
  }
  unwrapAll(names: string[]): string[] {
    return names.map((n) => this.unwrap(n)).filter((n): n is string => n !== undefined);
  }
}
