// Coreference inside one article: which mentions name one entity. Every join keeps the rule that made it.
import { linkRoles, type RoleLink } from '../ner/roles.js';
import type { Doc, LocalEntity, Mention, MergeRecord } from '../types.js';
import { addCreditMentions, creditPartOf, creditParts, creditSentences } from './credits.js';
import { digestHeaders, isDigest } from './digest.js';
import { trimHeadingNames } from './headings.js';
import { better, factsOf, type Item, majorityType, roleName, toItem, trimHeadlineNames } from './items.js';
import { endsWith, MINOR_WORDS, startsWith } from './org-forms.js';
import { GIVEN_KNOWN, isGivenName } from './gazetteers.js';
import { cleanName, expandAbbreviations, GENERIC_ORG_WORDS, isSpace, normName } from './names.js';
import { findRoot } from './union-find.js';

export { roleName };

export interface Coreference {
  entities: LocalEntity[];
  mentionEntity: number[];
  /** Each role mention with the person it names (linkRoles), found here once for the relation finders too. */
  links: RoleLink[];
}

const OUTLET_NOUNS = '(?:news agency|newspaper|daily|weekly|news weekly|agency|magazine|broadcaster|television|tv|radio|news channel|network|website|tabloid)';
const OUTLET_AFTER = new RegExp(`^\\s+${OUTLET_NOUNS}\\b`, 'iu');
const OUTLET_BEFORE = new RegExp(`\\b${OUTLET_NOUNS}\\s+$`, 'iu');

// The loops below index their arrays rather than use for-of: in a run of a few thousand articles most of this
// code runs as V8 baseline code, where for-of costs an iterator call per element. For the same reason each step is
// a function of its own, and work most articles need not do (credits, digests, bracketed short forms, role owners)
// is in functions called only when needed: in such a run V8's optimizing compiles cost more than they save, and it
// compiles only the functions that run long, each as large as the code that ran in it.

export function corefer(doc: Doc, mentions: Mention[]): Coreference {
  const credits = creditSentences(doc);
  if (credits.length) addCreditMentions(doc, mentions, credits);
  trimHeadingNames(doc, mentions);
  const items: Item[] = mentions.map(toItem);
  trimHeadlineNames(items);
  retypeByContext(doc, items, credits);
  // Roles stay roles, and no other item becomes one: their indexes hold through every step below.
  const roles = indexesOfType(items, 'role');
  const joins = new Joins(items);
  joinSameKey(items, joins);
  joinPersons(doc, items, joins);
  joinOrganizations(doc, items, joins);
  joinPlaces(items, joins);
  // 6a. A role's owner is named as the article names that entity in full: "Special Envoy (UN)" and "Special
  //     Envoy (United Nations)" are one role when the article joins "UN" to "United Nations".
  if (roles.some((r) => items[r]!.of)) resolveRoleOwners(items, roles, joins.find);
  const links = linkRoles(doc, mentions);
  const attached = links.length ? joinHeldRoles(mentions, items, joins, links) : NO_ITEMS;
  joinSameRoles(items, roles, attached, joins);
  return toEntities(items, joins, links);
}

/**
 * Union-find over an article's items. Each item keeps the rule that first joined it to another (or the rule that
 * formed its name); coreference steps are separate functions over one such structure.
 */
class Joins {
  private readonly parent: number[];
  readonly rule: (string | undefined)[];

  constructor(items: Item[]) {
    this.parent = items.map((_, i) => i);
    this.rule = items.map((it) => it.rule);
  }

  /** The root of item i's group. */
  readonly find = (i: number): number => findRoot(this.parent, i);

  readonly join = (child: number, target: number, why: string): void => {
    const a = this.find(child);
    const b = this.find(target);
    if (a === b) return;
    this.parent[a] = b;
    this.rule[child] ??= why;
  };
}

/**
 * Types that the words around a name decide: outlets, photo credits, a press digest's section heads. Each is a step
 * of its own: most articles have no credit and are no digest, and the loops that every article runs stay small.
 */
function retypeByContext(doc: Doc, items: Item[], credits: readonly number[]): void {
  let outlets = retypeOutlets(doc.text, items);
  if (credits.length) retypeCredits(doc, items, credits);
  if (isDigest(doc)) outlets = retypeDigestHeaders(doc, items) || outlets;
  if (outlets) spreadOutlets(items);
}

/**
 * A name beside an outlet noun is an organization, whatever the tagger said ("the daily Zycie Warszawy",
 * "Interfax news agency", "the official newspaper Granma"). True when one was found.
 */
function retypeOutlets(text: string, items: Item[]): boolean {
  let found = false;
  for (let nIt = 0; nIt < items.length; nIt++) {
    const it = items[nIt]!;
    if (it.type !== 'person' && it.type !== 'place') continue;
    if (!outletAfter(text, it.m.end) && !outletBefore(text, it.m.start)) continue;
    // A city or country stays a place: "Moscow radio" is a radio of Moscow.
    if (factsOf(it).city || factsOf(it).country) continue;
    it.type = 'organization';
    it.rule ??= 'outlet';
    found = true;
  }
  return found;
}

