// Document-level consistency after tagging: a name the tagger found in one place informs the same string
// elsewhere in the article. Rules, in order: join an initial to the surname it belongs to ("P. Simmons"), give
// every occurrence of a string the type most of its occurrences got, tag untagged repeats of a tagged name, and
// read a lone surname of a person named in full as that person.
import type { Doc } from '../types.js';
import type { NameSpan } from './tagger.js';

const PER = 0;
const ORG = 1;
const LOC = 2;
const MISC = 3;
const MAX_KEY_TOKENS = 6;
/** Company legal forms (general-purpose). */
export const LEGAL = new Set(['inc', 'corp', 'corporation', 'ltd', 'plc', 'llc', 'ag', 'sa', 'nv', 'bv', 'spa', 'gmbh', 'co']);

function isInitial(t: string): boolean {
  return t.length === 1 && t !== t.toLowerCase();
}

function startsUpper(t: string): boolean {
  return startsUpperAt(t, 0);
}

/**
 * `startsUpper` of the token starting at text[at]. Loops over many tokens read the article text, not each
 * token's string: the text is read in order, the strings lie all over memory.
 */
function startsUpperAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  return text[at] !== text[at]!.toLowerCase();
}

/** A name span; every span is made here or in the tagger with all fields, so that they share one shape. */
export function nameSpan(first: number, last: number, cls: number, sentence: number, scores?: number[]): NameSpan {
  return { first, last, cls, sentence, scores };
}

/**
 * `isOrgKey(i)` says whether token i is an organization keyword ("Inc", "SpA", "Bank"): the name before it is the
 * organization's short form ("Magna" for "Magna International Inc"). The steps are functions of their own: V8
 * compiles a long function whole, and this one, recompiled as new kinds of articles came, cost more to compile
 * than to run.
 */
export function harmonize(doc: Doc, input: NameSpan[], isOrgKey: (token: number) => boolean = () => false, sports?: SportsPage): NameSpan[] {
  // Per sentence, once: where a dateline's place ends (-1: no dateline).
  const datelines = doc.sentences.map((s) => datelinePlace(doc, s.index));
  if (sports) teamsOnResultLines(doc, input, sports.isCountry, datelines);
  const spans = joinInitials(doc, input);
  placeDatelines(doc, spans, datelines);
  if (spans.length === 0) return spans;
  const { major, written } = settleTypes(doc, spans, datelines, isOrgKey);
  joinLists(doc, spans);
  return addRepeats(doc, spans, major, written);
}

/** A name as written: the texts of tokens [first, last] joined by spaces. */
function tokensText(doc: Doc, first: number, last: number): string {
  const toks = doc.tokens;
  let k = toks[first]!.text;
  for (let i = first + 1; i <= last; i++) k += ' ' + toks[i]!.text;
  return k;
}

/** 1. Initials: "P" "." "Simmons" where the tagger split the name at the period. Returns copies of the spans. */
function joinInitials(doc: Doc, input: NameSpan[]): NameSpan[] {
  const toks = doc.tokens;
  const spans: NameSpan[] = [];
  for (let i = 0; i < input.length; i++) {
    const t = input[i]!;
    const s = nameSpan(t.first, t.last, t.cls, t.sentence, t.scores);
    const dot = toks[s.last + 1];
    const next = input[i + 1];
    if (s.cls === PER && isInitial(toks[s.last]!.text) && dot?.text === '.' && dot.start === toks[s.last]!.end && next && next.first === s.last + 2 && next.sentence === s.sentence) {
      s.last = next.last;
      i++;
    }
    spans.push(s);
  }
  return spans;
}

/**
 * Datelines: the capitalized words opening a line that holds only them and a date name the place the story was
 * filed from ("OSLO 2025-03-14"), whatever the tagger made of them; so does the country or state after their
 * comma ("Austin , Texas 05/01/2024").
 */
