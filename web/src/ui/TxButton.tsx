// A button that signs and submits one transaction with the selected account: it shows the fee
// before signing, and after submitting either the block it went into or, when the chain refused
// it, the error's own documentation from the runtime's metadata.
//
// When the selected account is a multisig, the button sends the member's approval of the call
// instead (the first one with the call, or the next one, or the last one, which makes the call
// as the multisig), says which it is and how many approvals remain, and reports the call's own
// outcome once the last approval made it.

import type { Transaction } from 'polkadot-api';
import { useEffect, useId, useState } from 'preact/hooks';
import type { Account } from '../chain/accounts';
import type { CosmolocalApi } from '../chain/connection';
import type { ErrorDocs } from '../chain/errors';
import { multisigStep, type MultisigStep } from '../chain/multisig';
import { estimateFee, submit, type Outcome, type TxEvents } from '../chain/submit';
import { formatAmount } from '../format';
import { useSession } from '../session';

interface Props {
  label: string;
  /** The transaction to submit, or why it cannot be made yet (shown instead of the fee). */
  tx: Transaction | string;
  /** Called once the transaction is in a block and succeeded, with the events it emitted. */
  onSuccess?: (events: TxEvents, blockNumber: number) => void;
  /** Called when the user has pressed the button and the transaction is being signed and sent. */
  onSubmit?: () => void;
  /** Called when the chain refused the transaction (or it could not be sent). */
  onFailure?: () => void;
  /** A lighter look, for secondary actions. */
  secondary?: boolean;
  /**
   * Why this action can no longer be taken, for a button kept on screen after the state it was
   * offered in has passed (so that its outcome stays readable): the button is disabled.
   */
  unavailable?: string;
  /** Who signs, when not the selected account (a member approving a multisig's operation). */
  signWith?: Account;
}

type Phase =
  | { step: 'idle' }
  | { step: 'signing' }
  | { step: 'done'; outcome: Outcome }
  /** A multisig's approval went in; the call waits for `missing` more. */
  | { step: 'approved'; blockNumber: number; missing: number };