/** A photo credit names its photographer and agencies by position (see credits.ts); `credits` holds the sentences closing with one. */
function retypeCredits(doc: Doc, items: Item[], credits: readonly number[]): void {
  for (let nIt = 0; nIt < items.length; nIt++) {
    const it = items[nIt]!;
    if (it.type === 'role' || !credits.includes(it.m.sentence)) continue;
    const part = creditPartOf(doc, it.m);
    if (!part) continue;
    if (part.kind === 'photographer') {
      // Only the agency-first form ("AP Photo/Jane Doe") is sure of it; elsewhere the tagger's type stands.
      if (creditParts(doc, it.m.sentence)[0]?.kind === 'agency') it.type = 'person';
      continue;
    }
    it.type = 'organization';
    it.name = part.name;
    it.key = expandAbbreviations(normName(part.name));
    it.words = it.key.split(' ');
    it.rule ??= 'credit-agency';
  }
}

/** In a press digest, the capitalized line that heads a section is a newspaper. True when a name lies in one. */
function retypeDigestHeaders(doc: Doc, items: Item[]): boolean {
  const headers = new Set(digestHeaders(doc));
  let found = false;
  for (let nIt = 0; nIt < items.length; nIt++) {
    const it = items[nIt]!;
    if (it.type !== 'role' && headers.has(it.m.sentence)) {
      // The whole line is the paper's name, however the tagger cut it ("JAKARTA" of "JAKARTA POST").
      const s = doc.sentences[it.m.sentence]!;
      const line = doc.text.slice(s.start, s.end).replace(/[^\p{L}\s'’&.-]/gu, ' ').replace(/\s+/g, ' ').trim();
      it.type = 'organization';
      it.name = line;
      it.key = expandAbbreviations(normName(line));
      it.words = it.key.split(' ');
      it.rule = 'outlet';
      found = true;
    }
  }
  return found;
}

/** Once an outlet, everywhere in the article: "Granma reported... Granma called the novel...". */
function spreadOutlets(items: Item[]): void {
  const outlets = new Set<string>();
  for (let nIt = 0; nIt < items.length; nIt++) {
    const it = items[nIt]!;
    if (it.rule === 'outlet') outlets.add(it.key);
  }
  if (outlets.size === 0) return;
  for (let nIt = 0; nIt < items.length; nIt++) {
    const it = items[nIt]!;
    if (outlets.has(it.key) && (it.type === 'person' || it.type === 'place')) it.type = 'organization';
  }
}

/** Two lower-case ASCII letters as one number, for the outlet nouns' first and last letters below. */
const pairCode = (a: number, b: number): number => ((a | 0x20) << 8) | (b | 0x20);
const pairCodes = (pairs: string) => new Set(pairs.split(' ').map((p) => pairCode(p.charCodeAt(0), p.charCodeAt(1))));
/** How OUTLET_NOUNS begin and end: most names have no such word beside them, which two letters show. */
const OUTLET_OPENINGS = pairCodes('ne da we ag ma br te tv ra ta');
const OUTLET_ENDINGS = pairCodes('cy er ly ne on tv io el rk te id');

/**
 * OUTLET_AFTER on the 30 characters after `end`. The regex runs only when they open with white space and then two
 * letters that can open an outlet noun (or letters beyond ASCII, which case folding may match).
 */
function outletAfter(text: string, end: number): boolean {
  let k = end;
  while (k < text.length && isSpace(text.charCodeAt(k))) k++;
  if (k === end || k + 1 >= text.length) return false;
  const a = text.charCodeAt(k);
  const b = text.charCodeAt(k + 1);
  if (a < 128 && b < 128 && !OUTLET_OPENINGS.has(pairCode(a, b))) return false;
  return OUTLET_AFTER.test(text.slice(end, end + 30));
}

/** OUTLET_BEFORE on the 30 characters before `start`, run only when they end in white space after an outlet noun's last two letters. */
function outletBefore(text: string, start: number): boolean {
  const from = Math.max(0, start - 30);
  let k = start;
  while (k > from && isSpace(text.charCodeAt(k - 1))) k--;
  if (k === start || k - 2 < from) return false;
  const a = text.charCodeAt(k - 2);
  const b = text.charCodeAt(k - 1);
  if (a < 128 && b < 128 && !OUTLET_ENDINGS.has(pairCode(a, b))) return false;
  return OUTLET_BEFORE.test(text.slice(from, start));
}

function joinSameKey(items: Item[], joins: Joins): void {
  const { join } = joins;
  // 1. Same type and same comparison form.
  const byKey = new Map<string, Map<string, number>>(); // type -> key -> first item
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.type === 'role') continue; // roles join by title and owner after step 6, which can give them an owner
    // A bare surname may name different people in one article ("Yeltsin" and his wife): each is resolved on
    // its own in step 3; those left over join by name after it.
    if (it.type === 'person' && it.words.length === 1) continue;
    let ofType = byKey.get(it.type);
    if (!ofType) byKey.set(it.type, (ofType = new Map()));
    const j = ofType.get(it.key);
    if (j === undefined) ofType.set(it.key, i);
    else join(i, j, it.name === items[j]!.name ? 'same-name' : 'same-name-normalized');
  }
}

