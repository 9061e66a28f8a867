// Name lists the NER model ships (src/ner/model/gazetteers, derived from public data packages): resolution uses
// them to be sure a name is a person's (a known given name first) or a city's. Missing lists mean "unknown".
import { normName, readLexicon } from './names.js';

function load(file: string): Set<string> {
  try {
    // Written by `npm run train:ner` in comparison form (normName: "ZURICH" and "Zürich" are "zurich"):
    // normalizing the 27,000 names here cost every run about 15 ms of its start.
    return new Set(readLexicon(`ner/model/gazetteers/${file}`));
  } catch {
    return new Set();
  }
}

const GIVEN = load('given-names.txt');
const CITIES = load('cities.txt');

/** Whether a list of given names is there to ask. */
export const GIVEN_KNOWN = GIVEN.size > 0;

/** True when the word is a known given name, or when no list is there to say (then any name may be one). */
export function isGivenName(word: string): boolean {
  return GIVEN.size === 0 || GIVEN.has(normName(word));
}

export function isCity(name: string): boolean {
  return CITIES.has(normName(name));
}

/** `isCity` of a name already in comparison form (`normName`). */
export function isCityForm(norm: string): boolean {
  return CITIES.has(norm);
}
