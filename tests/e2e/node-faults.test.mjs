// Nodes that die without warning: a validator killed (SIGKILL) while it authors blocks under load,
// and a follower killed while it imports full blocks, each restarted on its database.
//
// What the node promises after such a kill is a clean prefix, not every block it had reported:
// ParityDB's commit queues each change and a background thread writes it to the database's log a
// moment later, so the last blocks a node reported imported may be missing when it reopens. What
// it reopens with is a prefix of the chain it had, under the same hashes, with their state; and
// what it reopened with once is on disk and stays. So each test first reopens the killed node
// alone (no peers: it can neither sync nor author), reads what it kept, and checks that: the same
// hashes as before the kill, and later on, at least as much as the last time. Then the node
// restarts for real and must go on from there: the validator authors and finalizes on top of
// what it kept, the follower catches up with the same blocks and the same state as the validator.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { blake2AsU8a, cryptoWaitReady, xxhashAsU8a } from '@polkadot/util-crypto';

import { nodeBinary, rpc, startNode, waitFor } from './support/node.mjs';

// Blocks of transfers take seconds to author and to import on a debug node: each is a window to
// kill a node in.
const CHAIN = 'benchmark:accounts=3000';
const VALIDATOR_NODE_KEY = '01'.padStart(64, '0');
const FOLLOWER_NODE_KEY = '02'.padStart(64, '0');
// The nodes and the load run niced, so as not to slow down what else runs on the machine.
const NICE = 10;
// A block with more extrinsics than this carries the load's transfers, not only the timestamp.
const FULL = 100;

/** Starts `cosmolocal-node load --scenario transfer` against `url`; `done` resolves when it exits. */
function startLoad(url, transactions) {
  const child = spawn('nice', ['-n', String(NICE), nodeBinary(), 'load', '--url', url,
    '--scenario', 'transfer', '--transactions', String(transactions), '--timeout', '120'],
  { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => { output += chunk; });
  child.stderr.on('data', (chunk) => { output += chunk; });
  const done = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, output })));
  return { child, done };
}

/** The storage key of an account's `System.Account` entry. */
function accountKey(address, keyring) {
  const id = keyring.decodeAddress(address);
  return u8aToHex(new Uint8Array([
    ...xxhashAsU8a('System', 128), ...xxhashAsU8a('Account', 128), ...blake2AsU8a(id, 128), ...id,
  ]));
}

/** The free balance in an encoded `AccountInfo`: after the four u32 counters, a little-endian u128. */
function freeBalance(accountInfo) {
  return BigInt(`0x${accountInfo.slice(2 + 32, 2 + 64).match(/../g).reverse().join('')}`);
}

/** The `System.Account` keys of Alice and of the first benchmark senders: the load's state. */
let watchedKeys;

const TOTAL_ISSUANCE = u8aToHex(new Uint8Array([
  ...xxhashAsU8a('Balances', 128), ...xxhashAsU8a('TotalIssuance', 128),
]));

async function best(url) {
  const header = await rpc(url, 'chain_getHeader');
  return { number: Number(header.number), hash: await rpc(url, 'chain_getBlockHash', [Number(header.number)]) };
}

async function finalized(url) {
  const hash = await rpc(url, 'chain_getFinalizedHead');
  return { number: Number((await rpc(url, 'chain_getHeader', [hash])).number), hash };
}

/** The hashes of blocks 0 to `to` as the node at `url` has them: the hash of block `n` at `n`. */
function hashes(url, to) {
  return rpc(url, 'chain_getBlockHash', [Array.from({ length: to + 1 }, (_, index) => index)]);
}

/** Kills the node with SIGKILL and waits until it is gone. */
async function kill(node) {
  process.kill(node.pid, 'SIGKILL');
  assert.deepEqual(await node.exited, { code: null, signal: 'SIGKILL' });
  await node.stop();
}

/**
 * Reopens a killed node's database alone, to read what it kept: no peers (`--reserved-only`
 * without reserved peers), not a validator. Returns its best and finalized blocks, and stops it
 * cleanly.
 */
async function reopenAlone(name, chainArgs, basePath) {
  const alone = await startNode({ name, args: [...chainArgs, '--reserved-only'], nice: NICE });
  try {
    assertReopened(alone, basePath);
    const kept = { best: await best(alone.httpUrl), finalized: await finalized(alone.httpUrl) };
    kept.hashes = await hashes(alone.httpUrl, kept.best.number);
    kept.state = async (keys, at) => rpc(alone.httpUrl, 'state_queryStorageAt', [keys, at]);
    kept.stateAtFinalized = await kept.state([TOTAL_ISSUANCE, ...watchedKeys], kept.finalized.hash);
    return kept;
  } finally {
    await alone.stop();
  }
}

/** A restarted node opened the database it had: it did not write a new genesis. */
function assertReopened(node, basePath) {
  const log = readFileSync(node.logPath, 'utf8');
  assert.match(log, new RegExp(`Database: ParityDb at ${basePath}/chains/cosmolocal_benchmark/`));
  assert.doesNotMatch(log, /Initializing Genesis block\/state/);
}