/** The article's person names in full (two words or more), by their last and by their first word. */
interface FullNames {
  items: Item[];
  find: (i: number) => number;
  full: number[];
  byLast: Map<string, number[]>;
  byFirst: Map<string, number[]>;
}

/**
 * Steps 2 to 3b: persons by full name, surname and given name; one-word names retyped on the way. Each step is a
 * function of its own: V8 compiles the few that run long, and the loops every article runs stay small.
 */
function joinPersons(doc: Doc, items: Item[], joins: Joins): void {
  const full = indexesWhere(items, (it) => it.type === 'person' && it.words.length >= 2);
  // The full names by their last and by their first word: a short form is looked up among the few names it could
  // end or open, not compared with every full name. Words do not change in these steps, so the indexes hold.
  const names: FullNames = {
    items,
    find: joins.find,
    full,
    byLast: groupBy(full, (x) => items[x]!.words.at(-1)!),
    byFirst: groupBy(full, (x) => items[x]!.words[0]!),
  };
  // With no full name, no short form has one to join.
  if (full.length) {
    joinMiddleNames(items, full, joins);
    joinShortNames(names, joins);
  }
  // Steps 3.5 and 3a join nothing, so which items stand alone (no other item joined to them) holds through both;
  // worked out when first asked.
  let aloneList: boolean[] | undefined;
  const alone = (i: number) => (aloneList ??= aloneItems(items, joins.find))[i]!;
  retypeListed(doc, names, alone);
  retypePlaceNames(names, alone);
  joinLooseSurnames(items, joins);
}

/** 2. Full names with a middle name join the first+last form ("Boris Nikolayevich Yeltsin" = "Boris Yeltsin"). */
function joinMiddleNames(items: Item[], full: readonly number[], joins: Joins): void {
  for (let nA = 0; nA < full.length; nA++) {
    const a = full[nA]!;
    const words = items[a]!.words;
    if (words.length < 3) continue;
    const firstLast = `${words[0]} ${words[words.length - 1]}`;
    for (let nB = 0; nB < full.length; nB++) {
      const b = full[nB]!;
      if (items[b]!.key !== firstLast) continue;
      joins.join(b, a, 'middle-name');
      break;
    }
  }
}

/**
 * The full name that `words` (item i's, or a part of them) ends: "Lavrov" -> "Sergey Lavrov". With several full
 * names ending so, not all one entity, the first of them named before item i; none before: undefined.
 */
function surnameOwner(names: FullNames, i: number, words: string[]): number | undefined {
  const { items, find } = names;
  const pool = words.length ? (names.byLast.get(words[words.length - 1]!) ?? NONE) : names.full;
  const start = items[i]!.m.start;
  let first: number | undefined; // the first full name that fits
  let oneEntity = true; // whether all that fit are one entity
  let firstBefore: number | undefined; // the first that fits named before item i
  for (let nX = 0; nX < pool.length; nX++) {
    const x = pool[nX]!;
    const wx = items[x]!.words;
    if (wx.length <= words.length || !endsWith(wx, words)) continue;
    if (first === undefined) first = x;
    else if (oneEntity && find(x) !== find(first)) oneEntity = false;
    if (firstBefore === undefined && items[x]!.m.start < start) firstBefore = x;
  }
  // News names the protagonist in full once and by surname after; a namesake (a relative, a rival) is named
  // in full each time. So the first of them named before the short form wins.
  return oneEntity ? first : firstBefore;
}

/**
 * 3. Surnames and short forms join the full name they end ("Lavrov" -> "Sergey Lavrov"); a one-word place or
 *    organization that is a person's given name or surname becomes that person.
 */
