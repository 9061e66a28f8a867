import { describe, expect, it } from 'vitest';
import { analyze } from '../src/text/index.js';

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
