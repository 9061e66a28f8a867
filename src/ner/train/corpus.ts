// Reads the training corpora (strings in, sentences out) and maps their tags to ours: PER/ORG/LOC/MISC in BIO.
// GMB: per->PER, org->ORG, geo->LOC, gpe->LOC when a proper noun (countries) else MISC (demonyms such as
// "British", as CoNLL does), art/eve/nat->MISC, tim->O. Person spans lose leading titles and honorifics
// ("President Bush" -> "Bush"), since titles are roles of their own here.
import { splitSentences, tokenize } from '../../text/tokenize.js';
import { CLASSES, N_TAGS, O, begin, classOf, inside, isInside } from '../tags.js';

export interface RawSentence {
  tokens: string[];
  /** IOB2 tags over our classes: 'O', 'B-PER', 'I-LOC', ... */
  tags: string[];
}

/** A sentence as the tagger sees it: the tokens joined by spaces, re-tokenized by our tokenizer. */
export interface TrainSentence {
  text: string;
  starts: Int32Array;
  ends: Int32Array;
  gold: Uint8Array;
  weight: number;
}

const GMB_MAP: Record<string, string> = { per: 'PER', org: 'ORG', geo: 'LOC', art: 'MISC', eve: 'MISC', nat: 'MISC' };

/** Splits a "TOKEN ... TAG"-per-line file into sentences of columns. */
function blocks(content: string): string[][][] {
  const out: string[][][] = [];
  let cur: string[][] = [];
  for (const line of content.split('\n')) {
    const l = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (!l.trim()) {
      if (cur.length) out.push(cur);
      cur = [];
      continue;
    }
    cur.push(l.split(' '));
  }
  if (cur.length) out.push(cur);
  return out;
}

/** GMB (Kaggle release): TOKEN POS TAG. */
export function readGmb(content: string): RawSentence[] {
  return blocks(content).map((rows) => {
    const tokens = rows.map((r) => r[0]!);
    const tags = rows.map((r) => {
      const tag = r[r.length - 1]!;
      if (tag === 'O') return 'O';
      const [bio, type] = tag.split('-') as [string, string];
      let mapped = GMB_MAP[type];
      if (type === 'gpe') mapped = r[1] === 'NNP' || r[1] === 'NNPS' ? 'LOC' : 'MISC';
      return mapped ? `${bio}-${mapped}` : 'O';
    });
    return { tokens, tags: repair(tags) };
  });
}

/** ner-extra corpora: TOKEN TAG [ORIG], tags already PER/ORG/LOC/MISC. */
export function readExtra(content: string): RawSentence[] {
  return blocks(content).map((rows) => ({ tokens: rows.map((r) => r[0]!), tags: repair(rows.map((r) => r[1]!)) }));
}

/** Turns an I- tag that follows O or another type into B- (mapping can leave such gaps). */
function repair(tags: string[]): string[] {
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i]!;
    if (!t.startsWith('I-')) continue;
    const prev = i > 0 ? tags[i - 1]! : 'O';
    if (prev === 'O' || prev.slice(2) !== t.slice(2)) tags[i] = 'B-' + t.slice(2);
  }
  return tags;
}

/**
 * Drops titles from the front of person spans: honorifics ("Mr."), title words ("President", "Prime Minister",
 * "Secretary of State") and lower-case words, and whatever stands before the last title word ("Sri Lankan
 * President Mahinda Rajapakse", "former U.S. President Bill Clinton"), keeping at least one capitalized token.
 */
export function splitTitles(s: RawSentence, titleWords: Set<string>): RawSentence {
  const tags = s.tags.slice();
  const isTitle = (w: string) => titleWords.has(w.toLowerCase().replace(/\.$/, ''));
  const isLower = (w: string) => w[0] === w[0]!.toLowerCase() && w[0] !== w[0]!.toUpperCase();
  for (let i = 0; i < tags.length; i++) {
    if (tags[i] !== 'B-PER') continue;
    let end = i + 1;
    while (end < tags.length && tags[end] === 'I-PER') end++;
    // The name starts after the last title word that still has a capitalized word after it.
    let j = i;
    for (let k = i; k < end - 1; k++) {
      const w = s.tokens[k]!;
      if (isTitle(w) || w === '.') {
        let rest = k + 1;
        while (rest < end && (isLower(s.tokens[rest]!) || s.tokens[rest] === '.' || isTitle(s.tokens[rest]!))) rest++;
        if (rest < end) j = rest;
      }
    }
    while (j < end - 1 && (isLower(s.tokens[j]!) || s.tokens[j] === '.')) j++;
    if (j > i) {
      for (let k = i; k < j; k++) tags[k] = 'O';
      tags[j] = 'B-PER';
    }
    i = end - 1;
  }
  return { tokens: s.tokens, tags };
}

/** Lays a sentence out as text with our tokenizer; a corpus token may become several of ours. */
export function toTrainSentence(s: RawSentence, weight: number, upper = false): TrainSentence | null {
  let text = '';
  const starts: number[] = [], ends: number[] = [], gold: number[] = [];
  for (let i = 0; i < s.tokens.length; i++) {
    const tok = upper ? s.tokens[i]!.toUpperCase() : s.tokens[i]!;
    const tag = s.tags[i]!;
    if (text) text += ' ';
    const base = text.length;
    text += tok;
    const sub = tokenize(tok);
    for (let k = 0; k < sub.length; k++) {
      starts.push(base + sub[k]!.start);
      ends.push(base + sub[k]!.end);
      gold.push(tagId(tag, k > 0));
    }
  }
  if (!starts.length) return null;
  return { text, starts: Int32Array.from(starts), ends: Int32Array.from(ends), gold: Uint8Array.from(gold), weight };
}

function tagId(tag: string, continued: boolean): number {
  if (tag === 'O') return O;
  const c = CLASSES.indexOf(tag.slice(2) as (typeof CLASSES)[number]);
  if (c < 0) return O;
  const id = tag[0] === 'B' && !continued ? begin(c) : inside(c);
  return id < N_TAGS ? id : O;
}

/**
 * Cuts a training sentence where the tagger's sentence splitter cuts an article (src/text/tokenize.ts): a rank
 * ("1 . Name ( Country )") or a standings row ("X 70 63 .526 4") reaches the tagger as two sentences, so it is
 * learned as two.
 */
export function splitAsTagged(t: TrainSentence): TrainSentence[] {
  const tokens = Array.from(t.starts, (start, i) => ({ start, end: t.ends[i]!, text: t.text.slice(start, t.ends[i]!) }));
  const sentences = splitSentences(t.text, tokens);
  if (sentences.length === 1) return [t];
  return sentences.map((s) => {
    const base = t.starts[s.tokenStart]!;
    const gold = t.gold.slice(s.tokenStart, s.tokenEnd);
    if (isInside(gold[0]!)) gold[0] = begin(classOf(gold[0]!));
    return {
      text: t.text.slice(base, t.ends[s.tokenEnd - 1]!),
      starts: t.starts.slice(s.tokenStart, s.tokenEnd).map((x) => x - base),
      ends: t.ends.slice(s.tokenStart, s.tokenEnd).map((x) => x - base),
      gold,
      weight: t.weight,
    };
  });
}
