// Isolates several apps on one cluster: every trace id, stream name, topic
// and cron job name is prefixed with "<namespace>:" on the way in, and
// names outside the namespace are dropped from listings on the way out.
export class Namespace {
  private readonly prefix: string;
  constructor(namespace?: string) {
    this.prefix = namespace ? `${namespace}:` : '';
  }
  wrap(name: string): string {
    return this.prefix + name;
  }
  unwrap(name: string): string | undefined {
    return name.startsWith(this.prefix) ? name.slice(this.prefix.length) : undefined;
  }
  unwrapAll(names: string[]): string[] {
    return names.map((n) => this.unwrap(n)).filter((n): n is string => n !== undefined);
  }
}
