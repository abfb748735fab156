//! What the `cosmolocal_*` methods answer: the runtime's records as JSON an integrator reads
//! without the chain's metadata. Accounts are SS58 addresses of this chain, balances and points
//! decimal strings of the smallest unit, hashes `0x`-hex, texts UTF-8 (`0x`-hex if they are not
//! UTF-8), shares exact decimal fractions of 1, and enum values the names of the metadata.

use cosmolocal_primitives::{
	contribution::NetworkId,
	design::{DesignId, Process, VersionIndex},
	production::PledgeId,
	AssetId, Balance, BlockNumber, SS58_PREFIX,
};
use cosmolocal_runtime::{AccountId, Runtime};
use frame_support::traits::fungible::NativeOrWithId;
use pallet_contributive_accounting::{
	Contribution, ContributionId, KindWeights, Network, RevenuePool, ValueEquation,
};
use pallet_design_registry::{Design, DesignStatus, DesignVersion};
use pallet_production_pledges::{Pledge, Producer, ProducerRecord};
use serde::Serialize;
use sp_core::crypto::{Ss58AddressFormat, Ss58Codec};
use sp_runtime::{PerThing, Perbill, Permill};
use std::fmt::Debug;

/// A page of a list: `next` is where the following page starts (pass it as `startAfter`), or
/// `null` when this page is the last.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Page<Item, Next> {
	/// The entries of the page.
	pub items: Vec<Item>,
	/// The cursor of the following page.
	pub next: Option<Next>,
}

impl<Item, Next> Page<Item, Next> {
	/// A page of `items` out of a page of at most `limit` keys; `next` is the last key when the
	/// page is full, since more may follow.
	pub fn new(items: Vec<Item>, last_key: Option<Next>, limit: u32) -> Self {
		let full = items.len() == limit as usize;
		Self { items, next: last_key.filter(|_| full) }
	}
}

/// What revenue and prices are paid in, spelt as extrinsics and runtime APIs spell it
/// (`NativeOrWithId`): `"Native"` or `{"WithId": id}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Asset {
	/// The chain's token, CML.
	Native,
	/// An asset of the Assets pallet, by id.
	WithId(AssetId),
}

impl From<NativeOrWithId<AssetId>> for Asset {
	fn from(kind: NativeOrWithId<AssetId>) -> Self {
		match kind {
			NativeOrWithId::Native => Self::Native,
			NativeOrWithId::WithId(id) => Self::WithId(id),
		}
	}
}

/// An account as an SS58 address of this chain.
pub fn address(account: &AccountId) -> String {
	account.to_ss58check_with_version(Ss58AddressFormat::custom(SS58_PREFIX))
}

fn addresses<'a>(accounts: impl IntoIterator<Item = &'a AccountId>) -> Vec<String> {
	accounts.into_iter().map(address).collect()
}

/// Bytes as UTF-8 text, or `0x`-hex if they are not UTF-8.
pub fn text(bytes: &[u8]) -> String {
	String::from_utf8(bytes.to_vec())
		.unwrap_or_else(|_| format!("0x{}", sp_core::hexdisplay::HexDisplay::from(&bytes)))
}

/// A balance or an amount of points as a decimal string.
pub fn amount(value: u128) -> String {
	value.to_string()
}

/// A share as an exact decimal fraction of 1: `0.05`, `1`, `0`.
pub fn fraction<P: PerThing>(share: P) -> String
where
	P::Inner: Into<u64>,
{
	let parts: u64 = share.deconstruct().into();
	let one: u64 = P::ACCURACY.into();
	if parts >= one {
		return "1".into();
	}
	let width = one.ilog10() as usize;
	let digits = format!("{parts:0width$}");
	let digits = digits.trim_end_matches('0');
	if digits.is_empty() {
		"0".into()
	} else {
		format!("0.{digits}")
	}
}

/// The name of a unit enum variant, as the metadata has it.
fn name(variant: impl Debug) -> String {
	format!("{variant:?}")
}

