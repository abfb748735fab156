// What the views read from the chain: runtime APIs (`api.apis.*`) and storage, at a given block.

import type { SS58String } from 'polkadot-api';
import type { TokenUnit } from '../format';
import type { CosmolocalApi } from './connection';
import { Enum } from 'polkadot-api';
import type {
  AssetKind, Contribution, ContributionStateName, Design, DesignVersion, LineageKindName, Network, Pledge, Producer,
  RevenuePool,
} from './types';

/** The runtime APIs return lists in pages of at most this many entries. */
const PAGE_SIZE = 100;
/** The most designs a lineage tree shows. */
const MAX_TREE_NODES = 120;

/** Every page of a paginated runtime API, in order. */
async function allPages<T, K>(page: (after: K | undefined) => Promise<T[]>,
  keyOf: (entry: T) => K): Promise<T[]> {
  const entries: T[] = [];
  let after: K | undefined;
  for (;;) {
    const next = await page(after);
    entries.push(...next);
    if (next.length < PAGE_SIZE) return entries;
    after = keyOf(next[next.length - 1]!);
  }
}

export interface Identified<T> {
  id: number;
  value: T;
}

/**
 * How the designs are read: a chain may hold tens of thousands. A small first chunk, so that the
 * catalogue's first page shows at once; then chunks small enough that decoding one never holds
 * the page for long; a few requests on their way at a time.
 */
const FIRST_DESIGN_CHUNK = 100;
const DESIGN_CHUNK = 250;
const DESIGN_REQUESTS_AT_ONCE = 4;

/**
 * Every design, by id (ids run from 0 to `NextDesignId`, and designs are never removed), read a
 * chunk at a time, the page getting a turn between chunks; `onProgress` hears of the designs read
 * so far and how many there are in all.
 */
