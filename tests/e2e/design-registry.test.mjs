// The design registry through Polkadot.js, as a cooperative and an integrator use it: register a
// design, read it back through the runtime API, and read a refused call's error.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';

import { startDevNode } from './support/node.mjs';
import { submit } from './support/tx.mjs';

const SS58_PREFIX = 4242;

function registerDesign(api, { hardware = 'CERN-OHL-S-2.0', lineage = null } = {}) {
  return api.tx.designRegistry.registerDesign(
    'Solar food dryer',
    { hardware, documentation: 'CC-BY-SA-4.0', software: null },
    ['solar', 'food'],
    ['Woodworking', 'Assembly'],
    'ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi',
    `0x${'ab'.repeat(32)}`,
    '1.0.0',
    lineage,
  );
}

describe('design registry', () => {
  let node;
  let api;
  let keyring;

  before(async () => {
    node = await startDevNode({ name: 'design-registry' });
    api = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true });
    keyring = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX });
  });

  after(async () => {
    await api?.disconnect();
    await node?.stop();
  });

  test('the development chain starts with example designs', async () => {
    const dryer = (await api.call.designRegistryApi.design(0)).unwrap();
    assert.equal(dryer.name.toUtf8(), 'Solar food dryer');
    assert.equal(dryer.licences.hardware.toUtf8(), 'CERN-OHL-S-2.0');
    const derivatives = await api.call.designRegistryApi.derivatives(0, null, 10);
    assert.deepEqual(derivatives.map((id) => id.toNumber()), [2]);
    const solar = await api.call.designRegistryApi.designsByTag('solar', null, 10);
    assert.deepEqual(solar.map((id) => id.toNumber()).sort(), [0, 2]);
  });

  test('a cooperative registers a design and an integrator reads it back', async () => {
    const alice = keyring.addFromUri('//Alice');
    const { events, dispatchError } = await submit(registerDesign(api), alice);
    assert.equal(dispatchError, undefined);
    const registered = events.find(({ event }) => api.events.designRegistry.DesignRegistered.is(event));
    assert.ok(registered, 'a DesignRegistered event');
    const design = registered.event.data.design.toNumber();

    const view = (await api.call.designRegistryApi.design(design)).unwrap();
    assert.equal(view.name.toUtf8(), 'Solar food dryer');
    assert.deepEqual(view.maintainers.map((m) => m.toString()), [alice.address]);
    assert.deepEqual(view.processes.map((p) => p.toString()), ['Woodworking', 'Assembly']);
    assert.equal(view.readiness.toString(), 'Concept');
    assert.equal(view.versionCount.toNumber(), 1);

    const mine = await api.call.designRegistryApi.designsOf(alice.address, null, 10);
    assert.ok(mine.map((id) => id.toNumber()).includes(design));
    const held = await api.query.balances.holds(alice.address);
    const deposits = held.filter((hold) =>
      JSON.stringify(hold.id.toJSON()) === JSON.stringify({ designRegistry: 'Storage' }));
    assert.equal(deposits.length, 1, `holds: ${JSON.stringify(held.toJSON())}`);
    assert.ok(deposits[0].amount.toBigInt() > 0n, 'the registry holds a deposit');
  });

  test('a refused call tells its reason by name and doc', async () => {
    const bob = keyring.addFromUri('//Bob');
    const { dispatchError } = await submit(registerDesign(api, { hardware: 'Proprietary-1.0' }), bob);
    assert.ok(dispatchError?.isModule, 'a module error');
    const { section, name, docs } = api.registry.findMetaError(dispatchError.asModule);
    assert.equal(`${section}.${name}`, 'designRegistry.LicenceNotAllowed');
    assert.match(docs.join(' '), /list of open licences/);
  });

  test('a derivative of a share-alike design must keep its licence', async () => {
    const charlie = keyring.addFromUri('//Charlie');
    const lineage = { kind: 'Derivative', parent: 0, parentVersion: 0 };
    const { dispatchError } = await submit(
      registerDesign(api, { hardware: 'CERN-OHL-W-2.0', lineage }), charlie);
    const { name } = api.registry.findMetaError(dispatchError.asModule);
    assert.equal(name, 'ShareAlikeLicenceRequired');
  });
});
