//! Strategies for single calls of the three domain pallets, Balances and Assets: arguments from
//! small pools (so that ids meet records that exist and accounts meet each other) mixed with
//! the extremes (zero, one under and at the existential deposit, `u128::MAX`, `u32::MAX`,
//! empty and full-length text, garbage bytes).

use codec::Decode;
use cosmolocal_primitives::{
	contribution::ContributionKind,
	currency::{EXISTENTIAL_DEPOSIT, UNITS},
	design::Process,
	AccountId, Balance,
};
use cosmolocal_robustness::actors::{self, ACTORS};
use cosmolocal_runtime::{Runtime, RuntimeCall};
use frame_support::{
	traits::{fungible::NativeOrWithId, Get},
	BoundedVec,
};
use pallet_contributive_accounting::{KindWeights, ValueEquation};
use pallet_design_registry::{
	AttestationKind, DesignLicences, Lineage, LineageKind, Readiness, MAX_LICENCE_ID_LEN,
};
use pallet_production_pledges::{PlusCode, RegionCode};
use proptest::{
	collection::vec,
	prelude::*,
	sample::select,
	strategy::{BoxedStrategy, Union},
};
use sp_runtime::{MultiAddress, Perbill, Permill};

type DesignCall = pallet_design_registry::Call<Runtime>;
type PledgeCall = pallet_production_pledges::Call<Runtime>;
type AccountingCall = pallet_contributive_accounting::Call<Runtime>;
type BalancesCall = pallet_balances::Call<Runtime>;
type AssetsCall = pallet_assets::Call<Runtime>;
type DesignName = <Runtime as pallet_design_registry::Config>::MaxNameLen;

/// Any call a run may contain, weighted towards the domain pallets.
pub fn any_call() -> BoxedStrategy<RuntimeCall> {
	Union::new_weighted(vec![
		(5, design_registry_call()),
		(5, production_pledges_call()),
		(5, contributive_accounting_call()),
		(2, balances_call()),
		(2, assets_call()),
		(1, community_currencies_call()),
		(1, batch_call()),
	])
	.boxed()
}

/// An account: an actor, a member of the Assembly, or one nobody controls.
pub fn account() -> BoxedStrategy<AccountId> {
	prop_oneof![
		8 => (0..ACTORS).prop_map(actors::actor),
		1 => (0..5usize).prop_map(|member| actors::assembly()[member].clone()),
		1 => any::<[u8; 32]>().prop_map(AccountId::new),
		1 => Just(cosmolocal_runtime::CommunityCurrencies::custodian()),
	]
	.boxed()
}

fn address() -> BoxedStrategy<MultiAddress<AccountId, ()>> {
	account().prop_map(MultiAddress::Id).boxed()
}

/// An amount of money: the extremes around zero, the existential deposit and the top, and
/// ordinary sums.
pub fn amount() -> BoxedStrategy<Balance> {
	prop_oneof![
		Just(0),
		Just(1),
		Just(EXISTENTIAL_DEPOSIT - 1),
		Just(EXISTENTIAL_DEPOSIT),
		(1..=1_000u128).prop_map(|units| units * UNITS),
		any::<u128>(),
		Just(u128::MAX),
	]
	.boxed()
}

/// A count of units or a quantity: zero, small, or the top.
pub fn quantity() -> BoxedStrategy<u32> {
	prop_oneof![2 => Just(0), 6 => 1..=20u32, 1 => any::<u32>(), 1 => Just(u32::MAX)].boxed()
}

/// An id of something the run may have made (designs, pledges, networks…), or one far away.
pub fn id() -> BoxedStrategy<u32> {
	prop_oneof![9 => 0..6u32, 1 => Just(u32::MAX)].boxed()
}

/// A block number for a deadline: soon, later, already past, or never.
pub fn block() -> BoxedStrategy<u32> {
	prop_oneof![8 => 0..400u32, 1 => Just(u32::MAX)].boxed()
}

/// Bytes bounded by `S`: empty, garbage of any length up to the bound, or exactly the bound.
pub fn bytes<S: Get<u32> + 'static>() -> BoxedStrategy<BoundedVec<u8, S>> {
	let max = S::get() as usize;
	prop_oneof![Just(Vec::new()), vec(any::<u8>(), 0..=max), Just(vec![b'x'; max]),]
		.prop_map(BoundedVec::truncate_from)
		.boxed()
}

