// The view of one article that the relation finders share: per sentence, its named mentions with their
// entities, and helpers to build evidence and to find the persons a pronoun or "the two" points at.
import { canonicalTitle, isTitle, linkRoles, type RoleLink } from '../ner/roles.js';
import { readLexicon } from '../resolve/names.js';
import type { Article, Doc, EntityType, Evidence, LocalEntity, Mention, Span } from '../types.js';
import { foldsLikeAscii } from '../text/matches.js';
import { SAY_OR_MEETING } from './cue-words.js';

export interface NamedMention {
  i: number; // index in mentions
  m: Mention;
  e: number; // entity index
  type: EntityType; // the entity's type (coreference may retype a mention)
}

export interface SentView {
  index: number;
  start: number;
  end: number;
  text: string;
  names: NamedMention[]; // person/organization/place mentions, in text order, credits excluded
  body: NamedMention[]; // the names outside photo credits (shared: never changed in place)
  persons: NamedMention[]; // the persons among them (shared too)
  credits: Span[]; // photo credits inside this sentence
  quotes: Span[]; // quoted speech inside this sentence
  verbs: RegExpExecArray[]; // the verbs of speech (SAY) in this sentence's text
}

export interface Ctx {
  /** Each role mention with the person it names, found once for all the finders. */
  links: RoleLink[];
  /** Each role mention tied to a person: the person it names (for "the minister" later on). */
  holders: { title: string; start: number; person: NamedMention }[];
  doc: Doc;
  article: Article;
  mentions: Mention[];
  entities: LocalEntity[];
  mentionEntity: number[];
  sents: SentView[];
  /** The sentences with two names or more outside photo credits, in order: the only ones a pair of names can link. */
  pairSents: SentView[];
  /** The organizations outside photo credits, in text order: the only names a news organization can be. */
  bodyOrgs: NamedMention[];
  /** The sentences with photo credits, in order. */
  creditSents: SentView[];
  /** The sentences with a meeting cue (a word of MEETING_CUES), in order. */
  meetingSents: SentView[];
  /** The sentences with a verb of speech (SAY), in order. */
  saySents: SentView[];
  /** The article has no ſ nor K: the fast forms of ASCII word patterns may run on it (see asciiWordPattern). */
  asciiFold: boolean;
}

/**
 * An empty list that V8 stores as a list of objects, like the non-empty lists it stands for: an empty literal is
 * stored as a list of small integers, and a reader that V8 optimized on one kind of list drops that code when it
 * meets the other kind (most sentences have no credits: their first one came after the optimizing).
 */
function emptyListOfObjects<T extends object>(): T[] {
  const list: object[] = [{}];
  list.pop();
  return list as T[];
}

/** The names of a sentence that has none (shared: never changed). */
const NO_NAMES = emptyListOfObjects<NamedMention>();
/** The credits or quotes of a sentence that has none (shared: never changed). Most sentences have none. */
const NO_SPANS = emptyListOfObjects<Span>();
/** The verbs of a sentence that has none (shared: never changed). */
const NO_VERBS = emptyListOfObjects<RegExpExecArray>();
/** No sentences (shared: never changed). */
const NO_SENTS = emptyListOfObjects<SentView>();

/** A parenthesis at the end of a caption that credits the photo: "(Name/Agency via AP)", "(AP Photo)". */
const CREDIT = /\(([^()]{2,200})\)\s*$/u;
const CREDIT_BODY = /\bvia\b|\/|\bphoto\b|\bphotograph|\bpicture\b|\bimages?\b|\bcredit\b|\bpool\b|\bfile\b/iu;
/** A line that is a credit on its own: "Photo: AP", "Image credit: Reuters". */
export const CREDIT_LINE = /^(?:(?:photo|image|picture|video)s?(?:\s+credit)?|credit)\s*[:|/]/iu;

export function buildContext(
  doc: Doc,
  mentions: Mention[],
  entities: LocalEntity[],
  mentionEntity: number[],
  article: Article,
  links: RoleLink[] = linkRoles(doc, mentions),
): Ctx {
  const asciiFold = foldsLikeAscii(doc.text);
  const sents: SentView[] = new Array(doc.sentences.length);
  const meetingSents: SentView[] = [];
  const saySents: SentView[] = [];
  const credits = sentenceViews(doc, asciiFold, sents, meetingSents, saySents);
  let pairSents: SentView[] = [];
  let bodyOrgs: NamedMention[] = [];
  placeNames(sents, mentions, entityTypes(entities), mentionEntity, pairSents, bodyOrgs);
  // Photo credits are rare: their sentences are listed, and the names in them set apart from the body, here, not
  // in the loops above (V8 drops the code it optimized for a loop when a branch it never saw taken is taken).
  let creditSents = NO_SENTS;
  if (credits) {
    creditSents = setCreditsApart(sents);
    pairSents = pairSents.filter((s) => s.body.length >= 2);
    bodyOrgs = bodyOrgs.filter((n) => !inCredit(sents[n.m.sentence]!, n.m.start));
  }
  const holders: Ctx['holders'] = [];
  for (let k = 0; k < links.length; k++) {
    const l = links[k]!;
    const named = namedMention(sents[l.person.sentence], mentions.indexOf(l.person));
    if (named) holders.push({ title: canonicalTitle(l.role.text), start: l.role.start, person: named });
  }
  return { links, holders, doc, article, mentions, entities, mentionEntity, sents, pairSents, bodyOrgs, creditSents, meetingSents, saySents, asciiFold };
}

