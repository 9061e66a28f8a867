// Country forms: every way of writing a country ("U.S.", "USA", "United States of America") leads to its common
// English name, and demonyms ("Russian") lead to the country a role belongs to. Derived from the world-countries
// data package (see country-forms.ts).
import { memoize } from '../memo.js';
import { parseCountryForms } from './country-forms.js';
import { normName, readLexicon } from './names.js';

const { forms: byForm, codes: byCode, demonyms: byDemonym } = parseCountryForms(readLexicon('ner/model/gazetteers/country-forms.txt'));

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
