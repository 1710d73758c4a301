// One TCP (or TLS) connection to one node: connect, say Hello, wait for the Welcome;
// then frames out (`write`) and in (`onFrame`), and the connection's end
// (`onClose`). Nothing here retries: the caller decides what a failed
// attempt or a lost connection means.
import net from 'node:net';
import tls from 'node:tls';
import type { NodeAddress } from './address.js';
import { TroupeError, codeName } from './errors.js';
import { FrameReader, encodeFrame, type FrameData, type troupe } from './frames.js';
import { describeTlsError } from './tls.js';

/** An attempt that did not get a Welcome: the socket's error code, or what happened instead. */
export class AttemptFailed extends Error {}

export interface SocketOptions {
  token?: string;
  clientName?: string;
  /** Longest wait for the node to accept the connection and welcome us, ms. */
  connectTimeoutMs: number;
  /** node:tls options (from `tlsConnectOptions`): speak TLS. */
  tls?: tls.ConnectionOptions;
}

export interface SocketHandlers {
  /** Every frame after the Welcome, in order. */
  onFrame(frame: FrameData): void;
  /** The welcomed connection ended (either side). */
  onClose(): void;
}

export class NodeSocket {
  private constructor(
    private readonly socket: net.Socket,
    readonly address: NodeAddress,
    readonly welcome: troupe.v1.IWelcome,
  ) {}

  /**
   * Connects to `address` and resolves once the node welcomes us. Rejects
   * with AttemptFailed (the socket's error, or what happened instead), or
   * with the node's TroupeError when it refuses the Hello (a wrong token).
   * Aborting `signal` ends the attempt or, later, the connection.
   */
  static open(address: NodeAddress, options: SocketOptions, handlers: SocketHandlers, signal?: AbortSignal): Promise<NodeSocket> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(new AttemptFailed('closed'));
      const secure = options.tls !== undefined;
      // An IP address is checked against the certificate's IP subjectAltNames; SNI carries host names only.
      const servername = options.tls?.servername ?? (net.isIP(address.host) ? undefined : address.host);
      const socket: net.Socket = secure
        ? tls.connect({ ...options.tls, host: address.host, port: address.port, servername })
        : net.createConnection({ host: address.host, port: address.port });
      socket.setNoDelay(true);
      const abort = () => socket.destroy();
      signal?.addEventListener('abort', abort, { once: true });
      const reader = new FrameReader();
      let connected = false;  // TCP connected
      let secured = false;  // TLS handshake done (or no TLS)
      let welcomed = false;
      let failure = '';
      const limit = options.connectTimeoutMs;
      const timer = setTimeout(() => {
        failure = !connected
          ? `no answer within ${limit} ms`
          : !secured
            ? `TLS handshake failed: not done within ${limit} ms`
            : `no Welcome within ${limit} ms`;
        socket.destroy();
      }, limit);
      const sayHello = () => {
        secured = true;
        const hello = { protocolVersion: 1, clientName: options.clientName ?? 'troupe-motia', token: options.token ?? '' };
        socket.write(encodeFrame({ id: 0, hello }));
      };
      socket.on('connect', () => {
        connected = true;
        if (!secure) sayHello();
      });
      if (secure) socket.on('secureConnect', sayHello);
      socket.on('data', (chunk) => {
        let frames: FrameData[];
        try {
          frames = reader.push(chunk);
        } catch {
          failure ||= 'sent a frame that is not troupe.v1.Frame';
          socket.destroy();
          return;
        }
        for (const frame of frames) {
          if (welcomed) handlers.onFrame(frame);
          else if (frame.welcome) {
            welcomed = true;
            clearTimeout(timer);
            resolve(new NodeSocket(socket, address, frame.welcome));
          } else if (frame.error) {
            const refusal = new TroupeError(codeName(frame.error.code ?? undefined), frame.error.message ?? '');
            failure ||= refusal.message;
            reject(refusal);
          }
        }
      });
      socket.on('error', (err: NodeJS.ErrnoException) => {
        // 'close' follows. Under TLS, an error after the TCP connect and
        // before the handshake's end is the handshake's (an untrusted
        // certificate, a node without TLS); one of OpenSSL's after it (TLS
        // 1.3 clients learn only then that the node refused their
        // certificate) is named TLS too.
        const tlsError = secure && !welcomed && connected && (!secured || /^ERR_(SSL|TLS)_/.test(err.code ?? ''));
        failure ||= tlsError ? describeTlsError(err) : (err.code ?? err.message);
      });
      socket.on('close', () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', abort);
        if (welcomed) return handlers.onClose();
        reject(
          new AttemptFailed(
            failure ||
              (!connected
                ? 'closed'
                : !secured
                  ? 'TLS handshake failed: closed by the node'
                  : secure
                    ? 'closed by the node before its Welcome'
                    : 'closed by the node before its Welcome (a node with --tls-cert speaks only TLS: see the tls option)'),
          ),
        );  // no-op after a refusal
      });
    });
  }

  /** Writes one frame; throws `INVALID_ARGUMENT` for a frame the protocol cannot encode. */
  write(frame: FrameData): void {
    this.socket.write(encodeFrame(frame));
  }

  destroy(): void {
    this.socket.destroy();
  }
}
