/** An error answered by the node (or raised by the adapter), with its protocol code. */
export class TroupeError extends Error {
  /**
   * Set when the request was sent again after an attempt that may have been
   * applied (see `RequestOutcome`): a `CONFLICT` may answer its own write.
   */
  unknownOutcome?: boolean;

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'TroupeError';
  }
}

const codes = [
  'OK',
  'INVALID_ARGUMENT',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_LARGE',
  'UNAUTHENTICATED',
  'NOT_LEADER',
  'UNAVAILABLE',
  'INTERNAL',
];

export function codeName(code: number | string | undefined): string {
  if (typeof code === 'string') return code;
  return codes[code ?? 8] ?? 'INTERNAL';
}

/**
 * A request made while no node was connected that could not wait for one:
 * the offline queue was full (`reason` `'full'`) or the request waited its
 * longest (`'timeout'`). Its code is `UNAVAILABLE`.
 */
export class TroupeOfflineError extends TroupeError {
  constructor(
    readonly reason: 'full' | 'timeout',
    message: string,
  ) {
    super('UNAVAILABLE', `offline queue ${reason === 'full' ? 'full' : 'wait over'}: ${message}`);
    this.name = 'TroupeOfflineError';
  }
}
