// Starts a real troupe-node on a free loopback port for the tests and stops
// it (SIGTERM, then SIGKILL) when the test process is done with it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const nodeBin = process.env.TROUPE_NODE_BIN ?? path.resolve(here, '..', '..', '..', '..', 'build', 'bin', 'troupe-node');

export interface RunningNode {
  address: string;
  stop(): Promise<void>;
}

export interface NodeOptions {
  /** Reuse a data directory (a restart); default: a fresh temp dir. */
  dataDir?: string;
  /** host:port; default 127.0.0.1:0 (a free port). */
  listen?: string;
  durability?: string;
}

export async function startNode(extra: string[] = [], opts: NodeOptions = {}): Promise<RunningNode & { dataDir: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'troupe-motia-'));
  const dataDir = opts.dataDir ?? path.join(dir, 'data');
  const child: ChildProcess = spawn(
    nodeBin,
    ['--listen', opts.listen ?? '127.0.0.1:0', '--data-dir', dataDir, '--durability', opts.durability ?? 'none', '--log-level', 'warn', ...extra],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = readline.createInterface({ input: child.stdout! });
  const address = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`troupe-node exited with ${code} before it was ready`)));
    lines.on('line', (line) => {
      if (line.startsWith('troupe-node ready ')) resolve(line.slice('troupe-node ready '.length).trim());
    });
  });
  return {
    address,
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        const kill = setTimeout(() => child.kill('SIGKILL'), 10000);
        child.once('exit', () => {
          clearTimeout(kill);
          if (!opts.dataDir) rmSync(dir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
