//! Strategies for the paths that random single calls seldom walk to their end: a pledge from
//! creation to settlement or refund, a network from contributions to claims, a design through
//! versions, maintainers and attestations. Each path has random actors, amounts and timing, and
//! random steps out of place, so that parts go wrong (a backer short of money, a step by the
//! wrong account, a deadline passed) as they would for real users.

use crate::calls::{account, amount};
use cosmolocal_primitives::{
	contribution::ContributionKind, currency::UNITS, design::Process, time::DAYS,
};
use cosmolocal_robustness::{actors::ACTORS, Origin, Step};
use cosmolocal_runtime::{Runtime, RuntimeCall};
use frame_support::{traits::fungible::NativeOrWithId, BoundedVec};
use pallet_design_registry::{AttestationKind, DesignLicences, Lineage, LineageKind, Readiness};
use proptest::{collection::vec, prelude::*, sample::select};
use sp_runtime::{Perbill, Permill};

type PledgeCall = pallet_production_pledges::Call<Runtime>;
type AccountingCall = pallet_contributive_accounting::Call<Runtime>;
type DesignCall = pallet_design_registry::Call<Runtime>;
type AssetsCall = pallet_assets::Call<Runtime>;
type CurrenciesCall = pallet_community_currencies::Call<Runtime>;

/// The challenge period and one block more: how long a delivered pledge waits before it settles.
pub const PAST_CHALLENGE: u16 = 3 * DAYS as u16 + 1;

/// Producers of the development chain with the processes of a genesis design: (producer,
/// design). Designs 0 and 2 need woodworking and assembly (Bob, Dave), design 1 food processing
/// and construction (Ferdie).
const PRODUCTION: [(u8, u32); 5] = [(1, 0), (3, 0), (5, 1), (1, 2), (3, 2)];

/// The pledge a path made: replaced by its id when the run is put together (see
/// [`crate::resolve_latest`]).
pub const LATEST_PLEDGE: u32 = u32::MAX - 1;

/// The design a path registered, replaced likewise.
pub const LATEST_DESIGN: u32 = u32::MAX - 2;

/// Actors who are not producers at genesis: Alice and Charlie.
const NEWCOMERS: [u8; 2] = [0, 2];

fn text<S: frame_support::traits::Get<u32>>(text: &str) -> BoundedVec<u8, S> {
	BoundedVec::truncate_from(text.as_bytes().to_vec())
}

fn at(lapse: u16, actor: u8, call: RuntimeCall) -> Step {
	Step { lapse, origin: Origin::Signed(actor), call }
}

fn as_root(call: RuntimeCall) -> Step {
	Step { lapse: 0, origin: Origin::Root, call }
}

fn actor() -> impl Strategy<Value = u8> {
	0..ACTORS
}

/// A small lapse: mostly none, sometimes a block or a few.
fn lapse() -> impl Strategy<Value = u16> {
	prop_oneof![6 => Just(0), 2 => Just(1), 1 => 2..30u16]
}

/// Revenue worth sharing: above the existential deposit, or any amount at all.
fn revenue() -> impl Strategy<Value = u128> {
	prop_oneof![4 => (1..=1_000u128).prop_map(|units| units * UNITS), 1 => amount()]
}

/// What happens to a pledge after its delivery is reported.
#[derive(Clone, Copy, Debug)]
enum Ending {
	Confirm,
	Dispute,
	Resolve,
	ClaimRefund,
	ClaimRefundFor,
	Withdraw,
	Cancel,
	MarkDefaulted,
	Settle,
	/// Settle a disputed pledge once its verdict deadline has passed without a verdict.
	SettleUnjudged,
	/// The producer gives away all it holds of the pledge's currency, whose minimum balance is
	/// above what it is owed, so that its payment waits in the escrow.
	ProducerEmptiesItsAccount,
	/// The currency's issuer gives the producer the currency's minimum balance again.
	ProducerRefilled,
	/// Anyone pays the producer what the escrow could not pay it.
	PayProducer,
}

