// Multisig cooperatives: an account of several members that acts only when `threshold` of them
// approve an operation (pallet-multisig). The chain does not record who a multisig's members
// are, only each pending operation's approvals: as in Polkadot.js Apps, the user adds the
// multisigs they belong to (members and threshold) and this browser keeps them; the address
// follows from those two.

import {
  Binary, Blake2256, Bytes, compactNumber, decAnyMetadata, getMultisigAccountId, getSs58AddressInfo,
  Struct, u8, unifyMetadata, type Codec, type StringRecord,
} from '@polkadot-api/substrate-bindings';
import { getDynamicBuilder, getLookupFn } from '@polkadot-api/metadata-builders';
import { ss58Address } from '@polkadot-labs/hdkd-helpers';
import type { PolkadotClient, SS58String, Transaction } from 'polkadot-api';
import type { CosmolocalApi } from './connection';

/** A multisig the user added: what the app needs to act for it. */
export interface MultisigConfig {
  name: string;
  threshold: number;
  /** Every member, the user's own accounts among them. */
  signatories: SS58String[];
}

export interface MultisigAccount extends MultisigConfig {
  address: SS58String;
}

/** A multisig operation waiting for approvals (`Multisig.Multisigs`). */
export interface PendingOperation {
  /** The BLAKE2b-256 hash of the call, hex. */
  callHash: string;
  /** The block and extrinsic index of its first approval, which later approvals must name. */
  when: { height: number; index: number };
  deposit: bigint;
  /** Who made the first approval and holds the deposit (returned when the operation ends). */
  depositor: SS58String;
  approvals: SS58String[];
}

const STORAGE_KEY = 'cosmolocal.multisigs';

/** The multisig account of `signatories` with `threshold`, as pallet-multisig derives it. */
export function multisigAddress(signatories: SS58String[], threshold: number, ss58Format: number): SS58String {
  const keys = signatories.map(publicKeyOf);
  return ss58Address(getMultisigAccountId({ threshold, signatories: keys }), ss58Format);
}

/** The multisigs this browser keeps, with their addresses in the chain's format. */
export function savedMultisigs(ss58Format: number): MultisigAccount[] {
  let configs: MultisigConfig[] = [];
  try {
    configs = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]') as MultisigConfig[];
  } catch {
    // An unreadable entry is as good as none.
  }
  return configs.map((config) => ({
    ...config,
    address: multisigAddress(config.signatories, config.threshold, ss58Format),
  }));
}

/** Keeps `config` in this browser (replacing a multisig with the same members and threshold). */
export function saveMultisig(config: MultisigConfig, ss58Format: number): void {
  const address = multisigAddress(config.signatories, config.threshold, ss58Format);
  const others = savedMultisigs(ss58Format).filter((saved) => saved.address !== address);
  const kept = [...others, config].map(({ name, threshold, signatories }) => ({ name, threshold, signatories }));
  localStorage.setItem(STORAGE_KEY, JSON.stringify(kept));
}

/** Forgets the multisig at `address` (on this browser only: the account stays on chain). */
export function forgetMultisig(address: SS58String, ss58Format: number): void {
  const kept = savedMultisigs(ss58Format).filter((saved) => saved.address !== address)
    .map(({ name, threshold, signatories }) => ({ name, threshold, signatories }));
  localStorage.setItem(STORAGE_KEY, JSON.stringify(kept));
}

/** The members other than `member`, sorted by public key as pallet-multisig requires. */
export function otherSignatories(multisig: MultisigConfig, member: SS58String): SS58String[] {
  const own = Binary.toHex(publicKeyOf(member));
  return multisig.signatories
    .filter((signatory) => Binary.toHex(publicKeyOf(signatory)) !== own)
    .sort((a, b) => compareBytes(publicKeyOf(a), publicKeyOf(b)));
}

/** Whether `a` and `b` are the same account, whatever their SS58 prefix. */
export function sameAccount(a: SS58String, b: SS58String): boolean {
  return Binary.toHex(publicKeyOf(a)) === Binary.toHex(publicKeyOf(b));
}

/** The operations waiting for approvals at `multisig`. */
export async function pendingOperations(api: CosmolocalApi, multisig: SS58String, at: string):
  Promise<PendingOperation[]> {
  const entries = await api.query.Multisig.Multisigs.getEntries(multisig, { at });
  return entries.map(({ keyArgs: [, callHash], value }) => ({
    callHash,
    when: value.when,
    deposit: value.deposit,
    depositor: value.depositor,
    approvals: value.approvals,
  })).sort((a, b) => a.when.height - b.when.height || a.when.index - b.when.index);
}

/**
 * What the app sends when `member` acts for `multisig` with `tx`: the first approval
 * (`as_multi` with the call, which stays pending), another approval (`approve_as_multi`, by the
 * call's hash), or the last one (`as_multi` with the call, which dispatches it as the multisig).
 */
export interface MultisigStep {
  tx: Transaction;
  kind: 'first' | 'approve' | 'execute';
  /** Approvals still missing after this one. */
  missing: number;
}

