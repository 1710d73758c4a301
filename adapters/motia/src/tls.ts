// TLS to the nodes (a troupe-node started with --tls-cert/--tls-key speaks
// only TLS on its client port; with --tls-ca it wants a client certificate).
// The option takes PEM contents, as node:tls does; the environment takes
// file paths (TROUPE_CLIENT_TLS_CA, ...), read once when the adapters are
// made. Anything malformed is refused at construction, naming it.
import { readFileSync } from 'node:fs';
import type tls from 'node:tls';
import { TroupeError } from './errors.js';

export type Pem = string | Buffer;

export interface TroupeTlsOptions {
  /**
   * PEM contents (not a path) of the CA certificate(s) the node's
   * certificate must chain to; several may be given. Default: Node's
   * bundled root CAs.
   */
  ca?: Pem | Pem[];
  /** PEM contents of this client's certificate chain, for a node started with --tls-ca. Needs `key`. */
  cert?: Pem;
  /** PEM contents of the private key of `cert`. */
  key?: Pem;
  /**
   * The name the node's certificate must be valid for (and the SNI sent).
   * Default: each node's host as written in its address; an IP address is
   * checked against the certificate's IP subjectAltNames.
   */
  servername?: string;
  /**
   * `false` accepts any certificate the node presents: the connection is
   * encrypted but not authenticated (tests only). Default true.
   */
  rejectUnauthorized?: boolean;
}

/** The `tls` option: `true` for TLS with the default trust store, or its settings. */
export type TlsOption = boolean | TroupeTlsOptions;

const bad = (why: string) => new TroupeError('INVALID_ARGUMENT', `bad tls option: ${why}`);

const isPem = (v: unknown) =>
  (typeof v === 'string' || Buffer.isBuffer(v)) && /-----BEGIN [A-Z0-9 ]+-----/.test(v.toString('latin1'));

function checkPem(name: string, v: unknown) {
  if (v === undefined) return;
  for (const one of Array.isArray(v) && name === 'ca' ? v : [v])
    if (!isPem(one))
      throw bad(
        typeof one === 'string' && !one.includes('\n')
          ? `tls.${name} ${JSON.stringify(one.length > 80 ? one.slice(0, 80) + '...' : one)} is not PEM: give the file's contents (readFileSync(path)), not its path`
          : `tls.${name} is not a PEM string or Buffer`,
      );
}

/**
 * The node:tls options for the `tls` option, or undefined for plain TCP.
 * Throws `TroupeError` `INVALID_ARGUMENT` for anything malformed.
 */
export function tlsConnectOptions(option: TlsOption | undefined): tls.ConnectionOptions | undefined {
  if (option === undefined || option === false) return undefined;
  if (option === true) return { minVersion: 'TLSv1.2' };
  if (typeof option !== 'object' || option === null) throw bad(`expected true, false or an object, got ${JSON.stringify(option)}`);
  const known = ['ca', 'cert', 'key', 'servername', 'rejectUnauthorized'];
  for (const k of Object.keys(option)) if (!known.includes(k)) throw bad(`unknown setting "${k}" (known: ${known.join(', ')})`);
  checkPem('ca', option.ca);
  checkPem('cert', option.cert);
  checkPem('key', option.key);
  if ((option.cert === undefined) !== (option.key === undefined)) throw bad('tls.cert and tls.key go together');
  if (option.servername !== undefined && (typeof option.servername !== 'string' || option.servername === ''))
    throw bad('tls.servername must be a non-empty string');
  if (option.rejectUnauthorized !== undefined && typeof option.rejectUnauthorized !== 'boolean')
    throw bad('tls.rejectUnauthorized must be a boolean');
  const out: tls.ConnectionOptions = { minVersion: 'TLSv1.2' };
  if (option.ca !== undefined) out.ca = option.ca;
  if (option.cert !== undefined) out.cert = option.cert;
  if (option.key !== undefined) out.key = option.key;
  if (option.servername !== undefined) out.servername = option.servername;
  if (option.rejectUnauthorized !== undefined) out.rejectUnauthorized = option.rejectUnauthorized;
  return out;
}