/// A design and its latest version.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DesignView {
	id: DesignId,
	name: String,
	maintainers: Vec<String>,
	licences: LicencesView,
	tags: Vec<String>,
	processes: Vec<Process>,
	lineage: Option<LineageView>,
	status: String,
	successor: Option<DesignId>,
	readiness: String,
	commons_share: String,
	version_count: VersionIndex,
	latest_version: Option<VersionView>,
	network: Option<NetworkId>,
	network_account: Option<String>,
	registered_at: BlockNumber,
	depositor: String,
	deposit: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct LicencesView {
	hardware: String,
	documentation: String,
	software: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct LineageView {
	kind: String,
	parent: DesignId,
	parent_version: VersionIndex,
}

/// A published version of a design.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VersionView {
	index: VersionIndex,
	label: String,
	manifest: String,
	manifest_hash: String,
	publisher: String,
	published_at: BlockNumber,
	deposit: String,
}

impl VersionView {
	/// The version `index` of a design.
	pub fn new(index: VersionIndex, version: &DesignVersion<Runtime>) -> Self {
		Self {
			index,
			label: text(&version.label),
			manifest: text(&version.manifest),
			manifest_hash: format!(
				"0x{}",
				sp_core::hexdisplay::HexDisplay::from(&version.manifest_hash)
			),
			publisher: address(&version.publisher),
			published_at: version.published_at,
			deposit: amount(version.deposit),
		}
	}
}

impl DesignView {
	/// Design `id`, with its latest version and its value network (with the network's account).
	pub fn new(
		id: DesignId,
		design: &Design<Runtime>,
		latest_version: Option<VersionView>,
		network: Option<(NetworkId, AccountId)>,
	) -> Self {
		let (status, successor) = match design.status {
			DesignStatus::Active => ("Active", None),
			DesignStatus::Deprecated { successor } => ("Deprecated", successor),
		};
		Self {
			id,
			name: text(&design.name),
			maintainers: addresses(&design.maintainers),
			licences: LicencesView {
				hardware: text(&design.licences.hardware),
				documentation: text(&design.licences.documentation),
				software: design.licences.software.as_ref().map(|bytes| text(bytes)),
			},
			tags: design.tags.iter().map(|tag| text(tag)).collect(),
			processes: design.processes.to_vec(),
			lineage: design.lineage.map(|lineage| LineageView {
				kind: name(lineage.kind),
				parent: lineage.parent,
				parent_version: lineage.parent_version,
			}),
			status: status.into(),
			successor,
			readiness: name(design.readiness),
			commons_share: fraction::<Permill>(design.commons_share),
			version_count: design.version_count,
			latest_version,
			network: network.as_ref().map(|(id, _)| *id),
			network_account: network.as_ref().map(|(_, account)| address(account)),
			registered_at: design.registered_at,
			depositor: address(&design.depositor),
			deposit: amount(design.deposit),
		}
	}
}

/// A producer.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProducerView {
	account: String,
	name: String,
	region: String,
	plus_code: Option<String>,
	processes: Vec<Process>,
	facility_manifest: Option<String>,
	open_pledges: u32,
	record: ProducerRecordView,
	deposit: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct ProducerRecordView {
	fulfilled: u32,
	failed: u32,
	disputed: u32,
	defaulted: u32,
	cancelled: u32,
}

impl From<ProducerRecord> for ProducerRecordView {
	fn from(record: ProducerRecord) -> Self {
		let ProducerRecord { fulfilled, failed, disputed, defaulted, cancelled } = record;
		Self { fulfilled, failed, disputed, defaulted, cancelled }
	}
}

impl ProducerView {
	/// The producer of `account`.
	pub fn new(account: &AccountId, producer: &Producer<Runtime>) -> Self {
		Self {
			account: address(account),
			name: text(&producer.name),
			region: text(&producer.region),
			plus_code: producer.plus_code.as_ref().map(|bytes| text(bytes)),
			processes: producer.processes.to_vec(),
			facility_manifest: producer.facility_manifest.as_ref().map(|bytes| text(bytes)),
			open_pledges: producer.open_pledges,
			record: producer.record.into(),
			deposit: amount(producer.deposit),
		}
	}
}

