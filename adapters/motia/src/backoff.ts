// Reconnect waits with full jitter: each wait is drawn uniformly from
// [0, ceiling), the ceiling doubling from `baseMs` up to `capMs`, so that many
// clients losing one node do not all come back at the same moment.
export class Backoff {
  private ceiling: number;

  constructor(
    private readonly baseMs = 50,
    private readonly capMs = 2000,
    private readonly random: () => number = Math.random,
  ) {
    this.ceiling = baseMs;
  }

  /** The next wait, ms. */
  next(): number {
    const wait = Math.floor(this.random() * this.ceiling);
    this.ceiling = Math.min(this.ceiling * 2, this.capMs);
    return wait;
  }

  /** Starts over from `baseMs` (after a successful connect). */
  reset(): void {
    this.ceiling = this.baseMs;
  }
}
