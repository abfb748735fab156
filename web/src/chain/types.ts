// The chain's records as the typed API returns them: taken from the descriptors, so that they
// follow the runtime the app was built against.

import type { CosmolocalApi } from './connection';

type Resolved<F> = F extends (...args: never[]) => Promise<infer R> ? R : never;
type Apis = CosmolocalApi['apis'];
type Tx = CosmolocalApi['tx'];

export type Design = NonNullable<Resolved<Apis['DesignRegistryApi']['design']>>;
export type DesignVersion = Resolved<Apis['DesignRegistryApi']['versions']>[number][1];
export type Producer = NonNullable<Resolved<Apis['ProductionPledgesApi']['producer']>>;
export type Pledge = NonNullable<Resolved<Apis['ProductionPledgesApi']['pledge']>>;
export type Network = NonNullable<Resolved<Apis['ContributiveAccountingApi']['network']>>;
export type RevenuePool = Resolved<Apis['ContributiveAccountingApi']['revenue']>[number][1];

export type Process = Design['processes'][number];
export type ProcessName = Process['type'];
export type Readiness = Design['readiness'];
export type LineageKindName = NonNullable<Design['lineage']>['kind']['type'];
export type PledgeState = Pledge['state'];
export type PledgeStateName = PledgeState['type'];
export type AssetKind = Pledge['terms']['asset'];
export type DesignLicences = Parameters<Tx['DesignRegistry']['register_design']>[0]['licences'];
export type Contribution = Resolved<Apis['ContributiveAccountingApi']['contributions']>[number][1];
export type ContributionKind = Parameters<Tx['ContributiveAccounting']['log_contribution']>[0]['kind'];
export type ContributionKindName = ContributionKind['type'];
export type ContributionStateName = Contribution['state']['type'];
export type ValueEquationName = Network['equation']['type'];
