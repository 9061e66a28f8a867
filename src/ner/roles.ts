// Roles as mentions of their own: titles such as "Foreign Minister" or "Secretary of State" next to names.
// A title becomes a role mention only when the text ties it to a person (before the name, in an apposition,
// after "is/was", or "X, who heads Y"); `of` names the country or organization the role belongs to.
import { countryName, countryOfModifier, isDemonym } from '../resolve/countries.js';
import { isGivenName } from '../resolve/gazetteers.js';
import { cleanName, GENERIC_ORG_WORDS, isSpace, readLexicon } from '../resolve/names.js';
import { memoize } from '../memo.js';
import type { Doc, Mention, Token } from '../types.js';

const norm = (s: string) => s.toLowerCase().replace(/[’]/g, "'").replace(/-/g, ' ').replace(/\s+/g, ' ').trim();

const TITLES = new Set(readLexicon('ner/lexicons/titles.txt').map(norm));
const MAX_TITLE_WORDS = Math.max(...[...TITLES].map((t) => t.split(' ').length));
/** Every word-prefix of a title ("foreign", "foreign minister"): a look-up stops as soon as none goes on. */
const TITLE_PREFIXES = new Set([...TITLES].flatMap((t) => t.split(' ').map((_, k, w) => w.slice(0, k + 1).join(' '))));
/** A token's normalized text, cached: roles look at every token of every article. */
const normTok = memoize(norm);
/** Plurals of titles ("leaders", "opposition leaders"): every word whose singular() is a title, and no other. */
const PLURAL_TITLES = new Set(
  [...TITLES].flatMap((t) => [`${t}s`, `${t}es`, `${t.slice(0, -1)}ies`].filter((w) => singular(w) === t)),
);

/**
 * What role finding reads of a doc's tokens, kept per token list: findRoles and linkRoles (called again for the
 * same doc) look it up once per call and hand it down, not once per candidate token.
 */
interface TitleTokens {
  text: string;
  toks: Token[];
  /**
   * Whether a title or a "who heads" verb may start at each token, found as asked (see startsTitle): most tokens are
   * in sentences without a person, which findRoles skips.
   */
  starts: Uint8Array;
  /** Each token's normalized text, filled in as asked (title tokens are read again and again). */
  norms: (string | undefined)[];
}

const titleTokensCache = new WeakMap<Token[], TitleTokens>();
function titleTokens(doc: Doc): TitleTokens {
  const toks = doc.tokens;
  let tt = titleTokensCache.get(toks);
  if (!tt) {
    tt = { text: doc.text, toks, starts: new Uint8Array(toks.length), norms: new Array<string | undefined>(toks.length) };
    titleTokensCache.set(toks, tt);
  }
  return tt;
}

const UNKNOWN = 0;
const NO_START = 1;
const MAY_START = 2;

/** Whether a title or a "who heads" verb may start at token i (false past the last token). */
function startsTitle(tt: TitleTokens, i: number): boolean {
  let flag = tt.starts[i];
  if (flag === UNKNOWN) tt.starts[i] = flag = mayOpenAt(tt.text, tt.toks[i]!) ? MAY_START : NO_START;
  return flag === MAY_START;
}

function normAt(tt: TitleTokens, j: number): string {
  return (tt.norms[j] ??= normTok(tt.toks[j]!.text));
}

/**
 * norm() of the tokens [i, end) joined by spaces, built from the tokens' normalized texts: norm() splits at
 * whitespace and joins the words with one space, so the words of the whole are the words of each token in turn.
 */
function normText(tt: TitleTokens, i: number, end: number): string {
  let text = '';
  for (let j = i; j < end; j++) {
    const w = normAt(tt, j);
    if (w) text = text ? `${text} ${w}` : w;
  }
  return text;
}

/** True when a title of the lexicon may start at token i. */
function mayStartTitle(tt: TitleTokens, i: number): boolean {
  const n = normAt(tt, i);
  const sp = n.indexOf(' ');
  return n !== '' && TITLE_PREFIXES.has(sp < 0 ? n : n.slice(0, sp));
}

/**
 * Whether a title or a "who heads" verb may start at this token of `text`. The first characters come from the article
 * text (a token's text is the text between its offsets) rather than from the token's own string: those lie all over
 * the heap, and reading one was most of the time this test took; most tokens need no more.
 */
function mayOpenAt(text: string, tok: Token): boolean {
  // Titles and verbs start with a letter: numbers and punctuation need no look-up.
  const c = text.charCodeAt(tok.start);
  if (c < 65 || (c > 90 && c < 97) || (c > 122 && c < 128)) return false;
  return mayOpenRole(text, tok);
}