/// A pledge, its terms flattened, with its escrow account.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PledgeView {
	id: PledgeId,
	producer: String,
	region: String,
	design: DesignId,
	version: VersionIndex,
	asset: Asset,
	unit_price: String,
	quantity: u32,
	min_quantity: u32,
	funding_deadline: BlockNumber,
	delivery_deadline: BlockNumber,
	bond: String,
	commons_share: String,
	state: String,
	backed_units: u32,
	backers: u32,
	confirmed_units: u32,
	delivery: Option<DeliveryView>,
	dispute: Option<DisputeView>,
	refunds: RefundsView,
	unpaid_to_producer: String,
	escrow_minimum: String,
	escrow: String,
	deposit: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct DeliveryView {
	units: u32,
	evidence: String,
	challenge_ends: BlockNumber,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct DisputeView {
	by: String,
	reason: String,
	deposit: String,
	verdict_due: BlockNumber,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct RefundsView {
	total: String,
	unclaimed: String,
	unclaimed_units: u32,
}

impl PledgeView {
	/// Pledge `id`, whose escrow account is `escrow`.
	pub fn new(id: PledgeId, pledge: &Pledge<Runtime>, escrow: &AccountId) -> Self {
		let terms = &pledge.terms;
		Self {
			id,
			producer: address(&pledge.producer),
			region: text(&pledge.region),
			design: terms.design,
			version: terms.version,
			asset: terms.asset.clone().into(),
			unit_price: amount(terms.unit_price),
			quantity: terms.quantity,
			min_quantity: terms.min_quantity,
			funding_deadline: terms.funding_deadline,
			delivery_deadline: terms.delivery_deadline,
			bond: amount(terms.bond),
			commons_share: fraction::<Permill>(pledge.commons_share),
			state: name(pledge.state),
			backed_units: pledge.backed_units,
			backers: pledge.backers,
			confirmed_units: pledge.confirmed_units,
			delivery: pledge.delivery.as_ref().map(|delivery| DeliveryView {
				units: delivery.units,
				evidence: text(&delivery.evidence),
				challenge_ends: delivery.challenge_ends,
			}),
			dispute: pledge.dispute.as_ref().map(|dispute| DisputeView {
				by: address(&dispute.by),
				reason: text(&dispute.reason),
				deposit: amount(dispute.deposit),
				verdict_due: dispute.verdict_due,
			}),
			refunds: RefundsView {
				total: amount(pledge.refunds.total),
				unclaimed: amount(pledge.refunds.unclaimed),
				unclaimed_units: pledge.refunds.unclaimed_units,
			},
			unpaid_to_producer: amount(pledge.unpaid_to_producer),
			escrow_minimum: amount(pledge.escrow_minimum),
			escrow: address(escrow),
			deposit: amount(pledge.deposit),
		}
	}
}

/// A community currency and who holds each of its powers.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CurrencyView {
	asset: AssetId,
	name: String,
	symbol: String,
	decimals: u8,
	/// When the Assembly approved it, or `null`.
	approved_at: Option<BlockNumber>,
	/// Whether pledges may be priced in it and networks receive it now.
	usable: bool,
	issuer: String,
	owner: String,
	admin: String,
	freezer: String,
	sufficient: bool,
	state: String,
	min_balance: String,
	supply: String,
}

impl CurrencyView {
	/// The view of `info`.
	pub fn new(info: &pallet_community_currencies::CurrencyInfoOf<Runtime>) -> Self {
		Self {
			asset: info.asset,
			name: text(&info.name),
			symbol: text(&info.symbol),
			decimals: info.decimals,
			approved_at: info.approved_at,
			usable: info.usable,
			issuer: address(&info.issuer),
			owner: address(&info.owner),
			admin: address(&info.admin),
			freezer: address(&info.freezer),
			sufficient: info.sufficient,
			state: format!("{:?}", info.state),
			min_balance: amount(info.min_balance),
			supply: amount(info.supply),
		}
	}
}

/// A value network and its revenue per asset.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NetworkView {
	id: NetworkId,
	account: String,
	name: String,
	stewards: Vec<String>,
	approval_threshold: u32,
	equation: String,
	weights: WeightsView,
	design: Option<DesignId>,
	total_points: String,
	revenue: Vec<RevenueView>,
	depositor: String,
	deposit: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct WeightsView {
	design: u32,
	documentation: u32,
	testing: u32,
	production: u32,
	materials: u32,
	funding: u32,
	care: u32,
	coordination: u32,
}

impl From<KindWeights> for WeightsView {
	fn from(weights: KindWeights) -> Self {
		let KindWeights {
			design,
			documentation,
			testing,
			production,
			materials,
			funding,
			care,
			coordination,
		} = weights;
		Self { design, documentation, testing, production, materials, funding, care, coordination }
	}
}

/// A network's revenue in one asset.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RevenueView {
	asset: Asset,
	received: String,
	claimed: String,
	waiting: String,
	kept_minimum: String,
}

