import { describe, expect, it } from 'vitest';
import { analyze, findClutter } from '../src/text/index.js';

const BODY =
  'Anna Kovacs met Tomas Berg in Oslo on Tuesday to discuss the rail link between the two cities, officials said. ' +
  'The talks lasted three hours and ended with a promise to meet again before the summer, according to both offices.';

/** The dropped stretches of a text, as text, with their reasons. */
const dropped = (text: string) => findClutter(text).map((d) => [d.reason.split(':')[0], text.slice(d.start, d.end)]);

describe('findClutter', () => {
  it.each([
    ['Share this @examplenews.com', 'share link'],
    ['Share on Facebook', 'share link'],
    ['Tweet this', 'share link'],
    ['We use cookies to improve your experience on our site.', 'page furniture'],
    ['Subscribe to our newsletter for daily updates', 'page furniture'],
    ['© 2026 Example Media. All rights reserved.', 'page furniture'],
    ['Read more: Rail strike ends after two weeks', 'related link'],
    ['Related: Ferry prices rise again', 'related link'],
  ])('drops the line %j', (line, reason) => {
    expect(dropped(`${BODY}\n${line}\n${BODY}`)).toEqual([[reason, line]]);
  });

  it.each(['You May Also Like', 'Related Articles', 'Read more', 'Recommended', 'More from Example News', 'Most Popular'])(
    'drops a %j block of teasers to its end',
    (header) => {
      const block = `${header}\nMia Park\n\nCity council backs new bridge\n\nThe council voted late on Monday to fund a bridge that…\nPort reopens after storm`;
      const text = `${BODY}\n\n${block}`;
      expect(dropped(text)).toEqual([['block', block]]);
    },
  );

  it('ends a block where article prose comes back', () => {
    const text = `Related\nCity council backs new bridge\n\n${BODY}`;
    expect(dropped(text)).toEqual([['block', 'Related\nCity council backs new bridge']]);
  });

  it('drops a byline’s social handle but keeps the byline', () => {
    const text = `By Mia Park @miapark_news\n${BODY}`;
    expect(dropped(text)).toEqual([['social handle', '@miapark_news']]);
  });

  it.each([
    // Prose that merely uses the words stays.
    [`${BODY}\nThe related talks were held in May, and officials said they would share the results.`],
    // Photo captions stay, credits included: the credit is read as credited_to, not dropped.
    [`${BODY}\nAnna Kovacs greets Tomas Berg in Oslo. (Mia Park/Northwind via Harbor News)`],
    ['Anna Kovacs shared this view with reporters.'],
  ])('keeps %j', (text) => {
    expect(dropped(text)).toEqual([]);
  });
});

describe('analyze with clutter', () => {
  it('leaves sentences inside clutter out of the doc and renumbers the rest', () => {
    const text = `Share this @examplenews.com\n${BODY}\nYou May Also Like\nMia Park\nCity council backs new bridge`;
    const doc = analyze('t', text);
    expect(doc.dropped.map((d) => d.reason)).toEqual(['share link', 'block: you may also like']);
    const sentences = doc.sentences.map((s) => text.slice(s.start, s.end));
    expect(sentences).toHaveLength(2);
    expect(sentences.join(' ')).toBe(BODY);
    doc.sentences.forEach((s, i) => expect(s.index).toBe(i));
    for (const s of doc.sentences) for (const d of doc.dropped) expect(s.end <= d.start || s.start >= d.end).toBe(true);
  });
});
