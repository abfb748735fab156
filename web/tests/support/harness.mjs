// What the browser tests share: the built app served from web/dist, a development node, a PAPI
// client to check the chain with, Chromium driven by playwright-core, screenshots at desktop and
// phone widths, and accessibility checks.
//
// Needs the debug node (`make build` at the repository's root, or $COSMOLOCAL_NODE), the
// descriptors (`npm run descriptors`) and Chromium at $CHROMIUM (default /usr/bin/chromium).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

import { cosmolocal } from '@polkadot-api/descriptors';
import { decAnyMetadata, unifyMetadata } from '@polkadot-api/substrate-bindings';
import { sr25519CreateDerive } from '@polkadot-labs/hdkd';
import { DEV_PHRASE, entropyToMiniSecret, mnemonicToEntropy, ss58Address } from '@polkadot-labs/hdkd-helpers';
import { chromium } from 'playwright-core';
import { createClient } from 'polkadot-api';
import { getPolkadotSigner } from 'polkadot-api/signer';
import { getWsProvider } from 'polkadot-api/ws';

import { freePort, startDevNode, waitFor } from '../../../tests/e2e/support/node.mjs';

export { waitFor };

export const webDir = join(dirname(fileURLToPath(import.meta.url)), '../..');
process.env.COSMOLOCAL_TEST_LOGS ??= join(webDir, 'tests/logs');
/** The node logs and the screenshots go under the tests' log folder. */
export const logDir = process.env.COSMOLOCAL_TEST_LOGS;
export const screenshotDir = join(logDir, 'screenshots');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
/** How long a step may take: a transaction waits for a block, then for finality. */
export const STEP_MS = 60_000;
export const DESKTOP = { width: 1360, height: 900 };
export const PHONE = { width: 390, height: 844 };

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.wasm': 'application/wasm',
};

/** The newest modification time of the files under `path`. */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newest(join(path, entry))));
}

/**
 * Builds web/dist unless it is newer than every source it is built from: the test files run one
 * after the other, and the first one builds for all.
 */
function buildApp() {
  const sources = ['src', 'index.html', 'vite.config.ts', 'package.json', '.papi/descriptors']
    .map((path) => newest(join(webDir, path)));
  let built = 0;
  try { built = statSync(join(webDir, 'dist/index.html')).mtimeMs; } catch { /* not built yet */ }
  if (built > Math.max(...sources)) return;
  execFileSync('nice', ['-n', '10', join(webDir, 'node_modules/.bin/vite'), 'build', '--logLevel', 'warn'],
    { cwd: webDir, stdio: 'inherit' });
}

/** Serves web/dist on a free loopback port: the built app is a set of static files. */
async function serveDist() {
  const root = join(webDir, 'dist');
  const port = await freePort();
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname));
    const file = join(root, path === '/' ? 'index.html' : path);
    try {
      const body = readFileSync(file.startsWith(root) ? file : join(root, 'index.html'));
      response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(resolve)) };
}

const deriveDev = sr25519CreateDerive(entropyToMiniSecret(mnemonicToEntropy(DEV_PHRASE)));

export function devAddress(name, ss58Format) {
  return ss58Address(deriveDev(`//${name}`).publicKey, ss58Format);
}

/** A PAPI signer for the development account `name` (Alice, Bob…), for the test's own client. */
export function devSigner(name) {
  const key = deriveDev(`//${name}`);
  return getPolkadotSigner(key.publicKey, 'Sr25519', key.sign);
}

/** The documentation of a pallet's error variant, from the chain's metadata. */
export async function errorDocs(client, pallet, variant) {
  const { hash } = await client.getFinalizedBlock();
  const metadata = unifyMetadata(decAnyMetadata(await client.getMetadata(hash)));
  const errors = metadata.pallets.find((entry) => entry.name === pallet).errors;
  const found = metadata.lookup[errors.type].def.value.find((entry) => entry.name === variant);
  return found.docs.join(' ').trim();
}

/**
 * An amount as the app writes it (`src/format.ts`): whole part with thousands separators, at most
 * six decimals, cut rather than rounded, trailing zeros dropped, then the symbol.
 */
export function written(amount, { decimals, symbol }) {
  const base = 10n ** BigInt(decimals);
  const fraction = (amount % base).toString().padStart(decimals, '0').slice(0, Math.min(decimals, 6)).replace(/0+$/, '');
  return `${(amount / base).toLocaleString('en-US')}${fraction ? `.${fraction}` : ''} ${symbol}`;
}

/**
 * Starts what a test file needs: the app built and served, a development node (given
 * `nodeArgs` besides `--dev --tmp`; its chain is called `chainName`), a PAPI client of the test's
 * own, and a Chromium page on the app. `beforeLoad(page, node)` runs before the app first loads
 * (to route its WebSocket, for instance).
 */
