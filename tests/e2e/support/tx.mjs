// Submitting transactions as a wallet does.

/**
 * Signs and submits `tx`; resolves with its events, dispatch error and block hash once it is in a
 * block.
 */
export function submit(tx, signer) {
  return new Promise((resolve, reject) => {
    let unsubscribe;
    tx.signAndSend(signer, (result) => {
      if (result.isError) reject(new Error(`transaction failed: ${result.status.type}`));
      if (result.status.isInBlock) {
        unsubscribe?.();
        resolve({
          events: result.events,
          dispatchError: result.dispatchError,
          blockHash: result.status.asInBlock,
        });
      }
    }).then((unsub) => { unsubscribe = unsub; }, reject);
  });
}

/** Submits `tx` and fails with the module error's name if it is refused. */
export async function submitOk(api, tx, signer) {
  const outcome = await submit(tx, signer);
  if (outcome.dispatchError) {
    const error = outcome.dispatchError.isModule
      ? api.registry.findMetaError(outcome.dispatchError.asModule)
      : { section: 'dispatch', name: outcome.dispatchError.toString() };
    throw new Error(`refused: ${error.section}.${error.name}`);
  }
  return outcome.events;
}

/** The data of the first event `kind` (such as `api.events.productionPledges.Backed`) in `events`. */
export function eventOf(events, kind) {
  const found = events.find(({ event }) => kind.is(event));
  if (!found) throw new Error(`no ${kind.meta.name} event`);
  return found.event.data;
}