/**
 * The view of each sentence, with its credits, quotes and verbs of speech; and the lists of the sentences with
 * meeting cues and verbs of speech, so that each finder reads only those. Returns how many credits it found.
 * One loop for every sentence, indexed (not map or for-of: it runs mostly before V8 optimizes it, where the
 * iterator protocol costs more than the work), in a small function of its own that compiles fast.
 */
function sentenceViews(doc: Doc, asciiFold: boolean, sents: SentView[], meetingSents: SentView[], saySents: SentView[]): number {
  const cues = asciiFold ? SAY_OR_MEETING.ascii : SAY_OR_MEETING.unicode;
  let credited = 0;
  for (let k = 0; k < sents.length; k++) {
    const s = doc.sentences[k]!;
    const text = doc.text.slice(s.start, s.end);
    // Most sentences quote nobody: three plain searches rule them out before reading quotes.
    const quoted = text.includes('"') || text.includes('“') || text.includes('”');
    // The verbs of speech are the captured matches; any other match is a meeting cue.
    let verbs = NO_VERBS;
    let meeting = false;
    cues.lastIndex = 0;
    for (let m = cues.exec(text); m; m = cues.exec(text)) {
      if (m[1] === undefined) {
        meeting = true;
        continue;
      }
      if (verbs === NO_VERBS) verbs = [];
      verbs.push(m);
    }
    // Every field gets its value here, none later but the names (a field set again after the views are built
    // makes V8 drop the code it compiled for the functions that read it).
    const credits = mayHaveCredit(text, asciiFold) ? creditsOf(text, s.start, s.end) : NO_SPANS;
    const view: SentView = { index: s.index, start: s.start, end: s.end, text, names: NO_NAMES, body: NO_NAMES, persons: NO_NAMES, credits, quotes: quoted ? quoteSpans(text, s.start) : NO_SPANS, verbs };
    sents[k] = view;
    credited += credits.length;
    if (meeting) meetingSents.push(view);
    if (verbs !== NO_VERBS) saySents.push(view);
  }
  return credited;
}

/**
 * False when the sentence can have no photo credit: CREDIT needs a ")" at its end and CREDIT_LINE a p, i, v or c
 * first (in an article without ſ nor K no other letter folds onto those).
 */
function mayHaveCredit(text: string, asciiFold: boolean): boolean {
  if (!asciiFold || text.endsWith(')')) return true;
  const c = text.charCodeAt(0) | 0x20; // lower case for ASCII letters
  return c === 0x70 || c === 0x69 || c === 0x76 || c === 0x63; // p i v c
}

/** The photo credits of a sentence (`text`, from `start` to `end` in the article). */
function creditsOf(text: string, start: number, end: number): Span[] {
  // CREDIT ends the sentence with ")", and a sentence ends with its last token: test one character first.
  const c = text.endsWith(')') ? CREDIT.exec(text) : null;
  const caption = c !== null && CREDIT_BODY.test(c[1]!);
  const line = CREDIT_LINE.test(text);
  if (!caption && !line) return NO_SPANS;
  const credits: Span[] = [];
  if (caption) credits.push([start + c.index, end]);
  if (line) credits.push([start, end]);
  return credits;
}

/**
 * The type of each entity. Entities come in more than one shape (their optional fields), and the first of a new
 * shape to reach placeNames' optimized loop made V8 drop it: the one loop that meets them all is this small one.
 */
function entityTypes(entities: LocalEntity[]): (EntityType | undefined)[] {
  const types: (EntityType | undefined)[] = [];
  for (let k = 0; k < entities.length; k++) types.push(entities[k]?.type);
  return types;
}

/** The sentences with photo credits, whose names in a credit leave their body and persons. */
function setCreditsApart(sents: SentView[]): SentView[] {
  const out: SentView[] = [];
  for (const s of sents) {
    if (!s.credits.length) continue;
    out.push(s);
    if (s.names === NO_NAMES) continue;
    s.body = s.names.filter((n) => !inCredit(s, n.m.start));
    const persons = s.body.filter((n) => n.type === 'person');
    s.persons = persons.length ? persons : NO_NAMES;
  }
  return out;
}