/**
 * Whether a title or a "who heads" verb may start at this token of `text`: its first word opens a title, is the
 * plural of a one-word title, or the whole token is a "heads" verb or a bare prefix. Not memoized: for plain words
 * a lower-casing and one set look-up cost less than a cache look-up with a fresh token string.
 */
function mayOpenRole(text: string, tok: Token): boolean {
  // Openers are words of two or more a-z letters (checked where OPENER_SHAPES is built).
  const length = tok.end - tok.start;
  if (length < 2) return false;
  // The first word of a token (which starts with no hyphen or space) starts with the token's first two characters
  // lower-cased; it can be an opener only if those are a-z and some opener starts with them: most tokens fail this
  // before any other test.
  const c0 = lowerAsciiLetter(text.charCodeAt(tok.start));
  const c1 = lowerAsciiLetter(text.charCodeAt(tok.start + 1));
  if (c0 < 0 || c1 < 0) return false;
  const lengths = OPENER_SHAPES[(c0 - 97) * 26 + (c1 - 97)]!;
  if (!lengths) return false;

  // Hyphens and curly apostrophes go through the full normalization.
  if (hasHyphenQuoteOrSpace(text, tok.start, tok.end)) {
    const n = normTok(tok.text);
    const sp = n.indexOf(' ');
    return sp < 0 ? WORD_OPENERS.has(n) || WHOLE_OPENERS.has(n) : WORD_OPENERS.has(n.slice(0, sp));
  }
  // A plain word needs only lower case, letter by letter: it is an opener only if one of that length starts so.
  if (!(lengths & lengthBit(length))) return false;
  const n = tok.text.toLowerCase();
  return WORD_OPENERS.has(n) || WHOLE_OPENERS.has(n);
}

/**
 * The a-z letter (as a char code) that a character lower-cases to, or -1. Besides A-Z and a-z only K, the Kelvin sign,
 * lower-cases to an ASCII letter alone ("İ" gives "i" and a combining dot).
 */
function lowerAsciiLetter(c: number): number {
  if (c === 0x212a) return 107;
  const l = c | 32; // the lower case of an ASCII letter; a-z for nothing else
  return l >= 97 && l <= 122 ? l : -1;
}

/**
 * /[-’\s]/.test() of text[start, end) as a loop over the characters, which costs less for a short token than a regex
 * call (and reads the article text, in cache, not the token's string).
 */
function hasHyphenQuoteOrSpace(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 45 || c === 0x2019 || isSpace(c)) return true;
  }
  return false;
}

/** The token index past the longest lexicon title starting at token i (i when none), growing the key word by word. */
function longestTitleEnd(tt: TitleTokens, i: number, sentEnd: number): number {
  let best = i;
  let key = '';
  const toks = tt.toks;
  for (let j = i; j < sentEnd && j < i + MAX_TITLE_WORDS; j++) {
    const w = normAt(tt, j);
    if (!w) break;
    key = key ? `${key} ${w}` : w;
    // A plural title ("two opposition leaders, A and B") is the title of each person it names.
    // Only in lower case: a capitalized plural is most often a name's word ("Queens Park", "House of Representatives").
    if (key.length > 3 && PLURAL_TITLES.has(key) && /^\p{Ll}/u.test(toks[j]!.text) && !HEAD_VERBS.has(key)) best = j + 1;
    if (!TITLE_PREFIXES.has(key)) break;
    if (TITLES.has(key)) best = j + 1;
  }
  return best;
}

/**
 * "X, who heads Y": the verb names the role. A Map, not an object: the word asked about is a new string, and a
 * property look-up first finds it in V8's table of property names, which cost more than the rest of roleAt's start.
 */
const HEAD_VERBS = new Map<string, string>([
  ['heads', 'head'],
  ['headed', 'head'],
  ['leads', 'leader'],
  ['led', 'leader'],
  ['chairs', 'chair'],
  ['chaired', 'chair'],
  ['runs', 'head'],
  ['directs', 'director'],
  ['manages', 'manager'],
  ['coaches', 'coach'],
  ['captains', 'captain'],
  ['founded', 'founder'],
]);

/** Words between a modifier and its title that belong to neither ("former Russian foreign minister"). */
const ADJECTIVES = new Set(
  ('former acting interim then new outgoing incoming veteran longtime long-time top senior current ex deputy-elect retired powerful ' +
    'influential elected appointed designated jailed exiled ousted detained deposed embattled disgraced celebrated renowned respected').split(' '),
);
// Numbers and "both" determine plural titles: "two opposition leaders, A and B".
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'whose', 'two', 'three', 'four', 'both', 'several']);

