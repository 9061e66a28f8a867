// Photo credits at a caption's end: "(Jane Doe/Harbor Wire via Daily Courier)" names the photographer first and
// agencies after a slash, comma or "via"; "(AP Photo/Jane Doe)" names the agency first, as "<Agency> Photo", and
// the photographer after the slash. Each agency is an organization named by its whole segment.
import type { Doc, Mention } from '../types.js';
import { isSpace } from './names.js';

const CREDIT = /\(([^()]{2,200})\)\s*$/u;
const CREDIT_BODY = /\bvia\b|\/|\bphoto\b|\bimages?\b|\bpool\b/iu;
const SEPARATOR = /(\/|,|\s+via\s+)/u;
/** "AP Photo", "Reuters Pictures": the agency-first form; the word after the agency names the kind of credit. */
const AGENCY_FIRST = /^\s*(?!(?:File|Pool|Handout|Staff|Courtesy|Family|Contributed)\b)(\p{Lu}[\p{L}.&'’-]*(?:\s+\p{Lu}[\p{L}.&'’-]*){0,3})\s+(?:Photos?|Pictures?)\s*$/u;
/** A segment that can be a name: capitalized words (agencies may be in capitals: "AAP Image", "EPA-EFE"). */
const NAMELIKE = /^\p{Lu}[\p{L}.&'’-]*(?:\s+(?:\p{Lu}[\p{L}.&'’-]*|of|for|de|van|von|der|la|le)){0,4}$/u;

/**
 * Whether text[start, end) ends with ")" before trailing space, as a credit does: most sentences fail this at their
 * last character, read in place (no copy of the sentence).
 */
function closesBracket(text: string, start: number, end: number): boolean {
  let k = end;
  while (k > start && isSpace(text.charCodeAt(k - 1))) k--;
  return k > start && text.charCodeAt(k - 1) === 0x29; // ')'
}

export interface CreditPart {
  start: number;
  end: number;
  /** The name the part gives: the agency without "Photo", or the photographer as written. */
  name: string;
  kind: 'agency' | 'photographer';
}

/** The parts of the photo credit closing sentence `index`, or [] when it has none. */
export function creditParts(doc: Doc, index: number): CreditPart[] {
  const s = doc.sentences[index];
  if (!s) return [];
  if (!closesBracket(doc.text, s.start, s.end)) return [];
  const text = doc.text.slice(s.start, s.end);
  const c = CREDIT.exec(text);
  if (!c || !CREDIT_BODY.test(c[1]!)) return [];
  let pos = s.start + c.index + 1;
  const segments: [number, number][] = [];
  for (const part of c[1]!.split(SEPARATOR)) {
    if (!/^(?:\/|,|\s+via\s+)$/u.test(part)) segments.push([pos, pos + part.length]);
    pos += part.length;
  }
  const agencyFirst = AGENCY_FIRST.exec(doc.text.slice(...segments[0]!));
  return segments.flatMap(([a, b], k): CreditPart[] => {
    const raw = doc.text.slice(a, b);
    const lead = raw.length - raw.trimStart().length;
    const start = a + lead;
    const end = start + raw.trim().length;
    if (agencyFirst && k === 0) return [{ start, end: start + agencyFirst[1]!.length, name: agencyFirst[1]!, kind: 'agency' }];
    if (agencyFirst ? k === 1 : k === 0) return [{ start, end, name: raw.trim(), kind: 'photographer' }];
    // "Pool Photo", "Getty Images": "Photo" names the kind of credit, not the agency; "Images" stays.
    const name = raw.trim().replace(/\s+(?:photos?|pictures?)$/iu, '').trim();
    return name ? [{ start, end: start + name.length, name, kind: 'agency' }] : [];
  });
}

/** The credit part a mention lies in, if any. */
export function creditPartOf(doc: Doc, m: Mention): CreditPart | undefined {
  // A tagged "AP Photo" runs past the agency part by its " Photo".
  return creditParts(doc, m.sentence).find(
    (p) => m.start >= p.start && (m.end <= p.end || /^\s+(?:Photos?|Pictures?)$/u.test(doc.text.slice(p.end, m.end))),
  );
}

/**
 * The indices of the sentences that close with what may be a photo credit: only their mentions can lie in one
 * (`creditPartOf` finds nothing elsewhere). Most articles have none.
 */
export function creditSentences(doc: Doc): number[] {
  const out: number[] = [];
  // A text with no ")" has no credit: one search of the text spares the look at each sentence's end.
  if (!doc.text.includes(')')) return out;
  for (let nS = 0; nS < doc.sentences.length; nS++) {
    const s = doc.sentences[nS]!;
    if (closesBracket(doc.text, s.start, s.end) && CREDIT.test(doc.text.slice(s.start, s.end))) out.push(s.index);
  }
  return out;
}

/**
 * Agencies the tagger did not tag ("AAP Image", "AP" of "AP Photo"), and photographers of the agency-first form,
 * become mentions: a credit is a closed form whose parts are names by position. Inserted in text order.
 */
export function addCreditMentions(doc: Doc, mentions: Mention[], sentences: readonly number[] = creditSentences(doc)): void {
  for (let nS = 0; nS < sentences.length; nS++) {
    const index = sentences[nS]!;
    const parts = creditParts(doc, index);
    // A tagged span running across a separator ("Jane Doe/Harbor Wire") is one name per part.
    for (let i = mentions.length - 1; i >= 0; i--) {
      const m = mentions[i]!;
      if (m.sentence !== index || m.type === 'role') continue;
      const inside = parts.filter((p) => p.start < m.end && m.start < p.end);
      if (inside.length < 2) continue;
      const pieces = inside.map((p): Mention => {
        const start = Math.max(p.start, m.start);
        const end = Math.min(p.end, m.end);
        return { start, end, type: p.kind === 'agency' ? 'organization' : m.type, text: doc.text.slice(start, end), sentence: index };
      });
      mentions.splice(i, 1, ...pieces.filter((x) => x.text.trim()));
    }
    for (const p of parts) {
      if (!NAMELIKE.test(p.name)) continue;
      if (mentions.some((m) => m.start < p.end && p.start < m.end)) continue;
      const agencyFirst = p.kind === 'photographer' && parts[0]?.kind === 'agency';
      if (p.kind === 'photographer' && !agencyFirst) continue;
      const m: Mention = { start: p.start, end: p.end, type: p.kind === 'agency' ? 'organization' : 'person', text: doc.text.slice(p.start, p.end), sentence: index };
      let at = mentions.findIndex((x) => x.start > m.start);
      if (at < 0) at = mentions.length;
      mentions.splice(at, 0, m);
    }
  }
}
