// The node the app talks to, the accounts it can sign with, and what the selected one has.

import { getInjectedExtensions } from '@polkadot-api/pjs-signer';
import { chainSpecUrl } from '../chain/connection';
import { NodeForm } from '../ui/NodeForm';
import { nativeBalance } from '../chain/queries';
import { formatAmount, text } from '../format';
import { useChainData, useSession } from '../session';
import { Show } from '../ui/common';
import { MultisigsPanel } from './MultisigsPanel';

export function AccountView({ onNode }: { onNode(url: string): void }) {
  const session = useSession();
  const { accounts, account, chain, unit } = session;
  const data = useChainData(async ({ chain: { api } }, at) => {
    if (!account) return undefined;
    const [balance, designs, producer, pledges] = await Promise.all([
      nativeBalance(api, account.address, at),
      api.apis.DesignRegistryApi.designs_of(account.address, undefined, 100, { at }),
      api.apis.ProductionPledgesApi.producer(account.address, { at }),
      api.apis.ProductionPledgesApi.pledges_by_producer(account.address, undefined, 100, { at }),
    ]);
    return { balance, designs, producer, pledges };
  }, []);
  const extensions = getInjectedExtensions();
  return (
    <section>
      <h1>Account</h1>
      <div class="two-columns">
        <div class="panel">
          <h2>Accounts</h2>
          <ul class="accounts">
            {accounts.map((candidate) => (
              <li key={candidate.id} class={candidate.id === account?.id ? 'selected' : undefined}>
                <button type="button" class="link" onClick={() => session.selectAccount(candidate.id)}>{candidate.name}</button>
                {candidate.development
                  ? <span class="badge dev">development account</span>
                  : <span class="badge">{candidate.multisig ? `multisig, signed by ${candidate.multisig.member.name}` : candidate.source}</span>}
                <code class="wrap">{candidate.address}</code>
              </li>
            ))}
          </ul>
          {chain.info.development && (
            <p class="field-hint">Development accounts are the well-known keys of every Substrate development
              chain: anyone can sign with them. They are offered on development chains only.</p>
          )}
          <p class="field-hint">{extensions.length
            ? `Browser extensions: ${extensions.join(', ')}.`
            : 'No browser extension found: install Polkadot.js, Talisman or SubWallet to sign with your own accounts.'}</p>
        </div>
        <div class="panel">
          <h2>{account ? account.name : 'No account'}</h2>
          <Show loaded={data} render={(found) => found && (
            <dl class="facts">
              <dt>Free</dt><dd data-testid="free-balance">{formatAmount(found.balance.free, unit)}</dd>
              <dt>Held (deposits)</dt><dd>{formatAmount(found.balance.reserved, unit)}</dd>
              <dt>Frozen</dt><dd>{formatAmount(found.balance.frozen, unit)}</dd>
              <dt>Designs maintained</dt>
              <dd>{found.designs.length ? found.designs.map((id) => <a key={id} class="tag" href={`#/designs/${id}`}>#{id}</a>) : 'none'}</dd>
              <dt>Producer</dt>
              <dd>{found.producer ? <>{text(found.producer.name)}, <code>{text(found.producer.region)}</code></> : <a href="#/producers/new">not registered</a>}</dd>
              <dt>Pledges made</dt>
              <dd>{found.pledges.length ? found.pledges.map((id) => <a key={id} class="tag" href={`#/pledges/${id}`}>#{id}</a>) : 'none'}</dd>
            </dl>
          )} />
        </div>
      </div>
      <MultisigsPanel />
      <div class="panel">
        <h2>Node</h2>
        <p>Connected to <strong>{chain.info.name}</strong> through {chainSpecUrl(chain.url) ? <>the light client in this page, from the chain spec <code>{chainSpecUrl(chain.url)}</code></> : <code>{chain.url}</code>}; token {unit.symbol} with {unit.decimals} decimals; addresses with SS58 prefix {chain.info.ss58Format}; a block every {chain.info.blockTimeMs / 1000} s.</p>
        <NodeForm current={chain.url} onNode={onNode} />
      </div>
    </section>
  );
}
