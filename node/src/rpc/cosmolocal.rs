//! The `cosmolocal_*` methods: the design registry, production pledges and contributive
//! accounting, read through their runtime APIs at a block, answered as JSON an integrator can
//! use without the chain's metadata. `docs/integrator-guide.md` shows each with `curl`.

use super::{
	errors::{not_found, not_found_with_hint, runtime_error},
	params::{self, Cursor, DesignFilter, PledgeFilter},
	views::{
		address, ContributionView, CurrencyView, DesignView, MemberShareView, NetworkView, Page,
		PledgeView, ProducerView, VersionView,
	},
};
use cosmolocal_primitives::{
	contribution::NetworkId, design::DesignId, production::PledgeId, AssetId, Balance,
};
use cosmolocal_runtime::{opaque::Block, AccountId, Runtime};
use frame_support::traits::fungible::NativeOrWithId;
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use pallet_community_currencies::CurrencyInfoOf;
use pallet_community_currencies_runtime_api::CommunityCurrenciesApi;
use pallet_contributive_accounting::{Contribution, ContributionState, Network, RevenuePool};
use pallet_contributive_accounting_runtime_api::ContributiveAccountingApi;
use pallet_design_registry::{Design, DesignVersion, Tag};
use pallet_design_registry_runtime_api::DesignRegistryApi;
use pallet_production_pledges::{Pledge, PledgeState, Producer, RegionCode};
use pallet_production_pledges_runtime_api::ProductionPledgesApi;
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;
use std::sync::Arc;

type Hash = <Block as BlockT>::Hash;

/// The runtime APIs the `cosmolocal_*` methods read, with the runtime's types.
pub trait CosmolocalRuntimeApis:
	DesignRegistryApi<Block, AccountId, Design<Runtime>, DesignVersion<Runtime>, Tag<Runtime>>
	+ ProductionPledgesApi<
		Block,
		AccountId,
		Balance,
		Producer<Runtime>,
		Pledge<Runtime>,
		RegionCode,
		PledgeState,
	> + ContributiveAccountingApi<
		Block,
		AccountId,
		NativeOrWithId<AssetId>,
		Balance,
		Network<Runtime>,
		RevenuePool<Runtime>,
		Contribution<Runtime>,
		ContributionState,
	> + CommunityCurrenciesApi<Block, AccountId, AssetId, CurrencyInfoOf<Runtime>>
{
}

impl<Api> CosmolocalRuntimeApis for Api where
	Api: DesignRegistryApi<Block, AccountId, Design<Runtime>, DesignVersion<Runtime>, Tag<Runtime>>
		+ ProductionPledgesApi<
			Block,
			AccountId,
			Balance,
			Producer<Runtime>,
			Pledge<Runtime>,
			RegionCode,
			PledgeState,
		> + ContributiveAccountingApi<
			Block,
			AccountId,
			NativeOrWithId<AssetId>,
			Balance,
			Network<Runtime>,
			RevenuePool<Runtime>,
			Contribution<Runtime>,
			ContributionState,
		> + CommunityCurrenciesApi<Block, AccountId, AssetId, CurrencyInfoOf<Runtime>>
{
}

/// Queries of designs, producers, pledges and value networks. Each method reads the state at
/// block `at`, or at the best block when `at` is left out. Lists come in the chain's storage
/// order, which is stable but is not the order of ids; they take a `limit` of 1 to 100 entries
/// (100 if left out) and answer a page whose `next`, when not `null`, is the `startAfter` of the
/// following page.
#[rpc(server, namespace = "cosmolocal")]
pub trait CosmolocalApi {
	/// A design with its latest version and its value network.
	#[method(name = "design", blocking)]
	fn design(&self, id: DesignId, at: Option<Hash>) -> RpcResult<DesignView>;

