// The throughput tools, in short runs so that they cannot rot: the benchmark chain, the load
// generator (`cosmolocal-node load`) on each scenario, and `benchmark extrinsic` on each domain
// call. The measurements themselves are `make bench`'s (docs/BENCHMARKS.md).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { nodeBinary, rpc, startNode } from './support/node.mjs';

const CHAIN = 'benchmark:accounts=60,designs=5,backers=5,contributors=20';

/** Runs the node binary with `args`; fails the test unless it succeeds. Returns its output. */
function run(args) {
  const result = spawnSync(nodeBinary(), args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  assert.equal(result.status, 0, `${args.join(' ')} failed:\n${result.stderr.slice(-3000)}`);
  return { stdout: result.stdout, stderr: result.stderr };
}

describe('the load generator on a benchmark chain', () => {
  let node;
  let dir;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cosmolocal-load-'));
    node = await startNode({
      name: 'load',
      args: ['--chain', CHAIN, '--alice', '--validator', '--tmp', '--node-key', '01'.padStart(64, '0')],
    });
  });

  after(async () => {
    await node?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the chain spec describes the benchmark state', async () => {
    const properties = await rpc(node.httpUrl, 'system_properties');
    assert.deepEqual(properties.benchmark, {
      validators: 1, accounts: 60, designs: 5, backers: 5, contributors: 20, pledge: 0, network: 8,
    });
    assert.equal(await rpc(node.httpUrl, 'system_chain'), 'Cosmolocal Benchmark');
  });

  // Each scenario in turn on the same chain: the generator asks for each signer's nonce, so a
  // run follows another.
  for (const [scenario, transactions] of [
    ['transfer', 40], ['register-design', 20], ['back', 20], ['log-contribution', 20], ['claim', 10],
    ['mix', 25],
  ]) {
    test(`${scenario}: every transaction is included, succeeds and is finalized`, async () => {
      const json = join(dir, `${scenario}.json`);
      const { stdout } = run([
        'load', '--url', node.wsUrl, '--scenario', scenario, '--transactions', String(transactions),
        '--node-pid', String(node.pid), '--timeout', '120', '--json', json,
      ]);
      const report = JSON.parse(readFileSync(json, 'utf8'));
      assert.equal(report.transactions, transactions);
      assert.deepEqual(report.refused, {});
      assert.deepEqual(report.failed, {});
      assert.equal(report.included, transactions);
      assert.equal(report.finalized, transactions);
      assert.equal(report.dropped, 0);
      assert.ok(report.blocks >= 1 && report.tps > 0, stdout);
      assert.ok(report.inclusion_latency_ms.p50 <= report.finality_latency_ms.p50);
      assert.ok(report.block_weight_percent_max > 0 && report.block_weight_percent_max <= 100);
      assert.ok(report.node.cpu_percent > 0 && report.node.max_rss_mib > 10);
      assert.match(stdout, new RegExp(`${transactions} included in \\d+ blocks`));
    });
  }

  test('claims are refused beyond the members who have not claimed yet', () => {
    const result = spawnSync(nodeBinary(), [
      'load', '--url', node.wsUrl, '--scenario', 'claim', '--transactions', '21',
    ], { encoding: 'utf8' });
    assert.notEqual(result.status, 0);
    // 10 claimed in the claim scenario, 5 in the mix.
    assert.match(result.stderr, /5 of the benchmark network's 20 members have not claimed yet/);
  });
});

describe('the load generator elsewhere', () => {
  test('refuses a node that does not run the benchmark chain', async () => {
    const node = await startNode({ name: 'load-dev', args: ['--dev', '--tmp'] });
    try {
      const result = spawnSync(nodeBinary(), ['load', '--url', node.wsUrl, '--scenario', 'transfer'],
        { encoding: 'utf8' });
      assert.notEqual(result.status, 0);
      assert.match(result.stderr, /the node does not run the benchmark chain: start it with `--chain benchmark`/);
    } finally {
      await node.stop();
    }
  });
});

describe('benchmark extrinsic', () => {
  const extrinsics = [
    ['system', 'remark'], ['balances', 'transfer_keep_alive'], ['designregistry', 'register_design'],
    ['productionpledges', 'back'], ['contributiveaccounting', 'log_contribution'],
    ['contributiveaccounting', 'claim'],
  ];

  test('lists the transfer, the remark and the four domain calls', () => {
    const { stderr } = run(['benchmark', 'extrinsic', '--chain', CHAIN, '--list']);
    for (const [pallet, extrinsic] of extrinsics) {
      assert.match(stderr, new RegExp(`^${pallet}, ${extrinsic}\\s*$`, 'm'));
    }
  });

  for (const [pallet, extrinsic] of extrinsics) {
    test(`fills a block with ${pallet}::${extrinsic} and times it`, () => {
      const { stderr } = run([
        'benchmark', 'extrinsic', '--chain', CHAIN, '--pallet', pallet, '--extrinsic', extrinsic,
        '--max-ext-per-block', '15', '--warmup', '1', '--repeat', '2',
      ]);
      assert.match(stderr, /Extrinsics per block: 15/);
      assert.match(stderr, new RegExp(`Executing a ${pallet}::${extrinsic} extrinsic takes\\[ns\\]`));
    });
  }

  test('says what to do when a block holds more extrinsics than the chain has signers', () => {
    const result = spawnSync(nodeBinary(), [
      'benchmark', 'extrinsic', '--chain', CHAIN, '--pallet', 'contributiveaccounting',
      '--extrinsic', 'claim', '--warmup', '1', '--repeat', '1',
    ], { encoding: 'utf8' });
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /fewer signers than the block holds extrinsics/);
  });

  test('refuses another chain than the benchmark chain', () => {
    const result = spawnSync(nodeBinary(), [
      'benchmark', 'extrinsic', '--dev', '--pallet', 'system', '--extrinsic', 'remark',
    ], { encoding: 'utf8' });
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /`benchmark extrinsic` runs on the benchmark chain/);
  });
});