/// Text bounded by `S`: one of `samples` most of the time, else [`bytes`].
pub fn text<S: Get<u32> + 'static>(
	samples: &'static [&'static str],
) -> BoxedStrategy<BoundedVec<u8, S>> {
	prop_oneof![
		3 => select(samples).prop_map(|sample| BoundedVec::truncate_from(sample.as_bytes().to_vec())),
		1 => bytes::<S>(),
	]
	.boxed()
}

fn process() -> BoxedStrategy<Process> {
	(0u8..17).prop_map(|index| Process::decode(&mut &[index][..]).expect("17 processes")).boxed()
}

fn processes<S: Get<u32> + 'static>() -> BoxedStrategy<BoundedVec<Process, S>> {
	vec(process(), 0..=S::get() as usize).prop_map(BoundedVec::truncate_from).boxed()
}

const LICENCES: &[&str] = &[
	"CERN-OHL-S-2.0",
	"CERN-OHL-W-2.0",
	"CC-BY-SA-4.0",
	"MIT",
	"GPL-3.0-or-later",
	"Proprietary",
	"",
];

fn licences() -> BoxedStrategy<DesignLicences> {
	let licence = || text::<frame_support::traits::ConstU32<MAX_LICENCE_ID_LEN>>(LICENCES);
	(licence(), licence(), proptest::option::of(licence()))
		.prop_map(|(hardware, documentation, software)| DesignLicences {
			hardware,
			documentation,
			software,
		})
		.boxed()
}

fn lineage() -> BoxedStrategy<Option<Lineage>> {
	proptest::option::of(
		(prop_oneof![Just(LineageKind::Derivative), Just(LineageKind::Variant)], id(), id())
			.prop_map(|(kind, parent, parent_version)| Lineage { kind, parent, parent_version }),
	)
	.boxed()
}

fn manifest_hash() -> BoxedStrategy<[u8; 32]> {
	prop_oneof![Just([1; 32]), any::<[u8; 32]>()].boxed()
}

const NAMES: &[&str] = &["Solar food dryer", "Bike trailer", "Seed press", "a"];
const TAGS: &[&str] = &["solar", "bike", "food", "repair"];
const MANIFESTS: &[&str] = &["ipfs://bafy-manifest", "https://example.org/okh.toml"];
const LABELS: &[&str] = &["1.0.0", "1.1.0", "2.0.0-beta", "1.0.0"];
const EVIDENCE: &[&str] = &["ipfs://bafy-evidence", "https://example.org/photos"];
const REGIONS: &[&str] = &["DE-BE", "ES-CT", "KE-30", "MX-OAX", "XX-YY", "de-be", "DE-", "DEBE"];
const PLUS_CODES: &[&str] = &["8FH49500+", "9F4MGC22+22", "not a code", ""];

fn readiness() -> BoxedStrategy<Readiness> {
	select(vec![
		Readiness::Concept,
		Readiness::Prototype,
		Readiness::Made,
		Readiness::MadeIndependently,
	])
	.boxed()
}

fn attestation_kind() -> BoxedStrategy<AttestationKind> {
	select(vec![AttestationKind::Built, AttestationKind::Tested, AttestationKind::Reviewed]).boxed()
}

fn permill() -> BoxedStrategy<Permill> {
	prop_oneof![Just(0), Just(50_000), Just(200_000), Just(1_000_000), any::<u32>()]
		.prop_map(Permill::from_parts)
		.boxed()
}

