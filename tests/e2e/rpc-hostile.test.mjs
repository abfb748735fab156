// The RPC under requests no integrator means to send: limits and offsets out of range on every
// list, ids at and beyond u32::MAX, every parameter of the wrong type, garbage and oversized
// bodies, large batches and a flood across many methods. Each gets an error that says what was
// wrong (rpc.test.mjs has the integrators' own mistakes); the node stays up, and nothing changes
// on chain but the blocks it goes on authoring.

import { afterEach, after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { WsProvider } from '@polkadot/api';
import { u8aToHex } from '@polkadot/util';
import { xxhashAsU8a } from '@polkadot/util-crypto';
// The WebSocket that @polkadot/api itself uses: to send frames that are not JSON-RPC.
import { WebSocket } from '@polkadot/x-ws';

import { rpc, startNode } from './support/node.mjs';

const INVALID_REQUEST = -32600;
const PARSE_ERROR = -32700;
const METHOD_NOT_FOUND = -32601;
const INVALID_PARAMS = -32602;
const NOT_FOUND = 4004;
const U32_MAX = 4_294_967_295;
/** --rpc-max-request-size's default: 15 MiB. */
const MAX_REQUEST = 15 * 1024 * 1024;
/** The answer to a request larger than that. */
const TOO_BIG = { jsonrpc: '2.0', id: null,
  error: { code: -32007, message: 'Request is too big', data: `Exceeded max limit of ${MAX_REQUEST}` } };

// The development chain's examples: a maintainer of design 0, a producer in ES-CT.
const MAINTAINER = 'mHpNjVNAj3mWbGmzwFqAt3Et9CLcYrpuYZbJ7um8uJY2uJ7E4';
const PRODUCER = 'mHnoaDHzav3Wh7mWRpuCwHtyB6VbfQHWD4m9nrQ1EEZ7fXSZJ';

/** The lists, with the parameters before `startAfter` and the kind of cursor they page with. */
const LISTS = [
  { method: 'cosmolocal_designs', head: [{ tag: 'solar' }], cursor: 'id' },
  { method: 'cosmolocal_designs', head: [{ maintainer: MAINTAINER }], cursor: 'id' },
  { method: 'cosmolocal_producers', head: ['ES'], cursor: 'producer' },
  { method: 'cosmolocal_pledges', head: [{ region: 'ES' }], cursor: 'pledge' },
  { method: 'cosmolocal_pledges', head: [{ state: 'Funding' }], cursor: 'id' },
  { method: 'cosmolocal_contributions', head: [0, 'Accepted'], cursor: 'contribution' },
];

/** Each method's parameters, with a value that it takes. */
const SIGNATURES = {
  cosmolocal_design: [['id', 0], ['at', null]],
  cosmolocal_designs: [['filter', { tag: 'solar' }], ['startAfter', null], ['limit', null], ['at', null]],
  cosmolocal_producer: [['account', PRODUCER], ['at', null]],
  cosmolocal_producers: [['region', 'ES'], ['startAfter', null], ['limit', null], ['at', null]],
  cosmolocal_pledge: [['id', 0], ['at', null]],
  cosmolocal_pledges: [['filter', { state: 'Funding' }], ['startAfter', null], ['limit', null], ['at', null]],
  cosmolocal_network: [['id', 0], ['at', null]],
  cosmolocal_memberShare: [['id', 0], ['account', MAINTAINER], ['at', null]],
  cosmolocal_contributions: [['id', 0], ['state', 'Accepted'], ['startAfter', null], ['limit', null],
    ['at', null]],
};

const HASH = /expected a \(both 0x-prefixed or not\) hex string or byte array containing 32 bytes/;
/** For each kind of parameter: values of the wrong type (as JSON text) and what the error says. */
const WRONG_TYPES = {
  id: [['"zero"', /^Invalid params: invalid type: string "zero", expected u32/],
    ['[0]', /^Invalid params: invalid type: sequence, expected u32/],
    ['{"id":0}', /^Invalid params: invalid type: map, expected u32/]],
  account: [['7', /^Invalid params: invalid type: integer `7`, expected a string/],
    ['{"address":"x"}', /^Invalid params: invalid type: map, expected a string/]],
  region: [['true', /^Invalid params: invalid type: boolean `true`, expected a string/]],
  state: [['["Accepted"]', /^Invalid params: invalid type: sequence, expected a string/]],
  filter: [['7', /^the filter must be an object with exactly one of .*: invalid type: number, expected string or map$/],
    ['["tag","solar"]', /^the filter must be an object with exactly one of .*: invalid type: sequence, expected string or map$/]],
  startAfter: [['{}', /^Invalid params: the `next` of the page before: an id \(a whole number\) or `<region>\/<key>` \(a text\)$/]],
  limit: [['"10"', /^Invalid params: invalid type: string "10", expected u32/]],
  at: [['7', new RegExp(`^Invalid params: invalid type: integer \`7\`, ${HASH.source}`)],
    ['"0x12"', new RegExp(`^Invalid params: invalid length 2, ${HASH.source}`)],
    [`"0x${'zz'.repeat(32)}"`, /^Invalid params: invalid hex character: z/]],
};

/** The storage prefix of a pallet, or of one of its items. */
const prefix = (...names) => u8aToHex(new Uint8Array(names.flatMap((name) => [...xxhashAsU8a(name, 128)])));
/** What the requests must not touch: the domain pallets, balances, assets and accounts. */
const GUARDED = [prefix('DesignRegistry'), prefix('ProductionPledges'), prefix('ContributiveAccounting'),
  prefix('Balances'), prefix('Assets'), prefix('System', 'Account')];

describe('the RPC under hostile requests', () => {
  let node;
  let httpUrl;
  let start;

  before(async () => {
    node = await startNode({ name: 'rpc-hostile', args: ['--dev', '--tmp'], nice: 10 });
    httpUrl = node.httpUrl;
  });

  after(async () => {
    await node?.stop();
  });

  /** The guarded storage at a block: every key under `GUARDED` and its value. */
  async function guardedState(at) {
    const state = {};
    for (const keyPrefix of GUARDED) {
      let startKey = null;
      for (;;) {
        const keys = await rpc(httpUrl, 'state_getKeysPaged', [keyPrefix, 1000, startKey, at]);
        if (keys.length === 0) break;
        const [{ changes }] = await rpc(httpUrl, 'state_queryStorageAt', [keys, at]);
        for (const [key, value] of changes) state[key] = value;
        if (keys.length < 1000) break;
        startKey = keys.at(-1);
      }
    }
    return state;
  }

  async function snapshot() {
    const header = await rpc(httpUrl, 'chain_getHeader');
    const hash = await rpc(httpUrl, 'chain_getBlockHash', [Number(header.number)]);
    const finalizedHash = await rpc(httpUrl, 'chain_getFinalizedHead');
    const finalized = Number((await rpc(httpUrl, 'chain_getHeader', [finalizedHash])).number);
    return { number: Number(header.number), hash, stateRoot: header.stateRoot, finalized,
      state: await guardedState(hash) };
  }

  // Before each group, what the chain holds; after it, the node still answers, the blocks and
  // state it had are as they were, and what it authored since holds nothing but the timestamp.
  beforeEach(async () => {
    start = await snapshot();
  });

  afterEach(async () => {
    process.kill(node.pid, 0);
    assert.deepEqual(await rpc(httpUrl, 'system_health'),
      { peers: 0, isSyncing: false, shouldHavePeers: false });
    const now = await snapshot();
    assert.ok(now.number >= start.number && now.finalized >= start.finalized);
    assert.equal(await rpc(httpUrl, 'chain_getBlockHash', [start.number]), start.hash);
    assert.equal((await rpc(httpUrl, 'chain_getHeader', [start.hash])).stateRoot, start.stateRoot);
    for (let number = start.number + 1; number <= now.number; number += 1) {
      const { block } = await rpc(httpUrl, 'chain_getBlock', [await rpc(httpUrl, 'chain_getBlockHash', [number])]);
      assert.equal(block.extrinsics.length, 1, `block #${number} holds only the timestamp`);
    }
    assert.deepEqual(now.state, start.state);
    assert.deepEqual(await rpc(httpUrl, 'author_pendingExtrinsics'), []);
  });

  /** Posts `body` as it is; the status and the text of the answer. */
  async function post(body, { contentType = 'application/json', method = 'POST' } = {}) {
    const response = await fetch(httpUrl, {
      method, headers: { 'content-type': contentType }, body: method === 'GET' ? undefined : body,
    });
    return { status: response.status, text: await response.text() };
  }

  /**
   * Posts a body larger than a request may be: the node answers 413 without reading it all, and
   * closes the connection; the client may see the connection reset before it reads the answer.
   */
  async function postTooBig(body) {
    try {
      const { status, text } = await post(body);
      assert.deepEqual({ status, answer: JSON.parse(text) }, { status: 413, answer: TOO_BIG });
    } catch (error) {
      if (!['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET'].includes(error.cause?.code)) throw error;
    }
  }

  /** Calls `method` with `params`, given as JSON text (so that any number can be sent as it is). */
  async function call(method, params) {
    const { text } = await post(`{"jsonrpc":"2.0","id":1,"method":"${method}","params":${params}}`);
    return JSON.parse(text);
  }

  /** Parameters as JSON text: values as JSON, and `raw` (JSON text) at the end. */
  const paramsText = (values, ...raw) => `[${[...values.map((value) => JSON.stringify(value)), ...raw].join(',')}]`;

  /** The refusal of a request, as the error code and the message with its data. */
  async function refusal(method, params) {
    const { result, error } = await call(method, params);
    assert.equal(result, undefined, `${method} ${params} must be refused`);
    return { code: error.code, says: error.data === undefined ? error.message : `${error.message}: ${error.data}` };
  }

  /** Checks that each of `cases` ([method, params text, code, message]) is refused so. */
  async function refusedAll(cases) {
    for (const [method, params, code, message] of cases) {
      const { code: actual, says } = await refusal(method, params);
      assert.equal(actual, code, `${method} ${params}: ${says}`);
      assert.match(says, message, `${method} ${params}`);
    }
  }

  test('limits out of range, negative, fractional or not numbers are refused on every list', async () => {
    const outOfRange = (limit) => new RegExp(`^limit ${limit} is out of range: a page holds 1 to 100 entries$`);
    const limits = [
      ['0', outOfRange(0)],
      ['101', outOfRange(101)],
      [String(U32_MAX), outOfRange(U32_MAX)],
      ['-1', /^Invalid params: invalid value: integer `-1`, expected u32/],
      ['4294967296', /^Invalid params: invalid value: integer `4294967296`, expected u32/],
      ['9007199254740993', /^Invalid params: invalid value: integer `9007199254740993`, expected u32/],
      ['18446744073709551616', /^Invalid params: invalid type: floating point `1.8446744073709552e\+19`, expected u32/],
      ['1e300', /^Invalid params: invalid type: floating point `1e\+300`, expected u32/],
      ['1.5', /^Invalid params: invalid type: floating point `1.5`, expected u32/],
      ['1e2', /^Invalid params: invalid type: floating point `100.0`, expected u32/],
      ['-0', /^Invalid params: invalid type: floating point `-0.0`, expected u32/],
      ['"10"', /^Invalid params: invalid type: string "10", expected u32/],
      ['true', /^Invalid params: invalid type: boolean `true`, expected u32/],
      ['{}', /^Invalid params: invalid type: map, expected u32/],
      ['[]', /^Invalid params: invalid type: sequence, expected u32/],
    ];
    const cases = LISTS.flatMap(({ method, head }) => limits.map(([limit, message]) =>
      [method, paramsText([...head, null], limit), INVALID_PARAMS, message]));
    await refusedAll(cases);

    // The limits at the ends of the range, and none, are taken.
    for (const { method, head } of LISTS) {
      for (const limit of [1, 100, null]) {
        const { result, error } = await call(method, paramsText([...head, null, limit]));
        assert.equal(error, undefined, `${method} limit ${limit}: ${JSON.stringify(error)}`);
        assert.ok(result.items.length <= (limit ?? 100));
      }
    }
  });

  test('offsets (startAfter) of the wrong kind or out of range are refused on every list', async () => {
    const malformed = /^Invalid params: the `next` of the page before: an id \(a whole number\) or `<region>\/<key>` \(a text\)$/;
    const everyList = ['-1', '1.5', '18446744073709551616', '1e300', 'true', '{}', '[]']
      .map((cursor) => [cursor, malformed]);
    const idText = (text) => new RegExp(`^startAfter \`${text}\` is not an id: pass the \`next\` number of the page before$`);
    const notRegion = (number) => new RegExp(`^startAfter ${number} is not a region cursor: pass the \`next\` text of the page before$`);
    const regionCode = (code) => new RegExp(`^\`${code}\` is not a region code: expected a country code such as \`KE\``);
    const byCursor = {
      id: [['""', idText('')], ['"7"', idText('7')],
        ['4294967296', /^startAfter 4294967296 is not an id of this list$/],
        ['18446744073709551615', /^startAfter 18446744073709551615 is not an id of this list$/]],
      contribution: [['"ES-CT/7"', idText('ES-CT/7')]],
      pledge: [['0', notRegion(0)], ['4294967296', notRegion(4294967296)],
        ['"ES-CT/4294967296"', /^`4294967296` is not a pledge id$/], ['"ES-CT/-1"', /^`-1` is not a pledge id$/],
        ['"ES-CT/"', /^`` is not a pledge id$/], ['"ES-CT/1/2"', /^`1\/2` is not a pledge id$/],
        ['"/1"', regionCode('')], ['"es-ct/1"', regionCode('es-ct')],
        ['"ES-CT"', /^startAfter `ES-CT` is not `<region>\/<key>`: pass the `next` text of the page before$/]],
      producer: [['18446744073709551615', notRegion('18446744073709551615')],
        ['"ES-CT/5Grw"', /^`5Grw` is not an SS58 address: Length is bad$/],
        [`"ES-CT/${PRODUCER.slice(0, -1)}X"`, /is not an SS58 address: Invalid checksum$/],
        ['"es/1"', regionCode('es')]],
    };
    const cases = LISTS.flatMap(({ method, head, cursor }) => [...everyList, ...byCursor[cursor]]
      .map(([startAfter, message]) => [method, paramsText(head, startAfter), INVALID_PARAMS, message]));
    await refusedAll(cases);
  });

  test('ids at u32::MAX are not found and ids beyond it are refused, on every method that takes one', async () => {
    const methods = [
      ['cosmolocal_design', (id) => `[${id}]`, 'design'],
      ['cosmolocal_pledge', (id) => `[${id}]`, 'pledge'],
      ['cosmolocal_network', (id) => `[${id}]`, 'network'],
      ['cosmolocal_memberShare', (id) => `[${id},"${MAINTAINER}"]`, 'network'],
      ['cosmolocal_contributions', (id) => `[${id},"Pending"]`, 'network'],
    ];
    const filters = [
      ['cosmolocal_designs', (id) => `[{"derivativesOf":${id}}]`, 'design', /`maintainer` \(an address\), `tag` or `derivativesOf` \(a design id\)/],
      ['cosmolocal_pledges', (id) => `[{"design":${id}}]`, 'design', /`region` \(a region code\), `design` \(a design id\), `producer` \(an address\) or `state` \(a pledge state\)/],
    ];
    for (const [method, params, kind] of [...methods, ...filters]) {
      const { code, says } = await refusal(method, params(U32_MAX));
      assert.equal(code, NOT_FOUND, `${method} ${params(U32_MAX)}: ${says}`);
      assert.match(says, new RegExp(`^${kind} ${U32_MAX} not found`));
    }
    const beyond = [
      ['4294967296', /^Invalid params: invalid value: integer `4294967296`, expected u32/],
      ['18446744073709551615', /^Invalid params: invalid value: integer `18446744073709551615`, expected u32/],
      ['18446744073709551616', /^Invalid params: invalid type: floating point `1.8446744073709552e\+19`, expected u32/],
      ['-1', /^Invalid params: invalid value: integer `-1`, expected u32/],
      ['0.5', /^Invalid params: invalid type: floating point `0.5`, expected u32/],
    ];
    await refusedAll([
      ...methods.flatMap(([method, params]) => beyond.map(([id, message]) =>
        [method, params(id), INVALID_PARAMS, message])),
      ...filters.flatMap(([method, params, , named]) => beyond.map(([id]) =>
        [method, params(id), INVALID_PARAMS, new RegExp(`^the filter must be an object with exactly one of ${named.source}: invalid number$`)])),
    ]);
  });

  test('every parameter of the wrong type, and a missing one, is refused with what was expected', async () => {
    const cases = [];
    for (const [method, signature] of Object.entries(SIGNATURES)) {
      const values = signature.map(([, value]) => JSON.stringify(value));
      signature.forEach(([kind], position) => {
        for (const [wrong, message] of WRONG_TYPES[kind]) {
          const params = values.map((value, index) => (index === position ? wrong : value));
          cases.push([method, `[${params.join(',')}]`, INVALID_PARAMS, message]);
        }
      });
      // Without its last required parameter, and with parameters that are neither a list nor named.
      const required = signature.findIndex(([kind]) => ['startAfter', 'limit', 'at'].includes(kind));
      cases.push([method, `[${values.slice(0, required - 1).join(',')}]`, INVALID_PARAMS, /^Invalid params: No more params$/]);
      cases.push([method, '"0"', INVALID_PARAMS, /^Invalid params: Invalid params. Expected one of '\[', '\]' or ','/]);
    }
    await refusedAll(cases);
  });

  test('garbage, malformed JSON-RPC and oversized bodies get the standard errors', async () => {
    const error = (code, message, id = null) => JSON.stringify({ jsonrpc: '2.0', id, error: { code, message } });
    const bodies = [
      ['{', 200, error(PARSE_ERROR, 'Parse error')],
      ['{"jsonrpc":"2.0","id":1,"method":"cosmolocal_design","params":[0', 200, error(PARSE_ERROR, 'Parse error')],
      ['null', 400, error(PARSE_ERROR, 'Parse error')],
      ['42', 400, error(PARSE_ERROR, 'Parse error')],
      ['"cosmolocal_design"', 400, error(PARSE_ERROR, 'Parse error')],
      [Buffer.from([0xff, 0xfe, 0x00, 0x7b]), 400, error(PARSE_ERROR, 'Parse error')],
      ['{}', 200, error(PARSE_ERROR, 'Parse error')],
      ['[]', 200, error(INVALID_REQUEST, 'Invalid request')],
      ['{"jsonrpc":"1.0","id":1,"method":"cosmolocal_design","params":[0]}', 200, error(INVALID_REQUEST, 'Invalid request', 1)],
      ['{"jsonrpc":"2.0","id":1,"method":7,"params":[0]}', 200, error(INVALID_REQUEST, 'Invalid request', 1)],
      ['{"jsonrpc":"2.0","id":1,"method":"cosmolocal_nothing","params":[]}', 200, error(METHOD_NOT_FOUND, 'Method not found', 1)],
      ['{"jsonrpc":"2.0","id":1,"method":"cosmolocal_Design","params":[0]}', 200, error(METHOD_NOT_FOUND, 'Method not found', 1)],
      // Nested 100 000 deep: read as a batch of one malformed request.
      [`${'['.repeat(100_000)}${']'.repeat(100_000)}`, 200, `[${error(INVALID_REQUEST, 'Invalid request')}]`],
    ];
    for (const [body, status, answer] of bodies) {
      assert.deepEqual(await post(body), { status, text: answer }, String(body).slice(0, 80));
    }

    const trimmed = ({ status, text }) => ({ status, text: text.trim() });
    assert.deepEqual(trimmed(await post('{"jsonrpc":"2.0","id":1,"method":"system_health"}', { contentType: 'text/plain' })),
      { status: 415, text: 'Supplied content type is not allowed. Content-Type: application/json is required' });
    assert.deepEqual(trimmed(await post(undefined, { method: 'GET' })),
      { status: 405, text: 'Used HTTP Method is not allowed. POST is required' });
    const tooBig = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'cosmolocal_design',
      params: [0, 'f'.repeat(MAX_REQUEST)] });
    await postTooBig(tooBig);

    // Over WebSocket, the same answers, and the connection goes on serving.
    const ws = new WebSocket(node.wsUrl);
    const answers = [];
    let notify;
    ws.onmessage = ({ data }) => { answers.push(JSON.parse(String(data))); notify?.(); };
    await new Promise((resolve, reject) => { ws.onopen = resolve; ws.onerror = reject; });
    const next = () => new Promise((resolve) => {
      if (answers.length) resolve(answers.shift());
      else notify = () => { notify = null; resolve(answers.shift()); };
    });
    try {
      ws.send('{');
      assert.deepEqual(await next(), JSON.parse(error(PARSE_ERROR, 'Parse error')));
      ws.send(Buffer.from([0xff, 0xfe, 0x00]));
      assert.deepEqual(await next(), JSON.parse(error(PARSE_ERROR, 'Parse error')));
      ws.send(tooBig);
      assert.deepEqual(await next(), TOO_BIG);
      ws.send('{"jsonrpc":"2.0","id":7,"method":"cosmolocal_design","params":[0]}');
      const { id, result } = await next();
      assert.deepEqual({ id, design: result.id }, { id: 7, design: 0 });
    } finally {
      ws.close();
    }
  });

  test('a batch of a thousand requests, good and bad, is answered request by request', async () => {
    const kinds = [
      [{ method: 'cosmolocal_design', params: [0] }, (answer) => answer.result.id === 0],
      [{ method: 'cosmolocal_designs', params: [{ tag: 'solar' }, null, 0] },
        (answer) => answer.error.code === INVALID_PARAMS && /^limit 0 is out of range/.test(answer.error.message)],
      [{ method: 'cosmolocal_network', params: [U32_MAX] },
        (answer) => answer.error.code === NOT_FOUND && answer.error.message === `network ${U32_MAX} not found`],
      [{ method: 'cosmolocal_nothing', params: [] }, (answer) => answer.error.code === METHOD_NOT_FOUND],
      [{ method: 'cosmolocal_producers', params: ['ES'] }, (answer) => answer.result.items[0].account === PRODUCER],
    ];
    const batch = Array.from({ length: 1_000 }, (_, id) => ({ jsonrpc: '2.0', id, ...kinds[id % kinds.length][0] }));
    const { status, text } = await post(JSON.stringify(batch));
    assert.equal(status, 200);
    const answers = JSON.parse(text);
    assert.equal(answers.length, batch.length);
    for (const answer of answers) {
      assert.ok(kinds[answer.id % kinds.length][1](answer), JSON.stringify(answer).slice(0, 300));
    }
    assert.deepEqual(answers.map(({ id }) => id).sort((a, b) => a - b), batch.map(({ id }) => id));

    // A batch larger than a request may be is refused whole, before any of it is run.
    const entry = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'cosmolocal_designs', params: [{ tag: 'solar' }] });
    const huge = `[${`${entry},`.repeat(Math.ceil(MAX_REQUEST / entry.length))}${entry}]`;
    await postTooBig(huge);
    const ws = new WebSocket(node.wsUrl);
    await new Promise((resolve, reject) => { ws.onopen = resolve; ws.onerror = reject; });
    try {
      const answer = new Promise((resolve) => { ws.onmessage = ({ data }) => resolve(JSON.parse(String(data))); });
      ws.send(huge);
      assert.deepEqual(await answer, TOO_BIG);
    } finally {
      ws.close();
    }

    // Notifications (no id) get no answer, alone or in a batch; a batch of only them gets none.
    assert.deepEqual(await post('{"jsonrpc":"2.0","method":"cosmolocal_design","params":[0]}'), { status: 200, text: '' });
    assert.deepEqual(await post(JSON.stringify([{ jsonrpc: '2.0', method: 'cosmolocal_design', params: [0] },
      { jsonrpc: '2.0', id: 3, method: 'cosmolocal_design', params: [1] }])).then(({ text: body }) =>
      JSON.parse(body).map(({ id, result }) => [id, result.id])), [[3, 1]]);
  });

  test('a flood across many methods at once gets the same answers as the requests one by one', async () => {
    const at = start.hash;
    const requests = [
      ['cosmolocal_design', [0, at]],
      ['cosmolocal_design', [U32_MAX, at]],
      ['cosmolocal_designs', [{ tag: 'solar' }, null, 100, at]],
      ['cosmolocal_designs', [{ tag: 'Solar' }, null, null, at]],
      ['cosmolocal_producer', [PRODUCER, at]],
      ['cosmolocal_producer', ['not-an-address', at]],
      ['cosmolocal_producers', ['ES', null, 1, at]],
      ['cosmolocal_pledge', [0, at]],
      ['cosmolocal_pledges', [{ state: 'Funding' }, null, null, at]],
      ['cosmolocal_network', [0, at]],
      ['cosmolocal_memberShare', [0, MAINTAINER, at]],
      ['cosmolocal_contributions', [0, 'Accepted', null, 0, at]],
      ['chain_getHeader', [at]],
      ['chain_getBlockHash', [U32_MAX + 1]],
      ['state_getStorage', [prefix('Balances', 'TotalIssuance'), at]],
      ['state_getKeysPaged', ['0x', U32_MAX, null, at]],
      ['state_call', ['Nothing_here', '0x', at]],
      ['payment_queryInfo', ['0xdeadbeef', at]],
      ['system_dryRun', ['0xdeadbeef', at]],
      ['author_submitExtrinsic', ['0xdeadbeef']],
      ['system_accountNextIndex', ['not-an-address']],
    ];
    const outcome = (promise) => promise.then((result) => ({ result }), (error) => ({ error: error.message }));
    const providers = await Promise.all(Array.from({ length: 8 }, async () => {
      const provider = new WsProvider(node.wsUrl, false);
      await provider.connect();
      await provider.isReady;
      return provider;
    }));
    try {
      const one = providers[0];
      const expected = [];
      for (const [method, params] of requests) expected.push(await outcome(one.send(method, params)));
      // Every request was answered as integrators expect it: found, not found, refused.
      assert.equal(expected[0].result.id, 0);
      assert.match(expected[1].error, new RegExp(`^${NOT_FOUND}: design ${U32_MAX} not found`));
      assert.match(expected[3].error, /`Solar` is not a tag/);
      assert.match(expected[5].error, /`not-an-address` is not an SS58 address/);
      assert.match(expected[13].error, /^3001: `Number\(4294967296\)` > u32::MAX, the max block number is u32\.$/);
      assert.match(expected[15].error, /^4002: count exceeds maximum value\. value: 4294967295, max: 1000$/);
      assert.match(expected[16].error, /Exported method Nothing_here is not found/);
      assert.match(expected[17].error, /^2: Unable to query dispatch info\.: .*Could not decode `OpaqueExtrinsic\.0`/);
      assert.match(expected[18].error, /^2: Unable to dry run extrinsic: Could not decode `OpaqueExtrinsic\.0`/);
      assert.match(expected[19].error, /^1040: Client error: Could not decode `OpaqueExtrinsic\.0`/);
      assert.match(expected[20].error, /^-32602: Invalid params: Base 58 requirement is violated$/);

      // 2 400 requests over eight connections and 60 over HTTP, all at once.
      const flood = Array.from({ length: 2_400 }, (_, index) => {
        const [method, params] = requests[index % requests.length];
        return outcome(providers[index % providers.length].send(method, params));
      });
      const overHttp = Array.from({ length: 60 }, (_, index) => {
        const [method, params] = requests[index % requests.length];
        return post(JSON.stringify({ jsonrpc: '2.0', id: 1, method, params })).then(({ text }) => JSON.parse(text));
      });
      const [answers, httpAnswers] = await Promise.all([Promise.all(flood), Promise.all(overHttp)]);
      answers.forEach((answer, index) => assert.deepEqual(answer, expected[index % requests.length],
        `${requests[index % requests.length][0]} in the flood`));
      httpAnswers.forEach((answer, index) => {
        const { result, error } = expected[index % requests.length];
        if (result !== undefined) assert.deepEqual(answer.result, result);
        else assert.match(error, new RegExp(`^${answer.error.code}: `));
      });
    } finally {
      await Promise.all(providers.map((provider) => provider.disconnect()));
    }
  });

  test('an address far longer than any SS58 address is refused at once', async () => {
    // An SS58 address has at most 50 characters; this one has 40 000.
    const started = Date.now();
    const { code, says } = await refusal('cosmolocal_producer', paramsText(['a'.repeat(40_000)]));
    assert.equal(code, INVALID_PARAMS);
    assert.match(says, /is not an SS58 address/);
    assert.ok(Date.now() - started < 500, `refused in ${Date.now() - started} ms`);
  });

  test('a refused parameter is not repeated in full in the error', async () => {
    const { code, says } = await refusal('cosmolocal_designs', paramsText([{ tag: 's'.repeat(1_000_000) }]));
    assert.equal(code, INVALID_PARAMS);
    assert.match(says, /at most 24 characters/);
    assert.ok(says.length < 1_000, `an error of ${says.length} characters`);
  });
});
