// Hostile input at the edges, through real signed extrinsics against a development chain: every
// bounded argument of the design registry, the production pledges and contributive accounting at
// its bound and one over it; zero and maximum amounts, prices, bonds and quantities; deadlines
// already past and at the end of time; actions done twice (settle, claim, confirm, review,
// dispute, resolve…); and calls from the wrong account, or without root.
//
// One over a bound, an extrinsic is refused by the node's transaction pool before it can reach a
// block (the runtime cannot decode it): it costs nothing and changes nothing. Every other hostile
// call is included, fails with its exact error, and changes nothing but its sender's fee and
// nonce: the test reads the whole storage of the three pallets, of the assets and of balances'
// holds, reserves, freezes and locks, and every account, before and after, and compares them.
// Hostile calls are sent together, from several accounts, in as few blocks as the node takes
// them; each step that prepares them sends its independent calls together too.
//
// The bounds come from the chain's metadata constants, so that the test follows the runtime;
// the few bounds the metadata does not carry are named below.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { blake2AsHex, encodeAddress } from '@polkadot/util-crypto';

import { theEvent } from './support/events.mjs';
import { rpc, rpcOutcome, startNode, waitFor } from './support/node.mjs';
import { refusalOf, submit } from './support/tx.mjs';
import { SS58_PREFIX } from './support/views.mjs';

// The share of every fee that goes to the commons treasury (README, fee table).
const TREASURY_FEE_PERCENT = 20n;

const CML = 10n ** 12n;
const EXISTENTIAL_DEPOSIT = CML / 1000n;
const U32_MAX = 2 ** 32 - 1;
/** An asset Bob creates and the Assembly never approves. */
const UNAPPROVED_CURRENCY = 77;
const U64_MAX = 2n ** 64n - 1n;
const U128_MAX = 2n ** 128n - 1n;
/** One whole of a `Permill` and of a `Perbill`, in parts. */
const PERMILL_ONE = 1_000_000;
const PERBILL_ONE = 1_000_000_000;


/** The example design "Solar food dryer" of Alice (woodworking and assembly), version 0. */
const SOLAR_DRYER = 0;
const HASH = `0x${'cd'.repeat(32)}`;
const OPEN_LICENCES = { hardware: 'CERN-OHL-W-2.0', documentation: 'CC-BY-4.0', software: null };
/** What the node's log says for each extrinsic its pool could not decode. */
const UNDECODABLE = 'Bad input data provided to validate_transaction: Codec error';

const byteLength = (text) => Buffer.byteLength(text, 'utf8');

/** `start`, padded with `pad` (one byte) to exactly `length` bytes of UTF-8. */
function fill(start, length, pad = 'x') {
  const text = start + pad.repeat(Math.max(0, length - byteLength(start)));
  assert.equal(byteLength(text), length, `"${start}…" fits in ${length} bytes`);
  return text;
}

/** Custom value-equation weights: `weight` for every kind, or as `weights` says. */
function customWeights(weight, weights = {}) {
  const kinds = ['design', 'documentation', 'testing', 'production', 'materials', 'funding', 'care',
    'coordination'];
  return { Custom: { ...Object.fromEntries(kinds.map((kind) => [kind, weight])), ...weights } };
}

