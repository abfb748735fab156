// The balances a scenario expects, kept by hand as the chain should keep them: each fee (read from
// the extrinsic's `TransactionFeePaid` event), deposit, payment and refund is entered as the
// rules say, and `verify` compares every account the ledger follows with the chain, to the unit.

import assert from 'node:assert/strict';

export class Ledger {
  /** `assetId`: the one asset of `pallet-assets` the ledger follows besides CML. */
  constructor(api, assetId) {
    this.api = api;
    this.assetId = assetId;
    this.accounts = new Map();
  }

  /** Follows `address` under `name`, starting from the given balances (all zero by default). */
  open(name, address, { free = 0n, reserved = 0n, asset = 0n } = {}) {
    assert.ok(!this.accounts.has(name), `${name} is followed once`);
    this.accounts.set(name, { address, free, reserved, asset });
  }

  address(name) {
    return this.entry(name).address;
  }

  entry(name) {
    const entry = this.accounts.get(name);
    assert.ok(entry, `the ledger follows ${name}`);
    return entry;
  }

  /**
   * Charges the fee of one extrinsic signed by `signer`: its events hold exactly one
   * `TransactionFeePaid`, from `signer`, without a tip (`actual_fee` includes the tip). Returns
   * the fee.
   */
  chargeFee(events, signer) {
    const { api } = this;
    const paid = events.filter(({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event));
    assert.equal(paid.length, 1, `one TransactionFeePaid event for ${signer}'s extrinsic`);
    const { who, actualFee, tip } = paid[0].event.data;
    assert.equal(who.toString(), this.address(signer), `${signer} paid the fee`);
    assert.equal(tip.toBigInt(), 0n, 'no tip');
    const fee = actualFee.toBigInt();
    assert.ok(fee > 0n, `${signer} paid a fee`);
    this.entry(signer).free -= fee;
    return fee;
  }

  /** `amount` CML from `from`'s free balance to `to`'s (either may be `null`: not followed). */
  transfer(from, to, amount) {
    if (from) this.entry(from).free -= amount;
    if (to) this.entry(to).free += amount;
  }

  /** `amount` CML of `name`'s free balance held (or reserved) as a deposit. */
  hold(name, amount) {
    const entry = this.entry(name);
    entry.free -= amount;
    entry.reserved += amount;
  }

  /** `amount` CML of `name`'s deposit released to its free balance. */
  release(name, amount) {
    const entry = this.entry(name);
    entry.free += amount;
    entry.reserved -= amount;
  }

  /** `amount` of the asset from `from` to `to` (`from` `null` for a mint). */
  transferAsset(from, to, amount) {
    if (from) this.entry(from).asset -= amount;
    if (to) this.entry(to).asset += amount;
  }

  /** What the ledger expects `name` to hold: `{ free, reserved, asset }`. */
  expected(name) {
    const { free, reserved, asset } = this.entry(name);
    return { free, reserved, asset };
  }

  /** The chain's balances of `address` (at the best block): `{ free, reserved, asset }`. */
  async actual(address) {
    const [account, assetAccount] = await Promise.all([
      this.api.query.system.account(address),
      this.api.query.assets.account(this.assetId, address),
    ]);
    return {
      free: account.data.free.toBigInt(),
      reserved: account.data.reserved.toBigInt(),
      asset: assetAccount.isSome ? assetAccount.unwrap().balance.toBigInt() : 0n,
    };
  }

  /** Compares every followed account with the chain; `step` names the moment in messages. */
  async verify(step) {
    const names = [...this.accounts.keys()];
    const actual = await Promise.all(names.map((name) => this.actual(this.address(name))));
    const mismatches = [];
    names.forEach((name, i) => {
      for (const field of ['free', 'reserved', 'asset']) {
        const want = this.entry(name)[field];
        if (actual[i][field] !== want) {
          mismatches.push(`${name}.${field}: chain ${actual[i][field]}, expected ${want} ` +
            `(chain − expected = ${actual[i][field] - want})`);
        }
      }
    });
    assert.deepEqual(mismatches, [], `balances after ${step}`);
  }
}
