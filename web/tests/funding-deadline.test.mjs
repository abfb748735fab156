// A refused call on the pledge page: Charlie backs a pledge in its last moments, and his
// transaction reaches the chain after the funding deadline. The page must show the pallet's
// documented error `ProductionPledges.FundingEnded`, with its documentation from the metadata,
// next to the button he pressed, although the page has moved on (funding may now be closed).
//
// The browser's WebSocket to the node goes through the test (playwright's `routeWebSocket`):
// Charlie's `transaction_v1_broadcast` is held, as a slow network or a slow signer would hold
// it, until the chain's best block is past the deadline, so that the late arrival is certain
// rather than a matter of luck.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { errorDocs, screens, startApp, waitFor } from './support/harness.mjs';

describe('backing after the funding deadline', () => {
  let app;
  let page;
  let api;
  let bob;
  let charlie;
  /** Broadcasts the page sent while `holding`, not yet passed on to the node. */
  const held = [];
  let holding = false;
  let server;

  before(async () => {
    app = await startApp({
      name: 'web-funding-deadline',
      beforeLoad: (browserPage, node) => browserPage.routeWebSocket(new RegExp(`^${node.wsUrl.replace(/[.]/g, '\\.')}/?$`), (socket) => {
        server = socket.connectToServer();
        socket.onMessage((message) => {
          if (holding && String(message).includes('"transaction_v1_broadcast"')) held.push(message);
          else server.send(message);
        });
        server.onMessage((message) => socket.send(message));
      }),
    });
    ({ page, api } = app);
    [bob, charlie] = ['Bob', 'Charlie'].map(app.account);
  });

  after(async () => {
    await app?.stop();
  });

  let pledgeId;
  let deadline;

  test('Bob, a producer of the example data, pledges with funding ending in about a minute', async () => {
    const producer = await api.apis.ProductionPledgesApi.producer(bob);
    assert.ok(producer, 'Bob is a producer in the example data');
    const designs = await api.query.DesignRegistry.Designs.getEntries();
    const makeable = designs.find(({ value }) => value.status.type === 'Active'
      && value.processes.every((needed) => producer.processes.some((have) => have.type === needed.type)));
    assert.ok(makeable, 'Bob can make one of the example designs');

    await app.signAs(bob);
    await app.open(`#/pledges/new?design=${makeable.keyArgs[0]}`);
    await page.locator('input[name=unit-price]').fill('1');
    await page.locator('input[name=quantity]').fill('5');
    await page.locator('input[name=min-quantity]').fill('2');
    // The deadline field takes minutes: the next minute at least 40 s away.
    const funding = await page.evaluate(() => {
      const at = new Date(Math.ceil((Date.now() + 40_000) / 60_000) * 60_000);
      return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    });
    await page.locator('input[name=funding-deadline]').fill(funding);
    await page.locator('.tx-fee').filter({ hasText: /Fee: .* CML/ }).waitFor();
    await page.getByRole('button', { name: 'Pledge', exact: true }).click();
    await page.waitForURL(/#\/pledges\/\d+$/);
    pledgeId = Number(/(\d+)$/.exec(page.url())[1]);
    const pledge = await app.onChain('the pledge, finalized', () => api.apis.ProductionPledgesApi.pledge(pledgeId));
    deadline = pledge.terms.funding_deadline;
    const { number } = await app.client.getFinalizedBlock();
    assert.ok(deadline > number && deadline - number < 20, `the deadline, block #${deadline}, is a few blocks away (now #${number})`);
  });

  test('Charlie\'s backing arrives after the deadline: the page shows FundingEnded and its documentation', async () => {
    await app.signAs(charlie);
    const back = page.locator('[data-action=back]');
    await back.waitFor();
    await page.locator('input[name=units]').fill('2');
    await back.locator('.tx-fee').filter({ hasText: /Fee: .* CML/ }).waitFor();

    holding = true;
    await page.getByRole('button', { name: 'Back 2 units' }).click();
    await waitFor('the page to send the transaction', () => held.length === 1, { timeoutMs: 30_000 });
    await waitFor('the chain to pass the funding deadline',
      async () => (await app.client.getBestBlocks())[0].number > deadline, { timeoutMs: 180_000 });
    holding = false;
    server.send(held.shift());

    const alert = back.locator('.tx-error');
    await alert.waitFor();
    const docs = await errorDocs(app.client, 'ProductionPledges', 'FundingEnded');
    assert.ok(docs.length > 10, 'the error has documentation in the metadata');
    assert.match(await alert.locator('strong').textContent(), /^ProductionPledges\.FundingEnded$/);
    assert.equal(await alert.locator('p').textContent(), docs, `the page shows “${docs}”`);

    // Nothing was backed; the button is kept with its outcome but no longer offered, and what the
    // pledge now allows is: closing its funding.
    const pledge = await api.apis.ProductionPledgesApi.pledge(pledgeId);
    assert.equal(pledge.backed_units, 0);
    assert.equal(await api.query.ProductionPledges.Backings.getValue(pledgeId, charlie), undefined);
    await page.locator('[data-action=close]').waitFor();
    assert.ok(await back.getByRole('button').isDisabled());
    assert.match(await back.textContent(), /No longer offered/);
    await page.locator('.deadline.passed').first().waitFor();
    await screens(page, 'pledge-funding-ended');
  });

  test('closing the funding below its minimum fails the pledge, which closes: nobody backed it', async () => {
    const { failed } = (await api.apis.ProductionPledgesApi.producer(bob)).record;
    await page.getByRole('button', { name: 'Close funding' }).click();
    await page.locator('.error').filter({ hasText: `There is no open pledge #${pledgeId}` }).waitFor();
    await app.onChain('the pledge closed, finalized', async () =>
      (await api.apis.ProductionPledgesApi.pledge(pledgeId)) === undefined);
    assert.equal((await api.apis.ProductionPledgesApi.producer(bob)).record.failed, failed + 1,
      'Bob\'s record counts the failed pledge');
  });
});
