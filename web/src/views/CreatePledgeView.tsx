// A producer pledging to make units of a design version, priced in the native token.

import { Enum } from 'polkadot-api';
import { useState } from 'preact/hooks';
import { allDesigns } from '../chain/queries';
import { formatAmount, formatPermill, parseAmount, text } from '../format';
import { navigate } from '../router';
import { useChainData, useSession } from '../session';
import { Field, Show } from '../ui/common';
import { PROCESS_LABELS } from '../ui/labels';
import { TxButton } from '../ui/TxButton';

const DAY_MS = 86_400_000;

export function CreatePledgeView({ design }: { design: string | null }) {
  const session = useSession();
  const { api } = session.chain;
  const data = useChainData(async ({ chain, account }, at) => {
    const [designs, producer] = await Promise.all([
      allDesigns(chain.api, at),
      account ? chain.api.apis.ProductionPledgesApi.producer(account.address, { at }) : undefined,
    ]);
    return { designs: designs.filter(({ value }) => value.status.type === 'Active'), producer };
  }, []);
  const [designId, setDesignId] = useState(design ?? '');
  const [version, setVersion] = useState('');
  const [price, setPrice] = useState('');
  const [quantity, setQuantity] = useState('10');
  const [minimum, setMinimum] = useState('5');
  const [funding, setFunding] = useState(() => localInput(Date.now() + DAY_MS));
  const [delivery, setDelivery] = useState(() => localInput(Date.now() + 14 * DAY_MS));
  const [bond, setBond] = useState('0');

  return (
    <section>
      <h1>Pledge to make a design</h1>
      <Show loaded={data} render={({ designs, producer }) => {
        if (!session.account) return <p class="notice">Choose an account first.</p>;
        if (!producer) {
          return <p class="notice">{session.account.name} is not a producer yet. <a href="#/producers/new">Register as a producer</a> first.</p>;
        }
        const chosen = designs.find(({ id }) => id === Number(designId) && designId !== '');
        const missing = chosen?.value.processes.filter((needed) =>
          !producer.processes.some((have) => have.type === needed.type)) ?? [];
        const unitPrice = parseAmount(price, session.unit);
        const bondAmount = parseAmount(bond, session.unit);
        const [units, least] = [Number(quantity), Number(minimum)];
        const fundingBlock = blockAt(new Date(funding).getTime(), session);
        const deliveryBlock = blockAt(new Date(delivery).getTime(), session);
        const problem = !chosen ? 'Choose a design.'
          : missing.length > 0 ? `You cannot run ${missing.map((p) => PROCESS_LABELS[p.type]).join(', ')}, which the design needs.`
            : !unitPrice ? `Give the unit price in ${session.unit.symbol}.`
              : !Number.isInteger(units) || units < 1 ? 'Give the quantity you will make.'
                : !Number.isInteger(least) || least < 1 || least > units ? 'The minimum is between 1 and the quantity.'
                  : bondAmount === undefined ? `Give your bond in ${session.unit.symbol} (0 for none).`
                    : fundingBlock <= session.block.number ? 'The funding deadline must be in the future.'
                      : deliveryBlock <= fundingBlock ? 'The delivery deadline must be after the funding deadline.'
                        : undefined;
        const tx = problem ?? api.tx.ProductionPledges.create_pledge({
          design: chosen!.id,
          version: version === '' ? chosen!.value.version_count - 1 : Number(version),
          asset: Enum('Native'),
          unit_price: unitPrice!,
          quantity: units,
          min_quantity: least,
          funding_deadline: fundingBlock,
          delivery_deadline: deliveryBlock,
          bond: bondAmount!,
          max_commons_share: chosen!.value.commons_share,
        });
        return (
          <form class="form" onSubmit={(event) => event.preventDefault()}>
            <p class="lead">As <strong>{text(producer.name)}</strong>, in <code>{text(producer.region)}</code>.</p>
            <fieldset class="row">
              <legend>What</legend>
              <Field label="Design">
                <select name="design" value={designId} onChange={(event) => { setDesignId((event.target as HTMLSelectElement).value); setVersion(''); }}>
                  <option value="">Choose…</option>
                  {designs.map(({ id, value }) => <option key={id} value={String(id)}>#{id} {text(value.name)}</option>)}
                </select>
              </Field>
              {chosen && (
                <Field label="Version">
                  <select name="version" value={version === '' ? String(chosen.value.version_count - 1) : version}
                    onChange={(event) => setVersion((event.target as HTMLSelectElement).value)}>
                    {Array.from({ length: chosen.value.version_count }, (_, index) => <option key={index} value={String(index)}>{index}</option>)}
                  </select>
                </Field>
              )}
            </fieldset>
            {chosen && <p class="field-hint">The design's commons share, {formatPermill(chosen.value.commons_share)}, is the most this pledge accepts.</p>}
            <fieldset class="row">
              <legend>Terms</legend>
              <Field label={`Unit price (${session.unit.symbol})`}>
                <input name="unit-price" inputMode="decimal" value={price} onInput={(event) => setPrice((event.target as HTMLInputElement).value)} />
              </Field>
              <Field label="Quantity">
                <input name="quantity" type="number" min={1} value={quantity} onInput={(event) => setQuantity((event.target as HTMLInputElement).value)} />
              </Field>
              <Field label="Minimum to go ahead">
                <input name="min-quantity" type="number" min={1} value={minimum} onInput={(event) => setMinimum((event.target as HTMLInputElement).value)} />
              </Field>
              <Field label={`Your bond (${session.unit.symbol})`} hint="Shared among the backers if you do not deliver.">
                <input name="bond" inputMode="decimal" value={bond} onInput={(event) => setBond((event.target as HTMLInputElement).value)} />
              </Field>
            </fieldset>
            <fieldset class="row">
              <legend>Deadlines</legend>
              <Field label="Funding ends" hint={`Block #${fundingBlock}`}>
                <input name="funding-deadline" type="datetime-local" value={funding} onInput={(event) => setFunding((event.target as HTMLInputElement).value)} />
              </Field>
              <Field label="Delivery by" hint={`Block #${deliveryBlock}`}>
                <input name="delivery-deadline" type="datetime-local" value={delivery} onInput={(event) => setDelivery((event.target as HTMLInputElement).value)} />
              </Field>
            </fieldset>
            {unitPrice !== undefined && Number.isInteger(units) && units > 0 && (
              <p class="field-hint">At most {formatAmount(unitPrice * BigInt(units), session.unit)} if every unit is backed.</p>
            )}
            <TxButton label="Pledge" tx={tx} onSuccess={(events) => {
              const [created] = api.event.ProductionPledges.PledgeCreated.filter(events);
              if (created) navigate(`#/pledges/${created.payload.pledge}`);
            }} />
          </form>
        );
      }} />
    </section>
  );
}

/** The block expected to be authored at `ms`. */
function blockAt(ms: number, session: { block: { number: number; timestampMs: number }; chain: { info: { blockTimeMs: number } } }): number {
  if (!Number.isFinite(ms)) return 0;
  return session.block.number + Math.ceil((ms - session.block.timestampMs) / session.chain.info.blockTimeMs);
}

/** `ms` as a `datetime-local` input's value, in local time. */
function localInput(ms: number): string {
  const date = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return date.toISOString().slice(0, 16);
}
