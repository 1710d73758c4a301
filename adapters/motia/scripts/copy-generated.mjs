// tsc compiles src/*.ts but leaves the generated protocol module alone:
// copy it (and its types) beside the compiled sources that import it.
import { cpSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
for (const file of ['troupe.js', 'troupe.d.ts'])
  cpSync(path.join(pkg, 'src', 'generated', file), path.join(pkg, 'dist', 'src', 'generated', file));