function placeDatelines(doc: Doc, spans: NameSpan[], datelines: number[]): void {
  let moved = false;
  for (const sent of doc.sentences) {
    const last = datelines[sent.index]!;
    if (last < 0) continue;
    for (let k = spans.length - 1; k >= 0; k--) {
      const s = spans[k]!;
      if (s.first <= last && s.last >= sent.tokenStart) spans.splice(k, 1);
    }
    spans.push(nameSpan(sent.tokenStart, last, LOC, sent.index));
    const region = datelineRegion(doc, sent.index, last);
    if (region >= 0) {
      for (let k = spans.length - 1; k >= 0; k--) {
        const s = spans[k]!;
        if (s.first <= region && s.last >= last + 2) spans.splice(k, 1);
      }
      spans.push(nameSpan(last + 2, region, LOC, sent.index));
    }
    moved = true;
  }
  if (moved) spans.sort((a, b) => a.first - b.first);
}

/**
 * 2. Majority type per string, names voting whatever their case ("VELMORA" in a capitals headline or table is the
 * "Velmora" of the prose). A dateline ("DENVER 2024-05-01" on a page whose "DENVER" is a team) names the place
 * the story was filed from: it is a place, and neither votes nor is outvoted. Lone surnames of people named in
 * full and short forms of organizations named with a keyword take their full name's type by the same vote.
 * Returns the winning type of each string (lower case) and the names as written.
 */
function settleTypes(
  doc: Doc,
  spans: NameSpan[],
  datelines: number[],
  isOrgKey: (token: number) => boolean,
): { major: Map<string, number>; written: Set<string> } {
  const toks = doc.tokens;
  // Whether a sentence is a headline, found when first asked (few are).
  const headlineOf = new Int8Array(doc.sentences.length).fill(-1);
  const headline = (i: number) => (headlineOf[i] === -1 ? (headlineOf[i] = isHeadline(doc, i) ? 1 : 0) : headlineOf[i]) === 1;
  const n = spans.length;
  const dateline: boolean[] = [];
  const names: string[] = [];
  const keys: string[] = [];
  for (let i = 0; i < n; i++) {
    const s = spans[i]!;
    dateline.push(isDateline(doc, s, datelines[s.sentence]!));
    if (dateline[i]) s.cls = LOC;
    names.push(tokensText(doc, s.first, s.last));
    keys.push(names[i]!.toLowerCase());
  }
  const votes = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    if (dateline[i]) continue;
    const k = keys[i]!;
    let v = votes.get(k);
    if (!v) votes.set(k, (v = [0, 0, 0, 0]));
    addVote(v, spans[i]!);
  }
  const major = new Map<string, number>();
  for (const [k, v] of votes) {
    let best = 0;
    for (let c = 1; c < v.length; c++) if (v[c]! > v[best]!) best = c;
    major.set(k, best);
  }
  // Lone surnames of people named in full.
  // A full name counts three votes for its surname (one in a headline) against the surname's own votes:
  // "Lebed" after "Alexander Lebed" is the man, but a name the tagger glued wrongly once ("Lebed Chechnya")
  // must not turn eight places into people.
  const surnames = new Map<string, number>();
  // Untagged repeats are found only as the name was written: "Kestrel bay" repeats no "KESTREL BAY".
  const written = new Set(names);
  for (let i = 0; i < n; i++) {
    const s = spans[i]!;
    if (s.last > s.first && major.get(keys[i]!) === PER) {
      const weight = headline(s.sentence) ? 1 : 3;
      const k = toks[s.last]!.text.toLowerCase();
      written.add(toks[s.last]!.text);
      surnames.set(k, (surnames.get(k) ?? 0) + weight);
    }
  }
  // Short forms of organizations named in full with a keyword, by the same vote.
  const shortOrgs = new Map<string, number>();
  for (const s of spans) {
    if (s.cls !== ORG || s.last === s.first || !isOrgKey(s.last)) continue;
    let end = s.last;
    while (end > s.first && (isOrgKey(end) || !startsUpper(toks[end]!.text))) end--;
    let k = tokensText(doc, s.first, end);
    // A legal suffix ("Inc", "Ltd") settles it: the article is about that company, and the short form is it.
    const legal = LEGAL.has(toks[s.last]!.text.replace(/\.$/, '').toLowerCase());
    written.add(k);
    k = k.toLowerCase();
    shortOrgs.set(k, (shortOrgs.get(k) ?? 0) + (legal ? 1000 : headline(s.sentence) ? 1 : 3));
  }
  for (let i = 0; i < n; i++) {
    if (dateline[i]) continue;
    const s = spans[i]!;
    const k = keys[i]!;
    const v = votes.get(k)!;
    const m = major.get(k)!;
    if (v[m]! > v[s.cls]!) s.cls = m;
    const full = s.first === s.last ? surnames.get(k) : undefined;
    if (full !== undefined && s.cls !== PER && full + v[PER]! > v[s.cls]!) s.cls = PER;
    const org = shortOrgs.get(k);
    if (org !== undefined && s.cls !== ORG && org + v[ORG]! > v[s.cls]!) s.cls = ORG;
  }
  // Repeats of a known surname or short form take its type.
  for (const k of surnames.keys()) if (!major.has(k)) major.set(k, PER);
  for (const k of shortOrgs.keys()) if (!major.has(k)) major.set(k, ORG);
  return { major, written };
}

