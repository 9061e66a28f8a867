// Who reported what: reported_by (the entity whose words or deeds are reported -> the news organization),
// credited_to (what a photo shows -> the agency credited for it), and said (a person quoted in the article).
import { digestHeaders, isDigest } from '../resolve/digest.js';
import { readLexicon } from '../resolve/names.js';
import { ARTICLE_TARGET, type Relation, type Span } from '../types.js';
import { bodyNames, CREDIT_LINE, evidence, inCredit, inQuote, resolveTitleAnaphor, unnamedPersonBefore, resolvePronoun, spanOf, type Ctx, type NamedMention, type SentView } from './context.js';
import { modalityOf } from './modality.js';
import { asciiWordPattern } from '../text/matches.js';

const OUTLET_WORDS = new Set(readLexicon('relations/lexicons/outlet-words.txt'));

/** Cue words that end right before the news organization: "told Reuters", "according to the daily X". */
/** Lowercase words that may stand between a cue and the outlet: "told the state-run news agency X". */
const OUTLET_MODIFIERS = [
  ...OUTLET_WORDS,
  ...'state-run state-owned state official independent private local national regional cable business financial leading popular influential respected pro-government opposition online english-language weekly daily evening morning sunday'.split(' '),
];

/** Cue words that end right before the news organization: "told Reuters", "according to the daily X". */
const BEFORE_OUTLET = new RegExp(
  '\\b(?:(?:said|says|saying|spoke|speaks|appeared|appearing) on|told|tells|telling|said to|saying to|speaking to|speaking with|speaking on|spoke to|talking to|in remarks to|confirmed to|(?:confirmed|shared|repeated) (?:the [\\p{L}]+ )?(?:to|with)|in an? (?:exclusive )?interview (?:with|to|on)|interview on|in an? statement to|in comments to|interviewed by|(?:was |were |being )?quoted (?:as saying )?by|cited by|(?:first |initially |originally |earlier |also )?reported by|(?:carried|published|broadcast) by|shared with|writing in|wrote in|(?:published|reported) in|in an? (?:report|article|op-ed|column|piece) (?:by|in|for)|according to(?: (?:a|an|the) (?:statement|report|reports|spokesman|spokeswoman|spokesperson|source|sources|official|officials|transcript|release) (?:from|by|at|of|in|on|with))?)' +
    "\\s+(?:the\\s+|a\\s+|an\\s+)?((?:[\\p{L}.'’-]+\\s+){0,4})$",
  'iu',
);
/**
 * A word of every BEFORE_OUTLET cue: a quick test first, since that pattern, anchored at the end, is tried at every
 * position of the text before each organization, and most such stretches hold no cue at all.
 */
const OUTLET_CUE_WORD = asciiWordPattern(
  /\b(?:said|says|saying|spoke|speaks|appeared|appearing|told|tells|telling|speaking|talking|remarks|confirmed|shared|repeated|interview|statement|comments|quoted|cited|reported|carried|published|broadcast|writing|wrote|report|article|op-ed|column|piece|according)/iu,
);
const MODIFIER_SET = new Set(OUTLET_MODIFIERS);
/** The words between cue and outlet are capitalized (names, demonyms) or outlet modifiers, never other words. */
const fillerOk = (filler: string) => filler.split(/\s+/).filter(Boolean).every((w) => /^\p{Lu}/u.test(w) || MODIFIER_SET.has(w.toLowerCase()));

/** Organizations a person "tells" that are no outlets: courts, parliaments, ministries. */
const NOT_OUTLET = /\b(?:court|tribunal|parliament|congress|senate|assembly|committee|council|ministry|police|commission|government|board|panel|inquiry|jury)\b/iu;

