// The view of one article that the relation finders share: per sentence, its named mentions with their
// entities, and helpers to build evidence and to find the persons a pronoun or "the two" points at.
import { canonicalTitle, isTitle, linkRoles, type RoleLink } from '../ner/roles.js';
import { readLexicon } from '../resolve/names.js';
import type { Article, Doc, EntityType, Evidence, LocalEntity, Mention, Span } from '../types.js';
import { allMatches, foldsLikeAscii } from '../text/matches.js';

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
  /** The article has no ſ nor K: the fast forms of ASCII word patterns may run on it (see asciiWordPattern). */
  asciiFold: boolean;
}

/** The names of a sentence that has none (shared: never changed). */
const NO_NAMES: NamedMention[] = [];

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
  const sents: SentView[] = doc.sentences.map((s) => {
    const text = doc.text.slice(s.start, s.end);
    const credits: Span[] = [];
    // CREDIT ends the sentence with ")", and a sentence ends with its last token: test one character first.
    const c = text.endsWith(')') ? CREDIT.exec(text) : null;
    if (c && CREDIT_BODY.test(c[1]!)) credits.push([s.start + c.index, s.end]);
    if (CREDIT_LINE.test(text)) credits.push([s.start, s.end]);
    return { index: s.index, start: s.start, end: s.end, text, names: NO_NAMES, body: NO_NAMES, persons: NO_NAMES, credits, quotes: quoteSpans(text, s.start) };
  });
  placeNames(sents, mentions, entities, mentionEntity);
  const holders: Ctx['holders'] = [];
  for (const l of links) {
    const pi = mentions.indexOf(l.person);
    const named = sents[l.person.sentence]?.names.find((n) => n.i === pi);
    if (named) holders.push({ title: canonicalTitle(l.role.text), start: l.role.start, person: named });
  }
  return { links, holders, doc, article, mentions, entities, mentionEntity, sents, asciiFold: foldsLikeAscii(doc.text) };
}

/**
 * Puts each person, organization and place mention in its sentence's lists: all names, those outside photo credits
 * (the body) and the persons among them. (A small function of its own: the one loop of buildContext over all
 * mentions is what V8 optimizes, and a small function compiles fast.)
 */
function placeNames(sents: SentView[], mentions: Mention[], entities: LocalEntity[], mentionEntity: number[]): void {
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    const e = mentionEntity[i]!;
    const type = entities[e]?.type ?? m.type;
    if (type === 'role' || m.type === 'role') continue;
    const s = sents[m.sentence];
    if (!s) continue;
    const n: NamedMention = { i, m, e, type };
    if (s.names === NO_NAMES) {
      s.names = [];
      // Without credits, the body is all the names: one list.
      s.body = s.credits.length ? [] : s.names;
    }
    s.names.push(n);
    if (s.credits.length && inCredit(s, m.start)) continue;
    if (s.body !== s.names) s.body.push(n);
    if (type !== 'person') continue;
    if (s.persons === NO_NAMES) s.persons = [];
    s.persons.push(n);
  }
}

/**
 * "The minister", "the spokesman" before `pos`: the person last named with that title before it, in this
 * sentence or up to four before. Undefined when the text named nobody so.
 */
export function resolveTitleAnaphor(ctx: Ctx, sent: number, pos: number): NamedMention | undefined {
  const s = ctx.sents[sent]!;
  const from = ctx.sents[Math.max(0, sent - 4)]!.start;
  // Without a title holder named in reach before `pos`, there is no one to find: skip reading the words.
  if (!ctx.holders.some((h) => h.start < pos && h.start >= from)) return undefined;
  const before = ctx.doc.text.slice(s.start, pos).replace(/(?:\s+(?:also|later|then|has|had|again|have))+\s*$/iu, ' ');
  const m = /\b[Tt]he\s+((?:\p{Ll}[\p{Ll}-]*\s+){0,2}\p{Ll}[\p{Ll}-]*)\s*$/u.exec(before);
  if (!m || !isTitle(m[1]!)) return undefined;
  const title = canonicalTitle(m[1]!);
  const at = s.start + m.index;
  const hit = ctx.holders.filter((h) => h.start < at && h.start >= from && (h.title === title || h.title.endsWith(` ${title}`))).at(-1);
  return hit?.person;
}

const QUOTE = /[“”"]/gu;

/** Quoted stretches: “...” pairs and straight "..." pairs (an unclosed quote runs to the sentence end). */
function quoteSpans(text: string, offset: number): Span[] {
  const out: Span[] = [];
  // Most sentences quote nobody: three plain searches rule them out before the regex.
  if (!text.includes('"') && !text.includes('“') && !text.includes('”')) return out;
  let open = -1;
  for (const m of allMatches(QUOTE, text)) {
    const q = m.index;
    // A straight quote after punctuation closes ('..., " he said'); one before a word opens.
    const closes = m[0] === '”' || (m[0] === '"' && (open >= 0 || /[,.!?;:]\s*$/u.test(text.slice(0, q))));
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

export function inQuote(s: SentView, pos: number): boolean {
  return s.quotes.some(([a, b]) => pos > a && pos < b);
}

export function inCredit(s: SentView, pos: number): boolean {
  return s.credits.some(([a, b]) => pos >= a && pos < b);
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
  const here = ctx.sents[sent]!.persons.filter((n) => n.m.end <= pos);
  if (here.length) return here[0];
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
