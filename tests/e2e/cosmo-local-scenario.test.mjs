// The whole cosmo-local loop through Polkadot.js, as its users live it, on a development chain.
//
// Ada registers an open design (a pedal-powered grain mill) and Ben a derivative of it (for cargo
// bikes) that asks 10 % of each production run for its commons. A Lisbon cooperative — a 2-of-3
// multisig account of three members — and a Mombasa workshop register as producers. Ivo creates
// a community currency. The cooperative pledges six cargo-bike mills priced in the currency, the
// workshop ten mills priced in CML; neighbours back both. The currency pledge is delivered (five
// of six units), confirmed and settled: the producer is paid, the undelivered unit refunded, and
// the commons share reaches the derivative's value network and, a quarter of it, the parent's.
// The CML pledge misses its minimum: it fails and its backers take their money back.
// Contributions are logged and reviewed, and contributors claim their share of the commons.
//
// After each step the test checks the events, the state through the runtime APIs (`api.call.*`)
// and through the `cosmolocal_*` RPC, and every account's balances to the unit: fees come from
// each extrinsic's `TransactionFeePaid` event, every other amount from the rules (price × units,
// the commons share and its upstream part, deposits, rounding). Refused calls are checked for
// what a wallet shows: the pallet's error name and its documentation.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { stringToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { blake2AsHex, encodeAddress } from '@polkadot/util-crypto';

import { eventsOf, fields, holdsOf, releasesOf, theEvent } from './support/events.mjs';
import { Ledger } from './support/ledger.mjs';
import { Multisig } from './support/multisig.mjs';
import { rpc, rpcOutcome, startDevNode } from './support/node.mjs';
import { submit } from './support/tx.mjs';
import {
  SS58_PREFIX, contributionView, designView, fraction, memberShareView, networkView, pledgeView,
  producerView,
} from './support/views.mjs';

/** The eleven methods of the cosmolocal_* RPC. */
const COSMOLOCAL_RPC_METHODS = [
  'cosmolocal_contributions', 'cosmolocal_currencies', 'cosmolocal_currency', 'cosmolocal_design', 'cosmolocal_designs', 'cosmolocal_memberShare',
  'cosmolocal_network', 'cosmolocal_pledge', 'cosmolocal_pledges', 'cosmolocal_producer',
  'cosmolocal_producers',
];

const CML = 10n ** 12n;
/** What Alice gives each person of the scenario, and the cooperative's account. */
const FUNDING = 1_000n * CML;
const COOP_FUNDING = 100n * CML;

/** The community currency: an asset of `pallet-assets`, counted here with 6 decimals. */
const CURRENCY = 42;
const CURRENCY_KIND = { WithId: CURRENCY };
const TOKEN = 10n ** 6n;
const CURRENCY_MIN_BALANCE = 1_000n;
const MINTED = { coop: 100n * TOKEN, dana: 300n * TOKEN, emil: 500n * TOKEN };

const OPEN_LICENCES = { hardware: 'CERN-OHL-S-2.0', documentation: 'CC-BY-SA-4.0', software: null };
/** Ada's design and Ben's derivative of it (tags and processes given unsorted on purpose). */
const MILL = {
  name: 'Pedal-powered grain mill',
  tags: ['pedal-power', 'grain'],
  processes: ['Woodworking', 'Metalworking', 'Assembly'],
  manifest: 'ipfs://bafy-pedal-grain-mill/okh.toml',
  label: '1.0.0',
};
const CARGO_MILL = {
  name: 'Pedal grain mill for cargo bikes',
  tags: ['grain', 'cargo-bike'],
  processes: ['Assembly', 'Welding', 'Metalworking'],
  manifest: 'ipfs://bafy-cargo-bike-grain-mill/okh.toml',
  label: '1.0.0',
};
/** The share of each settled pledge Ben asks for the derivative's commons: 10 % (Permill parts). */
const COMMONS_SHARE = 100_000n;
const PERMILL = 1_000_000n;
const PERBILL = 1_000_000_000n;
/** FixedU128's accuracy: the unit of the revenue-per-point accumulator. */
const FIXED_ONE = 10n ** 18n;
/** Weights of the `Maker` value equation, which design networks use. */
const MAKER = { design: 20n, documentation: 10n, production: 20n };

const COOP = {
  name: 'Cooperativa Moinho Lisboa',
  region: 'PT-11',
  plusCode: '8CCGPR00+',
  processes: ['Welding', 'Metalworking', 'Woodworking', 'Assembly'],
  facilityManifest: 'ipfs://bafy-moinho-lisboa/okw.json',
};
const WORKSHOP = {
  name: 'Mombasa Makerspace',
  region: 'KE-28',
  plusCode: null,
  processes: ['Metalworking', 'Woodworking', 'Assembly', 'RepairAndRefurbishment'],
  facilityManifest: null,
};

/** The cooperative's pledge of cargo-bike mills, in the currency: it will settle. */
const CURRENCY_PLEDGE = {
  unitPrice: 100n * TOKEN, quantity: 6, minQuantity: 4, bond: 30n * TOKEN,
  fundingBlocks: 300, deliveryBlocks: 600, backings: { dana: 2, emil: 4 }, delivered: 5,
};
/** The workshop's pledge of mills, in CML: it will fail. Its funding ends a few blocks after it opens. */
const CML_PLEDGE = {
  unitPrice: 25n * CML, quantity: 10, minQuantity: 4, bond: 5n * CML,
  fundingBlocks: 8, deliveryBlocks: 108, backings: { farah: 2, gus: 1 },
};
/** Cleo's documentation of the derivative, and Gus's test report of the design. */
const DOCUMENTATION = { quantity: 3, evidence: 'ipfs://bafy-cargo-mill-assembly-guide' };
const TEST_REPORT = { quantity: 2, evidence: 'ipfs://bafy-mill-field-test-report' };

/** `value` × `parts` / `accuracy`, rounded down: `Permill::mul_floor`. */
const mulFloor = (parts, accuracy, value) => (value * parts) / accuracy;
/** A network's revenue per point once `amount` is shared among `points` (rounded down). */
const rewardPerPoint = (amount, points) => (amount * FIXED_ONE) / points;
/** What `points` earn at `perPoint` (rounded down, as `saturating_mul_int`). */
const earned = (perPoint, points) => (perPoint * points) / FIXED_ONE;
const unitsOf = (backings) => Object.values(backings).reduce((sum, units) => sum + units, 0);

/** The account of a pallet's sub-account `index` (`PalletId::into_sub_account_truncating`). */
function palletSubAccount(palletId, index) {
  const id = new Uint8Array(4);
  new DataView(id.buffer).setUint32(0, index, true);
  const raw = new Uint8Array(32);
  raw.set(u8aConcat(stringToU8a('modl'), stringToU8a(palletId), id));
  return encodeAddress(raw, SS58_PREFIX);
}

