// Choosing how to reach the chain: a node's WebSocket RPC, or a chain spec for the light client.

import { useState } from 'preact/hooks';
import { chainSpecUrl, lightEndpoint, type Endpoint } from '../chain/connection';

/** `ws://…` and `wss://…` name a node; anything else names a chain spec for the light client. */
const NODE_ADDRESS = /^wss?:\/\//;

export function NodeForm({ current, onNode }: { current: Endpoint; onNode(endpoint: Endpoint): void }) {
  const [value, setValue] = useState(chainSpecUrl(current) ?? current);
  const choose = (typed: string) => (NODE_ADDRESS.test(typed) ? typed : lightEndpoint(typed));
  return (
    <form class="node-form" onSubmit={(event) => { event.preventDefault(); onNode(choose(value.trim())); }}>
      <label class="field">
        <span class="field-label">Node (ws://…) or chain spec (light client)</span>
        <input type="text" value={value} required spellcheck={false}
          onInput={(event) => setValue((event.target as HTMLInputElement).value)} />
        <span class="field-hint">A node's WebSocket address, such as <code>ws://127.0.0.1:9944</code>; or
          the address of the chain's spec file (a <code>.json</code>), to follow the chain through a
          light client in this page, without trusting any node. Also <code>?rpc=ws://…</code>
          or <code>?chainspec=…</code> in the page's address. The last one used is remembered.</span>
      </label>
      <button type="submit" class="primary">Connect</button>
    </form>
  );
}
