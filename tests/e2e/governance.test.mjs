// Governance by the member cooperatives, through Polkadot.js as Apps' governance pages use it, on a
// chain made as the operator guide makes one: `build-spec --chain local`, then
// docs/scripts/customize-chain-spec.py with one validator (Alice, so that she finalizes alone), an
// Assembly of five (Alice, Bob, Charlie, Dave, Eve), a panel of three (Charlie, Dave, Eve), one
// certifying body (Ferdie) and no sudo key. Every power is exercised by its body at its threshold,
// and refused below it, with its events and resulting state.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { hexToU8a, stringToU8a, u8aToHex } from '@polkadot/util';
import { blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto';

import { repositoryRoot } from './support/guide.mjs';
import { nodeBinary, rpc, startNode, waitFor } from './support/node.mjs';
import { eventOf, submit, submitOk } from './support/tx.mjs';

const SS58_PREFIX = 4242;
const CML = 10n ** 12n;
const ASSEMBLY = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve'];
const PANEL = ['Charlie', 'Dave', 'Eve'];
/** A validator keeps a network key of its own; a fixed one for this throwaway chain. */
const ALICE_NODE_KEY = '0000000000000000000000000000000000000000000000000000000000000001';

/** The plain `local` chain spec with this test's validator and governance, in raw form. */
function governedChainSpec(dir, keyring, edKeyring) {
  const plain = join(dir, 'local-plain.json');
  writeFileSync(plain, execFileSync(nodeBinary(),
    ['build-spec', '--chain', 'local', '--disable-default-bootnode'],
    { stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 }));
  const alice = keyring.addFromUri('//Alice').address;
  const aliceGrandpa = edKeyring.addFromUri('//Alice').address;
  const account = (name) => keyring.addFromUri(`//${name}`).address;
  const custom = join(dir, 'governed-plain.json');
  execFileSync('python3', [
    join(repositoryRoot, 'docs/scripts/customize-chain-spec.py'), plain, custom,
    '--validator', `${alice},${alice},${aliceGrandpa}`,
    ...ASSEMBLY.flatMap((name) => ['--assembly', account(name)]),
    ...PANEL.flatMap((name) => ['--panel', account(name)]),
    '--certifier', account('Ferdie'),
  ]);
  const raw = join(dir, 'governed-raw.json');
  writeFileSync(raw, execFileSync(nodeBinary(),
    ['build-spec', '--chain', custom, '--raw', '--disable-default-bootnode'],
    { stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 }));
  return raw;
}

describe('governance on a chain without a sudo key', () => {
  let node;
  let api;
  let who;

  before(async () => {
    await cryptoWaitReady();
    const keyring = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX });
    const edKeyring = new Keyring({ type: 'ed25519', ss58Format: SS58_PREFIX });
    who = Object.fromEntries([...ASSEMBLY, 'Ferdie'].map((name) =>
      [name, keyring.addFromUri(`//${name}`)]));
    const dir = mkdtempSync(join(tmpdir(), 'cosmolocal-governance-'));
    const spec = governedChainSpec(dir, keyring, edKeyring);
    node = await startNode({
      name: 'governance',
      args: ['--chain', spec, '--alice', '--tmp', '--node-key', ALICE_NODE_KEY],
    });
    api = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true });
  });

  after(async () => {
    await api?.disconnect();
    await node?.stop();
  });

  /**
   * A motion of `collective` (`council`, the Assembly, or `technicalCommittee`, the panel) whose
   * `members` vote on `call`: the first of `ayes` proposes it asking for as many ayes as it has,
   * each member votes aye if it is in `ayes` and nay otherwise, and the proposer closes it.
   * Resolves with the events of the close and the call's result (`Ok` or the error's name).
   */
  async function motion(collective, members, ayes, call) {
    const length = call.method.encodedLength;
    const proposer = who[ayes[0]];
    const proposed = await submitOk(api,
      api.tx[collective].propose(ayes.length, call, length), proposer);
    const { proposalHash, proposalIndex } = eventOf(proposed, api.events[collective].Proposed);
    await Promise.all(members.map((name) => submitOk(api,
      api.tx[collective].vote(proposalHash, proposalIndex, ayes.includes(name)), who[name])));
    const { weight } = await api.call.transactionPaymentCallApi.queryCallInfo(call, length);
    const events = await submitOk(api,
      api.tx[collective].close(proposalHash, proposalIndex, weight, length), proposer);
    const executed = eventOf(events, api.events[collective].Executed);
    if (!executed) return { events, result: 'NotExecuted' };
    const { result } = executed;
    if (result.isOk) return { events, result: 'Ok' };
    const error = result.asErr;
    const name = error.isModule
      ? (({ section, name }) => `${section}.${name}`)(api.registry.findMetaError(error.asModule))
      : error.type;
    return { events, result: name };
  }
  const assembly = (ayes, call) => motion('council', ASSEMBLY, ayes, call);
  const panel = (ayes, call) => motion('technicalCommittee', PANEL, ayes, call);

  test('the chain has no sudo key, and Apps finds its governance sections', async () => {
    assert.equal((await api.query.sudo.key()).isNone, true);
    for (const section of ['council', 'councilMembership', 'technicalCommittee',
      'technicalMembership', 'treasury', 'whitelist', 'preimage']) {
      assert.ok(api.tx[section], `the ${section} calls`);
      assert.ok(api.query[section], `the ${section} storage`);
    }
    for (const call of ['propose', 'vote', 'close']) {
      assert.ok(api.tx.council[call] && api.tx.technicalCommittee[call], call);
    }
    const members = (await api.query.councilMembership.members()).map(String).sort();
    assert.deepEqual(members, ASSEMBLY.map((name) => who[name].address).sort());
    assert.deepEqual((await api.query.council.members()).map(String).sort(), members);
  });

  test('the Assembly adds a licence by a majority, not below it', async () => {
    const allow = api.tx.designRegistry.allowLicence('0BSD', false);
    assert.equal((await assembly(['Alice', 'Bob'], allow)).result, 'BadOrigin');
    assert.equal((await api.query.designRegistry.licences('0BSD')).isNone, true);
    const { events, result } = await assembly(['Alice', 'Bob', 'Charlie'], allow);
    assert.equal(result, 'Ok');
    assert.ok(eventOf(events, api.events.designRegistry.LicenceAllowed), 'a LicenceAllowed event');
    assert.equal((await api.query.designRegistry.licences('0BSD')).unwrap().allowed.isTrue, true);
  });

  let design;
  let network;

  test('a certifying body certifies a design in its own name; an account that is not one cannot', async () => {
    const registered = await submitOk(api, api.tx.designRegistry.registerDesign(
      'Bamboo bicycle frame',
      { hardware: 'CERN-OHL-S-2.0', documentation: 'CC-BY-SA-4.0', software: null },
      ['bicycle'], ['Woodworking', 'Assembly'], 'ipfs://bamboo-frame', `0x${'cd'.repeat(32)}`,
      '1.0.0', null), who.Alice);
    design = eventOf(registered, api.events.designRegistry.DesignRegistered).design.toNumber();
    network = (await api.call.contributiveAccountingApi.designNetwork(design)).unwrap().toNumber();
    const certify = api.tx.designRegistry.certify(design, 0, 'ipfs://load-test-report');
    const refused = await submit(certify, who.Bob);
    assert.equal(refused.dispatchError?.isBadOrigin, true, 'Bob is no certifying body');
    const certified = eventOf(await submitOk(api, certify, who.Ferdie),
      api.events.designRegistry.Certified);
    assert.equal(certified.certifier.unwrap().toString(), who.Ferdie.address);
    const certification = (await api.query.designRegistry.certifications(design, 0)).unwrap();
    assert.equal(certification.certifier.unwrap().toString(), who.Ferdie.address);
    assert.equal(certification.evidence.toUtf8(), 'ipfs://load-test-report');
  });

  test('the panel resolves a dispute, and a panel member who made the pledge does not decide it', async () => {
    const pledges = api.tx.productionPledges;
    const now = (await api.rpc.chain.getHeader()).number.toNumber();
    await submitOk(api, pledges.registerProducer('Bamboo workshop', 'ES-CT', null,
      ['Woodworking', 'Assembly'], null), who.Dave);
    const created = await submitOk(api, pledges.createPledge(
      design, 0, 'Native', 10n * CML, 2, 2, now + 100, now + 200, 5n * CML, 200_000), who.Dave);
    const pledge = eventOf(created, api.events.productionPledges.PledgeCreated).pledge.toNumber();
    await submitOk(api, pledges.back(pledge, 2), who.Ferdie);
    await submitOk(api, pledges.closeFunding(pledge), who.Ferdie);
    await submitOk(api, pledges.reportDelivery(pledge, 2, 'ipfs://frames'), who.Dave);
    await submitOk(api, pledges.dispute(pledge, 'ipfs://cracked-joint'), who.Ferdie);
    const state = async () => (await api.query.productionPledges.pledges(pledge)).unwrap().state.type;

    const verdict = pledges.resolveDispute(pledge, 600_000_000); // 60 % to the producer
    // Dave, the producer, is on the panel: his aye does not count.
    assert.equal((await panel(['Charlie', 'Dave'], verdict)).result, 'BadOrigin');
    assert.equal(await state(), 'Disputed');
    const { events, result } = await panel(['Charlie', 'Eve'], verdict);
    assert.equal(result, 'Ok');
    const settled = eventOf(events, api.events.productionPledges.Settled);
    assert.equal(settled.verdict.unwrap().toNumber(), 600_000_000);
    assert.equal(await state(), 'Settled');
  });

  test('the Assembly spends the treasury into a value network, shared by points', async () => {
    const treasury = (await api.query.system.account(treasuryAccount(api))).data.free.toBigInt();
    await submitOk(api, api.tx.balances.transferKeepAlive(treasuryAccount(api), 500n * CML), who.Bob);
    const spend = api.tx.treasury.spend('Native', 100n * CML, { ValueNetwork: network }, null);
    assert.equal((await assembly(['Alice', 'Bob'], spend)).result, 'BadOrigin');
    const { events, result } = await assembly(['Alice', 'Bob', 'Charlie'], spend);
    assert.equal(result, 'Ok');
    const { index } = eventOf(events, api.events.treasury.AssetSpendApproved);
    const networkAccount = await api.call.contributiveAccountingApi.networkAccount(network);
    const before = (await api.query.system.account(networkAccount)).data.free.toBigInt();
    const paid = await submitOk(api, api.tx.treasury.payout(index), who.Ferdie);
    const received = eventOf(paid, api.events.contributiveAccounting.RevenueReceived);
    assert.equal(received.network.toNumber(), network);
    assert.equal(received.from.toString(), treasuryAccount(api));
    assert.equal((await api.query.system.account(networkAccount)).data.free.toBigInt() - before,
      100n * CML);
    const after = (await api.query.system.account(treasuryAccount(api))).data.free.toBigInt();
    assert.ok(after >= treasury + 400n * CML, `the treasury kept the rest and its fee share: ${after}`);
    // Alice, the design's creator, holds every point: all that was shared is hers to claim.
    const claimable = await api.call.contributiveAccountingApi.claimable(network, who.Alice.address);
    const native = claimable.find(([asset]) => asset.isNative);
    assert.equal(native?.[1].toBigInt(), received.amount.toBigInt());
  });

  test('root is three quarters of the Assembly through the whitelist: it authorizes an upgrade', async () => {
    const code = hexToU8a(await rpc(node.httpUrl, 'state_getStorage', [u8aToHex(stringToU8a(':code'))]));
    const codeHash = blake2AsHex(code, 256);
    const codeFile = join(mkdtempSync(join(tmpdir(), 'cosmolocal-code-')), 'runtime.wasm');
    writeFileSync(codeFile, code);
    const tool = (...args) => spawnSync('node', [
      join(repositoryRoot, 'docs/scripts/chain.mjs'), '--url', node.wsUrl, ...args,
    ], { encoding: 'utf8', timeout: 300_000 });
    const members = (names) => names.map((name) => `//${name}`).join(',');
    // Three of five are not three quarters: the batch fails, nothing is authorized.
    const three = tool('motion', '--root', '--members', members(['Alice', 'Bob', 'Charlie']),
      'system.authorizeUpgrade', codeHash);
    assert.equal(three.status, 1, three.stdout + three.stderr);
    assert.match(three.stderr, /failed: BadOrigin/);
    assert.equal((await api.query.system.authorizedUpgrade()).isNone, true);
    const four = tool('motion', '--root', '--members', members(['Alice', 'Bob', 'Charlie', 'Dave']),
      'system.authorizeUpgrade', codeHash);
    assert.equal(four.status, 0, four.stdout + four.stderr);
    assert.match(four.stdout, /whitelist\.CallWhitelisted/);
    assert.match(four.stdout, /system\.UpgradeAuthorized/);
    assert.match(four.stdout, /whitelist\.WhitelistedCallDispatched/);
    const authorized = (await api.query.system.authorizedUpgrade()).unwrap();
    assert.equal(authorized.codeHash.toHex(), codeHash);
    // Anyone submits the code; the chain's own code has no higher spec_version, so it is refused.
    const applied = tool('tx', '--signer', '//Ferdie', 'system.applyAuthorizedUpgrade', `@${codeFile}`);
    assert.equal(applied.status, 1, applied.stdout + applied.stderr);
    assert.match(applied.stderr, /failed: system\.SpecVersionNeedsToIncrease/);
  });

  test('two thirds of the Assembly add a validator who registered its keys', async () => {
    // Bob's session keys, made on this node for Bob's account, and registered by Bob.
    const owner = u8aToHex(who.Bob.publicKey);
    const { keys, proof } = await rpc(node.httpUrl, 'author_rotateKeysWithOwner', [owner]);
    await submitOk(api, api.tx.session.setKeys(keys, proof), who.Bob);
    const add = api.tx.validatorSet.addValidator(who.Bob.address);
    const refused = await submit(add, who.Bob);
    assert.equal(refused.dispatchError?.isBadOrigin, true, 'Bob cannot add himself');
    // As the operator guide does it, with docs/scripts/chain.mjs.
    const chainTool = (members) => spawnSync('node', [
      join(repositoryRoot, 'docs/scripts/chain.mjs'), '--url', node.wsUrl, 'motion',
      '--members', members.map((name) => `//${name}`).join(','),
      'validatorSet.addValidator', who.Bob.address,
    ], { encoding: 'utf8', timeout: 300_000 });
    const three = chainTool(['Alice', 'Bob', 'Charlie']);
    assert.equal(three.status, 1, three.stdout + three.stderr);
    assert.match(three.stderr, /failed: BadOrigin/);
    assert.equal((await api.query.validatorSet.validators()).map(String).includes(who.Bob.address),
      false);
    const four = chainTool(['Alice', 'Bob', 'Charlie', 'Dave']);
    assert.equal(four.status, 0, four.stdout + four.stderr);
    assert.match(four.stdout, /^council\.propose\(4, validatorSet\.addValidator\) by /m);
    assert.match(four.stdout, /validatorSet\.ValidatorAdded/);
    assert.match(four.stdout, /council\.Executed .*"result":"Ok"/);
    const validators = (await api.query.validatorSet.validators()).map(String);
    assert.ok(validators.includes(who.Bob.address), validators.join(', '));
  });

  test('the Assembly upgrades the runtime to the next spec_version, and wallets sign for it', async () => {
    const codeFile = nextRuntime();
    const code = readFileSync(codeFile);
    const codeHash = blake2AsHex(code, 256);
    const before = await rpc(node.httpUrl, 'state_getRuntimeVersion');
    const tool = (...args) => spawnSync('node', [
      join(repositoryRoot, 'docs/scripts/chain.mjs'), '--url', node.wsUrl, ...args,
    ], { encoding: 'utf8', timeout: 300_000 });
    const authorized = tool('motion', '--root', '--members', '//Alice,//Bob,//Charlie,//Dave',
      'system.authorizeUpgrade', codeHash);
    assert.equal(authorized.status, 0, authorized.stdout + authorized.stderr);
    assert.match(authorized.stdout, /system\.UpgradeAuthorized/);
    // Anyone brings the code; it matches the authorized hash, so it is free and replaces the
    // runtime from the next block on.
    const ferdieBefore = (await api.query.system.account(who.Ferdie.address)).data.free.toBigInt();
    const applied = tool('tx', '--signer', '//Ferdie', 'system.applyAuthorizedUpgrade', `@${codeFile}`);
    assert.equal(applied.status, 0, applied.stdout + applied.stderr);
    assert.match(applied.stdout, /system\.CodeUpdated/);
    assert.equal((await api.query.system.authorizedUpgrade()).isNone, true);
    assert.equal((await api.query.system.account(who.Ferdie.address)).data.free.toBigInt(),
      ferdieBefore, 'the upload of authorized code is free');
    const after = await waitFor('the new runtime', async () => {
      const version = await rpc(node.httpUrl, 'state_getRuntimeVersion');
      return version.specVersion > before.specVersion && version;
    });
    assert.equal(after.specVersion, before.specVersion + 1);
    assert.equal(after.specName, before.specName);
    // A transaction signed now commits to the new spec_version (CheckSpecVersion): it goes in
    // only because the wallet follows the upgrade.
    await waitFor('the wallet on the new runtime',
      () => api.runtimeVersion.specVersion.toNumber() === after.specVersion);
    const transfer = api.tx.balances.transferKeepAlive(who.Ferdie.address, CML);
    const events = await submitOk(api, transfer, who.Bob);
    assert.ok(eventOf(events, api.events.balances.Transfer), 'a Transfer event');
    const fresh = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true });
    try {
      assert.equal(fresh.runtimeVersion.specVersion.toNumber(), after.specVersion);
    } finally {
      await fresh.disconnect();
    }
  });
});

/**
 * The runtime blob of the next spec_version (make next-runtime), from COSMOLOCAL_NEXT_RUNTIME or
 * where that target builds it.
 */
function nextRuntime() {
  const target = process.env.CARGO_TARGET_DIR ?? join(process.env.HOME, '.cache/cosmolocal/target');
  const file = process.env.COSMOLOCAL_NEXT_RUNTIME ??
    join(target, 'next-runtime/wbuild/cosmolocal-runtime/cosmolocal_runtime.compact.compressed.wasm');
  assert.ok(existsSync(file), `${file}: build it with make next-runtime`);
  return file;
}

/** The treasury's account: `modl` followed by its pallet id, padded with zeros. */
function treasuryAccount(api) {
  const id = api.consts.treasury.palletId.toU8a();
  const raw = new Uint8Array(32);
  raw.set(new TextEncoder().encode('modl'));
  raw.set(id, 4);
  return api.createType('AccountId', raw).toString();
}
