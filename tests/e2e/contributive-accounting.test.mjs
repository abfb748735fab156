// Contributive accounting through Polkadot.js, as a cooperative uses it: the network every
// design has, then a cooperative's own network — a contribution logged and accepted, a donation
// shared, a claim paid.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';

import { startDevNode } from './support/node.mjs';
import { eventOf, submit, submitOk } from './support/tx.mjs';

const SS58_PREFIX = 4242;
const CML = 10n ** 12n;
const EXISTENTIAL_DEPOSIT = CML / 1000n;

describe('contributive accounting', () => {
  let node;
  let api;
  let keyring;

  before(async () => {
    node = await startDevNode({ name: 'contributive-accounting' });
    api = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true });
    keyring = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX });
  });

  after(async () => {
    await api?.disconnect();
    await node?.stop();
  });

  test('every example design has a network with its creator as steward and member', async () => {
    const alice = keyring.addFromUri('//Alice').address;
    const id = (await api.call.contributiveAccountingApi.designNetwork(0)).unwrap();
    const network = (await api.call.contributiveAccountingApi.network(id)).unwrap();
    assert.deepEqual(network.stewards.map((s) => s.toString()), [alice]);
    assert.equal(network.equation.toString(), 'Maker');
    const [points, share] = (await api.call.contributiveAccountingApi.member(id, alice)).unwrap();
    assert.equal(points.toNumber(), 200);
    assert.equal(share.toHuman(), '100.00%');
  });

  test('a cooperative accepts a contribution, receives a donation and pays a claim', async () => {
    const [bob, charlie, dave] = ['//Bob', '//Charlie', '//Dave'].map((uri) => keyring.addFromUri(uri));
    const accounting = api.tx.contributiveAccounting;
    const events = api.events.contributiveAccounting;

    const created = await submitOk(api,
      accounting.createNetwork('Oaxaca bakers', [bob.address], 1, 'Disco'), bob);
    const network = eventOf(created, events.NetworkCreated).network.toNumber();

    const logged = await submitOk(api,
      accounting.logContribution(network, 'Care', 3, 'ipfs://childcare-rota'), charlie);
    const contribution = eventOf(logged, events.ContributionLogged).contribution.toNumber();
    const pending = await api.call.contributiveAccountingApi.contributions(network, 'Pending', null, 10);
    assert.deepEqual(pending.map(([id]) => id.toNumber()), [contribution]);

    const reviewed = await submitOk(api, accounting.reviewContribution(contribution, true), bob);
    assert.equal(eventOf(reviewed, events.ContributionAccepted).points.toNumber(), 60);

    await submitOk(api, accounting.depositRevenue(network, 'Native', 10n * CML), dave);
    const claimable = await api.call.contributiveAccountingApi.claimable(network, charlie.address);
    assert.deepEqual(claimable.map(([asset, amount]) => [asset.toString(), amount.toBigInt()]),
      [['Native', 10n * CML - EXISTENTIAL_DEPOSIT]]);

    const claimed = await submitOk(api, accounting.claim(network, 'Native'), charlie);
    assert.equal(eventOf(claimed, events.Claimed).amount.toBigInt(), 10n * CML - EXISTENTIAL_DEPOSIT);
  });

  test('only a steward reviews, and the error says so', async () => {
    const [bob, eve] = ['//Bob', '//Eve'].map((uri) => keyring.addFromUri(uri));
    const accounting = api.tx.contributiveAccounting;
    const created = await submitOk(api,
      accounting.createNetwork('Repair cafe', [bob.address], 1, 'Equal'), bob);
    const network = eventOf(created, api.events.contributiveAccounting.NetworkCreated).network;
    const logged = await submitOk(api,
      accounting.logContribution(network, 'Testing', 1, 'ipfs://test-report'), eve);
    const contribution = eventOf(logged, api.events.contributiveAccounting.ContributionLogged).contribution;
    const { dispatchError } = await submit(accounting.reviewContribution(contribution, true), eve);
    const { section, name, docs } = api.registry.findMetaError(dispatchError.asModule);
    assert.equal(`${section}.${name}`, 'contributiveAccounting.NotSteward');
    assert.match(docs.join(' '), /steward/);
  });
});
