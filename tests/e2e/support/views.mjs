// What the `cosmolocal_*` RPC methods should answer (their specification; docs/integrator-guide.md
// shows them), built from the runtime APIs' records as Polkadot.js decodes them, so that a test
// compares the two field by field.
//
// The specification: accounts are SS58 addresses of the chain (prefix 4242), balances and points decimal
// strings, hashes `0x`-hex, byte texts UTF-8, shares exact decimal fractions of 1, enums the
// metadata's variant names, assets "Native" or {"WithId": id} (as extrinsics spell them), u32
// numbers JSON numbers; a value network is shown with its account.

import { u8aToHex } from '@polkadot/util';
import { encodeAddress } from '@polkadot/util-crypto';

export const SS58_PREFIX = 4242;

/** The weight per unit of each contribution kind in the presets (`ValueEquation::weights`). */
export const PRESET_WEIGHTS = {
  Equal: {
    design: 10, documentation: 10, testing: 10, production: 10,
    materials: 10, funding: 10, care: 10, coordination: 10,
  },
  Disco: {
    design: 10, documentation: 10, testing: 10, production: 10,
    materials: 5, funding: 5, care: 20, coordination: 15,
  },
  Maker: {
    design: 20, documentation: 10, testing: 10, production: 20,
    materials: 10, funding: 5, care: 5, coordination: 5,
  },
};

/** An account (an SS58 string or a decoded `AccountId`) as an SS58 address of the chain. */
export const address = (account) =>
  encodeAddress(typeof account === 'string' ? account : account.toU8a(), SS58_PREFIX);

/** A u128 (balance, points) as a decimal string. */
const amount = (value) => value.toBigInt().toString();

/** Bytes as the spec shows them: UTF-8 text, or hex if they are not UTF-8. */
const text = (bytes) => (bytes.isUtf8 ? bytes.toUtf8() : bytes.toHex());

/** `parts` of `accuracy` (a Permill or Perbill) as an exact decimal fraction of 1. */
export function fraction(parts, accuracy) {
  const [p, one] = [BigInt(parts), BigInt(accuracy)];
  if (p >= one) return '1';
  if (p === 0n) return '0';
  const digits = p.toString().padStart(one.toString().length - 1, '0').replace(/0+$/, '');
  return `0.${digits}`;
}

const permill = (value) => fraction(value.toBigInt(), 1_000_000n);
const perbill = (value) => fraction(value.toBigInt(), 1_000_000_000n);

/** A `NativeOrWithId` asset as the spec shows it. */
export const asset = (kind) => (kind.isNative ? 'Native' : { WithId: kind.asWithId.toNumber() });

/**
 * `cosmolocal_design`: a design with its latest version (`[index, version]`) and network (an
 * `Option<NetworkId>`, with the network's account when there is one).
 */
export function designView(id, design, latest, network, networkAccount) {
  const deprecated = design.status.isDeprecated;
  return {
    id,
    name: text(design.name),
    maintainers: design.maintainers.map(address),
    licences: {
      hardware: text(design.licences.hardware),
      documentation: text(design.licences.documentation),
      software: design.licences.software.isSome ? text(design.licences.software.unwrap()) : null,
    },
    tags: design.tags.map(text),
    processes: design.processes.map((process) => process.type),
    lineage: design.lineage.isSome ? {
      kind: design.lineage.unwrap().kind.type,
      parent: design.lineage.unwrap().parent.toNumber(),
      parentVersion: design.lineage.unwrap().parentVersion.toNumber(),
    } : null,
    status: deprecated ? 'Deprecated' : 'Active',
    successor: deprecated && design.status.asDeprecated.successor.isSome
      ? design.status.asDeprecated.successor.unwrap().toNumber() : null,
    readiness: design.readiness.type,
    commonsShare: permill(design.commonsShare),
    versionCount: design.versionCount.toNumber(),
    latestVersion: latest ? versionView(...latest) : null,
    network: network.isSome ? network.unwrap().toNumber() : null,
    networkAccount: network.isSome ? address(networkAccount) : null,
    registeredAt: design.registeredAt.toNumber(),
    depositor: address(design.depositor),
    deposit: amount(design.deposit),
  };
}

function versionView(index, version) {
  return {
    index: index.toNumber(),
    label: text(version.label),
    manifest: text(version.manifest),
    manifestHash: u8aToHex(version.manifestHash),
    publisher: address(version.publisher),
    publishedAt: version.publishedAt.toNumber(),
    deposit: amount(version.deposit),
  };
}

