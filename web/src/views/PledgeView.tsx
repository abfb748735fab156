// One pledge: how far its funding is, its deadlines as dates, and what the selected account may
// do with it now.

import type { Transaction } from 'polkadot-api';
import { Binary } from 'polkadot-api';
import { useEffect, useState } from 'preact/hooks';
import { pledgePage, type PledgePage } from '../chain/queries';
import { formatAmount, formatDate, formatPermill, text, timeFromNow } from '../format';
import { useChainData, useSession, type Session } from '../session';
import { Address, Show } from '../ui/common';
import { PLEDGE_STATE_LABELS } from '../ui/labels';
import { TxButton } from '../ui/TxButton';

export function PledgeView({ id }: { id: number }) {
  const session = useSession();
  const page = useChainData(({ chain, account, unit }, at) =>
    pledgePage(chain.api, id, account?.address, unit, at), [id]);
  return (
    <Show loaded={page} render={(found) => {
      if (!found) {
        return <p class="error">There is no open pledge #{id}: it does not exist, or it ended and every
          backer has claimed. <a href="#/pledges">See the pledges.</a></p>;
      }
      const { pledge, design, producer, unit } = found;
      const { terms } = pledge;
      return (
        <article class="pledge">
          <div class="view-head">
            <h1>Pledge #{id}: {terms.quantity} × {design ? <a href={`#/designs/${terms.design}`}>{text(design.name)}</a> : `design #${terms.design}`}</h1>
            <span class={`badge state-${pledge.state.type.toLowerCase()}`} data-testid="pledge-state">
              {PLEDGE_STATE_LABELS[pledge.state.type]}
            </span>
          </div>
          <p class="lead">
            By {producer ? <strong>{text(producer.name)}</strong> : <Address address={pledge.producer} />} in <code>{text(pledge.region)}</code>,
            version {terms.version} of the design, at {formatAmount(terms.unit_price, unit)} a unit.
          </p>
          <Progress backed={pledge.backed_units} minimum={terms.min_quantity} quantity={terms.quantity} />
          <dl class="facts">
            <dt>Funding deadline</dt><dd><Deadline block={terms.funding_deadline} session={session} /></dd>
            <dt>Delivery deadline</dt><dd><Deadline block={terms.delivery_deadline} session={session} /></dd>
            {pledge.delivery && <>
              <dt>Delivery</dt>
              <dd>{pledge.delivery.units} units reported, evidence <code>{text(pledge.delivery.evidence)}</code>;
                {' '}confirmed for {pledge.confirmed_units} units; challenge window ends <Deadline block={pledge.delivery.challenge_ends} session={session} /></dd>
            </>}
            {pledge.dispute && <>
              <dt>Dispute</dt>
              <dd>by <Address address={pledge.dispute.by} />: <q>{text(pledge.dispute.reason)}</q>;
                {' '}verdict due <Deadline block={pledge.dispute.verdict_due} session={session} /></dd>
            </>}
            {pledge.unpaid_to_producer > 0n && <>
              <dt>Owed to the producer</dt>
              <dd data-testid="unpaid-to-producer">{formatAmount(pledge.unpaid_to_producer, unit)} waits in the escrow: the
                producer's account could not receive it when the pledge ended. Anyone may pay it now.</dd>
            </>}
            <dt>Producer's bond</dt><dd>{formatAmount(terms.bond, unit)}</dd>
            <dt>Commons share</dt><dd>{formatPermill(pledge.commons_share)} of the producer's earnings goes to the design's commons</dd>
            <dt>Backers</dt><dd>{pledge.backers}</dd>
            <dt>Your part</dt>
            <dd data-testid="your-part">{found.backing
              ? <>{found.backing.units} units{found.backing.confirmed ? ', receipt confirmed' : ''}
                {found.owed !== undefined && <> · {pledge.state.type === 'Funding' ? 'worth' : 'owed to you'} {formatAmount(found.owed, unit)}</>}</>
              : 'You do not back this pledge.'}</dd>
          </dl>
          <h2>What you can do</h2>
          <Actions id={id} page={found} session={session} />
        </article>
      );
    }} />
  );
}

function Progress({ backed, minimum, quantity }: { backed: number; minimum: number; quantity: number }) {
  const percent = (units: number) => `${quantity ? (100 * units) / quantity : 0}%`;
  return (
    <figure class="progress" data-testid="progress">
      <div class="progress-bar" role="progressbar" aria-valuemin={0} aria-valuemax={quantity} aria-valuenow={backed}
        aria-label="Units backed">
        <div class={backed >= minimum ? 'progress-fill reached' : 'progress-fill'} style={{ width: percent(backed) }} />
        <div class="progress-minimum" style={{ left: percent(minimum) }} title={`Minimum: ${minimum} units`} />
      </div>
      <figcaption>
        <strong>{backed}</strong> of {quantity} units backed · the pledge goes ahead with at least <strong>{minimum}</strong>
        {backed >= minimum ? ' — reached' : ` — ${minimum - backed} more needed`}
      </figcaption>
    </figure>
  );
}