describe('nodes killed with SIGKILL restart on their database', () => {
  let dir;
  let validator;
  let validatorArgs;
  let validatorPeer;
  let follower;
  const loads = [];
  let keyring;

  before(async () => {
    await cryptoWaitReady();
    keyring = new Keyring({ type: 'sr25519' });
    // Alice receives every transfer; the first benchmark senders send them.
    watchedKeys = [keyring.addFromUri('//Alice').address,
      ...Array.from({ length: 10 }, (_, index) => keyring.addFromUri(`//bench//${index}`).address)]
      .map((address) => accountKey(address, keyring));
    dir = mkdtempSync(join(tmpdir(), 'cosmolocal-faults-'));
    validatorPeer = execFileSync(nodeBinary(), ['key', 'inspect-node-key'],
      { input: VALIDATOR_NODE_KEY, encoding: 'utf8' }).trim();
    validatorArgs = ['--chain', CHAIN, '--alice', '--validator', '--base-path', join(dir, 'validator'),
      '--node-key', VALIDATOR_NODE_KEY];
    validator = await startNode({ name: 'faults-validator', args: validatorArgs, nice: NICE });
  });

  after(async () => {
    for (const { child } of loads) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.all(loads.map(({ done }) => done));
    await follower?.stop();
    await validator?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('a validator killed while it authors under load goes on authoring and finalizing where it was', async (t) => {
    // More transfers than the blocks authored until one of them is finalized can hold.
    const load = startLoad(validator.wsUrl, 8_000);
    loads.push(load);
    const exitedEarly = () => load.child.exitCode !== null && 'the load exited before the validator was killed';

    // Once a block of transfers is finalized, wait for the validator to start on another block,
    // and kill it while it fills that one.
    let firstFull = null;
    await waitFor('a finalized block of transfers', async () => {
      if (firstFull === null) {
        const { number, hash } = await best(validator.httpUrl);
        const { block } = await rpc(validator.httpUrl, 'chain_getBlock', [hash]);
        if (block.extrinsics.length > FULL) firstFull = number;
      }
      return firstFull !== null && (await finalized(validator.httpUrl)).number >= firstFull;
    }, { timeoutMs: 120_000, giveUp: exitedEarly });
    const proposing = () => {
      const lines = readFileSync(validator.logPath, 'utf8').split('\n')
        .filter((line) => /Starting consensus session|Prepared block for proposing/.test(line));
      return /Starting consensus session/.test(lines.at(-1) ?? '') && lines.length;
    };
    const session = await waitFor('the validator to start authoring a block', proposing,
      { timeoutMs: 30_000, intervalMs: 50 });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.equal(proposing(), session, 'the validator is still filling the block');

    const bestBefore = await best(validator.httpUrl);
    const finalizedBefore = await finalized(validator.httpUrl);
    const hashesBefore = await hashes(validator.httpUrl, bestBefore.number);
    t.diagnostic(`killed while authoring #${bestBefore.number + 1}; #${finalizedBefore.number} finalized`);
    await kill(validator);
    const { code } = await load.done;
    assert.notEqual(code, 0, 'the load cannot finish against a killed node');

    // What it kept is a prefix of what it had: the same hashes, and the state of its finalized
    // block is the state that block had.
    const basePath = join(dir, 'validator');
    const kept = await reopenAlone('faults-validator-alone', ['--chain', CHAIN, '--base-path', basePath,
      '--node-key', VALIDATOR_NODE_KEY], basePath);
    t.diagnostic(`reopened with #${kept.best.number} (#${kept.finalized.number} finalized): `
      + `${bestBefore.number - kept.best.number} reported block(s) not yet written`);
    assert.ok(kept.best.number <= bestBefore.number);
    assert.deepEqual(kept.hashes, hashesBefore.slice(0, kept.best.number + 1));
    assert.ok(kept.finalized.number <= kept.best.number);

    validator = await startNode({ name: 'faults-validator-restarted', args: validatorArgs, nice: NICE });
    assertReopened(validator, basePath);
    assert.deepEqual(await hashes(validator.httpUrl, kept.best.number), kept.hashes);
    assert.deepEqual(await rpc(validator.httpUrl, 'state_queryStorageAt',
      [[TOTAL_ISSUANCE, ...watchedKeys], kept.finalized.hash]), kept.stateAtFinalized);

    // It authors on top of them, takes new transactions (their nonces follow the stored ones) and
    // finalizes past the block it was killed at.
    const again = startLoad(validator.wsUrl, 3_200);
    loads.push(again);
    const { code: againCode, output } = await again.done;
    assert.equal(againCode, 0, output);
    assert.match(output, /3200 transactions, 3200 included in \d+ blocks/);
    assert.match(output, /finalized 3200, dropped 0, resubmitted \(pool full\) \d+, refused 0, failed 0/);
    await waitFor('finality past the block the validator was killed at',
      async () => (await finalized(validator.httpUrl)).number > bestBefore.number + 1);
    const next = await rpc(validator.httpUrl, 'chain_getHeader',
      [await rpc(validator.httpUrl, 'chain_getBlockHash', [kept.best.number + 1])]);
    assert.equal(next.parentHash, kept.best.hash);
    assert.deepEqual(await hashes(validator.httpUrl, kept.best.number), kept.hashes);
  });

  test('a follower killed while it imports blocks catches up with the same blocks and state', async (t) => {
    const target = await finalized(validator.httpUrl);
    const chain = await hashes(validator.httpUrl, target.number);
    const full = [];
    for (const [number, hash] of chain.entries()) {
      const { block } = await rpc(validator.httpUrl, 'chain_getBlock', [hash]);
      if (block.extrinsics.length > FULL) full.push(number);
    }
    assert.ok(full.length >= 3, `blocks of transfers: ${full}`);

    const basePath = join(dir, 'follower');
    const ownArgs = ['--chain', CHAIN, '--base-path', basePath, '--node-key', FOLLOWER_NODE_KEY];
    const followerArgs = [...ownArgs,
      '--bootnodes', `/ip4/127.0.0.1/tcp/${validator.p2pPort}/p2p/${validatorPeer}`];
    follower = await startNode({ name: 'faults-follower', args: followerArgs, nice: NICE });
    assert.equal(await rpc(follower.httpUrl, 'chain_getBlockHash', [0]), chain[0]);

    // Twice: kill it while it imports a block of transfers, read what it kept, then restart it on
    // its database.
    let stored = 0;
    for (const round of [1, 2]) {
      let caughtUp = null;
      const importing = await waitFor(`the follower to import up to a block of transfers (round ${round})`,
        async () => {
          const { number } = await best(follower.httpUrl);
          if (number > full.at(-1)) caughtUp = number;
          return number > stored && full.includes(number + 1) && number;
        }, {
          timeoutMs: 120_000,
          intervalMs: 50,
          giveUp: () => caughtUp && `it imported up to #${caughtUp} before it could be killed`,
        });
      t.diagnostic(`round ${round}: killed at #${importing}, importing #${importing + 1}`);
      await kill(follower);
      const kept = await reopenAlone(`faults-follower-alone-${round}`, ownArgs, basePath);
      t.diagnostic(`round ${round}: reopened with #${kept.best.number}: `
        + `${importing - kept.best.number} reported block(s) not yet written`);
      // A prefix of the validator's chain, and never less than what it reopened with before.
      assert.ok(kept.best.number >= stored, `#${kept.best.number} kept, #${stored} kept the last time`);
      assert.deepEqual(kept.hashes, await hashes(validator.httpUrl, kept.best.number));
      assert.deepEqual(kept.stateAtFinalized, await rpc(validator.httpUrl, 'state_queryStorageAt',
        [[TOTAL_ISSUANCE, ...watchedKeys], kept.finalized.hash]));
      follower = await startNode({ name: `faults-follower-restarted-${round}`, args: followerArgs, nice: NICE });
      assertReopened(follower, basePath);
      stored = kept.best.number;
    }

    // It catches up: the same blocks, finalized as on the validator, with the same state.
    await waitFor('the follower to finalize what the validator had finalized',
      async () => (await finalized(follower.httpUrl)).number >= target.number, { timeoutMs: 120_000 });
    assert.deepEqual(await hashes(follower.httpUrl, target.number), chain);
    const { number: finalizedNumber, hash: finalizedHash } = await finalized(follower.httpUrl);
    assert.equal(finalizedHash, await rpc(validator.httpUrl, 'chain_getBlockHash', [finalizedNumber]));

    const [parent, first, last] = [chain[full[0] - 1], chain[full[0]], chain[full.at(-1)]];
    for (const at of [parent, first, last, target.hash]) {
      const keys = [TOTAL_ISSUANCE, ...watchedKeys];
      assert.deepEqual(await rpc(follower.httpUrl, 'state_queryStorageAt', [keys, at]),
        await rpc(validator.httpUrl, 'state_queryStorageAt', [keys, at]));
    }
    // The state compared is the load's: Alice received transfers between the first and the last
    // block of transfers.
    const alice = async (at) => freeBalance(await rpc(follower.httpUrl, 'state_getStorage', [watchedKeys[0], at]));
    const [aliceBefore, aliceAfter] = [await alice(parent), await alice(last)];
    assert.ok(aliceAfter > aliceBefore, `Alice had ${aliceBefore}, then ${aliceAfter} (blocks ${full})`);
    const sender = keyring.addFromUri('//bench//0').address;
    assert.ok(await rpc(validator.httpUrl, 'system_accountNextIndex', [sender]) > 0);
    assert.equal(await rpc(follower.httpUrl, 'system_accountNextIndex', [sender]),
      await rpc(validator.httpUrl, 'system_accountNextIndex', [sender]));

    // And it goes on following the validator's new blocks.
    const tip = await best(validator.httpUrl);
    await waitFor('the follower to import the validator\'s latest block',
      async () => (await best(follower.httpUrl)).number >= tip.number);
    assert.equal(await rpc(follower.httpUrl, 'chain_getBlockHash', [tip.number]), tip.hash);
  });
});