const on = /^(1|true|yes|on)$/i;
const off = /^(0|false|no|off)$/i;

/**
 * The `tls` option from the environment: TROUPE_CLIENT_TLS (1/true/yes/on or
 * 0/false/no/off), TROUPE_CLIENT_TLS_CA, TROUPE_CLIENT_TLS_CERT and
 * TROUPE_CLIENT_TLS_KEY (file paths, read here) and
 * TROUPE_CLIENT_TLS_SERVERNAME. Any of the others turns TLS on unless
 * TROUPE_CLIENT_TLS says off. Empty variables count as unset. (Not
 * TROUPE_TLS_*: troupe-node reads those for its own certificate.)
 */
export function tlsFromEnv(env: Record<string, string | undefined>): TlsOption | undefined {
  const get = (name: string) => env[name] || undefined;
  const flag = get('TROUPE_CLIENT_TLS');
  if (flag !== undefined && !on.test(flag) && !off.test(flag))
    throw new TroupeError('INVALID_ARGUMENT', `bad TROUPE_CLIENT_TLS ${JSON.stringify(flag)}: expected 1 or 0 (true/false, yes/no, on/off)`);
  if (flag !== undefined && off.test(flag)) return false;
  const read = (name: string) => {
    const file = get(name);
    if (file === undefined) return undefined;
    try {
      return readFileSync(file);
    } catch (err) {
      throw new TroupeError('INVALID_ARGUMENT', `cannot read ${name} ${JSON.stringify(file)}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  };
  const settings: TroupeTlsOptions = {};
  const ca = read('TROUPE_CLIENT_TLS_CA');
  const cert = read('TROUPE_CLIENT_TLS_CERT');
  const key = read('TROUPE_CLIENT_TLS_KEY');
  const servername = get('TROUPE_CLIENT_TLS_SERVERNAME');
  if (ca) settings.ca = ca;
  if (cert) settings.cert = cert;
  if (key) settings.key = key;
  if (servername) settings.servername = servername;
  if (Object.keys(settings).length) return settings;
  return flag !== undefined ? true : undefined;
}

/**
 * What a TLS error before the node's Welcome is called in connect errors,
 * e.g. "TLS handshake failed: the node's certificate is not trusted:
 * DEPTH_ZERO_SELF_SIGNED_CERT (self-signed certificate)".
 */
export function describeTlsError(err: NodeJS.ErrnoException & { reason?: string }): string {
  const code = err.code ?? '';
  const reason = err.reason ?? err.message.split('\n')[0];
  const detail = code && reason && reason !== code ? `${code} (${reason})` : code || reason;
  let what: string;
  if (code === 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED') what = 'the node requires a client certificate (tls.cert, tls.key)';
  else if (/^ERR_SSL_(TLSV1|SSLV3)_ALERT_(UNKNOWN_CA|BAD_CERTIFICATE|CERTIFICATE_UNKNOWN|UNSUPPORTED_CERTIFICATE|CERTIFICATE_EXPIRED|CERTIFICATE_REVOKED)$/.test(code))
    what = 'the node refused our client certificate';
  else if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'ERR_SSL_PACKET_LENGTH_TOO_LONG')
    what = 'the node does not speak TLS (started without --tls-cert?)';
  else if (code.startsWith('ERR_SSL_') || !code) what = 'OpenSSL';
  else if (/^E[A-Z]+$/.test(code)) what = 'the connection failed';
  else what = "the node's certificate is not trusted (tls.ca, tls.servername)";  // a verification error: DEPTH_ZERO_SELF_SIGNED_CERT, ERR_TLS_CERT_ALTNAME_INVALID, ...
  return `TLS handshake failed: ${what}: ${detail}`;
}
