// The whole cosmo-local loop, clicked through in a real browser against a real development node:
// a design and a derivative (a refused call explained by the runtime's own documentation first),
// the derivative's commons share, a producer on the map, a pledge of the derivative backed by Bob
// and Charlie until it is full, funding closed, the delivery reported and confirmed, the pledge
// settled, the backers' claims closing it; a contribution logged to the derivative's network and
// accepted by its steward; the commons share reaching the derivative's network and, upstream, the
// original's, and members claiming it. Each step is checked on screen and on chain (through PAPI);
// each main screen is photographed at desktop and phone widths with its controls' accessible
// names checked, and one step is taken with the keyboard alone.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';

import { Blake2256 } from '@polkadot-api/substrate-bindings';
import { Binary, Enum } from 'polkadot-api';

import { errorDocs, screens, shot, startApp, waitFor, written } from './support/harness.mjs';

describe('the cosmo-local loop in the web app', () => {
  let app;
  let page;
  let api;
  let alice;
  let bob;
  let charlie;
  const suffix = randomBytes(3).toString('hex');

  before(async () => {
    app = await startApp({ name: 'web-app' });
    ({ page, api } = app);
    [alice, bob, charlie] = ['Alice', 'Bob', 'Charlie'].map(app.account);
  });

  after(async () => {
    await app?.stop();
  });

  const signAs = (address) => app.signAs(address);
  const onChain = (what, read) => app.onChain(what, read);
  const open = (hash) => app.open(hash);
  const manifestFile = (name) => ({
    name: `${name}.json`, mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ name, suffix, okh: '2.0' })),
  });
  const checkProcesses = async (labels) => {
    for (const label of labels) await page.getByLabel(label, { exact: true }).check();
  };
  const currentDesign = async () => Number(/#\/designs\/(\d+)$/.exec(page.url())[1]);
  const feeShown = (scope = page) => scope.locator('.tx-fee').filter({ hasText: /Fee: .* CML/ }).first().waitFor();
  const action = (key) => page.locator(`[data-action=${key}]`);

  let original;
  let derivative;
  let derivativeNetwork;
  let originalNetwork;
  let pledgeId;
  let contributionId;

  test('the catalogue lists the example designs, marked as development accounts sign', async () => {
    await page.locator('.cards .card').first().waitFor();
    const titles = await page.locator('.card-title').allTextContents();
    const designs = await api.query.DesignRegistry.Designs.getEntries();
    assert.equal(titles.length, designs.length);
    await page.getByLabel('Search designs').fill('bamboo');
    await waitFor('the search to narrow the list', async () => (await page.locator('.cards .card').count()) === 1);
    await page.getByLabel('Search designs').fill('');
    await waitFor('the whole list again', async () => (await page.locator('.cards .card').count()) === designs.length);
    assert.match(await page.locator('.account-picker').textContent(), /development account/);
    await screens(page, 'designs');
  });

  test('Alice registers a share-alike design; its page shows the fee, versions and licences', async () => {
    await signAs(alice);
    await open('#/designs/new');
    const name = `Pedal grain mill ${suffix}`;
    await page.locator('input[name=name]').fill(name);
    await page.locator('select[name=hardware-licence]').selectOption('CERN-OHL-S-2.0');
    await page.locator('select[name=documentation-licence]').selectOption('CC-BY-SA-4.0');
    await page.locator('input[name=tags]').fill('food, grain-mill');
    await checkProcesses(['Woodworking', 'Assembly']);
    await page.locator('input[name=manifest]').fill(`ipfs://example/pedal-grain-mill-${suffix}`);
    const manifest = manifestFile('pedal-grain-mill');
    await page.locator('input[name=manifest-file]').setInputFiles(manifest);
    await feeShown();
    await screens(page, 'register-design');
    await page.getByRole('button', { name: 'Register the design' }).click();
    await page.waitForURL(/#\/designs\/\d+$/);
    original = await currentDesign();

    const registered = await onChain('the design, finalized', () => api.apis.DesignRegistryApi.design(original));
    assert.equal(Binary.toText(registered.name), name);
    assert.equal(registered.maintainers[0], alice);
    const [[, version]] = await api.apis.DesignRegistryApi.versions(original, undefined, 10);
    assert.equal(version.manifest_hash, Binary.toHex(Blake2256(manifest.buffer)),
      'the hash computed in the browser is the manifest file\'s');
    await page.locator('h1').filter({ hasText: name }).waitFor();
    assert.match(await page.locator('.facts').textContent(), /CERN-OHL-S-2\.0/);
  });

  test('a derivative with another hardware licence is refused with the pallet\'s documented error', async () => {
    await page.getByRole('link', { name: 'Register a derivative' }).click();
    await page.waitForURL(/#\/designs\/new\?parent=\d+$/);
    assert.equal(await page.locator('select[name=parent]').inputValue(), String(original));
    await page.locator('input[name=name]').fill(`Pedal grain mill, steel frame ${suffix}`);
    await page.locator('select[name=hardware-licence]').selectOption('CERN-OHL-P-2.0');
    await page.locator('select[name=documentation-licence]').selectOption('CC-BY-SA-4.0');
    await page.locator('input[name=tags]').fill('food grain-mill steel');
    await checkProcesses(['Welding', 'Assembly']);
    await page.locator('input[name=manifest]').fill(`ipfs://example/pedal-grain-mill-steel-${suffix}`);
    await page.locator('input[name=manifest-file]').setInputFiles(manifestFile('pedal-grain-mill-steel'));
    await feeShown();
    await page.getByRole('button', { name: 'Register the design' }).click();

    const alert = page.locator('.tx-error');
    await alert.waitFor();
    const docs = await errorDocs(app.client, 'DesignRegistry', 'ShareAlikeLicenceRequired');
    assert.ok(docs.length > 20, 'the error has documentation in the metadata');
    assert.match(await alert.textContent(), /DesignRegistry\.ShareAlikeLicenceRequired/);
    assert.ok((await alert.textContent()).includes(docs), `the page shows “${docs}”`);
    await shot(page, 'register-derivative-refused');
  });

  test('with the parent\'s licence the derivative registers, and the lineage tree shows both', async () => {
    await page.locator('select[name=hardware-licence]').selectOption('CERN-OHL-S-2.0');
    await page.locator('.tx-error').waitFor({ state: 'detached' });
    await feeShown();
    await page.getByRole('button', { name: 'Register the design' }).click();
    await page.waitForURL(new RegExp(`#/designs/(?!${original}$)\\d+$`));
    derivative = await currentDesign();

    // On chain: the derivative names its parent, and the parent lists it.
    const child = await onChain('the derivative, finalized', () => api.apis.DesignRegistryApi.design(derivative));
    assert.deepEqual({ parent: child.lineage.parent, kind: child.lineage.kind.type },
      { parent: original, kind: 'Derivative' });
    assert.ok((await api.apis.DesignRegistryApi.derivatives(original, undefined, 100)).includes(derivative));

    // On screen: both designs in the tree, the derivative highlighted, the parent a link.
    const tree = page.getByTestId('lineage');
    await tree.locator(`[data-design="${original}"]`).waitFor();
    await tree.locator(`[data-design="${derivative}"][aria-current="page"]`).waitFor();
    assert.equal(await tree.locator('.lineage-link').count(), 1);
    assert.match(await tree.locator('.lineage-link').textContent(), /derivative/);

    await tree.locator(`[data-design="${original}"]`).click();
    await page.waitForURL(new RegExp(`#/designs/${original}$`));
    await tree.locator(`[data-design="${original}"][aria-current="page"]`).waitFor();
    await tree.locator(`[data-design="${derivative}"]`).waitFor();
  });

  test('Alice, its maintainer, sets the derivative\'s commons share to 10 %', async () => {
    await open(`#/designs/${derivative}`);
    await page.getByTestId('commons-share').filter({ hasText: /^0 %$/ }).waitFor();
    const max = await api.constants.DesignRegistry.MaxCommonsShare();
    assert.match(await page.locator('.inline-form').textContent(), new RegExp(`At most ${max / 10_000} %`));
    await page.locator('input[name=commons-share]').fill('10');
    await feeShown(page.locator('.inline-form'));
    await page.getByRole('button', { name: 'Set the commons share' }).click();
    await page.getByTestId('commons-share').filter({ hasText: /^10 %$/ }).waitFor();
    await onChain('the share, finalized', async () => (await api.apis.DesignRegistryApi.design(derivative)).commons_share === 100_000);
    // The share is the design's own: the original still asks nothing.
    assert.equal((await api.apis.DesignRegistryApi.design(original)).commons_share, 0);
    await page.getByTestId('lineage').locator(`[data-design="${original}"]`).waitFor();
    await screens(page, 'design-lineage');
  });

  test('Bob logs a contribution to the derivative\'s network; Alice, its steward, accepts it', async () => {
    derivativeNetwork = await api.apis.ContributiveAccountingApi.design_network(derivative);
    originalNetwork = await api.apis.ContributiveAccountingApi.design_network(original);
    assert.ok(derivativeNetwork !== undefined && originalNetwork !== undefined, 'every design has a network');
    await signAs(bob);
    await page.getByRole('link', { name: `network #${derivativeNetwork}` }).click();
    await page.waitForURL(new RegExp(`#/networks/${derivativeNetwork}$`));
    await page.getByTestId('your-share').filter({ hasText: /Bob is not a member/ }).waitFor();
    const evidence = `ipfs://example/field-test-${suffix}`;
    await page.locator('select[name=kind]').selectOption('Testing');
    await page.locator('input[name=quantity]').fill('6');
    await page.locator('input[name=evidence]').fill(evidence);
    await feeShown(page.locator('form'));
    await page.getByRole('button', { name: 'Log the contribution' }).click();

    [contributionId] = await onChain('the contribution, pending', async () => {
      const pending = await api.apis.ContributiveAccountingApi.contributions(derivativeNetwork, Enum('Pending'), undefined, 100);
      return pending.find(([, contribution]) => contribution.contributor === bob && Binary.toText(contribution.evidence) === evidence);
    });
    const queue = page.getByRole('list', { name: 'Contributions waiting for review' });
    const item = queue.locator(`[data-contribution="${contributionId}"]`);
    await item.filter({ hasText: 'Testing and reviewing: 6' }).waitFor();
    assert.match(await item.textContent(), /0 of 1 approvals/);
    assert.equal(await item.getByRole('button', { name: 'Accept' }).count(), 0, 'Bob is no steward');

    await signAs(alice);
    await item.getByRole('button', { name: 'Accept' }).waitFor();
    await feeShown(item);
    await screens(page, 'network-review');
    await item.getByRole('button', { name: 'Accept' }).click();
    const accepted = page.getByRole('list', { name: 'Accepted contributions' }).locator(`[data-contribution="${contributionId}"]`);
    await accepted.waitFor();
    const [, contribution] = await onChain('the contribution, accepted', async () =>
      (await api.apis.ContributiveAccountingApi.contributions(derivativeNetwork, Enum('Accepted'), undefined, 100))
        .find(([id]) => id === contributionId));
    assert.ok(contribution.points > 0n);
    assert.match(await accepted.textContent(), new RegExp(`${contribution.points.toLocaleString('en-US')} points`));
    const [points] = await api.apis.ContributiveAccountingApi.member(derivativeNetwork, bob);
    assert.equal(points, contribution.points, 'Bob\'s points are his accepted contribution');
    assert.equal(await queue.locator(`[data-contribution="${contributionId}"]`).count(), 0, 'it left the queue');
  });

  test('Alice registers as a producer in Lisbon and appears on the map', async () => {
    await open('#/producers/new');
    const name = `Lisbon Community Workshop ${suffix}`;
    await page.locator('input[name=name]').fill(name);
    await page.locator('input[name=region]').fill('PT-11');
    await checkProcesses(['Woodworking', 'Assembly', 'Welding']);
    await feeShown();
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await page.waitForURL(/#\/map$/);

    const producer = await onChain('the producer, finalized', () => api.apis.ProductionPledgesApi.producer(alice));
    assert.equal(Binary.toText(producer.name), name);
    assert.equal(Binary.toText(producer.region), 'PT-11');
    const marker = page.locator(`svg.world-map [data-producer="${alice}"]`);
    await marker.waitFor();
    assert.match(await marker.textContent(), new RegExp(name));
    await marker.click();
    const card = page.locator(`.producers [data-producer="${alice}"]`);
    assert.match(await card.getAttribute('class'), /selected/);
    assert.match(await card.textContent(), /Portugal/);
    assert.match(await card.textContent(), /Woodworking/);
    assert.equal(await page.locator('svg.world-map .marker').count(),
      (await api.query.ProductionPledges.Producers.getEntries()).length);
    await screens(page, 'map');
  });

  test('the map filters producers by process, and by what a design needs (from the design\'s page)', async () => {
    const producers = await api.query.ProductionPledges.Producers.getEntries();
    const having = (needed) => producers.filter(({ value }) => needed.every((need) => value.processes.some((has) => has.type === need)))
      .map(({ keyArgs: [account] }) => account).sort();
    const shown = async () => (await page.locator('.producers [data-producer]').evaluateAll(
      (cards) => cards.map((card) => card.dataset.producer))).sort();

    await page.locator('select[name=process]').selectOption('Welding');
    const welders = having(['Welding']);
    assert.ok(welders.length > 0 && welders.length < producers.length, 'some producers weld, not all');
    await waitFor('the welders alone', async () => JSON.stringify(await shown()) === JSON.stringify(welders));
    assert.equal(await page.locator('svg.world-map .marker').count(), welders.length);
    assert.equal(await page.getByTestId('producers-count').textContent(),
      `${welders.length} of ${producers.length} producers with Welding`);

    const design = await api.apis.DesignRegistryApi.design(derivative);
    await open(`#/designs/${derivative}`);
    await page.getByRole('link', { name: 'Who can make it' }).click();
    await page.waitForURL(new RegExp(`#/map\\?design=${derivative}$`));
    const able = having(design.processes.map((process) => process.type));
    assert.ok(able.includes(alice), 'Alice\'s workshop can make the derivative');
    await waitFor('the producers able to make the derivative', async () => JSON.stringify(await shown()) === JSON.stringify(able));
    assert.match(await page.getByTestId('producers-count').textContent(),
      new RegExp(`able to make ${Binary.toText(design.name)} \\(all its processes\\)`));
  });

  test('Alice pledges to make the derivative; Bob backs units and withdraws some', async () => {
    await open(`#/pledges/new?design=${derivative}`);
    await page.locator('input[name=unit-price]').fill('2.5');
    await page.locator('input[name=quantity]').fill('10');
    await page.locator('input[name=min-quantity]').fill('4');
    await page.locator('input[name=bond]').fill('5');
    await feeShown();
    await page.getByRole('button', { name: 'Pledge', exact: true }).click();
    await page.waitForURL(/#\/pledges\/\d+$/);
    pledgeId = Number(/(\d+)$/.exec(page.url())[1]);
    const pledge = await onChain('the pledge, finalized', () => api.apis.ProductionPledgesApi.pledge(pledgeId));
    assert.equal(pledge.producer, alice);
    assert.equal(pledge.terms.design, derivative);
    assert.equal(pledge.commons_share, 100_000, 'the pledge keeps the derivative\'s commons share');
    assert.equal(pledge.terms.unit_price, 25n * 10n ** BigInt(app.unit.decimals - 1));

    // The producer may cancel; it backs nothing, so it has nothing to withdraw.
    await page.getByTestId('progress').waitFor();
    assert.ok(await action('cancel').isVisible());
    assert.equal(await action('withdraw').count(), 0);
    assert.match(await page.getByTestId('progress').textContent(), /0 of 10 units backed/);

    await signAs(bob);
    await action('back').waitFor();
    assert.equal(await action('cancel').count(), 0, 'only the producer may cancel');
    await page.locator('input[name=units]').fill('3');
    await feeShown(action('back'));
    await page.getByRole('button', { name: 'Back 3 units' }).click();
    await page.getByTestId('progress').filter({ hasText: /3 of 10 units backed/ }).waitFor();
    await onChain('3 units backed, finalized', async () => (await api.apis.ProductionPledgesApi.pledge(pledgeId)).backed_units === 3);
    await page.getByTestId('your-part').filter({ hasText: /3 units/ }).waitFor();
    await shot(page, 'pledge-backed');

    await page.locator('input[name=units]').fill('1');
    await page.getByRole('button', { name: 'Withdraw 1 unit' }).click();
    await page.getByTestId('progress').filter({ hasText: /2 of 10 units backed/ }).waitFor();
    await onChain('2 units backed, finalized', async () => (await api.apis.ProductionPledgesApi.pledge(pledgeId)).backed_units === 2);
    assert.equal((await api.query.ProductionPledges.Backings.getValue(pledgeId, bob)).units, 2);
  });

  test('Charlie backs the 8 units left with the keyboard alone; the full pledge may close at once', async () => {
    await signAs(charlie);
    await action('back').waitFor();
    assert.equal(await action('close').count(), 0, 'funding goes on while units are left');
    await page.locator('input[name=units]').fill('8');
    await feeShown(action('back'));
    // From the units field, Tab reaches the button, and Enter presses it.
    await page.locator('input[name=units]').focus();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    assert.equal(focused, 'Back 8 units', 'Tab moves from the units to the button that backs them');
    await page.keyboard.press('Enter');
    await page.getByTestId('progress').filter({ hasText: /10 of 10 units backed/ }).waitFor();
    const pledge = await onChain('10 units backed, finalized', async () => {
      const read = await api.apis.ProductionPledgesApi.pledge(pledgeId);
      return read.backed_units === 10 && read;
    });
    assert.equal(pledge.backers, 2);
    assert.equal((await api.query.ProductionPledges.Backings.getValue(pledgeId, charlie)).units, 8);
    assert.ok((await app.client.getFinalizedBlock()).number < pledge.terms.funding_deadline,
      'the funding deadline is still ahead');

    // Nothing is left to back; funding may close before its deadline.
    await action('close').waitFor();
    assert.equal(await action('back').count(), 0);
    await screens(page, 'pledge-full');
  });

  test('Charlie closes funding; Alice reports the delivery of the 10 units', async () => {
    await feeShown(action('close'));
    await page.getByRole('button', { name: 'Close funding' }).click();
    await page.getByTestId('pledge-state').filter({ hasText: 'Funded' }).waitFor();
    await onChain('the pledge funded, finalized', async () => (await api.apis.ProductionPledgesApi.pledge(pledgeId)).state.type === 'Funded');
    await page.locator('.pledge-actions, .muted').filter({ hasText: /Nothing Charlie can do/ }).waitFor();

    await signAs(alice);
    await action('deliver').waitFor();
    await page.locator('input[name=units]').fill('10');
    await page.locator('input[name=evidence]').fill(`ipfs://example/lisbon-delivery-${suffix}`);
    await feeShown(action('deliver'));
    await page.getByRole('button', { name: 'Report delivery of 10 units' }).click();
    await page.getByTestId('pledge-state').filter({ hasText: 'Delivered' }).waitFor();
    const pledge = await onChain('the delivery, finalized', async () => {
      const read = await api.apis.ProductionPledgesApi.pledge(pledgeId);
      return read.state.type === 'Delivered' && read;
    });
    assert.equal(pledge.delivery.units, 10);
    assert.equal(Binary.toText(pledge.delivery.evidence), `ipfs://example/lisbon-delivery-${suffix}`);
    await page.locator('.facts').filter({ hasText: /10 units reported/ }).waitFor();
    assert.equal(await action('settle').count(), 0, 'no receipt is confirmed yet: the pledge cannot settle');
  });

  test('Bob and Charlie confirm receipt; with every unit confirmed, Charlie settles at once', async () => {
    await signAs(bob);
    await feeShown(action('confirm'));
    await page.getByRole('button', { name: 'Confirm receipt' }).click();
    await page.getByTestId('your-part').filter({ hasText: /2 units, receipt confirmed/ }).waitFor();
    await onChain('Bob\'s receipt, finalized', async () => (await api.apis.ProductionPledgesApi.pledge(pledgeId)).confirmed_units === 2);
    assert.equal(await action('settle').count(), 0, 'Charlie\'s 8 units are not confirmed yet');

    await signAs(charlie);
    await feeShown(action('confirm'));
    await screens(page, 'pledge-delivered');
    await page.getByRole('button', { name: 'Confirm receipt' }).click();
    await page.getByTestId('your-part').filter({ hasText: /8 units, receipt confirmed/ }).waitFor();
    const delivered = await onChain('every receipt, finalized', async () => {
      const read = await api.apis.ProductionPledgesApi.pledge(pledgeId);
      return read.confirmed_units === 10 && read;
    });
    assert.ok((await app.client.getFinalizedBlock()).number <= delivered.delivery.challenge_ends,
      'the challenge window is still open');

    await feeShown(action('settle'));
    await page.getByRole('button', { name: 'Settle', exact: true }).click();
    await page.getByTestId('pledge-state').filter({ hasText: 'Settled' }).waitFor();
    const settled = await onChain('the pledge settled, finalized', async () => {
      const read = await api.apis.ProductionPledgesApi.pledge(pledgeId);
      return read.state.type === 'Settled' && read;
    });
    assert.equal(settled.unpaid_to_producer, 0n, 'the producer was paid at once');
    assert.equal(await page.getByTestId('unpaid-to-producer').count(), 0);
    assert.equal(await action('pay').count(), 0, 'nothing waits for the producer: no “Pay the producer”');
    // What Charlie is owed now, as the chain works it out.
    const owed = await api.apis.ProductionPledgesApi.owed_to(charlie, pledgeId);
    await page.getByTestId('your-part').filter({ hasText: `owed to you ${written(owed ?? 0n, app.unit)}` }).waitFor();
  });

  test('the commons share reaches the derivative\'s network, and a part flows up to the original\'s', async () => {
    const pledge = await api.query.ProductionPledges.Pledges.getValue(pledgeId);
    const [derived, upstream] = await Promise.all([derivativeNetwork, originalNetwork]
      .map(async (network) => (await api.apis.ContributiveAccountingApi.revenue(network)).find(([asset]) => asset.type === 'Native')[1]));
    // The pledge's commons share of the price of the units delivered.
    const commons = pledge.terms.unit_price * BigInt(pledge.delivery.units) * BigInt(pledge.commons_share) / 1_000_000n;
    assert.ok(commons > 0n);
    const upstreamShare = BigInt(await api.constants.ContributiveAccounting.UpstreamShare());
    const total = (pool) => pool.received + pool.kept_minimum;
    assert.equal(total(derived) + total(upstream), commons, 'the whole commons share reached the two networks');
    assert.equal(total(upstream), commons * upstreamShare / 1_000_000n, 'the parent got the upstream share');
    assert.ok(derived.received > 0n && upstream.received > 0n);

    await open('#/networks');
    for (const [network, pool] of [[derivativeNetwork, derived], [originalNetwork, upstream]]) {
      await page.locator(`[data-network="${network}"] [data-testid=revenue]`)
        .filter({ hasText: `${written(pool.received, app.unit)} received` }).waitFor();
    }
    await screens(page, 'networks');
  });

  test('Bob and Charlie claim; with the last claim the pledge closes', async () => {
    await open(`#/pledges/${pledgeId}`);
    for (const [who, address] of [['Bob', bob], ['Charlie', charlie]]) {
      await signAs(address);
      await action('claim').waitFor();
      await feeShown(action('claim'));
      await page.getByRole('button', { name: 'Claim what you are owed' }).click();
      await onChain(`${who}'s claim, finalized`, async () =>
        (await api.query.ProductionPledges.Backings.getValue(pledgeId, address)) === undefined);
      if (who === 'Bob') {
        await page.getByTestId('your-part').filter({ hasText: 'You do not back this pledge.' }).waitFor();
        assert.equal((await api.apis.ProductionPledgesApi.pledge(pledgeId)).backers, 1);
      }
    }
    await page.locator('.error').filter({ hasText: `There is no open pledge #${pledgeId}` }).waitFor();
    assert.equal(await api.apis.ProductionPledgesApi.pledge(pledgeId), undefined, 'the pledge is closed');
    const producer = await api.apis.ProductionPledgesApi.producer(alice);
    assert.equal(producer.record.fulfilled, 1, 'Alice\'s record counts the fulfilled pledge');
  });

  test('members claim their revenue on the Networks screen: Bob in the derivative\'s, Alice in the original\'s', async () => {
    await open('#/networks');
    for (const [address, network] of [[bob, derivativeNetwork], [alice, originalNetwork]]) {
      await signAs(address);
      const [[, claimable]] = await api.apis.ContributiveAccountingApi.claimable(network, address);
      assert.ok(claimable > 0n);
      const card = page.locator(`[data-network="${network}"]`);
      const button = card.getByRole('button', { name: `Claim ${written(claimable, app.unit)}` });
      await button.waitFor();
      await feeShown(card);
      const before = (await api.apis.ContributiveAccountingApi.revenue(network)).find(([asset]) => asset.type === 'Native')[1];
      await button.click();
      await onChain('the claim, finalized', async () =>
        (await api.apis.ContributiveAccountingApi.claimable(network, address)).length === 0);
      const after = (await api.apis.ContributiveAccountingApi.revenue(network)).find(([asset]) => asset.type === 'Native')[1];
      assert.equal(after.claimed - before.claimed, claimable, 'the member got what the button said');
      await button.waitFor({ state: 'detached' });
    }
    // Alice's own production of the derivative waits in its network's queue: she is its only steward.
    await open(`#/networks/${derivativeNetwork}`);
    const pending = await api.apis.ContributiveAccountingApi.contributions(derivativeNetwork, Enum('Pending'), undefined, 100);
    const [production] = pending.find(([, contribution]) => contribution.contributor === alice && contribution.kind.type === 'Production');
    const item = page.locator(`[data-contribution="${production}"]`);
    await item.filter({ hasText: 'Production: 10' }).waitFor();
    assert.equal(await item.getByRole('button', { name: 'Accept' }).count(), 0, 'nobody reviews their own contribution');
    assert.match(await item.textContent(), /only steward/);
  });

  test('the account screen shows Alice\'s designs and record', async () => {
    await signAs(alice);
    await open('#/account');
    const free = (await api.query.System.Account.getValue(alice)).data.free;
    await page.getByTestId('free-balance').waitFor();
    assert.match(await page.getByTestId('free-balance').textContent(), / CML$/);
    assert.ok(free > 0n);
    for (const id of [original, derivative]) await page.locator(`a[href="#/designs/${id}"]`).first().waitFor();
    await screens(page, 'account');
  });
});