function joinShortNames(names: FullNames, joins: Joins): void {
  const { items, find, byFirst } = names;
  const { join } = joins;
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.words.length === 0) continue;
    if (it.type === 'person' && it.words.length < 3) {
      const owner = surnameOwner(names, i, it.words);
      // A "person" called like a city or country joins only a person sure to be one (a known given name first):
      // "Volgograd" is not the surname of "Rotor Volgograd" (a club the tagger took for a person).
      const placeLike = it.words.length === 1 && (factsOf(it).city || factsOf(it).country);
      if (placeLike && (owner === undefined || !isGivenName(items[owner]!.words[0]!))) continue;
      if (owner !== undefined && it.words.length < items[owner]!.words.length) join(i, owner, 'surname');
      else if (owner === undefined && it.words.length === 1) {
        // A given name alone, or a family name written first ("Wang" of "Wang Donghai"): the unique full name
        // of the article that starts with it.
        const starts = byFirst.get(it.words[0]!) ?? NONE;
        if (starts.length && oneGroup(starts, find)) join(i, starts[0]!, 'first-name');
        else {
          // Several ("Li Song-ho", "Li In-mo"): as for surnames, the first named before it.
          const before = firstBefore(items, starts, it.m.start);
          if (before !== undefined) join(i, before, 'first-name');
        }
      }
      continue;
    }
    if ((it.type !== 'organization' && it.type !== 'place') || it.words.length !== 1 || factsOf(it).country) continue;
    // A one-word place or organization that is the given name of a person named in full in the article
    // ("his wife Naina", tagged as a place, beside "Naina Yeltsin").
    if (!factsOf(it).city) {
      const starts = byFirst.get(it.words[0]!) ?? NONE;
      if (starts.length && oneGroup(starts, find) && !surnameOwner(names, i, it.words)) {
        join(i, starts[0]!, 'first-name-retyped');
        it.type = 'person';
        continue;
      }
    }
    // A one-word organization or place that is the surname of a person of the article is that person,
    // whatever the tagger typed it as ("Lavrov’s proposal" tagged as an organization).
    const owner = surnameOwner(names, i, it.words);
    // Only for a person whose name the text makes sure of (a known given name first), and never for a city:
    // "Real Madrid" tagged as a person must not swallow "Madrid".
    if (owner !== undefined && isGivenName(items[owner]!.words[0]!) && !(it.type === 'place' && factsOf(it).city)) {
      join(i, owner, 'surname-retyped');
      it.type = 'person';
    }
  }
}

/**
 * 3.5 A one-word name inside a list whose neighbours share another type takes theirs: in "Crimea, Donbas and
 *     Novorossiya" all three are places, whatever the tagger made of the middle one.
 */
function retypeListed(doc: Doc, names: FullNames, alone: (i: number) => boolean): void {
  const { items } = names;
  const byStart = indexesWhere(items, (it) => it.type !== 'role');
  // Mentions come in text order but for a few inserted ones; a stable sort is needed only then.
  if (!inTextOrder(items, byStart)) byStart.sort((a, b) => items[a]!.m.start - items[b]!.m.start);
  for (let k = 1; k + 1 < byStart.length; k++) {
    const i = byStart[k]!;
    const it = items[i]!;
    const prev = items[byStart[k - 1]!]!;
    const next = items[byStart[k + 1]!]!;
    if (it.words.length !== 1 || prev.type !== next.type || prev.type === it.type || !alone(i)) continue;
    const before = doc.text.slice(prev.m.end, it.m.start);
    const after = doc.text.slice(it.m.end, next.m.start);
    if (!/^\s*,\s*$/.test(before) || !/^\s*(?:,|,?\s*(?:and|or))\s+$/.test(after)) continue;
    if (it.type === 'person' && surnameOwner(names, i, it.words) !== undefined) continue;
    it.type = prev.type;
    it.rule ??= 'list-type';
  }
}

/**
 * 3a. A "person" whose whole name is a country or a known city, and who is no one's surname here, is that
 *     place ("Zurich", "MONTE CARLO" on datelines and results lines).
 */
function retypePlaceNames(names: FullNames, alone: (i: number) => boolean): void {
  const { items } = names;
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.type !== 'person' || !(factsOf(it).country || factsOf(it).city) || !alone(i)) continue;
    const owner = surnameOwner(names, i, it.words);
    if (owner !== undefined && isGivenName(items[owner]!.words[0]!)) continue;
    if (it.words.length > 1 && isGivenName(it.words[0]!) && GIVEN_KNOWN) continue;
    it.type = 'place';
    it.rule ??= 'place-name';
  }
}

/** 3b. Bare surnames that joined no full name: one entity per name. */
function joinLooseSurnames(items: Item[], joins: Joins): void {
  const { find, join } = joins;
  const loose = new Map<string, number>();
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.type !== 'person' || it.words.length !== 1 || find(i) !== i) continue;
    const j = loose.get(it.key);
    if (j === undefined) loose.set(it.key, i);
    else join(i, j, 'same-name');
  }
}

function joinOrganizations(doc: Doc, items: Item[], joins: Joins): void {
  // 4. Organizations: acronyms to expansions, short forms to the fuller name, legal suffixes dropped.
  const orgs = indexesOfType(items, 'organization');
  // An acronym joins an organization, a bracket follows one, a short form stands for another: with no
  // organization in the article there is nothing to join, and with one no other for a short form.
  if (orgs.length === 0) return;
  joinAcronyms(items, orgs, joins);
  joinBracketed(doc, items, joins);
  if (orgs.length > 1) joinShortForms(doc, items, orgs, joins);
}

/** An acronym ("NATO", "U.N.") joins the one longer name of the article it abbreviates. */
function joinAcronyms(items: Item[], orgs: readonly number[], joins: Joins): void {
  const { find, join } = joins;
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.type === 'role' || it.type === 'person') continue;
    const letters = factsOf(it).acronym;
    if (!letters) continue;
    const expansion = expansionOf(items, orgs, i, letters, find);
    if (expansion !== undefined) {
      join(i, expansion, 'acronym');
      it.type = 'organization';
    }
  }
}