/** Cue words right after the news organization: "Reuters reported", "Interfax news agency quoted X as saying". */
const AFTER_OUTLET =
  /^(?:\s*(?:news agency|newspaper|daily|weekly|agency|television|radio|tv|magazine|website|broadcaster))?(?:\s*,[^,]{1,60},)?\s+(?:also\s+|later\s+|first\s+|earlier\s+)?(reported|reports|reporting|said|says|quoted|quotes|cited|cites|wrote|writes|published|carried|broadcast|added)\b/iu;

const AS_SAYING = /^\s+as\s+(?:saying|telling|writing|having said)\b/iu;

export function findReports(ctx: Ctx): Relation[] {
  const out: Relation[] = [];
  const outlets = new Set<number>(); // entities seen as news organizations by a strong cue
  const cueWord = ctx.asciiFold ? OUTLET_CUE_WORD.ascii : OUTLET_CUE_WORD.unicode;
  const orgs = ctx.bodyOrgs;
  // Pass 2 reads only the organizations with a cue after them: those pass 1 found, with their match.
  const later: NamedMention[] = [];
  const laterMatch: RegExpExecArray[] = [];
  for (let k = 0; k < orgs.length; k++) {
    const o = orgs[k]!;
    const s = ctx.sents[o.m.sentence]!;
    const before = ctx.doc.text.slice(Math.max(s.start, o.m.start - 120), o.m.start);
    let b = cueWord.test(before) ? BEFORE_OUTLET.exec(before) : null;
    if (b && !fillerOk(b[1] ?? '')) b = null;
    const a = AFTER_OUTLET.exec(ctx.doc.text.slice(o.m.end, s.end));
    if (a) {
      later.push(o);
      laterMatch.push(a);
    }
    if (b || a) reportAt(ctx, s, o, 1, b, a, outlets, out);
  }
  for (let k = 0; k < later.length; k++) reportAt(ctx, ctx.sents[later[k]!.m.sentence]!, later[k]!, 2, null, laterMatch[k]!, outlets, out);
  return out;
}

