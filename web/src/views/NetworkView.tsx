// One value network: its rules, its revenue, what the selected account has in it, logging a
// contribution, and the stewards' review queue.

import { Binary, Enum } from 'polkadot-api';
import { useState } from 'preact/hooks';
import { networkPage, type NetworkPage } from '../chain/queries';
import type { Contribution, ContributionKind, ContributionKindName } from '../chain/types';
import { formatPerbill, text } from '../format';
import { useChainData, useSession, type Session } from '../session';
import { Address, amountIn, assetLabel, Field, Show } from '../ui/common';
import { CONTRIBUTION_KIND_LABELS, CONTRIBUTION_KINDS, VALUE_EQUATION_LABELS } from '../ui/labels';
import { TxButton } from '../ui/TxButton';

export function NetworkView({ id }: { id: number }) {
  const session = useSession();
  const page = useChainData(({ chain, account }, at) => networkPage(chain.api, id, account?.address, at), [id]);
  return (
    <Show loaded={page} render={(found) => {
      if (!found) return <p class="error">There is no value network #{id}. <a href="#/networks">See the networks.</a></p>;
      const { network, revenue, mine } = found;
      return (
        <article class="network">
          <p class="crumbs"><a href="#/networks">Value networks</a> ›</p>
          <h1>{text(network.name)} <span class="muted">#{id}</span></h1>
          <dl class="facts">
            {network.design !== undefined && <>
              <dt>Design</dt>
              <dd><a href={`#/designs/${network.design}`}>{found.designName ? text(found.designName) : `design #${network.design}`}</a>
                {' '}(its stewards are the design's maintainers)</dd>
            </>}
            <dt>Stewards</dt>
            <dd><ul class="plain">{network.stewards.map((steward) => <li key={steward}><Address address={steward} /></li>)}</ul></dd>
            <dt>Approval threshold</dt><dd>{network.approval_threshold} of {network.stewards.length}</dd>
            <dt>Value equation</dt><dd>{VALUE_EQUATION_LABELS[network.equation.type]}</dd>
            <dt>Points</dt><dd data-testid="total-points">{network.total_points.toLocaleString('en-US')}</dd>
          </dl>

          <h2>Revenue</h2>
          {revenue.length === 0
            ? <p class="muted">No revenue yet: the commons share of settled pledges and donations arrive here.</p>
            : (
              <div class="table-scroll">
                <table class="table" data-testid="revenue">
                  <thead><tr><th>Asset</th><th>Received</th><th>Claimed</th><th>Waiting for points</th></tr></thead>
                  <tbody>
                    {revenue.map(([asset, pool]) => (
                      <tr key={assetLabel(asset, session.unit)}>
                        <td>{assetLabel(asset, session.unit)}</td>
                        <td data-testid="received">{amountIn(asset, pool.received, session.unit)}</td>
                        <td>{amountIn(asset, pool.claimed, session.unit)}</td>
                        <td>{amountIn(asset, pool.waiting, session.unit)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}

          <h2>You</h2>
          <div class="panel" data-testid="your-share">
            {!session.account ? <p class="muted">Choose an account.</p>
              : mine ? <Membership id={id} mine={mine} session={session} />
                : <p class="muted">{session.account.name} is not a member: an accepted contribution makes you one.</p>}
          </div>

          <h2>Log a contribution</h2>
          <LogContribution id={id} maxEvidence={found.maxEvidence} />

          <h2>Waiting for review</h2>
          <Review page={found} id={id} session={session} />

          <h2>Accepted contributions</h2>
          {found.accepted.length === 0
            ? <p class="muted">None yet.</p>
            : (
              <ul class="contributions" aria-label="Accepted contributions">
                {found.accepted.map(([contributionId, contribution]) => (
                  <li key={String(contributionId)} class="card" data-contribution={String(contributionId)}>
                    <ContributionSummary id={contributionId} contribution={contribution} />
                    <div class="card-meta">{contribution.points.toLocaleString('en-US')} points</div>
                  </li>
                ))}
              </ul>
            )}
        </article>
      );
    }} />
  );
}

function Membership({ id, mine, session }: { id: number; mine: NonNullable<NetworkPage['mine']>; session: Session }) {
  return (
    <>
      <p>{session.account?.name}: <strong>{mine.points.toLocaleString('en-US')} points</strong>, {formatPerbill(mine.share)} of the network's points.</p>
      {mine.claimable.length === 0
        ? <p class="muted">Nothing to claim now: points share the revenue that arrives after they are accepted.</p>
        : mine.claimable.map(([asset, amount]) => (
          <TxButton key={assetLabel(asset, session.unit)} label={`Claim ${amountIn(asset, amount, session.unit)}`}
            tx={session.chain.api.tx.ContributiveAccounting.claim({ network: id, asset })} />
        ))}
    </>
  );
}

function LogContribution({ id, maxEvidence }: { id: number; maxEvidence: number }) {
  const { chain } = useSession();
  const [kind, setKind] = useState<ContributionKindName>('Testing');
  const [quantity, setQuantity] = useState('1');
  const [evidence, setEvidence] = useState('');
  const count = Number(quantity);
  const tx = !Number.isInteger(count) || count < 1 ? 'Give the quantity: hours, units or an amount, as the network agrees.'
    : !evidence.trim() ? 'Give evidence of the work (a URI or CID).'
      : chain.api.tx.ContributiveAccounting.log_contribution({
        network: id, kind: Enum(kind) as ContributionKind, quantity: count, evidence: Binary.fromText(evidence.trim()),
      });
  return (
    <form class="form" onSubmit={(event) => event.preventDefault()}>
      <p class="field-hint">The network's stewards review it; accepted, it becomes points: the quantity times
        the weight of its kind. A deposit is held until it is reviewed or withdrawn.</p>
      <div class="row">
        <Field label="Kind">
          <select name="kind" value={kind} onChange={(event) => setKind((event.target as HTMLSelectElement).value as ContributionKindName)}>
            {CONTRIBUTION_KINDS.map((option) => <option key={option} value={option}>{CONTRIBUTION_KIND_LABELS[option]}</option>)}
          </select>
        </Field>
        <Field label="Quantity">
          <input name="quantity" type="number" min={1} step={1} value={quantity}
            onInput={(event) => setQuantity((event.target as HTMLInputElement).value)} />
        </Field>
        <Field label="Evidence (URI or CID)">
          <input name="evidence" value={evidence} maxLength={maxEvidence} placeholder="ipfs://…"
            onInput={(event) => setEvidence((event.target as HTMLInputElement).value)} />
        </Field>
      </div>
      <TxButton label="Log the contribution" tx={tx} onSuccess={() => { setEvidence(''); setQuantity('1'); }} />
    </form>
  );
}

/** The pending contributions, with what the selected account may do with each. */
function Review({ page, id, session }: { page: NetworkPage; id: number; session: Session }) {
  const { network, pending } = page;
  const tx = session.chain.api.tx.ContributiveAccounting;
  const me = session.account?.address;
  const steward = me !== undefined && network.stewards.includes(me);
  if (pending.length === 0) return <p class="muted">No contribution is waiting for review.</p>;
  return (
    <ul class="contributions" aria-label="Contributions waiting for review" data-network={id}>
      {pending.map(([contributionId, contribution]) => {
        const own = contribution.contributor === me;
        const reviewed = me !== undefined && (contribution.approvals.includes(me) || contribution.rejections.includes(me));
        const others = network.stewards.filter((s) => s !== contribution.contributor).length;
        const needed = Math.min(network.approval_threshold, Math.max(others, 1));
        return (
          <li key={String(contributionId)} class="card" data-contribution={String(contributionId)}>
            <ContributionSummary id={contributionId} contribution={contribution} />
            <div class="card-meta">
              {contribution.approvals.length} of {needed} approvals · {contribution.rejections.length} rejections
            </div>
            {steward && !own && !reviewed && (
              <div class="actions">
                <TxButton label="Accept" tx={tx.review_contribution({ contribution: contributionId, approve: true })} />
                <TxButton label="Reject" secondary tx={tx.review_contribution({ contribution: contributionId, approve: false })} />
              </div>
            )}
            {steward && own && others === 0 && (
              <p class="field-hint">You are the network's only steward: your own contribution waits until another steward joins.</p>
            )}
            {reviewed && <p class="field-hint">You have reviewed it.</p>}
            {own && (
              <TxButton label="Withdraw it" secondary tx={tx.withdraw_contribution({ contribution: contributionId })} />
            )}
          </li>
        );
      })}
    </ul>
  );
}

function ContributionSummary({ id, contribution }: { id: bigint; contribution: Contribution }) {
  return (
    <>
      <div class="card-title">
        {CONTRIBUTION_KIND_LABELS[contribution.kind.type]}: {contribution.quantity.toLocaleString('en-US')}
        <span class="muted"> #{String(id)}</span>
      </div>
      <div class="card-meta">by <Address address={contribution.contributor} /></div>
      <div class="card-meta wrap">evidence <code>{text(contribution.evidence)}</code></div>
    </>
  );
}