/** The name of the sentence that is mention `i`, if any. */
function namedMention(s: SentView | undefined, i: number): NamedMention | undefined {
  if (!s) return undefined;
  for (let k = 0; k < s.names.length; k++) if (s.names[k]!.i === i) return s.names[k];
  return undefined;
}

/**
 * Puts each person, organization and place mention in its sentence's lists: all names, those outside photo credits
 * (the body: all of them here, see setCreditsApart) and the persons among them; and lists the sentences with two
 * body names or more (`pairSents`) and the body organizations (`bodyOrgs`), so that the finders skip the rest. (A small function of its own: the one
 * loop of buildContext over all mentions is what V8 optimizes, and a small function compiles fast.)
 */
function placeNames(
  sents: SentView[],
  mentions: Mention[],
  types: (EntityType | undefined)[],
  mentionEntity: number[],
  pairSents: SentView[],
  bodyOrgs: NamedMention[],
): void {
  // Mentions come sorted, so the lists come in text order; were they not, the lists are sorted at the end.
  let sorted = true;
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    const e = mentionEntity[i]!;
    const type = types[e] ?? m.type;
    if (type === 'role' || m.type === 'role') continue;
    const s = sents[m.sentence];
    if (!s) continue;
    const n: NamedMention = { i, m, e, type };
    // A list made with its first name holds one (a list made empty grows by 17 on its first push), and most
    // sentences name one or two.
    if (s.names === NO_NAMES) {
      s.names = [n];
      // The body is all the names: one list (setCreditsApart makes it apart in the rare sentences with credits).
      s.body = s.names;
    } else s.names.push(n);
    if (s.names.length === 2) {
      if (pairSents.length && pairSents[pairSents.length - 1]!.index > s.index) sorted = false;
      pairSents.push(s);
    }
    if (type === 'organization') {
      if (bodyOrgs.length && bodyOrgs[bodyOrgs.length - 1]!.m.sentence > m.sentence) sorted = false;
      bodyOrgs.push(n);
    }
    if (type !== 'person') continue;
    if (s.persons === NO_NAMES) s.persons = [n];
    else s.persons.push(n);
  }
  if (!sorted) {
    pairSents.sort((a, b) => a.index - b.index);
    // The order the finders met them in before: by sentence, then in mention order (a stable sort keeps that).
    bodyOrgs.sort((a, b) => a.m.sentence - b.m.sentence);
  }
}

/**
 * "The minister", "the spokesman" before `pos`: the person last named with that title before it, in this
 * sentence or up to four before. Undefined when the text named nobody so.
 */
/** True when a title holder was named from `from` to before `pos` (a loop: this runs for most verbs of speech). */
function holderBetween(ctx: Ctx, from: number, pos: number): boolean {
  for (let k = 0; k < ctx.holders.length; k++) if (ctx.holders[k]!.start < pos && ctx.holders[k]!.start >= from) return true;
  return false;
}

export function resolveTitleAnaphor(ctx: Ctx, sent: number, pos: number): NamedMention | undefined {
  const s = ctx.sents[sent]!;
  const from = ctx.sents[Math.max(0, sent - 4)]!.start;
  // Without a title holder named in reach before `pos`, there is no one to find: skip reading the words.
  if (!holderBetween(ctx, from, pos)) return undefined;
  const before = ctx.doc.text.slice(s.start, pos).replace(/(?:\s+(?:also|later|then|has|had|again|have))+\s*$/iu, ' ');
  const m = /\b[Tt]he\s+((?:\p{Ll}[\p{Ll}-]*\s+){0,2}\p{Ll}[\p{Ll}-]*)\s*$/u.exec(before);
  if (!m || !isTitle(m[1]!)) return undefined;
  const title = canonicalTitle(m[1]!);
  const at = s.start + m.index;
  const hit = ctx.holders.filter((h) => h.start < at && h.start >= from && (h.title === title || h.title.endsWith(` ${title}`))).at(-1);
  return hit?.person;
}