/// How a pledge's story goes, before random endings are added.
#[derive(Clone, Copy, Debug)]
enum Script {
	/// A backer withdraws, the producer cancels, backers claim refunds.
	Withdrawn,
	/// Every backer confirms receipt, and the pledge settles after the challenge period.
	Confirmed,
	/// A backer disputes the delivery, governance resolves it, backers claim refunds.
	Disputed,
	/// Nothing is delivered: the pledge is marked defaulted and refunds are claimed.
	Defaulted,
	/// A backer disputes the delivery, no verdict comes: the pledge settles as reported after
	/// the verdict deadline, backers claim refunds.
	Unjudged,
	/// A pledge in a community currency whose minimum balance is above the producer's payment;
	/// the producer holds none of it when the pledge settles, so its payment waits in the escrow
	/// until the issuer gives it the minimum and someone pays it. (Blocking the producer's
	/// account is no longer anyone's power but governance's: an approved currency's freezer is
	/// the keyless custodian.)
	ProducerCannotReceive,
}

const SCRIPTS: [Script; 6] = [
	Script::Withdrawn,
	Script::Confirmed,
	Script::Disputed,
	Script::Defaulted,
	Script::Unjudged,
	Script::ProducerCannotReceive,
];

/// How many of the longest lapses a step can wait pass a dispute's verdict deadline.
fn lapses_past_verdict_deadline() -> u32 {
	let period =
		<cosmolocal_runtime::Runtime as pallet_production_pledges::Config>::VerdictPeriod::get();
	period.div_ceil(u32::from(u16::MAX)).saturating_add(1)
}

const ENDINGS: [Ending; 10] = [
	Ending::Confirm,
	Ending::Dispute,
	Ending::Resolve,
	Ending::ClaimRefund,
	Ending::ClaimRefundFor,
	Ending::Withdraw,
	Ending::Cancel,
	Ending::MarkDefaulted,
	Ending::Settle,
	Ending::PayProducer,
];

