// Value networks: who stewards them, the points and revenue they keep, and what the selected
// account has in each.

import { allNetworks, membership } from '../chain/queries';
import { formatPerbill, text } from '../format';
import { useChainData, useSession } from '../session';
import { Address, amountIn, assetLabel, Show } from '../ui/common';
import { TxButton } from '../ui/TxButton';

export function NetworksView() {
  const { unit, chain } = useSession();
  const data = useChainData(async ({ chain: { api }, account }, at) => {
    const networks = await allNetworks(api, at);
    return Promise.all(networks.map(async (network) => ({
      ...network,
      revenue: await api.apis.ContributiveAccountingApi.revenue(network.id, { at }),
      mine: account ? await membership(api, network.id, account.address, at) : undefined,
    })));
  }, []);
  return (
    <section>
      <h1>Value networks</h1>
      <p class="lead">Every design has a value network; cooperatives create their own. Approved
        contributions become points, and revenue — the commons share of settled pledges, donations —
        is shared by points as it arrives.</p>
      <Show loaded={data} render={(networks) => (networks.length === 0
        ? <p class="muted">No value network yet.</p>
        : (
          <ul class="cards">
            {networks.map(({ id, value, revenue, mine }) => (
              <li key={id} id={`network-${id}`} class="card" data-network={id}>
                <a class="card-title" href={`#/networks/${id}`}>{text(value.name)} <span class="muted">#{id}</span></a>
                <div class="card-meta">
                  {value.design !== undefined && <><a href={`#/designs/${value.design}`}>design #{value.design}</a> · </>}
                  {value.total_points.toLocaleString('en-US')} points · approval threshold {value.approval_threshold}
                </div>
                <div class="card-meta">Stewards: {value.stewards.map((steward, index) => (
                  <span key={steward}>{index > 0 && ', '}<Address address={steward} /></span>))}</div>
                {revenue.length > 0 && (
                  <div class="card-meta" data-testid="revenue">Revenue: {revenue.map(([asset, pool], index) => (
                    <span key={assetLabel(asset, unit)}>{index > 0 && ', '}{amountIn(asset, pool.received, unit)} received</span>))}</div>
                )}
                {mine && (
                  <div class="mine" data-testid="your-share">
                    You: {mine.points.toLocaleString('en-US')} points, {formatPerbill(mine.share)} of the network
                    {mine.claimable.map(([asset, amount]) => (
                      <TxButton key={assetLabel(asset, unit)} label={`Claim ${amountIn(asset, amount, unit)}`}
                        tx={chain.api.tx.ContributiveAccounting.claim({ network: id, asset })} />
                    ))}
                  </div>
                )}
              </li>
            ))}
          </ul>
        ))} />
    </section>
  );
}
