#!/usr/bin/env node
// A small command-line client for operators: read a storage item, submit a signed call (as
// itself or through sudo), or carry a call through a motion of the Assembly or of the arbitration
// panel, with @polkadot/api. The operator guide (docs/operator-guide.md) uses it to register
// session keys, add a validator and check a runtime upgrade; Polkadot.js Apps does the same
// through its Extrinsics, Chain state and Governance pages.
//
// It uses the packages of the end-to-end tests: install them once with `make setup` or
// `cd tests && npm ci`.
//
// Usage (from the repository's root):
//   node docs/scripts/chain.mjs [--url ws://127.0.0.1:9944] query <pallet.item> [key...]
//   node docs/scripts/chain.mjs [--url ...] tx --signer <key.json|SURI> [--sudo] <pallet.call> [arg...]
//   node docs/scripts/chain.mjs [--url ...] motion --members <key,key,...> [--panel] [--root] <pallet.call> [arg...]
//
// --signer takes the JSON that `cosmolocal-node key generate --output-type json` writes (its
//   secret phrase signs), or a secret URI such as //Alice (development keys only: a command line
//   is visible to the machine's other users).
// --sudo wraps the call in sudo.sudo: the signer must hold the sudo key.
// motion: the first of --members (key files or secret URIs, comma-separated) proposes the call to
//   the Assembly (`council`; with --panel, the arbitration panel, `technicalCommittee`), asking for
//   as many ayes as there are members given; each of them votes aye; the first closes the motion,
//   which executes the call (a single member's proposal executes it at once, without votes).
//   --root makes it a root call: the motion whitelists the call and dispatches it
//   (`utility.batchAll` of `whitelist.whitelistCall` and
//   `whitelist.dispatchWhitelistedCallWithPreimage`), which needs three quarters of the Assembly.
//   On a network that people use, each member votes from its own wallet (Apps: Governance →
//   Council → Motions); this holds every key in one place, for a testnet.
// Arguments are read as JSON when they parse (numbers, arrays, objects, quoted strings), as text
// otherwise; @path reads a file as bytes (a runtime's wasm for system.setCode).
// The transaction is printed with its events once it is in a block (for a motion, each step, and
// the close with its events); the command fails if the call failed, or the call sudo, the motion
// or the whitelist dispatched, or an authorized upgrade was rejected, or the motion did not pass.

import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';

const require = createRequire(new URL('../../tests/package.json', import.meta.url));
const { ApiPromise, WsProvider } = require('@polkadot/api');
const { Keyring } = require('@polkadot/keyring');
const { u8aToHex } = require('@polkadot/util');

function usage(message) {
  if (message) console.error(`error: ${message}`);
  console.error('usage: chain.mjs [--url URL] query <pallet.item> [key...]\n'
    + '       chain.mjs [--url URL] tx --signer <key.json|SURI> [--sudo] <pallet.call> [arg...]\n'
    + '       chain.mjs [--url URL] motion --members <key,key,...> [--panel] [--root] <pallet.call> [arg...]');
  process.exit(2);
}

/** An argument as the call takes it: a file's bytes, JSON, or text. */
function argument(text) {
  if (text.startsWith('@')) return u8aToHex(readFileSync(text.slice(1)));
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The signing key pair of `--signer`. */
function signer(value) {
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 4242 });
  if (existsSync(value)) {
    const key = JSON.parse(readFileSync(value, 'utf8'));
    return keyring.addFromUri(key.secretPhrase ?? key.secretSeed);
  }
  return keyring.addFromUri(value);
}

/** `pallet.name` → the function under `root` (api.tx or api.query). */
function lookup(root, path, kind) {
  const [pallet, name, ...rest] = path.split('.');
  const found = rest.length === 0 ? root[pallet]?.[name] : undefined;
  if (!found) usage(`no ${kind} ${path} in this runtime's metadata`);
  return found;
}

/**
 * Signs and submits `tx`; resolves once it is in a block, with that block's hash, the
 * transaction's events and its dispatch error.
 */
