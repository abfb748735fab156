// A cooperative acting as a multisig in the web app: its members (Alice, Bob and Charlie, any two
// of whom must approve) add it on the Account page, Alice proposes as the multisig to register it
// as a producer, and Bob finds the pending operation on his Account page and gives the last
// approval, which makes the call: the multisig is a producer. Each step is checked on screen and
// on chain; a proposal the cooperative changes its mind about is cancelled by its proposer.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { getMultisigAccountId, getSs58AddressInfo } from '@polkadot-api/substrate-bindings';
import { ss58Address } from '@polkadot-labs/hdkd-helpers';
import { Binary, Enum } from 'polkadot-api';

import { devSigner, screens, startApp, waitFor } from './support/harness.mjs';

describe('a multisig cooperative in the web app', () => {
  let app;
  let page;
  let api;
  let alice;
  let bob;
  let charlie;
  let multisig;

  before(async () => {
    app = await startApp({ name: 'web-multisig' });
    ({ page, api } = app);
    [alice, bob, charlie] = ['Alice', 'Bob', 'Charlie'].map(app.account);
  });

  after(async () => {
    await app?.stop();
  });

  const operations = () => api.query.Multisig.Multisigs.getEntries(multisig);
  const entry = () => page.locator(`[data-multisig="${multisig}"]`);

  test('the members add the multisig on the Account page; its address is pallet-multisig\'s', async () => {
    const prefix = await api.constants.System.SS58Prefix();
    multisig = ss58Address(getMultisigAccountId({
      threshold: 2, signatories: [alice, bob, charlie].map((address) => getSs58AddressInfo(address).publicKey),
    }), prefix);
    await app.open('#/account');
    await page.locator('input[name=multisig-name]').fill('Valley coop');
    await page.locator('textarea[name=multisig-members]').fill(`${alice}\n${bob}\n${charlie}`);
    await page.locator('input[name=multisig-threshold]').fill('1');
    assert.match(await page.getByTestId('multisig-address').textContent(), /threshold is a whole number from 2 to the number of members \(3\)/);
    assert.ok(await page.getByRole('button', { name: 'Add the multisig' }).isDisabled());
    await page.locator('input[name=multisig-threshold]').fill('2');
    await page.getByTestId('multisig-address').filter({ hasText: multisig }).waitFor();
    await page.getByRole('button', { name: 'Add the multisig' }).click();
    await entry().waitFor();
    assert.match(await entry().textContent(), /Valley coop 2 of 3/);

    // Alice, through the test's own client, funds the cooperative's account.
    const result = await api.tx.Balances.transfer_keep_alive({
      dest: Enum('Id', multisig), value: 10n ** BigInt(app.unit.decimals) * 1000n,
    }).signAndSubmit(devSigner('Alice'));
    assert.ok(result.ok);
    await entry().filter({ hasText: 'Free balance: 1,000 CML' }).waitFor();
    const options = await page.locator('select[aria-label="Account to sign with"] option').allTextContents();
    for (const member of ['Alice', 'Bob', 'Charlie']) {
      assert.ok(options.some((option) => option.startsWith(`Valley coop (multisig, signed by ${member})`)),
        `the multisig can be acted for through ${member}`);
    }
  });

  test('Alice proposes, as the multisig, to register it as a producer: the call waits for one more approval', async () => {
    await app.signAs(`${multisig}/${alice}`);
    await app.open('#/producers/new');
    await page.locator('input[name=name]').fill('Valley coop workshop');
    await page.locator('input[name=region]').fill('ES-CT');
    await page.getByLabel('Woodworking', { exact: true }).check();
    await page.getByTestId('multisig-step').filter({ hasText: 'Alice proposes this for Valley coop: the first approval' }).waitFor();
    assert.match(await page.getByTestId('multisig-step').textContent(), /1 more member must approve/);
    await page.locator('.tx-fee').filter({ hasText: /Fee: .* CML \(estimated\), paid by Alice/ }).waitFor();
    await screens(page, 'register-producer-multisig');
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await page.locator('.tx-success').filter({ hasText: /1 more approval of Valley coop's members needed/ }).waitFor();
    assert.match(page.url(), /#\/producers\/new$/, 'the page stays: nothing was registered yet');

    const [pending] = await app.onChain('the proposal, finalized', async () => {
      const found = await operations();
      return found.length ? found : undefined;
    });
    assert.deepEqual(pending.value.approvals, [alice]);
    assert.equal(pending.value.depositor, alice);
    assert.equal(await api.apis.ProductionPledgesApi.producer(multisig), undefined);
  });

  test('Bob finds the operation under Account and gives the last approval: the multisig is a producer', async () => {
    await app.signAs(bob);
    await app.open('#/account');
    const operation = entry().locator('.operation');
    await operation.waitFor();
    assert.equal(await operation.getByTestId('operation-call').textContent(), 'ProductionPledges.register_producer');
    assert.equal(await operation.getByTestId('operation-approvals').textContent(), '1 of 2');
    assert.equal(await operation.getByRole('button', { name: /^Approve as Alice/ }).count(), 0, 'Alice approved already');
    await operation.getByRole('button', { name: 'Approve as Bob and make the call' }).waitFor();
    await operation.locator('.tx-fee').filter({ hasText: /Fee: .* CML/ }).first().waitFor();
    await screens(page, 'account-multisig');
    await operation.getByRole('button', { name: 'Approve as Bob and make the call' }).click();

    const producer = await app.onChain('the multisig registered as a producer',
      () => api.apis.ProductionPledgesApi.producer(multisig));
    assert.equal(Binary.toText(producer.name), 'Valley coop workshop');
    assert.equal((await operations()).length, 0, 'the operation ended');
    await entry().filter({ hasText: 'Nothing waits for approval.' }).waitFor();
  });

  test('a proposal can be cancelled by the member who made it, who gets the deposit back', async () => {
    await app.signAs(`${multisig}/${charlie}`);
    await app.open('#/designs/new');
    await page.locator('input[name=name]').fill('Valley coop seed cleaner');
    await page.locator('select[name=hardware-licence]').selectOption('CERN-OHL-S-2.0');
    await page.locator('select[name=documentation-licence]').selectOption('CC-BY-SA-4.0');
    await page.locator('input[name=tags]').fill('farm seeds');
    await page.getByLabel('Woodworking', { exact: true }).check();
    await page.locator('input[name=manifest]').fill('ipfs://example/valley-seed-cleaner');
    await page.locator('input[name=manifest-file]').setInputFiles({
      name: 'seed-cleaner.json', mimeType: 'application/json', buffer: Buffer.from('{"name":"seed cleaner"}'),
    });
    await page.getByTestId('multisig-step').filter({ hasText: 'Charlie proposes this for Valley coop' }).waitFor();
    await page.getByRole('button', { name: 'Register the design' }).click();
    await page.locator('.tx-success').filter({ hasText: /1 more approval/ }).waitFor();
    await app.onChain('the proposal, finalized', async () => ((await operations()).length === 1 ? true : undefined));
    const held = async () => (await api.query.System.Account.getValue(charlie)).data.reserved;
    const heldWithProposal = await held();

    await app.open('#/account');
    const operation = entry().locator('.operation');
    assert.equal(await operation.getByTestId('operation-call').textContent(), 'DesignRegistry.register_design');
    await operation.getByRole('button', { name: 'Cancel (as Charlie, who proposed it)' }).click();
    await app.onChain('the proposal cancelled', async () => ((await operations()).length === 0 ? true : undefined));
    await waitFor('Charlie\'s deposit back', async () => (await held()) < heldWithProposal);
    await entry().filter({ hasText: 'Nothing waits for approval.' }).waitFor();
  });
});
