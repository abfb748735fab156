// The app's connection to the chain, shared by every view: the chain, its latest finalized
// block (views read at it and re-read when it changes), the accounts and the one selected.

import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { developmentAccounts, multisigAccounts, watchExtensionAccounts, type Account } from './chain/accounts';
import { connect, rememberRpc, type Chain, type SocketStatus } from './chain/connection';
import { ErrorDocs } from './chain/errors';
import { forgetMultisig, saveMultisig, savedMultisigs, type MultisigAccount, type MultisigConfig } from './chain/multisig';
import type { TokenUnit } from './format';

/** The finalized block the views show the chain at. */
export interface Block {
  number: number;
  hash: string;
  /** When it was authored (its `Timestamp.Now`), in milliseconds since the epoch. */
  timestampMs: number;
}

export interface Session {
  chain: Chain;
  errors: ErrorDocs;
  block: Block;
  /** The chain's native token. */
  unit: TokenUnit;
  /** The accounts to sign with, and an entry per multisig and member of it among them. */
  accounts: Account[];
  account: Account | undefined;
  /** Selects the entry with this `id` (for an account of its own, its address). */
  selectAccount(id: string): void;
  /** The multisigs this browser keeps. */
  multisigs: MultisigAccount[];
  addMultisig(config: MultisigConfig): void;
  forgetMultisig(address: string): void;
  /** The estimated time of block `number`, from this block's time and the block time. */
  timeOfBlock(number: number): number;
}

export type Connection =
  | { state: 'connecting'; url: string; socket: SocketStatus }
  | { state: 'failed'; url: string; error: string }
  | { state: 'connected'; url: string; socket: SocketStatus; session: Session };

const SessionContext = createContext<Session | undefined>(undefined);
const SELECTED_ACCOUNT_KEY = 'cosmolocal.account';

/** Connects to `url` and keeps the session up to date with the chain's finalized blocks. */
export function useConnection(url: string): Connection {
  const [socket, setSocket] = useState<SocketStatus>('connecting');
  const [failure, setFailure] = useState<string>();
  const [base, setBase] = useState<{ chain: Chain; errors: ErrorDocs; development: Account[] }>();
  const [block, setBlock] = useState<Block>();
  const [extensionAccounts, setExtensionAccounts] = useState<Account[]>([]);
  const [selected, setSelected] = useState(() => localStorage.getItem(SELECTED_ACCOUNT_KEY));
  const [multisigs, setMultisigs] = useState<MultisigAccount[]>([]);

  useEffect(() => {
    let live = true;
    let chain: Chain | undefined;
    let stopExtensions: (() => void) | undefined;
    let subscription: { unsubscribe(): void } | undefined;
    setFailure(undefined);
    setBase(undefined);
    setBlock(undefined);
    connect(url, (status) => live && setSocket(status)).then(async (connected) => {
      chain = connected;
      if (!live) return connected.disconnect();
      const errors = await ErrorDocs.load(connected.client);
      if (!live) return undefined;
      rememberRpc(url);
      const development = connected.info.development
        ? developmentAccounts(connected.info.ss58Format) : [];
      setBase({ chain: connected, errors, development });
      setMultisigs(savedMultisigs(connected.info.ss58Format));
      subscription = connected.client.finalizedBlock$.subscribe((info) => {
        connected.api.query.Timestamp.Now.getValue({ at: info.hash }).then((now) => {
          // The genesis block has no time (its `Timestamp.Now` is 0): until the chain finalizes a
          // block of its own, the time of the latest block is taken to be now.
          if (live) setBlock({ number: info.number, hash: info.hash, timestampMs: Number(now) || Date.now() });
        }, () => undefined);
      });
      const stop = await watchExtensionAccounts(connected.info.ss58Format,
        (accounts) => live && setExtensionAccounts(accounts));
      if (live) stopExtensions = stop;
      else stop();
      return undefined;
    }).catch((error: unknown) => {
      if (live) setFailure(error instanceof Error ? error.message : String(error));
    });
    return () => {
      live = false;
      subscription?.unsubscribe();
      stopExtensions?.();
      chain?.disconnect();
    };
  }, [url]);

  if (failure) return { state: 'failed', url, error: failure };
  if (!base || !block) return { state: 'connecting', url, socket };
  const { chain, errors, development } = base;
  const own = [...extensionAccounts, ...development];
  const accounts = [...own, ...multisigAccounts(multisigs, own)];
  const account = accounts.find((candidate) => candidate.id === selected) ?? accounts[0];
  const session: Session = {
    chain,
    errors,
    block,
    unit: { symbol: chain.info.tokenSymbol, decimals: chain.info.tokenDecimals },
    accounts,
    account,
    selectAccount(id) {
      localStorage.setItem(SELECTED_ACCOUNT_KEY, id);
      setSelected(id);
    },
    multisigs,
    addMultisig(config) {
      saveMultisig(config, chain.info.ss58Format);
      setMultisigs(savedMultisigs(chain.info.ss58Format));
    },
    forgetMultisig(address) {
      forgetMultisig(address, chain.info.ss58Format);
      setMultisigs(savedMultisigs(chain.info.ss58Format));
    },
    timeOfBlock: (number) => block.timestampMs + (number - block.number) * chain.info.blockTimeMs,
  };
  return { state: 'connected', url, socket, session };
}

export function SessionProvider({ session, children }:
  { session: Session; children: ComponentChildren }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside of a connected session');
  return session;
}

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'failed'; error: string }
  | { state: 'ready'; value: T };

/**
 * Reads the chain with `read` at the latest finalized block, and again at every new one or when
 * `deps` (or the selected account) change. While a new read runs, the previous value stays on
 * screen. A read that takes longer than a block is not thrown away when the next block comes:
 * it is shown when it ends, and one more read then starts at the latest block (on a chain with
 * tens of thousands of designs, a read can take longer than a block).
 */
export function useChainData<T>(read: (session: Session, at: string) => Promise<T>,
  deps: unknown[]): Loaded<T> {
  const session = useSession();
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const key = `${session.account?.id}|${JSON.stringify(deps, (_, value) => (typeof value === 'bigint' ? value.toString() : value))}`;
  const latest = useRef({ session, read, key });
  latest.current = { session, read, key };
  /** The key of the read on its way, and whether a newer block came meanwhile. */
  const running = useRef<{ key: string; again: boolean } | undefined>(undefined);
  const shownKey = useRef(key);
  const mounted = useRef(true);
  useEffect(() => () => { mounted.current = false; }, []);

  useEffect(() => {
    if (shownKey.current !== key) {
      shownKey.current = key;
      setLoaded({ state: 'loading' });
    }
    if (running.current?.key === key) {
      running.current.again = true;
      return;
    }
    const start = (readKey: string) => {
      const current = { key: readKey, again: false };
      running.current = current;
      const { session: at, read: reader } = latest.current;
      reader(at, at.block.hash).then(
        (value) => ({ state: 'ready', value }) as const,
        (error: unknown) => ({ state: 'failed', error: error instanceof Error ? error.message : String(error) }) as const,
      ).then((outcome) => {
        if (!mounted.current || latest.current.key !== readKey) return;
        setLoaded(outcome);
        if (running.current === current) {
          running.current = undefined;
          if (current.again) start(readKey);
        }
      });
    };
    start(key);
  }, [session.block.hash, key]);
  return loaded;
}
