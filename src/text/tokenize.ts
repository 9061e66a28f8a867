// Splits text into tokens and sentences, keeping character offsets into the original text.
import type { Sentence, Token } from '../types.js';

// Order matters: dotted abbreviations (U.S., D.C.) before words, words before single symbols.
// A word keeps inner hyphens, apostrophes and ampersands ("O'Neill", "AT&T", "Kuala-Lumpur") but leaves a
// possessive "'s" as a token of its own, as CoNLL and most NER training data do.
const TOKEN_RE =
  /(?:\p{L}\.){2,}|\p{L}[\p{L}\p{M}\p{N}]*(?:[-'’&](?![sS]\b)[\p{L}\p{M}\p{N}]+)*|['’][sS]\b|\d+(?:[.,:/]\d+)*(?:st|nd|rd|th|s)?|\S/gu;

/** Words after which a period does not end the sentence. */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof gen lt col maj capt cmdr adm sgt sen rep gov pres st jr sr rev fr hon ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun ' +
    'inc corp co ltd dept univ no vs etc approx est ft mt'
  ).split(' '),
);

const SENTENCE_END = new Set(['.', '!', '?']);
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']']);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const start = m.index;
    tokens.push({ start, end: start + m[0].length, text: m[0] });
  }
  return tokens;
}

/**
 * Groups tokens into sentences. A line break always ends a sentence (headlines, captions and one-sentence
 * lines are common in news text); otherwise ., ! or ? followed by a capitalized word, a quote or a digit.
 */
export function splitSentences(text: string, tokens: Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let first = 0;
  const close = (last: number) => {
    if (last < first) return;
    sentences.push({
      index: sentences.length,
      start: tokens[first]!.start,
      end: tokens[last]!.end,
      tokenStart: first,
      tokenEnd: last + 1,
    });
    first = last + 1;
  };
  for (let i = 0; i < tokens.length; i++) {
    const next = tokens[i + 1];
    if (!next) break;
    const tok = tokens[i]!;
    if (hasNewline(text, tok.end, next.start)) {
      close(i);
      continue;
    }
    if (!SENTENCE_END.has(tok.text)) continue;
    // Let closing quotes and brackets stay with the sentence they close.
    let last = i;
    while (tokens[last + 1] && CLOSERS.has(tokens[last + 1]!.text) && tokens[last + 1]!.start === tokens[last]!.end) last++;
    const after = tokens[last + 1];
    if (!after) break;
    if (tok.text === '.' && i > 0) {
      const prev = tokens[i - 1]!;
      if (prev.end === tok.start && ABBREVIATIONS.has(prev.text.toLowerCase())) continue;
      if (prev.end === tok.start && prev.text.length === 1 && /\p{Lu}/u.test(prev.text)) continue; // initials
    }
    if (!/^[\p{Lu}\p{N}"“‘'(]/u.test(after.text)) continue;
    close(last);
    i = last;
  }
  if (tokens.length) close(tokens.length - 1);
  return sentences;
}

function hasNewline(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}
