// What the node tells the person running it: a validator without a network key is told how to
// make one, a debug start says what it is doing while it builds the genesis state, and the chain
// specs name their own network protocol.

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { nodeBinary, rpc, startDevNode, startNode } from './support/node.mjs';

const dirs = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cosmolocal-messages-'));
  dirs.push(dir);
  return dir;
};

describe('the node\'s messages', () => {
  test('a validator without a network key is told how to make one, and starts once it has', async () => {
    const basePath = tempDir();
    const refused = spawnSync(nodeBinary(),
      ['--chain', 'local', '--validator', '--base-path', basePath, '--no-telemetry', '--no-mdns'],
      { encoding: 'utf8', timeout: 120_000 });
    assert.equal(refused.status, 1, refused.stderr);
    const message = refused.stderr.split('\n').find((line) => line.startsWith('Error: '));
    assert.ok(message, refused.stderr);
    assert.match(message, /^Error: this validator has no network key: there is none at .*secret_ed25519\./);
    assert.match(message, /`cosmolocal-node key generate-node-key --base-path <the node's --base-path> --chain <the node's --chain>`/);
    assert.match(message, /`cosmolocal-node key generate-node-key --file <path>`, then start the node with `--node-key-file <path>`/);
    assert.doesNotMatch(refused.stderr, /NetworkKeyNotFound\(/, 'not the debug form of the error');

    // Following the first way the message gives.
    execFileSync(nodeBinary(), ['key', 'generate-node-key', '--base-path', basePath, '--chain', 'local'],
      { stdio: 'ignore' });
    const node = await startNode({ name: 'validator-with-key',
      args: ['--chain', 'local', '--validator', '--base-path', basePath] });
    try {
      assert.equal((await rpc(node.httpUrl, 'system_chain')), 'Cosmolocal Local Testnet');
    } finally {
      await node.stop();
    }

    // And the second: a key file of one's own.
    const keyFile = join(tempDir(), 'node-key');
    execFileSync(nodeBinary(), ['key', 'generate-node-key', '--file', keyFile], { stdio: 'ignore' });
    const withFile = await startNode({ name: 'validator-with-key-file',
      args: ['--chain', 'local', '--validator', '--base-path', tempDir(), '--node-key-file', keyFile] });
    await withFile.stop();
  });

  test('other errors are sentences, not debug forms', () => {
    const result = spawnSync(nodeBinary(), ['--chain', join(tempDir(), 'missing.json')], { encoding: 'utf8' });
    assert.equal(result.status, 1);
    const message = result.stderr.split('\n').find((line) => line.startsWith('Error: '));
    assert.ok(message, result.stderr);
    assert.match(message, /missing\.json/);
    assert.doesNotMatch(message, /^Error: Input\(/);
  });

  test('a development start says what it does between opening the database and the genesis block', async () => {
    const node = await startDevNode({ name: 'messages-dev' });
    await node.stop();
    const lines = readFileSync(node.logPath, 'utf8').split('\n');
    const database = lines.findIndex((line) => /Database: ParityDb/.test(line));
    const loading = lines.findIndex((line) => /Loading the runtime: compiling its wasm and, on a new database, building the genesis state/.test(line));
    const genesis = lines.findIndex((line) => /Initializing Genesis block\/state/.test(line));
    assert.ok(database >= 0 && loading > database && genesis > loading,
      `database line ${database}, loading line ${loading}, genesis line ${genesis}`);
  });

  test('the chain specs name the chain\'s own network protocol', () => {
    for (const chain of ['dev', 'local']) {
      const spec = JSON.parse(execFileSync(nodeBinary(),
        ['build-spec', '--chain', chain, '--disable-default-bootnode'],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 }));
      assert.equal(spec.protocolId, 'cosmolocal', chain);
    }
  });
});