fn design_registry_call() -> BoxedStrategy<RuntimeCall> {
	type Config = Runtime;
	type Tags = <Config as pallet_design_registry::Config>::MaxTags;
	type TagLen = <Config as pallet_design_registry::Config>::MaxTagLen;
	type Manifest = <Config as pallet_design_registry::Config>::MaxManifestLen;
	type Label = <Config as pallet_design_registry::Config>::MaxVersionLabelLen;
	type Evidence = <Config as pallet_design_registry::Config>::MaxEvidenceLen;
	type Processes = <Config as pallet_design_registry::Config>::MaxProcesses;
	let tags = vec(text::<TagLen>(TAGS), 0..=<Tags as Get<u32>>::get() as usize)
		.prop_map(BoundedVec::truncate_from);
	let register = (
		text::<DesignName>(NAMES),
		licences(),
		tags,
		processes::<Processes>(),
		text::<Manifest>(MANIFESTS),
		manifest_hash(),
		text::<Label>(LABELS),
		lineage(),
	)
		.prop_map(
			|(name, licences, tags, processes, manifest, manifest_hash, version_label, lineage)| {
				DesignCall::register_design {
					name,
					licences,
					tags,
					processes,
					manifest,
					manifest_hash,
					version_label,
					lineage,
				}
			},
		);
	let publish = (id(), text::<Manifest>(MANIFESTS), manifest_hash(), text::<Label>(LABELS))
		.prop_map(|(design, manifest, manifest_hash, version_label)| DesignCall::publish_version {
			design,
			manifest,
			manifest_hash,
			version_label,
		});
	let calls: Vec<BoxedStrategy<DesignCall>> = vec![
		register.boxed(),
		publish.boxed(),
		(id(), account())
			.prop_map(|(design, maintainer)| DesignCall::add_maintainer { design, maintainer })
			.boxed(),
		(id(), account())
			.prop_map(|(design, maintainer)| DesignCall::remove_maintainer { design, maintainer })
			.boxed(),
		(id(), permill())
			.prop_map(|(design, share)| DesignCall::set_commons_share { design, share })
			.boxed(),
		(id(), readiness())
			.prop_map(|(design, readiness)| DesignCall::set_readiness { design, readiness })
			.boxed(),
		(id(), proptest::option::of(id()))
			.prop_map(|(design, successor)| DesignCall::deprecate { design, successor })
			.boxed(),
		(id(), id(), attestation_kind(), text::<Evidence>(EVIDENCE))
			.prop_map(|(design, version, kind, evidence)| DesignCall::attest {
				design,
				version,
				kind,
				evidence,
			})
			.boxed(),
		(id(), id(), attestation_kind())
			.prop_map(|(design, version, kind)| DesignCall::revoke_attestation {
				design,
				version,
				kind,
			})
			.boxed(),
		(id(), id(), text::<Evidence>(EVIDENCE))
			.prop_map(|(design, version, evidence)| DesignCall::certify {
				design,
				version,
				evidence,
			})
			.boxed(),
		(text::<frame_support::traits::ConstU32<MAX_LICENCE_ID_LEN>>(LICENCES), any::<bool>())
			.prop_map(|(licence, share_alike)| DesignCall::allow_licence { licence, share_alike })
			.boxed(),
		text::<frame_support::traits::ConstU32<MAX_LICENCE_ID_LEN>>(LICENCES)
			.prop_map(|licence| DesignCall::disallow_licence { licence })
			.boxed(),
	];
	Union::new(calls).prop_map(RuntimeCall::DesignRegistry).boxed()
}

/// An asset a pledge is priced in or revenue is paid in: the native token or an asset id.
fn asset_kind() -> BoxedStrategy<NativeOrWithId<u32>> {
	prop_oneof![
		3 => Just(NativeOrWithId::Native),
		2 => (0..3u32).prop_map(NativeOrWithId::WithId),
		1 => Just(NativeOrWithId::WithId(u32::MAX)),
	]
	.boxed()
}

/// A producer's record: name, region, Plus Code, processes, facility manifest.
type ProducerFields = (
	pallet_production_pledges::ProducerName<Runtime>,
	RegionCode,
	Option<PlusCode>,
	pallet_production_pledges::Processes<Runtime>,
	Option<pallet_production_pledges::Uri<Runtime>>,
);

fn producer_fields() -> impl Strategy<Value = ProducerFields> {
	(
		text(&["Fab Lab", "Repair Cafe", "Bike Kitchen"]),
		text(REGIONS),
		proptest::option::of(text(PLUS_CODES)),
		processes(),
		proptest::option::of(text(MANIFESTS)),
	)
}