describe('cosmo-local scenario: designs, a multisig producer, pledges in a currency and in CML', () => {
  let node;
  let api;
  let ledger;
  /** The runtime APIs. */
  let registryApi;
  let pledgesApi;
  let accountingApi;
  /** Keyring pairs by name, and the cooperative. */
  const who = {};
  let coop;
  /** What the steps find out and later steps use. */
  const s = {};

  // ----- helpers -----

  const accountOf = (name) => ledger.address(name);
  /** A well-known development account of the genesis examples (Bob, Dave). */
  const genesisAccount = (uri) =>
    new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX }).addFromUri(uri).address;

  const blockNumber = async (hash) => (await api.rpc.chain.getHeader(hash)).number.toNumber();
  const bestNumber = async () => (await api.rpc.chain.getHeader()).number.toNumber();
  async function waitForBlock(number) {
    while (await bestNumber() < number) await new Promise((resolve) => setTimeout(resolve, 500));
  }

  /** Signs `tx` as `signer` (a name), waits for its block, asserts success and charges its fee. */
  async function send(signer, tx) {
    const outcome = await submit(tx, who[signer]);
    if (outcome.dispatchError) {
      const error = outcome.dispatchError.isModule
        ? api.registry.findMetaError(outcome.dispatchError.asModule)
        : { section: 'dispatch', name: outcome.dispatchError.toString() };
      assert.fail(`${signer}'s extrinsic was refused: ${error.section}.${error.name}`);
    }
    ledger.chargeFee(outcome.events, signer);
    return outcome;
  }

  /**
   * Asserts that `outcome` was refused with `expected` (`section.Name`), whose documentation —
   * what Polkadot.js Apps shows beside the error — is a readable sentence matching `phrase`;
   * charges the fee the refused extrinsic still paid.
   */
  function refused(outcome, signer, expected, phrase) {
    assert.ok(outcome.dispatchError?.isModule, `${signer}'s extrinsic is refused by a pallet (${expected})`);
    const { section, name, docs } = api.registry.findMetaError(outcome.dispatchError.asModule);
    assert.equal(`${section}.${name}`, expected);
    const doc = docs.map(String).join(' ').trim();
    assert.match(doc, /^[A-Z][^\n]*\.$/, `the doc of ${expected} is a sentence: "${doc}"`);
    assert.match(doc, phrase, `the doc of ${expected} says why`);
    assert.equal(eventsOf(outcome.events, api.events.system.ExtrinsicFailed).length, 1);
    ledger.chargeFee(outcome.events, signer);
  }

  const call = (method, ...params) => rpc(node.httpUrl, method, params);

  /** The JSON-RPC error of a refused request; fails if the request was answered. */
  async function rpcError(method, ...params) {
    const body = await rpcOutcome(node.httpUrl, method, params);
    assert.ok(body.error, `${method}(${JSON.stringify(params)}) is refused, not answered with `
      + `${JSON.stringify(body.result)}`);
    return body.error;
  }

  // The runtime APIs' records as the RPC spec shapes them, at the best block or through `at`.

  async function designNow(id, at = api) {
    const [design, versions, network] = await Promise.all([
      at.call.designRegistryApi.design(id),
      at.call.designRegistryApi.versions(id, null, 100),
      at.call.contributiveAccountingApi.designNetwork(id),
    ]);
    const record = design.unwrap();
    const latest = versions.find(([index]) => index.toNumber() === record.versionCount.toNumber() - 1);
    const networkAccount = network.isSome
      ? await at.call.contributiveAccountingApi.networkAccount(network.unwrap()) : null;
    return designView(id, record, latest ?? null, network, networkAccount);
  }

  async function producerNow(account) {
    return producerView(account, (await pledgesApi.producer(account)).unwrap());
  }

  async function pledgeNow(id, at = api) {
    const [pledge, escrow] = await Promise.all([
      at.call.productionPledgesApi.pledge(id), at.call.productionPledgesApi.escrowAccount(id)]);
    return pledgeView(id, pledge.unwrap(), escrow);
  }

  async function networkNow(id) {
    const [network, account, revenue] = await Promise.all([
      accountingApi.network(id), accountingApi.networkAccount(id), accountingApi.revenue(id)]);
    return networkView(id, network.unwrap(), account, revenue);
  }

  async function memberShareNow(network, account) {
    const [networkAccount, member, claimable] = await Promise.all([accountingApi.networkAccount(network),
      accountingApi.member(network, account), accountingApi.claimable(network, account)]);
    return memberShareView(network, networkAccount, account, member.unwrap(), claimable);
  }

  async function contributionsNow(network, state) {
    const list = await accountingApi.contributions(network, state, null, 100);
    return list.map(([id, contribution]) => contributionView(id, contribution));
  }

  /**
   * What a member could claim now in the currency, through the runtime API, which lists only the
   * assets with something to claim.
   */
  async function claimableCurrency(network, account) {
    const claimable = await accountingApi.claimable(network, account);
    const found = claimable.filter(([kind]) => kind.isWithId && kind.asWithId.toNumber() === CURRENCY);
    assert.ok(found.length <= 1, 'an asset is listed once');
    if (found.length === 0) return 0n;
    const amount = found[0][1].toBigInt();
    assert.ok(amount > 0n, 'an asset with nothing to claim is not listed');
    return amount;
  }

  /** `[points, share in Perbill parts]` of a member, through the runtime API. */
  async function standing(network, account) {
    const [points, share] = (await accountingApi.member(network, account)).unwrap();
    return [points.toBigInt(), share.toBigInt()];
  }

  /** A list of ids (or of `[region, id]`) from a runtime API, as plain values. */
  const ids = (list) => list.map((entry) =>
    (Array.isArray(entry) ? [entry[0].toUtf8(), entry[1].toNumber()] : entry.toNumber()));

  /** Checks a cooperative's multisig run: the operation opened (deposit reserved), then executed. */
  async function checkMultisigRun(run, opener, approver) {
    const deposit = api.consts.multisig.depositBase.toBigInt()
      + api.consts.multisig.depositFactor.toBigInt() * BigInt(coop.threshold);
    assert.deepEqual(fields(theEvent(run.opened.events, api.events.multisig.NewMultisig),
      'approving', 'multisig', 'callHash'), [accountOf(opener), coop.address, run.callHash]);
    assert.deepEqual(fields(theEvent(run.opened.events, api.events.balances.Reserved), 'who', 'amount'),
      [accountOf(opener), deposit]);
    assert.deepEqual([run.pending.deposit.toBigInt(), run.pending.depositor.toString(),
      run.pending.approvals.map(String), run.pending.when.height.toNumber()],
    [deposit, accountOf(opener), [accountOf(opener)], await blockNumber(run.opened.blockHash)]);
    ledger.chargeFee(run.opened.events, opener);
    ledger.hold(opener, deposit);

    const executed = theEvent(run.executed.events, api.events.multisig.MultisigExecuted);
    assert.deepEqual(fields(executed, 'approving', 'timepoint', 'multisig', 'callHash'),
      [accountOf(approver), run.pending.when.toJSON(), coop.address, run.callHash],
      'the chain derives the same multisig account');
    assert.ok(executed.result.isOk, `the cooperative's call succeeded: ${executed.result.toString()}`);
    assert.deepEqual(fields(theEvent(run.executed.events, api.events.balances.Unreserved), 'who', 'amount'),
      [accountOf(opener), deposit]);
    ledger.chargeFee(run.executed.events, approver);
    ledger.release(opener, deposit);
    return run.executed.events;
  }

  // ----- the node -----

  before(async () => {
    node = await startDevNode({ name: 'cosmo-local-scenario' });
    api = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true });
    registryApi = api.call.designRegistryApi;
    pledgesApi = api.call.productionPledgesApi;
    accountingApi = api.call.contributiveAccountingApi;
    const keyring = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX });
    for (const name of ['alice', 'ada', 'ben', 'cleo', 'coopA', 'coopB', 'coopC', 'kito', 'ivo',
      'dana', 'emil', 'farah', 'gus']) {
      who[name] = keyring.addFromUri(`//${name[0].toUpperCase()}${name.slice(1)}`);
    }
    coop = new Multisig([who.coopA, who.coopB, who.coopC], 2, SS58_PREFIX);
    ledger = new Ledger(api, CURRENCY);

    s.rpcMethods = (await rpc(node.httpUrl, 'rpc_methods')).methods;
  });

  after(async () => {
    await api?.disconnect();
    await node?.stop();
  });

  // ----- the steps -----

  test('the node serves the domain runtime APIs and the nine cosmolocal_* RPC methods', async () => {
    assert.ok(s.rpcMethods.includes('state_call'), 'runtime APIs are reachable through state_call');
    for (const [section, method] of [['designRegistryApi', 'design'], ['productionPledgesApi', 'pledge'],
      ['contributiveAccountingApi', 'network']]) {
      assert.equal(typeof api.call[section]?.[method], 'function', `api.call.${section}.${method}`);
    }
    assert.deepEqual(s.rpcMethods.filter((m) => m.startsWith('cosmolocal_')).sort(), COSMOLOCAL_RPC_METHODS);
  });

  test('Alice funds the people of the scenario and the cooperative\'s multisig account', async () => {
    const recipients = [
      ...Object.keys(who).filter((name) => name !== 'alice').map((name) => [name, who[name].address, FUNDING]),
      ['coop', coop.address, COOP_FUNDING],
    ];
    const { events } = await submit(api.tx.utility.batchAll(recipients.map(([, account, amount]) =>
      api.tx.balances.transferKeepAlive(account, amount))), who.alice);
    assert.equal(eventsOf(events, api.events.utility.BatchCompleted).length, 1);
    assert.deepEqual(eventsOf(events, api.events.balances.Transfer).map((e) => fields(e, 'from', 'to', 'amount')),
      recipients.map(([, account, amount]) => [who.alice.address, account, amount]));
    assert.deepEqual(eventsOf(events, api.events.balances.Endowed).map((e) => e.account.toString()),
      recipients.map(([, account]) => account), 'every account is new');
    for (const [name, account, amount] of recipients) ledger.open(name, account, { free: amount });
    await ledger.verify('the funding');
  });

  test('Ada registers a design and Ben a derivative; each gets a value network it stewards', async () => {
    const perItem = api.consts.designRegistry.depositPerItem.toBigInt();
    const perByte = api.consts.designRegistry.depositPerByte.toBigInt();
    // A design's deposit: its record (charged at its largest size), an entry per tag and one for
    // its lineage, and their bytes. The record's largest size is the same for every design: it is
    // read from the deposit of the development chain's example design 0 (no lineage).
    const example = (await registryApi.design(0)).unwrap();
    const tagKeys = (lengths) => lengths.reduce((sum, length) => sum + BigInt(length + 8), 0n);
    const recordBytes = (example.deposit.toBigInt() - perItem * BigInt(1 + example.tags.length)) / perByte
      - tagKeys(example.tags.map((tag) => tag.encodedLength));
    const designDeposit = (tags, derived) => perItem * BigInt(1 + tags.length + (derived ? 1 : 0))
      + perByte * (recordBytes + tagKeys(tags.map((tag) => tag.length + 1)) + (derived ? 16n : 0n));
    // A maintainer's index entry: its key (the account, its hash, the design), the payer, the deposit.
    const maintainerDeposit = perItem + perByte * (32n + 16n + 4n + 32n + 16n);
    // Every design's network costs the same deposit (its record at its largest size).
    const networkDeposit = (await accountingApi.network(0)).unwrap().deposit.toBigInt();
    const creationPoints = api.consts.contributiveAccounting.designCreationQuantity.toBigInt() * MAKER.design;

    const register = async (creator, spec, lineage) => {
      const hash = blake2AsHex(spec.manifest);
      const { events, blockHash } = await send(creator, api.tx.designRegistry.registerDesign(spec.name,
        OPEN_LICENCES, spec.tags, spec.processes, spec.manifest, hash, spec.label, lineage));
      const registered = theEvent(events, api.events.designRegistry.DesignRegistered);
      const design = registered.design.toNumber();
      assert.deepEqual(fields(registered, 'creator', 'lineage'), [accountOf(creator), lineage]);
      assert.deepEqual(fields(theEvent(events, api.events.designRegistry.VersionPublished),
        'design', 'version', 'label', 'manifestHash'), [design, 0, spec.label, hash]);
      const [network, networkDesign] = fields(theEvent(events, api.events.contributiveAccounting.NetworkCreated),
        'network', 'design');
      assert.equal(networkDesign, design);
      assert.deepEqual(fields(theEvent(events, api.events.contributiveAccounting.ContributionAccepted),
        'network', 'contributor', 'points'), [network, accountOf(creator), creationPoints],
      'the creator\'s design contribution counts at once');

      // Held: the design, the creator's maintainer entry, the network (the registry's hook), and
      // the version — its record as stored, its label's index entry and, the manifest being new,
      // its hash's entry (the hash, its 16-byte key hash, the design and version index).
      const [[, version]] = await registryApi.versions(design, null, 1);
      const versionDeposit = 3n * perItem
        + perByte * BigInt(version.encodedLength + 16 + version.label.encodedLength + 4 + 16 + 32 + 8);
      const holds = [
        { reason: 'designRegistry', amount: designDeposit(spec.tags, lineage !== null) },
        { reason: 'designRegistry', amount: maintainerDeposit },
        { reason: 'contributiveAccounting', amount: networkDeposit },
        { reason: 'designRegistry', amount: versionDeposit },
      ];
      assert.deepEqual(holdsOf(api, events, accountOf(creator)), holds);
      assert.equal((await registryApi.design(design)).unwrap().deposit.toBigInt(), holds[0].amount);
      assert.equal(version.deposit.toBigInt(), versionDeposit);
      const entry = (await api.query.designRegistry.designsByMaintainer(accountOf(creator), design)).unwrap();
      assert.deepEqual([entry[0].toString(), entry[1].toBigInt()], [accountOf(creator), maintainerDeposit]);
      for (const { amount } of holds) ledger.hold(creator, amount);
      return { design, network, block: await blockNumber(blockHash) };
    };

    const mill = await register('ada', MILL, null);
    const lineage = { kind: 'Derivative', parent: mill.design, parentVersion: 0 };
    const cargo = await register('ben', CARGO_MILL, lineage);
    Object.assign(s, { mill: mill.design, millNetwork: mill.network, cargo: cargo.design,
      cargoNetwork: cargo.network });
    await ledger.verify('the registrations');

    // The registry's records, through the runtime API.
    const processIndex = (name) => api.registry.createType('CosmolocalPrimitivesDesignProcess', name).index;
    const codecOrder = (list) => [...list].sort((a, b) => processIndex(a) - processIndex(b));
    for (const [created, spec, creator, expectedLineage] of [
      [mill, MILL, 'ada', null], [cargo, CARGO_MILL, 'ben', lineage]]) {
      const view = await designNow(created.design);
      assert.deepEqual([view.name, view.maintainers, view.licences, view.lineage],
        [spec.name, [accountOf(creator)], OPEN_LICENCES, expectedLineage]);
      assert.deepEqual(view.tags, [...spec.tags].sort(), 'tags are stored sorted');
      assert.deepEqual(view.processes, codecOrder(spec.processes), 'processes are stored in codec order');
      assert.deepEqual([view.status, view.readiness, view.commonsShare, view.versionCount],
        ['Active', 'Concept', '0', 1]);
      assert.deepEqual([view.registeredAt, view.network, view.depositor],
        [created.block, created.network, accountOf(creator)]);
      const { label, manifest, manifestHash, publisher, publishedAt } = view.latestVersion;
      assert.deepEqual([label, manifest, manifestHash, publisher, publishedAt],
        [spec.label, spec.manifest, blake2AsHex(spec.manifest), accountOf(creator), created.block]);
    }
    assert.deepEqual(ids(await registryApi.derivatives(s.mill, null, 10)), [s.cargo]);
    assert.deepEqual(ids(await registryApi.designsOf(accountOf('ada'), null, 10)), [s.mill]);
    assert.deepEqual(ids(await registryApi.designsOf(accountOf('ben'), null, 10)), [s.cargo]);
    s.grainDesigns = ids(await registryApi.designsByTag('grain', null, 10));
    assert.deepEqual([...s.grainDesigns].sort(), [s.mill, s.cargo].sort());

    // Their value networks: the creator is the one steward and, with its design points, the one member.
    for (const [network, design, creator] of [[s.millNetwork, s.mill, 'ada'], [s.cargoNetwork, s.cargo, 'ben']]) {
      assert.equal((await accountingApi.designNetwork(design)).unwrap().toNumber(), network);
      const view = await networkNow(network);
      assert.deepEqual([view.stewards, view.approvalThreshold, view.equation, view.design, view.totalPoints,
        view.revenue, view.depositor, view.deposit],
      [[accountOf(creator)], 1, 'Maker', design, `${creationPoints}`, [], accountOf(creator), `${networkDeposit}`]);
      assert.deepEqual(await standing(network, accountOf(creator)), [creationPoints, PERBILL]);
      assert.deepEqual((await contributionsNow(network, 'Accepted')).map(({ contributor, kind, points }) =>
        [contributor, kind, points]), [[accountOf(creator), 'Design', `${creationPoints}`]]);
    }

    for (const design of [s.mill, s.cargo]) {
      assert.deepEqual(await call('cosmolocal_design', design), await designNow(design));
    }
    assert.deepEqual(await call('cosmolocal_designs', { derivativesOf: s.mill }),
      { items: [await designNow(s.cargo)], next: null });
    assert.deepEqual(await call('cosmolocal_designs', { maintainer: accountOf('ada') }),
      { items: [await designNow(s.mill)], next: null });
    // Pages of one: a full page has a cursor; the page after the last one is empty.
    const [first, second] = s.grainDesigns;
    assert.deepEqual(await call('cosmolocal_designs', { tag: 'grain' }, null, 1),
      { items: [await designNow(first)], next: first });
    assert.deepEqual(await call('cosmolocal_designs', { tag: 'grain' }, first, 1),
      { items: [await designNow(second)], next: second });
    assert.deepEqual(await call('cosmolocal_designs', { tag: 'grain' }, second, 1), { items: [], next: null });
    for (const [network, creator] of [[s.millNetwork, 'ada'], [s.cargoNetwork, 'ben']]) {
      assert.deepEqual(await call('cosmolocal_network', network), await networkNow(network));
      assert.deepEqual(await call('cosmolocal_memberShare', network, accountOf(creator)),
        { network, networkAccount: palletSubAccount('cl/value', network), account: accountOf(creator),
          points: `${creationPoints}`, share: '1', claimable: [] });
      assert.deepEqual(await call('cosmolocal_contributions', network, 'Accepted'),
        { items: await contributionsNow(network, 'Accepted'), next: null });
    }
  });

  test('Ben asks 10 % of each production run for the derivative\'s commons; 25 % is refused', async () => {
    assert.ok(250_000n > api.consts.designRegistry.maxCommonsShare.toBigInt(), 'the runtime caps the share');
    const tooHigh = await submit(api.tx.designRegistry.setCommonsShare(s.cargo, 250_000), who.ben);
    refused(tooHigh, 'ben', 'designRegistry.CommonsShareTooHigh', /above the runtime's maximum/);

    const { events } = await send('ben', api.tx.designRegistry.setCommonsShare(s.cargo, COMMONS_SHARE));
    assert.deepEqual(fields(theEvent(events, api.events.designRegistry.CommonsShareSet), 'design', 'share'),
      [s.cargo, Number(COMMONS_SHARE)]);
    assert.equal((await registryApi.design(s.cargo)).unwrap().commonsShare.toBigInt(), COMMONS_SHARE);
    await ledger.verify('the commons share');
    const view = await call('cosmolocal_design', s.cargo);
    assert.equal(view.commonsShare, '0.1');
    assert.deepEqual(view, await designNow(s.cargo));
  });

  test('a 2-of-3 multisig cooperative registers as a producer in Lisbon, a workshop in Mombasa', async () => {
    const register = (spec) => api.tx.productionPledges.registerProducer(spec.name, spec.region,
      spec.plusCode, spec.processes, spec.facilityManifest);
    const [run, workshop] = await Promise.all([
      coop.execute(api, register(COOP), who.coopA, who.coopB),
      send('kito', register(WORKSHOP)),
    ]);
    const executed = await checkMultisigRun(run, 'coopA', 'coopB');

    // Every producer's record costs the same deposit: the example producer Bob's.
    const deposit = (await pledgesApi.producer(genesisAccount('//Bob'))).unwrap().deposit.toBigInt();
    for (const [name, events, spec] of [['coop', executed, COOP], ['kito', workshop.events, WORKSHOP]]) {
      assert.deepEqual(fields(theEvent(events, api.events.productionPledges.ProducerRegistered),
        'producer', 'region'), [accountOf(name), spec.region]);
      assert.deepEqual(holdsOf(api, events, accountOf(name)), [{ reason: 'productionPledges', amount: deposit }]);
      ledger.hold(name, deposit);
      assert.deepEqual(await producerNow(accountOf(name)), {
        account: accountOf(name), name: spec.name, region: spec.region, plusCode: spec.plusCode,
        processes: spec.processes, facilityManifest: spec.facilityManifest, openPledges: 0,
        record: { fulfilled: 0, failed: 0, disputed: 0, defaulted: 0, cancelled: 0 }, deposit: `${deposit}`,
      });
    }
    await ledger.verify('the producers\' registration');

    const byRegion = async (region) => (await pledgesApi.producersByRegion(region, null, 10))
      .map(([code, account]) => [code.toUtf8(), account.toString()]);
    assert.deepEqual(await byRegion('PT'), [['PT-11', coop.address]]);
    assert.deepEqual(await byRegion('KE-28'), [['KE-28', accountOf('kito')]]);
    s.kenya = await byRegion('KE');
    assert.deepEqual([...s.kenya].sort(), [['KE-28', accountOf('kito')], ['KE-30', genesisAccount('//Dave')]],
      'a country finds the producers of all its regions');

    const cooperative = await producerNow(coop.address);
    assert.deepEqual(await call('cosmolocal_producer', coop.address), cooperative);
    assert.deepEqual(await call('cosmolocal_producers', 'PT'), { items: [cooperative], next: null });
    const [first, second] = s.kenya;
    const cursor = ([region, account]) => `${region}/${account}`;
    assert.deepEqual(await call('cosmolocal_producers', 'KE', null, 1),
      { items: [await producerNow(first[1])], next: cursor(first) });
    assert.deepEqual(await call('cosmolocal_producers', 'KE', cursor(first), 1),
      { items: [await producerNow(second[1])], next: cursor(second) });
    assert.deepEqual(await call('cosmolocal_producers', 'KE', cursor(second), 1), { items: [], next: null });
  });

  test('Ivo creates a community currency and mints it to the cooperative and two backers', async () => {
    const created = await send('ivo', api.tx.assets.create(CURRENCY, accountOf('ivo'), CURRENCY_MIN_BALANCE));
    assert.deepEqual(fields(theEvent(created.events, api.events.assets.Created), 'assetId', 'creator', 'owner'),
      [CURRENCY, accountOf('ivo'), accountOf('ivo')]);
    const assetDeposit = api.consts.assets.assetDeposit.toBigInt();
    assert.equal(assetDeposit, 10n * CML, 'anyone may create a currency for a 10 CML deposit');
    assert.deepEqual(fields(theEvent(created.events, api.events.balances.Reserved), 'who', 'amount'),
      [accountOf('ivo'), assetDeposit]);
    ledger.hold('ivo', assetDeposit);

    const mints = Object.entries(MINTED);
    const { events } = await send('ivo', api.tx.utility.batchAll(mints.map(([name, amount]) =>
      api.tx.assets.mint(CURRENCY, accountOf(name), amount))));
    assert.deepEqual(eventsOf(events, api.events.assets.Issued).map((e) => fields(e, 'assetId', 'owner', 'amount')),
      mints.map(([name, amount]) => [CURRENCY, accountOf(name), amount]));
    for (const [name, amount] of mints) ledger.transferAsset(null, name, amount);

    const details = (await api.query.assets.asset(CURRENCY)).unwrap();
    assert.deepEqual([details.owner.toString(), details.supply.toBigInt(), details.minBalance.toBigInt(),
      details.isSufficient.isTrue, details.deposit.toBigInt()],
    [accountOf('ivo'), MINTED.coop + MINTED.dana + MINTED.emil, CURRENCY_MIN_BALANCE, false, assetDeposit]);
    await ledger.verify('the currency\'s creation');
  });

  test('Ivo hands the currency to the custodian and the Assembly approves it', async () => {
    const { custodian, approved } = await call('cosmolocal_currencies');
    assert.deepEqual(approved, [], 'no currency is approved on a new chain');
    ledger.open('custodian', custodian, { free: api.consts.balances.existentialDeposit.toBigInt() });
    await ledger.verify('the custodian\'s account, which exists from genesis');
    const before = await call('cosmolocal_currency', CURRENCY);
    assert.deepEqual([before.approvedAt, before.usable, before.admin, before.freezer],
      [null, false, accountOf('ivo'), accountOf('ivo')]);

    // Ivo hands the currency over: its 10 CML deposit moves with it to the custodian's reserve.
    const handed = await send('ivo', api.tx.assets.transferOwnership(CURRENCY, custodian));
    assert.deepEqual(fields(theEvent(handed.events, api.events.assets.OwnerChanged), 'assetId', 'owner'),
      [CURRENCY, custodian]);
    const assetDeposit = api.consts.assets.assetDeposit.toBigInt();
    ledger.entry('ivo').reserved -= assetDeposit;
    ledger.entry('custodian').reserved += assetDeposit;

    // The Assembly's motion; on this development chain, the sudo key.
    const { events } = await submit(api.tx.sudo.sudo(api.tx.communityCurrencies.approve(CURRENCY)), who.alice);
    assert.deepEqual(fields(theEvent(events, api.events.communityCurrencies.CurrencyApproved), 'asset', 'issuer'),
      [CURRENCY, accountOf('ivo')]);
    const view = await call('cosmolocal_currency', CURRENCY);
    assert.deepEqual(
      [view.usable, view.sufficient, view.issuer, view.owner, view.admin, view.freezer, view.minBalance, view.state],
      [true, true, accountOf('ivo'), custodian, custodian, custodian, `${CURRENCY_MIN_BALANCE}`, 'Live']);
    assert.deepEqual(await call('cosmolocal_currencies'), { custodian, approved: [view] });
    await ledger.verify('the approval');
  });

  test('the cooperative pledges in the currency, the workshop in CML; Cleo and Gus log contributions', async () => {
    const now = await bestNumber();
    const pledge = (design, asset, terms) => api.tx.productionPledges.createPledge(design, 0, asset,
      terms.unitPrice, terms.quantity, terms.minQuantity, now + terms.fundingBlocks,
      now + terms.deliveryBlocks, terms.bond, COMMONS_SHARE); // the highest share each producer accepts
    const log = (network, kind, { quantity, evidence }) =>
      api.tx.contributiveAccounting.logContribution(network, kind, quantity, evidence);
    const [run, workshop, documentation, testReport] = await Promise.all([
      coop.execute(api, pledge(s.cargo, CURRENCY_KIND, CURRENCY_PLEDGE), who.coopB, who.coopC),
      send('kito', pledge(s.mill, 'Native', CML_PLEDGE)),
      send('cleo', log(s.cargoNetwork, 'Documentation', DOCUMENTATION)),
      send('gus', log(s.millNetwork, 'Testing', TEST_REPORT)),
    ]);
    const executed = await checkMultisigRun(run, 'coopB', 'coopC');

    const existentialDeposit = api.consts.balances.existentialDeposit.toBigInt();
    for (const [name, events, design, region, terms, minimum, key] of [
      ['coop', executed, s.cargo, COOP.region, CURRENCY_PLEDGE, CURRENCY_MIN_BALANCE, 'currencyPledge'],
      ['kito', workshop.events, s.mill, WORKSHOP.region, CML_PLEDGE, existentialDeposit, 'cmlPledge'],
    ]) {
      const created = theEvent(events, api.events.productionPledges.PledgeCreated);
      const id = created.pledge.toNumber();
      s[key] = id;
      assert.deepEqual(fields(created, 'producer', 'design', 'version', 'region'),
        [accountOf(name), design, 0, region]);
      const escrow = (await pledgesApi.escrowAccount(id)).toString();
      assert.equal(escrow, palletSubAccount('cl/pledg', id), 'the escrow account derives from the pallet id');
      ledger.open(`${key}Escrow`, escrow);
      // A deposit is held for the record; the bond and the asset's minimum balance (which keeps
      // the escrow open) move to the escrow.
      const record = (await pledgesApi.pledge(id)).unwrap();
      const deposit = record.deposit.toBigInt();
      assert.deepEqual(holdsOf(api, events, accountOf(name)), [{ reason: 'productionPledges', amount: deposit }]);
      ledger.hold(name, deposit);
      const paidIn = terms.bond + minimum;
      if (name === 'coop') {
        assert.deepEqual(fields(theEvent(events, api.events.assets.Transferred), 'assetId', 'from', 'to', 'amount'),
          [CURRENCY, coop.address, escrow, paidIn]);
        ledger.transferAsset('coop', `${key}Escrow`, paidIn);
      } else {
        assert.deepEqual(fields(theEvent(events, api.events.balances.Transfer), 'from', 'to', 'amount'),
          [accountOf('kito'), escrow, paidIn]);
        ledger.transfer('kito', `${key}Escrow`, paidIn);
      }
      assert.deepEqual(await pledgeNow(id), {
        id, producer: accountOf(name), region, design, version: 0,
        asset: name === 'coop' ? { WithId: CURRENCY } : 'Native',
        unitPrice: `${terms.unitPrice}`, quantity: terms.quantity, minQuantity: terms.minQuantity,
        fundingDeadline: now + terms.fundingBlocks, deliveryDeadline: now + terms.deliveryBlocks,
        bond: `${terms.bond}`, commonsShare: name === 'coop' ? '0.1' : '0', state: 'Funding',
        backedUnits: 0, backers: 0, confirmedUnits: 0, delivery: null, dispute: null,
        refunds: { total: '0', unclaimed: '0', unclaimedUnits: 0 }, unpaidToProducer: '0',
        escrowMinimum: `${minimum}`, escrow, deposit: `${deposit}`,
      });
      assert.equal((await producerNow(accountOf(name))).openPledges, 1);
      s.pledgeDeposit ??= deposit;
      assert.equal(deposit, s.pledgeDeposit, 'every pledge\'s record costs the same deposit, whatever its asset');
    }
    s.cmlFundingDeadline = now + CML_PLEDGE.fundingBlocks;

    // Both contributions wait for their networks' stewards, with a deposit held meanwhile.
    for (const [name, outcome, network, kind, spec, key] of [
      ['cleo', documentation, s.cargoNetwork, 'Documentation', DOCUMENTATION, 'documentation'],
      ['gus', testReport, s.millNetwork, 'Testing', TEST_REPORT, 'testReport'],
    ]) {
      const logged = theEvent(outcome.events, api.events.contributiveAccounting.ContributionLogged);
      assert.deepEqual(fields(logged, 'network', 'contributor', 'kind', 'quantity'),
        [network, accountOf(name), kind, spec.quantity]);
      s[key] = logged.contribution.toNumber();
      const [pending] = await contributionsNow(network, 'Pending');
      assert.deepEqual([pending.id, pending.state, pending.evidence, pending.approvals, pending.points],
        [s[key], 'Pending', spec.evidence, [], '0']);
      const deposit = BigInt(pending.deposit);
      assert.deepEqual(holdsOf(api, outcome.events, accountOf(name)),
        [{ reason: 'contributiveAccounting', amount: deposit }]);
      ledger.hold(name, deposit);
      s.contributionDeposit ??= deposit;
      assert.equal(deposit, s.contributionDeposit, 'every logged contribution costs the same deposit');
    }
    await ledger.verify('the pledges\' creation');

    assert.deepEqual(ids(await pledgesApi.pledgesByRegion('PT', null, 10)), [['PT-11', s.currencyPledge]]);
    assert.deepEqual(ids(await pledgesApi.pledgesByRegion('KE-28', null, 10)), [['KE-28', s.cmlPledge]]);
    assert.deepEqual(ids(await pledgesApi.pledgesByDesign(s.cargo, null, 10)), [s.currencyPledge]);
    assert.deepEqual(ids(await pledgesApi.pledgesByProducer(coop.address, null, 10)), [s.currencyPledge]);
    s.funding = ids(await pledgesApi.pledgesByState('Funding', null, 10));
    assert.deepEqual([...s.funding].sort(), [s.currencyPledge, s.cmlPledge].sort());

    const currencyPledge = await pledgeNow(s.currencyPledge);
    assert.deepEqual(await call('cosmolocal_pledge', s.currencyPledge), currencyPledge);
    assert.deepEqual(await call('cosmolocal_pledge', s.cmlPledge), await pledgeNow(s.cmlPledge));
    for (const filter of [{ region: 'PT-11' }, { design: s.cargo }, { producer: coop.address }]) {
      assert.deepEqual(await call('cosmolocal_pledges', filter), { items: [currencyPledge], next: null });
    }
    assert.deepEqual(await call('cosmolocal_pledges', { state: 'Funding' }),
      { items: await Promise.all(s.funding.map((id) => pledgeNow(id))), next: null });
    // A full page of a region query has a `REGION/id` cursor.
    const cursor = `KE-28/${s.cmlPledge}`;
    assert.deepEqual(await call('cosmolocal_pledges', { region: 'KE' }, null, 1),
      { items: [await pledgeNow(s.cmlPledge)], next: cursor });
    assert.deepEqual(await call('cosmolocal_pledges', { region: 'KE' }, cursor, 1), { items: [], next: null });
    assert.deepEqual(await call('cosmolocal_contributions', s.cargoNetwork, 'Pending'),
      { items: await contributionsNow(s.cargoNetwork, 'Pending'), next: null });
  });

  test('neighbours back both pledges from four accounts; Ben accepts Cleo\'s documentation', async () => {
    const backings = [
      ...Object.entries(CURRENCY_PLEDGE.backings).map(([name, units]) => [name, units, CURRENCY_PLEDGE, 'currency']),
      ...Object.entries(CML_PLEDGE.backings).map(([name, units]) => [name, units, CML_PLEDGE, 'cml']),
    ];
    const [review, ...backed] = await Promise.all([
      send('ben', api.tx.contributiveAccounting.reviewContribution(s.documentation, true)),
      ...backings.map(([name, units, , which]) =>
        send(name, api.tx.productionPledges.back(s[`${which}Pledge`], units))),
    ]);

    // A backing's deposit: one entry, its record (units 4, confirmed 1 and deposit 16 bytes) and
    // its key (the backer's 32 bytes and the pledge id's 4).
    const backingDeposit = api.consts.productionPledges.depositPerItem.toBigInt()
      + api.consts.productionPledges.depositPerByte.toBigInt() * (4n + 1n + 16n + 32n + 4n);
    s.backingDeposit = backingDeposit;
    for (const [i, [name, units, terms, which]] of backings.entries()) {
      const { events, blockHash } = backed[i];
      const pledge = s[`${which}Pledge`];
      const escrow = `${which}PledgeEscrow`;
      const amount = terms.unitPrice * BigInt(units);
      assert.deepEqual(fields(theEvent(events, api.events.productionPledges.Backed),
        'pledge', 'backer', 'units', 'amount'), [pledge, accountOf(name), units, amount]);
      assert.deepEqual(holdsOf(api, events, accountOf(name)),
        [{ reason: 'productionPledges', amount: backingDeposit }]);
      ledger.hold(name, backingDeposit);
      if (which === 'currency') {
        assert.deepEqual(fields(theEvent(events, api.events.assets.Transferred), 'from', 'to', 'amount'),
          [accountOf(name), accountOf(escrow), amount]);
        ledger.transferAsset(name, escrow, amount);
      } else {
        assert.deepEqual(fields(theEvent(events, api.events.balances.Transfer), 'from', 'to', 'amount'),
          [accountOf(name), accountOf(escrow), amount]);
        ledger.transfer(name, escrow, amount);
        assert.ok(await blockNumber(blockHash) <= s.cmlFundingDeadline, 'backed before the CML pledge\'s deadline');
      }
      const backing = (await api.query.productionPledges.backings(pledge, accountOf(name))).unwrap();
      assert.deepEqual([backing.units.toNumber(), backing.confirmed.isTrue, backing.deposit.toBigInt()],
        [units, false, backingDeposit]);
      assert.equal((await pledgesApi.owedTo(accountOf(name), pledge)).unwrap().toBigInt(), amount);
    }
    for (const [id, terms] of [[s.currencyPledge, CURRENCY_PLEDGE], [s.cmlPledge, CML_PLEDGE]]) {
      const { state, backedUnits, backers } = await pledgeNow(id);
      assert.deepEqual([state, backedUnits, backers],
        ['Funding', unitsOf(terms.backings), Object.keys(terms.backings).length]);
    }

    // Ben, the derivative's steward, accepts Cleo's documentation: 3 × 10 points (Maker).
    const documentationPoints = BigInt(DOCUMENTATION.quantity) * MAKER.documentation;
    assert.deepEqual(fields(theEvent(review.events, api.events.contributiveAccounting.ContributionReviewed),
      'contribution', 'steward', 'approve'), [s.documentation, accountOf('ben'), true]);
    assert.deepEqual(fields(theEvent(review.events, api.events.contributiveAccounting.ContributionAccepted),
      'contributor', 'points'), [accountOf('cleo'), documentationPoints]);
    assert.deepEqual(releasesOf(api, review.events, accountOf('cleo')),
      [{ reason: 'contributiveAccounting', amount: s.contributionDeposit }], 'the deposit comes back');
    ledger.release('cleo', s.contributionDeposit);
    s.cargoPoints = 200n + documentationPoints;
    const cleoShare = (documentationPoints * PERBILL) / s.cargoPoints;
    assert.deepEqual(await standing(s.cargoNetwork, accountOf('cleo')), [documentationPoints, cleoShare]);
    const accepted = (await contributionsNow(s.cargoNetwork, 'Accepted')).find(({ id }) => id === s.documentation);
    assert.deepEqual([accepted.approvals, accepted.points, accepted.deposit],
      [[accountOf('ben')], `${documentationPoints}`, '0']);
    await ledger.verify('the backings');

    for (const id of [s.currencyPledge, s.cmlPledge]) {
      assert.deepEqual(await call('cosmolocal_pledge', id), await pledgeNow(id));
    }
    const cleo = await call('cosmolocal_memberShare', s.cargoNetwork, accountOf('cleo'));
    assert.deepEqual(cleo, { network: s.cargoNetwork, networkAccount: palletSubAccount('cl/value', s.cargoNetwork),
      account: accountOf('cleo'), points: `${documentationPoints}`,
      share: fraction(cleoShare, PERBILL), claimable: [] });
    assert.deepEqual(cleo, await memberShareNow(s.cargoNetwork, accountOf('cleo')));
    assert.deepEqual(await call('cosmolocal_contributions', s.cargoNetwork, 'Accepted'),
      { items: await contributionsNow(s.cargoNetwork, 'Accepted'), next: null });
  });

  test('the currency pledge is fully backed, so anyone closes its funding; only a steward reviews', async () => {
    const [closing, review] = await Promise.all([
      send('gus', api.tx.productionPledges.closeFunding(s.currencyPledge)),
      submit(api.tx.contributiveAccounting.reviewContribution(s.testReport, true), who.dana),
    ]);
    refused(review, 'dana', 'contributiveAccounting.NotSteward', /steward of the contribution's network/);
    assert.deepEqual(fields(theEvent(closing.events, api.events.productionPledges.Funded), 'pledge', 'backedUnits'),
      [s.currencyPledge, CURRENCY_PLEDGE.quantity]);
    assert.deepEqual(ids(await pledgesApi.pledgesByState('Funded', null, 10)), [s.currencyPledge]);
    assert.deepEqual(ids(await pledgesApi.pledgesByState('Funding', null, 10)), [s.cmlPledge]);
    const view = await pledgeNow(s.currencyPledge);
    assert.equal(view.state, 'Funded');
    await ledger.verify('the close of funding');

    assert.deepEqual(await call('cosmolocal_pledge', s.currencyPledge), view);
    assert.deepEqual(await call('cosmolocal_pledges', { state: 'Funded' }), { items: [view], next: null });
  });

  test('the cooperative reports 5 of 6 units delivered, approved by two members; Ada rejects a report', async () => {
    const evidence = 'ipfs://bafy-moinho-lisboa-delivery-photos';
    const { delivered } = CURRENCY_PLEDGE;
    const [run, review] = await Promise.all([
      coop.execute(api, api.tx.productionPledges.reportDelivery(s.currencyPledge, delivered, evidence),
        who.coopC, who.coopA),
      send('ada', api.tx.contributiveAccounting.reviewContribution(s.testReport, false)),
    ]);
    const executed = await checkMultisigRun(run, 'coopC', 'coopA');
    const challengeEnds = await blockNumber(run.executed.blockHash)
      + api.consts.productionPledges.challengePeriod.toNumber();
    assert.deepEqual(fields(theEvent(executed, api.events.productionPledges.DeliveryReported),
      'pledge', 'units', 'challengeEnds'), [s.currencyPledge, delivered, challengeEnds]);
    const view = await pledgeNow(s.currencyPledge);
    assert.deepEqual([view.state, view.delivery], ['Delivered', { units: delivered, evidence, challengeEnds }]);

    // Ada, the design's steward, rejects Gus's test report: no points, his deposit comes back.
    assert.deepEqual(fields(theEvent(review.events, api.events.contributiveAccounting.ContributionRejected),
      'contribution'), [s.testReport]);
    assert.deepEqual(releasesOf(api, review.events, accountOf('gus')),
      [{ reason: 'contributiveAccounting', amount: s.contributionDeposit }]);
    ledger.release('gus', s.contributionDeposit);
    const [rejected] = await contributionsNow(s.millNetwork, 'Rejected');
    assert.deepEqual([rejected.id, rejected.rejections, rejected.approvals, rejected.points, rejected.deposit],
      [s.testReport, [accountOf('ada')], [], '0', '0']);
    assert.ok((await accountingApi.member(s.millNetwork, accountOf('gus'))).isNone, 'Gus is no member');
    await ledger.verify('the delivery');

    assert.deepEqual(await call('cosmolocal_pledge', s.currencyPledge), view);
    assert.deepEqual(await call('cosmolocal_contributions', s.millNetwork, 'Rejected'),
      { items: [rejected], next: null });
  });

  test('early settling is refused; confirmed, the pledge settles and the commons flows up the lineage', async () => {
    const [early, dana] = await Promise.all([
      submit(api.tx.productionPledges.settle(s.currencyPledge), who.cleo),
      send('dana', api.tx.productionPledges.confirmReceipt(s.currencyPledge)),
    ]);
    refused(early, 'cleo', 'productionPledges.ChallengeWindowOpen', /challenge window is open/);
    const emil = await send('emil', api.tx.productionPledges.confirmReceipt(s.currencyPledge));
    for (const [name, outcome] of [['dana', dana], ['emil', emil]]) {
      assert.deepEqual(fields(theEvent(outcome.events, api.events.productionPledges.ReceiptConfirmed),
        'pledge', 'backer', 'units'), [s.currencyPledge, accountOf(name), CURRENCY_PLEDGE.backings[name]]);
    }
    assert.equal((await pledgeNow(s.currencyPledge)).confirmedUnits, CURRENCY_PLEDGE.quantity);
    s.beforeSettlement = emil.blockHash;

    const { events } = await send('gus', api.tx.productionPledges.settle(s.currencyPledge));

    // The rules: the backers get the price of the undelivered unit back, and the bond in
    // proportion to the undelivered units, rounded up (against the producer); the design's
    // commons share is 10 % of what the producer earned; the derivative's network passes 25 % of
    // it on to the parent's; the producer gets the rest and what is left of its bond.
    const { unitPrice, quantity: backed, bond, delivered } = CURRENCY_PLEDGE;
    const backedTotal = unitPrice * BigInt(backed);
    const undelivered = BigInt(backed - delivered);
    const forfeited = (bond * undelivered + BigInt(backed) - 1n) / BigInt(backed);
    const refunds = unitPrice * undelivered + forfeited;
    const commons = mulFloor(COMMONS_SHARE, PERMILL, unitPrice * BigInt(delivered));
    const upstream = mulFloor(api.consts.contributiveAccounting.upstreamShare.toBigInt(), PERMILL, commons);
    const producerPaid = backedTotal + bond - refunds - commons;
    Object.assign(s, { refunds, forfeited, commons, upstream });

    assert.deepEqual(fields(theEvent(events, api.events.productionPledges.Settled),
      'pledge', 'producerPaid', 'commonsPaid', 'refunds', 'verdict'),
    [s.currencyPledge, producerPaid, commons, refunds, null]);

    // Each network's first revenue in the currency keeps the currency's minimum balance in the
    // network's account; the rest is shared among its members by points.
    const escrow = accountOf('currencyPledgeEscrow');
    ledger.open('cargoNetwork', palletSubAccount('cl/value', s.cargoNetwork));
    ledger.open('millNetwork', palletSubAccount('cl/value', s.millNetwork));
    const cargoShared = commons - upstream - CURRENCY_MIN_BALANCE;
    const millShared = upstream - CURRENCY_MIN_BALANCE;
    assert.deepEqual(eventsOf(events, api.events.contributiveAccounting.RevenueReceived)
      .map((e) => fields(e, 'network', 'asset', 'amount', 'from')), [
      [s.cargoNetwork, { withId: CURRENCY }, cargoShared, escrow],
      [s.millNetwork, { withId: CURRENCY }, millShared, escrow],
    ]);
    assert.deepEqual(eventsOf(events, api.events.assets.Transferred).map((e) => fields(e, 'from', 'to', 'amount')), [
      [escrow, accountOf('cargoNetwork'), commons - upstream],
      [escrow, accountOf('millNetwork'), upstream],
      [escrow, coop.address, producerPaid],
    ]);
    ledger.transferAsset('currencyPledgeEscrow', 'cargoNetwork', commons - upstream);
    ledger.transferAsset('currencyPledgeEscrow', 'millNetwork', upstream);
    ledger.transferAsset('currencyPledgeEscrow', 'coop', producerPaid);

    // The production run waits for the derivative's stewards' review, and the derivative was made
    // by someone other than its maintainers.
    const logged = theEvent(events, api.events.contributiveAccounting.ContributionLogged);
    assert.deepEqual(fields(logged, 'network', 'contributor', 'kind', 'quantity'),
      [s.cargoNetwork, coop.address, 'Production', delivered]);
    s.production = logged.contribution.toNumber();
    assert.deepEqual(fields(theEvent(events, api.events.designRegistry.ReadinessRaised), 'design', 'readiness'),
      [s.cargo, 'MadeIndependently']);
    await ledger.verify('the settlement');

    const view = await pledgeNow(s.currencyPledge);
    assert.deepEqual([view.state, view.refunds],
      ['Settled', { total: `${refunds}`, unclaimed: `${refunds}`, unclaimedUnits: backed }]);
    const producer = await producerNow(coop.address);
    assert.deepEqual([producer.openPledges, producer.record.fulfilled], [0, 1]);
    assert.equal((await designNow(s.cargo)).readiness, 'MadeIndependently');
    assert.equal((await designNow(s.mill)).readiness, 'Concept', 'the parent was not made in this run');
    // Each backer's part: floor(refunds × units / backed), until one of them is the last to claim.
    for (const name of ['dana', 'emil']) {
      assert.equal((await pledgesApi.owedTo(accountOf(name), s.currencyPledge)).unwrap().toBigInt(),
        (refunds * BigInt(CURRENCY_PLEDGE.backings[name])) / BigInt(backed));
    }
    const [production] = await contributionsNow(s.cargoNetwork, 'Pending');
    assert.deepEqual([production.id, production.contributor, production.kind, production.quantity, production.deposit],
      [s.production, coop.address, 'Production', delivered, '0']);

    // The revenue is shared pro rata to the points at the moment it arrives: Ben 200, Cleo 30.
    const cargoPerPoint = rewardPerPoint(cargoShared, s.cargoPoints);
    s.expectedClaims = {
      ben: earned(cargoPerPoint, 200n),
      cleo: earned(cargoPerPoint, s.cargoPoints - 200n),
      ada: earned(rewardPerPoint(millShared, 200n), 200n),
    };
    const [[kind, pool]] = await accountingApi.revenue(s.cargoNetwork);
    assert.deepEqual([kind.toJSON(), pool.received.toBigInt(), pool.claimed.toBigInt(), pool.waiting.toBigInt(),
      pool.keptMinimum.toBigInt(), pool.rewardPerPoint.toBigInt()],
    [{ withId: CURRENCY }, cargoShared, 0n, 0n, CURRENCY_MIN_BALANCE, cargoPerPoint]);
    assert.deepEqual((await accountingApi.network(s.cargoNetwork)).unwrap().revenueAssets.toJSON(),
      [{ withId: CURRENCY }], 'the commons share opened the currency in the network');
    assert.equal(await claimableCurrency(s.cargoNetwork, accountOf('ben')), s.expectedClaims.ben);
    assert.equal(await claimableCurrency(s.cargoNetwork, accountOf('cleo')), s.expectedClaims.cleo);
    assert.equal(await claimableCurrency(s.millNetwork, accountOf('ada')), s.expectedClaims.ada);
    assert.equal(s.expectedClaims.ada, millShared, 'Ada is the parent network\'s only member');

    assert.deepEqual(await call('cosmolocal_pledge', s.currencyPledge), view);
    assert.deepEqual(await call('cosmolocal_design', s.cargo), await designNow(s.cargo));
    assert.deepEqual(await call('cosmolocal_producer', coop.address), producer);
    const network = await call('cosmolocal_network', s.cargoNetwork);
    assert.equal(network.account, accountOf('cargoNetwork'),
      'the RPC names the account the commons share was transferred to');
    assert.equal((await call('cosmolocal_design', s.cargo)).networkAccount, accountOf('cargoNetwork'));
    assert.equal((await call('cosmolocal_network', s.millNetwork)).account, accountOf('millNetwork'));
    assert.deepEqual(network.revenue, [{ asset: { WithId: CURRENCY }, received: `${cargoShared}`, claimed: '0',
      waiting: '0', keptMinimum: `${CURRENCY_MIN_BALANCE}` }]);
    assert.deepEqual(network, await networkNow(s.cargoNetwork));
    const ben = await call('cosmolocal_memberShare', s.cargoNetwork, accountOf('ben'));
    assert.deepEqual(ben, { network: s.cargoNetwork, networkAccount: accountOf('cargoNetwork'),
      account: accountOf('ben'), points: '200',
      share: fraction((200n * PERBILL) / s.cargoPoints, PERBILL),
      claimable: [{ asset: { WithId: CURRENCY }, amount: `${s.expectedClaims.ben}` }] });
    assert.deepEqual(ben, await memberShareNow(s.cargoNetwork, accountOf('ben')));
    // The state before the settlement is still readable at its block.
    const before = await call('cosmolocal_pledge', s.currencyPledge, u8aToHex(s.beforeSettlement));
    assert.equal(before.state, 'Delivered');
    assert.deepEqual(before, await pledgeNow(s.currencyPledge, await api.at(s.beforeSettlement)));
  });

  test('the CML pledge misses its minimum: late backing is refused, it fails, its backers are refunded', async () => {
    await waitForBlock(s.cmlFundingDeadline);
    const late = await submit(api.tx.productionPledges.back(s.cmlPledge, 1), who.emil);
    refused(late, 'emil', 'productionPledges.FundingEnded', /funding deadline has passed/);

    const closing = await send('gus', api.tx.productionPledges.closeFunding(s.cmlPledge));
    const units = unitsOf(CML_PLEDGE.backings);
    assert.ok(units < CML_PLEDGE.minQuantity, 'fewer units were backed than the minimum');
    assert.deepEqual(fields(theEvent(closing.events, api.events.productionPledges.FundingFailed),
      'pledge', 'backedUnits'), [s.cmlPledge, units]);
    // The producer's bond comes back at once; each backed unit will get its price back.
    assert.deepEqual(fields(theEvent(closing.events, api.events.balances.Transfer), 'from', 'to', 'amount'),
      [accountOf('cmlPledgeEscrow'), accountOf('kito'), CML_PLEDGE.bond]);
    ledger.transfer('cmlPledgeEscrow', 'kito', CML_PLEDGE.bond);
    const view = await pledgeNow(s.cmlPledge);
    const returned = `${CML_PLEDGE.unitPrice * BigInt(units)}`;
    assert.deepEqual([view.state, view.refunds],
      ['Failed', { total: returned, unclaimed: returned, unclaimedUnits: units }]);
    const workshop = await producerNow(accountOf('kito'));
    assert.deepEqual([workshop.openPledges, workshop.record.failed, workshop.record.fulfilled], [0, 1, 0]);
    assert.deepEqual(await call('cosmolocal_pledge', s.cmlPledge), view);
    assert.deepEqual(await call('cosmolocal_producer', accountOf('kito')), workshop);

    const refund = (name, outcome) => {
      const amount = CML_PLEDGE.unitPrice * BigInt(CML_PLEDGE.backings[name]);
      assert.deepEqual(fields(theEvent(outcome.events, api.events.productionPledges.RefundClaimed),
        'pledge', 'backer', 'amount'), [s.cmlPledge, accountOf(name), amount]);
      const paid = eventsOf(outcome.events, api.events.balances.Transfer)
        .filter((e) => e.to.toString() === accountOf(name));
      assert.deepEqual(paid.map((e) => fields(e, 'from', 'amount')), [[accountOf('cmlPledgeEscrow'), amount]]);
      ledger.transfer('cmlPledgeEscrow', name, amount);
      assert.deepEqual(releasesOf(api, outcome.events, accountOf(name)),
        [{ reason: 'productionPledges', amount: s.backingDeposit }]);
      ledger.release(name, s.backingDeposit);
    };
    const [again, farah] = await Promise.all([
      submit(api.tx.productionPledges.back(s.cmlPledge, 1), who.emil),
      send('farah', api.tx.productionPledges.claimRefund(s.cmlPledge)),
    ]);
    refused(again, 'emil', 'productionPledges.NotFunding', /not funding/);
    refund('farah', farah);
    await ledger.verify('Farah\'s refund');

    const twice = await submit(api.tx.productionPledges.claimRefund(s.cmlPledge), who.farah);
    refused(twice, 'farah', 'productionPledges.NotBacker', /does not back the pledge/);

    // The last claim closes the pledge: the escrow's minimum (the existential deposit) and the
    // record's deposit go back to the workshop, and the escrow account is gone.
    const last = await send('gus', api.tx.productionPledges.claimRefund(s.cmlPledge));
    refund('gus', last);
    assert.deepEqual(fields(theEvent(last.events, api.events.productionPledges.PledgeClosed), 'pledge'), [s.cmlPledge]);
    const existentialDeposit = api.consts.balances.existentialDeposit.toBigInt();
    const back = eventsOf(last.events, api.events.balances.Transfer)
      .filter((e) => e.to.toString() === accountOf('kito'));
    assert.deepEqual(back.map((e) => fields(e, 'from', 'amount')),
      [[accountOf('cmlPledgeEscrow'), existentialDeposit]]);
    ledger.transfer('cmlPledgeEscrow', 'kito', existentialDeposit);
    assert.deepEqual(releasesOf(api, last.events, accountOf('kito')),
      [{ reason: 'productionPledges', amount: s.pledgeDeposit }]);
    ledger.release('kito', s.pledgeDeposit);
    await ledger.verify('the failed pledge\'s refunds');
    assert.ok((await pledgesApi.pledge(s.cmlPledge)).isNone, 'a closed pledge is removed');
    const escrowAccount = await api.query.system.account(accountOf('cmlPledgeEscrow'));
    assert.deepEqual([escrowAccount.providers.toNumber(), escrowAccount.consumers.toNumber()], [0, 0],
      'the closed escrow account is reaped');

    const error = await rpcError('cosmolocal_pledge', s.cmlPledge);
    assert.deepEqual([error.code, error.message], [4004, `pledge ${s.cmlPledge} not found`]);
  });

  test('Ben accepts the cooperative\'s production run; points earned after the revenue do not dilute it', async () => {
    const { events } = await send('ben', api.tx.contributiveAccounting.reviewContribution(s.production, true));
    const productionPoints = BigInt(CURRENCY_PLEDGE.delivered) * MAKER.production;
    assert.deepEqual(fields(theEvent(events, api.events.contributiveAccounting.ContributionAccepted),
      'contribution', 'contributor', 'points'), [s.production, coop.address, productionPoints]);
    // The chain logged the production run without a deposit, so nothing comes back.
    assert.deepEqual(releasesOf(api, events, coop.address), [],
      'the chain logged it without a deposit');
    const total = s.cargoPoints + productionPoints;
    const share = (productionPoints * PERBILL) / total;
    assert.deepEqual(await standing(s.cargoNetwork, coop.address), [productionPoints, share]);
    assert.equal((await accountingApi.network(s.cargoNetwork)).unwrap().totalPoints.toBigInt(), total);
    assert.equal(await claimableCurrency(s.cargoNetwork, coop.address), 0n);
    assert.equal(await claimableCurrency(s.cargoNetwork, accountOf('ben')), s.expectedClaims.ben);
    assert.equal(await claimableCurrency(s.cargoNetwork, accountOf('cleo')), s.expectedClaims.cleo);
    await ledger.verify('the production review');

    const cooperative = await call('cosmolocal_memberShare', s.cargoNetwork, coop.address);
    assert.deepEqual([cooperative.points, cooperative.share], [`${productionPoints}`, fraction(share, PERBILL)]);
    const ben = await call('cosmolocal_memberShare', s.cargoNetwork, accountOf('ben'));
    assert.deepEqual(ben, await memberShareNow(s.cargoNetwork, accountOf('ben')));
    assert.deepEqual(ben.claimable, [{ asset: { WithId: CURRENCY }, amount: `${s.expectedClaims.ben}` }]);
  });

  test('contributors claim their share of the commons in the currency; claiming twice is refused', async () => {
    const claims = [['ben', 'cargoNetwork'], ['cleo', 'cargoNetwork'], ['ada', 'millNetwork']];
    const outcomes = await Promise.all(claims.map(([name, network]) =>
      send(name, api.tx.contributiveAccounting.claim(s[network], CURRENCY_KIND))));
    for (const [i, [name, network]] of claims.entries()) {
      const amount = s.expectedClaims[name];
      assert.deepEqual(fields(theEvent(outcomes[i].events, api.events.contributiveAccounting.Claimed),
        'network', 'member', 'asset', 'amount'), [s[network], accountOf(name), { withId: CURRENCY }, amount]);
      assert.deepEqual(fields(theEvent(outcomes[i].events, api.events.assets.Transferred), 'from', 'to', 'amount'),
        [accountOf(network), accountOf(name), amount]);
      ledger.transferAsset(network, name, amount);
    }
    const twice = await submit(api.tx.contributiveAccounting.claim(s.cargoNetwork, CURRENCY_KIND), who.ben);
    refused(twice, 'ben', 'contributiveAccounting.NothingToClaim', /nothing to claim/);
    await ledger.verify('the claims');

    // Rounding dust stays in the network, besides the minimum balance it keeps.
    const cargoShared = s.commons - s.upstream - CURRENCY_MIN_BALANCE;
    const dust = cargoShared - s.expectedClaims.ben - s.expectedClaims.cleo;
    assert.equal(dust, 1n, 'the scenario\'s numbers leave one unit of dust');
    assert.equal((await ledger.actual(accountOf('cargoNetwork'))).asset, CURRENCY_MIN_BALANCE + dust);
    assert.equal((await ledger.actual(accountOf('millNetwork'))).asset, CURRENCY_MIN_BALANCE);
    const [[, pool]] = await accountingApi.revenue(s.cargoNetwork);
    assert.deepEqual([pool.received.toBigInt(), pool.claimed.toBigInt()], [cargoShared, cargoShared - dust]);
    assert.equal(await claimableCurrency(s.cargoNetwork, accountOf('ben')), 0n);

    assert.deepEqual(await call('cosmolocal_network', s.cargoNetwork), await networkNow(s.cargoNetwork));
    assert.deepEqual(await call('cosmolocal_network', s.millNetwork), await networkNow(s.millNetwork));
    const ada = await call('cosmolocal_memberShare', s.millNetwork, accountOf('ada'));
    assert.deepEqual([ada.points, ada.share], ['200', '1']);
    assert.deepEqual(ada, await memberShareNow(s.millNetwork, accountOf('ada')));
  });

  test('the currency pledge\'s backers claim their refunds, which closes it', async () => {
    const backers = ['dana', 'emil'];
    const outcomes = await Promise.all(backers.map((name) =>
      send(name, api.tx.productionPledges.claimRefund(s.currencyPledge))));
    // The first to claim gets floor(refunds × units / backed); the last, whose claim closes the
    // pledge, everything left.
    const closes = (outcome) => eventsOf(outcome.events, api.events.productionPledges.PledgeClosed).length > 0;
    const floorShare = (name) => (s.refunds * BigInt(CURRENCY_PLEDGE.backings[name])) / BigInt(CURRENCY_PLEDGE.quantity);
    const [first] = backers.filter((_, i) => !closes(outcomes[i]));
    for (const [i, name] of backers.entries()) {
      const amount = closes(outcomes[i]) ? s.refunds - floorShare(first) : floorShare(name);
      assert.deepEqual(fields(theEvent(outcomes[i].events, api.events.productionPledges.RefundClaimed),
        'backer', 'amount'), [accountOf(name), amount]);
      ledger.transferAsset('currencyPledgeEscrow', name, amount);
      assert.deepEqual(releasesOf(api, outcomes[i].events, accountOf(name)),
        [{ reason: 'productionPledges', amount: s.backingDeposit }]);
      ledger.release(name, s.backingDeposit);
    }
    // Whichever claim came last closed the pledge: the escrow's minimum, and nothing else, goes to
    // the cooperative, and so does its record's deposit.
    const closing = outcomes.filter(({ events }) => eventsOf(events, api.events.productionPledges.PledgeClosed).length);
    assert.equal(closing.length, 1, 'one claim closed the pledge');
    const toCoop = eventsOf(closing[0].events, api.events.assets.Transferred)
      .filter((e) => e.to.toString() === coop.address);
    assert.deepEqual(toCoop.map((e) => fields(e, 'from', 'amount')),
      [[accountOf('currencyPledgeEscrow'), CURRENCY_MIN_BALANCE]]);
    ledger.transferAsset('currencyPledgeEscrow', 'coop', CURRENCY_MIN_BALANCE);
    assert.deepEqual(releasesOf(api, closing[0].events, coop.address),
      [{ reason: 'productionPledges', amount: s.pledgeDeposit }]);
    ledger.release('coop', s.pledgeDeposit);
    await ledger.verify('the settled pledge\'s close');

    assert.ok((await pledgesApi.pledge(s.currencyPledge)).isNone, 'a closed pledge is removed');
    assert.deepEqual(ids(await pledgesApi.pledgesByProducer(coop.address, null, 10)), []);
    const escrowAccount = await api.query.system.account(accountOf('currencyPledgeEscrow'));
    assert.deepEqual([escrowAccount.providers.toNumber(), escrowAccount.consumers.toNumber()], [0, 0],
      'the closed escrow account is reaped');
    // In the end the cooperative earned, in the currency, the price of the units it delivered,
    // less the commons share and the part of its bond forfeited for the undelivered unit.
    const { unitPrice, delivered } = CURRENCY_PLEDGE;
    assert.equal((await ledger.actual(coop.address)).asset,
      MINTED.coop + unitPrice * BigInt(delivered) - s.commons - s.forfeited);

    const error = await rpcError('cosmolocal_pledge', s.currencyPledge);
    assert.deepEqual([error.code, error.message], [4004, `pledge ${s.currencyPledge} not found`]);
    const before = await call('cosmolocal_pledges', { state: 'Delivered' }, null, null, u8aToHex(s.beforeSettlement));
    assert.deepEqual(before,
      { items: [await pledgeNow(s.currencyPledge, await api.at(s.beforeSettlement))], next: null });
  });

  test('the cosmolocal_* RPC refuses bad queries with the spec\'s codes, and answers non-members', async () => {
    const refusedWith = async (code, method, ...params) => {
      const error = await rpcError(method, ...params);
      assert.equal(error.code, code, `${method}(${JSON.stringify(params)}): ${JSON.stringify(error)}`);
      return error;
    };
    const [invalid, notFound] = [-32602, 4004];
    assert.equal((await refusedWith(notFound, 'cosmolocal_design', 999)).message, 'design 999 not found');
    await refusedWith(notFound, 'cosmolocal_designs', { derivativesOf: 999 });
    await refusedWith(notFound, 'cosmolocal_producer', accountOf('ada'));
    await refusedWith(notFound, 'cosmolocal_network', 999);
    await refusedWith(notFound, 'cosmolocal_memberShare', 999, accountOf('ada'));
    await refusedWith(notFound, 'cosmolocal_design', s.mill, `0x${'11'.repeat(32)}`);

    await refusedWith(invalid, 'cosmolocal_producers', 'pt-11');
    await refusedWith(invalid, 'cosmolocal_pledges', { region: 'PT11' });
    await refusedWith(invalid, 'cosmolocal_producer', 'not-an-address');
    await refusedWith(invalid, 'cosmolocal_designs', { tag: 'Not A Tag' });
    await refusedWith(invalid, 'cosmolocal_pledges', { state: 'Bogus' });
    await refusedWith(invalid, 'cosmolocal_contributions', s.cargoNetwork, 'Bogus');
    await refusedWith(invalid, 'cosmolocal_designs', { tag: 'grain' }, null, 0);
    await refusedWith(invalid, 'cosmolocal_designs', { tag: 'grain' }, null, 101);
    await refusedWith(invalid, 'cosmolocal_producers', 'KE', 'not-a-cursor', 10);
    await refusedWith(invalid, 'cosmolocal_designs', { tag: 'grain', maintainer: accountOf('ada') });
    await refusedWith(invalid, 'cosmolocal_designs', {});

    // Any valid SS58 address is accepted; answers use the chain's format.
    const generic = encodeAddress(coop.address, 42);
    assert.notEqual(generic, coop.address);
    assert.deepEqual(await call('cosmolocal_producer', generic), await producerNow(coop.address));

    // A backer is not a member of the derivative's network: per the spec, no points, no share and
    // nothing claimable — an empty list, although the network has revenue in the currency.
    assert.deepEqual(await call('cosmolocal_memberShare', s.cargoNetwork, accountOf('dana')),
      { network: s.cargoNetwork, networkAccount: palletSubAccount('cl/value', s.cargoNetwork),
        account: accountOf('dana'), points: '0', share: '0', claimable: [] },
      'the RPC spec: a non-member gets points "0", share "0", claimable []');
  });

  test('in the end every account holds exactly what the rules say', async () => {
    await ledger.verify('the scenario');
    // Nothing of pledges, backings, contributions or multisig operations stays held; what does
    // stay is the commons' permanent record (designs, versions, networks), the producers' records
    // and the currency's deposit.
    for (const name of ['cleo', 'dana', 'emil', 'farah', 'gus', 'coopA', 'coopB', 'coopC']) {
      assert.equal(ledger.expected(name).reserved, 0n, `${name} has nothing held any more`);
    }
    const holds = await api.query.balances.holds(coop.address);
    assert.deepEqual(holds.map(({ id, amount }) => [Object.keys(id.toJSON())[0], amount.toBigInt()]),
      [['productionPledges', ledger.expected('coop').reserved]], 'the cooperative keeps its producer deposit');
  });
});
