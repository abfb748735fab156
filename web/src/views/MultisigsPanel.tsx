// The multisig cooperatives this browser keeps: adding one (its members and threshold), and for
// each its balance, its members and its pending operations, with an approval for each of the
// user's accounts that is a member and has not approved yet, and a cancel for the member who
// proposed it.

import { getSs58AddressInfo } from '@polkadot-api/substrate-bindings';
import { useState } from 'preact/hooks';
import type { Account } from '../chain/accounts';
import {
  callOfOperation, multisigAddress, otherSignatories, pendingOperations, sameAccount,
  type MultisigAccount, type PendingOperation,
} from '../chain/multisig';
import { withPrefix } from '../chain/accounts';
import { nativeBalance } from '../chain/queries';
import { formatAmount } from '../format';
import { useChainData, useSession } from '../session';
import { Address, Field, Show } from '../ui/common';
import { TxButton } from '../ui/TxButton';

/** pallet-multisig's `MaxSignatories` in this runtime. */
const MAX_SIGNATORIES = 100;

export function MultisigsPanel() {
  const { multisigs } = useSession();
  return (
    <div class="panel" data-testid="multisigs">
      <h2>Multisig accounts</h2>
      <p class="field-hint">A multisig account belongs to several members and acts only when enough of
        them approve. Choose it under <em>Account to sign with</em> (signed by one of its members) to
        propose an operation as the multisig; the other members approve it here. The chain does not
        record a multisig's members: each member adds it once in their own browser.</p>
      {multisigs.length === 0 && <p class="muted">No multisig kept in this browser yet.</p>}
      {multisigs.map((multisig) => <MultisigEntry key={multisig.address} multisig={multisig} />)}
      <AddMultisigForm />
    </div>
  );
}

function MultisigEntry({ multisig }: { multisig: MultisigAccount }) {
  const session = useSession();
  const { unit } = session;
  const data = useChainData(async ({ chain: { api, client }, block }, at) => {
    const [balance, operations] = await Promise.all([
      nativeBalance(api, multisig.address, at), pendingOperations(api, multisig.address, at),
    ]);
    const withCalls = await Promise.all(operations.map(async (operation) => {
      const call = await callOfOperation(client, api, operation, { hash: at, number: block.number })
        .catch(() => undefined);
      const weight = call ? (await call.getPaymentInfo(multisig.address)).weight : undefined;
      return { operation, call, weight };
    }));
    return { balance, operations: withCalls };
  }, [multisig.address]);
  return (
    <section class="multisig" data-multisig={multisig.address}>
      <h3>{multisig.name} <span class="badge">{multisig.threshold} of {multisig.signatories.length}</span></h3>
      <p><code class="wrap">{multisig.address}</code></p>
      <p>Members: {multisig.signatories.map((signatory, index) => (
        <span key={signatory}>{index > 0 && ', '}<Address address={signatory} /></span>
      ))}</p>
      <Show loaded={data} render={({ balance, operations }) => (
        <>
          <p>Free balance: <strong>{formatAmount(balance.free, unit)}</strong>; held: {formatAmount(balance.reserved, unit)}.</p>
          <h4>Pending operations</h4>
          {operations.length === 0
            ? <p class="muted">Nothing waits for approval.</p>
            : (
              <ul class="operations">
                {operations.map(({ operation, call, weight }) => (
                  <Operation key={operation.callHash} multisig={multisig} operation={operation}
                    call={call} weight={weight} />
                ))}
              </ul>
            )}
        </>
      )} />
      <button type="button" class="secondary" onClick={() => session.forgetMultisig(multisig.address)}>
        Forget {multisig.name} in this browser
      </button>
    </section>
  );
}

type Call = Awaited<ReturnType<typeof callOfOperation>>;

