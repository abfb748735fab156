// What a refused transaction means, in the words of the runtime's own documentation: the docs of
// each error variant, read from the metadata of the chain the app is connected to.

import { decAnyMetadata, unifyMetadata } from '@polkadot-api/substrate-bindings';
import type { PolkadotClient } from 'polkadot-api';

export interface ExplainedError {
  /** `Pallet.Error`, or the dispatch error's kind (`Token.FundsUnavailable`, `BadOrigin`). */
  name: string;
  /** The error's documentation, as the runtime's developers wrote it. */
  docs: string;
}

type Variants = Map<string, string>;

/** The docs of the errors of each pallet, and of the runtime's own dispatch errors. */
export class ErrorDocs {
  private constructor(
    private readonly pallets: Map<string, Variants>,
    private readonly runtimeEnums: Map<string, Variants>,
  ) {}

  static async load(client: PolkadotClient): Promise<ErrorDocs> {
    const finalized = await client.getFinalizedBlock();
    const metadata = unifyMetadata(decAnyMetadata(await client.getMetadata(finalized.hash)));
    const variantsOf = (typeId: number): Variants => {
      const entry = metadata.lookup[typeId];
      const variants = entry?.def.tag === 'variant' ? entry.def.value : [];
      return new Map(variants.map((v) => [v.name, v.docs.join(' ').trim()]));
    };
    const pallets = new Map<string, Variants>();
    for (const pallet of metadata.pallets) {
      if (pallet.errors) pallets.set(pallet.name, variantsOf(pallet.errors.type));
    }
    // `sp_runtime::DispatchError` and the enums inside it (`TokenError`, `ArithmeticError`, …).
    const runtimeEnums = new Map<string, Variants>();
    for (const entry of metadata.lookup) {
      if (entry.path.length === 2 && entry.path[0] === 'sp_runtime' && entry.def.tag === 'variant') {
        runtimeEnums.set(entry.path[1]!, variantsOf(entry.id));
      }
    }
    return new ErrorDocs(pallets, runtimeEnums);
  }

  /** Explains a `dispatchError` as polkadot-api reports it: `{ type, value }`, nested. */
  explain(error: { type: string; value: unknown }): ExplainedError {
    const inner = asEnum(error.value);
    if (error.type === 'Module' && inner) {
      const variant = asEnum(inner.value);
      if (variant) {
        return {
          name: `${inner.type}.${variant.type}`,
          docs: this.pallets.get(inner.type)?.get(variant.type) || 'No documentation in the metadata.',
        };
      }
    }
    if (inner) {
      const docs = this.runtimeEnums.get(`${error.type}Error`)?.get(inner.type);
      if (docs) return { name: `${error.type}.${inner.type}`, docs };
    }
    return {
      name: inner ? `${error.type}.${inner.type}` : error.type,
      docs: this.runtimeEnums.get('DispatchError')?.get(error.type) || 'No documentation in the metadata.',
    };
  }
}

function asEnum(value: unknown): { type: string; value: unknown } | undefined {
  if (value && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string') {
    return value as { type: string; value: unknown };
  }
  return undefined;
}
