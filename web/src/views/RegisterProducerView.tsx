// Registering the selected account as a producer: a workshop, farm, bakery or cooperative.

import { Binary, Enum } from 'polkadot-api';
import { useState } from 'preact/hooks';
import type { Process, ProcessName } from '../chain/types';
import { countryName, countryOfRegion, countryShape } from '../geo';
import { navigate } from '../router';
import { useChainData, useSession } from '../session';
import { Field, ProcessPicker, Show } from '../ui/common';
import { TxButton } from '../ui/TxButton';

const REGION = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;

export function RegisterProducerView() {
  const { chain, account } = useSession();
  const { api } = chain;
  const data = useChainData(async ({ chain: { api: typed } }, at) => {
    const [existing, maxName, maxUri] = await Promise.all([
      account ? typed.apis.ProductionPledgesApi.producer(account.address, { at }) : undefined,
      typed.constants.ProductionPledges.MaxNameLen({ at }),
      typed.constants.ProductionPledges.MaxUriLen({ at }),
    ]);
    return { existing, maxName, maxUri };
  }, []);
  const [name, setName] = useState('');
  const [region, setRegion] = useState('');
  const [plusCode, setPlusCode] = useState('');
  const [processes, setProcesses] = useState<ProcessName[]>([]);
  const [facility, setFacility] = useState('');

  return (
    <section>
      <h1>Register as a producer</h1>
      <p class="lead">Put your workshop on the map, so that people nearby can back what you pledge to
        make. A deposit is held for your record until you retire.</p>
      <Show loaded={data} render={({ existing, maxName, maxUri }) => {
        if (existing) {
          return <p class="notice">{account?.name} is already registered as a producer. <a href="#/map">See the map.</a></p>;
        }
        const code = region.trim().toUpperCase();
        const problem = !name.trim() ? 'Give your workshop\'s public name.'
          : !REGION.test(code) ? 'Give your region as an ISO 3166-2 code, such as ES-CT, or a country code such as KE.'
            : processes.length === 0 ? 'Choose the processes you can run.'
              : undefined;
        const tx = problem ?? api.tx.ProductionPledges.register_producer({
          name: Binary.fromText(name.trim()),
          region: Binary.fromText(code),
          plus_code: plusCode.trim() ? Binary.fromText(plusCode.trim().toUpperCase()) : undefined,
          processes: processes.map((process) => Enum(process) as Process),
          facility_manifest: facility.trim() ? Binary.fromText(facility.trim()) : undefined,
        });
        const country = REGION.test(code) ? countryOfRegion(code) : undefined;
        return (
          <form class="form" onSubmit={(event) => event.preventDefault()}>
            <Field label="Name">
              <input name="name" value={name} maxLength={maxName}
                onInput={(event) => setName((event.target as HTMLInputElement).value)} />
            </Field>
            <Field label="Region" hint={country
              ? <>{countryName(country)}{countryShape(country) ? '' : ' (too small for the map: shown in the list only)'}</>
              : 'ISO 3166-2, in upper case: ES-CT (Catalonia), DE-BE (Berlin), KE-30 (Nairobi), or a country code alone.'}>
              <input name="region" value={region} maxLength={6} placeholder="ES-CT"
                onInput={(event) => setRegion((event.target as HTMLInputElement).value)} />
            </Field>
            <Field label="Plus Code (optional)" hint="A city-level Open Location Code, such as 8FH49500+, places you more precisely on the map.">
              <input name="plus-code" value={plusCode} maxLength={16}
                onInput={(event) => setPlusCode((event.target as HTMLInputElement).value)} />
            </Field>
            <ProcessPicker value={processes} onChange={setProcesses} />
            <Field label="Facility manifest (optional)" hint="URI or CID of an Open Know-Where manifest.">
              <input name="facility-manifest" value={facility} maxLength={maxUri}
                onInput={(event) => setFacility((event.target as HTMLInputElement).value)} />
            </Field>
            <TxButton label="Register" tx={tx} onSuccess={() => navigate('#/map')} />
          </form>
        );
      }} />
    </section>
  );
}