function Operation({ multisig, operation, call, weight }: {
  multisig: MultisigAccount; operation: PendingOperation; call: Call;
  weight: { ref_time: bigint; proof_size: bigint } | undefined;
}) {
  const session = useSession();
  const { api } = session.chain;
  const { unit } = session;
  const own = session.accounts.filter((account) => !account.multisig);
  const members = own.filter((account) => multisig.signatories.some((signatory) => sameAccount(signatory, account.address)));
  const approvers = members.filter((member) => !operation.approvals.some((approval) => sameAccount(approval, member.address)));
  const depositor = members.find((member) => sameAccount(member.address, operation.depositor));
  const last = operation.approvals.length + 1 >= multisig.threshold;
  const approval = (member: Account) => {
    const common = {
      threshold: multisig.threshold,
      other_signatories: otherSignatories(multisig, member.address),
      maybe_timepoint: operation.when,
    };
    if (!last) {
      return api.tx.Multisig.approve_as_multi({
        ...common, call_hash: operation.callHash, max_weight: { ref_time: 0n, proof_size: 0n },
      });
    }
    if (!call || !weight) {
      return 'The call was not found on chain (its first approval gave only its hash): the member who proposed it must give the last approval, or make it again.';
    }
    return api.tx.Multisig.as_multi({ ...common, call: call.decodedCall, max_weight: weight });
  };
  const decoded = call?.decodedCall as { type: string; value: { type: string } } | undefined;
  return (
    <li class="operation" data-operation={operation.callHash}>
      <p>
        <strong data-testid="operation-call">{decoded ? `${decoded.type}.${decoded.value.type}` : 'A call not found on chain'}</strong>
        {' '}proposed by <Address address={operation.depositor} /> in block #{operation.when.height},
        {' '}approved by <span data-testid="operation-approvals">{operation.approvals.length} of {multisig.threshold}</span>
        {' '}({operation.approvals.map((approver, index) => (
          <span key={approver}>{index > 0 && ', '}<Address address={approver} /></span>
        ))}); deposit {formatAmount(operation.deposit, unit)}, returned to its proposer when the operation ends.
      </p>
      <p class="muted wrap">Call hash <code>{operation.callHash}</code></p>
      {approvers.map((member) => (
        <TxButton key={member.id} signWith={member} tx={approval(member)}
          label={last ? `Approve as ${member.name} and make the call` : `Approve as ${member.name}`} />
      ))}
      {depositor && (
        <TxButton secondary signWith={depositor} label={`Cancel (as ${depositor.name}, who proposed it)`}
          tx={api.tx.Multisig.cancel_as_multi({
            threshold: multisig.threshold,
            other_signatories: otherSignatories(multisig, depositor.address),
            timepoint: operation.when,
            call_hash: operation.callHash,
          })} />
      )}
    </li>
  );
}

function AddMultisigForm() {
  const session = useSession();
  const { ss58Format } = session.chain.info;
  const [name, setName] = useState('');
  const [threshold, setThreshold] = useState('2');
  const [members, setMembers] = useState('');
  const addresses = [...new Set(members.split(/[\s,;]+/).filter(Boolean))];
  const invalid = addresses.filter((address) => !getSs58AddressInfo(address).isValid);
  const count = Number(threshold);
  const problem = !name.trim() ? 'Give the multisig a name (kept in this browser only).'
    : invalid.length ? `Not an address: ${invalid.join(', ')}.`
      : addresses.length < 2 ? 'A multisig has at least two members.'
        : addresses.length > MAX_SIGNATORIES ? `A multisig has at most ${MAX_SIGNATORIES} members.`
          : !Number.isInteger(count) || count < 2 || count > addresses.length
            ? `The threshold is a whole number from 2 to the number of members (${addresses.length}).`
            : undefined;
  const signatories = problem ? [] : addresses.map((address) => withPrefix(address, ss58Format));
  const address = problem ? undefined : multisigAddress(signatories, count, ss58Format);
  return (
    <form class="form" onSubmit={(event) => {
      event.preventDefault();
      if (problem) return;
      session.addMultisig({ name: name.trim(), threshold: count, signatories });
      setName(''); setMembers('');
    }}>
      <h3>Add a multisig</h3>
      <Field label="Name">
        <input name="multisig-name" value={name} maxLength={60}
          onInput={(event) => setName((event.target as HTMLInputElement).value)} />
      </Field>
      <Field label="Members" hint="Every member's address (yours too), one per line: the same members and threshold give the same account.">
        <textarea name="multisig-members" rows={4} value={members} spellcheck={false}
          onInput={(event) => setMembers((event.target as HTMLTextAreaElement).value)} />
      </Field>
      <Field label="Threshold" hint="How many members must approve each operation.">
        <input name="multisig-threshold" type="number" min={2} max={MAX_SIGNATORIES} value={threshold}
          onInput={(event) => setThreshold((event.target as HTMLInputElement).value)} />
      </Field>
      <p class="field-hint wrap" data-testid="multisig-address">{problem ?? <>Its address: <code>{address}</code></>}</p>
      <button type="submit" class="primary" disabled={problem !== undefined}>Add the multisig</button>
    </form>
  );
}
