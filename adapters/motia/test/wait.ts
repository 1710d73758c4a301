// Waiting in the tests without sleeping on a guess: for a promise, an
// outcome polled with a deadline, or events; a guard turns a hang into a
// failure that names what was awaited.

/** A guard against a wait that never ends, not part of any check. */
export const GUARD_MS = 30000;

/** p, or a rejection after `ms` naming what was awaited. */
export function guarded<T>(p: Promise<T>, what: string, ms = GUARD_MS): Promise<T> {
  let timer: NodeJS.Timeout;
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([p, guard]).finally(() => clearTimeout(timer));
}

/** Resolves when `pred` holds; the deadline only turns a hang into a failure. */
export async function waitFor(pred: () => boolean | Promise<boolean>, what: string | (() => string)): Promise<void> {
  const deadline = Date.now() + GUARD_MS;
  while (!(await pred())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((r) => setTimeout(r, 10)); // polling an outcome, with a deadline
  }
}

/** Resolves with the arguments of the first `n` `event`s. */
export function collect<A extends unknown[]>(
  emitter: { on(event: string, listener: (...args: any[]) => void): unknown },
  event: string,
  n: number,
): Promise<A[]> {
  return new Promise((resolve) => {
    const seen: A[] = [];
    emitter.on(event, (...args: any[]) => {
      if (seen.length < n) {
        seen.push(args as A);
        if (seen.length === n) resolve(seen);
      }
    });
  });
}
