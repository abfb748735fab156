// The cosmolocal_* JSON-RPC methods under what integrators and attackers send: pages walked to
// the end, reads at earlier blocks, malformed and oversized parameters, unknown ids and blocks,
// and many requests at once. Each refusal is a clear JSON-RPC error; the node stays up.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';

import { rpc, rpcOutcome, startDevNode } from './support/node.mjs';
import { submit, submitOk } from './support/tx.mjs';

const CML = 10n ** 12n;
const SOLAR_DRYER = 0;
const INVALID_PARAMS = -32602;
const NOT_FOUND = 4004;

describe('cosmolocal_* RPC', () => {
  let node;
  let api;
  let bob;
  let pledges;
  let beforePledges;

  before(async () => {
    node = await startDevNode({ name: 'rpc' });
    api = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true });
    const keyring = new Keyring({ type: 'sr25519' });
    bob = keyring.addFromUri('//Bob');
    beforePledges = (await api.rpc.chain.getHeader()).hash.toHex();
    const now = (await api.rpc.chain.getHeader()).number.toNumber();
    const create = () => api.tx.productionPledges.createPledge(
      SOLAR_DRYER, 0, 'Native', 10n * CML, 5, 1, now + 1_000, now + 2_000, CML, 200_000);
    const events = await submitOk(api, api.tx.utility.batchAll([create(), create(), create()]), bob);
    pledges = events.filter(({ event }) => api.events.productionPledges.PledgeCreated.is(event))
      .map(({ event }) => event.data.pledge.toNumber());
    assert.equal(pledges.length, 3);
  });

  after(async () => {
    await api?.disconnect();
    await node?.stop();
  });

  /** The error of a refused request; fails if it was answered. */
  async function refused(method, params) {
    const { result, error } = await rpcOutcome(node.httpUrl, method, params);
    assert.equal(result, undefined, `${method} ${JSON.stringify(params)} must be refused`);
    return error;
  }

  test('pages of one walk a list to its end, each entry once', async () => {
    const seen = [];
    let startAfter = null;
    for (let page = 0; page < 10; page += 1) {
      const { items, next } = await rpc(node.httpUrl, 'cosmolocal_pledges',
        [{ state: 'Funding' }, startAfter, 1]);
      seen.push(...items.map(({ id }) => id));
      if (next === null) break;
      assert.equal(next, items.at(-1).id);
      startAfter = next;
    }
    assert.deepEqual([...seen].sort(), [...pledges].sort());

    const regionPages = [];
    startAfter = null;
    do {
      const { items, next } = await rpc(node.httpUrl, 'cosmolocal_pledges', [{ region: 'ES' }, startAfter, 2]);
      regionPages.push(items.map(({ id }) => id));
      startAfter = next;
      if (next !== null) assert.match(next, /^ES-CT\/\d+$/);
    } while (startAfter !== null);
    assert.deepEqual(regionPages.map((page) => page.length), [2, 1]);
    assert.deepEqual(regionPages.flat().sort(), [...pledges].sort());
  });

  test('a list answers the same as the runtime API it reads', async () => {
    const { items } = await rpc(node.httpUrl, 'cosmolocal_pledges', [{ design: SOLAR_DRYER }]);
    const fromRuntime = await api.call.productionPledgesApi.pledgesByDesign(SOLAR_DRYER, null, 100);
    assert.deepEqual(items.map(({ id }) => id), fromRuntime.map((id) => id.toNumber()));
    for (const item of items) {
      const pledge = (await api.call.productionPledgesApi.pledge(item.id)).unwrap();
      assert.equal(item.state, pledge.state.type);
      assert.equal(item.unitPrice, pledge.terms.unitPrice.toBigInt().toString());
      assert.equal(item.escrow, (await api.call.productionPledgesApi.escrowAccount(item.id))
        .toString());
    }
  });

  test('reads at an earlier block see the state of that block', async () => {
    const before = await rpc(node.httpUrl, 'cosmolocal_pledges', [{ design: SOLAR_DRYER }, null, null, beforePledges]);
    assert.deepEqual(before, { items: [], next: null });
    const error = await refused('cosmolocal_pledge', [pledges[0], beforePledges]);
    assert.equal(error.code, NOT_FOUND);
    assert.equal(error.message, `pledge ${pledges[0]} not found`);
    const named = await rpc(node.httpUrl, 'cosmolocal_pledge', { id: pledges[0] });
    assert.equal(named.id, pledges[0]);
  });

  test('malformed parameters are refused with what was expected', async () => {
    const cases = [
      ['cosmolocal_producers', ['ES_CT'], /`ES_CT` is not a region code/],
      ['cosmolocal_producers', ['ES', 'ES-CT'], /is not `<region>\/<key>`/],
      ['cosmolocal_producers', ['ES', 7], /not a region cursor/],
      ['cosmolocal_producer', ['mHnoaDHzav3Wh7mWRpuCwHtyB6VbfQHWD4m9nrQ1EEZ7fXSZX'], /is not an SS58 address/],
      ['cosmolocal_designs', [{ tag: 'Solar' }], /`Solar` is not a tag/],
      ['cosmolocal_designs', [{ tag: 's'.repeat(1_000) }], /at most 24 characters/],
      ['cosmolocal_designs', [{ colour: 'green' }], /exactly one of `maintainer`/],
      ['cosmolocal_designs', [{ tag: 'solar' }, 'ES/1'], /is not an id/],
      ['cosmolocal_designs', [{ tag: 'solar' }, null, 0], /limit 0 is out of range/],
      ['cosmolocal_designs', [{ tag: 'solar' }, null, 4_294_967_295], /limit 4294967295 is out of range/],
      ['cosmolocal_pledges', [{ state: 'funding' }], /`funding` is not a pledge state: expected one of Funding/],
      ['cosmolocal_pledges', [{ state: 'Funding' }, -1], /./],
      ['cosmolocal_contributions', [0, 'Approved'], /`Approved` is not a contribution state/],
      ['cosmolocal_design', ['zero'], /./],
      ['cosmolocal_design', [-1], /./],
      ['cosmolocal_design', [2 ** 32], /./],
      ['cosmolocal_design', [0, 'not-a-hash'], /./],
      ['cosmolocal_design', [], /./],
    ];
    for (const [method, params, message] of cases) {
      const error = await refused(method, params);
      assert.equal(error.code, INVALID_PARAMS, `${method} ${JSON.stringify(params)}: ${error.message}`);
      assert.match(error.message, message);
    }
  });

  test('unknown ids and blocks are not found', async () => {
    const unknownBlock = `0x${'ab'.repeat(32)}`;
    const cases = [
      ['cosmolocal_design', [4_000_000_000], 'design 4000000000 not found'],
      ['cosmolocal_designs', [{ derivativesOf: 77 }], 'design 77 not found'],
      ['cosmolocal_producer', ['5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y'],
        'producer mHnrEHU8dF3QKkNv6MgoGHZRTvdH3PbP4VYR8PQJLWxJBpWLF not found'],
      ['cosmolocal_pledges', [{ producer: '5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y' }],
        'producer mHnrEHU8dF3QKkNv6MgoGHZRTvdH3PbP4VYR8PQJLWxJBpWLF not found'],
      ['cosmolocal_pledges', [{ design: 77 }], 'design 77 not found'],
      ['cosmolocal_network', [77], 'network 77 not found'],
      ['cosmolocal_memberShare', [77, '5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y'], 'network 77 not found'],
      ['cosmolocal_contributions', [77, 'Pending'], 'network 77 not found'],
      ['cosmolocal_network', [0, unknownBlock], `block ${unknownBlock} not found`],
    ];
    for (const [method, params, message] of cases) {
      const error = await refused(method, params);
      assert.deepEqual({ code: error.code, message: error.message }, { code: NOT_FOUND, message });
    }
  });

  test('many requests at once are all answered, too many connections are turned away, and the node goes on', async () => {
    const { number: before } = await api.rpc.chain.getHeader();
    const provider = new WsProvider(node.wsUrl);
    await provider.isReady;
    const outcome = (promise) => promise.then((result) => ({ result }), (error) => ({ error }));
    const requests = Array.from({ length: 300 }, (_, index) => outcome(index % 3 === 0
      ? provider.send('cosmolocal_pledges', [{ region: 'ES' }])
      : index % 3 === 1
        ? provider.send('cosmolocal_design', [index])
        : provider.send('cosmolocal_designs', [{ tag: 'solar' }, null, 100])));
    const answers = await Promise.all(requests);
    await provider.disconnect();
    const solar = (await api.call.designRegistryApi.designsByTag('solar', null, 100)).map((id) => id.toNumber());
    assert.ok(solar.length >= 2);
    answers.forEach((answer, index) => {
      if (index % 3 === 0) assert.equal(answer.result.items.length, 3);
      else if (index % 3 === 1) {
        if (index <= 2) assert.equal(answer.result.id, index);
        else assert.match(answer.error.message, new RegExp(`^${NOT_FOUND}: design ${index} not found`));
      } else assert.deepEqual(answer.result.items.map(({ id }) => id), solar);
    });

    // Each HTTP request is a connection; the node serves at most 100 at once (--rpc-max-connections).
    const connections = await Promise.all(Array.from({ length: 250 }, () => fetch(node.httpUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'cosmolocal_network', params: [0] }),
    }).then(async (response) => ({ status: response.status, body: await response.text() }))));
    for (const { status, body } of connections) {
      if (status === 200) assert.equal(JSON.parse(body).result.id, 0);
      else assert.deepEqual({ status, body: body.trim() }, { status: 429, body: 'Too many connections. Please try again later.' });
    }
    assert.ok(connections.some(({ status }) => status === 200));

    const bobsNonce = (await api.rpc.system.accountNextIndex(bob.address)).toNumber();
    const remark = await submit(api.tx.system.remark('still here'), bob);
    assert.equal(remark.dispatchError, undefined);
    assert.equal((await api.rpc.system.accountNextIndex(bob.address)).toNumber(), bobsNonce + 1);
    assert.ok((await api.rpc.chain.getHeader()).number.toNumber() > before.toNumber());
  });
});
