// The accounts the app can sign with: the well-known development accounts (Alice, Bob, …) on a
// development chain, the accounts of browser extensions (Polkadot.js, Talisman, SubWallet…), and
// the multisigs those belong to, each acted for through one of its members.

import { sr25519CreateDerive } from '@polkadot-labs/hdkd';
import { DEV_PHRASE, entropyToMiniSecret, mnemonicToEntropy, ss58Address } from '@polkadot-labs/hdkd-helpers';
import { connectInjectedExtension, getInjectedExtensions } from '@polkadot-api/pjs-signer';
import { getSs58AddressInfo, type PolkadotSigner, type SS58String } from 'polkadot-api';
import { getPolkadotSigner } from 'polkadot-api/signer';
import { sameAccount, type MultisigAccount } from './multisig';

export interface Account {
  /** What tells entries apart: the address, or for a multisig its address and the member's. */
  id: string;
  name: string;
  /** The account that acts: for a multisig, the multisig's own address. */
  address: SS58String;
  /** Who signs: for a multisig, its member. */
  signer: PolkadotSigner;
  /** Where the key is: `development` for the well-known keys, `multisig`, else the extension's name. */
  source: string;
  development: boolean;
  /** Set when this entry acts for a multisig, through `member`. */
  multisig?: { account: MultisigAccount; member: Account };
}

const DEV_NAMES = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];

/** The development accounts, whose keys everyone knows: for development chains only. */
export function developmentAccounts(ss58Format: number): Account[] {
  const derive = sr25519CreateDerive(entropyToMiniSecret(mnemonicToEntropy(DEV_PHRASE)));
  return DEV_NAMES.map((name) => {
    const keyPair = derive(`//${name}`);
    const address = ss58Address(keyPair.publicKey, ss58Format);
    return {
      id: address,
      name,
      address,
      signer: getPolkadotSigner(keyPair.publicKey, 'Sr25519', keyPair.sign),
      source: 'development',
      development: true,
    };
  });
}

/**
 * The accounts of every injected-web3 extension the user lets the app see, written with the
 * chain's SS58 prefix; `onChange` hears of accounts added or removed later. Returns a function
 * that disconnects from the extensions.
 */
export async function watchExtensionAccounts(ss58Format: number,
  onChange: (accounts: Account[]) => void): Promise<() => void> {
  const byExtension = new Map<string, Account[]>();
  const publish = () => onChange([...byExtension.values()].flat());
  const disconnects: Array<() => void> = [];
  for (const name of getInjectedExtensions()) {
    try {
      const extension = await connectInjectedExtension(name, 'Cosmolocal');
      const update = (accounts: ReturnType<typeof extension.getAccounts>) => {
        byExtension.set(name, accounts.map((account) => ({
          id: withPrefix(account.address, ss58Format),
          name: account.name ?? name,
          address: withPrefix(account.address, ss58Format),
          signer: account.polkadotSigner,
          source: name,
          development: false,
        })));
        publish();
      };
      update(extension.getAccounts());
      const unsubscribe = extension.subscribe(update);
      disconnects.push(() => { unsubscribe(); extension.disconnect(); });
    } catch {
      // The user refused this extension, or it failed: its accounts are simply not offered.
    }
  }
  return () => disconnects.forEach((disconnect) => disconnect());
}

/** `address` written with `ss58Format`, the way this chain writes its addresses. */
export function withPrefix(address: string, ss58Format: number): SS58String {
  const info = getSs58AddressInfo(address);
  return info.isValid ? ss58Address(info.publicKey, ss58Format) : address;
}

/**
 * An entry for each multisig and each of `members` that belongs to it: acting as the multisig,
 * signed by that member (whose transactions become the multisig's approvals).
 */
export function multisigAccounts(multisigs: MultisigAccount[], members: Account[]): Account[] {
  return multisigs.flatMap((multisig) => members
    .filter((member) => multisig.signatories.some((signatory) => sameAccount(signatory, member.address)))
    .map((member) => ({
      id: `${multisig.address}/${member.address}`,
      name: multisig.name,
      address: multisig.address,
      signer: member.signer,
      source: 'multisig',
      development: false,
      multisig: { account: multisig, member },
    })));
}