impl NetworkView {
	/// Network `id`, whose account is `account`, with its revenue.
	pub fn new(
		id: NetworkId,
		network: &Network<Runtime>,
		account: &AccountId,
		revenue: Vec<(NativeOrWithId<AssetId>, RevenuePool<Runtime>)>,
	) -> Self {
		let equation = match network.equation {
			ValueEquation::Equal => "Equal",
			ValueEquation::Disco => "Disco",
			ValueEquation::Maker => "Maker",
			ValueEquation::Custom(_) => "Custom",
		};
		Self {
			id,
			account: address(account),
			name: text(&network.name),
			stewards: addresses(&network.stewards),
			approval_threshold: network.approval_threshold,
			equation: equation.into(),
			weights: network.equation.weights().into(),
			design: network.design,
			total_points: amount(network.total_points),
			revenue: revenue
				.into_iter()
				.map(|(asset, pool)| RevenueView {
					asset: asset.into(),
					received: amount(pool.received),
					claimed: amount(pool.claimed),
					waiting: amount(pool.waiting),
					kept_minimum: amount(pool.kept_minimum),
				})
				.collect(),
			depositor: address(&network.depositor),
			deposit: amount(network.deposit),
		}
	}
}

/// A member's points, share and claimable revenue in a network.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MemberShareView {
	network: NetworkId,
	network_account: String,
	account: String,
	points: String,
	share: String,
	claimable: Vec<ClaimableView>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct ClaimableView {
	asset: Asset,
	amount: String,
}

impl MemberShareView {
	/// What `account` holds in `network`, whose account is `network_account`; no points and no
	/// share if it is not a member.
	pub fn new(
		network: NetworkId,
		network_account: &AccountId,
		account: &AccountId,
		standing: Option<(u128, Perbill)>,
		claimable: Vec<(NativeOrWithId<AssetId>, Balance)>,
	) -> Self {
		let (points, share) = standing.unwrap_or_default();
		Self {
			network,
			network_account: address(network_account),
			account: address(account),
			points: amount(points),
			share: fraction(share),
			claimable: claimable
				.into_iter()
				.map(|(asset, claimable)| ClaimableView {
					asset: asset.into(),
					amount: amount(claimable),
				})
				.collect(),
		}
	}
}

/// A contribution and its reviews.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ContributionView {
	id: ContributionId,
	network: NetworkId,
	contributor: String,
	kind: String,
	quantity: u32,
	evidence: String,
	state: String,
	approvals: Vec<String>,
	rejections: Vec<String>,
	points: String,
	deposit: String,
}

impl ContributionView {
	/// Contribution `id`.
	pub fn new(id: ContributionId, contribution: &Contribution<Runtime>) -> Self {
		Self {
			id,
			network: contribution.network,
			contributor: address(&contribution.contributor),
			kind: name(contribution.kind),
			quantity: contribution.quantity,
			evidence: text(&contribution.evidence),
			state: name(contribution.state),
			approvals: addresses(&contribution.approvals),
			rejections: addresses(&contribution.rejections),
			points: amount(contribution.points),
			deposit: amount(contribution.deposit),
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn shares_are_exact_decimal_fractions() {
		assert_eq!(fraction(Permill::from_percent(5)), "0.05");
		assert_eq!(fraction(Permill::from_parts(1)), "0.000001");
		assert_eq!(fraction(Permill::one()), "1");
		assert_eq!(fraction(Permill::zero()), "0");
		assert_eq!(fraction(Perbill::from_rational(1u32, 3u32)), "0.333333333");
		assert_eq!(fraction(Perbill::from_percent(25)), "0.25");
	}

	#[test]
	fn texts_that_are_not_utf8_are_shown_as_hex() {
		assert_eq!(text(b"ES-CT"), "ES-CT");
		assert_eq!(text(&[0xff, 0x00]), "0xff00");
	}

	#[test]
	fn assets_are_named() {
		assert_eq!(serde_json::to_value(Asset::from(NativeOrWithId::Native)).unwrap(), "Native");
		assert_eq!(
			serde_json::to_value(Asset::from(NativeOrWithId::WithId(7))).unwrap(),
			serde_json::json!({ "WithId": 7 })
		);
	}

	#[test]
	fn pages_point_to_the_next_only_when_full() {
		assert_eq!(Page::new(vec![1, 2], Some(2), 2).next, Some(2));
		assert_eq!(Page::new(vec![1], Some(1), 2).next, None);
		assert_eq!(Page::<u32, u32>::new(vec![], None, 2).next, None);
	}
}