function submit(api, tx, pair) {
  return new Promise((resolve, reject) => {
    let unsubscribe;
    tx.signAndSend(pair, (result) => {
      if (result.isError) reject(new Error(`transaction ${result.status.type}`));
      if (result.status.isInBlock) {
        unsubscribe?.();
        const blockHash = result.status.asInBlock;
        if (!result.internalError) {
          resolve({ blockHash, events: result.events, dispatchError: result.dispatchError });
        } else {
          inclusion(api, blockHash, result.txHash).then(resolve, reject);
        }
      }
    }).then((unsub) => { unsubscribe = unsub; }, reject);
  });
}

/**
 * The events and dispatch error of transaction `txHash` in block `blockHash`, read from that block:
 * used when the API's own reading of them failed (`internalError`, no events). That happens when
 * the transaction replaced the runtime (`system.applyAuthorizedUpgrade`): the block's events
 * were then decoded with the new runtime's types. This reading decodes them with the types of
 * the runtime that executed the block, and is tried again if it fails.
 */
async function inclusion(api, blockHash, txHash) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const { block } = await api.rpc.chain.getBlock(blockHash);
      const index = block.extrinsics.findIndex((extrinsic) => extrinsic.hash.eq(txHash));
      if (index < 0) throw new Error(`transaction ${txHash.toHex()} not found in block ${blockHash.toHex()}`);
      // The block's events are in the types of the runtime that executed it: its parent's.
      const executedBy = await api.at(block.header.parentHash);
      const raw = await api.provider.send('state_getStorage',
        [executedBy.query.system.events.key(), blockHash.toHex()]);
      const events = executedBy.registry.createType('Vec<FrameSystemEventRecord>', raw)
        .filter(({ phase }) => phase.isApplyExtrinsic && phase.asApplyExtrinsic.eqn(index));
      const failure = events.find(({ event }) => event.section === 'system' && event.method === 'ExtrinsicFailed');
      return { blockHash, events, dispatchError: failure?.event.data.dispatchError };
    } catch (error) {
      if (attempt === 5) throw error;
      await new Promise((resolve) => { setTimeout(resolve, 1000 * attempt); });
    }
  }
}

/** A dispatch error as `pallet.Error`. */
function describeError(api, error) {
  if (error.isModule) {
    const { section, name } = api.registry.findMetaError(error.asModule);
    return `${section}.${name}`;
  }
  return error.toString();
}

/** Prints a transaction's events, but for the fee's and the success's; returns the first failure. */
function printEvents(api, events) {
  let failed = null;
  for (const { event } of events) {
    if (event.section === 'system' && event.method === 'ExtrinsicSuccess') continue;
    if (event.section === 'transactionPayment') continue;
    console.log(`  ${event.section}.${event.method} ${JSON.stringify(event.data.toHuman())}`);
    const result = event.data.result ?? event.data.sudoResult;
    const isOutcome = api.events.sudo?.Sudid.is(event) || api.events.council.Executed.is(event)
      || api.events.technicalCommittee.Executed.is(event)
      || api.events.whitelist.WhitelistedCallDispatched.is(event);
    if (isOutcome && result.isErr) {
      const error = result.asErr.error ?? result.asErr;
      failed ??= describeError(api, error);
    }
    // An authorized upgrade whose code fails the checks is refused by an event, not an error.
    if (api.events.system.RejectedInvalidAuthorizedUpgrade.is(event)) {
      failed ??= describeError(api, event.data.error);
    }
  }
  return failed;
}

/** Submits `tx` signed by `pair` and prints it with its block; fails on a dispatch error. */
async function step(api, tx, pair, label) {
  const result = await submit(api, tx, pair);
  const header = await api.rpc.chain.getHeader(result.blockHash);
  console.log(`${label} by ${pair.address}: in block #${header.number.toNumber()}`);
  if (result.dispatchError) throw new Error(`${label}: ${describeError(api, result.dispatchError)}`);
  return result;
}

