// Mentions as comparable items: the cleaned name, its comparison key and words, and the preferences that choose
// an entity's name and type. Coreference (corefer.ts) joins items; this file says what an item is.
import { canonicalTitle, isTitle } from '../ner/roles.js';
import { memoizeByKind } from '../memo.js';
import type { EntityType, Mention } from '../types.js';
import { countryName, mayEndCountryName } from './countries.js';
import { NameFacts, nameFacts } from './facts.js';
import { isCity } from './gazetteers.js';
import { cleanOnce, expandAbbreviations, nameWords, normName, titleCase } from './names.js';

export interface Item {
  m: Mention;
  type: EntityType;
  name: string; // cleaned form as written (or the country's common name)
  key: string; // comparison form
  words: string[];
  of?: string;
  rule?: string; // how the name form itself was reached (country-form)
  /** The mention's text cleaned as its tagged type reads it (not for roles). */
  cleaned?: string;
  /** What is known of `name`; read through `factsOf`, which follows a name replaced along the way. */
  facts?: NameFacts;
}

/** The facts of the item's current name. */
export function factsOf(it: Item): NameFacts {
  let f = it.facts;
  if (f === undefined || f.name !== it.name) it.facts = f = nameFacts(it.name);
  return f;
}

/** The name a role entity is known by: its title in Title Case, with what it belongs to. */
export function roleName(title: string, of: string | undefined): string {
  return of ? `${titleCase(title)} (${of})` : titleCase(title);
}

/**
 * Names in capitalized headlines run on into the words after them ("GONZALEZ HOMERS TWICE", "SWEDEN BEAT
 * LATVIA"): the tagger has no case to go by. Such a name keeps its longest opening words that the article's
 * body also names (as a whole name or a name's end), or the part before a spaced dash or " v ".
 */
export function trimHeadlineNames(items: Item[]): void {
  // Most articles have no such name: then the body's names need no index, and the work below is not done.
  for (let k = 0; k < items.length; k++) {
    const it = items[k]!;
    if (it.type !== 'role' && it.words.length >= 2 && isCaps(it.m.text)) {
      trimCapsNames(items);
      return;
    }
  }
}

/** `trimHeadlineNames` for an article with a name in capitals of two words or more. */
function trimCapsNames(items: Item[]): void {
  const caps = items.map((it) => it.type !== 'role' && isCaps(it.m.text));
  const body = items.filter((it, k) => it.type !== 'role' && !caps[k]);
  // What each name keeps depends on the name alone: "US" may come up ten times.
  const kept = new Map<string, string | undefined>();
  for (let k = 0; k < items.length; k++) {
    const it = items[k]!;
    if (it.type === 'role' || it.words.length < 2 || !caps[k]) continue;
    let found = kept.get(it.name);
    if (found === undefined && !kept.has(it.name)) kept.set(it.name, (found = keptHead(body, it.name)));
    if (!found || normName(found) === it.key) continue;
    it.name = found;
    it.key = it.type === 'organization' ? expandAbbreviations(normName(found)) : normName(found);
    it.words = normName(found).split(' ');
    it.rule ??= 'headline-trim';
  }
}

/** The longest opening words of a headline name that the body names, in its first segment that has any. */
function keptHead(body: Item[], name: string): string | undefined {
  const segments = name.split(/\s+(?:-|v\.?|vs\.?)\s+/i);
  let found: string | undefined;
  for (const seg of segments) {
    const words = seg.split(/\s+/);
    for (let n = words.length; n >= 1 && !found; n--) {
      const head = words.slice(0, n).join(' ');
      if (namesEnd(body, normName(head))) found = head;
    }
    if (found) break;
  }
  return found;
}

/**
 * Whether one of the names is `form` (a comparison form) or ends in its words. A name's words joined by spaces
 * are its key, so its last words are the key's end after a space: nothing is split or joined per name. (Most
 * articles with a name in capitals have "US" or "UK" there, and the body's names are looked at once or twice.)
 */
function namesEnd(names: Item[], form: string): boolean {
  for (let k = 0; k < names.length; k++) {
    const it = names[k]!;
    if (it.words.length === 0) continue;
    const key = it.key;
    if (key === form || (key.length > form.length && key.endsWith(form) && key.charCodeAt(key.length - form.length - 1) === 0x20)) return true;
  }
  return false;
}