const CAPTION_POSITIONS = new Set(['center', 'centre', 'left', 'right', 'front', 'back', 'top', 'bottom']);

export type RolePattern = 'prenominal' | 'apposition' | 'copula' | 'heads' | 'fronted';

/** What ties a role mention to its person, and what it belongs to. */
export interface RoleLink {
  role: Mention;
  person: Mention;
  pattern: RolePattern;
}

interface Found {
  start: number; // token index of the title's first token
  end: number; // token index past the title
  title: string; // canonical (lower-case) title
  of?: string;
  person: Mention;
  pattern: RolePattern;
}

/** Finds role mentions; `names` are the tagger's person/organization/place mentions. */
export function findRoles(doc: Doc, names: Mention[]): Mention[] {
  // Most tokens start no title: their flag rules them out before any other work. (The loop stays small: it is
  // what V8 optimizes first; a role found is recorded apart.)
  const tt = titleTokens(doc);
  splitTitlesFromNames(doc, tt, names);
  const out: Mention[] = [];
  const bySentence = groupBySentence(names);
  for (const s of doc.sentences) {
    const sentNames = bySentence.get(s.index);
    // Every role is tied to a person of its sentence: a sentence that names none (most do not) has no role.
    if (!sentNames || !hasPerson(sentNames)) continue;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      if (!startsTitle(tt, i)) continue;
      const f = roleAt(doc, tt, i, s.tokenEnd, s.tokenStart, sentNames);
      if (!f) continue;
      addRole(doc, s.index, f, names, out);
      i = f.end - 1;
    }
  }
  return out;
}

/** Records a role found as a mention, and drops the names inside it. */
function addRole(doc: Doc, sentence: number, f: Found, names: Mention[], out: Mention[]): void {
  const start = doc.tokens[f.start]!.start;
  const end = doc.tokens[f.end - 1]!.end;
  const m: Mention = { start, end, type: 'role', text: doc.text.slice(start, end), sentence };
  if (f.of) m.of = f.of;
  out.push(m);
  // A portfolio the tagger took for a name ("State for Sport"), or a title word it took for a person ("Prime"
  // of "Prime Minister"), is part of the title, not a name of its own.
  for (let n = names.length - 1; n >= 0; n--) {
    const x = names[n]!;
    if (x.start >= start && x.end <= end) names.splice(n, 1);
  }
}

/** The person each role mention belongs to, found again from the final mention list. */
export function linkRoles(doc: Doc, mentions: Mention[]): RoleLink[] {
  const links: RoleLink[] = [];
  if (!mentions.some((m) => m.type === 'role')) return links;
  const bySentence = groupBySentence(mentions.filter((m) => m.type !== 'role'));
  const tt = titleTokens(doc);
  for (const role of mentions) {
    if (role.type !== 'role') continue;
    const s = doc.sentences[role.sentence];
    const i = tokenStartingAt(doc.tokens, role.start);
    if (!s || i === undefined) continue;
    const names = bySentence.get(role.sentence);
    // No person in the sentence, no person for the role (see findRoles).
    if (!names || !hasPerson(names)) continue;
    const f = roleAt(doc, tt, i, s.tokenEnd, s.tokenStart, names);
    if (f && doc.tokens[f.end - 1]!.end === role.end) links.push({ role, person: f.person, pattern: f.pattern });
  }
  return links;
}

function hasPerson(names: Mention[]): boolean {
  for (const m of names) if (m.type === 'person') return true;
  return false;
}

/** The index of the token that starts at `start` (tokens are in text order), or undefined: a binary search. */
function tokenStartingAt(toks: Token[], start: number): number | undefined {
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  return toks[lo]?.start === start ? lo : undefined;
}

/** Mentions by sentence index, in their order: each sentence's look-ups stay within its own names. */
function groupBySentence(mentions: Mention[]): Map<number, Mention[]> {
  const out = new Map<number, Mention[]>();
  for (const m of mentions) {
    const list = out.get(m.sentence);
    if (list) list.push(m);
    else out.set(m.sentence, [m]);
  }
  return out;
}

/** True when the words are a title of the lexicon ("foreign minister", "spokesman"). */
export function isTitle(text: string): boolean {
  return TITLES.has(norm(text));
}

