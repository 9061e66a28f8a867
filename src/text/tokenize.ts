// Splits text into tokens and sentences, keeping character offsets into the original text.
import type { Sentence, Token } from '../types.js';

// Order matters: dotted abbreviations (U.S., D.C.) before words, words before single symbols.
// A word keeps inner hyphens, apostrophes and ampersands ("O'Neill", "AT&T", "Kuala-Lumpur") but leaves a
// possessive "'s" as a token of its own, as CoNLL and most NER training data do.
export const TOKEN_RE =
  /(?:\p{L}\.){2,}|\p{L}[\p{L}\p{M}\p{N}]*(?:[-'’&](?![sS]\b)[\p{L}\p{M}\p{N}]+)*|['’][sS]\b|\d+(?:[.,:/]\d+)*(?:st|nd|rd|th|s)?|\S/gu;

/** Words after which a period does not end the sentence. */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof gen lt col maj capt cmdr adm sgt sen rep gov pres st jr sr rev fr hon ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun ' +
    'inc corp co ltd dept univ no vs etc approx est ft mt'
  ).split(' '),
);

const CLOSERS = new Set(['"', '”', '’', "'", ')', ']']);

/**
 * The tokens of `text`: the matches of TOKEN_RE, found by a scanner over character classes. It gives the same tokens
 * as `text.matchAll(TOKEN_RE)` (tests compare the two) without building a match array per token, which was most of
 * the cost; TOKEN_RE stays the definition.
 *
 * The scanner only writes token offsets into a scratch array; a small loop apart then builds the Token objects. V8
 * decides after a few collections to allocate the tokens (which live as long as their article) in the old
 * generation, and that decision throws away the optimized code that allocates them: a small loop is cheap to
 * compile again, the scanner (most of the code) is compiled once.
 */
export function tokenize(text: string): Token[] {
  // A token is at least one UTF-16 unit: two offsets per unit is always enough room.
  if (bounds.length < 2 * text.length) bounds = new Int32Array(Math.max(2 * text.length, 2 * bounds.length));
  return makeTokens(text, bounds, scanTokens(text, bounds));
}

/** Scratch for token offsets (start, end, start, end...), reused from article to article. */
let bounds = new Int32Array(1 << 16);

/**
 * The tokens are built in one array reused from article to article and copied out at their exact number: an array
 * grown by push allocates about twice its final size on the way, and the collector copies what is still young.
 */
const scratch: Token[] = [];
/** How many slots of `scratch` the last article filled. */
let scratchUsed = 0;
/**
 * What the slots past the last article's tokens hold, so that the scratch keeps alive no tokens (nor, through their
 * slices, the text) of any article but the last.
 */
const NO_TOKEN: Token = { start: 0, end: 0, text: '' };

function makeTokens(text: string, bounds: Int32Array, count: number): Token[] {
  const n = count >> 1;
  for (let k = 0; k < count; k += 2) {
    const start = bounds[k]!;
    const end = bounds[k + 1]!;
    const length = end - start;
    // A one-character string of Latin-1 comes from V8's own table of them (punctuation, mostly): no copy to save.
    const own = length > MAX_SHARED || (length === 1 && text.charCodeAt(start) < 256);
    scratch[k >> 1] = { start, end, text: own ? text.slice(start, end) : sharedText(text, start, end) };
  }
  for (let i = n; i < scratchUsed; i++) scratch[i] = NO_TOKEN;
  scratchUsed = n;
  return scratch.slice(0, n);
}

/**
 * Token texts seen before, by a hash of their characters: a word that recurs ("the", "said", "minister") is one
 * string for all its tokens, not a new copy per token. Those copies were half the memory tokenizing allocated, and
 * they live as long as their article (through every stage of a batch), so the collector copied each of them too.
 * A slot holds the last text that hashed to it (no probing; a collision only costs a new string).
 */
const shared: string[] = new Array<string>(1 << 16).fill('');
/**
 * Per slot, two 32-bit hashes of its text's characters (the slot's own and a second, independent one): equal
 * hashes confirm a match without reading the string, a read far from the rest. A false match needs both to agree
 * for two different texts (or for a text and an empty slot, whose hashes are 0): about 2^-64 a look-up.
 */
const sharedHashes = new Int32Array(2 << 16);
/**
 * Longer slices are views into the article text rather than copies (V8 makes a string of 13 or more characters a
 * slice), which cost little, and keeping one here would keep its whole article alive.
 */
const MAX_SHARED = 12;

function sharedText(text: string, start: number, end: number): string {
  let h = 0, h2 = end - start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    h = (Math.imul(h, 31) + c) | 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  const slot = (h ^ (h >>> 16)) & (shared.length - 1);
  if (sharedHashes[2 * slot] === h && sharedHashes[2 * slot + 1] === h2) return shared[slot]!;
  sharedHashes[2 * slot] = h;
  sharedHashes[2 * slot + 1] = h2;
  return (shared[slot] = text.slice(start, end));
}

