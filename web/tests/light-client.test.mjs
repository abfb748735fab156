// The light-client mode: the app given a chain spec instead of a node's address (`?chainspec=`)
// follows the chain through smoldot running in the page, syncing from the chain spec's boot node
// over the peer-to-peer protocol, and reads a design with no RPC node at all: the page opens no
// WebSocket but the one to the boot node's peer-to-peer `/ws` address.
//
// The node runs the development chain from the raw chain spec that `build-spec` writes, and
// listens for browsers on a `/ws` address besides its TCP one, as docs/operator-guide.md says a
// node serving light clients should; the page gets the same spec with that address as boot node.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Binary } from 'polkadot-api';

import { freePort, nodeBinary, rpc } from '../../tests/e2e/support/node.mjs';
import { screens, startApp, waitFor } from './support/harness.mjs';

/** How long the light client may take to find its peer, sync and read: it starts from genesis. */
const SYNC_MS = 120_000;

describe('the light-client mode', () => {
  let app;
  let page;
  let api;
  let spec;
  let bootNode;
  let browserPort;
  /** Every WebSocket the page opened since it was first loaded (through the RPC node). */
  const sockets = [];

  before(async () => {
    spec = JSON.parse(execFileSync(nodeBinary(), ['build-spec', '--chain', 'dev', '--raw'],
      { stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 }).toString());
    const specPath = join(mkdtempSync(join(tmpdir(), 'cosmolocal-spec-')), 'dev-raw.json');
    writeFileSync(specPath, JSON.stringify(spec));
    browserPort = await freePort();
    app = await startApp({
      name: 'web-light-client',
      nodeArgs: ['--chain', specPath, '--listen-addr', `/ip4/127.0.0.1/tcp/${browserPort}/ws`],
    });
    ({ page, api } = app);
    const peerId = await rpc(app.node.httpUrl, 'system_localPeerId');
    bootNode = `/ip4/127.0.0.1/tcp/${browserPort}/ws/p2p/${peerId}`;
    // The chain spec beside the app, as an operator would publish it, naming the node to sync from.
    await page.route('**/cosmolocal-dev.json', (route) => route.fulfill({
      contentType: 'application/json', body: JSON.stringify({ ...spec, bootNodes: [bootNode] }),
    }));
    page.on('websocket', (socket) => sockets.push(socket.url()));
  });

  after(async () => {
    await app?.stop();
  });

  test('given the chain spec, the app reads a design through smoldot with no RPC node', async () => {
    const [[id], design] = await api.query.DesignRegistry.Designs.getEntries()
      .then((entries) => [entries[0].keyArgs, entries[0].value]);
    await page.goto(`${app.site.url}?chainspec=cosmolocal-dev.json#/designs/${id}`);
    await page.getByTestId('light-client').waitFor({ timeout: SYNC_MS });
    await page.locator('h1').filter({ hasText: Binary.toText(design.name) }).waitFor({ timeout: SYNC_MS });
    assert.match(await page.getByRole('status').textContent(), /Cosmolocal Development/);

    // It follows the chain's finality as it grows: the page reaches a block that the test's own
    // client saw finalized after the page had loaded, a few blocks past genesis.
    const shownAtLoad = Number((await page.getByTestId('finalized-block').textContent()).slice(1));
    const target = await waitFor('the chain to finalize three blocks after the page loaded', async () => {
      const { number } = await app.client.getFinalizedBlock();
      return number >= shownAtLoad + 3 ? number : undefined;
    }, { timeoutMs: SYNC_MS });
    await waitFor(`the light client at finalized block #${target}`, async () =>
      Number((await page.getByTestId('finalized-block').textContent()).slice(1)) >= target,
    { timeoutMs: SYNC_MS });
    console.log(`the light client showed finalized #${shownAtLoad} at load, then followed to #${target}`);

    assert.ok(sockets.length > 0, 'the light client opened a WebSocket to its peer');
    assert.deepEqual(sockets.filter((url) => new URL(url).port !== String(browserPort)), [],
      'the only WebSockets are to the boot node\'s peer-to-peer address, none to the RPC node');
    await screens(page, 'design-light-client');
  });

  test('the account page says the app follows the chain through the light client', async () => {
    await page.getByRole('link', { name: 'Account' }).click();
    const node = page.locator('section').filter({ hasText: 'the light client in this page' });
    await node.waitFor({ timeout: SYNC_MS });
    assert.match(await node.textContent(), /cosmolocal-dev\.json/);
    const field = page.getByLabel('Node (ws://…) or chain spec (light client)');
    assert.match(await field.inputValue(), /cosmolocal-dev\.json$/, 'the form shows the chain spec in use');
  });
});
