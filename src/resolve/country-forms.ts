// Every way of writing a country ("U.S.", "USA", "United States of America") and its demonyms ("Russian"), each
// leading to the country's common English name, derived from the world-countries data package. `npm run train:ner`
// writes them to src/ner/model/gazetteers/country-forms.txt, which countries.ts reads at run time: parsing the
// package's 1.4 MB of JSON and normalizing its forms at every start cost a one-article run about 15 ms.
import { normalizeName } from './names.js';

/** The fields of a world-countries record that the forms come from. */
export interface CountryRecord {
  name: { common: string; official: string };
  cca2: string;
  cca3: string;
  altSpellings: string[];
  unMember?: boolean;
  independent?: boolean;
  demonyms?: { eng?: { m?: string; f?: string } };
}

export interface CountryForms {
  /** Comparison form (normName) of a full form -> common name. */
  forms: Map<string, string>;
  /** Upper-case code as written without dots -> common name. */
  codes: Map<string, string>;
  /** Comparison form of a demonym -> common name. */
  demonyms: Map<string, string>;
}

/** Common English short names the data package leaves out; general usage, not tied to any article. */
const EXTRA_FORMS: Record<string, string[]> = {
  'United States': ['America', 'U.S.A.', 'the States'],
  'United Kingdom': ['Britain', 'U.K.'],
  Netherlands: ['Holland'],
};
const EXTRA_DEMONYMS: Record<string, string[]> = {
  'United States': ['U.S.', 'US', 'American'],
  'United Kingdom': ['British', 'UK', 'U.K.'],
};

export function countryForms(records: readonly CountryRecord[]): CountryForms {
  const forms = new Map<string, string>();
  const codes = new Map<string, string>();
  const demonyms = new Map<string, string>();
  // Sovereign states first, so a demonym shared with a territory ("French") names the state.
  const ordered = [...records].sort((a, b) => Number(!!b.unMember) - Number(!!a.unMember) || Number(!!b.independent) - Number(!!a.independent));
  for (const c of ordered) {
    const common = c.name.common;
    for (const f of [common, c.name.official, ...c.altSpellings, ...(EXTRA_FORMS[common] ?? [])]) {
      // Two- and three-letter codes are also ordinary words in capitals ("IN", "IT", "NO"): codes only match
      // a tagged name written in capitals, through `codes`.
      if (/^[A-Z]{2,3}$/.test(f)) {
        if (!codes.has(f)) codes.set(f, common);
      } else if (/^[\p{Script=Latin}\s.,'’()-]+$/u.test(f)) {
        const key = normalizeName(f);
        if (!forms.has(key)) forms.set(key, common);
      }
    }
    if (!codes.has(c.cca2)) codes.set(c.cca2, common);
    if (!codes.has(c.cca3)) codes.set(c.cca3, common);
    for (const d of [c.demonyms?.eng?.m, c.demonyms?.eng?.f, ...(EXTRA_DEMONYMS[common] ?? [])]) {
      if (!d) continue;
      const key = normalizeName(d);
      if (!demonyms.has(key)) demonyms.set(key, common);
    }
  }
  for (const [common, extra] of Object.entries(EXTRA_FORMS)) for (const f of extra) forms.set(normalizeName(f), common);
  return { forms, codes, demonyms };
}

const KINDS = ['form', 'code', 'demonym'] as const;
const FIELD = { form: 'forms', code: 'codes', demonym: 'demonyms' } as const;

/** The forms as lines of the derived list: kind, key and common name, separated by tabs. */
export function formatCountryForms(f: CountryForms): string[] {
  return KINDS.flatMap((kind) => [...f[FIELD[kind]]].map(([key, common]) => `${kind}\t${key}\t${common}`));
}

/** The forms back from the lines of the derived list (`readLexicon` of it). */
export function parseCountryForms(lines: readonly string[]): CountryForms {
  const f: CountryForms = { forms: new Map(), codes: new Map(), demonyms: new Map() };
  for (const line of lines) {
    const [kind, key, common] = line.split('\t') as [keyof typeof FIELD, string, string];
    f[FIELD[kind]].set(key, common);
  }
  return f;
}
