// Signing and submitting a transaction, and telling how it ended: included, or refused with the
// error's documentation from the metadata.

import type { PolkadotSigner, SS58String, Transaction, TxInBestBlocksFound } from 'polkadot-api';
import type { ErrorDocs, ExplainedError } from './errors';

/** The events a transaction emitted: typed ones come out of them with `api.event.<Pallet>.<Event>.filter`. */
export type TxEvents = TxInBestBlocksFound['events'];

export type Outcome =
  | { ok: true; blockNumber: number; events: TxEvents }
  | { ok: false; error: ExplainedError };

/** The fee `from` would pay for `tx`, in the chain's smallest unit. */
export function estimateFee(tx: Transaction, from: SS58String): Promise<bigint> {
  return tx.getEstimatedFees(from);
}

/** Signs `tx` with `signer`, submits it, and resolves once it is in a best block (or refused). */
export function submit(tx: Transaction, signer: PolkadotSigner, errors: ErrorDocs): Promise<Outcome> {
  return new Promise((resolve) => {
    const subscription = tx.signSubmitAndWatch(signer).subscribe({
      next(event) {
        if (event.type !== 'txBestBlocksState' || !event.found) return;
        subscription.unsubscribe();
        resolve(event.ok
          ? { ok: true, blockNumber: event.block.number, events: event.events }
          : { ok: false, error: errors.explain(event.dispatchError) });
      },
      error(error: unknown) {
        resolve({ ok: false, error: invalidTransaction(error) });
      },
    });
  });
}

/** A transaction the pool refused before any block (polkadot-api's InvalidTxError), or a signer's failure. */
function invalidTransaction(error: unknown): ExplainedError {
  const validity = (error as { error?: { type?: string; value?: { type?: string } } }).error;
  if (validity?.type) {
    const name = [validity.type, validity.value?.type].filter(Boolean).join('.');
    return { name: `Transaction refused: ${name}`, docs: 'The node refused the transaction before it reached a block; no fee was paid.' };
  }
  return { name: 'Transaction not sent', docs: error instanceof Error ? error.message : String(error) };
}
