// The world map, drawn offline from world-atlas's country shapes, with a marker per producer.

import { geoGraticule10, geoNaturalEarth1, geoPath } from 'd3-geo';
import { useMemo } from 'preact/hooks';
import { COUNTRIES } from '../geo';

export interface Marker {
  key: string;
  /** [longitude, latitude] */
  position: [number, number];
  label: string;
}

interface Props {
  markers: Marker[];
  /** ISO 3166-1 numeric codes of the countries to shade (those with producers). */
  shaded: Set<string>;
  selected: string | undefined;
  onSelect(key: string): void;
}

const WIDTH = 960;
const HEIGHT = 500;
/** Markers that would sit on one spot are spread on a circle this wide, in pixels. */
const SPREAD = 9;
/** Up to this many markers get their name written beside them. */
const MAX_LABELLED = 12;

const projection = geoNaturalEarth1().fitExtent([[4, 4], [WIDTH - 4, HEIGHT - 4]], { type: 'Sphere' });
const path = geoPath(projection);

export function WorldMap({ markers, shaded, selected, onSelect }: Props) {
  const countries = useMemo(() => COUNTRIES.map((country) => ({
    id: String(country.id), name: country.properties.name, d: path(country) ?? '',
  })), []);
  const placed = spread(markers);
  const labels = placed.length <= MAX_LABELLED ? placeLabels(placed) : new Map<string, Label>();
  return (
    <svg class="world-map" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img"
      aria-label={`World map with ${markers.length} producers`}>
      <path class="sphere" d={path({ type: 'Sphere' }) ?? ''} />
      <path class="graticule" d={path(geoGraticule10()) ?? ''} />
      {countries.map((country) => (
        <path key={country.id} d={country.d} class={shaded.has(country.id) ? 'country shaded' : 'country'}>
          <title>{country.name}</title>
        </path>
      ))}
      {placed.map(({ marker, x, y }) => (
        <g key={marker.key} class={marker.key === selected ? 'marker selected' : 'marker'}
          data-producer={marker.key} role="button" tabIndex={0} aria-label={marker.label}
          onClick={() => onSelect(marker.key)}
          onKeyDown={(event) => { if (event.key === 'Enter') onSelect(marker.key); }}>
          <title>{marker.label}</title>
          <circle cx={x} cy={y} r={marker.key === selected ? 7 : 5.5} />
          {labels.has(marker.key) && <MarkerLabel x={x} y={y} label={labels.get(marker.key)!} text={marker.label} />}
        </g>
      ))}
    </svg>
  );
}

interface Label {
  /** Where the text starts (its left end, or its right end when `anchor` is `end`). */
  x: number;
  /** The text's baseline. */
  y: number;
  anchor: 'start' | 'end';
}

function MarkerLabel({ x, y, label, text }: { x: number; y: number; label: Label; text: string }) {
  const moved = Math.abs(label.y - LABEL_BASELINE - y) > 1;
  const lineEnd = label.anchor === 'start' ? label.x - 2 : label.x + 2;
  return (
    <>
      {moved && <line class="marker-leader" x1={x} y1={y} x2={lineEnd} y2={label.y - LABEL_BASELINE} />}
      <text x={label.x} y={label.y} text-anchor={label.anchor} class="marker-label">{text}</text>
    </>
  );
}

/** Font size of the labels, and how far below a label's middle its baseline is. */
const LABEL_HEIGHT = 15;
const LABEL_BASELINE = 4;
const CHAR_WIDTH = 6.9;

/**
 * Places each label beside its marker, to the right or, if that overlaps a label already placed
 * or leaves the map, to the left, moving it up or down a line at a time until it is free.
 */
function placeLabels(placed: Array<{ marker: Marker; x: number; y: number }>): Map<string, Label> {
  const boxes: Array<{ left: number; right: number; top: number; bottom: number }> = [];
  const labels = new Map<string, Label>();
  const overlaps = (box: typeof boxes[number]) => box.left < 0 || box.right > WIDTH
    || boxes.some((other) => box.left < other.right && other.left < box.right
      && box.top < other.bottom && other.top < box.bottom);
  for (const { marker, x, y } of [...placed].sort((a, b) => a.y - b.y)) {
    const width = marker.label.length * CHAR_WIDTH;
    const shifts = [0, -1, 1, -2, 2, -3, 3, -4, 4].map((step) => step * LABEL_HEIGHT);
    const candidates = shifts.flatMap((dy) => [
      { anchor: 'start' as const, x: x + 9, y: y + dy, left: x + 8, right: x + 10 + width },
      { anchor: 'end' as const, x: x - 9, y: y + dy, left: x - 10 - width, right: x - 8 },
    ]);
    const free = candidates.find((candidate) => !overlaps({
      left: candidate.left, right: candidate.right,
      top: candidate.y - LABEL_HEIGHT / 2, bottom: candidate.y + LABEL_HEIGHT / 2,
    })) ?? candidates[0]!;
    boxes.push({ left: free.left, right: free.right, top: free.y - LABEL_HEIGHT / 2, bottom: free.y + LABEL_HEIGHT / 2 });
    labels.set(marker.key, { x: free.x, y: free.y + LABEL_BASELINE, anchor: free.anchor });
  }
  return labels;
}

/** Screen positions of the markers, fanning out those that share a spot. */
function spread(markers: Marker[]): Array<{ marker: Marker; x: number; y: number }> {
  const bySpot = new Map<string, Marker[]>();
  for (const marker of markers) {
    const spot = marker.position.join(',');
    bySpot.set(spot, [...(bySpot.get(spot) ?? []), marker]);
  }
  return [...bySpot.values()].flatMap((group) => group.map((marker, index) => {
    const [x, y] = projection(marker.position) ?? [0, 0];
    if (group.length === 1) return { marker, x, y };
    const angle = (2 * Math.PI * index) / group.length;
    return { marker, x: x + SPREAD * Math.cos(angle), y: y + SPREAD * Math.sin(angle) };
  }));
}
