// Starts a cosmolocal-node for a test and stops it afterwards.

import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The node binary under test: $COSMOLOCAL_NODE, else the debug build in the shared target dir. */
export function nodeBinary() {
  if (process.env.COSMOLOCAL_NODE) return process.env.COSMOLOCAL_NODE;
  const target = process.env.CARGO_TARGET_DIR ?? join(homedir(), '.cache/cosmolocal/target');
  return join(target, 'debug/cosmolocal-node');
}

/** A TCP port nobody listens on now, on the loopback interface. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Polls `check` until it returns a truthy value, or fails after `timeoutMs`, or at once when
 * `giveUp()` returns a reason.
 */
export async function waitFor(what, check,
  { timeoutMs = 120_000, intervalMs = 250, giveUp = () => null } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    const reason = giveUp();
    if (reason) throw new Error(`gave up waiting for ${what}: ${reason}`);
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}` +
    (lastError ? ` (last error: ${lastError.message})` : ''));
}

/** Sends one JSON-RPC request over HTTP (the node serves HTTP and WebSocket on one port). */
export async function rpc(url, method, params = []) {
  const body = await rpcOutcome(url, method, params);
  if (body.error) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.result;
}

/**
 * Sends one JSON-RPC request over HTTP and returns the response body as it is: `{ result }`, or
 * `{ error: { code, message, data? } }` for a refused request.
 */
export async function rpcOutcome(url, method, params = []) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  return response.json();
}

/** Starts `cosmolocal-node --dev --tmp`: see `startNode`. */
export function startDevNode({ name = 'dev', extraArgs = [] } = {}) {
  return startNode({ name, args: ['--dev', '--tmp', ...extraArgs] });
}

/**
 * Starts `cosmolocal-node` with `args`, on free loopback ports, and waits until its RPC answers;
 * `nice` lowers its scheduling priority by that much. Returns the URLs, the p2p port, the process
 * id, `exited` (which resolves with its exit code and signal) and `stop()`, which ends the process
 * and waits for it.
 */
export async function startNode({ name, args: chainArgs, nice = 0 }) {
  const binary = nodeBinary();
  if (!existsSync(binary)) {
    throw new Error(`no node binary at ${binary}: build it with 'make build' or set COSMOLOCAL_NODE`);
  }
  const [rpcPort, p2pPort, prometheusPort] = [await freePort(), await freePort(), await freePort()];
  const logDir = process.env.COSMOLOCAL_TEST_LOGS ?? join(process.cwd(), 'logs');
  mkdirSync(logDir, { recursive: true });
  const logPath = join(logDir, `${name}-${rpcPort}.log`);
  const log = createWriteStream(logPath);

  const args = [
    ...chainArgs,
    '--rpc-port', String(rpcPort),
    '--listen-addr', `/ip4/127.0.0.1/tcp/${p2pPort}`,
    '--prometheus-port', String(prometheusPort),
    '--no-mdns', '--no-telemetry',
  ];
  // `nice` executes the node in its own process: the process id stays the node's.
  const child = nice
    ? spawn('nice', ['-n', String(nice), binary, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let exited = null;
  const exit = new Promise((resolve) => child.on('exit', (code, signal) => {
    exited = { code, signal };
    resolve(exited);
  }));

  const httpUrl = `http://127.0.0.1:${rpcPort}`;
  const node = {
    httpUrl,
    wsUrl: `ws://127.0.0.1:${rpcPort}`,
    p2pPort,
    pid: child.pid,
    exited: exit,
    prometheusUrl: `http://127.0.0.1:${prometheusPort}/metrics`,
    logPath,
    async stop() {
      if (!exited) {
        child.kill('SIGINT');
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exit;
        clearTimeout(timer);
      }
      await new Promise((resolve) => log.end(resolve));
    },
  };

  try {
    await waitFor('the node to answer RPC',
      async () => (await rpc(httpUrl, 'system_health')) !== undefined,
      { timeoutMs: 180_000, giveUp: () => exited && `the node exited (${JSON.stringify(exited)})` });
  } catch (error) {
    await node.stop();
    const tail = readFileSync(logPath, 'utf8').split('\n').slice(-30).join('\n');
    throw new Error(`${error.message}\n--- last lines of ${logPath} ---\n${tail}`);
  }
  return node;
}
