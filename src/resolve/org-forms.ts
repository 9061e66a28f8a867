// Forms of organization names that let a short form stand for a longer one: a company's first word, a party's
// core word, and word-sequence tests on comparison keys.
import { countryName, countryOfModifier } from './countries.js';
import { GENERIC_ORG_WORDS, nameWords, orgCore } from './names.js';

export const MINOR_WORDS = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'at', 'to', '&']);

// Asked through NameFacts (facts.ts), which keeps each name's answers: no cache of their own here.

/** The first word of a company name with a legal form ("mercantile" of "Mercantile Bancorp Inc."). */
export function companyHead(name: string): string | undefined {
  const w = nameWords(name);
  return w.length >= 2 && orgCore(name) !== w.join(' ') ? w[0] : undefined;
}

/** The one word left of a name without its country or demonym and generic words ("labour" of "British Labour Party"). */
export function orgCoreWord(name: string): string | undefined {
  const words = nameWords(name);
  if (words.length < 2) return undefined;
  let core: string | undefined;
  for (const x of words) {
    if (GENERIC_ORG_WORDS.has(x) || MINOR_WORDS.has(x) || countryOfModifier(x) || countryName(x)) continue;
    if (core !== undefined) return undefined; // a second distinctive word: no one word stands for the name
    core = x;
  }
  return core;
}

// Plain loops: coreference runs these over every pair of names of an article.
export function endsWith(words: string[], tail: string[]): boolean {
  const off = words.length - tail.length;
  if (off < 0) return false;
  for (let i = 0; i < tail.length; i++) if (words[off + i] !== tail[i]) return false;
  return true;
}

export function startsWith(words: string[], head: string[]): boolean {
  if (head.length > words.length) return false;
  for (let i = 0; i < head.length; i++) if (words[i] !== head[i]) return false;
  return true;
}
