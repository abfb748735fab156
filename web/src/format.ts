// How the app writes amounts, bytes, times and shares.

import { Binary } from 'polkadot-api';

/** A token: its symbol and how many decimals its smallest unit has. */
export interface TokenUnit {
  symbol: string;
  decimals: number;
}

const MAX_SHOWN_DECIMALS = 6;

/** `1234500000000000n` with 12 decimals → `1,234.5 CML`; tiny amounts say so instead of 0. */
export function formatAmount(amount: bigint, unit: TokenUnit): string {
  const negative = amount < 0n;
  const magnitude = negative ? -amount : amount;
  const base = 10n ** BigInt(unit.decimals);
  const whole = magnitude / base;
  const shown = Math.min(unit.decimals, MAX_SHOWN_DECIMALS);
  const fraction = (magnitude % base).toString().padStart(unit.decimals, '0')
    .slice(0, shown).replace(/0+$/, '');
  if (magnitude > 0n && whole === 0n && fraction === '') {
    return `< 0.${'0'.repeat(shown - 1)}1 ${unit.symbol}`;
  }
  const text = whole.toLocaleString('en-US') + (fraction ? `.${fraction}` : '');
  return `${negative ? '−' : ''}${text} ${unit.symbol}`;
}

/** Reads `12.5` as 12.5 tokens in the smallest unit; `undefined` when it is not an amount. */
export function parseAmount(text: string, unit: TokenUnit): bigint | undefined {
  const match = /^\s*(\d+)(?:\.(\d*))?\s*$/.exec(text);
  if (!match) return undefined;
  const fraction = match[2] ?? '';
  if (fraction.length > unit.decimals) return undefined;
  return BigInt(match[1]!) * 10n ** BigInt(unit.decimals)
    + BigInt(fraction.padEnd(unit.decimals, '0') || '0');
}

/** UTF-8 bytes the chain stores (names, tags, URIs) as text. */
export function text(bytes: Uint8Array): string {
  return Binary.toText(bytes);
}

/** A share in parts per million (`Permill`) as a percentage: `50000` → `5 %`. */
export function formatPermill(partsPerMillion: number): string {
  return `${(partsPerMillion / 10_000).toLocaleString('en-US', { maximumFractionDigits: 4 })} %`;
}

/** A share in parts per billion (`Perbill`) as a percentage. */
export function formatPerbill(partsPerBillion: number): string {
  return `${(partsPerBillion / 10_000_000).toLocaleString('en-US', { maximumFractionDigits: 4 })} %`;
}

/** `ThreeDPrinting` → `Three d printing`: a readable name for an enum variant. */
export function variantLabel(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** An address shortened for tables: `5Grw…utQY`. */
export function shortAddress(address: string): string {
  return address.length > 14 ? `${address.slice(0, 6)}…${address.slice(-6)}` : address;
}

/** How long until (or since) `ms` milliseconds from now, in words: `in 3 h 5 min`, `2 min ago`. */
export function timeFromNow(deltaMs: number): string {
  const past = deltaMs < 0;
  let seconds = Math.round(Math.abs(deltaMs) / 1000);
  const days = Math.floor(seconds / 86_400); seconds -= days * 86_400;
  const hours = Math.floor(seconds / 3600); seconds -= hours * 3600;
  const minutes = Math.floor(seconds / 60); seconds -= minutes * 60;
  const parts = days ? [`${days} d`, hours ? `${hours} h` : '']
    : hours ? [`${hours} h`, minutes ? `${minutes} min` : '']
      : minutes ? [`${minutes} min`] : [`${seconds} s`];
  const span = parts.filter(Boolean).join(' ');
  return past ? `${span} ago` : `in ${span}`;
}

export function formatDate(ms: number): string {
  return new Date(ms).toLocaleString('en-GB', {
    year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit',
  });
}
