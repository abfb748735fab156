// The node's maintenance subcommands on a real database: export, check, import, revert, purge.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { nodeBinary, rpc, startNode, waitFor } from './support/node.mjs';

/** Runs a subcommand of the node and returns its output (stdout). */
function run(args) {
  return execFileSync(nodeBinary(), args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Runs a subcommand that must succeed, and returns all it printed: its output and its log. */
function runLogged(args) {
  const result = spawnSync(nodeBinary(), args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  assert.equal(result.status, 0, `${args.join(' ')} failed:\n${result.stderr}`);
  return result.stdout + result.stderr;
}

describe('maintenance subcommands', () => {
  let dir;
  let basePath;
  let finalizedHash;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cosmolocal-subcommands-'));
    basePath = join(dir, 'node');
    const node = await startNode({ name: 'subcommands', args: ['--dev', '--base-path', basePath] });
    try {
      finalizedHash = await waitFor('block 3 to be finalized', async () => {
        const hash = await rpc(node.httpUrl, 'chain_getFinalizedHead');
        const header = await rpc(node.httpUrl, 'chain_getHeader', [hash]);
        return parseInt(header.number, 16) >= 3 ? hash : null;
      });
    } finally {
      await node.stop();
    }
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  test('the chain is stored in ParityDB', () => {
    assert.ok(existsSync(join(basePath, 'chains/cosmolocal_dev/paritydb')), 'a paritydb folder');
  });

  test('check-block re-executes a stored block, by number or by hash', () => {
    assert.match(runLogged(['check-block', '--dev', '--base-path', basePath, '2']), /Completed in/);
    assert.match(runLogged(['check-block', '--dev', '--base-path', basePath, finalizedHash]),
      /Completed in/);
  });

  test('chain-info reports the finalized block', () => {
    const info = JSON.parse(run(['chain-info', '--dev', '--base-path', basePath]));
    assert.ok(info.finalized_number >= 3, JSON.stringify(info));
  });

  test('export-blocks and import-blocks carry the chain to another database', () => {
    const exported = join(dir, 'blocks.bin');
    runLogged(['export-blocks', '--dev', '--base-path', basePath, '--from', '1', '--to', '3',
      '--binary', exported]);
    assert.ok(statSync(exported).size > 0);

    const other = join(dir, 'imported');
    const log = runLogged(['import-blocks', '--dev', '--base-path', other, '--binary', exported]);
    assert.match(log, /Imported 3 blocks/);
    const info = JSON.parse(run(['chain-info', '--dev', '--base-path', other]));
    assert.equal(info.best_number, 3);
  });

  test('revert rolls back unfinalized blocks only', () => {
    const log = runLogged(['revert', '--dev', '--base-path', basePath, '1']);
    assert.match(log, /Reverted \d+ blocks/);
  });

  test('purge-chain removes the database', () => {
    runLogged(['purge-chain', '--dev', '--base-path', basePath, '-y']);
    assert.ok(!existsSync(join(basePath, 'chains/cosmolocal_dev/paritydb')));
  });
});
