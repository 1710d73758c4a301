// Runs the troupe CLI (or any program) for the tests, bounded by a guard,
// with what it wrote kept for the checks.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

import type { RunningNode } from './node.js';

const here = path.dirname(fileURLToPath(import.meta.url));
// TROUPE_CLI_BIN, else troupe in TROUPE_BIN, else the repository's build.
export const cliBin =
  process.env.TROUPE_CLI_BIN ??
  path.join(process.env.TROUPE_BIN ?? path.resolve(here, '..', '..', '..', '..', 'build', 'bin'), 'troupe');

/** The guard of one run, unless it is given another. */
export const CLI_GUARD_MS = 60000;

export interface CliRun {
  command: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: string;
}

export interface RunOptions {
  /** Its standard input; default: none. */
  input?: Buffer;
  /** How long it may run before the guard kills it; default CLI_GUARD_MS. */
  guardMs?: number;
  /** Called with each line of its standard error as it comes, and the process (to kill it, say). */
  onStderrLine?: (line: string, child: ChildProcess) => void;
}

const running = new Set<ChildProcess>();

/** `file args...` to its end; a guard kills it. */
export function run(file: string, args: string[], opts: RunOptions = {}): Promise<CliRun> {
  const { input, guardMs = CLI_GUARD_MS, onStderrLine } = opts;
  const command = [file, ...args].map((a) => JSON.stringify(a)).join(' ');
  const child = spawn(file, args, { stdio: [input ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
  running.add(child);
  const out: Buffer[] = [];
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => out.push(d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  if (onStderrLine) readline.createInterface({ input: child.stderr! }).on('line', (line) => onStderrLine(line, child));
  if (input) {
    child.stdin!.on('error', () => undefined); // the CLI may refuse before it reads everything
    child.stdin!.end(input);
  }
  return new Promise((resolve, reject) => {
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} still ran after ${guardMs} ms; stderr:\n${stderr}`));
    }, guardMs);
    child.once('error', (err) => {
      clearTimeout(guard);
      running.delete(child);
      reject(new Error(`could not run ${file}: ${err.message}`));
    });
    child.once('close', (code, signal) => {
      clearTimeout(guard);
      running.delete(child);
      resolve({ command, code, signal, stdout: Buffer.concat(out), stderr });
    });
  });
}

/** `troupe --node NODE args...`. */
export const troupe = (node: RunningNode, args: string[], opts: RunOptions = {}) => run(cliBin, ['--node', node.address, ...args], opts);

/** Kills every run still going (for a test file's last `after`). */
export function killRuns(): void {
  for (const child of running) child.kill('SIGKILL');
}
