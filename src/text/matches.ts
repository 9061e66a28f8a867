// A global regex's matches without String.prototype.matchAll, which builds a new RegExp from the pattern on every
// call: run per sentence with the long cue patterns of relation finding, that cost more than the matching did.

/** The matches of the global regex `re` in `s`, the same as `[...s.matchAll(re)]`. */
export function allMatches(re: RegExp, s: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`allMatches: ${re} must have the g flag`);
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    out.push(m);
    // As matchAll does: an empty match moves on by one character (one code point with the u flag).
    if (m[0] === '') re.lastIndex += re.unicode && (s.codePointAt(re.lastIndex) ?? 0) > 0xffff ? 2 : 1;
  }
  return out;
}

/**
 * A case-insensitive pattern of ASCII words ("said|told|met with"), compiled with the u flag and without it. V8 runs
 * the one without u about three times faster, and in text free of ſ (long s) and K (Kelvin sign), the only letters
 * that /iu folds onto ASCII ones (and counts as word characters for \b), the two find the same matches.
 */
export interface AsciiWordPattern {
  unicode: RegExp;
  ascii: RegExp;
}

/** Only words, spaces, hyphens, groups, alternation, optional parts, letter classes and \b. */
const ASCII_WORDS_SOURCE = /^(?:[A-Za-z '\-|()?:[\]]|\\b)*$/;

export function asciiWordPattern(re: RegExp): AsciiWordPattern {
  if (!re.ignoreCase || !re.unicode || !ASCII_WORDS_SOURCE.test(re.source)) {
    throw new TypeError(`asciiWordPattern: ${re} must be /iu and made of ASCII words, groups and \\b only`);
  }
  return { unicode: re, ascii: new RegExp(re.source, re.flags.replace('u', '')) };
}

/** True when `text` has no letter that /iu folds onto an ASCII letter: an AsciiWordPattern's `ascii` form may run on it. */
export function foldsLikeAscii(text: string): boolean {
  return !/[\u017F\u212A]/.test(text);
}
