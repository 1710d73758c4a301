// Generates src/generated/troupe.js (a static protobufjs module, ESM) and
// src/generated/troupe.d.ts from the repository's protocol/troupe.proto, so
// the package carries its protocol and reads no file at import.
//
//   node scripts/gen-proto.mjs [--proto FILE] [--out DIR]
//
// Defaults: --proto ../../protocol/troupe.proto, --out src/generated (both
// relative to the package). test/proto.test.ts regenerates into a temporary
// folder and fails when the committed files differ.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const { pbjs, pbts } = require('protobufjs-cli');

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    proto: { type: 'string', default: path.join(pkg, '..', '..', 'protocol', 'troupe.proto') },
    out: { type: 'string', default: path.join(pkg, 'src', 'generated') },
  },
});

const header =
  '// Generated from protocol/troupe.proto by `npm run gen:proto` (scripts/gen-proto.mjs). Do not edit.\n';

// pbjs's own es6 wrapper imports protobufjs as a namespace, which has no
// named exports under Node's ESM loader (protobufjs is CommonJS): take its
// default export instead.
const wrapper = 'import $protobuf from $DEPENDENCY;\n\n$OUTPUT;\n\nexport { $root as default };\n';

const run = (tool, args) =>
  new Promise((resolve, reject) => {
    const code = tool.main(args, (err, output) => (err ? reject(err) : resolve(output)));
    if (typeof code === 'number' && code !== 0) reject(new Error(`${args.join(' ')} exited with ${code}`));
  });

const work = mkdtempSync(path.join(os.tmpdir(), 'troupe-gen-proto-'));
try {
  const wrapperFile = path.join(work, 'wrapper.tpl');
  writeFileSync(wrapperFile, wrapper);
  const common = [
    '--target', 'static-module',
    '--wrap', wrapperFile,
    '--es6',
    '--dependency', 'protobufjs/minimal.js',
    '--root', 'troupe-motia',
    '--no-delimited',
    '--no-typeurl',
  ];
  // pbts reads the JSDoc comments; the shipped module goes without them.
  const commented = path.join(work, 'troupe.js');
  await run(pbjs, [...common, '--out', commented, values.proto]);
  const js = path.join(work, 'troupe.min.js');
  await run(pbjs, [...common, '--no-comments', '--out', js, values.proto]);
  const dts = path.join(work, 'troupe.d.ts');
  await run(pbts, ['--no-comments', '--out', dts, commented]);

  mkdirSync(values.out, { recursive: true });
  writeFileSync(path.join(values.out, 'troupe.js'), header + readFileSync(js, 'utf8'));
  writeFileSync(path.join(values.out, 'troupe.d.ts'), header + readFileSync(dts, 'utf8'));
} finally {
  rmSync(work, { recursive: true, force: true });
}
