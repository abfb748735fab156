// The catalogue of designs, searchable by name, tag and process, shown a page at a time: a chain
// may hold tens of thousands of designs, and the page must stay responsive while it searches them.

import { useMemo, useRef, useState } from 'preact/hooks';
import { allDesigns, type Identified } from '../chain/queries';
import type { Design } from '../chain/types';
import { formatPermill, text } from '../format';
import { useChainData } from '../session';
import { ProcessList } from '../ui/common';
import { PROCESS_LABELS, READINESS_LABELS } from '../ui/labels';

/** How many designs the catalogue shows at first, and adds with each “Show more”. */
const PAGE = 60;

export function DesignsView() {
  // The first reading shows designs as they arrive; later ones replace the list when complete.
  const [partial, setPartial] = useState<{ designs: Identified<Design>[]; total: number }>();
  const complete = useRef(false);
  const designs = useChainData(({ chain }, at) => allDesigns(chain.api, at,
    (read, total) => { if (!complete.current) setPartial({ designs: read, total }); }), []);
  if (designs.state === 'ready') complete.current = true;
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState(PAGE);
  const list = designs.state === 'ready' ? designs.value : partial?.designs;
  return (
    <section>
      <div class="view-head">
        <h1>Designs</h1>
        <a class="button primary" href="#/designs/new">Register a design</a>
      </div>
      <p class="lead">Open designs are the global commons: anyone can make them anywhere, and every
        settled production run pays a share back to their makers.</p>
      <input type="search" class="search" placeholder="Search by name, tag or process"
        aria-label="Search designs" value={query}
        onInput={(event) => { setQuery((event.target as HTMLInputElement).value); setShown(PAGE); }} />
      {designs.state === 'failed' && !list && <p class="error">Could not read the chain: {designs.error}</p>}
      {!list ? <p class="muted">Reading the chain…</p> : (
        <>
          {designs.state !== 'ready' && partial && (
            <p class="muted" aria-live="polite" data-testid="catalogue-progress">Reading the catalogue: {partial.designs.length.toLocaleString('en-US')} of {partial.total.toLocaleString('en-US')} designs so far.</p>
          )}
          <Catalogue list={list} total={designs.state === 'ready' ? list.length : partial?.total ?? list.length}
            query={query} shown={shown} onMore={() => setShown(shown + PAGE)} />
        </>
      )}
    </section>
  );
}

/**
 * The designs of `list` matching `query`, the first `shown` of them; `total` is how many the
 * chain holds (more than `list` while the catalogue is still being read).
 */
function Catalogue({ list, total, query, shown, onMore }: {
  list: Identified<Design>[]; total: number; query: string; shown: number; onMore(): void;
}) {
  const searchable = useMemo(() => list.map((entry) => ({ entry, haystack: haystackOf(entry.value) })), [list]);
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const found = words.length
    ? searchable.filter(({ haystack }) => words.every((word) => haystack.includes(word))).map(({ entry }) => entry)
    : list;
  const reading = list.length < total;
  if (total === 0) return <p class="muted">No design is registered yet.</p>;
  if (found.length === 0) {
    return <p class="muted">No design matches “{query}”{reading ? ' among those read so far' : ''}.</p>;
  }
  const count = words.length ? found.length : total;
  return (
    <>
      <p class="muted" data-testid="designs-count">
        {count > shown ? `The first ${shown.toLocaleString('en-US')} of ` : ''}
        {count.toLocaleString('en-US')} {count === 1 ? 'design' : 'designs'}
        {words.length ? ` matching “${query}”${reading ? ' so far' : ''}` : ''}
      </p>
      <ul class="cards" aria-label="Designs">
        {found.slice(0, shown).map(({ id, value }) => (
          <li key={id} class="card">
            <a class="card-title" href={`#/designs/${id}`}>{text(value.name)}</a>
            <div class="card-meta">
              #{id} · {READINESS_LABELS[value.readiness.type]} · {text(value.licences.hardware)}
              {' · '}commons share {formatPermill(value.commons_share)}
              {value.status.type === 'Deprecated' && <span class="badge warn">deprecated</span>}
            </div>
            <ProcessList processes={value.processes} />
            {value.tags.length > 0 && (
              <div class="tags">{value.tags.map((tag) => <span key={text(tag)} class="tag">#{text(tag)}</span>)}</div>
            )}
          </li>
        ))}
      </ul>
      {found.length > shown && (
        <button type="button" class="secondary more" onClick={onMore}>
          Show {Math.min(PAGE, found.length - shown)} more
        </button>
      )}
    </>
  );
}

/**
 * What a search matches each word against: the design's name, tags and processes, in lower
 * case. Worked out once per design read from the chain, not at each keystroke, nor again for
 * the designs already read when the catalogue grows chunk by chunk.
 */
const haystacks = new WeakMap<Design, string>();
function haystackOf(design: Design): string {
  let haystack = haystacks.get(design);
  if (haystack === undefined) {
    haystack = [
      text(design.name),
      ...design.tags.map(text),
      ...design.processes.map((process) => `${PROCESS_LABELS[process.type]} ${process.type}`),
    ].join(' ').toLowerCase();
    haystacks.set(design, haystack);
  }
  return haystack;
}
