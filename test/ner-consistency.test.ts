import { describe, expect, it } from 'vitest';
import { harmonize } from '../src/ner/consistency.js';
import type { NameSpan } from '../src/ner/tagger.js';
import { CLASSES } from '../src/ner/tags.js';
import { analyze } from '../src/text/index.js';

const cls = (c: (typeof CLASSES)[number]) => CLASSES.indexOf(c);

/** Spans given as [token text, class] for the first token equal to the text (or 'a b' for several tokens). */
function spansOf(text: string, marks: [string, (typeof CLASSES)[number], number?][]) {
  const doc = analyze('t', text);
  const spans: NameSpan[] = marks.map(([name, c, nth = 0]) => {
    const words = name.split(' ');
    let seen = 0;
    for (let i = 0; i < doc.tokens.length; i++) {
      if (words.every((w, k) => doc.tokens[i + k]?.text === w) && seen++ === nth) {
        const sentence = doc.sentences.findIndex((s) => s.tokenStart <= i && i < s.tokenEnd);
        return { first: i, last: i + words.length - 1, cls: cls(c), sentence };
      }
    }
    throw new Error(`no ${name}`);
  });
  spans.sort((a, b) => a.first - b.first);
  return { doc, spans };
}

const show = (doc: ReturnType<typeof analyze>, spans: NameSpan[]) =>
  spans.map((s) => `${CLASSES[s.cls]}:${doc.text.slice(doc.tokens[s.first]!.start, doc.tokens[s.last]!.end)}`);