/**
 * Names in one list ("Crimea, Donbas and Novorossiya") are of one kind: a single-word name between two names of
 * another, same type is read as their type.
 */
function joinLists(doc: Doc, spans: NameSpan[]): void {
  const toks = doc.tokens;
  for (let i = 1; i + 1 < spans.length; i++) {
    const a = spans[i - 1]!, b = spans[i]!, c = spans[i + 1]!;
    if (b.first !== b.last || a.cls !== c.cls || b.cls === a.cls || a.cls === MISC) continue;
    if (a.sentence !== b.sentence || b.sentence !== c.sentence) continue;
    if (isListGap(toks, a.last + 1, b.first) && isListGap(toks, b.last + 1, c.first)) b.cls = a.cls;
  }
}

/** 3. Untagged repeats of a tagged name (or of a known surname), capitalized as they were. */
function addRepeats(doc: Doc, spans: NameSpan[], major: Map<string, number>, written: Set<string>): NameSpan[] {
  const toks = doc.tokens;
  const covered = new Uint8Array(toks.length);
  for (const s of spans) covered.fill(1, s.first, s.last + 1);
  // A name is token texts joined by spaces (tokens hold no spaces): only a token that opens some written name can
  // start a repeat, and most capitalized tokens open none, which spares them the look-ups below.
  const openers = new Set<string>();
  for (const k of written) {
    const sp = k.indexOf(' ');
    openers.add(sp < 0 ? k : k.slice(0, sp));
  }
  const added: NameSpan[] = [];
  for (const sent of doc.sentences) {
    for (let i = sent.tokenStart; i < sent.tokenEnd; i++) {
      if (covered[i] || !startsUpperAt(doc.text, toks[i]!.start) || !openers.has(toks[i]!.text)) continue;
      let k = '', found = -1, cls = 0;
      for (let j = i; j < sent.tokenEnd && j - i < MAX_KEY_TOKENS && !covered[j]; j++) {
        k = j === i ? toks[j]!.text : k + ' ' + toks[j]!.text;
        const c = written.has(k) ? major.get(k.toLowerCase()) : undefined;
        if (c !== undefined && c !== MISC) (found = j), (cls = c);
      }
      if (found < 0) continue;
      // Only whole names: not glued to a capitalized neighbour the tagger left out.
      const before = i > sent.tokenStart ? toks[i - 1]!.text : '';
      const after = found + 1 < sent.tokenEnd ? toks[found + 1]!.text : '';
      if ((before && startsUpper(before) && i > sent.tokenStart + 1) || (after && startsUpper(after))) continue;
      added.push(nameSpan(i, found, cls, sent.index));
      covered.fill(1, i, found + 1);
      i = found;
    }
  }
  return added.length ? [...spans, ...added].sort((a, b) => a.first - b.first) : spans;
}