/// A pledge by a producer able to make the design (sometimes a newcomer who registers first),
/// backed by several accounts, closed, delivered, then confirmed, disputed, refunded, defaulted
/// or settled after the challenge period. Deadlines count from the pledge's block (see
/// [`crate::relative_deadlines`]).
pub fn pledge() -> BoxedStrategy<Vec<Step>> {
	let terms = (
		select(PRODUCTION.to_vec()),
		prop_oneof![3 => Just(None), 1 => select(NEWCOMERS.to_vec()).prop_map(Some)],
		1..=100u128,
		1..=10u32,
		prop_oneof![3 => 1..=3u32, 1 => 1..=10u32],
		(2..60u32, 100..300u32),
		prop_oneof![Just(0), (1..=50u128).prop_map(|units| units * UNITS)],
	);
	let backer = prop_oneof![5 => 0..6u8, 1 => actor()];
	let backings = vec((backer, 1..=5u32, lapse()), 1..=6);
	let endings = vec((select(ENDINGS.to_vec()), 0..6usize, lapse(), any::<u32>()), 0..=4);
	let script = select(SCRIPTS.to_vec());
	let priced_in = prop_oneof![3 => Just(None), 1 => (0..3u32, 0..6u8).prop_map(Some)];
	(terms, backings, any::<bool>(), (script, endings), priced_in)
		.prop_map(|(terms, backings, delivered_late, (script, endings), priced_in)| {
			let pledge = LATEST_PLEDGE;
			let ((producer, design), newcomer, price, quantity, min, deadlines, bond) = terms;
			let (funding, delivery) = deadlines;
			let producer = newcomer.unwrap_or(producer);
			let call = RuntimeCall::ProductionPledges;
			let mut steps = Vec::new();
			// A producer that cannot receive needs a currency of its own with a high minimum
			// balance, issued by a neighbour.
			let priced_in = match script {
				Script::ProducerCannotReceive => Some((DEAR_CURRENCY, (producer + 1) % ACTORS)),
				_ => priced_in,
			};
			let asset = match priced_in {
				None => NativeOrWithId::Native,
				Some((asset, issuer)) => {
					let holders = backings.iter().map(|(backer, ..)| *backer);
					let min_balance = if asset == DEAR_CURRENCY { DEAR_MIN_BALANCE } else { 1 };
					steps.extend(issue_currency(
						asset,
						issuer,
						min_balance,
						holders.chain([producer]),
					));
					NativeOrWithId::WithId(asset)
				},
			};
			if newcomer.is_some() {
				steps.push(at(
					0,
					producer,
					call(PledgeCall::register_producer {
						name: text("Neighbourhood workshop"),
						region: text("DE-BE"),
						plus_code: None,
						processes: BoundedVec::truncate_from(vec![
							Process::Woodworking,
							Process::Assembly,
							Process::FoodProcessing,
							Process::Construction,
						]),
						facility_manifest: None,
					}),
				));
				steps.push(at(
					0,
					producer,
					call(PledgeCall::update_producer {
						name: text("Neighbourhood workshop cooperative"),
						region: text("ES-CT"),
						plus_code: Some(text("8FH49500+")),
						processes: BoundedVec::truncate_from(vec![
							Process::Woodworking,
							Process::Assembly,
							Process::FoodProcessing,
							Process::Construction,
						]),
						facility_manifest: Some(text("ipfs://workshop")),
					}),
				));
			}
			steps.push(at(
				0,
				producer,
				call(PledgeCall::create_pledge {
					design,
					version: 0,
					asset,
					unit_price: price * UNITS,
					quantity,
					min_quantity: min.min(quantity),
					funding_deadline: funding,
					delivery_deadline: funding + delivery,
					bond,
					max_commons_share: Permill::one(),
				}),
			));
			let backers: Vec<u8> = backings.iter().map(|(backer, ..)| *backer).collect();
			let backed: u32 = backings.iter().map(|(_, units, _)| units).sum();
			for (backer, units, lapse) in backings {
				steps.push(at(lapse, backer, call(PledgeCall::back { pledge, units })));
			}
			let script = match script {
				Script::Withdrawn => vec![Ending::Withdraw, Ending::Cancel, Ending::ClaimRefund],
				Script::Confirmed => {
					[vec![Ending::Confirm; backers.len()], vec![Ending::Settle]].concat()
				},
				Script::Disputed => vec![Ending::Dispute, Ending::Resolve, Ending::ClaimRefund],
				Script::Defaulted => vec![Ending::MarkDefaulted, Ending::ClaimRefundFor],
				Script::Unjudged => {
					vec![Ending::Dispute, Ending::SettleUnjudged, Ending::ClaimRefund]
				},
				Script::ProducerCannotReceive => [
					vec![Ending::Confirm; backers.len()],
					vec![
						Ending::ProducerEmptiesItsAccount,
						Ending::Settle,
						Ending::ProducerRefilled,
						Ending::PayProducer,
						Ending::ClaimRefund,
					],
				]
				.concat(),
			};
			let withdrawn = matches!(script.first(), Some(Ending::Withdraw));
			let defaulted = matches!(script.first(), Some(Ending::MarkDefaulted));
			if !withdrawn {
				let past_funding = u16::try_from(funding).unwrap_or(u16::MAX);
				steps.push(at(past_funding, producer, call(PledgeCall::close_funding { pledge })));
			}
			if !withdrawn && !defaulted {
				let delivery_lapse = if delivered_late { 250 } else { 1 };
				steps.push(at(
					delivery_lapse,
					producer,
					call(PledgeCall::report_delivery {
						pledge,
						delivered_units: backed.clamp(1, quantity),
						evidence: text("ipfs://delivery-photos"),
					}),
				));
			}
			let scripted = script
				.into_iter()
				.enumerate()
				.map(|(index, ending)| (ending, index, 0, u32::MAX / 2));
			for (ending, backer, lapse, share) in scripted.chain(endings) {
				let backer = backers[backer % backers.len()];
				let step = match ending {
					Ending::Confirm => {
						at(lapse, backer, call(PledgeCall::confirm_receipt { pledge }))
					},
					Ending::Dispute => at(
						lapse,
						backer,
						call(PledgeCall::dispute { pledge, reason: text("ipfs://not-as-pledged") }),
					),
					Ending::Resolve => as_root(call(PledgeCall::resolve_dispute {
						pledge,
						producer_share: Perbill::from_parts(share % 1_000_000_001),
					})),
					Ending::ClaimRefund => {
						at(lapse, backer, call(PledgeCall::claim_refund { pledge }))
					},
					Ending::ClaimRefundFor => at(
						lapse,
						producer,
						call(PledgeCall::claim_refund_for {
							pledge,
							backer: cosmolocal_robustness::actors::actor(backer),
						}),
					),
					Ending::Withdraw => {
						at(lapse, backer, call(PledgeCall::withdraw_backing { pledge, units: 1 }))
					},
					Ending::Cancel => {
						at(lapse, producer, call(PledgeCall::cancel_pledge { pledge }))
					},
					Ending::MarkDefaulted => {
						at(300, backer, call(PledgeCall::mark_defaulted { pledge }))
					},
					Ending::Settle => {
						at(PAST_CHALLENGE, producer, call(PledgeCall::settle { pledge }))
					},
					Ending::SettleUnjudged => {
						// One lapse cannot skip the verdict period: the producer tries to settle
						// after each of several, refused until the deadline has passed.
						for _ in 1..lapses_past_verdict_deadline() {
							steps.push(at(u16::MAX, producer, call(PledgeCall::settle { pledge })));
						}
						at(u16::MAX, producer, call(PledgeCall::settle { pledge }))
					},
					Ending::ProducerEmptiesItsAccount => {
						let (asset, issuer) = priced_in.unwrap_or((0, producer));
						let emptied = AssetsCall::transfer_all {
							id: asset.into(),
							dest: address(issuer),
							keep_alive: false,
						};
						at(lapse, producer, RuntimeCall::Assets(emptied))
					},
					Ending::ProducerRefilled => {
						let (asset, issuer) = priced_in.unwrap_or((0, producer));
						let refill = AssetsCall::mint {
							id: asset.into(),
							beneficiary: address(producer),
							amount: DEAR_MIN_BALANCE,
						};
						at(lapse, issuer, RuntimeCall::Assets(refill))
					},
					Ending::PayProducer => {
						at(lapse, backer, call(PledgeCall::pay_producer { pledge }))
					},
				};
				steps.push(step);
			}
			steps
		})
		.boxed()
}