/** True for text in capitals ("SWEDEN BEAT LATVIA"): letters, and none of them lower case. */
function isCaps(t: string): boolean {
  // A lower-case ASCII letter settles it at once, as it does for nearly every name.
  for (let k = 0; k < t.length; k++) {
    const c = t.charCodeAt(k);
    if (c >= 97 && c <= 122) return false;
  }
  return /\p{L}{2}/u.test(t) && t === t.toUpperCase();
}

/** Every item has all the fields, in one order: V8 then gives all items one shape, and the code reading them stays fast. */
export function toItem(m: Mention): Item {
  if (m.type === 'role') {
    const title = canonicalTitle(m.text);
    const name = roleName(title, m.of);
    return { m, type: 'role', name, key: normName(name), words: [title], of: m.of || undefined, rule: undefined, cleaned: undefined, facts: undefined };
  }
  const form = nameForm(m.type, m.text);
  return { m, type: form.type, name: form.name, key: form.key, words: form.words, of: undefined, rule: form.rule, cleaned: form.cleaned, facts: form.facts };
}

/** What a non-role mention's type and text make of it: the same for every mention of that type and text. */
interface NameForm {
  type: EntityType;
  name: string;
  key: string;
  /** Shared by every item of this form: replaced, never changed in place. */
  words: string[];
  rule: string | undefined;
  /** The text cleaned as the mention's type reads it. */
  cleaned: string;
  facts: NameFacts;
}

const nameForm = memoizeByKind((mentionType, text): NameForm => {
  let type = mentionType as EntityType;
  const cleaned = cleanOnce(text, type);
  let name = cleaned;
  let rule: string | undefined;
  // An organization or place the tagger ran on into a title ("U.N. Ambassador"): the name before the title.
  if (type !== 'person') {
    const words = name.split(' ');
    for (let k = Math.max(1, words.length - 3); k < words.length; k++) {
      // The longest title at the end decides; "Office of the Prime Minister" keeps it (no name ends in "of the").
      if (!isTitle(words.slice(k).join(' '))) continue;
      if (/^\p{Lu}/u.test(words[k]!) && !/^(?:of|the|and|for|to|de)$/i.test(words[k - 1]!)) {
        name = words.slice(0, k).join(' ');
        rule = 'title-trimmed';
      }
      break;
    }
  }
  // A bare country is a place, whatever the tagger said ("the U.S. decided" tagged as an organization).
  let country = type !== 'person' ? countryName(name) : undefined;
  // A place written with its country and no comma, as captions do ("Hamburg Germany"): the place itself.
  // Most place names are one word, or end in no country's word: then no cut of them can end in a country.
  const words = type === 'place' && !country ? name.split(' ') : undefined;
  if (words && words.length > 1 && mayEndCountryName(words[words.length - 1]!)) {
    for (let k = 1; k < words.length; k++) {
      const head = words.slice(0, k).join(' ');
      if (countryName(words.slice(k).join(' ')) && isCity(head)) {
        name = head;
        rule = 'country-qualifier';
        country = countryName(name);
        break;
      }
    }
  }
  if (country) {
    if (country !== name) rule = 'country-form';
    name = country;
    type = 'place';
  }
  const norm = normName(name);
  const key = type === 'organization' ? expandAbbreviations(norm) : norm;
  return { type, name, key, words: key ? key.split(' ') : nameWords(name), rule, cleaned, facts: new NameFacts(name, norm) };
});

export function better(a: Item, b: Item): boolean {
  // More words, then more letters; a name written out beats its abbreviation.
  if (a.words.length !== b.words.length) return a.words.length > b.words.length;
  const la = factsOf(a).letters;
  const lb = factsOf(b).letters;
  if (la !== lb) return la > lb;
  return a.m.start < b.m.start && a.name !== b.name ? false : a.name < b.name;
}

/** The type of a group of items (indexes into `items`): what most of them say, persons winning ties. */
export function majorityType(items: Item[], group: readonly number[]): EntityType {
  // Most entities are of one type throughout; then that type wins whatever the rules below say.
  const first = items[group[0]!]!.type;
  let k = 1;
  while (k < group.length && items[group[k]!]!.type === first) k++;
  if (k === group.length) return first;
  const its = group.map((i) => items[i]!);
  const count = new Map<EntityType, number>();
  for (const it of its) count.set(it.type, (count.get(it.type) ?? 0) + 1);
  if (count.has('person') && its.some((it) => it.type === 'person' && it.words.length >= 2)) return 'person';
  return [...count].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}
