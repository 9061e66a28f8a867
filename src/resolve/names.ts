// Name forms: what two spellings of one name have in common once possessives, honorifics, dots and case are gone.
import { readFileSync } from 'node:fs';
import { memoize, memoizeByKind } from '../memo.js';

/**
 * Reads a bundled word list (one entry a line, '#' comments). Paths are relative to src/; the URL goes up to the
 * package root so that the same call works from src/ (tsx, vitest) and from dist/ (compiled), which sit side by side.
 */
export function readLexicon(pathFromSrc: string): string[] {
  const url = new URL(`../../src/${pathFromSrc}`, import.meta.url);
  return readFileSync(url, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

/**
 * What \s matches, for one UTF-16 code unit: tab to carriage return, space, and beyond ASCII the no-break, Unicode
 * space-separator, line and paragraph separator and byte-order characters (test/resolve.test.ts checks every code
 * unit against the regex). For scans of the text around a name or sentence, read in place (no one-character strings).
 */
export function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Text that normalization leaves alone but for case and spacing. */
const PLAIN = /^[A-Za-z0-9 ]*$/;

/**
 * The comparison form of a name: no accents, lower case, no possessive, no dots or quotes, hyphens as spaces,
 * no leading "the". The same normalization as the evaluation kit, so node keys and scoring agree. Cached:
 * coreference asks for the same names' forms again and again.
 */
export const normName = memoize(normalizeName);

/** `normName` without the cache, for lists read once (a gazetteer's forms would only crowd the cache). */
export function normalizeName(name: string): string {
  // Nearly every name is plain ASCII letters, digits and spaces: then only case, "the" and spacing change.
  if (PLAIN.test(name)) {
    const lower = name.toLowerCase();
    // And nearly all of those have one space between words, none around them and no leading "the": then case is all.
    const spaced = lower.startsWith('the ') || lower.includes('  ') || lower.charCodeAt(0) === 32 || lower.charCodeAt(lower.length - 1) === 32;
    return spaced ? lower.replace(/^the\s+/, '').replace(/\s+/g, ' ').trim() : lower;
  }
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2019']s\b/g, '')
    .replace(/[.\u2019'"“”]/g, '')
    .replace(/[-‐–—]/g, ' ')
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const HONORIFICS = new Set(
  'mr mrs ms miss dr prof sir dame lord lady madam mme mlle herr frau sen rep gov gen lt col maj capt sgt rev fr hon sheikh'.split(' '),
);

/** Lowercase words that begin names ("de Vries", "van der Berg", "al-Assad" is one word anyway). */
const NAME_PARTICLES = new Set(['de', 'da', 'di', 'du', 'del', 'della', 'des', 'van', 'von', 'der', 'den', 'la', 'le', 'al', 'el', 'bin', 'ben', 'ibn', 'dos', 'das', 'y', 'wa']);

/** A lowercase word that belongs to a name: a particle, or one written onto the word ("al-Saadani", "d'Estaing"). */
function isParticle(word: string): boolean {
  return NAME_PARTICLES.has(word) || /^(?:al|el|ad|as|ash|at|an|ar|az|ibn|bin|d|l)[-'’]\p{L}/u.test(word);
}

const cleanCached = memoizeByKind((type, text) => cleanOnce(text, type));

/** A name as written minus possessive, honorific and surrounding punctuation ("Mr. Lavrov’s" -> "Lavrov"). */
export function cleanName(text: string, type: string): string {
  return cleanCached(type, text);
}

/**
 * `cleanName` without the cache, for callers that keep their own: a mention's name form (items.ts) is cached by
 * the same type and text, so a second cache there would only be filled, never read.
 */
export function cleanOnce(text: string, type: string): string {
  // Most names are capitalized ASCII words with single spaces ("Tony Blair"): of the rules for clutter, only the
  // leading preposition can change those.
  let s = SIMPLE_NAME.test(text) ? text.replace(LEADING_PREPOSITION, '') : stripClutter(text, type);
  if (type === 'person') {
    for (;;) {
      const m = /^(\p{L}+)\.?\s+(?=\p{Lu})/u.exec(s);
      if (!m || !HONORIFICS.has(m[1]!.toLowerCase())) break;
      s = s.slice(m[0].length);
    }
  }
  if (type === 'organization') s = s.replace(/^the\s+/i, '');
  return s;
}

const SIMPLE_NAME = /^[A-Z][a-z]+(?: [A-Z][a-z]+)*$/;
/** Title-case headings pull prepositions into names: "Rumors Around Lavrov" tags "Around Lavrov". */
const LEADING_PREPOSITION =
  /^(?:About|Above|Across|After|Against|Amid|Among|Around|At|Before|Behind|Beside|Between|Beyond|By|Despite|During|For|From|In|Inside|Into|Near|Of|Off|On|Outside|Over|Since|Through|Toward|Towards|Under|Until|Upon|With|Within|Without)\s+(?=\p{Lu})/u;

/** Possessives, quotes, scores, results-line partners and words glued on around a name. */
function stripClutter(text: string, type: string): string {
  let s = text.replace(/\s+/g, ' ').trim();
  s = s.replace(/\s*[’']s?$/u, '').replace(/^["“‘'()\]]+|["”’'),:;]+$/gu, '').trim();
  // Scores and minutes glued to a name in results tables: "Yorkshire 290", "Zidane 46th".
  s = s.replace(/(?:\s+\d[\d.,/-]*(?:st|nd|rd|th)?)+$/u, '').trim() || s;
  // Results lines "Brazil - Giovanni": the player after the dash, the team or place before it.
  // (A headline in capitals is left whole: coreference trims it against the body.)
  if (/\s(?:[-–]|v\.?|vs\.?)\s/.test(s) && s !== s.toUpperCase()) {
    const parts = s.split(/\s+(?:[-–]|v\.?|vs\.?)\s+/).filter(Boolean);
    s = (type === 'person' ? parts.at(-1) : parts[0]) ?? s;
  }
  s = s.replace(LEADING_PREPOSITION, '');
  // Words glued on that are no part of the name: "Hong Kong-based", "Northern Ireland-born", "Ex-Yankee X",
  // and lowercase words before it ("eastern Nigeria", "mainly-Moslem North Caucasus"), particles apart.
  s = s.replace(/-(?:based|born|listed|owned|led|backed|run|sponsored|made|bound|era|style)$/iu, '');
  s = s.replace(/^(?:ex|former)-\S+\s+(?=\p{Lu})/iu, '');
  for (let m = /^(\p{Ll}[\p{L}-]*)\s+(?=\S)/u.exec(s); m && !isParticle(m[1]!); m = /^(\p{Ll}[\p{L}-]*)\s+(?=\S)/u.exec(s)) {
    s = s.slice(m[0].length);
  }
  // ... and lowercase words after it: "Stansted airport", "Tripoli airport".
  for (let m = /\s+(\p{Ll}[\p{L}-]*)$/u.exec(s); m && !isParticle(m[1]!); m = /\s+(\p{Ll}[\p{L}-]*)$/u.exec(s)) {
    s = s.slice(0, m.index);
  }
  return s;
}

/** Words of a name in comparison form. */
export function nameWords(name: string): string[] {
  const n = normName(name);
  return n ? n.split(' ') : [];
}

const MINOR = new Set(['of', 'the', 'and', 'for', 'de', 'du', 'des', 'la', 'le', 'in', 'on', 'at', 'to', '&']);

/** Letters of an acronym as written ("U.N." -> "UN"), or undefined when the name does not look like one. */
export const acronymLetters = memoize(lettersOfAcronym);

/**
 * `acronymLetters` without the cache, for a caller that keeps the answer itself (a name's facts, facts.ts): the
 * answer takes less than a look-up in a cache of every name, as a lower-case letter settles nearly every name.
 */
export function lettersOfAcronym(name: string): string | undefined {
  for (let k = 0; k < name.length; k++) {
    const c = name.charCodeAt(k);
    if (c >= 97 && c <= 122) return undefined; // a lower-case ASCII letter: no acronym (the test below would say so)
  }
  const s = name.replace(/[.\s]/g, '');
  if (s.length < 2 || s.length > 8) return undefined;
  if (!/^[\p{Lu}&]+$/u.test(s)) return undefined;
  return s.replace(/&/g, '');
}

/**
 * The acronyms a multi-word name can be shortened to: capitals of its words, with and without the minor words
 * ("North Atlantic Treaty Organization" -> NATO; "Bank of England" -> BOE and BE). The array is shared: read it only.
 */
export const acronymsOf = memoize((name: string): readonly string[] => {
  const words = name.replace(/[.,]/g, ' ').split(/[\s-]+/).filter(Boolean);
  if (words.length < 2) return [];
  // Also without a legal-form ending: "Bank Rozwoju Exportu SA" is BRE. The core is the first `core` words.
  let core = words.length;
  while (core > 2 && ORG_SUFFIXES.has(normName(words[core - 1]!))) core--;
  // The capitals of the words, and of the words but the minor ones, for all words and for the core's: one pass.
  let all = '';
  let major = '';
  let allCore = '';
  let majorCore = '';
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    const initial = w[0]!.toUpperCase();
    all += initial;
    if (!MINOR.has(w.toLowerCase())) major += initial;
    if (k + 1 === core) {
      allCore = all;
      majorCore = major;
    }
  }
  const out: string[] = [];
  for (const a of [all, major, allCore, majorCore]) if (a.length >= 2 && !out.includes(a)) out.push(a);
  return out;
});

/** One-word names too generic to stand for a longer organization name ("Ministry", "Party"). */
export const GENERIC_ORG_WORDS = new Set(readLexicon('resolve/lexicons/generic-org-words.txt'));

/** Company suffixes that a short form leaves out ("Dow Chemical Co" = "Dow Chemical"). */
const ORG_SUFFIXES = new Set(readLexicon('resolve/lexicons/org-suffixes.txt').map((s) => normName(s)));

/** An organization name without its trailing legal-form words. */
export const orgCore = memoize((name: string): string => {
  const words = nameWords(name);
  while (words.length > 1 && ORG_SUFFIXES.has(words[words.length - 1]!)) words.pop();
  return words.join(' ');
});

/** Abbreviated words expanded, so "State Dept." and "State Department" compare equal. */
const ABBREVIATIONS = new Map([
  ['dept', 'department'],
  ['govt', 'government'],
  ['univ', 'university'],
  ['assn', 'association'],
  ['intl', 'international'],
  ['natl', 'national'],
  ['min', 'ministry'],
]);

export function expandAbbreviations(norm: string): string {
  const words = norm.split(' ');
  // Most names have no abbreviated word: then the name is its own expansion.
  if (!words.some((w) => ABBREVIATIONS.has(w))) return norm;
  return words.map((w) => ABBREVIATIONS.get(w) ?? w).join(' ');
}

/** Title Case for role names ("foreign minister" -> "Foreign Minister"; short words stay lower). */
export const titleCase = memoize((s: string): string =>
  s
    .toLowerCase()
    .split(' ')
    .map((w, i) => (i > 0 && MINOR.has(w) ? w : w.replace(/(^|-)(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase())))
    .join(' ')
    .replace(/\bCeo\b/, 'CEO')
    .replace(/\bCfo\b/, 'CFO')
    .replace(/\bCoo\b/, 'COO')
    .replace(/\bCto\b/, 'CTO'),
);
