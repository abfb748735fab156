#!/usr/bin/env node
// The fault cases of the zombienet network (network.toml), which zombienet's DSL cannot express
// with the native provider (its pause/restart commands need podman or Kubernetes): validators are
// killed with SIGKILL and one is started again on its own database, and GRANDPA finality is
// watched through each node's JSON-RPC. Nothing here needs an npm package.
//
// Against a network spawned by hand (see README.md):
//
//   node zombienet/faults.mjs <zombienet's network directory>
//
// `tests/e2e/zombienet.test.mjs` runs the same steps as separate tests.
//
// How a node is found: zombienet's native provider starts each node as a child process with
// `--base-path <network dir>/<name>/data` (the directory also holds the node's keystore, under
// `chains/<chain id>/keystore`); `zombie.json` in the network directory gives each node's RPC
// address. The node's process is the one whose command line has that base path, read from
// /proc; its command line, read there before the kill, starts it again on the same database, the
// same keys, the same network key and the same ports.

import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { join, resolve } from 'node:path';

/** The network zombienet spawned in `dir`: `{ dir, nodes: { name: { name, url, validator } } }`. */
export function loadNetwork(dir) {
  const info = JSON.parse(readFileSync(join(dir, 'zombie.json'), 'utf8'));
  const nodes = {};
  for (const node of info.relay) {
    nodes[node.name] = {
      name: node.name,
      // The node serves JSON-RPC over HTTP and WebSocket on one port.
      url: node.wsUri.replace(/^ws/, 'http'),
      validator: node.spec.validator,
    };
  }
  return { dir: resolve(info.tmpDir ?? dir), nodes };
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** One JSON-RPC request over HTTP. */
export async function rpc(url, method, params = []) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = await response.json();
  if (body.error) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.result;
}

/** The number of a node's best block. */
export async function bestNumber(node) {
  return parseInt((await rpc(node.url, 'chain_getHeader')).number, 16);
}

/** The number of a node's finalized head. */
export async function finalizedNumber(node) {
  const hash = await rpc(node.url, 'chain_getFinalizedHead');
  return parseInt((await rpc(node.url, 'chain_getHeader', [hash])).number, 16);
}

/** Whether a process runs (it exists and is not a zombie waiting for its parent). */
function alive(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** The processes whose command line names a path under `dir`: `[{ pid, argv }]`. */
export function processesUnder(dir) {
  const prefix = `${resolve(dir)}/`;
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    let argv;
    try {
      argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean);
    } catch {
      continue; // gone meanwhile
    }
    if (argv.some((arg) => arg.startsWith(prefix) || arg.includes(`=${prefix}`)) && alive(entry)) {
      found.push({ pid: Number(entry), argv });
    }
  }
  return found;
}

/** The running process of node `name`, found by its base path: `{ pid, argv }`, or null. */
export function nodeProcess(network, name) {
  const basePath = join(network.dir, name, 'data');
  return processesUnder(network.dir).find(({ argv }) =>
    argv.some((arg, i) => arg === '--base-path' && resolve(argv[i + 1] ?? '') === basePath)) ?? null;
}

/** Polls `check` until it returns a truthy value; fails after `timeoutMs` saying `what`. */
export async function waitFor(what, check, { timeoutMs = 120_000, intervalMs = 1_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    await sleep(intervalMs);
  }
  throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}` +
    (lastError ? ` (last error: ${lastError.message})` : ''));
}

/**
 * Kills node `name` with SIGKILL (no clean shutdown: as a crash or a power cut) and waits until
 * it is gone. Returns the command line it ran, to start it again.
 */
export async function killNode(network, name) {
  const found = nodeProcess(network, name);
  if (!found) throw new Error(`no running process for node ${name} under ${network.dir}`);
  process.kill(found.pid, 'SIGKILL');
  await waitFor(`node ${name} (pid ${found.pid}) to die`, () => !alive(found.pid),
    { timeoutMs: 30_000, intervalMs: 200 });
  return { pid: found.pid, argv: found.argv };
}

/**
 * Starts node `name` again with the command line `argv` it ran before (same base path: its
 * database and keystore; same node key and ports), appending to its log in the network
 * directory, at a lower CPU priority (`niceness`), and waits until its RPC answers. Returns the
 * child process: stopping it is the caller's job.
 */
export async function restartNode(network, name, argv, { niceness = 10 } = {}) {
  const log = openSync(join(network.dir, `${name}.log`), 'a');
  const child = spawn(argv[0], argv.slice(1), { stdio: ['ignore', log, log] });
  closeSync(log);
  try {
    setPriority(child.pid, niceness);
  } catch {
    // A lower priority is a courtesy to the machine's other users, not a requirement.
  }
  let exited = null;
  child.on('exit', (code, signal) => { exited = { code, signal }; });
  await waitFor(`node ${name} to answer RPC after its restart`, async () => {
    if (exited) throw new Error(`it exited: ${JSON.stringify(exited)}`);
    return (await rpc(network.nodes[name].url, 'system_health')) !== undefined;
  }, { timeoutMs: 120_000 });
  return child;
}

/** `{ name: number }` of `fn(node)` over the nodes named. */
async function each(network, names, fn) {
  const values = await Promise.all(names.map((name) => fn(network.nodes[name])));
  return Object.fromEntries(names.map((name, i) => [name, values[i]]));
}

/**
 * Waits until every node named has finalized at least `blocks` blocks beyond the highest
 * finalized head any of them has now. Returns `{ from, reached }`.
 */
export async function expectFinalityAdvances(network, names, { blocks = 3, timeoutMs = 120_000 } = {}) {
  const from = Math.max(...Object.values(await each(network, names, finalizedNumber)));
  const reached = await waitFor(
    `${names.join(', ')} to finalize block #${from + blocks} (finalized: #${from})`,
    async () => {
      const now = await each(network, names, finalizedNumber);
      return Object.values(now).every((n) => n >= from + blocks) ? now : null;
    }, { timeoutMs });
  return { from, reached };
}