const QUOTE = /[“”"]/gu;
/** Punctuation, then the straight quote: it closes ('..., " he said'). */
const PUNCTUATION_BEFORE = /[,.!?;:]\s*$/u;

/** Quoted stretches: “...” pairs and straight "..." pairs (an unclosed quote runs to the sentence end). */
function quoteSpans(text: string, offset: number): Span[] {
  const out: Span[] = [];
  let open = -1;
  // An exec loop, not for-of over allMatches: this runs for every sentence with a quote, mostly before V8 optimizes it.
  QUOTE.lastIndex = 0;
  for (let m = QUOTE.exec(text); m; m = QUOTE.exec(text)) {
    const q = m.index;
    // A straight quote after punctuation closes ('..., " he said'); one before a word opens.
    const closes = m[0] === '”' || (m[0] === '"' && (open >= 0 || PUNCTUATION_BEFORE.test(text.slice(0, q))));
    if (!closes) {
      if (open < 0) open = q;
      continue;
    }
    // A closing quote with none open: the quotation began in an earlier sentence.
    out.push([offset + (open >= 0 ? open : 0), offset + q + 1]);
    open = -1;
  }
  if (open >= 0) out.push([offset + open, offset + text.length]);
  return out;
}

// Indexed loops, not some() with a destructured [a, b]: that runs the iterator protocol per span until optimized.
export function inQuote(s: SentView, pos: number): boolean {
  for (let k = 0; k < s.quotes.length; k++) if (pos > s.quotes[k]![0] && pos < s.quotes[k]![1]) return true;
  return false;
}

export function inCredit(s: SentView, pos: number): boolean {
  for (let k = 0; k < s.credits.length; k++) if (pos >= s.credits[k]![0] && pos < s.credits[k]![1]) return true;
  return false;
}

/** Names outside photo credits (the sentence's own list: filter it, never change it). */
export function bodyNames(s: SentView): NamedMention[] {
  return s.body;
}

export function evidence(ctx: Ctx, s: SentView, source?: Span, target?: Span, cue?: Span): Evidence {
  const ev: Evidence = { article: ctx.article.id, sentence: s.index, start: s.start, end: s.end, text: s.text };
  if (source) ev.source = source;
  if (target) ev.target = target;
  if (cue) ev.cue = cue;
  return ev;
}

export const spanOf = (m: Mention): Span => [m.start, m.end];

/** Nouns for people who are not named: a sentence about "a journalist" ends the search for what "he" means. */
const PERSON_NOUNS = new Set([
  ...readLexicon('ner/lexicons/titles.txt'),
  ...readLexicon('relations/lexicons/person-nouns.txt'),
]);

/** "A diplomat said", not "The envoy's office said" (a possessive names what the person owns). */
const UNNAMED_SUBJECT = /^(?:a|an|the|one|another)\s+(?:[\p{L}-]+\s+){0,3}?([\p{L}-]+)\b(?!['’])/iu;

/** True when an unnamed person ("a Brazilian diplomat", "the spokesman") ends right at `pos`: the speaker has no name. */
export function unnamedPersonBefore(ctx: Ctx, s: SentView, pos: number): boolean {
  const m = /\b(?:a|an|the|one|another|two|several)\s+(?:[\p{L}-]+\s+){0,3}?([\p{L}-]+?)s?\s*,?\s*$/iu.exec(ctx.doc.text.slice(s.start, pos));
  return !!m && PERSON_NOUNS.has(m[1]!.toLowerCase());
}

/**
 * The person a "he"/"she"/"his" at `pos` refers to: the first-named person (the subject) of the same sentence
 * before it, else of the nearest earlier sentence that names one. A sentence whose subject is an unnamed person
 * ("A journalist told...") stops the search: the pronoun is most likely that person.
 */
export function resolvePronoun(ctx: Ctx, sent: number, pos: number): NamedMention | undefined {
  // The first person of the sentence who ends before `pos` (a loop, not filter: this runs for most pronouns).
  const here = ctx.sents[sent]!.persons;
  for (let k = 0; k < here.length; k++) if (here[k]!.m.end <= pos) return here[k];
  for (let k = sent - 1; k >= Math.max(0, sent - 4); k--) {
    const s = ctx.sents[k]!;
    const ps = s.persons;
    const u = UNNAMED_SUBJECT.exec(s.text);
    if (u && PERSON_NOUNS.has(u[1]!.toLowerCase()) && (!ps.length || ps[0]!.m.start > s.start + u[0].length)) return undefined;
    if (ps.length) return ps[0];
  }
  return undefined;
}

/** "The two": the last two different persons named before `pos` (in this sentence or up to four before). */
export function resolveTheTwo(ctx: Ctx, sent: number, pos: number): [NamedMention, NamedMention] | undefined {
  const found: NamedMention[] = [];
  for (let k = sent; k >= Math.max(0, sent - 4); k--) {
    const ps = bodyNames(ctx.sents[k]!)
      .filter((n) => n.type === 'person' && n.m.end <= pos)
      .reverse();
    for (const p of ps) {
      if (!found.some((f) => f.e === p.e)) found.push(p);
      if (found.length === 2) return [found[1]!, found[0]!];
    }
  }
  return undefined;
}