/** The one name of several words among `orgs` (all that fit are one entity) that `letters` abbreviate, other than item i. */
function expansionOf(items: Item[], orgs: readonly number[], i: number, letters: string, find: (i: number) => number): number | undefined {
  let first: number | undefined;
  for (let nX = 0; nX < orgs.length; nX++) {
    const x = orgs[nX]!;
    if (x === i || items[x]!.words.length < 2 || !factsOf(items[x]!).acronyms.includes(letters)) continue;
    if (first === undefined) first = x;
    else if (find(x) !== find(first)) return undefined;
  }
  return first;
}

/** Short forms to the fuller name of the article: legal suffixes dropped, a name's end or head, a party's core. */
function joinShortForms(doc: Doc, items: Item[], orgs: readonly number[], joins: Joins): void {
  const { find, join } = joins;
  // The keys of the article's places and persons, gathered when a one-word name first asks for them.
  let otherTypeKeys: Set<string> | undefined;
  let longest = 0; // words of the longest name
  for (let nX = 0; nX < orgs.length; nX++) longest = Math.max(longest, items[orgs[nX]!]!.words.length);
  // The names by their form without a legal suffix: the loop looks up each name's namesakes.
  const byCore = groupBy(orgs, (x) => factsOf(items[x]!).core);
  // The rules are functions of their own, each a loop over the organizations: V8 compiles each as it gets used.
  for (let nA = 0; nA < orgs.length; nA++) {
    const a = orgs[nA]!;
    const ia = items[a]!;
    const words = ia.words;
    // An acronym was handled above; a word in capitals that ends a longer name is that name in a headline
    // ("RANGERS" of "Texas Rangers").
    if (factsOf(ia).acronym && !endsLongerName(items, orgs, words)) continue;
    const exact = otherEntity(byCore.get(factsOf(ia).core)!, a, find);
    if (exact !== undefined && ia.name.length < items[exact]!.name.length) {
      join(a, exact, 'org-suffix');
      continue;
    }
    // One word stands for a longer name only when it is not a generic word ("Mariners", not "Ministry"), or when
    // it is a definite reference to the one such name of the article: "the Commission", not "the Ministry of ...".
    if (words.length < 2 && GENERIC_ORG_WORDS.has(ia.key)) {
      const ended = definiteReference(doc.text, ia.m) ? soleByWord(items, orgs, 'last', ia.key) : undefined;
      if (ended !== undefined) join(a, ended, 'short-form');
      continue;
    }
    // A company's first word alone ("Mercantile" of "Mercantile Bancorp Inc."), or a party's core ("Labour"
    // of "British Labour Party"): only when one name of the article fits.
    if (words.length === 1) {
      otherTypeKeys ??= keysOfPlacesAndPersons(items);
      const head = headWordOf(items, orgs, a, otherTypeKeys, find);
      if (head !== undefined) {
        join(a, head, 'short-form');
        continue;
      }
    }
    // A one-word name joins only as the end of the longer one ("Mariners"); "Kremlin" is not "Kremlin Pool".
    if (words.length >= longest) continue; // no longer name to join
    const longer = longerNameOf(items, orgs, words, find);
    if (longer !== undefined) join(a, longer, 'short-form');
  }
}

/** Whether a name of several words among `orgs` ends in `words`. */
function endsLongerName(items: Item[], orgs: readonly number[], words: string[]): boolean {
  for (let nX = 0; nX < orgs.length; nX++) {
    const wx = items[orgs[nX]!]!.words;
    if (wx.length > 1 && endsWith(wx, words)) return true;
  }
  return false;
}

/** The first of the listed items that is not `a` and not of a's entity. */
function otherEntity(list: readonly number[], a: number, find: (i: number) => number): number | undefined {
  for (let nX = 0; nX < list.length; nX++) {
    const x = list[nX]!;
    if (x !== a && find(x) !== find(a)) return x;
  }
  return undefined;
}

/** "the Commission", not "the Ministry of ...": "the" before the name, and no "of" or "for" after it. */
function definiteReference(text: string, m: Mention): boolean {
  return /\bthe\s+$/i.test(text.slice(Math.max(0, m.start - 5), m.start)) && !/^\s+(?:of|for)\b/i.test(text.slice(m.end, m.end + 5));
}

/**
 * The one longer organization name (all fits one entity) that one-word name `a` stands for: a company's first word
 * ("Mercantile" of "Mercantile Bancorp Inc."), a party's core ("Labour" of "British Labour Party"), or any
 * organization's distinctive first word ("Brightwater" of "Brightwater Telecom": "Brightwater said", "Brightwater
 * shares rose"), unless the word names a place or person of the article (`otherTypeKeys`), or a country/city; an
 * agency in a photo credit is no such name ("Kremlin" is not "Kremlin Pool").
 */
