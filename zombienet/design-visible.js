// A zombienet `js-script` (CommonJS, run by the test runner inside zombienet):
//
//   rpc: js-script ./design-visible.js with "alice" return is equal to 1 within 240 seconds
//
// Registers a design through the node named in the argument (a validator, here alice), waits
// until the block that holds it is finalized, then reads the design back through the node the
// line names (the RPC-only full node): at that node's finalized head, in the block the
// validator finalized. Returns 1 when the full node shows the same design in the same block;
// throws, with what it saw, otherwise.
//
// The Polkadot.js classes come from zombienet (`zombie.ApiPromise`, `zombie.Keyring`), so the
// script needs no package of its own.

/* global zombie */

const MANIFEST = 'ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi';

/** Resolves once `tx`, signed by `signer`, is in a finalized block: `{ blockHash, events }`. */
function submitFinalized(tx, signer) {
  return new Promise((resolve, reject) => {
    let unsubscribe;
    tx.signAndSend(signer, (result) => {
      if (result.isError) reject(new Error(`the transaction failed: ${result.status.type}`));
      if (result.status.isFinalized) {
        if (unsubscribe) unsubscribe();
        resolve({ blockHash: result.status.asFinalized, events: result.events,
          dispatchError: result.dispatchError });
      }
    }).then((unsub) => { unsubscribe = unsub; }, reject);
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function run(nodeName, networkInfo, args) {
  const submitter = (args && args[0]) || 'alice';
  const { ApiPromise, WsProvider, Keyring } = zombie;
  const connect = (name) => ApiPromise.create({
    provider: new WsProvider(networkInfo.nodesByName[name].wsUri), noInitWarn: true,
  });
  const [through, reader] = await Promise.all([connect(submitter), connect(nodeName)]);
  try {
    const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
    // A name of its own, so that a rerun on the same network cannot find an older design.
    const name = `Zombienet dryer ${Date.now()}`;
    const tx = through.tx.designRegistry.registerDesign(
      name,
      { hardware: 'CERN-OHL-S-2.0', documentation: 'CC-BY-SA-4.0', software: null },
      ['solar', 'food'],
      ['Woodworking', 'Assembly'],
      MANIFEST,
      `0x${'ab'.repeat(32)}`,
      '1.0.0',
      null,
    );
    const { blockHash, events, dispatchError } = await submitFinalized(tx, alice);
    if (dispatchError) throw new Error(`registerDesign refused: ${dispatchError.toString()}`);
    const registered = events.find(({ event }) =>
      through.events.designRegistry.DesignRegistered.is(event));
    if (!registered) throw new Error('no DesignRegistered event');
    const design = registered.event.data.design.toNumber();
    const number = (await through.rpc.chain.getHeader(blockHash)).number.toNumber();
    console.log(`design ${design} registered through ${submitter} in block #${number} ` +
      `${blockHash.toHex()}, finalized there`);

    // The full node follows: wait until it has finalized that height too.
    let finalized;
    for (;;) {
      finalized = await reader.rpc.chain.getFinalizedHead();
      if ((await reader.rpc.chain.getHeader(finalized)).number.toNumber() >= number) break;
      await sleep(1000);
    }
    const hashThere = await reader.rpc.chain.getBlockHash(number);
    if (hashThere.toHex() !== blockHash.toHex()) {
      throw new Error(`${nodeName} finalized ${hashThere.toHex()} at #${number}, ` +
        `${submitter} finalized ${blockHash.toHex()}`);
    }
    const stored = await reader.query.designRegistry.designs.at(finalized, design);
    if (stored.isNone) throw new Error(`${nodeName} has no design ${design} at its finalized head`);
    const seen = stored.unwrap().name.toUtf8();
    if (seen !== name) throw new Error(`${nodeName} shows design ${design} as "${seen}", not "${name}"`);
    console.log(`${nodeName} shows design ${design} ("${seen}") at its finalized head`);
    return 1;
  } finally {
    await Promise.all([through.disconnect(), reader.disconnect()]);
  }
}

module.exports = { run };