export async function startApp({ name, beforeLoad, nodeArgs = [], chainName = 'Cosmolocal Development' }) {
  mkdirSync(screenshotDir, { recursive: true });
  buildApp();
  const [node, site] = await Promise.all([startDevNode({ name, extraArgs: nodeArgs }), serveDist()]);
  const client = createClient(getWsProvider(node.wsUrl));
  const api = client.getTypedApi(cosmolocal);
  const prefix = await api.constants.System.SS58Prefix();
  const spec = await client.getChainSpecData();
  const unit = { decimals: Number(spec.properties.tokenDecimals), symbol: String(spec.properties.tokenSymbol) };
  const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'cosmolocal-chromium-')), {
    executablePath: CHROMIUM,
    viewport: DESKTOP,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = browser.pages()[0] ?? await browser.newPage();
  page.setDefaultTimeout(STEP_MS);
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  await beforeLoad?.(page, node);
  const app = {
    node, site, client, api, browser, page, unit, pageErrors,
    account: (who) => devAddress(who, prefix),
    /** Opens `hash` of the app on the test's node. */
    open: (hash) => page.goto(`${site.url}?rpc=${encodeURIComponent(node.wsUrl)}${hash}`),
    /** Reads the chain until `read` gives a value: the page moves on at inclusion, the client reads finalized blocks. */
    onChain: (what, read) => waitFor(what, read, { timeoutMs: STEP_MS }),
    signAs: (address) => page.getByLabel('Account to sign with').selectOption(address),
    async stop() {
      await browser?.close();
      client?.destroy();
      await site?.close();
      await node?.stop();
      assert.deepEqual(pageErrors.map(String), [], 'the page threw no uncaught error');
    },
  };
  await app.open('#/designs');
  await page.getByRole('status').filter({ hasText: chainName }).waitFor();
  return app;
}

/** A full-page screenshot at the current width, `name.png` in the screenshots folder. */
export function shot(page, name) {
  return page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/**
 * A main screen at desktop and phone widths: a screenshot of each (`name-desktop.png`,
 * `name-phone.png`), and on the phone nothing wider than the screen (only boxes that scroll
 * sideways on their own, such as the lineage tree and wide tables, may be wider). Every control
 * must have an accessible name at both widths.
 */
export async function screens(page, name) {
  await assertAccessibleNames(page, `${name} (desktop)`);
  await shot(page, `${name}-desktop`);
  await page.setViewportSize(PHONE);
  try {
    // Two frames: the layout for the new width is done.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await shot(page, `${name}-phone`);
    const overflowing = await page.evaluate(() => {
      // Anything reaching past the right edge that is not inside a box scrolling on its own.
      const width = window.innerWidth;
      const scrolls = (element) => {
        for (let parent = element.parentElement; parent; parent = parent.parentElement) {
          const style = getComputedStyle(parent);
          if (['auto', 'scroll', 'hidden'].includes(style.overflowX)) return true;
        }
        return false;
      };
      return [...document.querySelectorAll('body *')]
        .filter((element) => {
          const box = element.getBoundingClientRect();
          return box.width > 0 && box.right > width + 1 && !scrolls(element);
        })
        .map((element) => `${element.tagName.toLowerCase()}.${element.className?.baseVal ?? element.className}`)
        .slice(0, 10);
    });
    assert.deepEqual(overflowing, [], `${name}: nothing reaches past a phone's screen`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      `${name}: the page does not scroll sideways on a phone`);
    await assertAccessibleNames(page, `${name} (phone)`);
  } finally {
    await page.setViewportSize(DESKTOP);
  }
}

const CONTROLS = 'input:not([type=hidden]), select, textarea, button, [role=button], a.button';

/**
 * Every visible input, select, textarea and button (and element acting as a button) has an
 * accessible name, as Chromium's accessibility tree gives it (through playwright's ARIA snapshot:
 * `- button "Name"`, `- textbox "Name": value`, `- 'textbox "Name: more"'`; a control without
 * a name shows its role alone).
 */
export async function assertAccessibleNames(page, where) {
  const controls = page.locator(CONTROLS);
  const count = await controls.count();
  assert.ok(count > 0, `${where}: the page has controls`);
  const unnamed = [];
  let checked = 0;
  for (let index = 0; index < count; index++) {
    const control = controls.nth(index);
    if (!(await control.isVisible())) continue;
    const snapshot = (await control.ariaSnapshot()).split('\n')[0];
    checked++;
    // YAML quotes the whole line in single quotes when the name holds `: `.
    if (!/^- (?:'[a-z]+ "(?:[^"]|'')+"|[a-z]+ "(?:[^"\\]|\\.)+")/.test(snapshot)) {
      unnamed.push(`${await control.evaluate((element) => element.outerHTML.slice(0, 160))} → ${snapshot}`);
    }
  }
  assert.ok(checked > 0, `${where}: some controls are visible`);
  assert.deepEqual(unnamed, [], `${where}: every control has an accessible name`);
}
