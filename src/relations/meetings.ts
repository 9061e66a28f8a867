// met_with: two persons meeting, in the many ways news says it. Each cue word decides where its two
// parties are: a verb takes its subject and object ("A greeted B"), "talks between/of" takes the two names after
// it, "their talks" the two before it, and "the two met" the last two persons the article discussed.
import type { Relation, Span } from '../types.js';
import { evidence, resolvePronoun, resolveTheTwo, resolveTitleAnaphor, spanOf, type Ctx, type NamedMention, type SentView } from './context.js';
import { dateIn, placeAfter } from './when-where.js';
import { modalityOf } from './modality.js';
import { allMatches } from '../text/matches.js';
import { MEETING_CUES, type CueKind } from './cue-words.js';

const POSSESSIVE_PRONOUN = /\b(?:his|her)\s+(?:[\p{L}-]+\s+)?$/iu;
const THEIR = /\btheir\s+(?:[\p{L}-]+\s+)?$/iu;
const THE_TWO = /\b(?:the two(?: men| women| leaders| ministers| sides)?|both(?: men| women| leaders)?|they)\s+(?:[\p{L}]+\s+){0,2}$/iu;
/** The subject of the clause meets: "A greeted B before talks with C" (A meets C too). */
const CLAUSE_LINK = /\b(?:before|after|prior(?: to)?|ahead of|following|during|at|for|in)\s+(?:the\s+|a\s+)?$/iu;
/** A pronoun subject right before a verb cue: "he met", "she received". */
const PRONOUN_SUBJECT = /\b(?:he|she)\s+(?:[\p{L}]+\s+){0,4}$/iu;

/** "..., whom he had met": a relative clause whose object is the person before it. */
const WHOM = /,?\s*whom\s+(?:he|she)\s+(?:(?:had|has|first|later|once|also|then|last|never|often)\s+){0,2}$/iu;

/** A pronoun right after a verb cue: "hosted her", "received him". */
const OBJECT_PRONOUN = /^\s+(?:him|her)\b(?!\s+(?:own|first|last|new|old)\b)/iu;

