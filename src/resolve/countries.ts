// Country forms from the world-countries data package: every way of writing a country ("U.S.", "USA",
// "United States of America") leads to its common English name, and demonyms ("Russian") lead to the country
// a role belongs to.
import { createRequire } from 'node:module';
import { memoize } from '../memo.js';
import { normName } from './names.js';

interface CountryRecord {
  name: { common: string; official: string };
  cca2: string;
  cca3: string;
  altSpellings: string[];
  unMember?: boolean;
  independent?: boolean;
  demonyms?: { eng?: { m?: string; f?: string } };
}

const require = createRequire(import.meta.url);
const COUNTRIES = require('world-countries/countries.json') as CountryRecord[];

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

const byForm = new Map<string, string>(); // normalized full form -> common name
const byCode = new Map<string, string>(); // upper-case code as written without dots -> common name
const byDemonym = new Map<string, string>(); // normalized demonym -> common name

// Sovereign states first, so a demonym shared with a territory ("French") names the state.
const ORDERED = [...COUNTRIES].sort((a, b) => Number(!!b.unMember) - Number(!!a.unMember) || Number(!!b.independent) - Number(!!a.independent));

for (const c of ORDERED) {
  const common = c.name.common;
  for (const f of [common, c.name.official, ...c.altSpellings, ...(EXTRA_FORMS[common] ?? [])]) {
    // Two- and three-letter codes are also ordinary words in capitals ("IN", "IT", "NO"): codes only match
    // a tagged name written in capitals, through byCode.
    if (/^[A-Z]{2,3}$/.test(f)) {
      if (!byCode.has(f)) byCode.set(f, common);
    }
    else if (/^[\p{Script=Latin}\s.,'’()-]+$/u.test(f) && !byForm.has(normName(f))) byForm.set(normName(f), common);
  }
  if (!byCode.has(c.cca2)) byCode.set(c.cca2, common);
  if (!byCode.has(c.cca3)) byCode.set(c.cca3, common);
  for (const d of [c.demonyms?.eng?.m, c.demonyms?.eng?.f, ...(EXTRA_DEMONYMS[common] ?? [])]) {
    if (d && !byDemonym.has(normName(d))) byDemonym.set(normName(d), common);
  }
}
for (const [common, forms] of Object.entries(EXTRA_FORMS)) for (const f of forms) byForm.set(normName(f), common);

/** The common name of the country a place name writes ("U.S." -> "United States"), if it is one. */
export const countryName = memoize((text: string): string | undefined => countryOfName(text));

/** `countryName`, given the text's comparison form when the caller has it (`normName(text)`). */
export function countryOfName(text: string, norm?: string): string | undefined {
  const code = text.replace(/\./g, '');
  if (/^[A-Z]{2,3}$/.test(code) && byCode.has(code)) {
    // "US" and "UK" are codes; so are the dotted "U.S." and "U.K.".
    return byCode.get(code);
  }
  return byForm.get(norm ?? normName(text));
}

/** The country a demonym or country modifier names ("Russian" -> "Russia", "U.S." -> "United States"). */
export function countryOfModifier(text: string, norm = normName(text)): string | undefined {
  if (!norm) return undefined;
  const d = byDemonym.get(norm);
  if (d) return d;
  // A country written as a modifier ("Russia Foreign Minister", "U.S. Secretary of State").
  if (/^\p{Lu}/u.test(text)) return countryName(text);
  return undefined;
}

/** The last words of the country forms: a name that ends in none of them is no country however it is cut. */
const FORM_LAST_WORDS = new Set([...byForm.keys()].map((f) => f.slice(f.lastIndexOf(' ') + 1)));

/**
 * False when no text ending in this word can be a country name (`countryName` of "Hamburg Germany" needs
 * "germany" last): normalization keeps a text's last word as the word alone normalizes, so one look decides.
 */
export function mayEndCountryName(word: string): boolean {
  if (/^[A-Z]{2,3}$/.test(word.replace(/\./g, ''))) return true; // a code
  const n = normName(word);
  if (!n.trim()) return true; // normalizes to nothing: the words before it decide
  return FORM_LAST_WORDS.has(n.slice(n.lastIndexOf(' ') + 1));
}

/** True when the word is a demonym (so a capitalized "Russian" before a title is not a name of its own). */
export function isDemonym(text: string): boolean {
  return byDemonym.has(normName(text));
}
