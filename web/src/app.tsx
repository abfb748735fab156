// The app's shell: the header with navigation, the connection's status and the account to sign
// with, and the view the address asks for.

import { useState } from 'preact/hooks';
import { chainSpecUrl, chooseRpc, describeEndpoint } from './chain/connection';
import { useRoute, type Route } from './router';
import { SessionProvider, useConnection, type Connection, type Session } from './session';
import { AccountView } from './views/AccountView';
import { DesignsView } from './views/DesignsView';
import { DesignView } from './views/DesignView';
import { MapView } from './views/MapView';
import { NetworksView } from './views/NetworksView';
import { NetworkView } from './views/NetworkView';
import { PledgesView } from './views/PledgesView';
import { PledgeView } from './views/PledgeView';
import { RegisterDesignView } from './views/RegisterDesignView';
import { RegisterProducerView } from './views/RegisterProducerView';
import { CreatePledgeView } from './views/CreatePledgeView';
import { shortAddress } from './format';
import { NodeForm } from './ui/NodeForm';

const SECTIONS = [
  { path: 'designs', label: 'Designs' },
  { path: 'map', label: 'Map' },
  { path: 'pledges', label: 'Pledges' },
  { path: 'networks', label: 'Networks' },
  { path: 'account', label: 'Account' },
];

export function App() {
  const [url, setUrl] = useState(chooseRpc);
  const connection = useConnection(url);
  const route = useRoute();
  const section = route.path[0] ?? 'designs';
  return (
    <>
      <header class="top">
        <a class="brand" href="#/designs">Cosmolocal</a>
        <nav>
          {SECTIONS.map(({ path, label }) => (
            <a key={path} href={`#/${path}`} class={section === path ? 'active' : undefined}
              aria-current={section === path ? 'page' : undefined}>{label}</a>
          ))}
        </nav>
        <ConnectionStatus connection={connection} />
        {connection.state === 'connected' && <AccountPicker session={connection.session} />}
      </header>
      <main>
        {connection.state === 'connected'
          ? <SessionProvider session={connection.session}><View route={route} onNode={setUrl} /></SessionProvider>
          : <Disconnected connection={connection} onNode={setUrl} />}
      </main>
    </>
  );
}

function View({ route, onNode }: { route: Route; onNode(url: string): void }) {
  const [section = 'designs', id] = route.path;
  switch (section) {
    case 'designs':
      if (id === 'new') return <RegisterDesignView parent={route.query.get('parent')} />;
      return id !== undefined ? <DesignView id={Number(id)} /> : <DesignsView />;
    case 'map':
      return <MapView design={route.query.get('design')} />;
    case 'producers':
      return <RegisterProducerView />;
    case 'pledges':
      if (id === 'new') return <CreatePledgeView design={route.query.get('design')} />;
      return id !== undefined ? <PledgeView id={Number(id)} /> : <PledgesView />;
    case 'networks':
      return id !== undefined ? <NetworkView id={Number(id)} /> : <NetworksView />;
    case 'account':
      return <AccountView onNode={onNode} />;
    default:
      return <p>There is no page here. <a href="#/designs">See the designs.</a></p>;
  }
}

function ConnectionStatus({ connection }: { connection: Connection }) {
  if (connection.state === 'failed') {
    return <span class="status failed" role="status">Not connected: {describeEndpoint(connection.url)}</span>;
  }
  if (connection.state === 'connecting') {
    return <span class="status connecting" role="status">Connecting to {describeEndpoint(connection.url)}…</span>;
  }
  const { session, socket } = connection;
  return (
    <span class={socket === 'connected' ? 'status connected' : 'status connecting'} role="status"
      title={describeEndpoint(connection.url)}>
      {socket === 'connected' ? session.chain.info.name : `Reconnecting to ${describeEndpoint(connection.url)}…`}
      {chainSpecUrl(connection.url) && <> · <span data-testid="light-client">light client</span></>}
      {' · '}finalized <span data-testid="finalized-block">#{session.block.number}</span>
    </span>
  );
}

function AccountPicker({ session }: { session: Session }) {
  const { accounts, account } = session;
  if (accounts.length === 0) {
    return <a class="account-picker none" href="#/account">No account</a>;
  }
  return (
    <label class="account-picker">
      <span class="visually-hidden">Account to sign with</span>
      <select value={account?.id} aria-label="Account to sign with"
        onChange={(event) => session.selectAccount((event.target as HTMLSelectElement).value)}>
        {accounts.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.name} ({candidate.development ? 'development account'
              : candidate.multisig ? `multisig, signed by ${candidate.multisig.member.name}` : candidate.source}) {shortAddress(candidate.address)}
          </option>
        ))}
      </select>
      {account?.development && <span class="badge dev" title="Anyone can sign with this key: development chains only">development account</span>}
    </label>
  );
}

function Disconnected({ connection, onNode }: { connection: Connection; onNode(url: string): void }) {
  return (
    <section class="panel">
      {connection.state === 'failed'
        ? <>
          <h1>Cannot reach the node</h1>
          <p class="error">{connection.error}</p>
        </>
        : <h1>Connecting to {describeEndpoint(connection.url)}…</h1>}
      <NodeForm current={connection.url} onNode={onNode} />
    </section>
  );
}