/** Writes the start and end offsets of the tokens of `text` into `out`; returns how many numbers it wrote. */
function scanTokens(text: string, out: Int32Array): number {
  let k = 0;
  const n = text.length;
  let p = 0;
  while (p < n) {
    const cp = text.codePointAt(p)!;
    const size = cp > 0xffff ? 2 : 1;
    const cls = cp < 128 ? ASCII_CLASSES[cp]! : charClass(cp);
    if (cls & SPACE) {
      p++;
      continue;
    }
    let q = p + size;
    if (cls & LETTER) {
      // Most words have no dot after their first letter: the abbreviation's own function runs only for those that do.
      const dotted = text.charCodeAt(q) === 46 ? dottedEnd(text, p) : -1;
      if (dotted >= 0) q = dotted;
      else {
        // \p{L}[\p{L}\p{M}\p{N}]*(?:[-'’&](?![sS]\b)[\p{L}\p{M}\p{N}]+)*
        q = wordCharsEnd(text, q);
        while (q < n && isJoiner(text.charCodeAt(q)) && !possessiveAt(text, q + 1)) {
          const c = text.codePointAt(q + 1);
          if (c === undefined || !(charClass(c) & WORD)) break;
          q = wordCharsEnd(text, q + 1);
        }
      }
    } else if ((cp === 39 || cp === 0x2019) && possessiveAt(text, p + 1)) {
      q = p + 2; // ['’][sS]\b
    } else if (cp >= 48 && cp <= 57) {
      q = numberEnd(text, q);
    }
    // Anything else is \S: one code point.
    out[k] = p;
    out[k + 1] = q;
    k += 2;
    p = q;
  }
  return k;
}

// Character classes by code point, as the u-flag regexes define them; looked up once per BMP code point.
const LETTER = 1;
const WORD = 2; // \p{L}, \p{M} or \p{N}
const SPACE = 4; // \s
const KNOWN = 8;
const classes = new Uint8Array(0x10000);
/** The classes of ASCII, filled in advance: the tokenizer reads them without a call. */
const ASCII_CLASSES = Uint8Array.from({ length: 128 }, (_, c) => charClass(c));

function computeClass(ch: string): number {
  let c = 0;
  if (/\p{L}/u.test(ch)) c |= LETTER | WORD;
  else if (/[\p{M}\p{N}]/u.test(ch)) c |= WORD;
  else if (/\s/u.test(ch)) c |= SPACE;
  return c;
}

function charClass(cp: number): number {
  if (cp > 0xffff) return computeClass(String.fromCodePoint(cp));
  let c = classes[cp]!;
  if (!c) classes[cp] = c = computeClass(String.fromCharCode(cp)) | KNOWN;
  return c;
}

/** The end of a run of \p{L}, \p{M} and \p{N} code points starting at `q`. */
function wordCharsEnd(text: string, q: number): number {
  for (;;) {
    const u = text.charCodeAt(q);
    // ASCII, most of the text: letters and digits, without a table look-up.
    if (u < 128) {
      if ((u >= 97 && u <= 122) || (u >= 65 && u <= 90) || (u >= 48 && u <= 57)) q++;
      else return q;
      continue;
    }
    const c = text.codePointAt(q);
    if (c === undefined || !(charClass(c) & WORD)) return q;
    q += c > 0xffff ? 2 : 1;
  }
}

// The rarer kinds of token have functions of their own, outside the scanner's loop: V8 compiles the loop when it gets
// hot, and the less it holds the less that costs (the scanner is compiled on every run, before the first article ends).

/** (?:\p{L}\.){2,} at `p`: the end of two or more letter-dot pairs ("U.S."), or -1. */
function dottedEnd(text: string, p: number): number {
  let pairs = 0;
  let r = p;
  for (;;) {
    const c = text.codePointAt(r);
    if (c === undefined || !(charClass(c) & LETTER)) break;
    const after = r + (c > 0xffff ? 2 : 1);
    if (text.charCodeAt(after) !== 46) break;
    r = after + 1;
    pairs++;
  }
  return pairs >= 2 ? r : -1;
}

/** \d+(?:[.,:/]\d+)*(?:st|nd|rd|th|s)? continued from `q`, just past a number's first digit. */
function numberEnd(text: string, q: number): number {
  q = digitsEnd(text, q);
  for (;;) {
    const c = text.charCodeAt(q);
    if ((c === 46 || c === 44 || c === 58 || c === 47) && isDigit(text.charCodeAt(q + 1))) q = digitsEnd(text, q + 1);
    else break;
  }
  const c = text.charCodeAt(q);
  const d = text.charCodeAt(q + 1);
  // st, nd, rd, th; else s
  if ((c === 115 && d === 116) || (c === 110 && d === 100) || (c === 114 && d === 100) || (c === 116 && d === 104)) q += 2;
  else if (c === 115) q += 1;
  return q;
}

function digitsEnd(text: string, q: number): number {
  while (isDigit(text.charCodeAt(q))) q++;
  return q;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
/** - ' ’ & */
const isJoiner = (c: number) => c === 45 || c === 39 || c === 0x2019 || c === 38;
/** \w without the i flag: ASCII letters, digits and _. */
const isAsciiWord = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** [sS]\b at `i`: an s that ends a word ("'s" as a token of its own). */
function possessiveAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c === 115 || c === 83) && !isAsciiWord(text.charCodeAt(i + 1));
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
    if (!isSentenceEnd(tok.text)) continue;
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

/** ".", "!" or "?": a test of one character, not a set look-up that would hash every token's text. */
function isSentenceEnd(t: string): boolean {
  if (t.length !== 1) return false;
  const c = t.charCodeAt(0);
  return c === 46 || c === 33 || c === 63;
}

function hasNewline(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}
