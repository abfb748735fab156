// docs/integrator-guide.md as a newcomer follows it: every `sh` command of the guide, in order,
// against a fresh development node, must print what the guide shows.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { guideCommands, runCommand } from './support/guide.mjs';
import { startDevNode } from './support/node.mjs';

describe('the integrator guide', () => {
  let node;
  let rpcPort;

  before(async () => {
    node = await startDevNode({ name: 'integrator-guide' });
    rpcPort = new URL(node.httpUrl).port;
  });

  after(async () => {
    await node?.stop();
  });

  test('every command prints what the guide shows', async () => {
    const commands = guideCommands('docs/integrator-guide.md');
    assert.ok(commands.filter(({ shown }) => shown !== null).length >= 20,
      'the guide shows the output of its commands');
    for (const { command, shownAs, shown } of commands) {
      const printed = await runCommand(command, rpcPort);
      if (shownAs === 'json') {
        assert.deepEqual(JSON.parse(printed), JSON.parse(shown), `output of:\n${command}`);
      } else if (shownAs === 'text') {
        assert.equal(printed.trim(), shown.trim(), `output of:\n${command}`);
      }
    }
  });

  test('the guide shows every cosmolocal_* method the node serves', async () => {
    const commands = guideCommands('docs/integrator-guide.md').map(({ command }) => command).join('\n');
    const listed = JSON.parse(await runCommand(
      `curl -s -H 'content-type: application/json' -d '{"jsonrpc":"2.0","id":1,"method":"rpc_methods","params":[]}' http://127.0.0.1:9944`,
      rpcPort)).result.methods.filter((method) => method.startsWith('cosmolocal_'));
    assert.equal(listed.length, 11);
    for (const method of listed) {
      assert.ok(commands.includes(`"method":"${method}"`), `the guide runs ${method}`);
    }
  });
});
