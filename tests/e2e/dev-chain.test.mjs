// A dev node, driven by a real client: blocks are produced and finalized, a signed transfer is
// included with the expected events and balances, and the RPC methods wallets rely on answer.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { merkleizeMetadata } from '@polkadot-api/merkleize-metadata';
import { u8aToHex } from '@polkadot/util';
import { mnemonicGenerate } from '@polkadot/util-crypto';

import { rpc, startDevNode, waitFor } from './support/node.mjs';

const SS58_PREFIX = 4242;
const UNITS = 10n ** 12n;

/** Submits `tx` signed by `signer` and resolves once its block is finalized. */
function submitAndFinalize(tx, signer, options = {}) {
  return new Promise((resolve, reject) => {
    let unsubscribe;
    tx.signAndSend(signer, options, (result) => {
      if (result.isError) {
        reject(new Error(`transaction failed: ${result.status.type}`));
      } else if (result.status.isFinalized) {
        unsubscribe?.();
        resolve({ blockHash: result.status.asFinalized.toHex(), events: result.events });
      }
    }).then((unsub) => { unsubscribe = unsub; }, reject);
  });
}

describe('dev chain', () => {
  let node;
  let api;
  let alice;

  before(async () => {
    node = await startDevNode({ name: 'dev-chain' });
    api = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true });
    alice = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX }).addFromUri('//Alice');
  });

  after(async () => {
    await api?.disconnect();
    await node?.stop();
  });

  test('produces and finalizes blocks', async () => {
    const finalized = await waitFor('block 2 to be finalized', async () => {
      const hash = await api.rpc.chain.getFinalizedHead();
      const header = await api.rpc.chain.getHeader(hash);
      return header.number.toNumber() >= 2 ? header.number.toNumber() : null;
    });
    const best = (await api.rpc.chain.getHeader()).number.toNumber();
    assert.ok(best >= finalized, `best ${best} is at or above finalized ${finalized}`);
  });

  test('tells wallets the token and the address format', async () => {
    const properties = await rpc(node.httpUrl, 'system_properties');
    assert.deepEqual(properties, { ss58Format: SS58_PREFIX, tokenDecimals: 12, tokenSymbol: 'CML' });
    assert.equal(api.runtimeVersion.specName.toString(), 'cosmolocal');
    assert.equal((await api.rpc.system.chain()).toString(), 'Cosmolocal Development');
  });

  test('serves nonce, fee and GRANDPA queries besides the standard methods', async () => {
    const { methods } = await rpc(node.httpUrl, 'rpc_methods');
    for (const method of [
      'system_accountNextIndex', 'system_dryRun', 'payment_queryInfo', 'payment_queryFeeDetails',
      'state_call', 'author_submitExtrinsic', 'chain_subscribeFinalizedHeads',
      'grandpa_roundState', 'grandpa_proveFinality', 'grandpa_subscribeJustifications',
    ]) {
      assert.ok(methods.includes(method), `rpc_methods lists ${method}`);
    }
    const round = await waitFor('a GRANDPA round to report', async () => {
      const state = await rpc(node.httpUrl, 'grandpa_roundState');
      return state.best.round > 0 && state;
    });
    assert.equal(round.setId, 0);
    assert.equal(round.best.totalWeight, 1, 'one validator, Alice, of weight 1');
  });

  test('includes a signed transfer, with its events and exact balances', async () => {
    const recipient = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX })
      .addFromMnemonic(mnemonicGenerate());
    const amount = 25n * UNITS + 123n;
    const nonceBefore = (await rpc(node.httpUrl, 'system_accountNextIndex', [alice.address]));
    const aliceBefore = (await api.query.system.account(alice.address)).data.free.toBigInt();

    const transfer = api.tx.balances.transferKeepAlive(recipient.address, amount);
    const estimate = await transfer.paymentInfo(alice);
    assert.ok(estimate.partialFee.toBigInt() > 0n, 'a transfer has a fee');

    const { blockHash, events } = await submitAndFinalize(transfer, alice);

    const named = events.map(({ event }) => `${event.section}.${event.method}`);
    assert.ok(named.includes('system.ExtrinsicSuccess'), `events: ${named}`);
    const transferred = events.find(({ event }) => api.events.balances.Transfer.is(event));
    assert.ok(transferred, `a Transfer event among ${named}`);
    const [from, to, value] = transferred.event.data;
    assert.equal(from.toString(), alice.address);
    assert.equal(to.toString(), recipient.address);
    assert.equal(value.toBigInt(), amount);
    const feePaid = events.find(({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event));
    assert.ok(feePaid, `a TransactionFeePaid event among ${named}`);
    const [who, actualFee, tip] = feePaid.event.data;
    assert.equal(who.toString(), alice.address);
    assert.equal(tip.toBigInt(), 0n);
    assert.ok(actualFee.toBigInt() > 0n && actualFee.toBigInt() <= estimate.partialFee.toBigInt(),
      `fee ${actualFee} within the estimate ${estimate.partialFee}`);

    // Balances, read at the block that included the transfer, to the unit.
    const at = await api.at(blockHash);
    const recipientAfter = (await at.query.system.account(recipient.address)).data.free.toBigInt();
    const aliceAfter = (await at.query.system.account(alice.address)).data.free.toBigInt();
    assert.equal(recipientAfter, amount);
    assert.equal(aliceBefore - aliceAfter, amount + actualFee.toBigInt());
    assert.equal(await rpc(node.httpUrl, 'system_accountNextIndex', [alice.address]), nonceBefore + 1);
  });

  test('checks the metadata hash a wallet signs with', async () => {
    const metadata = await rpc(node.httpUrl, 'state_call', ['Metadata_metadata_at_version', '0x0f000000']);
    // The runtime API returns Option<OpaqueMetadata>: skip the option byte and the length prefix.
    const opaque = api.createType('Option<OpaqueMetadata>', metadata).unwrap();
    const merkleized = merkleizeMetadata(opaque.toU8a(true), {
      decimals: 12,
      tokenSymbol: 'CML',
      base58Prefix: SS58_PREFIX,
      specName: api.runtimeVersion.specName.toString(),
      specVersion: api.runtimeVersion.specVersion.toNumber(),
    });
    const metadataHash = u8aToHex(merkleized.digest());

    const bob = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX }).addFromUri('//Bob');
    const { events } = await submitAndFinalize(
      api.tx.system.remark('0x636f736d6f6c6f63616c'), alice, { mode: 1, metadataHash },
    );
    assert.ok(events.some(({ event }) => api.events.system.ExtrinsicSuccess.is(event)));

    // The same transaction signed against another metadata hash is refused by the pool.
    const wrongHash = `0x${'11'.repeat(32)}`;
    await assert.rejects(
      api.tx.system.remark('0x00').signAndSend(bob, { mode: 1, metadataHash: wrongHash }),
      /bad signature|Invalid Transaction/i,
    );
  });

  test('exposes Prometheus metrics', async () => {
    const metrics = await (await fetch(node.prometheusUrl)).text();
    const height = metrics.split('\n')
      .find((line) => line.startsWith('substrate_block_height{status="finalized"'));
    assert.ok(height, 'a finalized block height metric');
    assert.ok(Number(height.split(' ').pop()) >= 1);
  });
});