/// The address of an actor, as the assets pallet's calls take it.
fn address(actor: u8) -> cosmolocal_runtime::Address {
	sp_runtime::MultiAddress::Id(cosmolocal_robustness::actors::actor(actor))
}

/// The community currency of the pledges whose producer cannot receive, apart from the
/// currencies of other paths (0 to 2).
const DEAR_CURRENCY: u32 = 3;
/// Its minimum balance: above anything such a pledge pays its producer (at most 10 units at
/// 100 CML and a bond of 50 CML).
const DEAR_MIN_BALANCE: u128 = 2_000 * UNITS;

/// An actor creates an asset (a local currency, say), mints it to `holders`, hands it to the
/// custodian, and governance approves it: a community currency pledges may be priced in.
fn issue_currency(
	asset: u32,
	issuer: u8,
	min_balance: u128,
	holders: impl Iterator<Item = u8>,
) -> Vec<Step> {
	let mut steps = vec![at(
		0,
		issuer,
		RuntimeCall::Assets(AssetsCall::create {
			id: asset.into(),
			admin: address(issuer),
			min_balance,
		}),
	)];
	for holder in holders {
		steps.push(at(
			0,
			issuer,
			RuntimeCall::Assets(AssetsCall::mint {
				id: asset.into(),
				beneficiary: address(holder),
				amount: 10_000 * UNITS,
			}),
		));
	}
	let custodian = cosmolocal_runtime::CommunityCurrencies::custodian();
	steps.push(at(
		0,
		issuer,
		RuntimeCall::Assets(AssetsCall::transfer_ownership {
			id: asset.into(),
			owner: sp_runtime::MultiAddress::Id(custodian),
		}),
	));
	steps.push(as_root(RuntimeCall::CommunityCurrencies(CurrenciesCall::approve { asset })));
	steps
}