/**
 * Finality must stop: after `settleMs` (votes already cast may still complete a round), the
 * finalized head of every node named must stay where the highest one is for `holdMs`, while
 * best blocks are watched. Returns `{ finalized, bestBefore, bestAfter }`.
 */
export async function expectFinalityStalls(network, names, { settleMs = 15_000, holdMs = 60_000 } = {}) {
  await sleep(settleMs);
  const finalized = Math.max(...Object.values(await each(network, names, finalizedNumber)));
  const bestBefore = Math.max(...Object.values(await each(network, names, bestNumber)));
  const deadline = Date.now() + holdMs;
  while (Date.now() < deadline) {
    const now = await each(network, names, finalizedNumber);
    const moved = Object.entries(now).filter(([, n]) => n > finalized);
    if (moved.length > 0) {
      throw new Error(`finality went on past #${finalized} without a two-thirds majority: ` +
        JSON.stringify(now));
    }
    await sleep(3_000);
  }
  const bestAfter = Math.max(...Object.values(await each(network, names, bestNumber)));
  return { finalized, bestBefore, bestAfter };
}

/**
 * Every node named must have finalized the same block at every height: `chain_getBlockHash(n)`
 * for each n up to its finalized head. Returns `{ heights, conflicts }`, `conflicts` listing the
 * heights at which nodes disagree, with each node's hash.
 */
export async function compareFinalizedChains(network, names) {
  const heads = await each(network, names, finalizedNumber);
  const top = Math.max(...Object.values(heads));
  const conflicts = [];
  for (let n = 0; n <= top; n += 1) {
    const holders = names.filter((name) => heads[name] >= n);
    const hashes = await each(network, holders,
      (node) => rpc(node.url, 'chain_getBlockHash', [n]));
    if (new Set(Object.values(hashes)).size > 1) conflicts.push({ height: n, hashes });
  }
  return { heads, heights: top + 1, conflicts };
}

/** Stops a node started by `restartNode`, waiting for it (SIGKILL after 20 s). */
export async function stopChild(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

/** The whole scenario, by hand, against a running network (network.toml's node names). */
async function main(dir) {
  const network = loadNetwork(dir);
  const all = Object.keys(network.nodes);
  const [first, second] = ['dave', 'charlie'];
  const started = [];
  const say = (line) => console.log(`${new Date().toISOString()} ${line}`);
  try {
    const firstKill = await killNode(network, first);
    say(`killed ${first} (pid ${firstKill.pid})`);
    let live = all.filter((name) => name !== first);
    const goesOn = await expectFinalityAdvances(network, live);
    say(`finality goes on with 3 validators of 4: #${goesOn.from} -> ${JSON.stringify(goesOn.reached)}`);

    const secondKill = await killNode(network, second);
    say(`killed ${second} (pid ${secondKill.pid})`);
    live = live.filter((name) => name !== second);
    const stall = await expectFinalityStalls(network, live);
    say(`finality stopped at #${stall.finalized} with 2 validators of 4; best blocks ` +
      `#${stall.bestBefore} -> #${stall.bestAfter}`);

    started.push(await restartNode(network, second, secondKill.argv));
    say(`restarted ${second} on its database`);
    live.push(second);
    const resumed = await expectFinalityAdvances(network, live);
    say(`finality resumed: #${resumed.from} -> ${JSON.stringify(resumed.reached)}`);

    started.push(await restartNode(network, first, firstKill.argv));
    say(`restarted ${first} on its database`);
    const target = Math.max(...Object.values(resumed.reached));
    await waitFor(`${first} to catch up`,
      async () => (await finalizedNumber(network.nodes[first])) >= target);
    const { heads, heights, conflicts } = await compareFinalizedChains(network, all);
    say(`finalized heads ${JSON.stringify(heads)}; ${heights} heights compared, ` +
      `${conflicts.length} conflicts`);
    if (conflicts.length) throw new Error(`conflicting finalized blocks: ${JSON.stringify(conflicts)}`);
  } finally {
    // The network's own nodes are zombienet's to stop; the ones started again here are ours.
    await Promise.all(started.map(stopChild));
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const dir = process.argv[2];
  if (!dir || !existsSync(join(dir, 'zombie.json'))) {
    console.error('usage: node zombienet/faults.mjs <zombienet network directory (holding zombie.json)>');
    process.exit(2);
  }
  main(dir).then(() => console.log('all fault cases passed'), (error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
