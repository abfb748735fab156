//! A plain account as the commons: where the commons share goes until the runtime has a value
//! network for each design.

use crate::{AssetKindOf, BalanceOf, Config};
use core::marker::PhantomData;
use cosmolocal_primitives::{design::DesignId, production::DesignCommons};
use frame_support::traits::{
	fungibles::{Inspect, Mutate},
	tokens::{DepositConsequence, Preservation, Provenance},
	Get,
};
use sp_runtime::{traits::Zero, DispatchError};

/// Sends every design's commons share to the one account `Account`, and records no production.
pub struct CommonsAccount<T, Account>(PhantomData<(T, Account)>);

impl<T: Config, Account: Get<T::AccountId>>
	DesignCommons<T::AccountId, AssetKindOf<T>, BalanceOf<T>> for CommonsAccount<T, Account>
{
	fn pay_commons_share(
		_design: DesignId,
		payer: &T::AccountId,
		asset: AssetKindOf<T>,
		amount: BalanceOf<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		let commons = Account::get();
		if T::Assets::can_deposit(asset.clone(), &commons, amount, Provenance::Extant)
			!= DepositConsequence::Success
		{
			return Ok(Zero::zero());
		}
		T::Assets::transfer(asset, payer, &commons, amount, Preservation::Preserve)
	}

	fn note_production(_design: DesignId, _producer: &T::AccountId, _units: u32) {}
}