/** Carries `call` through a motion of `collective` voted by every one of `members`. */
async function motion(api, collective, members, call, path, root) {
  let proposal = call;
  if (root) {
    proposal = api.tx.utility.batchAll([
      api.tx.whitelist.whitelistCall(call.method.hash),
      api.tx.whitelist.dispatchWhitelistedCallWithPreimage(call),
    ]);
  }
  const length = proposal.method.encodedLength;
  const [proposer] = members;
  const proposed = await step(api, api.tx[collective].propose(members.length, proposal, length),
    proposer, `${collective}.propose(${members.length}, ${root ? `root ${path}` : path})`);
  const event = proposed.events.find(({ event }) => api.events[collective].Proposed.is(event));
  // A threshold of one (a single member given): the collective executes the call at once.
  if (!event) return outcome(api, collective, proposed.events);
  const { proposalHash, proposalIndex } = event.event.data;
  for (const member of members) {
    await step(api, api.tx[collective].vote(proposalHash, proposalIndex, true), member,
      `${collective}.vote(#${proposalIndex}, aye)`);
  }
  const { weight } = await api.call.transactionPaymentCallApi.queryCallInfo(proposal, length);
  const closed = await step(api, api.tx[collective].close(proposalHash, proposalIndex, weight, length),
    proposer, `${collective}.close(#${proposalIndex})`);
  return outcome(api, collective, closed.events);
}

/** Prints the events of the transaction that executed a motion (or should have); 1 if it failed. */
function outcome(api, collective, events) {
  let failed = printEvents(api, events);
  if (!events.some(({ event }) => api.events[collective].Executed.is(event))) {
    failed ??= 'the motion was not executed';
  }
  if (failed) {
    console.error(`failed: ${failed}`);
    return 1;
  }
  return 0;
}

async function main() {
  const argv = process.argv.slice(2);
  let url = 'ws://127.0.0.1:9944';
  if (argv[0] === '--url') {
    url = argv[1];
    argv.splice(0, 2);
  }
  const mode = argv.shift();
  if (!['query', 'tx', 'motion'].includes(mode)) usage();

  let signerArg;
  let membersArg;
  let sudo = false;
  let panel = false;
  let root = false;
  if (mode !== 'query') {
    while (argv[0]?.startsWith('--')) {
      const option = argv.shift();
      if (mode === 'tx' && option === '--signer') signerArg = argv.shift();
      else if (mode === 'tx' && option === '--sudo') sudo = true;
      else if (mode === 'motion' && option === '--members') membersArg = argv.shift();
      else if (mode === 'motion' && option === '--panel') panel = true;
      else if (mode === 'motion' && option === '--root') root = true;
      else usage(`unknown option ${option}`);
    }
    if (mode === 'tx' && !signerArg) usage('tx needs --signer');
    if (mode === 'motion' && !membersArg) usage('motion needs --members');
    if (panel && root) usage('only the Assembly acts as root: --root without --panel');
  }
  const path = argv.shift();
  if (!path) usage();
  const args = argv.map(argument);

  const api = await ApiPromise.create({ provider: new WsProvider(url), noInitWarn: true });
  try {
    if (mode === 'query') {
      const value = await lookup(api.query, path, 'storage item')(...args);
      console.log(JSON.stringify(value.toHuman(), null, 2));
      return 0;
    }
    if (mode === 'motion') {
      const members = membersArg.split(',').map(signer);
      const call = lookup(api.tx, path, 'call')(...args);
      return await motion(api, panel ? 'technicalCommittee' : 'council', members, call, path, root);
    }
    const pair = signer(signerArg);
    const call = lookup(api.tx, path, 'call')(...args);
    const tx = sudo ? api.tx.sudo.sudo(call) : call;
    const result = await submit(api, tx, pair);
    const header = await api.rpc.chain.getHeader(result.blockHash);
    console.log(`${sudo ? 'sudo ' : ''}${path} by ${pair.address}: in block #${header.number.toNumber()}`);
    let failed = result.dispatchError ? describeError(api, result.dispatchError) : null;
    failed = printEvents(api, result.events) ?? failed;
    if (failed) {
      console.error(`failed: ${failed}`);
      return 1;
    }
    return 0;
  } finally {
    await api.disconnect();
  }
}

process.exitCode = await main().catch((error) => {
  console.error(`error: ${error.message}`);
  return 1;
});