/** The step `member` takes for `multisig` on `call`, given what is pending on chain. */
export async function multisigStep(api: CosmolocalApi, multisig: MultisigAccount, member: SS58String,
  call: Transaction): Promise<MultisigStep> {
  const [callData, { weight }] = await Promise.all([call.getEncodedData(), call.getPaymentInfo(multisig.address)]);
  const callHash = Binary.toHex(Blake2256(callData));
  const pending = await api.query.Multisig.Multisigs.getValue(multisig.address, callHash);
  const common = {
    threshold: multisig.threshold,
    other_signatories: otherSignatories(multisig, member),
    maybe_timepoint: pending?.when,
  };
  const approvals = (pending?.approvals.length ?? 0) + 1;
  const missing = Math.max(0, multisig.threshold - approvals);
  if (pending && missing > 0) {
    return {
      tx: api.tx.Multisig.approve_as_multi({ ...common, call_hash: callHash, max_weight: weight }),
      kind: 'approve',
      missing,
    };
  }
  return {
    tx: api.tx.Multisig.as_multi({ ...common, call: call.decodedCall, max_weight: weight }),
    kind: pending ? 'execute' : 'first',
    missing,
  };
}

/**
 * The call of a pending operation, read from the chain at block `at`: the extrinsic of its first
 * approval, when that was a signed `Multisig.as_multi` carrying the call (as the app and
 * Polkadot.js Apps make it). Undefined when the first approval gave the hash only, or was wrapped
 * in another call, or its block is older than the chain keeps block hashes for
 * (`BlockHashCount`): then the call data must come from the member who made it.
 */
export async function callOfOperation(client: PolkadotClient, api: CosmolocalApi,
  operation: PendingOperation, at: { hash: string; number: number }): Promise<Transaction | undefined> {
  const { height, index } = operation.when;
  // A block's hash is recorded in the next block: the block `at` itself is known by its hash.
  const blockHash = height === at.number
    ? at.hash : await api.query.System.BlockHash.getValue(height, { at: at.hash });
  if (/^0x0+$/.test(blockHash)) return undefined;
  const [body, codecs] = await Promise.all([blockBody(client, blockHash), extrinsicCodecs(client, at.hash)]);
  const extrinsic = body[index];
  if (!extrinsic) return undefined;
  const outer = codecs.callOf(extrinsic);
  if (!outer) return undefined;
  const decoded = codecs.call.dec(outer) as { type: string; value: { type: string; value: { call?: unknown } } };
  if (decoded.type !== 'Multisig' || decoded.value.type !== 'as_multi' || !decoded.value.value.call) return undefined;
  const inner = codecs.call.enc(decoded.value.value.call);
  if (Binary.toHex(Blake2256(inner)) !== operation.callHash) return undefined;
  return api.txFromCallData(inner);
}

/**
 * The extrinsics of block `hash`: through the chain-head subscription when the client holds
 * the block (the blocks since it connected), else with `chain_getBlock`, which full nodes and
 * smoldot serve for older blocks.
 */
async function blockBody(client: PolkadotClient, hash: string): Promise<Uint8Array[]> {
  try {
    return await client.getBlockBody(hash);
  } catch {
    const reply = await client._request<{ block: { extrinsics: string[] } } | null>('chain_getBlock', [hash]);
    return (reply?.block.extrinsics ?? []).map((extrinsic) => Binary.fromHex(extrinsic));
  }
}

interface ExtrinsicCodecs {
  /** The runtime's call enum. */
  call: Codec<unknown>;
  /** The call of a signed extrinsic of version 4, or undefined for any other. */
  callOf(extrinsic: Uint8Array): Uint8Array | undefined;
}

/**
 * Codecs of the runtime's extrinsics and calls, from its metadata at `blockHash` (a block the
 * client holds; an older extrinsic decoded with them is checked against its call hash).
 */
async function extrinsicCodecs(client: PolkadotClient, blockHash: string): Promise<ExtrinsicCodecs> {
  const metadata = unifyMetadata(decAnyMetadata(await client.getMetadata(blockHash)));
  const builder = getDynamicBuilder(getLookupFn(metadata));
  const { extrinsic } = metadata;
  if (!('address' in extrinsic) || !('outerEnums' in metadata)) {
    throw new Error('the runtime\'s metadata is older than version 15');
  }
  const extensions = extrinsic.signedExtensions[0] ?? [];
  const signed = Struct({
    length: compactNumber,
    version: u8,
    address: builder.buildDefinition(extrinsic.address),
    signature: builder.buildDefinition(extrinsic.signature),
    extra: Struct(Object.fromEntries(extensions.map((entry) => [entry.identifier, builder.buildDefinition(entry.type)])) as StringRecord<Codec<unknown>>),
    call: Bytes(Infinity),
  });
  return {
    call: builder.buildDefinition(metadata.outerEnums.call),
    callOf(bytes) {
      const version = bytes[compactLength(bytes)] ?? 0;
      // 0x84: signed (bit 7), format version 4.
      if (version !== 0x84) return undefined;
      return signed.dec(bytes).call;
    },
  };
}

/** How many bytes the SCALE compact integer at the start of `bytes` takes. */
function compactLength(bytes: Uint8Array): number {
  const mode = (bytes[0] ?? 0) & 0b11;
  return mode === 0 ? 1 : mode === 1 ? 2 : mode === 2 ? 4 : ((bytes[0] ?? 0) >> 2) + 5;
}

function publicKeyOf(address: SS58String): Uint8Array {
  const info = getSs58AddressInfo(address);
  if (!info.isValid) throw new Error(`${address} is not an address`);
  return info.publicKey;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    if (a[index] !== b[index]) return a[index]! - b[index]!;
  }
  return a.length - b.length;
}