fn production_pledges_call() -> BoxedStrategy<RuntimeCall> {
	type Uri = <Runtime as pallet_production_pledges::Config>::MaxUriLen;
	let create = (
		(id(), id(), asset_kind(), amount(), permill()),
		(quantity(), quantity(), block(), block(), amount()),
	)
		.prop_map(
			|(
				(design, version, asset, unit_price, max_commons_share),
				(quantity, min_quantity, funding_deadline, delivery_deadline, bond),
			)| PledgeCall::create_pledge {
				design,
				version,
				asset,
				unit_price,
				quantity,
				min_quantity,
				funding_deadline,
				delivery_deadline,
				bond,
				max_commons_share,
			},
		);
	let pledge_only: Vec<fn(u32) -> PledgeCall> = vec![
		|pledge| PledgeCall::close_funding { pledge },
		|pledge| PledgeCall::confirm_receipt { pledge },
		|pledge| PledgeCall::settle { pledge },
		|pledge| PledgeCall::mark_defaulted { pledge },
		|pledge| PledgeCall::cancel_pledge { pledge },
		|pledge| PledgeCall::claim_refund { pledge },
		|pledge| PledgeCall::pay_producer { pledge },
	];
	let calls: Vec<BoxedStrategy<PledgeCall>> = vec![
		producer_fields()
			.prop_map(|(name, region, plus_code, processes, facility_manifest)| {
				PledgeCall::register_producer {
					name,
					region,
					plus_code,
					processes,
					facility_manifest,
				}
			})
			.boxed(),
		producer_fields()
			.prop_map(|(name, region, plus_code, processes, facility_manifest)| {
				PledgeCall::update_producer {
					name,
					region,
					plus_code,
					processes,
					facility_manifest,
				}
			})
			.boxed(),
		Just(PledgeCall::retire_producer {}).boxed(),
		create.boxed(),
		(id(), quantity()).prop_map(|(pledge, units)| PledgeCall::back { pledge, units }).boxed(),
		(id(), quantity())
			.prop_map(|(pledge, units)| PledgeCall::withdraw_backing { pledge, units })
			.boxed(),
		(id(), quantity(), text::<Uri>(EVIDENCE))
			.prop_map(|(pledge, delivered_units, evidence)| PledgeCall::report_delivery {
				pledge,
				delivered_units,
				evidence,
			})
			.boxed(),
		(id(), text::<Uri>(EVIDENCE))
			.prop_map(|(pledge, reason)| PledgeCall::dispute { pledge, reason })
			.boxed(),
		(id(), any::<u32>().prop_map(Perbill::from_parts))
			.prop_map(|(pledge, producer_share)| PledgeCall::resolve_dispute {
				pledge,
				producer_share,
			})
			.boxed(),
		(id(), select(pledge_only)).prop_map(|(pledge, call)| call(pledge)).boxed(),
		(id(), account())
			.prop_map(|(pledge, backer)| PledgeCall::claim_refund_for { pledge, backer })
			.boxed(),
	];
	Union::new(calls).prop_map(RuntimeCall::ProductionPledges).boxed()
}

fn value_equation() -> BoxedStrategy<ValueEquation> {
	prop_oneof![
		Just(ValueEquation::Equal),
		Just(ValueEquation::Disco),
		Just(ValueEquation::Maker),
		any::<[u32; 8]>().prop_map(|w| ValueEquation::Custom(KindWeights {
			design: w[0],
			documentation: w[1],
			testing: w[2],
			production: w[3],
			materials: w[4],
			funding: w[5],
			care: w[6],
			coordination: w[7],
		})),
	]
	.boxed()
}

fn stewards() -> BoxedStrategy<
	BoundedVec<AccountId, <Runtime as pallet_contributive_accounting::Config>::MaxStewards>,
> {
	type Max = <Runtime as pallet_contributive_accounting::Config>::MaxStewards;
	prop_oneof![
		4 => vec(account(), 0..=4),
		1 => vec(account(), 0..=<Max as Get<u32>>::get() as usize),
	]
	.prop_map(BoundedVec::truncate_from)
	.boxed()
}

fn threshold() -> BoxedStrategy<u32> {
	prop_oneof![Just(0), 1..=4u32, Just(u32::MAX)].boxed()
}

