// Per-token character analysis in one pass over char codes (no regex, no substring): the lower-case hash, the
// short shape (Xx, X.X., d-d), the case class, and affix hashes.
import { FNV_OFFSET, fnvStep } from './hash.js';

export const CASE = { lower: 0, title: 1, upper: 2, mixed: 3, digit: 4, other: 5 } as const;

/** Title case, capitals or mixed case ("Oslo", "NATO", "McCain"): what can start or continue a name. */
export function isCapitalized(kase: number): boolean {
  return kase === CASE.title || kase === CASE.upper || kase === CASE.mixed;
}

/**
 * Typographic quotes and dashes as their ASCII forms: news text is full of them, the training corpora mostly
 * are not, and “Anchorage” should look like "Anchorage".
 */
function plainCode(c: number): number {
  if (c < 0x2013) return c === 0xab || c === 0xbb ? 34 : c;
  if (c === 0x2018 || c === 0x2019 || c === 0x201b) return 39;
  if (c === 0x201c || c === 0x201d || c === 0x201e) return 34;
  if (c === 0x2013 || c === 0x2014) return 45;
  return c;
}

/** Lower-cases one UTF-16 code unit (ASCII fast path), typographic quotes and dashes made plain. */
function lowerCode(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  const p = plainCode(c);
  return p < 128 ? p : String.fromCharCode(c).toLowerCase().charCodeAt(0);
}

/** 0 other, 1 lower-case letter, 2 upper-case letter, 3 digit. */
export function charClass(c: number): number {
  if (c < 128) {
    if (c >= 97 && c <= 122) return 1;
    if (c >= 65 && c <= 90) return 2;
    if (c >= 48 && c <= 57) return 3;
    return 0;
  }
  const s = String.fromCharCode(c);
  const lo = s.toLowerCase(), up = s.toUpperCase();
  if (lo !== s) return 2;
  if (up !== s) return 1;
  return 0;
}

export function lowerHash(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = fnvStep(h, lowerCode(text.charCodeAt(i)));
  return h;
}

/** Hash of the lower-cased characters [from, to) with a length tag, for prefixes and suffixes. */
export function affixHash(text: string, from: number, to: number, tag: number): number {
  let h = fnvStep(FNV_OFFSET, tag);
  for (let i = from; i < to; i++) h = fnvStep(h, lowerCode(text.charCodeAt(i)));
  return h;
}

export interface TokenInfo {
  lower: number;
  shape: number;
  kase: number;
}

/** Fills `out` with the token's lower-case hash, short-shape hash and case class. */
export function analyzeToken(text: string, start: number, end: number, out: TokenInfo): void {
  let lower = FNV_OFFSET;
  let shape = FNV_OFFSET;
  let last = -1;
  let upper = 0, lowers = 0, digits = 0, others = 0, firstUpper = false;
  for (let i = start; i < end; i++) {
    const c = plainCode(text.charCodeAt(i));
    lower = fnvStep(lower, lowerCode(c));
    const k = charClass(c);
    // Shape symbol: x, X, d, or the character itself; runs of one symbol collapse.
    const sym = k === 1 ? 120 : k === 2 ? 88 : k === 3 ? 100 : c;
    if (sym !== last) shape = fnvStep(shape, sym);
    last = sym;
    if (k === 1) lowers++;
    else if (k === 2) {
      upper++;
      if (i === start) firstUpper = true;
    } else if (k === 3) digits++;
    else others++;
  }
  out.lower = lower;
  out.shape = shape;
  out.kase =
    upper === 0 && lowers === 0
      ? digits > 0
        ? CASE.digit
        : CASE.other
      : upper === 0
        ? CASE.lower
        : lowers === 0
          ? CASE.upper
          : firstUpper && upper === 1
            ? CASE.title
            : CASE.mixed;
  void others;
}