/// Contributions logged to a genesis design's network (whose steward is the design's creator:
/// the network's id is the actor's index) by several accounts, reviewed mostly by the steward,
/// some withdrawn, revenue deposited, and claims by the steward and the others.
pub fn network() -> BoxedStrategy<Vec<Step>> {
	let contributions = vec((actor(), select(ContributionKind::all().to_vec()), 1..=20u32), 1..=5);
	let reviews = vec(
		(prop_oneof![4 => Just(None), 1 => actor().prop_map(Some)], 3..16u64, any::<bool>()),
		1..=6,
	);
	let claims = vec((actor(), lapse()), 1..=6);
	(0..3u32, contributions, reviews, 3..16u64, actor(), revenue(), claims)
		.prop_map(|(network, contributions, reviews, withdrawn, payer, revenue, claims)| {
			let steward = network as u8;
			let call = RuntimeCall::ContributiveAccounting;
			let mut steps = Vec::new();
			for (who, kind, quantity) in contributions.iter().cloned() {
				steps.push(at(
					0,
					who,
					call(AccountingCall::log_contribution {
						network,
						kind,
						quantity,
						evidence: text("ipfs://work-log"),
					}),
				));
			}
			let (contributor, ..) = contributions[0];
			steps.push(at(
				0,
				contributor,
				call(AccountingCall::withdraw_contribution { contribution: withdrawn }),
			));
			for (reviewer, contribution, approve) in reviews {
				steps.push(at(
					0,
					reviewer.unwrap_or(steward),
					call(AccountingCall::review_contribution { contribution, approve }),
				));
			}
			steps.push(at(
				1,
				payer,
				call(AccountingCall::deposit_revenue {
					network,
					asset: NativeOrWithId::Native,
					amount: revenue,
				}),
			));
			steps.push(at(
				0,
				steward,
				call(AccountingCall::claim { network, asset: NativeOrWithId::Native }),
			));
			for (who, lapse) in claims {
				steps.push(at(
					lapse,
					who,
					call(AccountingCall::claim { network, asset: NativeOrWithId::Native }),
				));
			}
			steps
		})
		.boxed()
}

/// A network of its own: created with stewards, its value equation and stewards changed.
pub fn own_network() -> BoxedStrategy<Vec<Step>> {
	(actor(), vec(actor(), 1..=3), actor(), 0..8u32)
		.prop_map(|(creator, stewards, newcomer, network)| {
			let call = RuntimeCall::ContributiveAccounting;
			let mut stewards: Vec<_> =
				stewards.into_iter().map(cosmolocal_robustness::actors::actor).collect();
			stewards.dedup();
			let first = cosmolocal_robustness::actors::actor(creator);
			if !stewards.contains(&first) {
				stewards.insert(0, first);
			}
			let mut changed = stewards.clone();
			changed.push(cosmolocal_robustness::actors::actor(newcomer));
			vec![
				at(
					0,
					creator,
					call(AccountingCall::create_network {
						name: text("Repair circle"),
						stewards: BoundedVec::truncate_from(stewards),
						approval_threshold: 1,
						value_equation: pallet_contributive_accounting::ValueEquation::Disco,
					}),
				),
				at(
					1,
					creator,
					call(AccountingCall::set_value_equation {
						network,
						equation: pallet_contributive_accounting::ValueEquation::Equal,
					}),
				),
				at(
					0,
					creator,
					call(AccountingCall::set_stewards {
						network,
						stewards: BoundedVec::truncate_from(changed),
						approval_threshold: 1,
					}),
				),
			]
		})
		.boxed()
}