function headWordOf(items: Item[], orgs: readonly number[], a: number, otherTypeKeys: Set<string>, find: (i: number) => number): number | undefined {
  const ia = items[a]!;
  const facts = factsOf(ia);
  const headOk = !otherTypeKeys.has(ia.key) && !facts.country && !facts.modifierCountry && !facts.city && !MINOR_WORDS.has(ia.key);
  let first: number | undefined;
  for (let nX = 0; nX < orgs.length; nX++) {
    const x = orgs[nX]!;
    const ix = items[x]!;
    if (ix.words.length < 2) continue;
    const fx = factsOf(ix);
    if (!(fx.companyHead === ia.key || fx.coreWord === ia.key || (headOk && ix.words[0] === ia.key && ix.rule !== 'credit-agency'))) continue;
    if (first === undefined) first = x;
    else if (find(x) !== find(first)) return undefined;
  }
  return first;
}

/** The one longer organization name (all that fit are one entity) that ends in `words`, or opens with them when they are several. */
function longerNameOf(items: Item[], orgs: readonly number[], words: string[], find: (i: number) => number): number | undefined {
  let first: number | undefined;
  for (let nX = 0; nX < orgs.length; nX++) {
    const x = orgs[nX]!;
    const wx = items[x]!.words;
    if (!(wx.length > words.length && (endsWith(wx, words) || (words.length > 1 && startsWith(wx, words))))) continue;
    if (first === undefined) first = x;
    else if (find(x) !== find(first)) return undefined;
  }
  return first;
}

function keysOfPlacesAndPersons(items: Item[]): Set<string> {
  const keys = new Set<string>();
  for (let nIt = 0; nIt < items.length; nIt++) {
    const it = items[nIt]!;
    if (it.type === 'place' || it.type === 'person') keys.add(it.key);
  }
  return keys;
}

/** "the Popular Revolutionary Army (EPR)": a short form in brackets right after a name is that name's. */
function joinBracketed(doc: Doc, items: Item[], joins: Joins): void {
  for (let i = 0; i < items.length; i++) {
    const a = items[i]!;
    // Most names are followed by no bracket: one look at the text after the name spares the search.
    if (a.type === 'organization' && opensBracket(doc.text, a.m.end)) joinBracketAfter(doc, items, joins, i);
  }
}

/** `joinBracketed` for item i, an organization followed by "(": the short form in the bracket joins it. */
function joinBracketAfter(doc: Doc, items: Item[], joins: Joins, i: number): void {
  const a = items[i]!;
  const b = items.findIndex((x) => x.m.start > a.m.end && /^\s*\(\s*$/.test(doc.text.slice(a.m.end, x.m.start)));
  const x = items[b];
  if (x && x.type !== 'person' && x.type !== 'role' && factsOf(x).acronym && /^\s*\)/.test(doc.text.slice(x.m.end, x.m.end + 3))) {
    joins.join(b, i, 'bracketed');
    x.type = 'organization';
  }
}

/** Whether white space and then "(" follow `at` in the text (the test /^\s*\(/ would make, without a copy). */
function opensBracket(text: string, at: number): boolean {
  let k = at;
  while (k < text.length && isSpace(text.charCodeAt(k))) k++;
  return k < text.length && text.charCodeAt(k) === 0x28; // '(' (never read past the end: V8 deoptimizes there)
}

function joinPlaces(items: Item[], joins: Joins): void {
  const { join } = joins;
  // 5. Places: "Washington" and "Washington, D.C."; a place written with its region code after it.
  const places = indexesOfType(items, 'place');
  if (places.length < 2) return; // every rule below joins a place to another
  for (let nA = 0; nA < places.length; nA++) {
    const a = places[nA]!;
    const ia = items[a]!;
    const longer = qualifiedPlace(items, places, ia);
    if (longer !== undefined) join(a, longer, 'place-qualified');
    if (ia.words.length === 1) joinPlaceWord(items, places, a, joins);
  }
}

/** A one-word place that stands for the one longer place of the article it ends or opens. */
function joinPlaceWord(items: Item[], places: readonly number[], a: number, joins: Joins): void {
  const ia = items[a]!;
  const facts = factsOf(ia);
  // A lone last word ("Republic" of "Czech Republic", "Lumpur") is the one place of the article it ends, unless
  // it is a country or city of its own ("Guinea", "York").
  if (!facts.country && !facts.city) {
    const ended = soleByWord(items, places, 'last', ia.key);
    if (ended !== undefined) joins.join(a, ended, 'short-form');
  }
  // A lone first word ("Insein" of "Insein Prison") is the one longer place of the article it opens, unless it is
  // a country or city of its own, or a compass word. And "the North" of an article about North Korea: a compass
  // word alone stands for the one place it opens.
  const compass = COMPASS.test(ia.key);
  if (compass || (!facts.country && !facts.modifierCountry && !facts.city && !PLACE_OPENERS.test(ia.key))) {
    const opened = soleByWord(items, places, 'first', ia.key);
    if (opened !== undefined) joins.join(a, opened, 'short-form');
  }
}