export function TxButton({ label, tx, onSuccess, onSubmit, onFailure, secondary, unavailable, signWith }: Props) {
  const session = useSession();
  const { errors, unit } = session;
  const account = signWith ?? session.account;
  const [fee, setFee] = useState<{ key: string; fee?: bigint; error?: string }>();
  const [step, setStep] = useState<{ key: string; step?: MultisigStep; error?: string }>();
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const feeId = useId();
  const key = `${typeof tx === 'string' ? tx : callKey(tx)}@${account?.id}`;
  const multisig = account?.multisig;
  /** Who pays the fee: the signer (for a multisig, the member). */
  const payer = multisig?.member ?? account;

  // A multisig's step depends on what is pending: read again at each new block.
  useEffect(() => {
    if (typeof tx === 'string' || !multisig) return undefined;
    let live = true;
    multisigStep(session.chain.api, multisig.account, multisig.member.address, tx).then(
      (next) => live && setStep({ key, step: next }),
      (error: unknown) => live && setStep({ key, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => { live = false; };
  }, [key, session.block.hash]);

  const currentStep = multisig && step?.key === key ? step : undefined;
  const sending = typeof tx === 'string' ? undefined : multisig ? currentStep?.step?.tx : tx;
  const sendingKey = sending ? `${callKey(sending)}@${account?.id}` : key;

  useEffect(() => {
    if (!sending || !payer) return undefined;
    let live = true;
    const timer = setTimeout(() => {
      estimateFee(sending, payer.address).then(
        (estimate) => live && setFee({ key: sendingKey, fee: estimate }),
        (error: unknown) => live && setFee({ key: sendingKey, error: error instanceof Error ? error.message : String(error) }),
      );
    }, 250);
    return () => { live = false; clearTimeout(timer); };
  }, [sendingKey]);

  // A changed transaction is a new one: the last one's outcome no longer applies.
  useEffect(() => { if (phase.step === 'done' || phase.step === 'approved') setPhase({ step: 'idle' }); }, [key]);

  const ready = sending !== undefined && account !== undefined && phase.step !== 'signing' && !unavailable;
  const send = async () => {
    if (!sending || !account) return;
    const taken = currentStep?.step;
    setPhase({ step: 'signing' });
    onSubmit?.();
    const outcome = await submit(sending, account.signer, errors);
    if (outcome.ok && taken && taken.kind !== 'execute') {
      setPhase({ step: 'approved', blockNumber: outcome.blockNumber, missing: taken.missing });
      return;
    }
    const made = outcome.ok ? callOutcome(session.chain.api, errors, outcome) : outcome;
    setPhase({ step: 'done', outcome: made });
    if (made.ok) onSuccess?.(made.events, made.blockNumber);
    else onFailure?.();
  };

  const currentFee = fee?.key === sendingKey ? fee : undefined;
  return (
    <div class="tx">
      <div class="tx-row">
        <button type="button" class={secondary ? 'secondary' : 'primary'} disabled={!ready} onClick={send}
          aria-describedby={feeId}>
          {phase.step === 'signing' ? 'Submitting…' : label}
        </button>
        <span class="tx-fee" id={feeId}>
          {!account ? 'Choose an account to sign with.'
            : unavailable ? unavailable
            : typeof tx === 'string' ? tx
              : currentStep?.error ? `The multisig's pending operations could not be read: ${currentStep.error}`
                : !sending ? 'Reading the multisig\'s pending operations…'
                  : currentFee?.fee !== undefined ? `Fee: ${formatAmount(currentFee.fee, unit)} (estimated), paid by ${payer?.name}`
                    : currentFee?.error ? `The fee could not be estimated: ${currentFee.error}`
                      : 'Estimating the fee…'}
        </span>
      </div>
      {multisig && currentStep?.step && phase.step !== 'approved' && (
        <p class="tx-multisig" data-testid="multisig-step">{stepInWords(currentStep.step, multisig.account.name, multisig.member.name)}</p>
      )}
      {phase.step === 'approved' && (
        <p class="tx-success" role="status">Approved in block #{phase.blockNumber}: {phase.missing} more
          {phase.missing === 1 ? ' approval' : ' approvals'} of {multisig?.account.name}'s members needed
          (they find it under Account, pending operations).</p>
      )}
      {phase.step === 'done' && (phase.outcome.ok
        ? <p class="tx-success" role="status">Done: included in block #{phase.outcome.blockNumber}.</p>
        : (
          <div class="tx-error" role="alert">
            <strong>{phase.outcome.error.name}</strong>
            <p>{phase.outcome.error.docs}</p>
          </div>
        ))}
    </div>
  );
}

/** What pressing the button does for a multisig, in words. */
function stepInWords(step: MultisigStep, multisig: string, member: string): string {
  switch (step.kind) {
    case 'first':
      return `${member} proposes this for ${multisig}: the first approval, holding a deposit from ${member} until the operation ends; ${step.missing} more ${step.missing === 1 ? 'member must' : 'members must'} approve.`;
    case 'approve':
      return `${member} approves this operation of ${multisig}, already proposed; ${step.missing} more ${step.missing === 1 ? 'approval' : 'approvals'} needed after this one.`;
    case 'execute':
      return `${member} gives the last approval: the call is made as ${multisig}.`;
  }
}

/**
 * The outcome of the call a multisig's last approval made: the approval succeeds even when the
 * call fails, and `Multisig.MultisigExecuted` carries the call's own result.
 */
function callOutcome(api: CosmolocalApi, errors: ErrorDocs, approval: Extract<Outcome, { ok: true }>): Outcome {
  const [executed] = api.event.Multisig.MultisigExecuted.filter(approval.events);
  if (!executed) return approval;
  const { result } = executed.payload;
  return result.success
    ? approval
    : { ok: false, error: errors.explain(result.value as { type: string; value: unknown }) };
}

/** A stable text for a call and its arguments, so that a re-render with the same call is no change. */
function callKey(tx: Transaction): string {
  return JSON.stringify(tx.decodedCall, (_, value: unknown) => {
    if (typeof value === 'bigint') return `${value}n`;
    if (value instanceof Uint8Array) return `0x${[...value].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
    return value;
  });
}
