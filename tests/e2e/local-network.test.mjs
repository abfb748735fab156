// Two validators, Alice and Bob, started from a raw chain specification file exported by
// `build-spec --chain local`: they find each other, take turns authoring and finalize together.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { nodeBinary, rpc, startNode, waitFor } from './support/node.mjs';

// Validators need a network key of their own: fixed ones, so that Bob can be told Alice's peer id.
const ALICE_NODE_KEY = '0000000000000000000000000000000000000000000000000000000000000001';
const BOB_NODE_KEY = '0000000000000000000000000000000000000000000000000000000000000002';

/**
 * The Aura slot of a block, from its pre-runtime digest: 0x06, the engine id "aura", the length 8
 * (compact: 0x20), then the slot as a little-endian u64.
 */
function auraSlot(header) {
  const prefix = '0x06' + '61757261' + '20';
  const log = header.digest.logs.find((item) => item.startsWith(prefix));
  if (!log) return null;
  const littleEndian = log.slice(prefix.length, prefix.length + 16);
  return BigInt(`0x${littleEndian.match(/../g).reverse().join('')}`);
}

describe('local two-validator network from a chain spec file', () => {
  let alice;
  let bob;
  let specPath;

  before(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cosmolocal-local-'));
    specPath = join(dir, 'local-raw.json');
    writeFileSync(specPath, execFileSync(nodeBinary(),
      ['build-spec', '--chain', 'local', '--raw', '--disable-default-bootnode'],
      { stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 }));
    const keyPath = join(dir, 'alice-node-key');
    writeFileSync(keyPath, ALICE_NODE_KEY);
    const alicePeerId = execFileSync(nodeBinary(), ['key', 'inspect-node-key', '--file', keyPath],
      { encoding: 'utf8' }).trim();

    alice = await startNode({
      name: 'local-alice',
      args: ['--chain', specPath, '--alice', '--tmp', '--node-key', ALICE_NODE_KEY],
    });
    bob = await startNode({
      name: 'local-bob',
      args: ['--chain', specPath, '--bob', '--tmp', '--node-key', BOB_NODE_KEY,
        '--bootnodes', `/ip4/127.0.0.1/tcp/${alice.p2pPort}/p2p/${alicePeerId}`],
    });
  });

  after(async () => {
    await bob?.stop();
    await alice?.stop();
  });

  test('both nodes run the chain of the spec file', async () => {
    for (const node of [alice, bob]) {
      assert.equal(await rpc(node.httpUrl, 'system_chain'), 'Cosmolocal Local Testnet');
      assert.equal(await rpc(node.httpUrl, 'system_chainType'), 'Local');
    }
    assert.equal(await rpc(alice.httpUrl, 'chain_getBlockHash', [0]),
      await rpc(bob.httpUrl, 'chain_getBlockHash', [0]));
  });

  test('the validators connect and finalize blocks together', async () => {
    await waitFor('the two nodes to be peers', async () =>
      (await rpc(alice.httpUrl, 'system_health')).peers === 1);
    // With two validators GRANDPA needs both votes: finality proves both take part.
    const finalizedOnBob = await waitFor('block 3 to be finalized on Bob', async () => {
      const hash = await rpc(bob.httpUrl, 'chain_getFinalizedHead');
      const header = await rpc(bob.httpUrl, 'chain_getHeader', [hash]);
      return parseInt(header.number, 16) >= 3 ? hash : null;
    }, { timeoutMs: 180_000 });
    const sameOnAlice = await rpc(alice.httpUrl, 'chain_getHeader', [finalizedOnBob]);
    assert.ok(sameOnAlice, 'Alice has the block Bob finalized');
  });

  test('blocks are authored by both validators in turn', async () => {
    const authors = new Set();
    await waitFor('blocks from both Alice and Bob', async () => {
      const best = parseInt((await rpc(alice.httpUrl, 'chain_getHeader')).number, 16);
      for (let number = 1; number <= best; number += 1) {
        const hash = await rpc(alice.httpUrl, 'chain_getBlockHash', [number]);
        const header = await rpc(alice.httpUrl, 'chain_getHeader', [hash]);
        // Aura gives slot s to authority s mod 2 (Alice, then Bob).
        const slot = auraSlot(header);
        if (slot !== null) authors.add(slot % 2n);
      }
      return authors.size === 2;
    }, { timeoutMs: 180_000, intervalMs: 2_000 });
  });
});