export async function allDesigns(api: CosmolocalApi, at: string,
  onProgress?: (designs: Identified<Design>[], total: number) => void): Promise<Identified<Design>[]> {
  const total = await api.query.DesignRegistry.NextDesignId.getValue({ at });
  const chunks: number[][] = [];
  for (let start = 0; start < total;) {
    const size = Math.min(start === 0 ? FIRST_DESIGN_CHUNK : DESIGN_CHUNK, total - start);
    chunks.push(Array.from({ length: size }, (_, offset) => start + offset));
    start += size;
  }
  const requests: Array<Promise<Array<Design | undefined>>> = [];
  const request = () => {
    const ids = chunks[requests.length];
    if (ids) requests.push(api.query.DesignRegistry.Designs.getValues(ids.map((id) => [id] as [number]), { at }));
  };
  for (let count = 0; count < DESIGN_REQUESTS_AT_ONCE; count++) request();
  const designs: Identified<Design>[] = [];
  for (const [index, ids] of chunks.entries()) {
    const values = await requests[index]!;
    request();
    values.forEach((value, offset) => { if (value) designs.push({ id: ids[offset]!, value }); });
    onProgress?.(designs.slice(), total);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return designs;
}

export interface DesignPage {
  design: Design;
  versions: Array<[number, DesignVersion]>;
  network: number | undefined;
  pledges: number[];
  /** The largest commons share a design may ask (`MaxCommonsShare`), in parts per million. */
  maxCommonsShare: number;
}

/** A design with its versions, its value network and its pledges; `undefined` if there is none. */
export async function designPage(api: CosmolocalApi, id: number, at: string):
  Promise<DesignPage | undefined> {
  const registry = api.apis.DesignRegistryApi;
  const design = await registry.design(id, { at });
  if (!design) return undefined;
  const [versions, network, pledges, maxCommonsShare] = await Promise.all([
    allPages((after?: number) => registry.versions(id, after, PAGE_SIZE, { at }), ([index]) => index),
    api.apis.ContributiveAccountingApi.design_network(id, { at }),
    allPages((after?: number) => api.apis.ProductionPledgesApi.pledges_by_design(id, after, PAGE_SIZE, { at }),
      (pledge) => pledge),
    api.constants.DesignRegistry.MaxCommonsShare({ at }),
  ]);
  return { design, versions, network, pledges, maxCommonsShare };
}

/** A design in a lineage tree, with the designs derived from it. */
export interface LineageNode {
  id: number;
  name: Uint8Array;
  /** How it relates to its parent in the tree (none for the tree's root). */
  kind: LineageKindName | undefined;
  /** The version of the parent it starts from. */
  parentVersion: number | undefined;
  children: LineageNode[];
}

/**
 * The family of design `id`: from its furthest ancestor the registry follows
 * (`MaxLineageDepth` generations up), down through every derivative and variant, up to
 * MAX_TREE_NODES designs.
 */
export async function lineageTree(api: CosmolocalApi, id: number, at: string): Promise<LineageNode> {
  const registry = api.apis.DesignRegistryApi;
  const maxDepth = await api.constants.DesignRegistry.MaxLineageDepth({ at });
  let rootId = id;
  let root = await registry.design(id, { at });
  if (!root) throw new Error(`there is no design ${id}`);
  for (let depth = 0; root.lineage && depth < maxDepth; depth++) {
    const parent = await registry.design(root.lineage.parent, { at });
    if (!parent) break;
    rootId = root.lineage.parent;
    root = parent;
  }
  const tree: LineageNode = { id: rootId, name: root.name, kind: undefined, parentVersion: undefined, children: [] };
  let generation = [tree];
  let count = 1;
  while (generation.length > 0 && count < MAX_TREE_NODES) {
    const next: LineageNode[] = [];
    for (const node of generation) {
      const children = await allPages((after?: number) => registry.derivatives(node.id, after, PAGE_SIZE, { at }),
        (child) => child);
      for (const childId of children) {
        if (count >= MAX_TREE_NODES) break;
        const child = await registry.design(childId, { at });
        if (!child) continue;
        const childNode: LineageNode = {
          id: childId,
          name: child.name,
          kind: child.lineage?.kind.type,
          parentVersion: child.lineage?.parent_version,
          children: [],
        };
        node.children.push(childNode);
        next.push(childNode);
        count++;
      }
    }
    generation = next;
  }
  return tree;
}

export interface LicenceEntry {
  id: string;
  shareAlike: boolean;
  allowed: boolean;
}

/** The licences the registry knows, by SPDX id. */
export async function licences(api: CosmolocalApi, at: string): Promise<LicenceEntry[]> {
  const entries = await api.query.DesignRegistry.Licences.getEntries({ at });
  return entries
    .map(({ keyArgs: [id], value }) => ({
      id: new TextDecoder().decode(id), shareAlike: value.share_alike, allowed: value.allowed,
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

export interface ProducerEntry {
  account: SS58String;
  producer: Producer;
}

/** Every registered producer. */
export async function allProducers(api: CosmolocalApi, at: string): Promise<ProducerEntry[]> {
  const entries = await api.query.ProductionPledges.Producers.getEntries({ at });
  return entries.map(({ keyArgs: [account], value }) => ({ account, producer: value }));
}

/** Every pledge that has not been closed out, by id. */
export async function allPledges(api: CosmolocalApi, at: string): Promise<Identified<Pledge>[]> {
  const entries = await api.query.ProductionPledges.Pledges.getEntries({ at });
  return entries.map(({ keyArgs: [id], value }) => ({ id, value })).sort((a, b) => b.id - a.id);
}

export interface PledgePage {
  pledge: Pledge;
  design: Design | undefined;
  producer: Producer | undefined;
  /** The connected account's backing, if it backs the pledge. */
  backing: { units: number; confirmed: boolean } | undefined;
  /** What the connected account would receive from the pledge now (`owed_to`). */
  owed: bigint | undefined;
  /** What the pledge is priced in. */
  unit: TokenUnit;
}

export async function pledgePage(api: CosmolocalApi, id: number, account: SS58String | undefined,
  native: TokenUnit, at: string): Promise<PledgePage | undefined> {
  const pledges = api.apis.ProductionPledgesApi;
  const pledge = await pledges.pledge(id, { at });
  if (!pledge) return undefined;
  const [design, producer, backing, owed, unit] = await Promise.all([
    api.apis.DesignRegistryApi.design(pledge.terms.design, { at }),
    pledges.producer(pledge.producer, { at }),
    account ? api.query.ProductionPledges.Backings.getValue(id, account, { at }) : undefined,
    account ? pledges.owed_to(account, id, { at }) : undefined,
    assetUnit(api, pledge.terms.asset, native, at),
  ]);
  return { pledge, design, producer, backing, owed, unit };
}

/** Every value network, by id. */
export async function allNetworks(api: CosmolocalApi, at: string): Promise<Identified<Network>[]> {
  const entries = await api.query.ContributiveAccounting.Networks.getEntries({ at });
  return entries.map(({ keyArgs: [id], value }) => ({ id, value })).sort((a, b) => a.id - b.id);
}

export interface Membership {
  points: bigint;
  /** The member's share of the network's points, in parts per billion. */
  share: number;
  claimable: Array<[AssetKind, bigint]>;
}

/** An account's points, share and claimable revenue in a network; `undefined` if not a member. */
export async function membership(api: CosmolocalApi, network: number, account: SS58String,
  at: string): Promise<Membership | undefined> {
  const accounting = api.apis.ContributiveAccountingApi;
  const [member, claimable] = await Promise.all([
    accounting.member(network, account, { at }),
    accounting.claimable(network, account, { at }),
  ]);
  if (!member) return undefined;
  return { points: member[0], share: member[1], claimable };
}

/** The free balance of an account in the native token, and what is held or frozen. */
export async function nativeBalance(api: CosmolocalApi, account: SS58String, at: string) {
  const { data } = await api.query.System.Account.getValue(account, { at });
  return data;
}

/** The symbol and decimals of what a pledge is priced in: the native token or an asset. */
export async function assetUnit(api: CosmolocalApi, asset: AssetKind, native: TokenUnit,
  at: string): Promise<TokenUnit> {
  if (asset.type === 'Native') return native;
  const metadata = await api.query.Assets.Metadata.getValue(asset.value, { at });
  const symbol = new TextDecoder().decode(metadata.symbol);
  return { symbol: symbol || `asset ${asset.value}`, decimals: metadata.decimals };
}

export interface NetworkPage {
  network: Network;
  /** Its revenue per asset: received, claimed, waiting for points. */
  revenue: Array<[AssetKind, RevenuePool]>;
  /** The connected account's points, share and claimable revenue, if it is a member. */
  mine: Membership | undefined;
  /** Contributions waiting for the stewards' review, oldest first. */
  pending: Array<[bigint, Contribution]>;
  /** Contributions accepted, the latest first (up to a page). */
  accepted: Array<[bigint, Contribution]>;
  /** The name of the design it belongs to, for a design's network. */
  designName: Uint8Array | undefined;
  /** The longest evidence a contribution may give (`MaxEvidenceLen`). */
  maxEvidence: number;
}

/** The contributions of `network` in `state`, every page. */
async function contributionsIn(api: CosmolocalApi, network: number, state: ContributionStateName,
  at: string): Promise<Array<[bigint, Contribution]>> {
  return allPages((after?: bigint) => api.apis.ContributiveAccountingApi.contributions(
    network, Enum(state), after, PAGE_SIZE, { at }), ([id]) => id);
}

/** A value network with its revenue, its review queue and what `account` has in it. */
export async function networkPage(api: CosmolocalApi, id: number, account: SS58String | undefined,
  at: string): Promise<NetworkPage | undefined> {
  const accounting = api.apis.ContributiveAccountingApi;
  const network = await accounting.network(id, { at });
  if (!network) return undefined;
  const [revenue, mine, pending, accepted, design, maxEvidence] = await Promise.all([
    accounting.revenue(id, { at }),
    account ? membership(api, id, account, at) : undefined,
    contributionsIn(api, id, 'Pending', at),
    contributionsIn(api, id, 'Accepted', at),
    network.design !== undefined ? api.apis.DesignRegistryApi.design(network.design, { at }) : undefined,
    api.constants.ContributiveAccounting.MaxEvidenceLen({ at }),
  ]);
  const byId = (a: [bigint, Contribution], b: [bigint, Contribution]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  return {
    network, revenue, mine,
    pending: pending.sort(byId),
    accepted: accepted.sort(byId).reverse(),
    designName: design?.name, maxEvidence,
  };
}
