// Runs a guide's commands as a reader would: every `sh` block of a Markdown file, in order, by
// bash from the repository's root, against a node of the test instead of the guide's
// 127.0.0.1:9944. The `json` or `text` block right after a command is the output the guide shows.

import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The repository's root. */
export const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The fenced code blocks of `markdown`: their info string (`sh`, `json`, …) and their text. */
export function codeBlocks(markdown) {
  const blocks = [];
  const fence = /^```([\w-]*)\n([\s\S]*?)^```$/gm;
  for (const [, info, body] of markdown.matchAll(fence)) blocks.push({ info, body });
  return blocks;
}

/** The commands of the guide at `path` (relative to the root), each with the output it shows. */
export function guideCommands(path) {
  const blocks = codeBlocks(readFileSync(join(repositoryRoot, path), 'utf8'));
  return blocks.flatMap((block, index) => {
    if (block.info !== 'sh') return [];
    const next = blocks[index + 1];
    const shown = next && ['json', 'text'].includes(next.info) ? next : null;
    return [{ command: block.body, shownAs: shown?.info ?? null, shown: shown?.body ?? null }];
  });
}

/** Runs `command` with the guide's node address replaced by `rpcPort`'s; resolves with stdout. */
export async function runCommand(command, rpcPort) {
  const local = command.replaceAll('127.0.0.1:9944', `127.0.0.1:${rpcPort}`);
  const { stdout } = await run('bash', ['-euo', 'pipefail', '-c', local],
    { cwd: repositoryRoot, timeout: 120_000 });
  return stdout;
}
