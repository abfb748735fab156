#!/usr/bin/env node
// Adds the example pledge and contribution of docs/integrator-guide.md to a fresh development
// chain, so that the guide's queries answer what it shows:
//   - Bob (Fab Lab Barcelona, ES-CT) pledges 10 solar food dryers (design 0, version 0) at 25 CML
//     each, going ahead from 4 units, with a 50 CML bond, funding until block 10 000 and delivery
//     until block 20 000: pledge 0;
//   - Charlie backs 2 units and Dave 1;
//   - Charlie logs 3 hours of documentation in the solar dryer's value network (network 0).
//
// Usage, from the repository's root, with `make run` running: node tests/scripts/example-pledge.mjs [ws://127.0.0.1:9944]

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';

import { submitOk } from '../e2e/support/tx.mjs';

const CML = 10n ** 12n;
const SOLAR_DRYER = 0;
const SOLAR_DRYER_NETWORK = 0;

/** Submits the example pledge, its backings and the example contribution through `url`. */
export async function addExamplePledge(url) {
  const api = await ApiPromise.create({ provider: new WsProvider(url), noInitWarn: true });
  try {
    const keyring = new Keyring({ type: 'sr25519' });
    const [bob, charlie, dave] = ['//Bob', '//Charlie', '//Dave'].map((uri) => keyring.addFromUri(uri));
    const { productionPledges, contributiveAccounting } = api.tx;
    const pledge = (await api.query.productionPledges.nextPledgeId()).toNumber();
    await submitOk(api, productionPledges.createPledge(
      SOLAR_DRYER, 0, 'Native', 25n * CML, 10, 4, 10_000, 20_000, 50n * CML, 200_000), bob);
    await submitOk(api, productionPledges.back(pledge, 2), charlie);
    await submitOk(api, productionPledges.back(pledge, 1), dave);
    await submitOk(api, contributiveAccounting.logContribution(
      SOLAR_DRYER_NETWORK, 'Documentation', 3, 'ipfs://example/solar-dryer-assembly-guide-es'), charlie);
    return pledge;
  } finally {
    await api.disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.argv[2] ?? 'ws://127.0.0.1:9944';
  const pledge = await addExamplePledge(url);
  console.log(`pledge ${pledge} created and backed; a documentation contribution logged in network 0`);
}