/** The reported_by relations of an organization with a cue before it (`b`) or after it (`a`). */
function reportAt(
  ctx: Ctx,
  s: SentView,
  o: NamedMention,
  pass: number,
  b: RegExpExecArray | null,
  a: RegExpExecArray | null,
  outlets: Set<number>,
  out: Relation[],
): void {
  const names = s.body;
  const after = ctx.doc.text.slice(o.m.end, s.end);
  let src: NamedMention | undefined;
  let cue: Span | undefined;
  if (b && NOT_OUTLET.test(o.m.text)) return;
  // "according to OSCE principles" quotes rules, not an outlet: the outlet ends its phrase.
  if (b && /^according to/i.test(b[0]) && !/^(?:\s*(?:[,.;:)"”]|['’]s\b|$)|\s+(?:news agency|newspaper|daily|agency|television|radio|tv|magazine|said|reported|quoted))/iu.test(after)) return;
  // "said on Monday" is a date: "said on X" reports only when X is a broadcaster ("said on Y radio").
  if (b && /^(?:said|says|saying|spoke|speaks|appeared|appearing) on\b/i.test(b[0]) && !BROADCAST_AFTER.test(after) && !isOutlet(ctx, o, after)) return;
  if (b) {
    cue = [o.m.start - b[0].length, o.m.start - b[0].length + b[0].trimEnd().length];
    src = /^according to/i.test(b[0]) ? mainSubject(ctx, s, o, cue) : subjectBefore(ctx, s, o, cue[0]);
    // "In a statement shared with X, Y said": a fronted phrase; the speaker is the subject after it.
    if (!src && (FRONTED.test(ctx.doc.text.slice(s.start, cue[0])) || (/^\s*$/.test(ctx.doc.text.slice(s.start, cue[0])) && /^in\b/i.test(b[0])))) src = subjectAfterFronted(ctx, s, o);
    // "the 32-year-old captain was quoted as saying by X": the person the article is about just then.
    if (!src && /\bquoted\b/i.test(b[0])) src = resolvePronoun(ctx, s.index, s.start);
  } else if (a) {
    const verb = a[1]!.toLowerCase();
    const vStart = o.m.end + a.index + a[0].length - verb.length;
    cue = [vStart, vStart + verb.length];
    const strong = /^(?:reported|reports|reporting|quoted|quotes|cited|cites|carried|published)$/.test(verb);
    // "X said" makes X a news organization only when the text says it is one.
    if (pass === 1 && !strong) return;
    if (pass === 2 && (strong || !(outlets.has(o.e) || isOutlet(ctx, o, a[0])))) return;
    if (/^(?:quoted|quotes|cited|cites)$/.test(verb)) {
      const next = names.find((n) => n.m.start >= cue![1] && n.type === 'person');
      if (next && AS_SAYING.test(ctx.doc.text.slice(next.m.end, s.end))) src = next;
      else if (next && /^\s*$/.test(ctx.doc.text.slice(cue[1], next.m.start).replace(/\b(?:the|a|an)\b|[\p{L}-]+(?=\s)/giu, ''))) src = next;
      // "X did Y, Interfax quoted his spokesman as saying": X's deeds are reported too.
      const first = bodyNames(s).filter(outsideQuotes(s)).find((n) => n.type === 'person' && n.m.end <= o.m.start && n.e !== src?.e);
      if (src && first && /,\s*$/.test(ctx.doc.text.slice(s.start, o.m.start))) {
        out.push({ type: 'reported_by', source: first.e, target: o.e, evidence: evidence(ctx, s, spanOf(first.m), spanOf(o.m), cue) });
      }
    } else src = relativeSpeaker(ctx, s, o) ?? mainSubject(ctx, s, o, cue);
  }
  if (!src || !cue || src.e === o.e) return;
  outlets.add(o.e);
  out.push({ type: 'reported_by', source: src.e, target: o.e, evidence: evidence(ctx, s, spanOf(src.m), spanOf(o.m), cue) });
}

/** A name that says it is an outlet ("Fox News", "The Daily Star"), or sits beside a word that does. */
function isOutlet(ctx: Ctx, o: NamedMention, after: string): boolean {
  const words = o.m.text.toLowerCase().split(/[\s-]+/);
  if (words.some((w) => OUTLET_WORDS.has(w))) return true;
  if (/^\s*(?:news agency|newspaper|daily|weekly|agency|television|radio|tv|magazine|website|broadcaster)\b/iu.test(after)) return true;
  const before = ctx.doc.text.slice(Math.max(0, o.m.start - 30), o.m.start);
  return /\b(?:newspaper|daily|weekly|agency|magazine|broadcaster|television|radio|tv|station|website|paper)\s+(?:the\s+)?$/iu.test(before);
}

/** What follows a broadcaster's name in "said on X radio". */
const BROADCAST_AFTER = /^\s*(?:radio|television|tv|channel|network|broadcaster|podcast|programme|program|show|breakfast|news)\b/iu;

/** A phrase opening the sentence before the cue: "In a statement", "Speaking", "During an interview". */
const FRONTED = /^\s*(?:(?:in|during)\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,3}?(?:statement|interview|remarks|comments|email|letter|post|message|briefing|note)|speaking|writing|asked)\b[^,;]*$/iu;

/** The subject after a fronted phrase: the first person (else organization) right after its comma. */
function subjectAfterFronted(ctx: Ctx, s: SentView, o: NamedMention): NamedMention | undefined {
  // The subject stands before the clause's verb: "..., Orion Group chief Anna Kovacs said" is Kovacs.
  const verb = /\b(?:said|says|told|added|stated|wrote|warned|insisted|argued|confirmed|announced)\b/iu.exec(ctx.doc.text.slice(o.m.end, s.end));
  const limit = verb ? o.m.end + verb.index : s.end;
  const cands = bodyNames(s)
    .filter(outsideQuotes(s))
    .filter((n) => n.m.start >= o.m.end && n.m.end <= limit && isSubjectType(n));
  const first = cands[0];
  if (!first || !/^[^,;]*,\s*(?:(?:the|a|an)\s+)?(?:[\p{L}.'’-]+\s+){0,4}?$/u.test(ctx.doc.text.slice(o.m.end, first.m.start))) return undefined;
  return pickSubject(ctx, cands);
}

/** Verbs of speech in a relative clause: "B, who urged both sides to ..., X reported" reports B's words. */
const RELATIVE_SPEECH = /^\s*,\s*who\s+(?:also\s+|later\s+|then\s+)?(?:said|says|told|urged|warned|called|insisted|stressed|added|argued|declared|promised|pledged|vowed|asked|described|accused|praised|criticised|criticized|repeated|announced|confirmed|denied)\b/iu;

/** The person whose words a relative clause reports, when the outlet closes the sentence after that clause. */
function relativeSpeaker(ctx: Ctx, s: SentView, o: NamedMention): NamedMention | undefined {
  return bodyNames(s)
    .filter(outsideQuotes(s))
    .find((n) => n.type === 'person' && n.m.end <= o.m.start && RELATIVE_SPEECH.test(ctx.doc.text.slice(n.m.end, o.m.start)));
}

const isSubjectType = (n: NamedMention) => n.type === 'person' || n.type === 'organization';
/** Names inside a quotation are what the speaker talks about, not the speaker. */
const outsideQuotes = (s: SentView) => (n: NamedMention) => !inQuote(s, n.m.start);

/**
 * The entity whose words a cue before the outlet reports: the subject of the clause before the cue. A possessive
 * owner gives way to a name after it ("Yeltsin's spokesman X told..." is X); with no name, a pronoun subject.
 */
function subjectBefore(ctx: Ctx, s: SentView, o: NamedMention, pos: number): NamedMention | undefined {
  // "..., a Brazilian diplomat told AFP": the source is unnamed, whoever the sentence names before.
  if (unnamedPersonBefore(ctx, s, pos)) return undefined;
  const cands = bodyNames(s).filter(outsideQuotes(s)).filter((n) => isSubjectType(n) && n.m.end <= pos && n.e !== o.e);
  // The speaker stands right before "told" (an apposition may sit between): the nearest name.
  const subj = pickSubject(ctx, [...cands].reverse());
  if (subj) return subj;
  const pro = /\b(?:he|she)\b/iu.exec(ctx.doc.text.slice(s.start, pos));
  return pro ? resolvePronoun(ctx, s.index, s.start + pro.index) : undefined;
}

/** The entity a whole sentence is about, outside the cue: "According to Reuters, Lavrov said ...". */
function mainSubject(ctx: Ctx, s: SentView, o: NamedMention, cue: Span): NamedMention | undefined {
  const cands = bodyNames(s).filter(outsideQuotes(s)).filter((n) => isSubjectType(n) && n.e !== o.e && (n.m.end <= cue[0] || n.m.start >= o.m.end));
  const subj = pickSubject(ctx, cands);
  if (subj) return subj;
  const text = ctx.doc.text.slice(s.start, s.end);
  const pro = /\b(?:he|she)\b/iu.exec(text);
  return pro ? resolvePronoun(ctx, s.index, s.start + pro.index) : undefined;
}

/**
 * The first of the candidates (in the order given) that can be a subject: persons before organizations, and not
 * a possessive owner ("Lukashenko's adviser X") nor a modifier of a title before a name ("Ericsson spokesman X")
 * while another candidate remains.
 */
function pickSubject(ctx: Ctx, cands: NamedMention[]): NamedMention | undefined {
  const persons = cands.filter((n) => n.type === 'person');
  const pool = persons.length ? persons : cands;
  const modifier = (n: NamedMention) =>
    /^\s*['’]s?\b/u.test(ctx.doc.text.slice(n.m.end, n.m.end + 3)) ||
    /['’]s?$/u.test(n.m.text) ||
    ctx.mentions.some((m) => m.type === 'role' && m.sentence === n.m.sentence && /^\s*$/.test(ctx.doc.text.slice(n.m.end, m.start)));
  return pool.find((n) => !modifier(n)) ?? pool[0];
}

/**
 * reported_by in a press digest: in each paper's section, the first person and the first organization of every
 * sentence are what the paper reports on.
 */
export function findDigestReports(ctx: Ctx): Relation[] {
  if (!isDigest(ctx.doc)) return [];
  const headers = new Set(digestHeaders(ctx.doc));
  const out: Relation[] = [];
  let paper: NamedMention | undefined;
  for (const s of ctx.sents) {
    if (headers.has(s.index)) {
      paper = s.names.find((n) => n.type === 'organization');
      continue;
    }
    if (!paper) continue;
    const names = bodyNames(s).filter(outsideQuotes(s)).filter((n) => n.e !== paper!.e);
    for (const type of ['person', 'organization'] as const) {
      const n = names.find((x) => x.type === type);
      if (n) out.push({ type: 'reported_by', source: n.e, target: paper.e, evidence: evidence(ctx, s, spanOf(n.m), spanOf(paper.m), spanOf(paper.m)) });
    }
  }
  return out;
}

/** credited_to: what a photo caption shows -> the organizations in the credit at its end. */
export function findCredits(ctx: Ctx): Relation[] {
  const out: Relation[] = [];
  for (const s of ctx.creditSents) {
    for (const [a, b] of s.credits) {
      const agencies = s.names.filter((n) => n.type === 'organization' && n.m.start >= a && n.m.end <= b);
      // The credit may stand alone after the caption's last sentence: "(Name/Agency via AP)", "Photo: AP".
      const alone = a === s.start || CREDIT_LINE.test(s.text);
      const shown = (alone ? (ctx.sents[s.index - 1]?.names ?? []) : s.names).filter((n) => n.type === 'person' && n.m.start < (alone ? Infinity : a));
      const where = alone ? ctx.sents[s.index - 1] : s;
      if (!where) continue;
      for (const p of shown) {
        for (const g of agencies) {
          out.push({ type: 'credited_to', source: p.e, target: g.e, evidence: evidence(ctx, s, spanOf(p.m), spanOf(g.m), [a, b]) });
        }
      }
    }
  }
  return out;
}

/** said: a person quoted or reported speaking -> the article. */
export function findSaid(ctx: Ctx): Relation[] {
  const out: Relation[] = [];
  // Only the sentences where buildContext found a verb of speech; reading its verbs is apart.
  for (let k = 0; k < ctx.saySents.length; k++) saidIn(ctx, ctx.saySents[k]!, ctx.saySents[k]!.verbs, out);
  return out;
}

/** The said relations of one sentence, from its verbs of speech: one per speaker. */
/** Verbs that report speech only before a quote, "that" or a comma ("added a two-run shot", "noted a rise"). */
const SPEECH_ONLY_BEFORE_QUOTE = /^(?:added|adds|noted|notes|confirmed|claimed|stressed)$/i;
const QUOTE_THAT_OR_END_AFTER = /^\s*(?:[,:"“.;]|that\b|$)/u;
const COMMA_OR_QUOTE_BEFORE = /[,"”]\s*$/u;

function saidIn(ctx: Ctx, s: SentView, verbs: RegExpExecArray[], out: Relation[]): void {
  // The speakers done: a sentence names one or two, so a list beats a Set.
  const done: number[] = [];
  for (let k = 0; k < verbs.length; k++) {
    const v = verbs[k]!;
    const cue: Span = [s.start + v.index, s.start + v.index + v[0].length];
    if (inCredit(s, cue[0])) continue;
    if (SPEECH_ONLY_BEFORE_QUOTE.test(v[0]) && !QUOTE_THAT_OR_END_AFTER.test(s.text.slice(v.index + v[0].length)) && !COMMA_OR_QUOTE_BEFORE.test(s.text.slice(0, v.index))) continue;
    const speaker = speakerOf(ctx, s, s.persons, cue);
    if (!speaker || done.includes(speaker.e)) continue;
    done.push(speaker.e);
    // The modality of saying sits right before the verb ("did not say"), not in what was said.
    const mod = modalityOf(s.text, s.start, cue, 25, ctx.asciiFold);
    const span: Span = mod.cue ? [Math.min(mod.cue[0], cue[0]), Math.max(mod.cue[1], cue[1])] : cue;
    out.push({ type: 'said', source: speaker.e, target: ARTICLE_TARGET, modality: mod.modality, evidence: evidence(ctx, s, spanOf(speaker.m), undefined, span) });
  }
}

/** "he said", "she later added": a pronoun subject right before the verb. */
const PRONOUN_BEFORE = /\b(?:he|she)\s+(?:(?:also|later|then|has|had|again)\s+)?$/iu;
/** The pronoun PRONOUN_BEFORE starts with: a quick test first, since most verbs have no pronoun before them. */
const HE_OR_SHE = asciiWordPattern(/\b(?:he|she)/iu);
/** Between a speaker and the verb: "Lavrov also said", "Lavrov on Monday said". */
const ADVERBS = /^\s*(?:(?:also|later|then|has|had|have|did|does|do|would|will|could|can|may|might|not|never|again|on [\p{L}.]+(?: \d+)?|in a statement|in an interview|last \p{L}+)\s+)*$/iu;
/** "Lavrov, the foreign minister, said". */
const APPOSITION = /^\s*,[^,;"“”]{1,80},\s*$/u;
/** Between the verb and a speaker after it: "said the Foreign Minister". */
const TITLE_WORDS = /^\s+(?:(?:the\s+)?(?:[\p{Lu}][\p{L}.-]*\s+|[\p{Ll}-]+\s+){0,4})$/u;
const COMMA_OR_QUOTE_END = /[,”"]\s*$/u;

function speakerOf(ctx: Ctx, s: SentView, persons: NamedMention[], cue: Span): NamedMention | undefined {
  const text = ctx.doc.text;
  // "he said", "she added".
  const lead = text.slice(Math.max(s.start, cue[0] - 20), cue[0]);
  const pro = (ctx.asciiFold ? HE_OR_SHE.ascii : HE_OR_SHE.unicode).test(lead) ? PRONOUN_BEFORE.exec(lead) : null;
  if (pro) return resolvePronoun(ctx, s.index, cue[0] - pro[0].length);
  // "the minister said": the person last named with that title.
  const titled = resolveTitleAnaphor(ctx, s.index, cue[0]);
  if (titled) return titled;
  // "Lavrov said", "Lavrov, the foreign minister, said", "quoted Lavrov as saying": the last person before the verb
  // (persons are in text order), and the first after it.
  let prev: NamedMention | undefined;
  let next: NamedMention | undefined;
  for (let k = 0; k < persons.length; k++) {
    const n = persons[k]!;
    if (n.m.end <= cue[0]) prev = n;
    if (n.m.start >= cue[1] && !next) next = n;
  }
  if (prev) {
    const gap = text.slice(prev.m.end, cue[0]);
    if (ADVERBS.test(gap) || APPOSITION.test(gap)) {
      return prev;
    }
  }
  // "..., said Lavrov", "” said Foreign Minister Sergey Lavrov".
  if (next && TITLE_WORDS.test(text.slice(cue[1], next.m.start)) && COMMA_OR_QUOTE_END.test(text.slice(Math.max(s.start, cue[0] - 3), cue[0]))) {
    return next;
  }
  return undefined;
}
