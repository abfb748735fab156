// Where producers are on the world map, offline: country shapes from world-atlas (Natural Earth
// 1:110m), ISO 3166 codes from i18n-iso-countries, and Plus Codes decoded here.

import { geoArea, geoCentroid } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlas from 'world-atlas/countries-110m.json';

countries.registerLocale(english);

export type CountryShape = Feature<Polygon | MultiPolygon, { name: string }>;

const topology = atlas as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;

/** The countries of the world, each with its ISO 3166-1 numeric code as `id`. */
export const COUNTRIES = (feature(topology, topology.objects.countries) as
  FeatureCollection<Polygon | MultiPolygon, { name: string }>).features as CountryShape[];

const byNumeric = new Map(COUNTRIES.map((country) => [String(country.id), country]));

/** The country of a region code: `ES-CT` → `ES`. */
export function countryOfRegion(region: string): string {
  return region.slice(0, 2).toUpperCase();
}

/** The English name of a country given by its ISO 3166-1 alpha-2 code. */
export function countryName(alpha2: string): string {
  return countries.getName(alpha2, 'en', { select: 'official' }) ?? alpha2;
}

/** The shape of a country on the map; `undefined` for countries too small for a 1:110m map. */
export function countryShape(alpha2: string): CountryShape | undefined {
  const numeric = countries.alpha2ToNumeric(alpha2);
  return numeric ? byNumeric.get(numeric) : undefined;
}

/**
 * Where to put a marker for a country: the centre of its largest land mass (so that France's is
 * in Europe, not pulled towards French Guiana). [longitude, latitude].
 */
export function countryAnchor(shape: CountryShape): [number, number] {
  if (shape.geometry.type === 'Polygon') return geoCentroid(shape);
  const largest = shape.geometry.coordinates
    .map((coordinates): Polygon => ({ type: 'Polygon', coordinates }))
    .reduce((best, polygon) => (geoArea(polygon) > geoArea(best) ? polygon : best));
  return geoCentroid(largest);
}

const PLUS_CODE_ALPHABET = '23456789CFGHJMPQRVWX';
/** The size in degrees of the cell each pair of a Plus Code's first ten digits narrows to. */
const PAIR_RESOLUTIONS = [20, 1, 0.05, 0.0025, 0.000125];

/**
 * The centre of a full Plus Code (Open Location Code), such as `8FH495PF+29` or the padded
 * `8FH49500+`, as [longitude, latitude]; `undefined` for a short code (which needs a reference
 * place) or anything else.
 */
export function decodePlusCode(code: string): [number, number] | undefined {
  const upper = code.toUpperCase();
  if (upper.indexOf('+') !== 8) return undefined;
  const digits = upper.replace('+', '').replace(/0+$/, '');
  if (digits.length < 2 || (digits.length < 8 && digits.length % 2 !== 0)) return undefined;
  let latitude = -90;
  let longitude = -180;
  let resolution = PAIR_RESOLUTIONS[0]!;
  for (let pair = 0; pair < Math.floor(Math.min(digits.length, 10) / 2); pair++) {
    const latDigit = PLUS_CODE_ALPHABET.indexOf(digits[2 * pair]!);
    const lngDigit = PLUS_CODE_ALPHABET.indexOf(digits[2 * pair + 1]!);
    if (latDigit < 0 || lngDigit < 0) return undefined;
    resolution = PAIR_RESOLUTIONS[pair]!;
    latitude += latDigit * resolution;
    longitude += lngDigit * resolution;
  }
  return [longitude + resolution / 2, latitude + resolution / 2];
}
