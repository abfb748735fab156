// Registering a design with its first version, optionally derived from another design.

import { Binary, Enum } from 'polkadot-api';
import { Blake2256 } from '@polkadot-api/substrate-bindings';
import { useState } from 'preact/hooks';
import { allDesigns, licences } from '../chain/queries';
import type { LineageKindName, Process, ProcessName } from '../chain/types';
import { text } from '../format';
import { navigate } from '../router';
import { useChainData, useSession } from '../session';
import { Field, ProcessPicker, Show } from '../ui/common';
import { TxButton } from '../ui/TxButton';

const TAG = /^[a-z0-9-]+$/;
const HASH = /^(0x)?[0-9a-fA-F]{64}$/;

export function RegisterDesignView({ parent }: { parent: string | null }) {
  const session = useSession();
  const { api } = session.chain;
  const data = useChainData(async ({ chain }, at) => {
    const constants = chain.api.constants.DesignRegistry;
    const [designs, known, maxName, maxTags, maxTagLen, maxManifest, maxLabel] = await Promise.all([
      allDesigns(chain.api, at), licences(chain.api, at), constants.MaxNameLen({ at }),
      constants.MaxTags({ at }), constants.MaxTagLen({ at }), constants.MaxManifestLen({ at }),
      constants.MaxVersionLabelLen({ at }),
    ]);
    return { designs, licences: known.filter((licence) => licence.allowed), limits: { maxName, maxTags, maxTagLen, maxManifest, maxLabel } };
  }, []);

  const [name, setName] = useState('');
  const [hardware, setHardware] = useState('');
  const [documentation, setDocumentation] = useState('');
  const [software, setSoftware] = useState('');
  const [tags, setTags] = useState('');
  const [processes, setProcesses] = useState<ProcessName[]>([]);
  const [manifest, setManifest] = useState('');
  const [hash, setHash] = useState('');
  const [label, setLabel] = useState('1.0.0');
  const [parentId, setParentId] = useState(parent ?? '');
  const [kind, setKind] = useState<LineageKindName>('Derivative');
  const [parentVersion, setParentVersion] = useState('');

  return (
    <section>
      <h1>Register a design</h1>
      <p class="lead">The files stay where you publish them; the chain keeps the design's identity,
        licences, lineage and the hash of each version's manifest. A deposit is held for what you store.</p>
      <Show loaded={data} render={({ designs, licences: open, limits }) => {
        const parentDesign = parentId === '' ? undefined : designs.find(({ id }) => id === Number(parentId));
        const parentLicence = parentDesign && text(parentDesign.value.licences.hardware);
        const parentShareAlike = parentLicence !== undefined
          && open.some((licence) => licence.id === parentLicence && licence.shareAlike);
        const tagList = tags.split(/[\s,]+/).filter(Boolean);
        const problem = !name.trim() ? 'Give the design a name.'
          : !hardware || !documentation ? 'Choose the hardware and documentation licences.'
            : tagList.some((tag) => !TAG.test(tag)) ? 'Tags are lower-case letters, digits and “-”.'
              : tagList.length > limits.maxTags ? `At most ${limits.maxTags} tags.`
                : processes.length === 0 ? 'Choose the processes making it needs.'
                  : !manifest.trim() ? 'Give the URI or CID of the version\'s manifest.'
                    : !HASH.test(hash) ? 'Give the manifest\'s 32-byte hash (64 hex digits), or compute it from the file.'
                      : undefined;
        const tx = problem ?? api.tx.DesignRegistry.register_design({
          name: Binary.fromText(name.trim()),
          licences: {
            hardware: Binary.fromText(hardware),
            documentation: Binary.fromText(documentation),
            software: software ? Binary.fromText(software) : undefined,
          },
          tags: [...new Set(tagList)].sort().map((tag) => Binary.fromText(tag)),
          processes: processes.map((process) => Enum(process) as Process),
          manifest: Binary.fromText(manifest.trim()),
          manifest_hash: manifestHash(hash),
          version_label: Binary.fromText(label.trim()),
          lineage: parentDesign ? {
            kind: Enum(kind),
            parent: parentDesign.id,
            parent_version: parentVersion === '' ? parentDesign.value.version_count - 1 : Number(parentVersion),
          } : undefined,
        });
        const licenceOptions = open.map((licence) => (
          <option key={licence.id} value={licence.id}>{licence.id}{licence.shareAlike ? ' (share-alike)' : ''}</option>
        ));
        return (
          <form class="form" onSubmit={(event) => event.preventDefault()}>
            <Field label="Name">
              <input name="name" value={name} maxLength={limits.maxName} required
                onInput={(event) => setName((event.target as HTMLInputElement).value)} />
            </Field>
            <fieldset class="row">
              <legend>Comes from</legend>
              <Field label="Parent design">
                <select name="parent" value={parentId} onChange={(event) => {
                  setParentId((event.target as HTMLSelectElement).value);
                  setParentVersion('');
                }}>
                  <option value="">None: an original design</option>
                  {designs.map(({ id, value }) => <option key={id} value={String(id)}>#{id} {text(value.name)}</option>)}
                </select>
              </Field>
              {parentDesign && <>
                <Field label="Relation">
                  <select name="kind" value={kind} onChange={(event) => setKind((event.target as HTMLSelectElement).value as LineageKindName)}>
                    <option value="Derivative">Derivative: a new design built on it</option>
                    <option value="Variant">Variant: the same for other conditions</option>
                  </select>
                </Field>
                <Field label="From version">
                  <select name="parent-version" value={parentVersion === '' ? String(parentDesign.value.version_count - 1) : parentVersion}
                    onChange={(event) => setParentVersion((event.target as HTMLSelectElement).value)}>
                    {Array.from({ length: parentDesign.value.version_count }, (_, index) => (
                      <option key={index} value={String(index)}>{index}</option>
                    ))}
                  </select>
                </Field>
              </>}
            </fieldset>
            {parentShareAlike && (
              <p class="notice">The parent's hardware licence, {parentLicence}, is share-alike: a
                derivative must carry the same hardware licence.</p>
            )}
            <fieldset class="row">
              <legend>Licences</legend>
              <Field label="Hardware">
                <select name="hardware-licence" value={hardware} onChange={(event) => setHardware((event.target as HTMLSelectElement).value)}>
                  <option value="">Choose…</option>{licenceOptions}
                </select>
              </Field>
              <Field label="Documentation">
                <select name="documentation-licence" value={documentation} onChange={(event) => setDocumentation((event.target as HTMLSelectElement).value)}>
                  <option value="">Choose…</option>{licenceOptions}
                </select>
              </Field>
              <Field label="Software (optional)">
                <select name="software-licence" value={software} onChange={(event) => setSoftware((event.target as HTMLSelectElement).value)}>
                  <option value="">No software</option>{licenceOptions}
                </select>
              </Field>
            </fieldset>
            <Field label="Tags" hint={`Separated by spaces or commas; lower-case letters, digits and “-”, up to ${limits.maxTagLen} characters each.`}>
              <input name="tags" value={tags} onInput={(event) => setTags((event.target as HTMLInputElement).value)} />
            </Field>
            <ProcessPicker value={processes} onChange={setProcesses} />
            <fieldset>
              <legend>First version</legend>
              <Field label="Manifest URI or CID">
                <input name="manifest" value={manifest} maxLength={limits.maxManifest} placeholder="ipfs://… or https://…"
                  onInput={(event) => setManifest((event.target as HTMLInputElement).value)} />
              </Field>
              <Field label="Manifest hash (BLAKE2b-256, hex)" hint="Choose the manifest file to compute it here, in your browser.">
                <input name="manifest-hash" value={hash} class="mono" placeholder="0x…"
                  onInput={(event) => setHash((event.target as HTMLInputElement).value.trim())} />
                <input type="file" name="manifest-file" aria-label="Manifest file" onChange={async (event) => {
                  const file = (event.target as HTMLInputElement).files?.[0];
                  if (file) setHash(Binary.toHex(Blake2256(new Uint8Array(await file.arrayBuffer()))));
                }} />
              </Field>
              <Field label="Version label" hint="MAJOR.MINOR.PATCH, such as 1.0.0">
                <input name="version-label" value={label} maxLength={limits.maxLabel}
                  onInput={(event) => setLabel((event.target as HTMLInputElement).value)} />
              </Field>
            </fieldset>
            <TxButton label="Register the design" tx={tx} onSuccess={(events) => {
              const [registered] = api.event.DesignRegistry.DesignRegistered.filter(events);
              if (registered) navigate(`#/designs/${registered.payload.design}`);
            }} />
          </form>
        );
      }} />
    </section>
  );
}

/** The manifest hash as the call takes it: `0x` and 64 lower-case hex digits. */
function manifestHash(hex: string): string {
  return (hex.startsWith('0x') ? hex : `0x${hex}`).toLowerCase();
}