describe('hostile extrinsics: at and over every bound, zero and maximum amounts, double actions, wrong origins', () => {
  let node;
  let api;
  /** Keyring pairs by name. */
  const who = {};
  /** The bounds, from the metadata, and values at (`at`) and one over (`over`) each of them. */
  const bound = {};
  const at = {};
  const over = {};
  /** Every process, in the order of the metadata. */
  let processes;
  /** What the steps find out and later steps use: ids of designs, pledges, networks… */
  const s = {};
  /** Storage prefixes whose whole content a refused call must leave alone, and their names. */
  let statePrefixes;
  const storageNames = new Map();

  before(async () => {
    node = await startNode({ name: 'hostile-extrinsics', args: ['--dev', '--tmp'], nice: 10 });
    api = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true });
    const keyring = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX });
    for (const name of ['alice', 'bob', 'charlie', 'dave', 'eve', 'ferdie']) {
      who[name] = keyring.addFromUri(`//${name[0].toUpperCase()}${name.slice(1)}`);
    }
    const addresses = (path, count) =>
      Array.from({ length: count }, (_, i) => keyring.addFromUri(`//${path}/${i + 1}`).address);

    const { designRegistry: registry, productionPledges: pledges, contributiveAccounting: accounting } =
      api.consts;
    Object.assign(bound, {
      designName: registry.maxNameLen.toNumber(),
      maintainers: registry.maxMaintainers.toNumber(),
      tags: registry.maxTags.toNumber(),
      tag: registry.maxTagLen.toNumber(),
      designProcesses: registry.maxProcesses.toNumber(),
      manifest: registry.maxManifestLen.toNumber(),
      label: registry.maxVersionLabelLen.toNumber(),
      attestation: registry.maxEvidenceLen.toNumber(),
      commonsShare: registry.maxCommonsShare.toNumber(),
      producerName: pledges.maxNameLen.toNumber(),
      uri: pledges.maxUriLen.toNumber(),
      producerProcesses: pledges.maxProcesses.toNumber(),
      networkName: accounting.maxNameLen.toNumber(),
      stewards: accounting.maxStewards.toNumber(),
      contribution: accounting.maxEvidenceLen.toNumber(),
      licence: registry.maxLicenceIdLen.toNumber(),
      region: pledges.maxRegionLen.toNumber(),
      plusCode: pledges.maxPlusCodeLen.toNumber(),
      kindWeight: accounting.maxKindWeight.toNumber(),
    });
    processes = api.createType('CosmolocalPrimitivesDesignProcess').defKeys;
    // A list of processes holds each process once: at its bound, it holds every process.
    assert.ok(bound.designProcesses <= processes.length && bound.producerProcesses <= processes.length,
      'a list of processes at its bound has no process twice');
    const processesOf = (count) => Array.from({ length: count }, (_, i) => processes[i % processes.length]);
    /** `make(bound)` and `make(bound + 1)`: a value at the bound and one over it. */
    const both = (make, n) => [make(n), make(n + 1)];

    // A name with a two-byte letter: the bound counts bytes, not letters.
    [at.designName, over.designName] = both((n) => fill('Secadora solar comunitària ', n), bound.designName);
    [at.licence, over.licence] = both((n) => fill('LicenseRef-Open-Food-Commons-', n, '1'), bound.licence);
    at.tags = Array.from({ length: bound.tags }, (_, i) => fill(`solar-${i}-`, bound.tag));
    over.tagCount = Array.from({ length: bound.tags + 1 }, (_, i) => `solar-${i}`);
    over.tag = [fill('solar-', bound.tag + 1)];
    [at.designProcesses, over.designProcesses] = both(processesOf, bound.designProcesses);
    [at.manifest, over.manifest] = both(
      (n) => fill('ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/okh.toml#', n), bound.manifest);
    [at.label, over.label] = both((n) => fill('1.0.0+build.', n, '7'), bound.label);
    at.nextLabel = fill('1.1.0+build.', bound.label, '7');
    [at.attestation, over.attestation] = both((n) => fill('ipfs://bafy-dryer-build-photos/', n), bound.attestation);
    [at.producerName, over.producerName] = both((n) => fill('Atelier Partagé de Belleville ', n), bound.producerName);
    at.updatedProducerName = fill('Atelier Partagé de Belleville, Paris ', bound.producerName);
    at.region = 'FR-75C';
    over.region = 'FR-75CX';
    assert.equal(at.region.length, bound.region, 'the region is at its bound');
    // The longest Plus Code there is (8 digits, `+`, 3 digits) is shorter than the bound.
    at.plusCode = '8FW4V75V+8QX';
    [at.longestPlusCode, over.plusCode] = both((n) => fill(at.plusCode, n, 'C'), bound.plusCode);
    [at.producerProcesses, over.producerProcesses] = both(processesOf, bound.producerProcesses);
    [at.facility, over.facility] = both((n) => fill('ipfs://bafy-atelier-belleville/okw.json#', n), bound.uri);
    [at.delivery, over.delivery] = both((n) => fill('ipfs://bafy-dryer-delivery-notes/', n), bound.uri);
    [at.reason, over.reason] = both((n) => fill('The dryers came without their mesh trays: ', n), bound.uri);
    [at.networkName, over.networkName] = both((n) => fill('Cooperativa de Panaderas de Oaxaca ', n), bound.networkName);
    [at.stewards, over.stewards] = both((n) => addresses('Steward', n), bound.stewards);
    [at.contribution, over.contribution] = both((n) => fill('ipfs://bafy-care-rota/', n), bound.contribution);
    s.makers = addresses('Maker', bound.maintainers);

    const domain = ['designRegistry', 'productionPledges', 'contributiveAccounting', 'assets'];
    const balances = ['holds', 'reserves', 'freezes', 'locks'];
    statePrefixes = [
      ...domain.map((section) => Object.values(api.query[section])[0].keyPrefix().slice(0, 34)),
      ...balances.map((item) => api.query.balances[item].keyPrefix()),
    ];
    for (const section of [...domain, 'balances']) {
      for (const [item, entry] of Object.entries(api.query[section])) {
        storageNames.set(entry.keyPrefix(), `${section}.${item}`);
      }
    }
  });

  after(async () => {
    await api?.disconnect();
    await node?.stop();
  });

  // --- Building calls ---------------------------------------------------------------------------

  function registerDesign(fields = {}) {
    const d = {
      name: 'Hand-cranked grain mill', licences: OPEN_LICENCES, tags: ['grain'], processes: ['Woodworking'],
      manifest: 'ipfs://bafy-grain-mill/okh.toml', label: '1.0.0', lineage: null, ...fields,
    };
    // A manifest hash of its own unless the call names one: the same content for the same call.
    const hash = d.hash ?? blake2AsHex(JSON.stringify(d));
    return api.tx.designRegistry.registerDesign(
      d.name, d.licences, d.tags, d.processes, d.manifest, hash, d.label, d.lineage);
  }

  /** The arguments of `register_producer` and `update_producer`. */
  function producer(fields = {}) {
    const p = {
      name: 'Atelier Partagé de Belleville', region: 'FR-75C', plusCode: null, processes: ['Sewing'],
      facility: null, ...fields,
    };
    return [p.name, p.region, p.plusCode, p.processes, p.facility];
  }

  /** `create_pledge` of the solar dryer in CML, with `terms` changed. */
  function createPledge(terms = {}) {
    const t = {
      design: SOLAR_DRYER, version: 0, asset: 'Native', unitPrice: 10n * CML, quantity: 2, minQuantity: 2,
      fundingDeadline: s.far, deliveryDeadline: s.far + 100, bond: CML, maxCommonsShare: bound.commonsShare,
      ...terms,
    };
    return api.tx.productionPledges.createPledge(t.design, t.version, t.asset, t.unitPrice, t.quantity,
      t.minQuantity, t.fundingDeadline, t.deliveryDeadline, t.bond, t.maxCommonsShare);
  }

  const sudo = (call) => api.tx.sudo.sudo(call);

  // --- Sending calls ----------------------------------------------------------------------------

  const best = async () => (await api.rpc.chain.getHeader()).number.toNumber();

  /**
   * Sends `calls` (`[label, signer, tx]`) together, each signer's in the order given (explicit
   * nonces, so that a signer's later call may rely on its earlier one), and resolves with each
   * outcome (`label`, `signer`, `events`, `dispatchError`, `blockHash`) once all are in blocks.
   */
  async function together(calls) {
    const nonces = new Map();
    for (const [, signer] of calls) {
      if (!nonces.has(signer.address)) {
        nonces.set(signer.address, (await api.rpc.system.accountNextIndex(signer.address)).toNumber());
      }
    }
    return Promise.all(calls.map(([label, signer, tx]) => {
      const nonce = nonces.get(signer.address);
      nonces.set(signer.address, nonce + 1);
      return submit(tx, signer, { nonce }).then((outcome) => ({ label, signer, ...outcome }));
    }));
  }

  /** Sends `calls` together and asserts each was carried out; returns the events by label. */
  async function carriedOut(calls) {
    const labels = calls.map(([label]) => label);
    assert.equal(new Set(labels).size, labels.length, 'each call of a step has its own label');
    const outcomes = await together(calls);
    const refused = outcomes.filter((outcome) => refusalOf(api, outcome) !== null)
      .map((outcome) => `${outcome.label}: ${refusalOf(api, outcome)}`);
    assert.deepEqual(refused, [], 'every call of the step is carried out');
    return Object.fromEntries(outcomes.map(({ label, events }) => [label, events]));
  }

  // --- Reading the whole state ------------------------------------------------------------------

  /** Every storage entry under `statePrefixes`, and every account, at block `hash`. */
  async function chainState(hash) {
    const storage = new Map();
    for (const prefix of statePrefixes) {
      let start = null;
      for (;;) {
        const keys = await rpc(node.httpUrl, 'state_getKeysPaged', [prefix, 512, start, hash]);
        if (keys.length > 0) {
          const [{ changes }] = await rpc(node.httpUrl, 'state_queryStorageAt', [keys, hash]);
          for (const [key, value] of changes) storage.set(key, value);
        }
        if (keys.length < 512) break;
        start = keys.at(-1);
      }
    }
    const accounts = new Map();
    for (const [key, info] of await api.query.system.account.entriesAt(hash)) {
      accounts.set(key.args[0].toString(), {
        nonce: info.nonce.toNumber(),
        consumers: info.consumers.toNumber(),
        providers: info.providers.toNumber(),
        sufficients: info.sufficients.toNumber(),
        free: info.data.free.toBigInt(),
        reserved: info.data.reserved.toBigInt(),
        frozen: info.data.frozen.toBigInt(),
        flags: info.data.flags.toHex(),
      });
    }
    return { storage, accounts };
  }

  /** The commons treasury's account: `modl` and its pallet id, padded with zeros. */
  const treasuryAddress = () => {
    const id = new Uint8Array(32);
    id.set(new TextEncoder().encode('modl'));
    id.set(api.consts.treasury.palletId.toU8a(), 4);
    return encodeAddress(id, SS58_PREFIX);
  };

  const storageName = (key) => storageNames.get(key.slice(0, 66)) ?? key.slice(0, 66);

  /**
   * Sends `cases` (`[label, signer, tx, expected error]`) together and asserts that each is
   * included and refused with its error (by `refusalOf`: `section.Name`, `BadOrigin`,
   * `Arithmetic.Overflow`…), that the blocks hold no other signed extrinsic, and that the state
   * after them is the state before them but for each sender's fees and nonce.
   */
  async function refusedWithoutEffect(cases) {
    const labels = cases.map(([label]) => label);
    assert.equal(new Set(labels).size, labels.length, 'each hostile call has its own label');
    const beforeHash = (await api.rpc.chain.getBlockHash()).toHex();
    const beforeNumber = (await api.rpc.chain.getHeader(beforeHash)).number.toNumber();
    const before = await chainState(beforeHash);

    const outcomes = await together(cases.map(([label, signer, tx]) => [label, signer, tx]));

    const wrong = [];
    outcomes.forEach((outcome, i) => {
      const expected = cases[i][3];
      const actual = refusalOf(api, outcome);
      if (actual !== expected) wrong.push(`${outcome.label}: ${actual ?? 'carried out'}, not ${expected}`);
    });
    assert.deepEqual(wrong, [], 'each hostile call is refused with its error');
    const undocumented = outcomes.map((outcome) => refusalOf(api, outcome))
      .filter((name) => /^[a-z]\w*\.[A-Z]/.test(name))
      .filter((name) => {
        const [section, error] = name.split('.');
        return api.errors[section][error].meta.docs.join(' ').trim() === '';
      });
    assert.deepEqual(undocumented, [], 'every pallet error tells its reason in its documentation');

    const numbers = await Promise.all(outcomes.map(async ({ blockHash }) =>
      (await api.rpc.chain.getHeader(blockHash)).number.toNumber()));
    const lastNumber = Math.max(...numbers);
    const afterHash = outcomes[numbers.indexOf(lastNumber)].blockHash.toHex();
    let signed = 0;
    for (let number = beforeNumber + 1; number <= lastNumber; number += 1) {
      const block = await api.rpc.chain.getBlock(await api.rpc.chain.getBlockHash(number));
      signed += block.block.extrinsics.filter((extrinsic) => extrinsic.isSigned).length;
    }
    assert.equal(signed, cases.length, 'the blocks hold the hostile calls and nothing else');
    const after = await chainState(afterHash);

    const changed = [];
    for (const key of new Set([...before.storage.keys(), ...after.storage.keys()])) {
      if (before.storage.get(key) !== after.storage.get(key)) {
        const [was, is] = [before.storage.get(key) ?? 'none', after.storage.get(key) ?? 'none'];
        changed.push(`${storageName(key)} ${key}: ${was} → ${is}`);
      }
    }
    assert.deepEqual(changed, [], 'the refused calls change no storage of the pallets, assets or holds');

    const expected = new Map([...before.accounts].map(([address, account]) => [address, { ...account }]));
    const treasury = expected.get(treasuryAddress());
    assert.ok(treasury, 'the treasury account exists from genesis');
    for (const outcome of outcomes) {
      const paid = theEvent(outcome.events, api.events.transactionPayment.TransactionFeePaid);
      assert.equal(paid.who.toString(), outcome.signer.address, `${outcome.label}: its sender pays`);
      const account = expected.get(outcome.signer.address);
      account.nonce += 1;
      account.free -= paid.actualFee.toBigInt();
      // The treasury's share of each fee, rounded down; the rest is burnt.
      treasury.free += (paid.actualFee.toBigInt() * TREASURY_FEE_PERCENT) / 100n;
    }
    const show = (account) => JSON.stringify(account, (_, v) => (typeof v === 'bigint' ? `${v}` : v));
    const accounts = [];
    for (const address of new Set([...expected.keys(), ...after.accounts.keys()])) {
      const [want, found] = [show(expected.get(address)), show(after.accounts.get(address))];
      if (want !== found) accounts.push(`${address}: expected ${want}, found ${found}`);
    }
    assert.deepEqual(accounts, [], 'every account is as before but for its fees and nonce');
    return outcomes;
  }

  // --- The tests --------------------------------------------------------------------------------

  test('one over any bound, an extrinsic is refused before it reaches a block and costs nothing', async () => {
    const { alice, bob, charlie, dave, eve, ferdie } = who;
    const registry = api.tx.designRegistry;
    const pledges = api.tx.productionPledges;
    const accounting = api.tx.contributiveAccounting;
    const licences = (fields) => ({ licences: { ...OPEN_LICENCES, ...fields } });
    const cases = [
      ['register_design: name', alice, registerDesign({ name: over.designName })],
      ['register_design: hardware licence', alice, registerDesign(licences({ hardware: over.licence }))],
      ['register_design: documentation licence', alice,
        registerDesign(licences({ documentation: over.licence }))],
      ['register_design: software licence', alice, registerDesign(licences({ software: over.licence }))],
      ['register_design: number of tags', alice, registerDesign({ tags: over.tagCount })],
      ['register_design: tag length', alice, registerDesign({ tags: over.tag })],
      ['register_design: processes', alice, registerDesign({ processes: over.designProcesses })],
      ['register_design: manifest', alice, registerDesign({ manifest: over.manifest })],
      ['register_design: version label', alice, registerDesign({ label: over.label })],
      ['publish_version: manifest', alice, registry.publishVersion(SOLAR_DRYER, over.manifest, HASH, '1.1.0')],
      ['publish_version: version label', alice,
        registry.publishVersion(SOLAR_DRYER, 'ipfs://bafy-dryer-v2', HASH, over.label)],
      ['set_commons_share: a Permill above one', alice, registry.setCommonsShare(SOLAR_DRYER, PERMILL_ONE + 1)],
      ['attest: evidence', eve, registry.attest(SOLAR_DRYER, 0, 'Built', over.attestation)],
      ['certify: evidence (root)', alice, sudo(registry.certify(SOLAR_DRYER, 0, over.attestation))],
      ['allow_licence: licence id (root)', alice, sudo(registry.allowLicence(over.licence, false))],
      ['disallow_licence: licence id (root)', alice, sudo(registry.disallowLicence(over.licence))],
      ...[['register_producer', charlie], ['update_producer', bob]].flatMap(([call, signer]) => {
        const tx = call === 'register_producer' ? pledges.registerProducer : pledges.updateProducer;
        return [
          [`${call}: name`, signer, tx(...producer({ name: over.producerName }))],
          [`${call}: region`, signer, tx(...producer({ region: over.region }))],
          [`${call}: Plus Code`, signer, tx(...producer({ plusCode: over.plusCode }))],
          [`${call}: processes`, signer, tx(...producer({ processes: over.producerProcesses }))],
          [`${call}: facility manifest`, signer, tx(...producer({ facility: over.facility }))],
        ];
      }),
      ['report_delivery: evidence', bob, pledges.reportDelivery(0, 1, over.delivery)],
      ['dispute: reason', dave, pledges.dispute(0, over.reason)],
      ['resolve_dispute: a Perbill above one (root)', alice, sudo(pledges.resolveDispute(0, PERBILL_ONE + 1))],
      ['create_network: name', dave, accounting.createNetwork(over.networkName, [dave.address], 1, 'Equal')],
      ['create_network: stewards', dave, accounting.createNetwork('Nairobi tool library', over.stewards, 1, 'Equal')],
      ['set_stewards: stewards', dave, accounting.setStewards(0, over.stewards, 1)],
      ['log_contribution: evidence', ferdie, accounting.logContribution(0, 'Care', 1, over.contribution)],
    ];
    const signers = [...new Set(cases.map(([, signer]) => signer))];
    const accountsOf = async () => Object.fromEntries(await Promise.all(signers.map(async (signer) => {
      const { nonce, data } = await api.query.system.account(signer.address);
      const account = { nonce: nonce.toNumber(), free: data.free.toBigInt(), reserved: data.reserved.toBigInt() };
      return [signer.address, account];
    })));
    const before = await accountsOf();
    const undecodedBefore = readFileSync(node.logPath, 'utf8').split(UNDECODABLE).length - 1;
    const startNumber = await best();

    const refusals = await Promise.all(cases.map(async ([label, signer, tx]) => {
      await tx.signAsync(signer);
      const { result, error } = await rpcOutcome(node.httpUrl, 'author_submitExtrinsic', [tx.toHex()]);
      return { label, result, error };
    }));
    const accepted = refusals.filter(({ error }) => !error).map(({ label, result }) => `${label}: ${result}`);
    assert.deepEqual(accepted, [], 'no extrinsic over a bound is accepted into the pool');
    for (const { label, error } of refusals) {
      assert.equal(error.code, 1002, `${label}: refused as an invalid transaction (${error.message})`);
      assert.match(error.message, /^Verification Error: Runtime error: Execution failed/, label);
      assert.match(error.message, /TaggedTransactionQueue_validate_transaction/,
        `${label}: refused while the pool validates it`);
    }
    // Each refusal is the runtime failing to decode the extrinsic, as the node's log tells.
    // (At least once each: the pool may validate an extrinsic against more than one block.)
    await waitFor('the node to log each undecodable extrinsic', () =>
      readFileSync(node.logPath, 'utf8').split(UNDECODABLE).length - 1 - undecodedBefore >= cases.length,
    { timeoutMs: 10_000 });
    assert.equal((await api.rpc.author.pendingExtrinsics()).length, 0, 'the pool holds none of them');

    // A block later, nothing of them was included: no nonce used, no fee paid, no deposit held.
    await waitFor('a block after the refusals', async () => (await best()) > startNumber);
    assert.deepEqual(await accountsOf(), before, 'nonces and balances are as before');
    const health = await api.rpc.system.health();
    assert.equal(health.isSyncing.isFalse, true, 'the node is up and not syncing');
  });

  test('at every bound, designs, versions, licences, attestations, producers, pledges and networks are stored whole',
    async () => {
    const { alice, bob, charlie, dave, eve, ferdie } = who;
    const registry = api.tx.designRegistry;
    const pledges = api.tx.productionPledges;
    const accounting = api.tx.contributiveAccounting;
    const now = await best();
    s.far = now + 10_000;
    // Funding ends, then delivery is due, a few blocks from now: by the time the hostile calls
    // come, both have passed.
    s.soon = now + 6;
    const solarDryer = { unitPrice: 10n * CML, bond: CML };

    // Step 1: everything that depends on nothing but the genesis.
    const step1 = await carriedOut([
      ['allow a licence id at its bound', alice, sudo(registry.allowLicence(at.licence, false))],
      ['register a design with every field at its bound', alice, registerDesign({
        name: at.designName,
        licences: { ...OPEN_LICENCES, software: at.licence },
        tags: at.tags,
        processes: at.designProcesses,
        manifest: at.manifest,
        label: at.label,
      })],
      ['register a first draft, to deprecate', alice, registerDesign({ name: 'Solar food dryer, first draft' })],
      ['create a currency the Assembly does not approve', bob,
        api.tx.assets.create(UNAPPROVED_CURRENCY, bob.address, 1)],
      ['pledge to settle', bob, createPledge(solarDryer)],
      ['pledge to confirm', bob, createPledge(solarDryer)],
      ['pledge to dispute', bob, createPledge({ ...solarDryer, quantity: 1, minQuantity: 1 })],
      ['pledge to stay funded', bob, createPledge({ ...solarDryer, quantity: 1, minQuantity: 1 })],
      ['pledge still funding', bob, createPledge({ ...solarDryer, quantity: 10, minQuantity: 10 })],
      ['pledge delivered too late', bob, createPledge({
        ...solarDryer, quantity: 1, minQuantity: 1, fundingDeadline: s.soon, deliveryDeadline: s.soon + 1,
      })],
      ['pledge whose funding expires', bob, createPledge({
        ...solarDryer, quantity: 3, minQuantity: 3, fundingDeadline: s.soon,
      })],
      ['pledge of u32::MAX units at the smallest price, without a bond', bob, createPledge({
        unitPrice: 1n, quantity: U32_MAX, minQuantity: U32_MAX, bond: 0n,
      })],
      ['pledge of one unit at u128::MAX', bob, createPledge({
        unitPrice: U128_MAX, quantity: 1, minQuantity: 1, bond: 0n,
      })],
      ['pledge with deadlines at the end of time', bob, createPledge({
        ...solarDryer, quantity: 1, minQuantity: 1, fundingDeadline: U32_MAX - 1, deliveryDeadline: U32_MAX,
      })],
      ['register a producer with every field at its bound', charlie, api.tx.productionPledges.registerProducer(
        ...producer({
          name: at.producerName, region: at.region, plusCode: at.plusCode,
          processes: at.producerProcesses, facility: at.facility,
        }))],
      ['create a network with every field at its bound', dave, accounting.createNetwork(
        at.networkName, at.stewards, at.stewards.length, customWeights(bound.kindWeight))],
      ['create a tool library', dave, accounting.createNetwork('Nairobi tool library', [dave.address], 1, 'Equal')],
      // Three stewards, two reviews: Ferdie's own contribution still needs both other stewards.
      ['create a repair circle of three stewards', dave, accounting.createNetwork(
        'Kreuzberg repair circle', [eve.address, ferdie.address, alice.address], 2, 'Disco')],
      ['attest with evidence at its bound', eve, registry.attest(SOLAR_DRYER, 0, 'Built', at.attestation)],
      ['attest a test, to revoke', eve, registry.attest(SOLAR_DRYER, 0, 'Tested', 'ipfs://bafy-dryer-test')],
    ]);
    const designOf = (label) => theEvent(step1[label], api.events.designRegistry.DesignRegistered).design.toNumber();
    const pledgeOf = (label) => theEvent(step1[label], api.events.productionPledges.PledgeCreated).pledge.toNumber();
    const networkOf = (label) =>
      theEvent(step1[label], api.events.contributiveAccounting.NetworkCreated).network.toNumber();
    s.fullDesign = designOf('register a design with every field at its bound');
    s.draft = designOf('register a first draft, to deprecate');
    s.settle = pledgeOf('pledge to settle');
    s.confirm = pledgeOf('pledge to confirm');
    s.dispute = pledgeOf('pledge to dispute');
    s.funded = pledgeOf('pledge to stay funded');
    s.funding = pledgeOf('pledge still funding');
    s.late = pledgeOf('pledge delivered too late');
    s.expired = pledgeOf('pledge whose funding expires');
    s.most = pledgeOf('pledge of u32::MAX units at the smallest price, without a bond');
    s.priciest = pledgeOf('pledge of one unit at u128::MAX');
    s.endless = pledgeOf('pledge with deadlines at the end of time');
    s.fullNetwork = networkOf('create a network with every field at its bound');
    s.library = networkOf('create a tool library');
    s.circle = networkOf('create a repair circle of three stewards');

    const design = (await api.query.designRegistry.designs(s.fullDesign)).unwrap();
    assert.equal(design.name.toUtf8(), at.designName);
    assert.equal(design.name.length, bound.designName);
    assert.equal(design.licences.software.unwrap().toUtf8(), at.licence);
    assert.deepEqual(design.tags.map((tag) => tag.toUtf8()), [...at.tags].sort());
    assert.deepEqual(design.processes.map((process) => process.type).sort(), [...at.designProcesses].sort());
    const first = (await api.query.designRegistry.versions(s.fullDesign, 0)).unwrap();
    assert.equal(first.manifest.toUtf8(), at.manifest);
    assert.equal(first.label.toUtf8(), at.label);
    const built = (await api.query.designRegistry.attestations(SOLAR_DRYER, 0, eve.address, 'Built')).unwrap();
    assert.equal(built.evidence.toUtf8(), at.attestation);
    const workshop = (await api.query.productionPledges.producers(charlie.address)).unwrap();
    assert.deepEqual([workshop.name.toUtf8(), workshop.region.toUtf8(), workshop.plusCode.unwrap().toUtf8(),
      workshop.processes.length, workshop.facilityManifest.unwrap().toUtf8()],
    [at.producerName, at.region, at.plusCode, bound.producerProcesses, at.facility]);
    const terms = async (id) => (await api.query.productionPledges.pledges(id)).unwrap().terms;
    const most = await terms(s.most);
    assert.deepEqual([most.quantity.toNumber(), most.minQuantity.toNumber(), most.bond.toBigInt()],
      [U32_MAX, U32_MAX, 0n]);
    assert.equal((await terms(s.priciest)).unitPrice.toBigInt(), U128_MAX);
    const endless = await terms(s.endless);
    assert.deepEqual([endless.fundingDeadline.toNumber(), endless.deliveryDeadline.toNumber()],
      [U32_MAX - 1, U32_MAX]);
    const network = (await api.query.contributiveAccounting.networks(s.fullNetwork)).unwrap();
    assert.equal(network.name.toUtf8(), at.networkName);
    assert.deepEqual(network.stewards.map(String), at.stewards);
    assert.equal(network.approvalThreshold.toNumber(), bound.stewards);
    assert.deepEqual(Object.values(network.equation.asCustom.toJSON()), Array(8).fill(bound.kindWeight));

    // Step 2: what builds on step 1.
    const addMakers = s.makers.slice(1).map((maker, i) =>
      [`add maintainer ${i + 2} of ${bound.maintainers}`, alice, registry.addMaintainer(s.fullDesign, maker)]);
    const step2 = await carriedOut([
      ...addMakers,
      ['publish a version at the bounds', alice,
        registry.publishVersion(s.fullDesign, at.manifest, HASH, at.nextLabel)],
      ['deprecate the first draft', alice, registry.deprecate(s.draft, SOLAR_DRYER)],
      ['certify with evidence at its bound', alice, sudo(registry.certify(SOLAR_DRYER, 0, at.attestation))],
      ['take the licence off the list', alice, sudo(registry.disallowLicence(at.licence))],
      ['ask the largest commons share', alice, registry.setCommonsShare(s.fullDesign, bound.commonsShare)],
      ['update the producer at every bound', charlie, pledges.updateProducer(...producer({
        name: at.updatedProducerName, region: at.region,
        plusCode: at.plusCode, processes: at.producerProcesses, facility: at.facility,
      }))],
      ['back the pledge to settle', charlie, pledges.back(s.settle, 1)],
      ['back the pledge to confirm', charlie, pledges.back(s.confirm, 1)],
      ['back the pledge to dispute', charlie, pledges.back(s.dispute, 1)],
      ['close the pledge to dispute', charlie, pledges.closeFunding(s.dispute)],
      ['back the pledge to stay funded', charlie, pledges.back(s.funded, 1)],
      ['close the pledge to stay funded', charlie, pledges.closeFunding(s.funded)],
      ['back the pledge delivered too late', charlie, pledges.back(s.late, 1)],
      ['close the pledge delivered too late', charlie, pledges.closeFunding(s.late)],
      ['back two units still funding', charlie, pledges.back(s.funding, 2)],
      ['back u32::MAX units', charlie, pledges.back(s.most, U32_MAX)],
      ['set the tool library\'s stewards at their bound', dave,
        accounting.setStewards(s.library, [dave.address, ...at.stewards.slice(1)], 1)],
      ['weigh every kind at the most', dave, accounting.setValueEquation(s.library, customWeights(bound.kindWeight))],
      ['give one unit above the minimum balance', dave,
        accounting.depositRevenue(s.library, 'Native', EXISTENTIAL_DEPOSIT + 1n)],
      ['give ten CML', dave, accounting.depositRevenue(s.library, 'Native', 10n * CML)],
      ['back the pledge to settle too', dave, pledges.back(s.settle, 1)],
      ['back the pledge to confirm too', dave, pledges.back(s.confirm, 1)],
      ['back the pledge whose funding expires', dave, pledges.back(s.expired, 1)],
      ['revoke the test', eve, registry.revokeAttestation(SOLAR_DRYER, 0, 'Tested')],
      ['log u32::MAX hours of care with evidence at its bound', ferdie,
        accounting.logContribution(s.library, 'Care', U32_MAX, at.contribution)],
      ['log a contribution to withdraw', ferdie,
        accounting.logContribution(s.library, 'Testing', 1, 'ipfs://bafy-tool-test')],
      ['log a contribution for the repair circle', ferdie,
        accounting.logContribution(s.circle, 'Testing', 2, 'ipfs://bafy-toaster-repair')],
    ]);
    const contributionOf = (label) =>
      theEvent(step2[label], api.events.contributiveAccounting.ContributionLogged).contribution.toBigInt();
    s.care = contributionOf('log u32::MAX hours of care with evidence at its bound');
    s.withdrawn = contributionOf('log a contribution to withdraw');
    s.repair = contributionOf('log a contribution for the repair circle');
    assert.equal(theEvent(step2['give one unit above the minimum balance'],
      api.events.contributiveAccounting.RevenueReceived).amount.toBigInt(), 1n,
    'the first revenue keeps the minimum balance and shares the unit above it');

    const full = (await api.query.designRegistry.designs(s.fullDesign)).unwrap();
    assert.deepEqual(full.maintainers.map(String), [alice.address, ...s.makers.slice(1)]);
    assert.equal(full.commonsShare.toNumber(), bound.commonsShare);
    const fullNetwork = (await api.query.contributiveAccounting.designNetworks(s.fullDesign)).unwrap();
    assert.equal((await api.query.contributiveAccounting.networks(fullNetwork)).unwrap().stewards.length,
      bound.maintainers, 'the design\'s network has every maintainer as a steward');
    const second = (await api.query.designRegistry.versions(s.fullDesign, 1)).unwrap();
    assert.deepEqual([second.manifest.toUtf8(), second.label.toUtf8()], [at.manifest, at.nextLabel]);
    const certified = (await api.query.designRegistry.certifications(SOLAR_DRYER, 0)).unwrap();
    assert.equal(certified.evidence.toUtf8(), at.attestation);
    assert.equal((await api.query.designRegistry.licences(at.licence)).unwrap().allowed.isFalse, true);
    assert.equal((await api.query.productionPledges.pledges(s.most)).unwrap().backedUnits.toNumber(), U32_MAX);
    assert.equal((await api.query.productionPledges.producers(charlie.address)).unwrap().name.toUtf8(),
      at.updatedProducerName);
    const care = (await api.query.contributiveAccounting.contributions(s.care)).unwrap();
    assert.deepEqual([care.quantity.toNumber(), care.evidence.toUtf8()], [U32_MAX, at.contribution]);
    assert.equal((await api.query.contributiveAccounting.networks(s.library)).unwrap().stewards.length,
      bound.stewards);
  });

  test('pledges are delivered, disputed, resolved, confirmed and settled, with evidence, reasons and verdicts at '
    + 'their bounds', async () => {
    const { alice, bob, charlie, dave, eve, ferdie } = who;
    const pledges = api.tx.productionPledges;
    const accounting = api.tx.contributiveAccounting;

    const step3 = await carriedOut([
      ['close the pledge to settle', charlie, pledges.closeFunding(s.settle)],
      ['close the pledge to confirm', charlie, pledges.closeFunding(s.confirm)],
      ['deliver the pledge to dispute', bob, pledges.reportDelivery(s.dispute, 1, 'ipfs://bafy-dryer-delivery')],
      ['accept u32::MAX hours of care', dave, accounting.reviewContribution(s.care, true)],
      ['approve the repair, one of two reviews', eve, accounting.reviewContribution(s.repair, true)],
      ['withdraw the contribution', ferdie, accounting.withdrawContribution(s.withdrawn)],
    ]);
    const accepted = theEvent(step3['accept u32::MAX hours of care'],
      api.events.contributiveAccounting.ContributionAccepted);
    assert.equal(accepted.points.toBigInt(), BigInt(U32_MAX) * BigInt(bound.kindWeight));

    await carriedOut([
      ['deliver the pledge to settle, with evidence at its bound', bob,
        pledges.reportDelivery(s.settle, 2, at.delivery)],
      ['deliver the pledge to confirm', bob, pledges.reportDelivery(s.confirm, 2, 'ipfs://bafy-dryer-delivery')],
      ['dispute with a reason at its bound', charlie, pledges.dispute(s.dispute, at.reason)],
      ['claim the care network\'s revenue', ferdie, accounting.claim(s.library, 'Native')],
    ]);
    const pledge = async (id) => (await api.query.productionPledges.pledges(id)).unwrap();
    assert.equal((await pledge(s.settle)).delivery.unwrap().evidence.toUtf8(), at.delivery);
    assert.equal((await pledge(s.dispute)).dispute.unwrap().reason.toUtf8(), at.reason);

    const step5 = await carriedOut([
      ['confirm the pledge to settle', charlie, pledges.confirmReceipt(s.settle)],
      ['confirm the pledge to settle too', dave, pledges.confirmReceipt(s.settle)],
      ['confirm one of two backings', charlie, pledges.confirmReceipt(s.confirm)],
      ['resolve the dispute wholly for the producer', alice, sudo(pledges.resolveDispute(s.dispute, PERBILL_ONE))],
    ]);
    const verdict = theEvent(step5['resolve the dispute wholly for the producer'],
      api.events.productionPledges.Settled);
    assert.equal(verdict.verdict.unwrap().toNumber(), PERBILL_ONE);
    assert.equal(verdict.refunds.toBigInt(), 0n, 'the whole escrow goes to the producer');

    await carriedOut([
      ['settle', charlie, pledges.settle(s.settle)],
      ['claim the refund', charlie, pledges.claimRefund(s.settle)],
    ]);
    const settled = await pledge(s.settle);
    assert.equal(settled.state.type, 'Settled');
    assert.equal(settled.backers.toNumber(), 1, 'Dave has not claimed yet: the pledge stays');
    assert.equal((await pledge(s.dispute)).state.type, 'Settled');
  });

  test('the design registry refuses other people\'s designs, non-root calls, repeated and malformed input, and '
    + 'changes nothing', async () => {
    const { alice, bob, eve } = who;
    const registry = api.tx.designRegistry;
    const version = (label, manifest = 'ipfs://bafy-dryer-v2') => [manifest, HASH, label];
    const registryError = (name) => `designRegistry.${name}`;
    const dryerHash = (await api.query.designRegistry.versions(SOLAR_DRYER, 0)).unwrap().manifestHash.toHex();
    await refusedWithoutEffect([
      ['the solar dryer registered again without lineage', alice,
        registerDesign({ name: 'Solar food dryer, copied', hash: dryerHash }), registryError('DuplicateManifest')],
      ['a version with the manifest of a design this one does not derive from', alice,
        registry.publishVersion(s.fullDesign, 'ipfs://bafy-dryer-copy', dryerHash, '3.0.0'),
        registryError('DuplicateManifest')],
      ['Bob publishes a version of Alice\'s design', bob,
        registry.publishVersion(s.fullDesign, ...version('9.0.0')), registryError('NotMaintainer')],
      ['Bob makes himself a maintainer of Alice\'s design', bob,
        registry.addMaintainer(SOLAR_DRYER, bob.address), registryError('NotMaintainer')],
      ['Bob removes Alice from her design', bob,
        registry.removeMaintainer(SOLAR_DRYER, alice.address), registryError('NotMaintainer')],
      ['Bob sets the commons share of Alice\'s design', bob,
        registry.setCommonsShare(SOLAR_DRYER, 0), registryError('NotMaintainer')],
      ['Bob raises the readiness of Alice\'s design', bob,
        registry.setReadiness(SOLAR_DRYER, 'Prototype'), registryError('NotMaintainer')],
      ['Bob deprecates Alice\'s design', bob, registry.deprecate(SOLAR_DRYER, null), registryError('NotMaintainer')],
      ['Bob allows a licence without root', bob, registry.allowLicence('Unlicense', false), 'BadOrigin'],
      ['Bob disallows a licence without root', bob, registry.disallowLicence('MIT'), 'BadOrigin'],
      ['Bob certifies a version without root', bob,
        registry.certify(SOLAR_DRYER, 0, 'ipfs://bafy-self-certified'), 'BadOrigin'],
      ['Bob wraps allow_licence in sudo', bob, sudo(registry.allowLicence('Unlicense', false)), 'sudo.RequireSudo'],

      ['a maintainer above the bound', alice,
        registry.addMaintainer(s.fullDesign, who.bob.address), registryError('TooManyMaintainers')],
      ['a maintainer added twice', alice,
        registry.addMaintainer(s.fullDesign, s.makers[1]), registryError('AlreadyMaintainer')],
      ['removing someone who is no maintainer', alice,
        registry.removeMaintainer(SOLAR_DRYER, bob.address), registryError('UnknownMaintainer')],
      ['removing the last maintainer', alice,
        registry.removeMaintainer(SOLAR_DRYER, alice.address), registryError('LastMaintainer')],
      ['a commons share one part above the most', alice,
        registry.setCommonsShare(s.fullDesign, bound.commonsShare + 1), registryError('CommonsShareTooHigh')],
      ['"made independently" by hand', alice,
        registry.setReadiness(SOLAR_DRYER, 'MadeIndependently'), registryError('ReadinessReservedForChain')],
      ['readiness kept where it is', alice,
        registry.setReadiness(s.fullDesign, 'Concept'), registryError('ReadinessNotRaised')],
      ['deprecating twice', alice, registry.deprecate(s.draft, null), registryError('AlreadyDeprecated')],
      ['a design succeeding itself', alice,
        registry.deprecate(s.fullDesign, s.fullDesign), registryError('SelfSuccessor')],
      ['a successor that does not exist', alice,
        registry.deprecate(s.fullDesign, U32_MAX), registryError('SuccessorNotFound')],
      ['a deprecated successor', alice,
        registry.deprecate(s.fullDesign, s.draft), registryError('SuccessorDeprecated')],
      ['a version of a deprecated design', alice,
        registry.publishVersion(s.draft, ...version('2.0.0')), registryError('DesignDeprecated')],
      ['a version label used twice', alice,
        registry.publishVersion(s.fullDesign, ...version(at.nextLabel)), registryError('DuplicateVersionLabel')],
      ['a version label that is no semantic version', alice,
        registry.publishVersion(s.fullDesign, ...version('v2')), registryError('InvalidVersionLabel')],
      ['an empty manifest', alice,
        registry.publishVersion(s.fullDesign, ...version('2.0.0', '')), registryError('EmptyManifest')],
      ['a version of design u32::MAX', alice,
        registry.publishVersion(U32_MAX, ...version('2.0.0')), registryError('DesignNotFound')],
      ['a design without a name', alice, registerDesign({ name: '' }), registryError('EmptyName')],
      ['a design under a licence taken off the list', alice,
        registerDesign({ licences: { ...OPEN_LICENCES, software: at.licence } }), registryError('LicenceNotAllowed')],
      ['an upper-case tag', alice, registerDesign({ tags: ['Solar'] }), registryError('InvalidTag')],
      ['an empty tag', alice, registerDesign({ tags: [''] }), registryError('InvalidTag')],
      ['a tag given twice', alice, registerDesign({ tags: ['solar', 'solar'] }), registryError('DuplicateTag')],
      ['no process', alice, registerDesign({ processes: [] }), registryError('NoProcesses')],
      ['a process given twice', alice,
        registerDesign({ processes: ['Sewing', 'Sewing'] }), registryError('DuplicateProcess')],
      ['a parent design u32::MAX', alice,
        registerDesign({ lineage: { kind: 'Derivative', parent: U32_MAX, parentVersion: 0 } }),
        registryError('ParentNotFound')],
      ['a parent version u32::MAX', alice,
        registerDesign({ lineage: { kind: 'Variant', parent: SOLAR_DRYER, parentVersion: U32_MAX } }),
        registryError('ParentVersionNotFound')],
      ['a first version labelled 1.0', alice, registerDesign({ label: '1.0' }), registryError('InvalidVersionLabel')],
      ['a first version without a manifest', alice, registerDesign({ manifest: '' }), registryError('EmptyManifest')],
      ['certifying twice (root)', alice,
        sudo(registry.certify(SOLAR_DRYER, 0, 'ipfs://bafy-second-opinion')), registryError('AlreadyCertified')],
      ['certifying without evidence (root)', alice,
        sudo(registry.certify(SOLAR_DRYER, 0, '')), registryError('EmptyEvidence')],
      ['certifying version u32::MAX (root)', alice,
        sudo(registry.certify(SOLAR_DRYER, U32_MAX, 'ipfs://bafy-cert')), registryError('VersionNotFound')],
      ['allowing an allowed licence (root)', alice,
        sudo(registry.allowLicence('MIT', false)), registryError('LicenceAlreadyAllowed')],
      ['allowing a licence id with a space (root)', alice,
        sudo(registry.allowLicence('MIT License', false)), registryError('InvalidLicenceId')],
      ['allowing an empty licence id (root)', alice,
        sudo(registry.allowLicence('', true)), registryError('InvalidLicenceId')],
      ['disallowing twice (root)', alice,
        sudo(registry.disallowLicence(at.licence)), registryError('LicenceNotListed')],
      ['disallowing a licence never listed (root)', alice,
        sudo(registry.disallowLicence('Never-Listed-1.0')), registryError('LicenceNotListed')],

      ['attesting twice', eve,
        registry.attest(SOLAR_DRYER, 0, 'Built', 'ipfs://bafy-built-again'), registryError('AlreadyAttested')],
      ['revoking twice', eve,
        registry.revokeAttestation(SOLAR_DRYER, 0, 'Tested'), registryError('AttestationNotFound')],
      ['attesting without evidence', eve,
        registry.attest(SOLAR_DRYER, 0, 'Reviewed', ''), registryError('EmptyEvidence')],
      ['attesting version u32::MAX', eve,
        registry.attest(SOLAR_DRYER, U32_MAX, 'Built', 'ipfs://bafy-built'), registryError('VersionNotFound')],
      ['attesting design u32::MAX', eve,
        registry.attest(U32_MAX, 0, 'Built', 'ipfs://bafy-built'), registryError('DesignNotFound')],
    ]);
  });

  test('contributive accounting refuses zero and maximum amounts, second reviews and claims, and other people\'s '
    + 'networks, and changes nothing', async () => {
    const { alice, bob, charlie, dave, eve, ferdie } = who;
    const accounting = api.tx.contributiveAccounting;
    const error = (name) => `contributiveAccounting.${name}`;
    const designNetwork = (await api.query.contributiveAccounting.designNetworks(SOLAR_DRYER)).unwrap().toNumber();
    const network = (fields) => {
      const n = { name: 'Oaxaca bakers', stewards: [eve.address], threshold: 1, equation: 'Equal', ...fields };
      return accounting.createNetwork(n.name, n.stewards, n.threshold, n.equation);
    };
    await refusedWithoutEffect([
      ['claiming twice', ferdie, accounting.claim(s.library, 'Native'), error('NothingToClaim')],
      ['reviewing one\'s own contribution', ferdie,
        accounting.reviewContribution(s.repair, true), error('OwnContribution')],
      ['withdrawing twice', ferdie, accounting.withdrawContribution(s.withdrawn), error('ContributionNotFound')],
      ['withdrawing an accepted contribution', ferdie, accounting.withdrawContribution(s.care), error('NotPending')],
      ['a contribution of zero', ferdie,
        accounting.logContribution(s.library, 'Care', 0, 'ipfs://bafy-nothing'), error('ZeroQuantity')],
      ['a contribution without evidence', ferdie, accounting.logContribution(s.library, 'Care', 1, ''),
        error('EmptyEvidence')],
      ['a contribution to network u32::MAX', ferdie,
        accounting.logContribution(U32_MAX, 'Care', 1, 'ipfs://bafy-care'), error('NetworkNotFound')],

      ['reviewing twice', eve, accounting.reviewContribution(s.repair, false), error('AlreadyReviewed')],
      ['claiming without points', eve, accounting.claim(s.library, 'Native'), error('NothingToClaim')],
      ['one of three stewards changes the equation alone', eve,
        accounting.setValueEquation(s.circle, 'Equal'), error('NotStewardAuthority')],
      ['Eve replaces the stewards of Dave\'s network', eve,
        accounting.setStewards(s.library, [eve.address], 1), error('NotStewardAuthority')],
      ['a first revenue at exactly the minimum balance', eve,
        accounting.depositRevenue(s.circle, 'Native', EXISTENTIAL_DEPOSIT), error('BelowMinimumBalance')],

      ['reviewing a decided contribution', dave, accounting.reviewContribution(s.care, true), error('NotPending')],
      ['reviewing contribution u64::MAX', dave,
        accounting.reviewContribution(U64_MAX, true), error('ContributionNotFound')],
      ['the creator of a network it does not steward changes its equation', dave,
        accounting.setValueEquation(s.fullNetwork, 'Equal'), error('NotStewardAuthority')],
      ['a weight one above the most', dave,
        accounting.setValueEquation(s.library, customWeights(bound.kindWeight, { care: bound.kindWeight + 1 })),
        error('WeightTooHigh')],
      ['the equation of network u32::MAX', dave,
        accounting.setValueEquation(U32_MAX, 'Equal'), error('NetworkNotFound')],
      ['no stewards', dave, accounting.setStewards(s.library, [], 1), error('NoStewards')],
      ['a steward given twice', dave,
        accounting.setStewards(s.library, [dave.address, dave.address], 1), error('DuplicateSteward')],
      ['a threshold of zero', dave, accounting.setStewards(s.library, [dave.address], 0), error('InvalidThreshold')],
      ['a threshold above the stewards', dave,
        accounting.setStewards(s.library, [dave.address], 2), error('InvalidThreshold')],
      ['a revenue of zero', dave, accounting.depositRevenue(s.library, 'Native', 0), error('ZeroAmount')],
      ['a revenue of u128::MAX', dave,
        accounting.depositRevenue(s.library, 'Native', U128_MAX), 'Token.FundsUnavailable'],
      ['a revenue above the giver\'s balance', dave,
        accounting.depositRevenue(s.library, 'Native', 2_000_000n * CML), 'Token.FundsUnavailable'],
      ['a revenue in asset u32::MAX', dave,
        accounting.depositRevenue(s.library, { WithId: U32_MAX }, CML), error('UnknownAsset')],
      ['a revenue in a currency the Assembly did not approve', dave,
        accounting.depositRevenue(s.library, { WithId: UNAPPROVED_CURRENCY }, CML), error('CurrencyNotApproved')],
      ['a revenue to network u32::MAX', dave,
        accounting.depositRevenue(U32_MAX, 'Native', CML), error('NetworkNotFound')],
      ['a claim in network u32::MAX', dave, accounting.claim(U32_MAX, 'Native'), error('NetworkNotFound')],
      ['a network without a name', dave, network({ name: '' }), error('EmptyName')],
      ['a network without stewards', dave, network({ stewards: [] }), error('NoStewards')],
      ['a network with a steward twice', dave,
        network({ stewards: [eve.address, eve.address] }), error('DuplicateSteward')],
      ['a network with a threshold of zero', dave, network({ threshold: 0 }), error('InvalidThreshold')],
      ['a network with a threshold above its stewards', dave,
        network({ stewards: [eve.address, ferdie.address], threshold: 3 }), error('InvalidThreshold')],
      ['a network with a threshold of u32::MAX', dave, network({ threshold: U32_MAX }), error('InvalidThreshold')],
      ['a network weighing a kind one above the most', dave,
        network({ equation: customWeights(0, { funding: bound.kindWeight + 1 }) }), error('WeightTooHigh')],
      ['a network weighing every kind u32::MAX', dave,
        network({ equation: customWeights(U32_MAX) }), error('WeightTooHigh')],

      ['replacing the stewards of a design\'s network', alice,
        accounting.setStewards(designNetwork, [bob.address], 1), error('StewardsFollowMaintainers')],
      ['withdrawing someone else\'s contribution', charlie,
        accounting.withdrawContribution(s.repair), error('NotContributor')],
    ]);
  });

  test('production pledges refuse bad terms, expired and endless deadlines, double actions and other people\'s '
    + 'pledges, and change nothing; the node stays up', async () => {
    const { alice, bob, charlie, dave, eve, ferdie } = who;
    const pledges = api.tx.productionPledges;
    const error = (name) => `productionPledges.${name}`;
    // The late pledge's delivery deadline, and the expiring pledge's funding deadline, have passed.
    await waitFor('the short deadlines to pass', async () => (await best()) >= s.soon + 1);
    const now = await best();
    const evidence = 'ipfs://bafy-dryer-delivery';
    await refusedWithoutEffect([
      ['a unit price of zero', bob, createPledge({ unitPrice: 0n }), error('ZeroPrice')],
      ['two units at u128::MAX', bob, createPledge({ unitPrice: U128_MAX, minQuantity: 1 }), error('PledgeTooLarge')],
      ['a bond of u128::MAX', bob, createPledge({ bond: U128_MAX }), error('PledgeTooLarge')],
      ['a bond above the producer\'s balance', bob, createPledge({ bond: 2_000_000n * CML }), 'Token.FundsUnavailable'],
      ['a minimum of zero', bob, createPledge({ minQuantity: 0 }), error('ZeroMinQuantity')],
      ['a quantity of zero', bob, createPledge({ quantity: 0, minQuantity: 0 }), error('ZeroMinQuantity')],
      ['a minimum above the quantity', bob, createPledge({ quantity: 1, minQuantity: 2 }),
        error('MinQuantityAboveQuantity')],
      ['a minimum of u32::MAX above u32::MAX − 1 units', bob,
        createPledge({ unitPrice: 1n, quantity: U32_MAX - 1, minQuantity: U32_MAX }),
        error('MinQuantityAboveQuantity')],
      ['a funding deadline already reached', bob,
        createPledge({ fundingDeadline: now, deliveryDeadline: now + 100 }), error('FundingDeadlineNotInFuture')],
      ['a funding deadline at block 0', bob,
        createPledge({ fundingDeadline: 0, deliveryDeadline: 10 }), error('FundingDeadlineNotInFuture')],
      ['both deadlines at u32::MAX', bob,
        createPledge({ fundingDeadline: U32_MAX, deliveryDeadline: U32_MAX }), error('DeadlinesOutOfOrder')],
      ['delivery due when funding ends', bob,
        createPledge({ fundingDeadline: s.far, deliveryDeadline: s.far }), error('DeadlinesOutOfOrder')],
      ['design u32::MAX', bob, createPledge({ design: U32_MAX }), error('DesignVersionNotFound')],
      ['version u32::MAX', bob, createPledge({ version: U32_MAX }), error('DesignVersionNotFound')],
      ['a deprecated design', bob, createPledge({ design: s.draft }), error('DesignDeprecated')],
      ['a commons share one part per million above the one accepted', bob,
        createPledge({ design: s.fullDesign, maxCommonsShare: bound.commonsShare - 1 }),
        error('CommonsShareAboveAccepted')],
      ['a price in asset u32::MAX', bob, createPledge({ asset: { WithId: U32_MAX } }), error('UnknownAsset')],
      ['a price in a currency the Assembly did not approve', bob,
        createPledge({ asset: { WithId: UNAPPROVED_CURRENCY } }), error('CurrencyNotApproved')],
      ['registering twice', bob, pledges.registerProducer(...producer()), error('AlreadyProducer')],
      ['retiring with open pledges', bob, pledges.retireProducer(), error('HasOpenPledges')],
      ['a delivery after its deadline', bob,
        pledges.reportDelivery(s.late, 1, evidence), error('DeliveryDeadlinePassed')],
      ['a delivery of zero units', bob, pledges.reportDelivery(s.funded, 0, evidence), error('NothingDelivered')],
      ['a delivery of u32::MAX units', bob,
        pledges.reportDelivery(s.funded, U32_MAX, evidence), error('DeliveredAboveBacked')],
      ['a delivery without evidence', bob, pledges.reportDelivery(s.funded, 1, ''), error('EmptyUri')],
      ['delivering twice', bob, pledges.reportDelivery(s.confirm, 2, evidence), error('NotFunded')],
      ['a delivery while funding', bob, pledges.reportDelivery(s.funding, 1, evidence), error('NotFunded')],
      ['cancelling a funded pledge', bob, pledges.cancelPledge(s.funded), error('NotFunding')],
      ['resolving a dispute without root', bob, pledges.resolveDispute(s.dispute, 0), 'BadOrigin'],
      ['a default before the delivery deadline', bob,
        pledges.markDefaulted(s.funded), error('DeliveryDeadlineNotPassed')],
      ['a default while funding', bob, pledges.markDefaulted(s.funding), error('NotFunded')],

      ['a pledge by someone who is no producer', alice, createPledge(), error('NotProducer')],
      ['an update by someone who is no producer', alice, pledges.updateProducer(...producer()), error('NotProducer')],
      ['retiring without being a producer', alice, pledges.retireProducer(), error('NotProducer')],
      ['a producer without a name', alice, pledges.registerProducer(...producer({ name: '' })), error('EmptyName')],
      ['a region of three letters', alice,
        pledges.registerProducer(...producer({ region: 'FRA-75' })), error('InvalidRegion')],
      ['a region in lower case', alice,
        pledges.registerProducer(...producer({ region: 'fr-75c' })), error('InvalidRegion')],
      ['no process', alice, pledges.registerProducer(...producer({ processes: [] })), error('NoProcesses')],
      ['a process twice', alice,
        pledges.registerProducer(...producer({ processes: ['Sewing', 'Sewing'] })), error('DuplicateProcess')],
      ['an empty facility manifest', alice, pledges.registerProducer(...producer({ facility: '' })), error('EmptyUri')],
      ['resolving twice (root)', alice, sudo(pledges.resolveDispute(s.dispute, PERBILL_ONE)), error('NotDisputed')],
      ['resolving an undisputed pledge (root)', alice, sudo(pledges.resolveDispute(s.funded, 0)), error('NotDisputed')],
      ['resolving pledge u32::MAX (root)', alice, sudo(pledges.resolveDispute(U32_MAX, 0)), error('PledgeNotFound')],

      ['claiming a refund twice', charlie, pledges.claimRefund(s.settle), error('NotBacker')],
      ['confirming twice', charlie, pledges.confirmReceipt(s.confirm), error('AlreadyConfirmed')],
      ['disputing after confirming', charlie, pledges.dispute(s.confirm, 'ipfs://bafy-changed-mind'),
        error('AlreadyConfirmed')],
      ['disputing twice', charlie, pledges.dispute(s.dispute, 'ipfs://bafy-again'), error('NotDelivered')],
      ['closing funding twice', charlie, pledges.closeFunding(s.funded), error('NotFunding')],
      ['withdrawing more than backed', charlie, pledges.withdrawBacking(s.funding, 3), error('InsufficientBacking')],
      ['withdrawing u32::MAX units', charlie,
        pledges.withdrawBacking(s.funding, U32_MAX), error('InsufficientBacking')],
      ['withdrawing zero units', charlie, pledges.withdrawBacking(s.funding, 0), error('ZeroUnits')],
      ['backing zero units', charlie, pledges.back(s.funding, 0), error('ZeroUnits')],
      ['backing past the quantity', charlie, pledges.back(s.funding, 9), error('Overbacked')],
      ['backing u32::MAX units', charlie, pledges.back(s.funding, U32_MAX), error('Overbacked')],
      ['closing funding before it ends', charlie, pledges.closeFunding(s.funding), error('FundingNotEnded')],
      ['closing funding that ends at u32::MAX − 1', charlie,
        pledges.closeFunding(s.endless), error('FundingNotEnded')],
      ['a refund before the pledge ends', charlie, pledges.claimRefund(s.funding), error('NotEnded')],
      ['another producer reports the delivery', charlie,
        pledges.reportDelivery(s.funded, 1, evidence), error('NotPledgeProducer')],
      ['a Plus Code at its bound, longer than any Plus Code', charlie,
        pledges.updateProducer(...producer({ plusCode: at.longestPlusCode })), error('InvalidPlusCode')],
      ['confirming before the delivery', charlie, pledges.confirmReceipt(s.funded), error('NotDelivered')],

      ['backing after funding closed', dave, pledges.back(s.funded, 1), error('NotFunding')],
      ['settling twice', dave, pledges.settle(s.settle), error('NotDelivered')],
      ['confirming after settlement', dave, pledges.confirmReceipt(s.settle), error('NotDelivered')],
      ['settling before every backer confirmed', dave, pledges.settle(s.confirm), error('ChallengeWindowOpen')],
      ['disputing without a reason', dave, pledges.dispute(s.confirm, ''), error('EmptyUri')],
      ['one unit past u32::MAX backed units', dave, pledges.back(s.most, 1), error('Overbacked')],
      ['one unit at u128::MAX', dave, pledges.back(s.priciest, 1), 'Token.FundsUnavailable'],
      ['withdrawing after the funding deadline', dave, pledges.withdrawBacking(s.expired, 1), error('FundingEnded')],
      ['another producer cancels the pledge', dave, pledges.cancelPledge(s.funding), error('NotPledgeProducer')],
      ['withdrawing without backing', dave, pledges.withdrawBacking(s.funding, 1), error('NotBacker')],
      ['backing pledge u32::MAX', dave, pledges.back(U32_MAX, 1), error('PledgeNotFound')],
      ['claiming on behalf of a backer who claimed', dave,
        pledges.claimRefundFor(s.settle, charlie.address), error('NotBacker')],

      ['backing after the funding deadline', eve, pledges.back(s.expired, 1), error('FundingEnded')],
      ['backing a settled pledge', eve, pledges.back(s.settle, 1), error('NotFunding')],
      ['confirming without backing', eve, pledges.confirmReceipt(s.confirm), error('NotBacker')],
      ['a refund without backing', eve, pledges.claimRefund(s.dispute), error('NotBacker')],
      ['closing pledge u32::MAX', ferdie, pledges.closeFunding(U32_MAX), error('PledgeNotFound')],
    ]);

    const last = await best();
    await waitFor('the node to author another block', async () => (await best()) > last);
    assert.equal((await api.rpc.system.health()).isSyncing.isFalse, true, 'the node is up');
  });
});