function Deadline({ block, session }: { block: number; session: Session }) {
  const when = session.timeOfBlock(block);
  const passed = block <= session.block.number;
  return (
    <span class={passed ? 'deadline passed' : 'deadline'}>
      {formatDate(when)} ({passed ? 'passed' : timeFromNow(when - session.timeOfBlock(session.block.number))}, block #{block})
    </span>
  );
}

/** An action offered on the pledge page: a transaction and how its button reads. */
interface Action {
  key: string;
  label: string;
  tx: Transaction | string;
  secondary: boolean;
}

/**
 * Only the calls the selected account can make on this pledge now. An action whose transaction
 * is on its way, or was refused, stays on screen even when the pledge has moved on in the
 * meantime (the funding deadline passed while it was sent), so that its outcome can be read.
 */
function Actions({ id, page, session }: { id: number; page: PledgePage; session: Session }) {
  const { api } = session.chain;
  const tx = api.tx.ProductionPledges;
  const { pledge, backing } = page;
  const { terms } = pledge;
  const now = session.block.number;
  const me = session.account?.address;
  const isProducer = me === pledge.producer;
  const [units, setUnits] = useState('1');
  const [evidence, setEvidence] = useState('');
  const [sent, setSent] = useState<Action & { account: string | undefined }>();
  // A new state or another account: what was sent before belongs to the page as it was.
  useEffect(() => setSent(undefined), [pledge.state.type, me]);
  const count = Number(units);
  const validUnits = Number.isInteger(count) && count > 0;
  const actions: Action[] = [];
  const add = (key: string, label: string, transaction: Transaction | string, secondary = false) =>
    actions.push({ key, label, tx: transaction, secondary });

  switch (pledge.state.type) {
    case 'Funding': {
      const open = now < terms.funding_deadline;
      const left = terms.quantity - pledge.backed_units;
      if (open && left > 0) {
        add('back', `Back ${unitsLabel(count, validUnits)}`, !validUnits ? 'Give a whole number of units.'
          : count > left ? `Only ${left} units are left to back.`
            : tx.back({ pledge: id, units: count }));
      }
      if (open && backing && backing.units > 0) {
        add('withdraw', `Withdraw ${unitsLabel(count, validUnits)}`, !validUnits ? 'Give a whole number of units.'
          : count > backing.units ? `You back ${backing.units} units.`
            : tx.withdraw_backing({ pledge: id, units: count }), true);
      }
      if (!open || left === 0) add('close', 'Close funding', tx.close_funding({ pledge: id }));
      if (isProducer) add('cancel', 'Cancel the pledge', tx.cancel_pledge({ pledge: id }), true);
      break;
    }
    case 'Funded':
      if (isProducer && now < terms.delivery_deadline) {
        add('deliver', `Report delivery of ${unitsLabel(count, validUnits)}`,
          !validUnits ? 'Give a whole number of units.' : !evidence.trim() ? 'Give evidence of the delivery (a URI or CID).'
            : tx.report_delivery({ pledge: id, delivered_units: count, evidence: Binary.fromText(evidence.trim()) }));
      }
      if (now >= terms.delivery_deadline) add('default', 'Mark defaulted', tx.mark_defaulted({ pledge: id }));
      break;
    case 'Delivered': {
      const windowOpen = pledge.delivery !== undefined && now < pledge.delivery.challenge_ends;
      if (windowOpen && backing && !backing.confirmed) {
        add('confirm', 'Confirm receipt', tx.confirm_receipt({ pledge: id }));
        add('dispute', 'Dispute the delivery', !evidence.trim() ? 'Say why (a short text, URI or CID).'
          : tx.dispute({ pledge: id, reason: Binary.fromText(evidence.trim()) }), true);
      }
      if (!windowOpen || pledge.confirmed_units >= pledge.backed_units) add('settle', 'Settle', tx.settle({ pledge: id }));
      break;
    }
    case 'Disputed':
      if (pledge.dispute && now >= pledge.dispute.verdict_due) add('settle', 'Settle as reported', tx.settle({ pledge: id }));
      break;
    default:
      if (backing) add('claim', 'Claim what you are owed', tx.claim_refund({ pledge: id }));
      if (pledge.unpaid_to_producer > 0n) {
        add('pay', 'Pay the producer', tx.pay_producer({ pledge: id }), backing !== undefined);
      }
  }

  const needsUnits = actions.some(({ key }) => ['back', 'withdraw', 'deliver'].includes(key));
  const needsText = actions.some(({ key }) => ['deliver', 'dispute'].includes(key));
  const kept = sent && sent.account === me && !actions.some(({ key }) => key === sent.key) ? sent : undefined;
  if (actions.length === 0 && !kept) {
    return <p class="muted">{session.account ? `Nothing ${session.account.name} can do on this pledge now.` : 'Choose an account to act.'}</p>;
  }
  const button = (action: Action, unavailable?: string) => (
    <div key={action.key} data-action={action.key}>
      <TxButton label={action.label} tx={action.tx} secondary={action.secondary} unavailable={unavailable}
        onSubmit={() => setSent({ ...action, account: me })}
        onSuccess={() => setSent(undefined)} />
    </div>
  );
  return (
    <div class="pledge-actions">
      {(needsUnits || needsText) && (
        <div class="row">
          {needsUnits && (
            <label class="field narrow">
              <span class="field-label">Units</span>
              <input type="number" name="units" min={1} step={1} value={units}
                onInput={(event) => setUnits((event.target as HTMLInputElement).value)} />
              {validUnits && <span class="field-hint">{formatAmount(terms.unit_price * BigInt(count), page.unit)}</span>}
            </label>
          )}
          {needsText && (
            <label class="field">
              <span class="field-label">{pledge.state.type === 'Funded' ? 'Delivery evidence' : 'Reason for a dispute'}</span>
              <input name="evidence" value={evidence} onInput={(event) => setEvidence((event.target as HTMLInputElement).value)} />
            </label>
          )}
        </div>
      )}
      {/* One list, so that an action moving into `kept` keeps its button and the outcome on it. */}
      {[...actions, ...(kept ? [kept] : [])].map((action) => button(action,
        action === kept ? 'No longer offered: the pledge has moved on since it was sent.' : undefined))}
    </div>
  );
}

function unitsLabel(count: number, valid: boolean): string {
  if (!valid) return 'units';
  return count === 1 ? '1 unit' : `${count} units`;
}
