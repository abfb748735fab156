// A network of four validators and an RPC node, spawned by zombienet's native provider from
// zombienet/network.toml: the checks of zombienet/0001-network.zndsl (nodes up and peered,
// blocks authored and finalized, a design registered through a validator and read through the
// RPC node), then the fault cases of zombienet/faults.mjs, which the DSL cannot express with
// the native provider: validators killed with SIGKILL, one started again on its database,
// finality watched through, and the finalized chains of all nodes compared.
//
// Every process is cleaned up, even on failure: zombienet, the nodes it spawned (found by the
// network's own temporary directory in their command lines) and the nodes started again here.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import {
  copyFileSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync,
  rmSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { ApiPromise, WsProvider } from '@polkadot/api';

import { repositoryRoot } from './support/guide.mjs';
import { nodeBinary, waitFor } from './support/node.mjs';
import {
  compareFinalizedChains, expectFinalityAdvances, expectFinalityStalls, finalizedNumber,
  killNode, loadNetwork, processesUnder, restartNode, stopChild,
} from '../../zombienet/faults.mjs';

const ZOMBIENET = join(repositoryRoot, 'zombienet');
const CLI = join(dirname(createRequire(import.meta.url).resolve('@zombienet/cli/package.json')),
  'dist/cli.js');
/** The CPU priority of zombienet and the nodes: other work on the machine goes first. */
const NICENESS = 10;
const LOG_DIR = process.env.COSMOLOCAL_TEST_LOGS ?? join(process.cwd(), 'logs');

const MINUTE = 60_000;

/** The zombienet processes this file started, running or not. */
const zombienets = [];

