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