/**
 * How many points of tagger score make a class e (2.7) times likelier in a name's vote. The tagger's margin
 * between its class and the next is in the tens for most names (median 54 on news, a quarter under 29, a tenth
 * under 12): 16 lets a clear margin cast nearly a whole vote and a close call split it.
 */
const VOTE_TEMPERATURE = 16;

/**
 * Adds a name's vote for its string's type to `v`: the tagger's belief in each class, a softmax of its class
 * scores, so a name it hesitated over splits its vote and one it was sure of casts it whole: a lone unsure reading
 * does not turn a name read with confidence elsewhere. A name whose class a rule chose against the tagger (a team
 * on a results line, a country standing for its side) or that came from outside the tagger votes wholly for it.
 * Written out for the four classes, into `v`: no array per name.
 */
function addVote(v: number[], s: NameSpan): void {
  const sc = s.scores;
  const own = sc?.[s.cls];
  if (!sc || own === undefined || sc[0]! > own || sc[1]! > own || sc[2]! > own || sc[3]! > own) {
    v[s.cls]! += 1;
    return;
  }
  const e0 = Math.exp((sc[0]! - own) / VOTE_TEMPERATURE), e1 = Math.exp((sc[1]! - own) / VOTE_TEMPERATURE);
  const e2 = Math.exp((sc[2]! - own) / VOTE_TEMPERATURE), e3 = Math.exp((sc[3]! - own) / VOTE_TEMPERATURE);
  const z = e0 + e1 + e2 + e3;
  v[0]! += e0 / z;
  v[1]! += e1 / z;
  v[2]! += e2 / z;
  v[3]! += e3 / z;
}

/** A sports page (results or standings tables, or sports reporting; see sportsLevel in tagger.ts). */
export interface SportsPage {
  /** Tokens [first, last] are exactly a country's name. */
  isCountry: (first: number, last: number) => boolean;
}

/**
 * On a sports page, a place name right before a score on a results or standings line ("Bristol 28 Bath 12",
 * "BOSTON 69 65 .515 5") is a team named after its town: an organization, and so are both names of a line that
 * holds only two names and their scores. A country's name stays a place (a
 * national side, by news convention), and so does a name before a colon (the venue: "Hove : Sussex 363").
 */
function teamsOnResultLines(doc: Doc, spans: NameSpan[], isCountry: SportsPage['isCountry'], datelines: number[]): void {
  const toks = doc.tokens;
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k]!;
    const sent = doc.sentences[s.sentence]!;
    // A line of two names and their scores alone ("Port Vale 2 Oxford 0") is a match of two teams, whatever the
    // tagger made of the names (a golfer's line has more numbers, a tennis player's a country in brackets).
    const o = spans[k + 1];
    if (s.first === sent.tokenStart && o && o.sentence === s.sentence && o.first === s.last + 2 && isNumber(toks[s.last + 1]!.text)) {
      const end = o.last + 2;
      if (end <= sent.tokenEnd && isNumber(toks[o.last + 1]!.text) && (end === sent.tokenEnd || toks[end]!.text === '(')) {
        for (const t of [s, o]) if (t.cls !== MISC && !isCountry(t.first, t.last)) t.cls = ORG;
        continue;
      }
    }
    if (s.cls !== LOC) continue;
    const next = toks[s.last + 1];
    if (s.last + 1 >= sent.tokenEnd || !next || !isNumber(next.text) || datelines[s.sentence]! >= 0) continue;
    let numbers = 0, lowers = 0;
    for (let i = sent.tokenStart; i < sent.tokenEnd; i++) {
      const t = toks[i]!.text;
      if (isNumber(t)) numbers++;
      else if (/^\p{Ll}/u.test(t)) lowers++;
    }
    if (numbers >= 2 && lowers <= 2 && !isCountry(s.first, s.last)) s.cls = ORG;
  }
}

