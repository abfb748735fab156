// A cooperative as a multisig account, driven as Polkadot.js Apps drives one: a first member
// opens the operation with `multisig.asMulti` (no timepoint), a second approves it with the
// operation's timepoint, which executes the call as the multisig account.

import assert from 'node:assert/strict';

import { createKeyMulti, encodeAddress, sortAddresses } from '@polkadot/util-crypto';

import { submit } from './tx.mjs';

export class Multisig {
  /** `members`: keyring pairs; `threshold`: approvals needed; `ss58`: the address format. */
  constructor(members, threshold, ss58) {
    this.members = members;
    this.threshold = threshold;
    this.ss58 = ss58;
    this.address = encodeAddress(createKeyMulti(members.map((m) => m.address), threshold), ss58);
  }

  /** The other members' addresses, sorted as `pallet-multisig` requires. */
  othersThan(member) {
    return sortAddresses(this.members.filter((m) => m.address !== member.address).map((m) => m.address),
      this.ss58);
  }

  /**
   * Has `opener` open `call` and `approver` approve (and so execute) it. Returns the outcome of
   * each extrinsic, the pending operation as stored between the two (`when`, `deposit`,
   * `depositor`, `approvals`), the call hash and the weight bound given.
   */
  async execute(api, call, opener, approver) {
    const maxWeight = (await call.paymentInfo(this.address)).weight;
    const callHash = call.method.hash.toHex();
    const opened = await submit(
      api.tx.multisig.asMulti(this.threshold, this.othersThan(opener), null, call.method, maxWeight), opener);
    assert.equal(opened.dispatchError, undefined, 'the multisig operation opens');
    const pending = (await api.query.multisig.multisigs(this.address, callHash)).unwrap();
    const executed = await submit(
      api.tx.multisig.asMulti(this.threshold, this.othersThan(approver), pending.when, call.method, maxWeight),
      approver);
    assert.equal(executed.dispatchError, undefined, 'the multisig operation is approved');
    const left = await api.query.multisig.multisigs(this.address, callHash);
    assert.ok(left.isNone, 'an executed operation leaves no record');
    return { opened, pending, executed, callHash, maxWeight };
  }
}