/** Runs the zombienet CLI with `args` at a low priority; its output goes to `logPath`. */
function zombienet(args, logPath) {
  const log = createWriteStream(logPath);
  const child = spawn('nice', ['-n', String(NICENESS), process.execPath, CLI, '-p', 'native',
    '-l', 'text', ...args], {
    cwd: repositoryRoot,
    env: { ...process.env, COSMOLOCAL_NODE: nodeBinary() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  child.exited = new Promise((resolve) => child.on('exit', (code, signal) => {
    child.outcome = { code, signal };
    log.end(() => resolve(child.outcome));
  }));
  zombienets.push(child);
  return child;
}

function tail(path, lines = 40) {
  return existsSync(path) ? readFileSync(path, 'utf8').split('\n').slice(-lines).join('\n') : '';
}

describe('zombienet: four validators and an RPC node (native provider)', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'cosmolocal-zombienet-'));
  const networkDir = join(workDir, 'network');
  const logPrefix = join(LOG_DIR, `zombienet-${process.pid}`);
  let spawner;
  let network;
  /** Nodes started again by the fault cases: ours to stop. */
  const restarted = [];
  /** The command lines of the killed validators, to start them again. */
  const killed = {};

  /** Kills, at once, everything this file started (for `exit`, where nothing can be awaited). */
  function killEverythingNow() {
    for (const child of [...restarted, ...zombienets]) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    for (const { pid } of processesUnder(workDir)) {
      try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ }
    }
    rmSync(workDir, { recursive: true, force: true });
  }
  process.on('exit', killEverythingNow);
  // Ctrl-C reaches zombienet and the nodes too (one process group); a SIGTERM or SIGHUP sent to
  // this process alone must not leave them running.
  const onSignal = { SIGTERM: 15, SIGHUP: 1 };
  for (const [signal, number] of Object.entries(onSignal)) {
    onSignal[signal] = () => { killEverythingNow(); process.exit(128 + number); };
    process.once(signal, onSignal[signal]);
  }

  before(async () => {
    assert.ok(existsSync(nodeBinary()), `no node binary at ${nodeBinary()}`);
    mkdirSync(LOG_DIR, { recursive: true });
    spawner = zombienet(['-d', networkDir, 'spawn', join(ZOMBIENET, 'network.toml')],
      `${logPrefix}-spawn.log`);
    try {
      // zombie.json is written once every node runs.
      network = await waitFor('zombienet to spawn the network', () => {
        try {
          return loadNetwork(networkDir);
        } catch {
          return null;
        }
      }, {
        timeoutMs: 5 * MINUTE,
        intervalMs: 1_000,
        giveUp: () => spawner.outcome && `zombienet exited: ${JSON.stringify(spawner.outcome)}`,
      });
    } catch (error) {
      throw new Error(`${error.message}\n--- zombienet ---\n${tail(`${logPrefix}-spawn.log`)}`);
    }
    assert.deepEqual(Object.keys(network.nodes).sort(), ['alice', 'bob', 'charlie', 'dave', 'rpc']);
  }, { timeout: 6 * MINUTE });

  after(async () => {
    await Promise.all(restarted.map(stopChild));
    // zombienet is stopped without its own teardown, which would `kill -9` the recorded ids of
    // the validators killed here (ids the system may have given to other processes since).
    for (const child of zombienets) if (!child.outcome) child.kill('SIGKILL');
    await Promise.all(zombienets.map((child) => child.exited));
    const left = processesUnder(workDir);
    for (const { pid } of left) {
      try { process.kill(pid, 'SIGTERM'); } catch { /* already gone */ }
    }
    await waitFor('the nodes to stop', () => processesUnder(workDir).length === 0,
      { timeoutMs: 20_000, intervalMs: 500 }).catch(() => {
      for (const { pid } of processesUnder(workDir)) {
        try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ }
      }
    });
    // Keep the nodes' logs with the other tests' logs; the databases go.
    if (existsSync(networkDir)) {
      for (const file of readdirSync(networkDir).filter((name) => name.endsWith('.log'))) {
        copyFileSync(join(networkDir, file), `${logPrefix}-${file}`);
      }
    }
    rmSync(workDir, { recursive: true, force: true });
    process.off('exit', killEverythingNow);
    for (const [signal, handler] of Object.entries(onSignal)) process.off(signal, handler);
  });

  test('the checks of 0001-network.zndsl pass: nodes up and peered, blocks authored and ' +
    'finalized, a design registered through alice visible through the RPC node', async () => {
    const logPath = `${logPrefix}-zndsl.log`;
    const zndsl = join(ZOMBIENET, '0001-network.zndsl');
    // The assertions: the lines after the header that are neither blank nor comments.
    const assertions = readFileSync(zndsl, 'utf8').split('\n').filter((line) =>
      line.trim() && !line.startsWith('#') && !/^(Description|Network|Creds):/.test(line)).length;
    const run = zombienet(['test', zndsl,
      join(networkDir, 'zombie.json')], logPath);
    const timer = setTimeout(() => run.kill('SIGKILL'), 8 * MINUTE);
    const outcome = await run.exited;
    clearTimeout(timer);
    const output = readFileSync(logPath, 'utf8');
    const result = output.match(/Result: (\d+)\/(\d+)/);
    assert.ok(outcome.code === 0 && result && result[1] === result[2],
      `zombienet test: ${JSON.stringify(outcome)}, ${result?.[0]}\n${tail(logPath, 60)}`);
    assert.equal(Number(result[2]), assertions, 'every line of the .zndsl file ran');
  }, { timeout: 9 * MINUTE });

  test('finality goes on with three validators of four (dave killed)', async () => {
    killed.dave = await killNode(network, 'dave');
    const { from, reached } = await expectFinalityAdvances(network,
      ['alice', 'bob', 'charlie', 'rpc'], { blocks: 3, timeoutMs: 2 * MINUTE });
    console.log(`# finalized #${from} when dave died, then ${JSON.stringify(reached)}`);
  }, { timeout: 3 * MINUTE });

  test('finality stops with two validators of four (charlie killed too), blocks go on', async () => {
    killed.charlie = await killNode(network, 'charlie');
    const stall = await expectFinalityStalls(network, ['alice', 'bob', 'rpc'],
      { settleMs: 15_000, holdMs: MINUTE });
    console.log(`# finalized head held at #${stall.finalized} for a minute; best blocks ` +
      `#${stall.bestBefore} -> #${stall.bestAfter}`);
    killed.stalledAt = stall.finalized;
    // Aura needs no majority: alice and bob still author in their slots.
    assert.ok(stall.bestAfter > stall.bestBefore,
      `best blocks went on (#${stall.bestBefore} -> #${stall.bestAfter})`);
  }, { timeout: 3 * MINUTE });

  test('finality resumes when charlie restarts on its database', async () => {
    assert.ok(killed.charlie, 'charlie was killed');
    const { argv } = killed.charlie;
    const basePath = argv[argv.indexOf('--base-path') + 1];
    assert.equal(basePath, join(networkDir, 'charlie', 'data'));
    const keystore = join(basePath, 'chains', 'cosmolocal_local', 'keystore');
    assert.ok(readdirSync(keystore).length > 0, `charlie's keys are in ${keystore}`);
    restarted.push(await restartNode(network, 'charlie', argv, { niceness: NICENESS }));
    const { reached } = await expectFinalityAdvances(network, ['alice', 'bob', 'charlie', 'rpc'],
      { blocks: 3, timeoutMs: 3 * MINUTE });
    assert.ok(Object.values(reached).every((n) => n > killed.stalledAt),
      `finality passed #${killed.stalledAt}: ${JSON.stringify(reached)}`);
    console.log(`# finality resumed: ${JSON.stringify(reached)}`);
  }, { timeout: 4 * MINUTE });

  test('every node finalized the same block at every height, and no validator equivocated',
    async () => {
      assert.ok(killed.dave, 'dave was killed');
      restarted.push(await restartNode(network, 'dave', killed.dave.argv, { niceness: NICENESS }));
      const target = await finalizedNumber(network.nodes.rpc);
      await waitFor(`dave to catch up with finalized block #${target}`,
        async () => (await finalizedNumber(network.nodes.dave)) >= target,
        { timeoutMs: 2 * MINUTE, intervalMs: 1_000 });

      const names = Object.keys(network.nodes);
      const { heads, heights, conflicts } = await compareFinalizedChains(network, names);
      console.log(`# finalized heads ${JSON.stringify(heads)}: ${heights} heights compared`);
      assert.deepEqual(conflicts, [], 'no two nodes finalized different blocks at a height');
      assert.ok(Math.min(...Object.values(heads)) >= target, 'every node finalized the target');

      // A validator killed in the middle of a GRANDPA round and started again must not vote
      // twice: an equivocation would be reported on chain and remove it from the set.
      const api = await ApiPromise.create({
        provider: new WsProvider(network.nodes.rpc.url.replace(/^http/, 'ws')), noInitWarn: true,
      });
      try {
        const finalized = await api.rpc.chain.getFinalizedHead();
        const top = (await api.rpc.chain.getHeader(finalized)).number.toNumber();
        const offences = [];
        for (let n = 1; n <= top; n += 1) {
          const at = await api.at(await api.rpc.chain.getBlockHash(n));
          for (const { event } of await at.query.system.events()) {
            if (event.section === 'offences' || api.events.validatorSet.OffenceReported.is(event)) {
              offences.push(`#${n} ${event.section}.${event.method} ${JSON.stringify(event.data)}`);
            }
          }
        }
        assert.deepEqual(offences, [], 'no offence reported');
        const validators = (await api.query.validatorSet.validators()).map(String);
        assert.equal(validators.length, 4, `four validators: ${validators}`);
      } finally {
        await api.disconnect();
      }
    }, { timeout: 4 * MINUTE });
});