describe('harmonize: one article, one reading of each name', () => {
  it.each([
    [
      'most occurrences decide the type',
      'Velmora shares rose. Velmora said profits grew. Analysts like Velmora.',
      [['Velmora', 'ORG', 0], ['Velmora', 'ORG', 1], ['Velmora', 'LOC', 2]],
      ['ORG:Velmora', 'ORG:Velmora', 'ORG:Velmora'],
    ],
    [
      'a lone surname of a person named in full is that person',
      'Maria Lopez won the vote. Supporters cheered as Lopez spoke.',
      [['Maria Lopez', 'PER'], ['Lopez', 'LOC', 1]],
      ['PER:Maria Lopez', 'PER:Lopez'],
    ],
    [
      'an untagged repeat of a tagged name is tagged',
      'Anna Kowalski arrived on Monday. Later Kowalski met the press.',
      [['Anna Kowalski', 'PER']],
      ['PER:Anna Kowalski', 'PER:Kowalski'],
    ],
    [
      'a name in a capitals headline is the name of the prose',
      'VELMORA WINS AGAIN\nVelmora won the cup. Fans cheered Velmora.',
      [['VELMORA', 'LOC'], ['Velmora', 'ORG'], ['Velmora', 'ORG', 1]],
      ['ORG:VELMORA', 'ORG:Velmora', 'ORG:Velmora'],
    ],
    [
      'an untagged repeat is found only as the name was written',
      'KESTREL BAY TALKS RESUME\nKestrel bay was calm on Monday.',
      [['KESTREL BAY', 'LOC']],
      ['LOC:KESTREL BAY'],
    ],
    [
      'an initial joins its surname',
      'The award went to J. Okafor of the institute.',
      [['J', 'PER'], ['Okafor', 'PER']],
      ['PER:J. Okafor'],
    ],
  ] as [string, string, [string, (typeof CLASSES)[number], number?][], string[]][])('%s', (_what, text, marks, expected) => {
    const { doc, spans } = spansOf(text, marks);
    expect(show(doc, harmonize(doc, spans))).toEqual(expected);
  });

  it('reads the short form of an organization named with a keyword as that organization', () => {
    const text = 'Brennmoor Holdings Inc cut jobs. Workers at Brennmoor protested.';
    const { doc, spans } = spansOf(text, [['Brennmoor Holdings Inc', 'ORG'], ['Brennmoor', 'PER', 1]]);
    const isOrgKey = (i: number) => ['Inc', 'Holdings'].includes(doc.tokens[i]!.text);
    expect(show(doc, harmonize(doc, spans, isOrgKey))).toEqual(['ORG:Brennmoor Holdings Inc', 'ORG:Brennmoor']);
    expect(show(doc, harmonize(doc, spansOf(text, [['Brennmoor Holdings Inc', 'ORG'], ['Brennmoor', 'PER', 1]]).spans))).toContain('PER:Brennmoor');
  });

  it('reads the short form of a company named with a legal suffix as the company, however often the tagger said place', () => {
    const text = 'Tarrant Ltd cut jobs. Tarrant shares fell. Tarrant said sales slowed. Tarrant plans cuts.';
    const marks: [string, (typeof CLASSES)[number], number?][] = [['Tarrant Ltd', 'ORG'], ['Tarrant', 'LOC', 1], ['Tarrant', 'LOC', 2], ['Tarrant', 'LOC', 3]];
    const { doc, spans } = spansOf(text, marks);
    const isOrgKey = (i: number) => doc.tokens[i]!.text === 'Ltd';
    expect(show(doc, harmonize(doc, spans, isOrgKey))).toEqual(['ORG:Tarrant Ltd', 'ORG:Tarrant', 'ORG:Tarrant', 'ORG:Tarrant']);
    // A keyword that is no legal form ("Party") keeps the vote.
    const party = 'Tarrant Party met. Tarrant was calm. Tarrant voted. Tarrant slept.';
    const p = spansOf(party, [['Tarrant Party', 'ORG'], ['Tarrant', 'LOC', 1], ['Tarrant', 'LOC', 2], ['Tarrant', 'LOC', 3]]);
    const isParty = (i: number) => p.doc.tokens[i]!.text === 'Party';
    expect(show(p.doc, harmonize(p.doc, p.spans, isParty)).filter((x) => x === 'LOC:Tarrant')).toHaveLength(3);
  });

  it('does not turn a place into a person on one glued headline name', () => {
    const text = 'Talks on Kessler Ostrava plan\nKessler flew to Ostrava. Ostrava was calm. Ostrava voted.';
    const { doc, spans } = spansOf(text, [['Kessler Ostrava', 'PER'], ['Kessler', 'PER', 1], ['Ostrava', 'LOC', 1], ['Ostrava', 'LOC', 2], ['Ostrava', 'LOC', 3]]);
    const out = show(doc, harmonize(doc, spans));
    expect(out.filter((x) => x === 'LOC:Ostrava')).toHaveLength(3);
  });

  it.each([
    ['a dateline on a results page is the place filed from', 'DENVER 2025-03-14\nDENVER 4 Dallas 2\nDENVER 1 Houston 0', [['DENVER', 'ORG'], ['DENVER', 'ORG', 1], ['DENVER', 'ORG', 2]], ['LOC:DENVER', 'ORG:DENVER', 'ORG:DENVER']],
    ['with a state and a slashed date', 'Tulsa , Oklahoma 03/14/2025\nTulsa beat Omaha .\nTulsa won again .', [['Tulsa', 'PER'], ['Tulsa', 'ORG', 1], ['Tulsa', 'ORG', 2]], ['LOC:Tulsa', 'LOC:Oklahoma', 'ORG:Tulsa', 'ORG:Tulsa']],
    ['the state after its comma is a place too, and neither votes nor is outvoted', 'Tulsa , Oklahoma 03/14/2025\nOklahoma beat Omaha .', [['Oklahoma', 'ORG'], ['Oklahoma', 'ORG', 1]], ['LOC:Tulsa', 'LOC:Oklahoma', 'ORG:Oklahoma']],
    ['a dateline the tagger cut or left out is one place', 'THE HAGUE 2025-03-14\nTalks went on .', [['HAGUE', 'ORG']], ['LOC:THE HAGUE']],
    ['a standings row is no dateline: outvoted', 'DENVER 40 20 .667 5 1/2\nDENVER 4 Dallas 2\nDENVER 1 Houston 0', [['DENVER', 'LOC'], ['DENVER', 'ORG', 1], ['DENVER', 'ORG', 2]], ['ORG:DENVER', 'ORG:DENVER', 'ORG:DENVER']],
  ] as [string, string, [string, (typeof CLASSES)[number], number?][], string[]][])('%s', (_what, text, marks, expected) => {
    const { doc, spans } = spansOf(text, marks);
    expect(show(doc, harmonize(doc, spans)).filter((x) => !/Dallas|Houston|Omaha/.test(x))).toEqual(expected);
  });

  // Scores are the tagger's for reading each mention as PER, ORG, LOC, MISC; a margin of a few points is a close call.
  it.each([
    [
      'one sure reading outweighs two close calls',
      'Velmora spoke first. Velmora was cheered. Fans chanted Velmora.',
      [['Velmora', 'PER', 0, [90, 10, 0, -20]], ['Velmora', 'ORG', 1, [18, 20, 0, -20]], ['Velmora', 'ORG', 2, [17, 20, 0, -20]]],
      ['PER:Velmora', 'PER:Velmora', 'PER:Velmora'],
    ],
    [
      'a lone close call does not turn a name read with confidence',
      'Velmora spoke first. Fans chanted Velmora.',
      [['Velmora', 'PER', 0, [90, 10, 0, -20]], ['Velmora', 'ORG', 1, [18, 20, 0, -20]]],
      ['PER:Velmora', 'PER:Velmora'],
    ],
    [
      'two sure readings each way: the surer side wins',
      'Velmora spoke first. Velmora was cheered. Talks in Velmora ended. Velmora is cold.',
      [['Velmora', 'PER', 0, [30, 0, 0, -20]], ['Velmora', 'PER', 1, [30, 0, 0, -20]], ['Velmora', 'LOC', 2, [0, 0, 90, -20]], ['Velmora', 'LOC', 3, [0, 0, 90, -20]]],
      ['LOC:Velmora', 'LOC:Velmora', 'LOC:Velmora', 'LOC:Velmora'],
    ],
    [
      'a class a rule chose against the tagger votes whole',
      'Velmora won. Velmora is far.',
      [['Velmora', 'ORG', 0, [0, 0, 40, -20]], ['Velmora', 'LOC', 1, [0, 38, 40, -20]]],
      ['ORG:Velmora', 'ORG:Velmora'],
    ],
  ] as [string, string, [string, (typeof CLASSES)[number], number, number[]][], string[]][])('weighing votes by confidence: %s', (_what, text, marks, expected) => {
    const { doc, spans } = spansOf(text, marks.map(([name, c, nth]) => [name, c, nth]));
    for (const [i, s] of spans.entries()) s.scores = marks[i]![3];
    expect(show(doc, harmonize(doc, spans))).toEqual(expected);
  });

  it.each([
    ['a town before a score is a team', 'Harwick 28 Bramley 12', [['Harwick', 'LOC'], ['Bramley', 'LOC']], ['ORG:Harwick', 'ORG:Bramley']],
    ['so on a standings row', 'HARWICK 40 20 .667 5', [['HARWICK', 'LOC']], ['ORG:HARWICK']],
    ['a country stays a place (a national side)', 'Norway 2 Bramley 1', [['Norway', 'LOC'], ['Bramley', 'LOC']], ['LOC:Norway', 'ORG:Bramley']],
    ['a venue before a colon stays a place', 'Harwick : Bramley 363 and 120', [['Harwick', 'LOC'], ['Bramley', 'LOC']], ['LOC:Harwick', 'ORG:Bramley']],
    ['a place in running text stays a place', 'Harwick 2 was the score they wanted in the end , said Bramley 4 times', [['Harwick', 'LOC'], ['Bramley', 'LOC']], ['LOC:Harwick', 'LOC:Bramley']],
    ['two names and their scores alone are two teams', 'Port Vale 2 Oxford 0', [['Port Vale', 'PER'], ['Oxford', 'LOC']], ['ORG:Port Vale', 'ORG:Oxford']],
    ['a golfer before his scores stays a person', 'Ian Mabry 68 70 71 69', [['Ian Mabry', 'PER']], ['PER:Ian Mabry']],
    ['a dateline stays a place', 'HARWICK , Norway 2025-03-14\nTalks went on .', [['HARWICK', 'LOC'], ['Norway', 'LOC']], ['LOC:HARWICK', 'LOC:Norway']],
  ] as [string, string, [string, (typeof CLASSES)[number], number?][], string[]][])('on a sports page: %s', (_what, text, marks, expected) => {
    const { doc, spans } = spansOf(text, marks);
    const isCountry = (first: number, last: number) => first === last && doc.tokens[first]!.text === 'Norway';
    expect(show(doc, harmonize(doc, spans, undefined, { isCountry }))).toEqual(expected);
    // Outside a sports page the rule does not apply.
    expect(show(doc, harmonize(doc, spansOf(text, marks).spans)).filter((x) => x.startsWith('ORG'))).toHaveLength(0);
  });
});