fn contribution_kind() -> BoxedStrategy<ContributionKind> {
	select(ContributionKind::all().to_vec()).boxed()
}

fn contribution_id() -> BoxedStrategy<u64> {
	prop_oneof![9 => 0..8u64, 1 => Just(u64::MAX)].boxed()
}

fn contributive_accounting_call() -> BoxedStrategy<RuntimeCall> {
	type Evidence = <Runtime as pallet_contributive_accounting::Config>::MaxEvidenceLen;
	type Name = <Runtime as pallet_contributive_accounting::Config>::MaxNameLen;
	let calls: Vec<BoxedStrategy<AccountingCall>> = vec![
		(text::<Name>(&["Dryer makers", "Oven circle"]), stewards(), threshold(), value_equation())
			.prop_map(|(name, stewards, approval_threshold, value_equation)| {
				AccountingCall::create_network {
					name,
					stewards,
					approval_threshold,
					value_equation,
				}
			})
			.boxed(),
		(id(), value_equation())
			.prop_map(|(network, equation)| AccountingCall::set_value_equation {
				network,
				equation,
			})
			.boxed(),
		(id(), stewards(), threshold())
			.prop_map(|(network, stewards, approval_threshold)| AccountingCall::set_stewards {
				network,
				stewards,
				approval_threshold,
			})
			.boxed(),
		(id(), contribution_kind(), quantity(), text::<Evidence>(EVIDENCE))
			.prop_map(|(network, kind, quantity, evidence)| AccountingCall::log_contribution {
				network,
				kind,
				quantity,
				evidence,
			})
			.boxed(),
		(contribution_id(), any::<bool>())
			.prop_map(|(contribution, approve)| AccountingCall::review_contribution {
				contribution,
				approve,
			})
			.boxed(),
		contribution_id()
			.prop_map(|contribution| AccountingCall::withdraw_contribution { contribution })
			.boxed(),
		(id(), asset_kind(), amount())
			.prop_map(|(network, asset, amount)| AccountingCall::deposit_revenue {
				network,
				asset,
				amount,
			})
			.boxed(),
		(id(), asset_kind())
			.prop_map(|(network, asset)| AccountingCall::claim { network, asset })
			.boxed(),
	];
	Union::new(calls).prop_map(RuntimeCall::ContributiveAccounting).boxed()
}

fn balances_call() -> BoxedStrategy<RuntimeCall> {
	let calls: Vec<BoxedStrategy<BalancesCall>> = vec![
		(address(), amount())
			.prop_map(|(dest, value)| BalancesCall::transfer_allow_death { dest, value })
			.boxed(),
		(address(), amount())
			.prop_map(|(dest, value)| BalancesCall::transfer_keep_alive { dest, value })
			.boxed(),
		(address(), any::<bool>())
			.prop_map(|(dest, keep_alive)| BalancesCall::transfer_all { dest, keep_alive })
			.boxed(),
		(amount(), any::<bool>())
			.prop_map(|(value, keep_alive)| BalancesCall::burn { value, keep_alive })
			.boxed(),
		(address(), amount())
			.prop_map(|(who, new_free)| BalancesCall::force_set_balance { who, new_free })
			.boxed(),
		(address(), address(), amount())
			.prop_map(|(source, dest, value)| BalancesCall::force_transfer { source, dest, value })
			.boxed(),
		(address(), amount())
			.prop_map(|(who, amount)| BalancesCall::force_unreserve { who, amount })
			.boxed(),
	];
	Union::new(calls).prop_map(RuntimeCall::Balances).boxed()
}

fn asset_id() -> BoxedStrategy<codec::Compact<u32>> {
	prop_oneof![9 => 0..3u32, 1 => Just(u32::MAX)].prop_map(codec::Compact).boxed()
}

/// Governance approves a currency or revokes an approval (an asset whose owner handed it to the
/// custodian, through `transfer_ownership` among the assets' calls, or any other).
fn community_currencies_call() -> BoxedStrategy<RuntimeCall> {
	type CurrenciesCall = pallet_community_currencies::Call<Runtime>;
	let asset = || asset_id().prop_map(|codec::Compact(asset)| asset);
	prop_oneof![
		3 => asset().prop_map(|asset| CurrenciesCall::approve { asset }),
		1 => asset().prop_map(|asset| CurrenciesCall::revoke { asset }),
	]
	.prop_map(RuntimeCall::CommunityCurrencies)
	.boxed()
}

