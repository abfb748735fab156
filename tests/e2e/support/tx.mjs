// Submitting transactions as a wallet does.

/**
 * Signs and submits `tx`; resolves with its events, dispatch error and block hash once it is in a
 * block. `options` are Polkadot.js signing options, such as an explicit `nonce`.
 */
export function submit(tx, signer, options = {}) {
  return new Promise((resolve, reject) => {
    let unsubscribe;
    tx.signAndSend(signer, options, (result) => {
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

/**
 * A dispatch error as a wallet names it: `section.Name` for a pallet's error (such as
 * `productionPledges.NotBacker`), `Token.FundsUnavailable` or `Arithmetic.Overflow` for those
 * kinds, else the kind itself (`BadOrigin`).
 */
export function errorName(api, error) {
  if (error.isModule) {
    const { section, name } = api.registry.findMetaError(error.asModule);
    return `${section}.${name}`;
  }
  if (error.isToken) return `Token.${error.asToken.type}`;
  if (error.isArithmetic) return `Arithmetic.${error.asArithmetic.type}`;
  return error.type;
}

/**
 * Why an included extrinsic's call was refused, by `errorName`, or `null` if it was carried out.
 * A call the sudo key dispatched counts as refused when its `sudo.Sudid` event carries an error.
 */
export function refusalOf(api, { dispatchError, events }) {
  if (dispatchError) return errorName(api, dispatchError);
  const sudid = events.find(({ event }) => api.events.sudo.Sudid.is(event));
  const result = sudid?.event.data.sudoResult;
  return result?.isErr ? errorName(api, result.asErr) : null;
}

/** The data of the first event `kind` (such as `api.events.productionPledges.Backed`) in `events`. */
export function eventOf(events, kind) {
  const found = events.find(({ event }) => kind.is(event));
  if (!found) throw new Error(`no ${kind.meta.name} event`);
  return found.event.data;
}
