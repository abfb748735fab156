// Small pieces the views share.

import type { ComponentChildren } from 'preact';
import type { AssetKind, ProcessName } from '../chain/types';
import { formatAmount, shortAddress, type TokenUnit } from '../format';
import { useSession, type Loaded } from '../session';
import { PROCESS_LABELS, PROCESSES } from './labels';

/** An account: the name the app knows it by, if any, and its address. */
export function Address({ address }: { address: string }) {
  const { accounts } = useSession();
  const known = accounts.find((account) => account.address === address);
  return (
    <span class="address" title={address}>
      {known && <strong>{known.name} </strong>}
      <code>{shortAddress(address)}</code>
    </span>
  );
}

/** Shows `loaded` once it is there, with `render`; a note while loading or when reading failed. */
export function Show<T>({ loaded, render }:
  { loaded: Loaded<T>; render: (value: T) => ComponentChildren }) {
  if (loaded.state === 'loading') return <p class="muted">Reading the chain…</p>;
  if (loaded.state === 'failed') return <p class="error">Could not read the chain: {loaded.error}</p>;
  return <>{render(loaded.value)}</>;
}

export function ProcessList({ processes }: { processes: Array<{ type: ProcessName }> }) {
  return (
    <ul class="chips">
      {processes.map((process) => <li key={process.type}>{PROCESS_LABELS[process.type]}</li>)}
    </ul>
  );
}

/** Checkboxes for choosing processes. */
export function ProcessPicker({ value, onChange }:
  { value: ProcessName[]; onChange(processes: ProcessName[]): void }) {
  return (
    <fieldset class="process-picker">
      <legend>Processes</legend>
      {PROCESSES.map((process) => (
        <label key={process} class="check">
          <input type="checkbox" name="process" value={process} checked={value.includes(process)}
            onChange={(event) => {
              const checked = (event.target as HTMLInputElement).checked;
              onChange(PROCESSES.filter((p) => (p === process ? checked : value.includes(p))));
            }} />
          {PROCESS_LABELS[process]}
        </label>
      ))}
    </fieldset>
  );
}

/** A labelled form field. */
export function Field({ label, hint, children }:
  { label: string; hint?: ComponentChildren; children: ComponentChildren }) {
  return (
    <label class="field">
      <span class="field-label">{label}</span>
      {children}
      {hint && <span class="field-hint">{hint}</span>}
    </label>
  );
}

/** The name of what an amount is in: the native token's symbol, or an asset's id. */
export function assetLabel(asset: AssetKind, unit: TokenUnit): string {
  return asset.type === 'Native' ? unit.symbol : `asset ${asset.value}`;
}

/** An amount of `asset`: written with the native token's decimals, or in an asset's smallest unit. */
export function amountIn(asset: AssetKind, amount: bigint, unit: TokenUnit): string {
  return asset.type === 'Native' ? formatAmount(amount, unit) : `${amount.toLocaleString('en-US')} of asset ${asset.value}`;
}