function isNumber(t: string): boolean {
  return /^\d[\d,.:/-]*$/.test(t);
}

/**
 * A place name of a dateline: the place opening it, or the country or state after its comma ("OSLO 2024-05-01",
 * "Austin , Texas 05/01/2024"); `last` is where the sentence's dateline place ends (datelinePlace).
 */
function isDateline(doc: Doc, s: NameSpan, last: number): boolean {
  if (last < 0) return false;
  if (s.first === doc.sentences[s.sentence]!.tokenStart) return s.last === last;
  return s.first === last + 2 && s.last === datelineRegion(doc, s.sentence, last);
}

/** The last token of the country or state after the comma of a dateline whose place ends at `place`, or -1. */
function datelineRegion(doc: Doc, index: number, place: number): number {
  const toks = doc.tokens;
  if (toks[place + 1]?.text !== ',') return -1;
  let i = place + 2;
  while (i < doc.sentences[index]!.tokenEnd && startsUpperAt(doc.text, toks[i]!.start)) i++;
  return i > place + 2 ? i - 1 : -1;
}

/**
 * The last token of the place opening a dateline sentence, or -1: up to four capitalized words, then only a date,
 * perhaps after a comma and a country or state.
 */
function datelinePlace(doc: Doc, index: number): number {
  const sent = doc.sentences[index]!;
  const toks = doc.tokens;
  if (sent.tokenEnd - sent.tokenStart > 16) return -1;
  let j = sent.tokenStart;
  while (j < sent.tokenEnd && startsUpperAt(doc.text, toks[j]!.start)) j++;
  const last = j - 1;
  if (last < sent.tokenStart || last - sent.tokenStart > 3) return -1;
  let i = j;
  if (i < sent.tokenEnd && toks[i]!.text === ',') {
    i++;
    while (i < sent.tokenEnd && startsUpperAt(doc.text, toks[i]!.start)) i++;
  }
  if (i >= sent.tokenEnd) return -1;
  // DATE starts with a digit: most short sentences are ruled out before building the rest of the line.
  const c = toks[i]!.text.charCodeAt(0);
  if (c < 48 || c > 57) return -1;
  const rest = doc.text.slice(toks[i]!.start, toks[sent.tokenEnd - 1]!.end).replace(/\s+/g, '');
  return DATE.test(rest) ? last : -1;
}

/** A date alone: 2024-05-01, 01/05/2024, 1.5.24 (not a score or a standings row: "108-3", "5 1/2"). */
const DATE = /^(?:(?:19|20)\d\d-\d\d?-\d\d?|\d\d?[/.-]\d\d?[/.-](?:19|20)?\d\d)$/;

/** A line of capitalized words (a headline or a title-case line), where capitals say little. */
function isHeadline(doc: Doc, index: number): boolean {
  const s = doc.sentences[index]!;
  let caps = 0, words = 0;
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    const at = doc.tokens[i]!.start;
    const c = doc.text.charCodeAt(at);
    if (c < 65 || (c > 90 && c < 97) || (c > 122 && c < 192)) continue;
    words++;
    if (startsUpperAt(doc.text, at)) caps++;
  }
  return words >= 3 && caps >= words * 0.7;
}

/** Tokens [from, to) are a list separator: a comma, "and" or "or", or a comma then "and"/"or". */
function isListGap(toks: Doc['tokens'], from: number, to: number): boolean {
  if (to - from < 1 || to - from > 2) return false;
  for (let i = from; i < to; i++) {
    const t = toks[i]!.text;
    if (t !== ',' && t !== 'and' && t !== 'or') return false;
  }
  return to - from === 1 || toks[from]!.text === ',';
}
