#!/usr/bin/env node
// Generates the typed polkadot-api descriptors (.papi/descriptors) from the runtime's wasm, so
// the app's types always follow the runtime it was built against.
//
// The wasm is $COSMOLOCAL_RUNTIME_WASM, else the runtime of the debug build in the shared target
// directory ($CARGO_TARGET_DIR, default ~/.cache/cosmolocal/target), which `make build` at the
// repository's root writes.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = join(dirname(fileURLToPath(import.meta.url)), '..');
// The version npm's lock file records for the descriptors package: papi writes a hash of the
// metadata's types there, which would change the committed package.json with every runtime change.
const descriptorsVersion = '0.0.0-generated';

function runtimeWasm() {
  if (process.env.COSMOLOCAL_RUNTIME_WASM) {
    const wasm = process.env.COSMOLOCAL_RUNTIME_WASM;
    if (!existsSync(wasm)) fail(`COSMOLOCAL_RUNTIME_WASM is ${wasm}, but there is no file there.`);
    return wasm;
  }
  const target = process.env.CARGO_TARGET_DIR ?? join(homedir(), '.cache/cosmolocal/target');
  const wbuild = join(target, 'debug/wbuild/cosmolocal-runtime');
  const candidates = ['compact.compressed.wasm', 'compact.wasm', 'wasm']
    .map((suffix) => join(wbuild, `cosmolocal_runtime.${suffix}`));
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    fail(`no runtime wasm found; looked for\n  ${candidates.join('\n  ')}\n`
      + 'Build it with `make build` at the repository\'s root, or point COSMOLOCAL_RUNTIME_WASM at '
      + 'a cosmolocal_runtime*.wasm file.');
  }
  return found;
}

function fail(message) {
  console.error(`descriptors: ${message}`);
  process.exit(1);
}

function papi(...args) {
  execFileSync(join(webDir, 'node_modules/.bin/papi'), args, { cwd: webDir, stdio: 'inherit' });
}

const wasm = runtimeWasm();
console.log(`descriptors: reading the metadata of ${wasm}`);
papi('add', 'cosmolocal', '--wasm', wasm, '--skip-codegen');
papi('generate');

const packageJson = join(webDir, '.papi/descriptors/package.json');
const descriptorsPackage = JSON.parse(readFileSync(packageJson, 'utf8'));
descriptorsPackage.version = descriptorsVersion;
writeFileSync(packageJson, `${JSON.stringify(descriptorsPackage, null, 2)}\n`);
