// Signing with a browser extension: a wallet injected into the page the way the Polkadot.js
// extension, Talisman and SubWallet inject themselves (`window.injectedWeb3[name].enable()`,
// returning `accounts` and a `signer` with `signPayload`), holding a key that is not a
// development key. The app must offer its account, written with the chain's SS58 prefix and not
// marked as a development account, hand the extension the transaction to sign as a signer
// payload, and submit what the extension signed.
//
// The extension's signer runs in the test (exposed to the page), and signs as the Polkadot.js
// extension does: `ExtrinsicPayload` of @polkadot/types built from the payload, signed with the
// account's sr25519 key.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { Keyring } from '@polkadot/keyring';
import { TypeRegistry } from '@polkadot/types';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { DEV_PHRASE, ss58Address } from '@polkadot-labs/hdkd-helpers';
import { Binary, Enum } from 'polkadot-api';

import { devSigner, screens, startApp, written } from './support/harness.mjs';

/** The derivation of the extension's key: a key of its own, not one of the development accounts. */
const EXTENSION_KEY = '//Cosmolocal web test extension';
const EXTENSION = 'polkadot-js';

describe('an injected browser extension signs a transaction', () => {
  let app;
  let page;
  let api;
  let pair;
  /** Every payload the page asked the extension to sign. */
  const signed = [];

  before(async () => {
    await cryptoWaitReady();
    // Extensions give their accounts with the generic prefix 42; the app writes them with the chain's.
    pair = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri(`${DEV_PHRASE}${EXTENSION_KEY}`);
    const registry = new TypeRegistry();
    app = await startApp({
      name: 'web-extension-signer',
      beforeLoad: async (browserPage) => {
        await browserPage.exposeFunction('cosmolocalTestExtensionSign', (payload) => {
          signed.push(payload);
          if (payload.address !== pair.address) throw new Error(`asked to sign for ${payload.address}`);
          registry.setSignedExtensions(payload.signedExtensions);
          const { signature } = registry.createType('ExtrinsicPayload', payload, { version: payload.version })
            .sign(pair);
          return { id: signed.length, signature };
        });
        await browserPage.addInitScript(({ name, account }) => {
          const accounts = [account];
          window.injectedWeb3 = {
            ...window.injectedWeb3,
            [name]: {
              version: '0.62.1',
              enable: async () => ({
                accounts: {
                  get: async () => accounts,
                  subscribe: (callback) => { callback(accounts); return () => undefined; },
                },
                signer: {
                  signPayload: (payload) => window.cosmolocalTestExtensionSign(payload),
                  signRaw: async () => { throw new Error('this test extension signs payloads only'); },
                },
              }),
            },
          };
        }, { name: EXTENSION, account: { address: pair.address, name: 'Coop treasurer', type: 'sr25519' } });
      },
    });
    ({ page, api } = app);
  });

  after(async () => {
    await app?.stop();
  });

  let address;

  test('the extension\'s account is offered with the chain\'s prefix, not as a development account', async () => {
    const prefix = await api.constants.System.SS58Prefix();
    assert.notEqual(prefix, 42, 'the chain has a prefix of its own, so the test sees the address rewritten');
    address = ss58Address(pair.publicKey, prefix);
    const option = page.locator(`select[aria-label="Account to sign with"] option[value="${address}"]`);
    await option.waitFor({ state: 'attached' });
    const label = await option.textContent();
    assert.match(label, /^Coop treasurer \(polkadot-js\)/);
    assert.doesNotMatch(label, /development account/);

    // Alice, through the test's own client, gives the extension's account something to pay fees with.
    const amount = 10n ** BigInt(app.unit.decimals) * 100n;
    const result = await api.tx.Balances.transfer_keep_alive({ dest: Enum('Id', address), value: amount })
      .signAndSubmit(devSigner('Alice'));
    assert.ok(result.ok, 'the funding transfer succeeded');

    await app.signAs(address);
    assert.equal(await page.locator('.account-picker .badge.dev').count(), 0,
      'no development badge beside an extension\'s account');
    await app.open('#/account');
    await page.getByTestId('free-balance').filter({ hasText: written(amount, app.unit) }).waitFor();
  });

  test('registering as a producer is signed by the extension and lands on chain', async () => {
    await app.open('#/producers/new');
    await page.locator('input[name=name]').fill('Coop of the valley');
    await page.locator('input[name=region]').fill('ES-CT');
    await page.getByLabel('Woodworking', { exact: true }).check();
    await page.locator('.tx-fee').filter({ hasText: /Fee: .* CML/ }).first().waitFor();
    await screens(page, 'register-producer-extension');
    assert.equal(signed.length, 0, 'nothing was signed before the button was pressed');
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await page.waitForURL(/#\/map$/);

    const producer = await app.onChain('the producer, finalized',
      () => api.apis.ProductionPledgesApi.producer(address));
    assert.equal(Binary.toText(producer.name), 'Coop of the valley');
    assert.equal(signed.length, 1, 'the extension signed one payload');
    const [payload] = signed;
    const { spec_version: specVersion } = await api.constants.System.Version();
    assert.equal(Number(payload.specVersion), specVersion, 'the payload names the runtime it was made for');
    assert.equal(payload.genesisHash, await app.client.getChainSpecData().then((spec) => spec.genesisHash));
    assert.ok(payload.signedExtensions.includes('CheckMetadataHash'), 'the payload lists the runtime\'s extensions');
    await page.locator(`.producers [data-producer="${address}"]`).waitFor();
  });
});