/** Words between a cue and its object that keep them in one phrase: titles, demonyms, determiners. */
const MAX_GAP_TOKENS = 8;
const GAP_BREAK = /[;:"“”]|\b(?:said|says|and|but|who|which|that|to|after|before|when|while|because|where)\b/iu;

export function findMeetings(ctx: Ctx): Relation[] {
  const out: Relation[] = [];
  // Only the sentences where buildContext found a cue; the work for a cue is apart.
  for (let k = 0; k < ctx.meetingSents.length; k++) {
    const s = ctx.meetingSents[k]!;
    for (let j = 0; j < MEETING_CUES.length; j++) {
      const kind = MEETING_CUES[j]![0];
      const cues = MEETING_CUES[j]![1];
      const found = allMatches(ctx.asciiFold ? cues.ascii : cues.unicode, s.text);
      for (let i = 0; i < found.length; i++) {
        const cue: Span = [s.start + found[i]!.index, s.start + found[i]!.index + found[i]![0].length];
        if (!inCaption(s, cue[0])) meetingsAt(ctx, s, kind, cue, out);
      }
    }
  }
  return out;
}

/** True when `pos` is at or after the start of a photo credit of the sentence. */
function inCaption(s: SentView, pos: number): boolean {
  for (let k = 0; k < s.credits.length; k++) if (pos >= s.credits[k]![0]) return true;
  return false;
}

/** The met_with relations of one cue word. */
function meetingsAt(ctx: Ctx, s: SentView, kind: CueKind, cue: Span, out: Relation[]): void {
  const pairs = parties(ctx, s, s.persons, kind, cue);
  for (let k = 0; k < pairs.length; k++) {
    const a = pairs[k]![0];
    const b = pairs[k]![1];
    if (a.e === b.e) continue;
    const mod = modalityOf(s.text, s.start, cue, undefined, ctx.asciiFold);
    // The cue covers the event word and the word that sets its modality ("did not meet").
    const span: Span = mod.cue ? [Math.min(mod.cue[0], cue[0]), Math.max(mod.cue[1], cue[1])] : cue;
    const rel: Relation = {
      type: 'met_with',
      source: a.e,
      target: b.e,
      modality: mod.modality,
      evidence: evidence(ctx, s, spanOf(a.m), spanOf(b.m), span),
    };
    const place = placeAfter(ctx, s, cue[1]);
    if (place) rel.place = place;
    const date = dateIn(s.text);
    if (date) rel.date = date;
    out.push(rel);
  }
}

function parties(ctx: Ctx, s: SentView, names: NamedMention[], kind: CueKind, cue: Span): [NamedMention, NamedMention][] {
  const before = ctx.doc.text.slice(s.start, cue[0]);
  const cueText = ctx.doc.text.slice(cue[0], cue[1]).toLowerCase();
  const after = names.filter((n) => n.m.start >= cue[1]);
  const prior = names.filter((n) => n.m.end <= cue[0]);

  // "talks between A and B", "a summit of A and B", "a meeting in Geneva between A and B".
  if (kind === 'noun') {
    const rest = ctx.doc.text.slice(cue[1], s.end);
    const bt = /^\s+(?:(?:in|at|on)\s+[^,;.()]{1,40}?\s+)?(?:between|of|involving)\s+/iu.exec(rest);
    if (bt && after.length >= 2) {
      const [x, y] = after;
      const gap = ctx.doc.text.slice(x!.m.end, y!.m.start);
      if (x!.m.start - cue[1] <= bt[0].length + 40 && /^(?:\s*,[^,]{0,40},)?\s*(?:and|&)\s+(?:[^\s]+\s+){0,4}$/iu.test(gap)) return [[x!, y!]];
    }
  }
  // "the two met", "both leaders held talks": the last two persons discussed.
  if (THE_TWO.test(before)) {
    const two = resolveTheTwo(ctx, s.index, cue[0]);
    return two ? [two] : [];
  }
  // "during their talks": the last two persons before.
  if (kind === 'noun' && THEIR.test(before)) {
    const two = resolveTheTwo(ctx, s.index, cue[0]);
    return two ? [two] : [];
  }
  // "B, whom he met in Oslo": the person before "whom" is met by the one the pronoun names.
  if (kind === 'verb') {
    const wm = WHOM.exec(before);
    const obj = wm ? prior.filter((n) => n.m.end <= cue[0] - wm[0].length).at(-1) : undefined;
    if (wm && obj && /^\s*,?\s*$/u.test(ctx.doc.text.slice(obj.m.end, cue[0] - wm[0].length))) {
      const proPos = cue[0] - wm[0].length + wm[0].search(/\b(?:he|she)\b/iu);
      let sub = resolvePronoun(ctx, s.index, proPos);
      if (!sub || sub.e === obj.e) sub = resolvePronoun(ctx, s.index, s.start);
      return sub && sub.e !== obj.e ? [[sub, obj]] : [];
    }
  }
  // "the meeting Lavrov chaired" is a noun; "denied meeting Lavrov" a verb.
  if (kind === 'verb' && cueText === 'meeting' && /\b(?:the|a|an|this|that|their|his|her|its|our)\s+$/iu.test(before)) return [];
  let object = objectAfter(ctx, s, after, cue, kind, cueText);
  // "where X hosted her": a pronoun object is the person the article is about, named in an earlier sentence.
  if (!object.length && kind === 'verb' && OBJECT_PRONOUN.test(ctx.doc.text.slice(cue[1], s.end))) {
    // "A arrived, where B hosted her": a person named before the verb's subject in the sentence comes first.
    const p = prior.length >= 2 ? prior[0] : resolvePronoun(ctx, s.index, s.start);
    if (p) object = [p];
  }
  if (!object.length) {
    // "A and B met", "A and B started a new round of talks": the two subjects meet each other.
    if (kind === 'noun' || /^(?:met|meet|meets|held talks|hold talks|holds talks)/.test(cueText)) {
      const pair = coordinatedBefore(ctx, s, prior, cue);
      if (pair) return [pair];
    }
    return [];
  }
  let subject: NamedMention | undefined;
  if (kind === 'noun' && POSSESSIVE_PRONOUN.test(before)) {
    subject = prior[0] ?? resolvePronoun(ctx, s.index, cue[0]);
  } else if (kind === 'noun' && CLAUSE_LINK.test(before)) {
    subject = prior[0];
  } else if (kind === 'verb' && PRONOUN_SUBJECT.test(before)) {
    subject = resolvePronoun(ctx, s.index, cue[0] - PRONOUN_SUBJECT.exec(before)![0].length);
  } else if (kind === 'verb' && resolveTitleAnaphor(ctx, s.index, cue[0])) {
    // "The minister later met B": the person last named with that title.
    subject = resolveTitleAnaphor(ctx, s.index, cue[0]);
  } else if (kind === 'verb') {
    subject = subjectBefore(ctx, prior, cue);
  } else {
    subject = prior.at(-1);
  }
  if (!subject) return [];
  // "A and B met C": both subjects.
  const subjects = [subject, ...(kind === 'verb' ? coordinatedWith(ctx, prior, subject) : [])];
  return subjects.flatMap((sub) => object.map((o) => [sub, o] as [NamedMention, NamedMention]));
}

/** The object of a cue: the first person after it in the same phrase, and those coordinated with it. */
function objectAfter(ctx: Ctx, s: SentView, after: NamedMention[], cue: Span, kind: CueKind, cueText: string): NamedMention[] {
  const first = after[0];
  if (!first) return [];
  const gap = ctx.doc.text.slice(cue[1], first.m.start);
  // A noun cue needs "with": "talks with B", "a meeting with B".
  if (kind === 'noun' && !/^\s+with\b/iu.test(gap) && !/\bwith$/.test(cueText)) return [];
  // Titles and the names they belong to may stand between: "talks with the U.S. special envoy to Burundi, X".
  const gapBody = maskMentions(ctx, cue[1], first.m.start).replace(/^\s+with\b/iu, '');
  if (GAP_BREAK.test(gapBody) || gapBody.split(/\s+/).filter(Boolean).length > MAX_GAP_TOKENS) return [];
  const objs = [first];
  // "met A and B", "met A, B and C".
  for (let k = 1; k < after.length; k++) {
    const g = maskMentions(ctx, after[k - 1]!.m.end, after[k]!.m.start).replace(/\s+(?=\s)/g, '');
    if (!/^\s*(?:,|,?\s*and|&)\s+(?:[\p{Lu}][\p{L}.]*\s+){0,4}$/u.test(g) || after[k]!.m.end > s.end) break;
    objs.push(after[k]!);
  }
  return objs;
}

/** The subject of a verb cue: the nearest person before it in the clause (appositions may sit between). */
function subjectBefore(ctx: Ctx, prior: NamedMention[], cue: Span): NamedMention | undefined {
  const last = prior.at(-1);
  if (!last) return undefined;
  const gap = ctx.doc.text.slice(last.m.end, cue[0]);
  if (/[;]|\b(?:said|says|told|but|because|while)\b/iu.test(gap)) return undefined;
  if (gap.length > 120) return undefined;
  // "A, the foreign minister, met B": skip back over an apposition to the name it follows.
  return last;
}

function coordinatedWith(ctx: Ctx, prior: NamedMention[], subject: NamedMention): NamedMention[] {
  const k = prior.indexOf(subject);
  const prev = prior[k - 1];
  if (k > 0 && prev && /^\s*(?:and|&)\s+$/iu.test(ctx.doc.text.slice(prev.m.end, subject.m.start))) return [prev];
  return [];
}

/** "A and B", "A and his counterpart B", "he and rebel leader B" right before the cue. */
const AND_FILLER = /^\s*(?:and|&)\s+(?:(?:his|her|their|the)\s+)?(?:[\p{L}.-]+\s+){0,4}$/iu;

function coordinatedBefore(ctx: Ctx, s: SentView, prior: NamedMention[], cue: Span): [NamedMention, NamedMention] | undefined {
  const b = prior.at(-1);
  if (!b) return undefined;
  const tail = ctx.doc.text.slice(b.m.end, cue[0]);
  if (tail.length > 60 || /[;:"“”]|\b(?:said|says|who|which|that|but)\b/iu.test(tail)) return undefined;
  const a = prior.at(-2);
  if (a && AND_FILLER.test(maskMentions(ctx, a.m.end, b.m.start))) return [a, b];
  // "he and rebel leader B": the pronoun is the person the text is about.
  const head = ctx.doc.text.slice(Math.max(s.start, b.m.start - 60), b.m.start);
  const pro = /\b(?:he|she)(\s+and\s+(?:[\p{L}.-]+\s+){0,4})$/iu.exec(head);
  if (pro && AND_FILLER.test(pro[1]!)) {
    const p = resolvePronoun(ctx, s.index, b.m.start - pro[0].length);
    if (p && p.e !== b.e) return [p, b];
  }
  return undefined;
}

/** The text between two offsets with titles and non-person names blanked: what remains must join the two ends. */
function maskMentions(ctx: Ctx, from: number, to: number): string {
  let text = ctx.doc.text.slice(from, to);
  // Mentions are sorted by start: begin at the first one at or after `from`, stop past `to`.
  let lo = 0;
  let hi = ctx.mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.mentions[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < ctx.mentions.length && ctx.mentions[k]!.start < to; k++) {
    const m = ctx.mentions[k]!;
    // Titles and the organizations or places owning them stand between a verb and its object: "sat down with
    // the Consumer and Competition Authority chair X".
    if (m.type === 'person' || m.start < from || m.end > to) continue;
    text = text.slice(0, m.start - from) + ' '.repeat(m.end - m.start) + text.slice(m.end - from);
  }
  // A title's "to Burundi," / "of the party," goes with the title.
  return text.replace(/^(\s*(?:the\s+|a\s+)?(?:[\p{Lu}][\p{L}.]*\s+)*\s+)(?:to|of|for)\s+(?:the\s+)?(?:[\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*)*\s*,?|,)/u, '$1');
}