/** The first of the places that is place `ia` written with a region code after it ("Washington, D.C."). */
function qualifiedPlace(items: Item[], places: readonly number[], ia: Item): number | undefined {
  for (let nX = 0; nX < places.length; nX++) {
    const x = places[nX]!;
    const ix = items[x]!;
    if (ix.words.length > ia.words.length && startsWith(ix.words, ia.words) && REGION_CODE.test(ix.name.slice(ia.name.length))) return x;
  }
  return undefined;
}

const REGION_CODE = /^[\s,]*(?:\p{Lu}\.){1,3}$/u;
const COMPASS = /^(?:north|south|east|west)$/;
/** First words of place names that stand for no one place ("New", "San", "Lake"). */
const PLACE_OPENERS = /^(?:new|san|santa|st|port|lake|mount|fort)$/;

/**
 * 6. Roles of one person, written fully once and briefly elsewhere ("Secretary of State" of the United States,
 *    then "Secretary Rubio"): the brief form joins the full one, so the person holds one role, not two. Returns
 *    the roles so joined.
 */
function joinHeldRoles(mentions: Mention[], items: Item[], joins: Joins, links: RoleLink[]): Set<number> {
  const { find, join } = joins;
  const attached = new Set<number>();
  const held = new Map<number, number[]>();
  for (let nL = 0; nL < links.length; nL++) {
    const l = links[nL]!;
    const ri = mentions.indexOf(l.role);
    const pi = mentions.indexOf(l.person);
    if (ri < 0 || pi < 0) continue;
    const holder = find(pi);
    const roles = held.get(holder);
    if (roles) roles.push(ri);
    else held.set(holder, [ri]);
  }
  // Each title's words, split once: the loop below compares every pair of one holder's roles.
  const titleWords = new Map<number, string[]>();
  const wordsOf = (r: number) => {
    let ws = titleWords.get(r);
    if (!ws) titleWords.set(r, (ws = items[r]!.words[0]!.split(' ')));
    return ws;
  };
  for (const roles of held.values()) {
    if (roles.length < 2) continue; // a role covers only another of the same holder
    for (let nA = 0; nA < roles.length; nA++) {
      const a = roles[nA]!;
      const ta = wordsOf(a);
      const ofA = items[a]!.of;
      const covering = roles.find((b) => {
        const tb = wordsOf(b);
        if (find(a) === find(b) || !ta.every((w) => tb.includes(w))) return false;
        if (ofA && ofA !== items[b]!.of) return false;
        return tb.length > ta.length || (!ofA && !!items[b]!.of);
      });
      if (covering !== undefined) {
        join(a, covering, 'same-holder');
        attached.add(a);
      }
    }
  }
  return attached;
}

/** 7. Roles with one title and one owner are one role; a bare title given an owner in step 6 stays with it. */
function joinSameRoles(items: Item[], roles: readonly number[], attached: ReadonlySet<number>, joins: Joins): void {
  const roleKey = new Map<string, number>();
  for (let nR = 0; nR < roles.length; nR++) {
    const i = roles[nR]!;
    if (attached.has(i)) continue;
    const key = items[i]!.key;
    const j = roleKey.get(key);
    if (j === undefined) roleKey.set(key, i);
    else joins.join(i, j, 'same-role');
  }
}

/** No items: for steps that found none to pass on. */
const NO_ITEMS: ReadonlySet<number> = new Set();

function toEntities(items: Item[], joins: Joins, links: RoleLink[]): Coreference {
  const { find } = joins;
  // Entities in order of first mention; the fullest form names the entity.
  const groups: number[][] = [];
  // Each group's entity id by its root, an item index (-1: not seen yet).
  const idOf = new Array<number>(items.length).fill(-1);
  const mentionEntity: number[] = [];
  for (let i = 0; i < items.length; i++) {
    const r = find(i);
    let id = idOf[r]!;
    if (id < 0) {
      id = idOf[r] = groups.length;
      groups.push([i]);
    } else groups[id]!.push(i);
    mentionEntity.push(id);
  }
  const entities: LocalEntity[] = [];
  for (let id = 0; id < groups.length; id++) entities.push(toEntity(items, joins.rule, groups[id]!, id));
  return { entities, mentionEntity, links };
}

/** The entity of one group of items. It is made whole at once, its optional `of` last: V8 then gives all one shape. */
function toEntity(items: Item[], rules: readonly (string | undefined)[], mentions: number[], id: number): LocalEntity {
  let best = items[mentions[0]!]!;
  for (let k = 1; k < mentions.length; k++) {
    const it = items[mentions[k]!]!;
    if (better(it, best)) best = it;
  }
  const aliases: string[] = [];
  const merges: MergeRecord[] = [];
  for (let k = 0; k < mentions.length; k++) {
    const i = mentions[k]!;
    const it = items[i]!;
    addAlias(best.name, aliases, merges, it.name, rules[i] ?? 'same-entity');
    // The mention's own text, cleaned as the entity's type reads it: mostly its tagged type, cleaned already.
    const own = it.cleaned !== undefined && it.type === it.m.type ? it.cleaned : cleanName(it.m.text, it.type);
    addAlias(best.name, aliases, merges, own, it.rule ?? 'same-entity');
  }
  // The group's type: what most of its mentions say, persons winning ties (surnames retyped above).
  const e: LocalEntity = { id, type: majorityType(items, mentions), name: best.name, aliases, mentions, merges };
  if (best.of) e.of = best.of;
  return e;
}

