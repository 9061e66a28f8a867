// Press digests ("PRESS DIGEST - Tunisia", "press review"): a wire article that summarizes newspapers, one
// section per paper, each headed by the paper's name on a line of its own. The header names an outlet, and what
// the section says is reported by it.
import type { Doc } from '../types.js';

const DIGEST = /\b(?:press digest|press review|newspaper review|review of the (?:press|papers)|what the papers say|from the (?:papers|newspapers))\b/iu;

/** A word every digest phrase has ("press" or "paper"), folded as DIGEST folds it. */
const MAY_NAME_DIGEST = /press|paper/iu;

/** True when the article's opening says it is a press digest. */
export function isDigest(doc: Doc): boolean {
  // Most openings fail this quick test ("pre" and "pap" alone, the test this replaced, passed nearly every one:
  // "president", "previous").
  if (!doc.sentences.slice(0, 3).some((s) => MAY_NAME_DIGEST.test(doc.text.slice(s.start, s.end)))) return false;
  const head = doc.sentences.slice(0, 3).map((s) => doc.text.slice(s.start, s.end)).join(' ');
  return DIGEST.test(head);
}

/**
 * The sentences that head a section: a short line of capitals (the paper's name), after the opening. Returns
 * their indices in doc.sentences.
 */
export function digestHeaders(doc: Doc): number[] {
  const out: number[] = [];
  for (const s of doc.sentences.slice(1)) {
    const raw = doc.text.slice(s.start, s.end);
    if (/\d/.test(raw)) continue; // a dateline ("TUNIS 1996-08-31"), not a paper
    const text = raw.replace(/[^\p{L}\s'’-]/gu, ' ').trim();
    const words = text.split(/\s+/).filter(Boolean);
    if (words.length >= 1 && words.length <= 4 && text === text.toUpperCase() && /\p{L}{2}/u.test(text)) out.push(s.index);
  }
  return out;
}
