// The map of producers: each placed at its Plus Code when it gives a full one, else in its
// country (the ISO 3166 country of its region), with its processes and record; filtered by a
// process, or by the processes a chosen design needs (`#/map?design=<id>`, linked from each
// design's page).

import { useState } from 'preact/hooks';
import { allProducers, type ProducerEntry } from '../chain/queries';
import type { ProcessName } from '../chain/types';
import { PROCESS_LABELS, PROCESSES } from '../ui/labels';
import { text } from '../format';
import { countryAnchor, countryName, countryOfRegion, countryShape, decodePlusCode } from '../geo';
import { useChainData, useSession } from '../session';
import { Address, ProcessList, Show } from '../ui/common';
import { WorldMap, type Marker } from '../ui/WorldMap';

export function MapView({ design: designParam }: { design: string | null }) {
  const { account } = useSession();
  const [process, setProcess] = useState<ProcessName | ''>('');
  const [design, setDesign] = useState(designParam ?? '');
  const designId = /^\d+$/.test(design.trim()) ? Number(design.trim()) : undefined;
  const producers = useChainData(async ({ chain }, at) => {
    const [list, needed] = await Promise.all([
      allProducers(chain.api, at),
      designId === undefined ? undefined : chain.api.apis.DesignRegistryApi.design(designId, { at }),
    ]);
    return { list, needed };
  }, [designId]);
  const [selected, setSelected] = useState<string>();
  return (
    <section>
      <div class="view-head">
        <h1>Producers</h1>
        <a class="button primary" href="#/producers/new">Register as a producer</a>
      </div>
      <p class="lead">Workshops, farms, bakeries and cooperatives that make open designs locally.</p>
      <form class="inline-form map-filters" onSubmit={(event) => event.preventDefault()}>
        <label class="field">
          <span class="field-label">Process</span>
          <select name="process" value={process}
            onChange={(event) => setProcess((event.target as HTMLSelectElement).value as ProcessName | '')}>
            <option value="">Any process</option>
            {PROCESSES.map((name) => <option key={name} value={name}>{PROCESS_LABELS[name]}</option>)}
          </select>
        </label>
        <label class="field">
          <span class="field-label">Can make design #</span>
          <input name="design" inputMode="numeric" value={design} placeholder="any"
            onInput={(event) => setDesign((event.target as HTMLInputElement).value)} />
        </label>
      </form>
      <Show loaded={producers} render={({ list: all, needed }) => {
        const list = all.filter(({ producer }) => (!process || producer.processes.some((has) => has.type === process))
          && (!needed || needed.processes.every((need) => producer.processes.some((has) => has.type === need.type))));
        const placed = list.map((entry) => ({ entry, position: positionOf(entry) }));
        const markers: Marker[] = placed.flatMap(({ entry, position }) => (position
          ? [{ key: entry.account, position, label: text(entry.producer.name) }] : []));
        const shaded = new Set(list.flatMap(({ producer }) => {
          const shape = countryShape(countryOfRegion(text(producer.region)));
          return shape ? [String(shape.id)] : [];
        }));
        const sorted = [...list].sort((a, b) => text(a.producer.region).localeCompare(text(b.producer.region)));
        return (
          <>
            <p class="muted" data-testid="producers-count">
              {list.length === all.length ? `${all.length} producers` : `${list.length} of ${all.length} producers`}
              {process && <> with {PROCESS_LABELS[process]}</>}
              {needed && <>{process ? ' and' : ''} able to make <a href={`#/designs/${designId}`}>{text(needed.name)}</a> (all its processes)</>}
              {designId !== undefined && !needed && <> · there is no design #{designId}</>}
            </p>
            <div class="map-layout">
              <div class="map-box">
                <WorldMap markers={markers} shaded={shaded} selected={selected} onSelect={setSelected} />
              </div>
              <ul class="producers" aria-label="Producers">
                {sorted.map((entry) => (
                  <ProducerCard key={entry.account} entry={entry} selected={entry.account === selected}
                    mine={entry.account === account?.address} onMap={placed.some((p) => p.entry === entry && p.position)}
                    onSelect={() => setSelected(entry.account)} />
                ))}
                {all.length === 0 && <li class="muted">No producer has registered yet.</li>}
                {all.length > 0 && list.length === 0 && <li class="muted">No producer matches.</li>}
              </ul>
            </div>
          </>
        );
      }} />
    </section>
  );
}

function ProducerCard({ entry, selected, mine, onMap, onSelect }:
  { entry: ProducerEntry; selected: boolean; mine: boolean; onMap: boolean; onSelect(): void }) {
  const { producer } = entry;
  const region = text(producer.region);
  const { record } = producer;
  return (
    <li class={selected ? 'card producer selected' : 'card producer'} data-producer={entry.account}
      onClick={onSelect}>
      <div class="card-title">{text(producer.name)} {mine && <span class="badge">you</span>}</div>
      <div class="card-meta">
        {countryName(countryOfRegion(region))} · <code>{region}</code>
        {producer.plus_code && <> · <code>{text(producer.plus_code)}</code></>}
        {!onMap && <> · not on the map</>}
      </div>
      <ProcessList processes={producer.processes} />
      <div class="record" title="Pledges fulfilled, failed, disputed, defaulted and cancelled">
        {record.fulfilled} fulfilled · {record.failed} failed · {record.disputed} disputed
        · {record.defaulted} defaulted · {record.cancelled} cancelled · {producer.open_pledges} open
      </div>
      <div class="card-meta"><Address address={entry.account} /></div>
    </li>
  );
}

function positionOf({ producer }: ProducerEntry): [number, number] | undefined {
  const fine = producer.plus_code && decodePlusCode(text(producer.plus_code));
  if (fine) return fine;
  const shape = countryShape(countryOfRegion(text(producer.region)));
  return shape && countryAnchor(shape);
}