fn assets_call() -> BoxedStrategy<RuntimeCall> {
	let calls: Vec<BoxedStrategy<AssetsCall>> = vec![
		(asset_id(), address(), amount())
			.prop_map(|(id, admin, min_balance)| AssetsCall::create { id, admin, min_balance })
			.boxed(),
		(asset_id(), address(), any::<bool>(), amount())
			.prop_map(|(id, owner, is_sufficient, min_balance)| AssetsCall::force_create {
				id,
				owner,
				is_sufficient,
				min_balance,
			})
			.boxed(),
		(asset_id(), address(), amount())
			.prop_map(|(id, beneficiary, amount)| AssetsCall::mint { id, beneficiary, amount })
			.boxed(),
		(asset_id(), address(), amount())
			.prop_map(|(id, who, amount)| AssetsCall::burn { id, who, amount })
			.boxed(),
		(asset_id(), address(), amount())
			.prop_map(|(id, target, amount)| AssetsCall::transfer { id, target, amount })
			.boxed(),
		(asset_id(), address(), amount())
			.prop_map(|(id, target, amount)| AssetsCall::transfer_keep_alive { id, target, amount })
			.boxed(),
		(asset_id(), address(), any::<bool>())
			.prop_map(|(id, dest, keep_alive)| AssetsCall::transfer_all { id, dest, keep_alive })
			.boxed(),
		(asset_id(), address())
			.prop_map(|(id, owner)| AssetsCall::transfer_ownership { id, owner })
			.boxed(),
		(asset_id(), address()).prop_map(|(id, who)| AssetsCall::freeze { id, who }).boxed(),
		(asset_id(), address()).prop_map(|(id, who)| AssetsCall::thaw { id, who }).boxed(),
		asset_id().prop_map(|id| AssetsCall::touch { id }).boxed(),
		(asset_id(), address()).prop_map(|(id, who)| AssetsCall::touch_other { id, who }).boxed(),
		(asset_id(), any::<bool>())
			.prop_map(|(id, allow_burn)| AssetsCall::refund { id, allow_burn })
			.boxed(),
		(asset_id(), amount())
			.prop_map(|(id, min_balance)| AssetsCall::set_min_balance { id, min_balance })
			.boxed(),
		(asset_id(), address(), amount())
			.prop_map(|(id, delegate, amount)| AssetsCall::approve_transfer {
				id,
				delegate,
				amount,
			})
			.boxed(),
		(asset_id(), address(), address(), amount())
			.prop_map(|(id, owner, destination, amount)| AssetsCall::transfer_approved {
				id,
				owner,
				destination,
				amount,
			})
			.boxed(),
		(asset_id(), vec(any::<u8>(), 0..60), vec(any::<u8>(), 0..8), any::<u8>())
			.prop_map(|(id, name, symbol, decimals)| AssetsCall::set_metadata {
				id,
				name,
				symbol,
				decimals,
			})
			.boxed(),
		asset_id().prop_map(|id| AssetsCall::start_destroy { id }).boxed(),
		asset_id().prop_map(|id| AssetsCall::destroy_accounts { id }).boxed(),
		asset_id().prop_map(|id| AssetsCall::destroy_approvals { id }).boxed(),
		asset_id().prop_map(|id| AssetsCall::finish_destroy { id }).boxed(),
	];
	Union::new(calls).prop_map(RuntimeCall::Assets).boxed()
}

/// A batch of domain calls that must all succeed or none, so that a failure inside rolls back
/// what the calls before it did.
fn batch_call() -> BoxedStrategy<RuntimeCall> {
	vec(
		Union::new(vec![
			design_registry_call(),
			production_pledges_call(),
			contributive_accounting_call(),
		]),
		1..=3,
	)
	.prop_map(|calls| RuntimeCall::Utility(pallet_utility::Call::batch_all { calls }))
	.boxed()
}