/** The canonical (lower-case) title of a role mention's text ("Foreign Minister" -> "foreign minister"). */
export const canonicalTitle = memoize((text: string): string => {
  const n = norm(text);
  const verbRole = HEAD_VERBS.get(n);
  if (verbRole !== undefined) return verbRole;
  return !TITLES.has(n) && n.endsWith('s') && TITLES.has(singular(n)) ? singular(n) : n;
});

/** True when a role mention's text is a plural title ("opposition leaders"). */
export function isPluralTitle(text: string): boolean {
  const n = norm(text);
  return !TITLES.has(n) && PLURAL_TITLES.has(n) && !HEAD_VERBS.has(n);
}

/** The singular of a title's last word: "leaders" -> "leader", "secretaries" -> "secretary", "bosses" -> "boss". */
function singular(key: string): string {
  if (/ies$/.test(key)) return `${key.slice(0, -3)}y`;
  if (/(?:ss|sh|ch|x)es$/.test(key)) return key.slice(0, -2);
  return key.slice(0, -1);
}

/** A title found at a token: the token index past it (-1 when none) and its normalized text. */
interface TitleSpan {
  end: number;
  title: string;
}

/** The longest title at token i (with a bare prefix, a compound prefix or a portfolio), within the sentence. */
function titleAt(tt: TitleTokens, i: number, sentEnd: number): TitleSpan {
  const toks = tt.toks;
  let end = -1;
  let title = '';
  const longest = longestTitleEnd(tt, i, sentEnd);
  if (longest > i) {
    end = longest;
    title = normText(tt, i, end);
  }
  // "Vice Prime Minister": a prefix that is no title alone still opens the title after it.
  if (end < 0 && BARE_PREFIXES.has(toks[i]!.text.toLowerCase())) {
    const more = titleEndAt(tt, i + 1, sentEnd);
    if (more > i + 1) {
      end = more;
      title = normText(tt, i, end);
    }
  }
  if (end > 0) {
    // "Deputy Foreign Minister", "Vice Prime Minister": a prefix title before another title is one title.
    if (COMPOUND_PREFIXES.has(title)) {
      const more = titleEndAt(tt, end, sentEnd);
      if (more > end) {
        end = more;
        title = normText(tt, i, end);
      }
    }
    // "Minister of Industry and Trade", "Minister of State for Sport": a portfolio is part of the title.
    const portfolio = portfolioEnd(toks, end, sentEnd, title);
    if (portfolio > end) {
      end = portfolio;
      title = normText(tt, i, end);
    }
  }
  return { end, title };
}

/**
 * The role that starts at token i, if any: a title, or a "who heads" verb, tied to a person. The tests most tokens
 * fail come first and stay in this small function (the one V8 optimizes first); what follows a title found is apart.
 */
function roleAt(doc: Doc, tt: TitleTokens, i: number, sentEnd: number, sentStart: number, names: Mention[]): Found | undefined {
  // Longest title from the lexicon starting at token i; a verb of "who heads" also names a role.
  // Most tokens start no title: one flag per token rules them out.
  if (!startsTitle(tt, i)) return undefined;
  const verb = HEAD_VERBS.get(normAt(tt, i));
  const { end, title } = titleAt(tt, i, sentEnd);
  if (end < 0 && !verb) return undefined;
  // A title inside an organization or place name is part of that name ("Foreign Ministry Press Service"); nor is a
  // word of a person's name a title ("Justice" in "Justice Smith" is; in "Amy Justice" it is not).
  if (insideName(names, doc.tokens[i]!.start)) return undefined;
  return end < 0 ? headsRole(doc, i, verb!, names) : titleRole(doc, tt, i, end, title, sentEnd, sentStart, names);
}

/** Whether `pos` lies in an organization or place name, or inside a person's name past its first character. */
function insideName(names: Mention[], pos: number): boolean {
  for (const m of names) if (m.start <= pos && m.end > pos && (m.type !== 'person' || m.start < pos)) return true;
  return false;
}

/** "X, who heads Y": a person before ", who", an organization or place right after the verb at token i. */
function headsRole(doc: Doc, i: number, verb: string, names: Mention[]): Found | undefined {
  const toks = doc.tokens;
  const tStart = toks[i]!.start;
  const before = doc.text.slice(0, tStart);
  const after = names.find((m) => m.type !== 'person' && m.start >= toks[i]!.end && /^\s*(?:the\s+)?$/i.test(doc.text.slice(toks[i]!.end, m.start)));
  // "X, who heads Y"; "X, the Swiss diplomat who heads Y".
  const person = lastPersonBefore(names, tStart, WHO_GAP, doc);
  if (!person || !after || !/\bwho\s+$/i.test(before)) return undefined;
  return { start: i, end: i + 1, title: verb, of: ofName(after), person, pattern: 'heads' };
}

