// One design: its versions, licences, readiness, maintainers, commons share, lineage and pledges.

import { useState } from 'preact/hooks';
import { designPage, lineageTree } from '../chain/queries';
import { formatDate, formatPermill, parseAmount, text } from '../format';
import { useChainData, useSession } from '../session';
import { Address, ProcessList, Show } from '../ui/common';
import { TxButton } from '../ui/TxButton';
import { LINEAGE_LABELS, READINESS_LABELS } from '../ui/labels';
import { LineageTree } from '../ui/LineageTree';

export function DesignView({ id }: { id: number }) {
  const { timeOfBlock, account } = useSession();
  const page = useChainData(({ chain }, at) => designPage(chain.api, id, at), [id]);
  const lineage = useChainData(({ chain }, at) => lineageTree(chain.api, id, at), [id]);
  return (
    <Show loaded={page} render={(found) => {
      if (!found) return <p class="error">There is no design #{id}. <a href="#/designs">See all designs.</a></p>;
      const { design, versions, network, pledges } = found;
      const { licences, lineage: origin } = design;
      return (
        <article class="design">
          <div class="view-head">
            <h1>{text(design.name)} <span class="muted">#{id}</span></h1>
            <div class="actions">
              <a class="button" href={`#/map?design=${id}`}>Who can make it</a>
              <a class="button" href={`#/designs/new?parent=${id}`}>Register a derivative</a>
              <a class="button primary" href={`#/pledges/new?design=${id}`}>Pledge to make it</a>
            </div>
          </div>
          {design.status.type === 'Deprecated' && (
            <p class="notice">Deprecated: it takes no new versions or pledges.
              {design.status.value.successor !== undefined && <> Use <a href={`#/designs/${design.status.value.successor}`}>design #{design.status.value.successor}</a> instead.</>}
            </p>
          )}
          <dl class="facts">
            <dt>Readiness</dt><dd data-testid="readiness">{READINESS_LABELS[design.readiness.type]}</dd>
            <dt>Licences</dt>
            <dd>
              hardware <code>{text(licences.hardware)}</code>, documentation <code>{text(licences.documentation)}</code>
              {licences.software && <>, software <code>{text(licences.software)}</code></>}
            </dd>
            <dt>Commons share</dt>
            <dd><span data-testid="commons-share">{formatPermill(design.commons_share)}</span> of every settled pledge goes to the design's value network
              {network !== undefined && <> (<a href={`#/networks/${network}`}>network #{network}</a>)</>}
              {account && design.maintainers.includes(account.address) && (
                <CommonsShareForm id={id} current={design.commons_share} max={found.maxCommonsShare} />
              )}</dd>
            <dt>Maintainers</dt>
            <dd><ul class="plain">{design.maintainers.map((m) => <li key={m}><Address address={m} /></li>)}</ul></dd>
            <dt>Processes</dt><dd><ProcessList processes={design.processes} /></dd>
            <dt>Tags</dt><dd>{design.tags.length ? design.tags.map((tag) => <span key={text(tag)} class="tag">#{text(tag)}</span>) : '—'}</dd>
            <dt>Comes from</dt>
            <dd>{origin
              ? <>a {LINEAGE_LABELS[origin.kind.type]} of <a href={`#/designs/${origin.parent}`}>design #{origin.parent}</a>, version {origin.parent_version}</>
              : 'an original design'}</dd>
            <dt>Registered</dt><dd>block #{design.registered_at} ({formatDate(timeOfBlock(design.registered_at))})</dd>
          </dl>

          <h2>Lineage</h2>
          <div class="lineage-box" data-testid="lineage">
            <Show loaded={lineage} render={(root) => <LineageTree root={root} current={id} />} />
          </div>

          <h2>Versions</h2>
          <div class="table-scroll">
          <table class="table">
            <thead><tr><th>#</th><th>Label</th><th>Manifest</th><th>Hash</th><th>Published</th><th>By</th></tr></thead>
            <tbody>
              {versions.map(([index, version]) => (
                <tr key={index}>
                  <td>{index}</td>
                  <td>{text(version.label)}</td>
                  <td class="wrap"><code>{text(version.manifest)}</code></td>
                  <td><code title={version.manifest_hash}>{version.manifest_hash.slice(0, 14)}…</code></td>
                  <td>{formatDate(timeOfBlock(version.published_at))}</td>
                  <td><Address address={version.publisher} /></td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>

          <h2>Pledges</h2>
          {pledges.length === 0
            ? <p class="muted">Nobody has pledged to make it yet.</p>
            : <ul class="plain">{pledges.map((pledge) => <li key={pledge}><a href={`#/pledges/${pledge}`}>Pledge #{pledge}</a></li>)}</ul>}
        </article>
      );
    }} />
  );
}

/** For a maintainer: the share of each settled pledge that the design's value network gets. */
function CommonsShareForm({ id, current, max }: { id: number; current: number; max: number }) {
  const { chain } = useSession();
  const [percent, setPercent] = useState(() => String(current / 10_000));
  // A percentage with up to four decimals is a whole number of parts per million.
  const share = parseAmount(percent, { symbol: '%', decimals: 4 });
  const tx = share === undefined ? 'Give a percentage, such as 10 or 2.5.'
    : share > BigInt(max) ? `At most ${formatPermill(max)}.`
      : Number(share) === current ? `The share is ${formatPermill(current)} already.`
        : chain.api.tx.DesignRegistry.set_commons_share({ design: id, share: Number(share) });
  return (
    <form class="inline-form" onSubmit={(event) => event.preventDefault()}>
      <label class="field narrow">
        <span class="field-label">New commons share (%)</span>
        <input name="commons-share" inputMode="decimal" value={percent}
          onInput={(event) => setPercent((event.target as HTMLInputElement).value)} />
        <span class="field-hint">At most {formatPermill(max)}. Pledges keep the share in force when they are made.</span>
      </label>
      <TxButton label="Set the commons share" tx={tx} secondary />
    </form>
  );
}
