// Modality of an event: did it happen, or was it planned, proposed, cancelled, denied or only reported?
// The words that say so sit just before the event word, in the same clause ("cancelled a planned summit",
// "did not meet", "offered to meet"), or are the event word's own modifier ("reportedly met").
import type { Modality, Span } from '../types.js';
import { asciiWordPattern } from '../text/matches.js';

/** In order of precedence: "cancelled a planned summit" is cancelled, "did not offer to meet" denied. */
const RULES: [Modality, RegExp][] = [
  ['denied', /\b(?:did not|didn['’]t|does not|doesn['’]t|do not|don['’]t|never|has not|hasn['’]t|have not|haven['’]t|had not|hadn['’]t|was not|wasn['’]t|were not|weren['’]t|will not|won['’]t|would not|refused to|declined to|denied|denies|deny|denying|no)\b(?=(?:\s+[\p{L}'’-]+){0,3}\s*$)/iu],
  ['denied', /\b(?:denied|denies|deny|denying)\b/iu],
  ['cancelled', /\b(?:cancel(?:l?ed|s|ling|lation)?|call(?:ed|s)? off|scrap(?:ped|s)?|postpone[ds]?|shelved|abandon(?:ed|s)?|scuttled|axed)\b/iu],
  ['proposed', /\b(?:offer(?:ed|s|ing)?|propos(?:ed|es|al|ing)|suggest(?:ed|s|ion)?|invit(?:ed|es|ation)|call(?:ed|s)? for|willing(?:ness)?|ready to|want(?:s|ed)? to|would like to|hop(?:es|ed|ing) to|seek(?:s|ing)? to|sought|asked for|request(?:ed|s)?|push(?:ed|es)? for|urged)\b/iu],
  ['planned', /(?:\b(?:will|shall|is due to|are due to|was due to|were due to|plans? to|planned|planning|scheduled|(?:is|are|was|were) to|set to|expected to|upcoming|is going to|are going to|agreed to|would)\b|['’]ll\b)/iu],
  ['hedged', /\b(?:reportedly|allegedly|purportedly|apparently|supposedly|said to have|believed to have|thought to have|rumou?r(?:ed|s)?|may have|might have|could have|unconfirmed|alleged|reported(?= (?:meeting|talks|visit)))\b/iu],
];

/** Every rule in one pattern: it matches a clause exactly when one of the rules does. */
const ANY_RULE = new RegExp(RULES.map(([, re]) => `(?:${re.source})`).join('|'), 'iu');

/** How far before the event word its modality words may stand (characters, within the clause). */
const WINDOW = 90;

/**
 * The modality of the event whose cue is `cue` in `text` (a sentence starting at `offset` in the article),
 * with the span of the word that says so. Without such a word: occurred. `asciiFold`: the text has no ſ nor K
 * (Ctx.asciiFold), so the fast forms of ASCII word patterns may run on it.
 */
export function modalityOf(text: string, offset: number, cue: Span, window = WINDOW, asciiFold = false): { modality: Modality; cue?: Span } {
  const cueStart = cue[0] - offset;
  const cueEnd = cue[1] - offset;
  let from = Math.max(0, cueStart - window);
  // The clause: a semicolon, a "but" or a closing quote before the cue starts a new one.
  const before = text.slice(from, cueStart);
  // A "but" and a closing quote never overlap: the last of either is the later of the last of each.
  const but = lastMatch(before, asciiFold ? BUT.ascii : BUT.unicode);
  const quote = before.includes('"') || before.includes('”') ? lastMatch(before, QUOTE_SPACE) : -1;
  const cut = Math.max(before.lastIndexOf(';'), but, quote, before.includes('.') ? lastMatch(before, PERIOD) : -1);
  if (cut >= 0) from += cut + 1;
  // A relative clause set off before the cue is about someone else ("X, who would join the board, said she had
  // met Y"), and a reporting verb opens the clause of the event it reports: their words set no modality.
  let clause = text.slice(from, cueEnd);
  if (clause.includes(',')) clause = clause.replace(RELATIVE, (r) => ' '.repeat(r.length));
  const lead = clause.slice(0, cueStart - from);
  const said = (asciiFold ? REPORTING_WORD.ascii : REPORTING_WORD.unicode).test(lead) ? lastMatch(lead, REPORTING) : -1;
  if (said >= 0) clause = ' '.repeat(said + 1) + clause.slice(said + 1);
  const found = firstRule(clause, offset + from);
  if (found.modality === 'denied' || found.modality === 'cancelled') return found;
  // An event named as a noun may be called off after it: "a summit between A and B ... has been postponed".
  const rest = text.slice(cueEnd, cueEnd + AFTER_WINDOW);
  const after = (asciiFold ? CALLED_OFF_WORD.ascii : CALLED_OFF_WORD.unicode).test(rest) ? CALLED_OFF_AFTER.exec(rest) : null;
  if (after) {
    const at = cueEnd + after.index + after[0].length - after[1]!.length;
    return { modality: 'cancelled', cue: [offset + at, offset + at + after[1]!.length] };
  }
  return found;
}

/** The first rule that matches the clause (which starts at `offset` in the article), else occurred. */
function firstRule(clause: string, offset: number): { modality: Modality; cue?: Span } {
  // Most clauses hold no modality word at all: one test of all the rules at once rules them out.
  if (!ANY_RULE.test(clause)) return { modality: 'occurred' };
  for (let k = 0; k < RULES.length; k++) {
    const m = RULES[k]![1].exec(clause);
    if (m) return { modality: RULES[k]![0], cue: [offset + m.index, offset + m.index + m[0].length] };
  }
  return { modality: 'occurred' };
}

/** A "but", a closing quote, and a period: they end the clause before the cue. */
const BUT = asciiWordPattern(/\bbut\b/giu);
const QUOTE_SPACE = /[”"]\s/gu;
const PERIOD = /\.\s/gu;

/** ", who would join the board ...," / ", which was due ...,": a clause about another noun, closed before the cue. */
const RELATIVE = /,\s*(?:who|whom|whose|which)\b[^,;]*,/giu;
/** "said (that)", "told reporters": what follows is the reported clause, with its own modality words. */
const REPORTING = /\b(?:said|says|told\s+[\p{L}]+|added|announced|confirmed|insisted|recalled)\b(?:\s+that\b)?/giu;
/** The words REPORTING starts with: a quick test first, since most clauses before an event hold none. */
const REPORTING_WORD = asciiWordPattern(/\b(?:said|says|told|added|announced|confirmed|insisted|recalled)/iu);
/** How far after a noun cue its passive "was called off" may stand (characters). */
const AFTER_WINDOW = 160;
/**
 * The event's own passive verb after it, in the same clause: no other clause verb ("said", "met") and no
 * semicolon between. Postponed, shelved and the like count as cancelled: the event did not happen as planned.
 */
const CALLED_OFF_AFTER =
  /^(?:(?!\b(?:after|before|when|because|while|but|said|says|although|though|as|until|and then)\b)[^;:.!?"“”])*?\b(?:has been|have been|had been|was|were|is|are|been|got|will be)\s+(?:(?:abruptly|indefinitely|quietly|suddenly|formally|now|also|again)\s+)?(cancel(?:l?ed)|call(?:ed)? off|scrapped|postponed|shelved|put off|abandoned|axed|scuttled|suspended)\b/iu;

/**
 * The verbs of CALLED_OFF_AFTER alone: a quick test first, since that pattern tries its look-ahead at every
 * character and most windows hold none of these words (CALLED_OFF_AFTER can match only where this one does).
 */
const CALLED_OFF_WORD = asciiWordPattern(/\b(?:cancel|call(?:ed)? off|scrapped|postponed|shelved|put off|abandoned|axed|scuttled|suspended)/iu);

/** The offset of the last character of the last match of the global regex `re` in `s`, or -1. */
function lastMatch(s: string, re: RegExp): number {
  // An exec loop, not for-of over allMatches: it runs a few times per event, mostly before V8 optimizes it.
  // (None of these patterns matches the empty string, which would need a step forward.)
  let last = -1;
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) last = m.index + m[0].length - 1;
  return last;
}
