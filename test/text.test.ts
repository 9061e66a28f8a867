import { describe, expect, it } from 'vitest';
import { analyze } from '../src/text/index.js';
import { asciiWordPattern, foldsLikeAscii } from '../src/text/matches.js';
import { TOKEN_RE, tokenize } from '../src/text/tokenize.js';

describe('analyze', () => {
  it.each([
    ['Lavrov’s plan', ['Lavrov', '’s', 'plan']],
    ['U.S. Secretary of State', ['U.S.', 'Secretary', 'of', 'State']],
    ["O'Neill met AT&T staff.", ["O'Neill", 'met', 'AT&T', 'staff', '.']],
    ['It rose 2.5% on Nov. 7.', ['It', 'rose', '2.5', '%', 'on', 'Nov', '.', '7', '.']],
  ])('tokenizes %j', (text, expected) => {
    const doc = analyze('t', text);
    expect(doc.tokens.map((t) => t.text)).toEqual(expected);
    for (const t of doc.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it.each([
    ['Mr. Smith arrived. He spoke.', ['Mr. Smith arrived.', 'He spoke.']],
    ['Headline here\nBody starts. Then "a quote." After it.', ['Headline here', 'Body starts.', 'Then "a quote."', 'After it.']],
    ['The U.S. Senate met on Nov. 7 in Washington.', ['The U.S. Senate met on Nov. 7 in Washington.']],
    ['', []],
  ])('splits sentences in %j', (text, expected) => {
    const doc = analyze('t', text);
    expect(doc.sentences.map((s) => text.slice(s.start, s.end))).toEqual(expected);
  });
});

describe('tokenize', () => {
  // The scanner must give exactly the matches of TOKEN_RE, its definition: edge cases of every alternative, and
  // letters outside ASCII (accents, combining marks, other scripts' digits, astral letters, lone surrogates).
  it.each([
    'U.S. D.C. e.g. U.S',
    "the minister's plan, the ministers' plan, Lavrov’s, O'Neill, AT&T, rock-'n'-roll, don't, it's, Kuala-Lumpur-s",
    "'s 'S 's1 's_ ’sa ' '",
    '2.5% 1,000,000 10:30 1/2 5th 21st 2nd 3rd 1990s 3sx 7th. 2.',
    'Zoë café naïve Ṣẹ́gun ١٢٣ 𝐀𝐁c 𝐀.𝐁. x\ud800y \u00a0nbsp\u2028line',
    'a-b-s a-s- a&s a’b ab- -ab',
    '',
  ])('tokenizes %j as TOKEN_RE matches it', (text) => {
    const expected = [...text.matchAll(TOKEN_RE)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
    expect(tokenize(text)).toEqual(expected);
  });

  it('never mixes up two recurring words whose first hash is the same', () => {
    // "Aa" and "BB" (and "AaAa", "BBBB") have one 31-multiplier hash, so they take one slot of the shared texts.
    const text = 'Aa BB Aa BB AaAa BBBB AaBB BBAa AaAa';
    expect(tokenize(text).map((t) => t.text)).toEqual(text.split(' '));
  });
});

describe('asciiWordPattern', () => {
  const said = asciiWordPattern(/\b(?:said|told)\b/giu);
  it.each([
    ['He SAID so, she told me.', true, 2],
    ['Kevin ſaid it', false, 1], // ſ (long s) folds onto s with /iu only
    ['\u212Aelvin told', false, 1], // K (Kelvin sign) counts as a word character for \b with /iu
  ])('finds the same matches as the u form in %j (ascii form allowed: %s)', (text, ascii, count) => {
    expect(foldsLikeAscii(text)).toBe(ascii);
    const unicode = [...text.matchAll(said.unicode)].map((m) => m.index);
    expect(unicode.length).toBe(count);
    if (ascii) expect([...text.matchAll(said.ascii)].map((m) => m.index)).toEqual(unicode);
  });

  it('refuses a pattern whose meaning the u flag changes', () => {
    expect(() => asciiWordPattern(/\p{L}+said/giu)).toThrow(TypeError);
    expect(() => asciiWordPattern(/said/gi)).toThrow(TypeError);
  });
});
