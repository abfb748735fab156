// The integrator guide's event follower (tests/scripts/follow-events.mjs) hands every finalized
// block to its handler once and in order, even when finalized heads skip blocks, arrive while it
// is still reading, or a read fails.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiPromise, WsProvider } from '@polkadot/api';

import { followFinalizedBlocks } from '../scripts/follow-events.mjs';
import { startDevNode, waitFor } from './support/node.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A client of the three RPC calls the follower makes, whose finalized heads the test announces
 * with `finalize(number)`; `failOnce` is a block number whose first read fails.
 */
function scriptedClient({ failOnce }) {
  let announce = null;
  let failed = false;
  const api = {
    rpc: {
      chain: {
        getBlockHash: async (number) => {
          await sleep(5);
          if (number === failOnce && !failed) {
            failed = true;
            throw new Error('the connection dropped');
          }
          return `0x${number.toString(16).padStart(64, '0')}`;
        },
        subscribeFinalizedHeads: async (callback) => {
          announce = callback;
          return () => { announce = null; };
        },
      },
    },
    at: async (hash) => ({ query: { system: { events: async () => [`events of ${hash}`] } } }),
  };
  const finalize = (number) => announce({ number: { toNumber: () => number } });
  return { api, finalize };
}

describe('the event follower of the integrator guide', () => {
  test('heads that skip blocks, heads that arrive during a read and a failed read lose no block '
    + 'and repeat none', async () => {
    const { api, finalize } = scriptedClient({ failOnce: 5 });
    const handled = [];
    const errors = [];
    const consoleError = console.error;
    console.error = (message) => errors.push(message);
    try {
      await followFinalizedBlocks(api, 1, async (number, hash, events) => {
        assert.equal(hash, `0x${number.toString(16).padStart(64, '0')}`);
        assert.deepEqual(events, [`events of ${hash}`]);
        handled.push(number);
      });
      finalize(3);
      finalize(7); // while blocks 1 to 3 are being read: only moves the target
      finalize(6); // late and lower: changes nothing
      await waitFor('blocks up to 4, then the failure at 5', async () => errors.length === 1,
        { timeoutMs: 5_000, intervalMs: 5 });
      assert.deepEqual(handled, [1, 2, 3, 4]);
      assert.match(errors[0], /^block 5: the connection dropped; trying again at the next finalized head$/);
      finalize(9); // two blocks more at once: block 5 is read again, then 6 to 9
      await waitFor('block 9', async () => handled.at(-1) === 9, { timeoutMs: 5_000, intervalMs: 5 });
      await sleep(50);
      assert.deepEqual(handled, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
      assert.equal(errors.length, 1);
    } finally {
      console.error = consoleError;
    }
  });

  describe('on a dev node', () => {
    let node;
    let api;
    before(async () => {
      node = await startDevNode({ name: 'follow-events' });
      api = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true });
    });
    after(async () => {
      await api?.disconnect();
      await node?.stop();
    });

    test('a handler slower than the chain still gets every finalized block once, in order',
      async () => {
        const handled = [];
        let finalizedMeanwhile = 0;
        const unsubscribe = await followFinalizedBlocks(api, 1, async (number, hash, events) => {
          assert.equal((await api.rpc.chain.getBlockHash(number)).toHex(), hash.toHex());
          assert.ok(events.length > 0, 'every block has at least its timestamp event');
          if (number === 1) {
            // Busy for two blocks' time: the chain finalizes several blocks meanwhile.
            await sleep(14_000);
            const head = await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead());
            finalizedMeanwhile = head.number.toNumber();
          }
          handled.push(number);
        });
        try {
          await waitFor('the follower to reach block 5', async () => handled.length >= 5,
            { timeoutMs: 120_000 });
        } finally {
          unsubscribe();
        }
        assert.ok(finalizedMeanwhile >= 3,
          `blocks 2 to ${finalizedMeanwhile} were finalized while block 1 was handled`);
        assert.deepEqual(handled, Array.from({ length: handled.length }, (_, i) => i + 1));
      });
  });
});