	/// The designs of a maintainer (`{"maintainer": address}`), with a tag (`{"tag": "solar"}`)
	/// or derived from a design (`{"derivativesOf": id}`).
	#[method(name = "designs", blocking)]
	fn designs(
		&self,
		filter: serde_json::Value,
		#[argument(rename = "startAfter")] start_after: Option<Cursor>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Page<DesignView, DesignId>>;

	/// A producer: workshop, makerspace or cooperative.
	#[method(name = "producer", blocking)]
	fn producer(&self, account: String, at: Option<Hash>) -> RpcResult<ProducerView>;

	/// The producers of a country (`KE`) or region (`ES-CT`), by region then account.
	#[method(name = "producers", blocking)]
	fn producers(
		&self,
		region: String,
		#[argument(rename = "startAfter")] start_after: Option<Cursor>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Page<ProducerView, Cursor>>;

	/// A pledge that has not been closed out, with its escrow account.
	#[method(name = "pledge", blocking)]
	fn pledge(&self, id: PledgeId, at: Option<Hash>) -> RpcResult<PledgeView>;

	/// The pledges of a country or region (`{"region": "ES"}`), a design (`{"design": id}`), a
	/// producer (`{"producer": address}`) or in a state (`{"state": "Funding"}`).
	#[method(name = "pledges", blocking)]
	fn pledges(
		&self,
		filter: serde_json::Value,
		#[argument(rename = "startAfter")] start_after: Option<Cursor>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Page<PledgeView, Cursor>>;

	/// A value network: stewards, value equation, points and revenue per asset.
	#[method(name = "network", blocking)]
	fn network(&self, id: NetworkId, at: Option<Hash>) -> RpcResult<NetworkView>;

	/// A member's points, share of the network's points and claimable revenue per asset.
	#[method(name = "memberShare", blocking)]
	fn member_share(
		&self,
		network: NetworkId,
		account: String,
		at: Option<Hash>,
	) -> RpcResult<MemberShareView>;

	/// The contributions of a network in a state (`Pending`, `Accepted`, `Rejected`).
	#[method(name = "contributions", blocking)]
	fn contributions(
		&self,
		network: NetworkId,
		state: String,
		#[argument(rename = "startAfter")] start_after: Option<Cursor>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Page<ContributionView, u64>>;

	/// The community currencies the Assembly approved (pledges may be priced in them, networks
	/// receive them), each with its issuer and the holders of its other powers, and the
	/// custodian account an asset's owner hands an asset to before the Assembly approves it.
	#[method(name = "currencies", blocking)]
	fn currencies(&self, at: Option<Hash>) -> RpcResult<CurrenciesView>;

	/// One asset of the Assets pallet, approved or not, with who holds each of its powers.
	#[method(name = "currency", blocking)]
	fn currency(&self, asset: AssetId, at: Option<Hash>) -> RpcResult<CurrencyView>;
}

/// The approved currencies and their custodian.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct CurrenciesView {
	/// The keyless account that holds the approved currencies' owner, admin and freezer powers.
	custodian: String,
	/// The approved currencies.
	approved: Vec<CurrencyView>,
}

/// The `cosmolocal_*` methods over a client.
pub struct Cosmolocal<C> {
	client: Arc<C>,
}

impl<C> Cosmolocal<C> {
	/// The methods, answering from `client`'s state.
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

impl<C> Cosmolocal<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block>,
	C::Api: CosmolocalRuntimeApis,
{
	/// The block to read: `at`, or the best block; an error if the node does not know it.
	fn block(&self, at: Option<Hash>) -> RpcResult<Hash> {
		let hash = at.unwrap_or_else(|| self.client.info().best_hash);
		match self.client.header(hash).map_err(runtime_error)? {
			Some(_) => Ok(hash),
			None => Err(not_found(format!("block {hash:?}"))),
		}
	}

	fn design_record(&self, api: &C::Api, at: Hash, id: DesignId) -> RpcResult<Design<Runtime>> {
		api.design(at, id).map_err(runtime_error)?.ok_or_else(|| not_found(format!("design {id}")))
	}

	fn design_view(&self, api: &C::Api, at: Hash, id: DesignId) -> RpcResult<DesignView> {
		let design = self.design_record(api, at, id)?;
		let latest = match design.version_count.checked_sub(1) {
			None => None,
			Some(latest) => api
				.versions(at, id, latest.checked_sub(1), 1)
				.map_err(runtime_error)?
				.into_iter()
				.next()
				.map(|(index, version)| VersionView::new(index, &version)),
		};
		let network = match api.design_network(at, id).map_err(runtime_error)? {
			Some(network) => {
				Some((network, api.network_account(at, network).map_err(runtime_error)?))
			},
			None => None,
		};
		Ok(DesignView::new(id, &design, latest, network))
	}

	fn producer_record(
		&self,
		api: &C::Api,
		at: Hash,
		account: &AccountId,
	) -> RpcResult<Producer<Runtime>> {
		api.producer(at, account.clone())
			.map_err(runtime_error)?
			.ok_or_else(|| not_found(format!("producer {}", super::views::address(account))))
	}

	fn producer_view(
		&self,
		api: &C::Api,
		at: Hash,
		account: &AccountId,
	) -> RpcResult<ProducerView> {
		Ok(ProducerView::new(account, &self.producer_record(api, at, account)?))
	}

	fn pledge_view(&self, api: &C::Api, at: Hash, id: PledgeId) -> RpcResult<PledgeView> {
		let pledge = api.pledge(at, id).map_err(runtime_error)?.ok_or_else(|| {
			not_found_with_hint(
				format!("pledge {id}"),
				"a pledge is removed once all its backers have claimed; its history is in the \
				 events of the blocks it was in",
			)
		})?;
		let escrow = api.escrow_account(at, id).map_err(runtime_error)?;
		Ok(PledgeView::new(id, &pledge, &escrow))
	}

	fn network_record(&self, api: &C::Api, at: Hash, id: NetworkId) -> RpcResult<Network<Runtime>> {
		api.network(at, id)
			.map_err(runtime_error)?
			.ok_or_else(|| not_found(format!("network {id}")))
	}
}

impl<C> CosmolocalApiServer for Cosmolocal<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: CosmolocalRuntimeApis,
{
	fn design(&self, id: DesignId, at: Option<Hash>) -> RpcResult<DesignView> {
		let at = self.block(at)?;
		self.design_view(&self.client.runtime_api(), at, id)
	}

	fn designs(
		&self,
		filter: serde_json::Value,
		start_after: Option<Cursor>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Page<DesignView, DesignId>> {
		let at = self.block(at)?;
		let limit = params::limit(limit)?;
		let start_after = params::id_cursor(start_after)?;
		let api = self.client.runtime_api();
		let ids = match params::design_filter(filter)? {
			DesignFilter::Maintainer(address) => {
				api.designs_of(at, params::account(&address)?, start_after, limit)
			},
			DesignFilter::Tag(tag) => {
				api.designs_by_tag(at, params::tag(&tag)?, start_after, limit)
			},
			DesignFilter::DerivativesOf(parent) => {
				self.design_record(&api, at, parent)?;
				api.derivatives(at, parent, start_after, limit)
			},
		}
		.map_err(runtime_error)?;
		let items =
			ids.iter().map(|id| self.design_view(&api, at, *id)).collect::<RpcResult<Vec<_>>>()?;
		Ok(Page::new(items, ids.last().copied(), limit))
	}

	fn producer(&self, account: String, at: Option<Hash>) -> RpcResult<ProducerView> {
		let at = self.block(at)?;
		self.producer_view(&self.client.runtime_api(), at, &params::account(&account)?)
	}

	fn producers(
		&self,
		region: String,
		start_after: Option<Cursor>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Page<ProducerView, Cursor>> {
		let at = self.block(at)?;
		let region = params::region(&region)?;
		let limit = params::limit(limit)?;
		let start_after = params::region_cursor(start_after, params::account)?;
		let api = self.client.runtime_api();
		let entries =
			api.producers_by_region(at, region, start_after, limit).map_err(runtime_error)?;
		let items = entries
			.iter()
			.map(|(_, account)| self.producer_view(&api, at, account))
			.collect::<RpcResult<Vec<_>>>()?;
		let last = entries.last().map(|(region, account)| {
			Cursor::Text(format!(
				"{}/{}",
				super::views::text(region),
				super::views::address(account)
			))
		});
		Ok(Page::new(items, last, limit))
	}

	fn pledge(&self, id: PledgeId, at: Option<Hash>) -> RpcResult<PledgeView> {
		let at = self.block(at)?;
		self.pledge_view(&self.client.runtime_api(), at, id)
	}

	fn pledges(
		&self,
		filter: serde_json::Value,
		start_after: Option<Cursor>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Page<PledgeView, Cursor>> {
		let at = self.block(at)?;
		let limit = params::limit(limit)?;
		let api = self.client.runtime_api();
		let (ids, last): (Vec<PledgeId>, Option<Cursor>) = match params::pledge_filter(filter)? {
			PledgeFilter::Region(region) => {
				let region = params::region(&region)?;
				let start_after = params::region_cursor(start_after, params::pledge_id)?;
				let entries =
					api.pledges_by_region(at, region, start_after, limit).map_err(runtime_error)?;
				let last = entries.last().map(|(region, id)| {
					Cursor::Text(format!("{}/{id}", super::views::text(region)))
				});
				(entries.into_iter().map(|(_, id)| id).collect(), last)
			},
			PledgeFilter::Design(design) => {
				self.design_record(&api, at, design)?;
				let start_after = params::id_cursor(start_after)?;
				pledge_id_page(api.pledges_by_design(at, design, start_after, limit))?
			},
			PledgeFilter::Producer(address) => {
				let producer = params::account(&address)?;
				self.producer_record(&api, at, &producer)?;
				let start_after = params::id_cursor(start_after)?;
				pledge_id_page(api.pledges_by_producer(at, producer, start_after, limit))?
			},
			PledgeFilter::State(state) => {
				let state = params::pledge_state(&state)?;
				let start_after = params::id_cursor(start_after)?;
				pledge_id_page(api.pledges_by_state(at, state, start_after, limit))?
			},
		};
		let items =
			ids.iter().map(|id| self.pledge_view(&api, at, *id)).collect::<RpcResult<Vec<_>>>()?;
		Ok(Page::new(items, last, limit))
	}

	fn network(&self, id: NetworkId, at: Option<Hash>) -> RpcResult<NetworkView> {
		let at = self.block(at)?;
		let api = self.client.runtime_api();
		let network = self.network_record(&api, at, id)?;
		let account = api.network_account(at, id).map_err(runtime_error)?;
		let revenue = api.revenue(at, id).map_err(runtime_error)?;
		Ok(NetworkView::new(id, &network, &account, revenue))
	}

	fn member_share(
		&self,
		network: NetworkId,
		account: String,
		at: Option<Hash>,
	) -> RpcResult<MemberShareView> {
		let at = self.block(at)?;
		let account = params::account(&account)?;
		let api = self.client.runtime_api();
		self.network_record(&api, at, network)?;
		let network_account = api.network_account(at, network).map_err(runtime_error)?;
		let standing = api.member(at, network, account.clone()).map_err(runtime_error)?;
		let claimable = api.claimable(at, network, account.clone()).map_err(runtime_error)?;
		Ok(MemberShareView::new(network, &network_account, &account, standing, claimable))
	}

	fn contributions(
		&self,
		network: NetworkId,
		state: String,
		start_after: Option<Cursor>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Page<ContributionView, u64>> {
		let at = self.block(at)?;
		let state = params::contribution_state(&state)?;
		let limit = params::limit(limit)?;
		let start_after = params::id_cursor(start_after)?;
		let api = self.client.runtime_api();
		self.network_record(&api, at, network)?;
		let entries =
			api.contributions(at, network, state, start_after, limit).map_err(runtime_error)?;
		let items = entries
			.iter()
			.map(|(id, contribution)| ContributionView::new(*id, contribution))
			.collect();
		Ok(Page::new(items, entries.last().map(|(id, _)| *id), limit))
	}

	fn currencies(&self, at: Option<Hash>) -> RpcResult<CurrenciesView> {
		let at = self.block(at)?;
		let api = self.client.runtime_api();
		let custodian = api.custodian(at).map_err(runtime_error)?;
		let approved = api.approved_currencies(at).map_err(runtime_error)?;
		Ok(CurrenciesView {
			custodian: address(&custodian),
			approved: approved.iter().map(CurrencyView::new).collect(),
		})
	}

	fn currency(&self, asset: AssetId, at: Option<Hash>) -> RpcResult<CurrencyView> {
		let at = self.block(at)?;
		let api = self.client.runtime_api();
		let info = api.currency(at, asset).map_err(runtime_error)?;
		info.map(|info| CurrencyView::new(&info)).ok_or_else(|| not_found(format!("asset {asset}")))
	}
}

/// A page of pledge ids from the runtime, and the cursor of the page after it.
fn pledge_id_page(
	ids: Result<Vec<PledgeId>, sp_api::ApiError>,
) -> RpcResult<(Vec<PledgeId>, Option<Cursor>)> {
	let ids = ids.map_err(runtime_error)?;
	let last = ids.last().map(|id| Cursor::Id((*id).into()));
	Ok((ids, last))
}
