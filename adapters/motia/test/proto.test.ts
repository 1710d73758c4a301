// The package carries its protocol as generated code (src/generated). This
// fails when that code is out of date with the repository's .proto: run
// `npm run gen:proto` and commit the result.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');  // dist/test -> package
const proto = path.join(pkg, '..', '..', 'protocol', 'troupe.proto');

it('src/generated is what `npm run gen:proto` makes of protocol/troupe.proto', async (t) => {
  if (!existsSync(proto)) return t.skip(`no ${proto}: the package is outside its repository`);
  const out = mkdtempSync(path.join(os.tmpdir(), 'troupe-proto-'));
  try {
    await promisify(execFile)(process.execPath, [path.join(pkg, 'scripts', 'gen-proto.mjs'), '--proto', proto, '--out', out]);
    for (const file of ['troupe.js', 'troupe.d.ts']) {
      const fresh = readFileSync(path.join(out, file));
      const committed = readFileSync(path.join(pkg, 'src', 'generated', file));
      assert.ok(fresh.equals(committed), `src/generated/${file} is out of date with protocol/troupe.proto: run npm run gen:proto`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