/** `cosmolocal_producer`. */
export function producerView(account, producer) {
  const { record } = producer;
  return {
    account: address(account),
    name: text(producer.name),
    region: text(producer.region),
    plusCode: producer.plusCode.isSome ? text(producer.plusCode.unwrap()) : null,
    processes: producer.processes.map((process) => process.type),
    facilityManifest: producer.facilityManifest.isSome ? text(producer.facilityManifest.unwrap()) : null,
    openPledges: producer.openPledges.toNumber(),
    record: {
      fulfilled: record.fulfilled.toNumber(),
      failed: record.failed.toNumber(),
      disputed: record.disputed.toNumber(),
      defaulted: record.defaulted.toNumber(),
      cancelled: record.cancelled.toNumber(),
    },
    deposit: amount(producer.deposit),
  };
}

/** `cosmolocal_pledge`: a pledge with its escrow account. */
export function pledgeView(id, pledge, escrow) {
  const { terms } = pledge;
  const delivery = pledge.delivery.isSome ? pledge.delivery.unwrap() : null;
  const dispute = pledge.dispute.isSome ? pledge.dispute.unwrap() : null;
  return {
    id,
    producer: address(pledge.producer),
    region: text(pledge.region),
    design: terms.design.toNumber(),
    version: terms.version.toNumber(),
    asset: asset(terms.asset),
    unitPrice: amount(terms.unitPrice),
    quantity: terms.quantity.toNumber(),
    minQuantity: terms.minQuantity.toNumber(),
    fundingDeadline: terms.fundingDeadline.toNumber(),
    deliveryDeadline: terms.deliveryDeadline.toNumber(),
    bond: amount(terms.bond),
    commonsShare: permill(pledge.commonsShare),
    state: pledge.state.type,
    backedUnits: pledge.backedUnits.toNumber(),
    backers: pledge.backers.toNumber(),
    confirmedUnits: pledge.confirmedUnits.toNumber(),
    delivery: delivery && {
      units: delivery.units.toNumber(),
      evidence: text(delivery.evidence),
      challengeEnds: delivery.challengeEnds.toNumber(),
    },
    dispute: dispute && {
      by: address(dispute.by),
      reason: text(dispute.reason),
      deposit: amount(dispute.deposit),
      verdictDue: dispute.verdictDue.toNumber(),
    },
    refunds: {
      total: amount(pledge.refunds.total),
      unclaimed: amount(pledge.refunds.unclaimed),
      unclaimedUnits: pledge.refunds.unclaimedUnits.toNumber(),
    },
    unpaidToProducer: amount(pledge.unpaidToProducer),
    escrowMinimum: amount(pledge.escrowMinimum),
    escrow: address(escrow),
    deposit: amount(pledge.deposit),
  };
}

/** `cosmolocal_network`: a network, its account and its revenue per asset (`[[asset, pool]]`). */
export function networkView(id, network, account, revenue) {
  const { equation } = network;
  const weights = equation.isCustom
    ? Object.fromEntries(Object.keys(PRESET_WEIGHTS.Equal)
      .map((kind) => [kind, equation.asCustom[kind].toNumber()]))
    : PRESET_WEIGHTS[equation.type];
  return {
    id,
    account: address(account),
    name: text(network.name),
    stewards: network.stewards.map(address),
    approvalThreshold: network.approvalThreshold.toNumber(),
    equation: equation.type,
    weights,
    design: network.design.isSome ? network.design.unwrap().toNumber() : null,
    totalPoints: amount(network.totalPoints),
    revenue: revenue.map(([kind, pool]) => ({
      asset: asset(kind),
      received: amount(pool.received),
      claimed: amount(pool.claimed),
      waiting: amount(pool.waiting),
      keptMinimum: amount(pool.keptMinimum),
    })),
    depositor: address(network.depositor),
    deposit: amount(network.deposit),
  };
}

/**
 * `cosmolocal_memberShare` of a member: its `(points, share)` and claimable `[[asset, amount]]`
 * from the runtime API, beside the network and its account.
 */
export function memberShareView(network, networkAccount, account, [points, share], claimable) {
  return {
    network,
    networkAccount: address(networkAccount),
    account: address(account),
    points: amount(points),
    share: perbill(share),
    claimable: claimable.map(([kind, value]) => ({ asset: asset(kind), amount: amount(value) })),
  };
}

/** An item of `cosmolocal_contributions`. */
export function contributionView(id, contribution) {
  return {
    id: Number(id.toBigInt()),
    network: contribution.network.toNumber(),
    contributor: address(contribution.contributor),
    kind: contribution.kind.type,
    quantity: contribution.quantity.toNumber(),
    evidence: text(contribution.evidence),
    state: contribution.state.type,
    approvals: contribution.approvals.map(address),
    rejections: contribution.rejections.map(address),
    points: amount(contribution.points),
    deposit: amount(contribution.deposit),
  };
}