/**
 * A form of the entity's name not seen yet (neither its name nor an alias) becomes an alias, with the rule that
 * joined it. An entity has a few forms: a look along the list costs less than a Set per entity.
 */
function addAlias(name: string, aliases: string[], merges: MergeRecord[], form: string, rule: string): void {
  if (form === name || aliases.includes(form)) return;
  aliases.push(form);
  merges.push({ name: form, rule });
}

/**
 * Each role's `of` becomes the fullest name of the organization or place entity it names, when there is one. An
 * article has a role or two with an owner: each looks up its owner's name and entity among the items (which this
 * step does not change), rather than every item being indexed first.
 */
function resolveRoleOwners(items: Item[], roles: readonly number[], find: (i: number) => number): void {
  for (let nR = 0; nR < roles.length; nR++) {
    const it = items[roles[nR]!]!;
    if (!it.of) continue;
    const k = firstOwnerNamed(items, expandAbbreviations(normName(it.of))) ?? firstOwnerNamed(items, normName(it.of));
    if (k === undefined) continue;
    const full = fullestOwner(items, find, find(k));
    if (full.name === it.of) continue;
    it.of = full.name;
    it.m.of = full.name;
    it.name = roleName(it.words[0]!, full.name);
    it.key = normName(it.name);
  }
}

/** The first organization or place item with this key. */
function firstOwnerNamed(items: Item[], key: string): number | undefined {
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.type !== 'role' && it.type !== 'person' && it.key === key) return i;
  }
  return undefined;
}

/** The fullest-named organization or place item of the entity with root `root` (which has one). */
function fullestOwner(items: Item[], find: (i: number) => number, root: number): Item {
  let best: Item | undefined;
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.type === 'role' || it.type === 'person' || find(i) !== root) continue;
    if (!best || better(it, best)) best = it;
  }
  return best!;
}

/** The indexes of the items that pass `test`, in order. */
function indexesWhere(items: Item[], test: (it: Item) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < items.length; i++) if (test(items[i]!)) out.push(i);
  return out;
}

/** The indexes of the items of one type, in order (a loop of its own: no call per item). */
function indexesOfType(items: Item[], type: Item['type']): number[] {
  const out: number[] = [];
  for (let i = 0; i < items.length; i++) if (items[i]!.type === type) out.push(i);
  return out;
}

/** Indexes by a key, each list in the order given. */
function groupBy(xs: readonly number[], keyOf: (x: number) => string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (let nX = 0; nX < xs.length; nX++) {
    const x = xs[nX]!;
    const k = keyOf(x);
    const list = out.get(k);
    if (list) list.push(x);
    else out.set(k, [x]);
  }
  return out;
}

/** An empty list for look-ups that find nothing; never added to. */
const NONE: readonly number[] = [];

/** True when the items of a non-empty list are all in one group. */
function oneGroup(list: readonly number[], find: (i: number) => number): boolean {
  const r = find(list[0]!);
  for (let k = 1; k < list.length; k++) if (find(list[k]!) !== r) return false;
  return true;
}

/** The first of the listed items named before `start`. */
function firstBefore(items: Item[], list: readonly number[], start: number): number | undefined {
  for (let nX = 0; nX < list.length; nX++) {
    const x = list[nX]!;
    if (items[x]!.m.start < start) return x;
  }
  return undefined;
}

/**
 * The first of the listed multi-word names whose first (or last) word is `word`, when all such names are one name
 * (one comparison key); otherwise undefined.
 */
function soleByWord(items: Item[], list: readonly number[], at: 'first' | 'last', word: string): number | undefined {
  let found: number | undefined;
  for (let nX = 0; nX < list.length; nX++) {
    const x = list[nX]!;
    const words = items[x]!.words;
    if (words.length < 2 || (at === 'first' ? words[0] : words[words.length - 1]) !== word) continue;
    if (found === undefined) found = x;
    else if (items[x]!.key !== items[found]!.key) return undefined;
  }
  return found;
}

/** Whether the listed items start in non-decreasing text order. */
function inTextOrder(items: Item[], list: readonly number[]): boolean {
  for (let k = 1; k < list.length; k++) if (items[list[k]!]!.m.start < items[list[k - 1]!]!.m.start) return false;
  return true;
}

/** Which items stand alone: in a group of their own, with no other item joined to them. */
function aloneItems(items: Item[], find: (i: number) => number): boolean[] {
  const size = new Array<number>(items.length).fill(0);
  for (let j = 0; j < items.length; j++) size[find(j)]!++;
  // Built by push from an empty literal: every such list has one V8 map (a list from `map` may have another,
  // and code optimized for one deoptimized on the other).
  const alone: boolean[] = [];
  for (let i = 0; i < items.length; i++) alone.push(find(i) === i && size[i] === 1);
  return alone;
}
