// The connection to a Cosmolocal chain: a polkadot-api client, either over WebSocket to a node's
// RPC or through smoldot, a light client running in the page that needs no trusted node (only the
// chain spec and peers to sync from); the typed API from the descriptors generated out of this
// runtime's metadata; and what the chain says about itself.

import { cosmolocal } from '@polkadot-api/descriptors';
import { createClient, type JsonRpcProvider, type PolkadotClient, type TypedApi } from 'polkadot-api';
import { getWsProvider, WsEvent, type StatusChange } from 'polkadot-api/ws';

export type CosmolocalApi = TypedApi<typeof cosmolocal>;

/** The chain's own description: its name, its token, its addresses and its block time. */
export interface ChainInfo {
  name: string;
  tokenSymbol: string;
  tokenDecimals: number;
  /** The SS58 prefix of the chain's addresses (the `System.SS58Prefix` constant). */
  ss58Format: number;
  /** Milliseconds between blocks (Aura's slot duration). */
  blockTimeMs: number;
  /** A development chain, whose well-known development accounts anyone can sign with. */
  development: boolean;
}

export interface Chain {
  /** Where the chain is reached (an `Endpoint`). */
  url: Endpoint;
  client: PolkadotClient;
  api: CosmolocalApi;
  info: ChainInfo;
  disconnect(): void;
}

export type SocketStatus = 'connecting' | 'connected' | 'error' | 'closed';

export const DEFAULT_RPC = 'ws://127.0.0.1:9944';
const LAST_RPC_KEY = 'cosmolocal.rpc';
/** How an endpoint names a chain spec for the light client rather than a node's RPC. */
const LIGHT_PREFIX = 'light:';

/**
 * Where to reach the chain: `ws://…` or `wss://…`, a node's WebSocket RPC; or `light:<url>`, the
 * chain spec at `<url>` for the in-page light client.
 */
export type Endpoint = string;

/**
 * The chain to talk to: `?rpc=` in the page's address (a node), else `?chainspec=` (a chain spec,
 * its URL relative to the page: the light client), else the last one used, else the default node.
 */
export function chooseRpc(): Endpoint {
  const query = new URLSearchParams(window.location.search);
  const chainSpec = query.get('chainspec');
  return query.get('rpc')
    ?? (chainSpec !== null ? lightEndpoint(chainSpec) : null)
    ?? window.localStorage.getItem(LAST_RPC_KEY)
    ?? DEFAULT_RPC;
}

/** The endpoint of the light client syncing with the chain spec at `url` (relative to the page). */
export function lightEndpoint(url: string): Endpoint {
  return LIGHT_PREFIX + new URL(url, window.location.href).href;
}

/** The chain spec's URL when `endpoint` is the light client's, else undefined. */
export function chainSpecUrl(endpoint: Endpoint): string | undefined {
  return endpoint.startsWith(LIGHT_PREFIX) ? endpoint.slice(LIGHT_PREFIX.length) : undefined;
}

/** `endpoint` in words, for the header and the account page. */
export function describeEndpoint(endpoint: Endpoint): string {
  const spec = chainSpecUrl(endpoint);
  return spec ? `the light client (chain spec ${spec})` : endpoint;
}

/** Remembers `endpoint` as the one to connect to next time. */
export function rememberRpc(endpoint: Endpoint): void {
  window.localStorage.setItem(LAST_RPC_KEY, endpoint);
}

/** A JSON-RPC provider for `endpoint`, and what stops it beyond the client. */
interface Provider {
  provider: JsonRpcProvider;
  /** Whether a reply within `timeoutMs` is due: the light client first syncs with its peers. */
  timeoutMs: number;
  stop(): void;
}

/**
 * The light client for the chain spec at `specUrl`: smoldot, loaded only when it is asked for
 * (it weighs more than the rest of the app), running in the page, syncing from the chain spec's
 * boot nodes. Their addresses must be reachable from a browser: `/ws` (or `/wss` from a page
 * served over https) on the nodes' `--listen-addr` (docs/operator-guide.md).
 */
async function lightClient(specUrl: string, onStatus: (status: SocketStatus) => void): Promise<Provider> {
  const response = await fetch(specUrl);
  if (!response.ok) throw new Error(`the chain spec at ${specUrl} could not be read (HTTP ${response.status})`);
  const chainSpec = await response.text();
  const [{ start }, { getSmProvider }] = await Promise.all([
    import('polkadot-api/smoldot'), import('polkadot-api/sm-provider'),
  ]);
  const smoldot = start({ maxLogLevel: 1 });
  const chain = smoldot.addChain({ chainSpec });
  onStatus('connected');
  return {
    provider: getSmProvider(() => chain),
    timeoutMs: 120_000,
    stop: () => { void smoldot.terminate().catch(() => undefined); },
  };
}

function rpcNode(url: string, onStatus: (status: SocketStatus) => void): Provider {
  return {
    provider: getWsProvider(url, {
      onStatusChanged: (status: StatusChange) => onStatus(socketStatus(status)),
    }),
    timeoutMs: 15_000,
    stop: () => undefined,
  };
}

/**
 * Connects to `endpoint` and waits until the chain is followed and described. `onStatus` hears of
 * the socket's state for as long as the client lives (polkadot-api reconnects on its own; the
 * light client manages its peers itself and counts as connected once started).
 */
export async function connect(endpoint: Endpoint, onStatus: (status: SocketStatus) => void): Promise<Chain> {
  const specUrl = chainSpecUrl(endpoint);
  const { provider, timeoutMs, stop } = specUrl
    ? await lightClient(specUrl, onStatus) : rpcNode(endpoint, onStatus);
  const client = createClient(provider);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(
      `no answer from ${describeEndpoint(endpoint)} within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    const [spec] = await Promise.race([
      Promise.all([client.getChainSpecData(), client.getFinalizedBlock()]),
      timeout,
    ]);
    const api = client.getTypedApi(cosmolocal);
    const [slot, ss58Format] = await Promise.all([
      api.apis.AuraApi.slot_duration(),
      api.constants.System.SS58Prefix(),
    ]);
    const properties = spec.properties as Record<string, unknown>;
    const info: ChainInfo = {
      name: spec.name,
      tokenSymbol: String(firstOf(properties.tokenSymbol, 'UNIT')),
      tokenDecimals: Number(firstOf(properties.tokenDecimals, 0)),
      ss58Format,
      blockTimeMs: Number(slot),
      development: /development|local/i.test(spec.name),
    };
    return { url: endpoint, client, api, info, disconnect: () => { client.destroy(); stop(); } };
  } catch (error) {
    client.destroy();
    stop();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

function socketStatus(status: StatusChange): SocketStatus {
  switch (status.type) {
    case WsEvent.CONNECTING: return 'connecting';
    case WsEvent.CONNECTED: return 'connected';
    case WsEvent.ERROR: return 'error';
    default: return 'closed';
  }
}

/** Chain properties may hold one value or a list (one per token): the first one counts. */
function firstOf<T>(value: unknown, fallback: T): T {
  const first = Array.isArray(value) ? value[0] : value;
  return (first ?? fallback) as T;
}
