// Follows the domain's events block by block, from a block number on, without missing a block:
// the finalized-heads subscription may skip heads (several blocks can be finalized at once, and a
// busy node drops notifications), so each new finalized head only says how far to read, and every
// block from the last one handled up to it is read by number.
//
//   node tests/scripts/follow-events.mjs [ws://127.0.0.1:9944] [first block]
//
// prints one line per event of the three domain pallets: `block section.method {data}`.

import { ApiPromise, WsProvider } from '@polkadot/api';
import { fileURLToPath } from 'node:url';

const DOMAIN = ['designRegistry', 'productionPledges', 'contributiveAccounting'];

/**
 * Calls `onBlock(number, hash, events)` for every finalized block from `from` on, in order, each
 * once; returns a function that stops following. Store the last number handled with what you
 * derived from it, and pass the next one as `from` when you start again.
 */
export async function followFinalizedBlocks(api, from, onBlock) {
  let next = from;
  let target = -1;
  let reading = false;
  // One reader at a time: a head that arrives while it reads only moves the target. A block that
  // fails to be read or handled is tried again at the next head.
  const read = async () => {
    reading = true;
    try {
      while (next <= target) {
        const hash = await api.rpc.chain.getBlockHash(next);
        const events = await (await api.at(hash)).query.system.events();
        await onBlock(next, hash, events);
        next += 1;
      }
    } catch (error) {
      console.error(`block ${next}: ${error.message}; trying again at the next finalized head`);
    } finally {
      reading = false;
    }
  };
  return api.rpc.chain.subscribeFinalizedHeads((header) => {
    target = Math.max(target, header.number.toNumber());
    if (!reading) read();
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [url = 'ws://127.0.0.1:9944', first = '1'] = process.argv.slice(2);
  const api = await ApiPromise.create({ provider: new WsProvider(url), noInitWarn: true });
  await followFinalizedBlocks(api, Number(first), (number, _hash, events) => {
    for (const { event } of events) {
      if (DOMAIN.includes(event.section)) {
        console.log(number, `${event.section}.${event.method}`, JSON.stringify(event.data.toHuman()));
      }
    }
  });
}