/// A design registered by an actor (sometimes as a derivative of a genesis design), given
/// versions, a second maintainer, its commons share and readiness, attestations (one revoked),
/// a certification, and perhaps deprecated.
pub fn design() -> BoxedStrategy<Vec<Step>> {
	let versions = vec((1..20u8, lapse()), 0..=3);
	let attestations = vec((actor(), 0..3u32), 0..=4);
	let settings = (0..=200_000u32, prop_oneof![Just(Readiness::Prototype), Just(Readiness::Made)]);
	let content = any::<[u8; 31]>();
	(
		actor(),
		(0..3u32, any::<bool>()),
		versions,
		account(),
		attestations,
		settings,
		any::<bool>(),
		content,
	)
		.prop_map(
			|(
				maintainer,
				lineage,
				versions,
				helper,
				attestations,
				settings,
				deprecated,
				content,
			)| {
				let (parent, derived) = lineage;
				// Manifest hashes of this design's own content, one per version: another design's
				// hash would be refused as a copy.
				let manifest_hash = |version: u8| {
					let mut hash = [version; 32];
					hash[1..].copy_from_slice(&content);
					hash
				};
				let (share, readiness) = settings;
				let call = RuntimeCall::DesignRegistry;
				let design = LATEST_DESIGN;
				let mut steps = vec![at(
					0,
					maintainer,
					call(DesignCall::register_design {
						name: text("Pedal-powered grain mill"),
						licences: DesignLicences {
							hardware: text("CERN-OHL-S-2.0"),
							documentation: text("CC-BY-SA-4.0"),
							software: None,
						},
						tags: BoundedVec::truncate_from(vec![text("food"), text("pedal")]),
						processes: BoundedVec::truncate_from(vec![
							Process::Metalworking,
							Process::Woodworking,
						]),
						manifest: text("ipfs://grain-mill"),
						manifest_hash: manifest_hash(0),
						version_label: text("1.0.0"),
						lineage: derived.then_some(Lineage {
							kind: LineageKind::Derivative,
							parent,
							parent_version: 0,
						}),
					}),
				)];
				steps.push(at(
					0,
					maintainer,
					call(DesignCall::add_maintainer { design, maintainer: helper.clone() }),
				));
				steps.push(at(
					0,
					maintainer,
					call(DesignCall::set_commons_share {
						design,
						share: Permill::from_parts(share),
					}),
				));
				steps.push(at(
					0,
					maintainer,
					call(DesignCall::set_readiness { design, readiness }),
				));
				for (minor, lapse) in versions {
					steps.push(at(
						lapse,
						maintainer,
						call(DesignCall::publish_version {
							design,
							manifest: text("ipfs://grain-mill"),
							manifest_hash: manifest_hash(minor),
							version_label: text(&format!("1.{minor}.0")),
						}),
					));
				}
				for (attester, version) in attestations.iter().copied() {
					steps.push(at(
						0,
						attester,
						call(DesignCall::attest {
							design,
							version,
							kind: AttestationKind::Built,
							evidence: text("ipfs://build-photos"),
						}),
					));
				}
				if let Some((attester, version)) = attestations.first().copied() {
					steps.push(at(
						1,
						attester,
						call(DesignCall::revoke_attestation {
							design,
							version,
							kind: AttestationKind::Built,
						}),
					));
				}
				steps.push(as_root(call(DesignCall::certify {
					design,
					version: 0,
					evidence: text("ipfs://certification-report"),
				})));
				steps.push(at(
					0,
					maintainer,
					call(DesignCall::remove_maintainer { design, maintainer: helper }),
				));
				if deprecated {
					steps.push(at(
						0,
						maintainer,
						call(DesignCall::deprecate { design, successor: Some(parent) }),
					));
				}
				steps
			},
		)
		.boxed()
}

/// Governance adds an open licence, a design is registered under it, and the licence is taken
/// off the list again.
pub fn licence() -> BoxedStrategy<Vec<Step>> {
	(actor(), any::<bool>())
		.prop_map(|(maker, share_alike)| {
			let call = RuntimeCall::DesignRegistry;
			vec![
				as_root(call(DesignCall::allow_licence {
					licence: text("OHL-FOR-ALL-1.0"),
					share_alike,
				})),
				at(
					1,
					maker,
					call(DesignCall::register_design {
						name: text("Rainwater tank"),
						licences: DesignLicences {
							hardware: text("OHL-FOR-ALL-1.0"),
							documentation: text("CC-BY-4.0"),
							software: None,
						},
						tags: BoundedVec::new(),
						processes: BoundedVec::truncate_from(vec![Process::Welding]),
						manifest: text("ipfs://tank"),
						manifest_hash: [9; 32],
						version_label: text("0.1.0"),
						lineage: None,
					}),
				),
				as_root(call(DesignCall::disallow_licence { licence: text("OHL-FOR-ALL-1.0") })),
			]
		})
		.boxed()
}