/** Between a person and the clause that names the role: ", who", ", the Swiss diplomat who". */
const WHO_GAP = /^\s*,[^,;()]{0,60}?\bwho\s+$/i;
/** Between a person and a title after the name: ", ", " (", ", 34, the ". */
const APPOSITION_GAP = /^\s*[,(]\s*(?:\d{1,3}\s*,\s*)?(?:(?:the|a|an|his|her|its|their)\s+)?$/i;
/** Between a person and a title after a verb: " is the ", ", who was named ", " took over as ". */
const COPULA_GAP =
  /^\s*(?:,\s*who\s+)?(?:is|was|has been|had been|became|becomes|remains|remained|will be|served as|serves as|,\s*now|(?:was|is|has been|were|had been)\s+(?:named|appointed|elected|re-elected|enthroned|installed|sworn in|promoted|hired|chosen|confirmed)(?:\s+as)?|(?:takes|took|take|taking)\s+over\s+as)\s+(?:(?:the|a|an|his|her|its|their)\s+)?$/i;

/** The role of the title [i, end) found at token i: what it belongs to, and the person it names (if any). */
function titleRole(doc: Doc, tt: TitleTokens, i: number, end: number, title: string, sentEnd: number, sentStart: number, names: Mention[]): Found | undefined {
  const toks = doc.tokens;
  // What the title belongs to: a modifier before it ("Russian", "U.S.", "Kremlin", "Ford's") or "of Y" after it.
  let of: string | undefined;
  let k = i - 1;
  // Adjectives and up to two lowercase noun modifiers ("banking industry analyst", "democracy leader").
  for (let nouns = 0; k >= sentStart; ) {
    const w = toks[k]!.text;
    if (ADJECTIVES.has(w.toLowerCase())) k--;
    else if (nouns < 2 && isNounModifier(w)) {
      nouns++;
      k--;
    } else break;
  }
  let modStart = k + 1;
  const possessive = k >= sentStart && /^['’]s$/i.test(toks[k]!.text) ? 1 : 0;
  // "the country's finance minister", "the company's chief executive": the owner is a noun, not a name; the
  // country or organization the sentence named last before is the one meant (else `of` stays empty).
  const generic = possessive && k - 2 >= sentStart && /^the$/i.test(toks[k - 2]!.text) ? GENERIC_OWNERS[toks[k - 1]!.text.toLowerCase()] : undefined;
  if (generic) {
    const ownerType = generic;
    const pos = toks[k - 2]!.start;
    const prev = names.filter((m) => m.type === ownerType && m.end <= pos && (ownerType !== 'place' || countryName(cleanName(m.text, m.type)))).at(-1);
    if (prev) of = ofName(prev);
    k -= 2;
    modStart = k + 1;
  }
  const ownerEnd = toks[k - possessive]?.end ?? -1;
  const owner = names.find((m) => m.type !== 'person' && m.end === ownerEnd && m.start >= (toks[sentStart]?.start ?? 0));
  if (generic) {
    // The owner was the noun before "'s": nothing more to read before the title.
  } else if (k >= sentStart && owner) {
    of = ofName(owner);
    modStart = tokenIndexAt(toks, owner.start, k);
  } else if (k >= sentStart) {
    const two = k - 1 >= sentStart && !DETERMINERS.has(toks[k - 1]!.text.toLowerCase()) ? `${toks[k - 1]!.text} ${toks[k]!.text}` : '';
    const c2 = two && (isDemonym(two) || countryName(two)) ? countryOfModifier(two) : undefined;
    const c1 = isDemonym(toks[k]!.text) || /^\p{Lu}/u.test(toks[k]!.text) ? countryOfModifier(toks[k]!.text) : undefined;
    if (c2) {
      of = c2;
      modStart = k - 1;
    } else if (c1) {
      of = c1;
      modStart = k;
    }
  }
  // "its chief executive": the organization the sentence named last before.
  if (!of && !generic && k >= sentStart && /^its$/i.test(toks[k]!.text)) {
    const org = names.filter((m) => m.type === 'organization' && m.end <= toks[k]!.start).at(-1);
    if (org) of = ofName(org);
  }
  // Skip adjectives again before the modifier, so the apposition filler check starts at the phrase start.
  while (modStart - 1 >= sentStart && ADJECTIVES.has(toks[modStart - 1]!.text.toLowerCase())) modStart--;
  if (!of) {
    const afterTitle = toks[end - 1]!.end;
    const ofM = names.find(
      (m) => m.type !== 'person' && m.start > afterTitle && /^\s+(?:of|for|at)\s+(?:the\s+)?$/i.test(doc.text.slice(afterTitle, m.start)),
    );
    if (ofM) of = ofName(ofM);
  }

  // A plural title needs what makes it specific ("two opposition leaders", "Portuguese ministers"): "the two
  // diplomats, A and B" only calls back persons already named.
  if (isPluralTitle(title) && !of && modStart >= i && end - i === 1) return undefined;
  const modPos = toks[modStart]!.start;
  const titleEnd = toks[end - 1]!.end;
  // Before the name: "Foreign Minister Sergey Lavrov", also through a second title ("NATO spokesman Colonel X").
  // ... and through "and" between titles ("chairman and chief executive X").
  let j = end;
  for (;;) {
    const t = titleEndAt(tt, j, sentEnd);
    if (t > j) {
      j = t;
      continue;
    }
    const u = toks[j]?.text.toLowerCase() === 'and' ? titleEndAt(tt, j + 1, sentEnd) : j + 1;
    if (u > j + 1) {
      j = u;
      continue;
    }
    break;
  }
  const nameStart = j > end ? toks[j - 1]!.end : titleEnd;
  const next = names.find((m) => m.start >= nameStart && m.start <= nameStart + 2);
  if (next?.type === 'person' && /^\s*$/.test(doc.text.slice(nameStart, next.start))) {
    return { start: i, end, title, of, person: next, pattern: 'prenominal' } as Found;
  }
  // "Russia's foreign minister, Sergey Lavrov,", "the speaker of the parliament, X," "the envoy to Y, X":
  // a determined title set off before the name.
  const detBefore = !!possessive || !!generic || (modStart - 1 >= sentStart && DETERMINERS.has(toks[modStart - 1]!.text.toLowerCase()));
  // The set-off phrase may run on a few words past the title: "the speaker of the Belarus parliament, X".
  const fronted = names.find(
    (m) => m.start >= titleEnd && /^(?:\s+(?:of|to|for|at|in)\s+[^,;:()"“”]{1,60}?)?\s*,\s*(?:\p{Lu}\p{Ll}{1,4}\.\s*){0,2}$/iu.test(doc.text.slice(titleEnd, m.start)),
  );
  if (fronted?.type === 'person' && detBefore) {
    return { start: i, end, title, of, person: fronted, pattern: 'fronted' } as Found;
  }
  // After the name: "Marco Rubio, the U.S. secretary of state"; "Smith, 34, a defender".
  // Photo captions place people with "left", "right", "center": those are not roles.
  if (CAPTION_POSITIONS.has(title) && /^\s*(?:[,.;)]|$)/.test(doc.text.slice(titleEnd, titleEnd + 2))) return undefined;
  const appo = lastPersonBefore(names, modPos, APPOSITION_GAP, doc);
  if (appo) return { start: i, end, title, of, person: appo, pattern: 'apposition' } as Found;
  // "Smith is the coach", "Smith, who is chairman of ...".
  const cop = lastPersonBefore(names, modPos, COPULA_GAP, doc);
  if (cop) return { start: i, end, title, of, person: cop, pattern: 'copula' } as Found;
  return undefined;
}

/** Titles that make a compound with the title after them: "deputy foreign minister", "vice prime minister". */
const COMPOUND_PREFIXES = new Set(['deputy', 'vice', 'acting', 'first', 'assistant', 'associate', 'interim', 'under', 'co', 'first deputy']);

/** Prefixes that are no title alone but open one: "vice prime minister", "assistant coach". */
const BARE_PREFIXES = new Set(['vice', 'deputy', 'assistant', 'under', 'co']);

/** Words that open a title: a title's first word, or the plural of a one-word title ("leaders": singular() gives "leader"). */
const WORD_OPENERS = new Set([
  ...[...TITLE_PREFIXES].filter((p) => !p.includes(' ')),
  ...[...TITLES].filter((t) => !t.includes(' ')).flatMap((t) => [`${t}s`, `${t}es`, `${t.slice(0, -1)}ies`].filter((w) => singular(w) === t)),
]);
/** Whole tokens that open a role without a title word: "heads" in "X, who heads Y"; "vice" in "Vice Prime Minister". */
const WHOLE_OPENERS = new Set([...HEAD_VERBS.keys(), ...BARE_PREFIXES]);
/** Per first two letters a-z, a bit for each length of the openers starting with them (lengths from 31 share one). */
const OPENER_SHAPES = new Int32Array(26 * 26);
for (const w of [...WORD_OPENERS, ...WHOLE_OPENERS]) {
  if (!/^[a-z]{2,}$/.test(w)) throw new Error(`roles: the opener "${w}" is not a word of two or more a-z, as mayOpenRole assumes`);
  OPENER_SHAPES[(w.charCodeAt(0) - 97) * 26 + (w.charCodeAt(1) - 97)]! |= lengthBit(w.length);
}
function lengthBit(length: number): number {
  return 1 << Math.min(length, 31);
}

/** Nouns that own a title in "the country's finance minister", and the mention type they stand for. */
const GENERIC_OWNERS: Record<string, 'place' | 'organization'> = {
  country: 'place',
  nation: 'place',
  state: 'place',
  kingdom: 'place',
  republic: 'place',
  company: 'organization',
  firm: 'organization',
  group: 'organization',
  club: 'organization',
  party: 'organization',
  bank: 'organization',
  team: 'organization',
  league: 'organization',
  agency: 'organization',
};

/** Titles that take a portfolio ("Minister of Finance"), and the words portfolios are made of. */
const PORTFOLIO_TITLES = /(?:^|\s)(?:minister|ministers|secretary|commissioner|undersecretary|under secretary|minister of state|secretary of state|state secretary|deputy minister|vice minister)$/;
const PORTFOLIO_WORDS = new Set(
  ('affairs agriculture aviation budget civil climate commerce communications consumer culture defence defense development digital ' +
    'economic economy education employment energy environment equality european external family finance fisheries food foreign ' +
    'forestry health heritage higher home housing immigration industry information infrastructure interior internal investment ' +
    'justice labour labor land lands local mines mining national natural planning police public regional research resources ' +
    'rural science security services social sport sports state tourism trade transport treasury water welfare women works youth ' +
    'arts technology innovation small business enterprise veterans overseas cooperation integration').split(' '),
);

/**
 * The token index past a portfolio after a title ("of Industry and Trade", "for Sport", "of State for Sport"):
 * capitalized portfolio words joined by "and", "of", "for", "the". `end` when none follows.
 */
function portfolioEnd(toks: Token[], end: number, sentEnd: number, title: string): number {
  if (!PORTFOLIO_TITLES.test(title)) return end;
  let best = end;
  let j = end;
  while (j < sentEnd && /^(?:of|for)$/i.test(toks[j]!.text)) {
    let k = j + 1;
    if (k < sentEnd && /^the$/i.test(toks[k]!.text)) k++;
    let words = 0;
    while (k < sentEnd) {
      const w = toks[k]!.text;
      if (/^\p{Lu}/u.test(w) && PORTFOLIO_WORDS.has(w.toLowerCase())) {
        words++;
        k++;
      } else if (words > 0 && /^(?:and|&)$/i.test(w) && k + 1 < sentEnd && /^\p{Lu}/u.test(toks[k + 1]!.text) && PORTFOLIO_WORDS.has(toks[k + 1]!.text.toLowerCase())) {
        k++;
      } else break;
    }
    if (!words) break;
    best = k;
    j = k;
  }
  return best;
}

/** Words that end a noun phrase: a lowercase word among them is no modifier of the title after it. */
const STOP = new Set(
  ('said says say told tells met meets and or but with to of in on at for by from as is was are were be been being has have had ' +
    'who whom whose which that this these those after before when while than then also not no its it he she they we you i ' +
    'his her their our my your the a an into over under about against between during without ' +
    'became becomes become remain remains serve serves took takes take make makes made get gets got win wins won beat beats lost ' +
    'lose loses named appointed elected like two three four both several').split(' '),
);

function isNounModifier(w: string): boolean {
  const lw = w.toLowerCase();
  return /^\p{Ll}[\p{Ll}-]*$/u.test(w) && !STOP.has(lw) && !/(?:ed|ly)$/.test(lw) && !TITLES.has(norm(lw));
}

/**
 * The token index past the longest title starting at token i, or i when none starts there. A token without a start
 * flag starts none: a title's first token normalizes to a word-prefix of a title, or to a plural title, whose first
 * word mayOpenRole accepts; the flag spares most tokens the look-ups.
 */
function titleEndAt(tt: TitleTokens, i: number, sentEnd: number): number {
  if (!startsTitle(tt, i)) return i;
  return longestTitleEnd(tt, i, Math.min(sentEnd, tt.toks.length));
}

/** The person named last before `pos`, when the text between them matches `gap` (a pattern without the g flag). */
function lastPersonBefore(names: Mention[], pos: number, gap: RegExp, doc: Doc): Mention | undefined {
  let best: Mention | undefined;
  for (const m of names) if (m.type === 'person' && m.end <= pos && (!best || m.end > best.end)) best = m;
  if (!best) return undefined;
  // The gap may also hold an age or a possessive owner already consumed as modifier; anything else breaks the tie.
  return gap.test(doc.text.slice(best.end, pos)) ? best : undefined;
}

function tokenIndexAt(toks: Token[], start: number, fallback: number): number {
  for (let k = fallback; k >= 0; k--) if (toks[k]!.start === start) return k;
  return fallback;
}

/** The name a role belongs to: countries in their common form, others as written. */
function ofName(m: Mention): string {
  const clean = cleanName(m.text, m.type);
  return (m.type === 'place' ? countryName(clean) : undefined) ?? countryName(clean) ?? clean;
}

/**
 * Taggers trained on corpora whose person spans include titles (GMB) return "President Vladimir Putin" as one
 * person. The title part is a role of its own: the person mention is shortened in place to the name.
 */
function splitTitlesFromNames(doc: Doc, tt: TitleTokens, names: Mention[]): void {
  for (const m of names) if (m.type === 'person') cutLeadingTitles(doc, tt, m);
  // A capitalized title inside a longer name, with a person's name after it: "Springbok scrum-half Joost van der
  // Westhuizen", "Federal Aviation Administration Director Jane Doe" (an organization to the tagger). The name after
  // the title is the mention; for an organization only when it starts with a known given name.
  for (const m of names) if (m.type === 'person' || m.type === 'organization') cutInnerTitle(doc, tt, m);
}

/** "President Vladimir Putin" as one person: the mention starts after its leading titles. */
function cutLeadingTitles(doc: Doc, tt: TitleTokens, m: Mention): void {
  let i = tokenStartingAt(doc.tokens, m.start);
  if (i === undefined) return;
  let cut = -1;
  for (;;) {
    let hit = -1;
    // A token without a title-start flag starts no title (the flag tests a superset of mayStartTitle's words).
    for (let j = doc.tokens[i] && startsTitle(tt, i) && mayStartTitle(tt, i) ? i + MAX_TITLE_WORDS : i; j > i; j--) {
      const t = doc.tokens[j - 1];
      if (!t || t.end >= m.end) continue;
      if (TITLES.has(normText(tt, i, j))) {
        hit = j;
        break;
      }
    }
    if (hit < 0) break;
    cut = hit;
    i = hit;
  }
  if (cut < 0 || !/^\p{Lu}/u.test(doc.tokens[cut]!.text)) return;
  m.start = doc.tokens[cut]!.start;
  m.text = doc.text.slice(m.start, m.end);
}

/** A person's name after a title inside a person or organization mention becomes the mention (see above). */
function cutInnerTitle(doc: Doc, tt: TitleTokens, m: Mention): void {
  const first = tokenStartingAt(doc.tokens, m.start);
  if (first === undefined) return;
  let last = first;
  while (doc.tokens[last + 1] && doc.tokens[last + 1]!.end <= m.end) last++;
  for (let p = m.type === 'organization' ? first : first + 1; p < last; p++) {
    const end = titleEndAt(tt, p, last + 1);
    if (end === p || end > last) continue;
    const rest = doc.tokens.slice(end, last + 1);
    if (!namesPersonAfter(doc, m, p, rest)) continue;
    m.start = rest[0]!.start;
    m.text = doc.text.slice(m.start, m.end);
    m.type = 'person';
    return;
  }
}

/** Whether the tokens after a title at token p of mention m (`rest`) are a person's name. */
function namesPersonAfter(doc: Doc, m: Mention, p: number, rest: Token[]): boolean {
  if (rest.length > 4 || !rest.every((t) => /^\p{Lu}/u.test(t.text) || /^(?:van|von|de|der|da|di|du|del|la|le|bin|al|ibn)$/.test(t.text))) return false;
  // For an organization, the tail must look like a person: a known given name first, or a capitalized title
  // ("King X", "Agency Director X Y") before up to three words none of which names an organization.
  const titleCapitalized = /^\p{Lu}/u.test(doc.tokens[p]!.text);
  const orgWord = rest.some((t) => GENERIC_ORG_WORDS.has(t.text.toLowerCase()) || /^(?:inc|corp|co|ltd|plc|group|bank|news|press)\.?$/i.test(t.text));
  return !(m.type === 'organization' && (orgWord || !((isGivenName(rest[0]!.text) && rest.length >= 2) || (titleCapitalized && rest.length <= 3))));
}
