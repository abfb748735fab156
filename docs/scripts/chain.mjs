#!/usr/bin/env node
// A small command-line client for operators: read a storage item or submit a signed call (as
// itself or through sudo), with @polkadot/api. The operator guide (docs/operator-guide.md) uses it
// to register session keys, add a validator and check a runtime upgrade; Polkadot.js Apps does the
// same through its Extrinsics and Chain state pages.
//
// It uses the packages of the end-to-end tests: install them once with `make setup` or
// `cd tests && npm ci`.
//
// Usage (from the repository's root):
//   node docs/scripts/chain.mjs [--url ws://127.0.0.1:9944] query <pallet.item> [key...]
//   node docs/scripts/chain.mjs [--url ...] tx --signer <key.json|SURI> [--sudo] <pallet.call> [arg...]
//
// --signer takes the JSON that `cosmolocal-node key generate --output-type json` writes (its
//   secret phrase signs), or a secret URI such as //Alice (development keys only: a command line
//   is visible to the machine's other users).
// --sudo wraps the call in sudo.sudo: the signer must hold the sudo key.
// Arguments are read as JSON when they parse (numbers, arrays, objects, quoted strings), as text
// otherwise; @path reads a file as bytes (a runtime's wasm for system.setCode).
// The transaction is printed with its events once it is in a block; the command fails if the
// call failed, or the call sudo dispatched, or an authorized upgrade was rejected.

import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';

const require = createRequire(new URL('../../tests/package.json', import.meta.url));
const { ApiPromise, WsProvider } = require('@polkadot/api');
const { Keyring } = require('@polkadot/keyring');
const { u8aToHex } = require('@polkadot/util');

function usage(message) {
  if (message) console.error(`error: ${message}`);
  console.error('usage: chain.mjs [--url URL] query <pallet.item> [key...]\n'
    + '       chain.mjs [--url URL] tx --signer <key.json|SURI> [--sudo] <pallet.call> [arg...]');
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

/** Signs and submits `tx`; resolves once it is in a block with its events and dispatch error. */
function submit(tx, pair) {
  return new Promise((resolve, reject) => {
    let unsubscribe;
    tx.signAndSend(pair, (result) => {
      if (result.isError) reject(new Error(`transaction ${result.status.type}`));
      if (result.status.isInBlock) {
        unsubscribe?.();
        resolve(result);
      }
    }).then((unsub) => { unsubscribe = unsub; }, reject);
  });
}

/** A dispatch error as `pallet.Error`. */
function describeError(api, error) {
  if (error.isModule) {
    const { section, name } = api.registry.findMetaError(error.asModule);
    return `${section}.${name}`;
  }
  return error.toString();
}

async function main() {
  const argv = process.argv.slice(2);
  let url = 'ws://127.0.0.1:9944';
  if (argv[0] === '--url') {
    url = argv[1];
    argv.splice(0, 2);
  }
  const mode = argv.shift();
  if (mode !== 'query' && mode !== 'tx') usage();

  let signerArg;
  let sudo = false;
  if (mode === 'tx') {
    while (argv[0]?.startsWith('--')) {
      const option = argv.shift();
      if (option === '--signer') signerArg = argv.shift();
      else if (option === '--sudo') sudo = true;
      else usage(`unknown option ${option}`);
    }
    if (!signerArg) usage('tx needs --signer');
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
    const pair = signer(signerArg);
    const call = lookup(api.tx, path, 'call')(...args);
    const tx = sudo ? api.tx.sudo.sudo(call) : call;
    const result = await submit(tx, pair);
    const header = await api.rpc.chain.getHeader(result.status.asInBlock);
    console.log(`${sudo ? 'sudo ' : ''}${path} by ${pair.address}: in block #${header.number.toNumber()}`);
    let failed = result.dispatchError ? describeError(api, result.dispatchError) : null;
    for (const { event } of result.events) {
      if (event.section === 'system' && event.method === 'ExtrinsicSuccess') continue;
      if (event.section === 'transactionPayment') continue;
      console.log(`  ${event.section}.${event.method} ${JSON.stringify(event.data.toHuman())}`);
      if (api.events.sudo.Sudid.is(event) && event.data.sudoResult.isErr) {
        failed = describeError(api, event.data.sudoResult.asErr);
      }
      // An authorized upgrade whose code fails the checks is refused by an event, not an error.
      if (api.events.system.RejectedInvalidAuthorizedUpgrade.is(event)) {
        failed = describeError(api, event.data.error);
      }
    }
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
