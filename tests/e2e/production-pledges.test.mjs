// Production pledges through Polkadot.js, as producers, backers and a map use them: the example
// producers of the development chain, then a pledge from creation to closing.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';

import { startDevNode } from './support/node.mjs';
import { eventOf, submit, submitOk } from './support/tx.mjs';

const SS58_PREFIX = 4242;
const CML = 10n ** 12n;
/** The example design "Solar food dryer" of Alice, which needs woodworking and assembly. */
const SOLAR_DRYER = 0;

describe('production pledges', () => {
  let node;
  let api;
  let keyring;

  before(async () => {
    node = await startDevNode({ name: 'production-pledges' });
    api = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true });
    keyring = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX });
  });

  after(async () => {
    await api?.disconnect();
    await node?.stop();
  });

  test('a map finds the example producers by country and region', async () => {
    const spain = await api.call.productionPledgesApi.producersByRegion('ES', null, 10);
    const bob = keyring.addFromUri('//Bob').address;
    assert.deepEqual(spain.map(([region, who]) => [region.toUtf8(), who.toString()]),
      [['ES-CT', bob]]);
    const lab = (await api.call.productionPledgesApi.producer(bob)).unwrap();
    assert.equal(lab.name.toUtf8(), 'Fab Lab Barcelona');
    assert.equal(lab.plusCode.unwrap().toUtf8(), '8FH49500+');
    const nairobi = await api.call.productionPledgesApi.producersByRegion('KE-30', null, 10);
    assert.equal(nairobi.length, 1);
    assert.equal((await api.call.productionPledgesApi.producersByRegion('FR', null, 10)).length, 0);
  });

  test('a pledge is created, backed, delivered, confirmed, settled and closed', async () => {
    const [bob, charlie, dave] = ['//Bob', '//Charlie', '//Dave'].map((uri) => keyring.addFromUri(uri));
    const pledges = api.tx.productionPledges;
    const events = api.events.productionPledges;
    const now = (await api.rpc.chain.getHeader()).number.toNumber();

    const created = await submitOk(api, pledges.createPledge(
      SOLAR_DRYER, 0, 'Native', 10n * CML, 2, 2, now + 100, now + 200, 5n * CML, 200_000), bob);
    const id = eventOf(created, events.PledgeCreated).pledge.toNumber();
    assert.equal(eventOf(created, events.PledgeCreated).region.toUtf8(), 'ES-CT');
    const inCatalonia = await api.call.productionPledgesApi.pledgesByRegion('ES-CT', null, 100);
    assert.ok(inCatalonia.some(([, pledge]) => pledge.toNumber() === id));

    await Promise.all([charlie, dave].map((backer) => submitOk(api, pledges.back(id, 1), backer)));
    assert.equal((await api.call.productionPledgesApi.owedTo(charlie.address, id)).unwrap().toBigInt(),
      10n * CML);
    const escrow = await api.call.productionPledgesApi.escrowAccount(id);
    const escrowBalance = (await api.query.system.account(escrow)).data.free.toBigInt();
    assert.ok(escrowBalance >= 25n * CML, `the escrow holds the bond and the backings: ${escrowBalance}`);

    await submitOk(api, pledges.closeFunding(id), charlie);
    const funded = await api.call.productionPledgesApi.pledgesByState('Funded', null, 100);
    assert.ok(funded.some((pledge) => pledge.toNumber() === id));

    await submitOk(api, pledges.reportDelivery(id, 2, 'ipfs://delivery-photos'), bob);
    await Promise.all([charlie, dave].map((backer) => submitOk(api, pledges.confirmReceipt(id), backer)));
    const settled = eventOf(await submitOk(api, pledges.settle(id), dave), events.Settled);
    assert.equal(settled.refunds.toBigInt(), 0n, 'every unit was delivered');
    assert.equal(settled.producerPaid.toBigInt() + settled.commonsPaid.toBigInt(), 25n * CML);
    const dryer = (await api.call.designRegistryApi.design(SOLAR_DRYER)).unwrap();
    assert.equal(dryer.readiness.toString(), 'MadeIndependently');
    const record = (await api.call.productionPledgesApi.producer(bob.address)).unwrap().record;
    assert.equal(record.fulfilled.toNumber(), 1);
    const network = (await api.call.contributiveAccountingApi.designNetwork(SOLAR_DRYER)).unwrap();
    const pending = await api.call.contributiveAccountingApi.contributions(network, 'Pending', null, 100);
    assert.ok(pending.some(([, c]) => c.contributor.toString() === bob.address
      && c.kind.toString() === 'Production' && c.quantity.toNumber() === 2),
    'the production run waits for the design stewards\' review');

    await submitOk(api, pledges.claimRefund(id), charlie);
    const closing = await submitOk(api, pledges.claimRefund(id), dave);
    assert.equal(eventOf(closing, events.PledgeClosed).pledge.toNumber(), id);
    assert.ok((await api.call.productionPledgesApi.pledge(id)).isNone);
  });

  test('a pledge outside the producer\'s processes is refused with its reason', async () => {
    const eve = keyring.addFromUri('//Eve');
    const now = (await api.rpc.chain.getHeader()).number.toNumber();
    const { dispatchError } = await submit(api.tx.productionPledges.createPledge(
      SOLAR_DRYER, 0, 'Native', CML, 1, 1, now + 100, now + 200, 0, 200_000), eve);
    const { section, name, docs } = api.registry.findMetaError(dispatchError.asModule);
    assert.equal(`${section}.${name}`, 'productionPledges.MissingProcess');
    assert.match(docs.join(' '), /process the design needs/);
  });
});
