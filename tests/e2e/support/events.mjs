// Reading a block's events as plain values, for assertions.

import assert from 'node:assert/strict';

/** The data of every event `kind` (such as `api.events.balances.Transfer`) in `events`. */
export function eventsOf(events, kind) {
  return events.filter(({ event }) => kind.is(event)).map(({ event }) => event.data);
}

/** The data of the one event `kind` in `events`; fails if there is none or more than one. */
export function theEvent(events, kind) {
  const found = eventsOf(events, kind);
  assert.equal(found.length, 1, `one ${kind.meta.name} event`);
  return found[0];
}

/**
 * A decoded value as a plain one: accounts as SS58 strings, integers up to 64 bits as numbers,
 * 128-bit ones (balances, points) as bigints, bytes as UTF-8 text, the rest as its JSON.
 */
export function plain(value) {
  switch (value.toRawType()) {
    case 'AccountId32': return value.toString();
    case 'u8': case 'u16': case 'u32': case 'u64': return value.toNumber();
    case 'u128': return value.toBigInt();
    case 'Bytes': return value.toUtf8();
    default: return value.toJSON();
  }
}

/** The fields `names` of an event's data, as plain values. */
export function fields(data, ...names) {
  return names.map((name) => {
    assert.ok(name in data, `the event has a field ${name}`);
    return plain(data[name]);
  });
}

/** The `balances.Held` events of `events` for `address`: `[{ reason, amount }]`, in order. */
export function holdsOf(api, events, address) {
  return balanceEvents(events, api.events.balances.Held, address);
}

/** The `balances.Released` events of `events` for `address`: `[{ reason, amount }]`. */
export function releasesOf(api, events, address) {
  return balanceEvents(events, api.events.balances.Released, address);
}

function balanceEvents(events, kind, address) {
  return eventsOf(events, kind)
    .filter(({ who }) => who.toString() === address)
    .map(({ reason, amount }) => ({ reason: Object.keys(reason.toJSON())[0], amount: amount.toBigInt() }));
}
