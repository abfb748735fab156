// The pledges that have not been closed out, newest first.

import { allDesigns, allPledges } from '../chain/queries';
import { text } from '../format';
import { useChainData } from '../session';
import { Show } from '../ui/common';
import { PLEDGE_STATE_LABELS } from '../ui/labels';

export function PledgesView() {
  const data = useChainData(async ({ chain }, at) => {
    const [pledges, designs] = await Promise.all([allPledges(chain.api, at), allDesigns(chain.api, at)]);
    return { pledges, names: new Map(designs.map(({ id, value }) => [id, text(value.name)])) };
  }, []);
  return (
    <section>
      <div class="view-head">
        <h1>Pledges</h1>
        <a class="button primary" href="#/pledges/new">Pledge to make a design</a>
      </div>
      <p class="lead">A producer pledges to make units of a design; local people back them. All or
        nothing: below the minimum by the funding deadline, everyone gets their money back.</p>
      <Show loaded={data} render={({ pledges, names }) => (pledges.length === 0
        ? <p class="muted">No open pledge.</p>
        : (
          <div class="table-scroll">
          <table class="table">
            <thead><tr><th>#</th><th>Design</th><th>Region</th><th>State</th><th>Backed</th></tr></thead>
            <tbody>
              {pledges.map(({ id, value }) => (
                <tr key={id}>
                  <td><a href={`#/pledges/${id}`}>#{id}</a></td>
                  <td><a href={`#/pledges/${id}`}>{names.get(value.terms.design) ?? `design #${value.terms.design}`}</a></td>
                  <td><code>{text(value.region)}</code></td>
                  <td><span class={`badge state-${value.state.type.toLowerCase()}`}>{PLEDGE_STATE_LABELS[value.state.type]}</span></td>
                  <td>{value.backed_units} / {value.terms.quantity} (min {value.terms.min_quantity})</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        ))} />
    </section>
  );
}
