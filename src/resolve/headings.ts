// Headlines and subheadings ("Moscow Weighs In", "Baltic defence summit postponed") are short lines without a
// final period, often in title case: the tagger has little to go by there and runs names on into verbs or takes
// an adjective for a name. Names in such lines count only as far as the article's body agrees with them.
import type { Doc, Mention } from '../types.js';
import { isSpace } from './names.js';

const MAX_HEADING_WORDS = 14;

/** Sentence indices that are heading lines: a whole line of a few words with no closing punctuation. */
function headingSentences(doc: Doc): Set<number> {
  const out = new Set<number>();
  for (let nS = 0; nS < doc.sentences.length; nS++) {
    const s = doc.sentences[nS]!;
    // Cheapest tests first: most sentences do not start a line, or end in a period.
    const lineStart = s.start === 0 || doc.text[s.start - 1] === '\n';
    if (!lineStart) continue;
    // The sentence's last character but for trailing space, read in place.
    let last = s.end - 1;
    while (last >= s.start && isSpace(doc.text.charCodeAt(last))) last--;
    if (last < s.start || CLOSING.has(doc.text[last]!)) continue;
    const lineEnd = s.end >= doc.text.length || /^[ \t]*(?:\r?\n|$)/.test(doc.text.slice(s.end, s.end + 2));
    if (!lineEnd) continue;
    const words = doc.text.slice(s.start, s.end).trim().split(/\s+/);
    if (words.length > MAX_HEADING_WORDS || words.length < 2) continue;
    out.add(s.index);
  }
  return out;
}

/** Punctuation that closes a sentence, not a heading. */
const CLOSING = new Set(['.', '!', '?', ':', ';', '"', '”', ')']);

const normText = (t: string) => {
  const lower = t.toLowerCase();
  return lower.includes('’') ? lower.replace(/[’]/g, "'") : lower;
};

/**
 * In heading lines: a name of several words that the body never names whole is cut to its longest opening words
 * the body does name ("Moscow Weighs" -> "Moscow"); a one-word name that the body uses only inside longer names
 * ("Baltic" of "Baltic News Service") is an adjective there and no mention. Mutates `mentions` in place.
 */
export function trimHeadingNames(doc: Doc, mentions: Mention[]): void {
  const headings = headingSentences(doc);
  if (!headings.size) return;
  // The names in heading lines, by index; the loop below goes through them from the last, so that a name cut out
  // leaves the indexes of those before it as they were. The loops over all mentions are small functions of their
  // own: this one, with the rules, then runs once per article and V8 need not compile it.
  const inHeadings = headingNames(mentions, headings);
  if (!inHeadings.length) return;
  const bodyNames = bodyTexts(mentions, headings);
  // The body's single words, gathered when a one-word heading name first asks for them.
  let bodyWords: Set<string> | undefined;
  const isBodyWord = (w: string) => {
    if (!bodyWords) {
      bodyWords = new Set();
      for (let nM = 0; nM < mentions.length; nM++) {
        const m = mentions[nM]!;
        if (m.type === 'role' || headings.has(m.sentence)) continue;
        for (const x of m.text.split(/\s+/)) bodyWords.add(normText(x));
      }
    }
    return bodyWords.has(w);
  };
  for (let k = inHeadings.length - 1; k >= 0; k--) {
    const i = inHeadings[k]!;
    const m = mentions[i]!;
    if (bodyNames.has(normText(m.text))) continue;
    const words = m.text.split(/\s+/);
    if (words.length === 1) {
      // A person's surname alone in a headline is still that person; adjectives pass for organizations and places.
      if (m.type !== 'person' && isBodyWord(normText(m.text))) mentions.splice(i, 1);
      continue;
    }
    let cut = false;
    for (let n = words.length - 1; n >= 1; n--) {
      const head = words.slice(0, n).join(' ');
      if (!bodyNames.has(normText(head))) continue;
      m.end = m.start + head.length;
      m.text = head;
      cut = true;
      break;
    }
    // "Rumors Around Lavrov": a title-case preposition inside a name the body never uses makes it a phrase.
    if (!cut && words.slice(1).some((w) => HEADING_PREPOSITIONS.has(w))) mentions.splice(i, 1);
  }
}

/** The indexes of the names (not roles) in heading lines. */
function headingNames(mentions: Mention[], headings: Set<number>): number[] {
  const out: number[] = [];
  for (let nM = 0; nM < mentions.length; nM++) {
    const m = mentions[nM]!;
    if (m.type !== 'role' && headings.has(m.sentence)) out.push(nM);
  }
  return out;
}

/** The texts of the names (not roles) outside heading lines, as `normText` writes them. */
function bodyTexts(mentions: Mention[], headings: Set<number>): Set<string> {
  const out = new Set<string>();
  for (let nM = 0; nM < mentions.length; nM++) {
    const m = mentions[nM]!;
    if (m.type !== 'role' && !headings.has(m.sentence)) out.add(normText(m.text));
  }
  return out;
}

/** Prepositions as title case writes them in headings: inside a name they mark a phrase, not a name. */
const HEADING_PREPOSITIONS = new Set(
  'About Above Across After Against Along Amid Among Around As At Before Behind Below Beyond By Despite During Into Near Over Past Since Through Toward Towards Under Until Upon Versus Via Within Without'.split(' '),
);
