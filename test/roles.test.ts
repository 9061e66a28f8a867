import { describe, expect, it } from 'vitest';
import { canonicalTitle, findRoles, linkRoles } from '../src/ner/roles.js';
import { analyze } from '../src/text/index.js';
import type { Mention } from '../src/types.js';

/** Mentions for the given names (first occurrence each), as a tagger would give them. */
function names(text: string, list: [string, Mention['type']][]): Mention[] {
  const doc = analyze('t', text);
  return list.map(([surface, type]) => {
    const start = text.indexOf(surface);
    const sentence = doc.sentences.find((s) => s.start <= start && start < s.end)!.index;
    return { start, end: start + surface.length, type, text: surface, sentence };
  });
}

function roles(text: string, list: [string, Mention['type']][]) {
  const doc = analyze('t', text);
  const ns = names(text, list);
  const rs = findRoles(doc, ns);
  const links = linkRoles(doc, [...ns, ...rs]);
  return rs.map((r) => {
    const l = links.find((l) => l.role === r);
    return `${r.text}|${r.of ?? ''}|${l?.person.text}|${l?.pattern}`;
  });
}

describe('findRoles', () => {
  it.each([
    ['Russian Foreign Minister Anna Kovacs arrived.', [['Anna Kovacs', 'person']], ['Foreign Minister|Russia|Anna Kovacs|prenominal']],
    ['U.S. Secretary of State Tomas Berg arrived.', [['Tomas Berg', 'person']], ['Secretary of State|United States|Tomas Berg|prenominal']],
    ['North Korean Foreign Minister Lee Ha-eun spoke.', [['Lee Ha-eun', 'person']], ['Foreign Minister|North Korea|Lee Ha-eun|prenominal']],
    ['Former French prime minister Tomas Berg spoke.', [['Tomas Berg', 'person']], ['prime minister|France|Tomas Berg|prenominal']],
    ['Tomas Berg, the U.S. secretary of state, arrived.', [['Tomas Berg', 'person']], ['secretary of state|United States|Tomas Berg|apposition']],
    ['Mia Park, 29, a defender, signed.', [['Mia Park', 'person']], ['defender||Mia Park|apposition']],
    ['Anna Kovacs, who heads the Orion Group, spoke.', [['Anna Kovacs', 'person'], ['Orion Group', 'organization']], ['heads|Orion Group|Anna Kovacs|heads']],
    ['Orion Group’s chief executive Anna Kovacs spoke.', [['Anna Kovacs', 'person'], ['Orion Group', 'organization']], ['chief executive|Orion Group|Anna Kovacs|prenominal']],
    ['Tomas Berg is chairman of the Orion Group.', [['Tomas Berg', 'person'], ['Orion Group', 'organization']], ['chairman|Orion Group|Tomas Berg|copula']],
    ['Portugal’s prime minister, Anna Kovacs, spoke.', [['Anna Kovacs', 'person'], ['Portugal', 'place']], ['prime minister|Portugal|Anna Kovacs|fronted']],
    ['Harbor United striker Mia Park scored twice.', [['Mia Park', 'person'], ['Harbor United', 'organization']], ['striker|Harbor United|Mia Park|prenominal']],
    ['The Orion Group has offered to pay, its chief executive Anna Kovacs said.', [['Orion Group', 'organization'], ['Anna Kovacs', 'person']], ['chief executive|Orion Group|Anna Kovacs|prenominal']],
    ['The speaker of the Oslo city council, Anna Kovacs, spoke.', [['Anna Kovacs', 'person'], ['Oslo', 'place']], ['speaker|Oslo|Anna Kovacs|fronted']],
    ['Said Orion Group chairman and chief executive Anna Kovacs.', [['Anna Kovacs', 'person'], ['Orion Group', 'organization']], ['chairman|Orion Group|Anna Kovacs|prenominal', 'chief executive||Anna Kovacs|prenominal']],
    ['Mia Park, an elected member of parliament, died.', [['Mia Park', 'person']], ['member of parliament||Mia Park|apposition']],
    ['Tomas Berg became president in 1988.', [['Tomas Berg', 'person']], ['president||Tomas Berg|copula']],
    // Compound titles are one role: a prefix title before a title, a portfolio after "of"/"for".
    ['Deputy Finance Minister Mia Park resigned.', [['Mia Park', 'person']], ['Deputy Finance Minister||Mia Park|prenominal']],
    ['Later, Vice Prime Minister Tomas Berg spoke.', [['Tomas Berg', 'person']], ['Vice Prime Minister||Tomas Berg|prenominal']],
    ['Peruvian Minister of Energy and Mines Anna Kovacs spoke.', [['Anna Kovacs', 'person']], ['Minister of Energy and Mines|Peru|Anna Kovacs|prenominal']],
    ['Anna Kovacs, the Minister of State for Housing, spoke.', [['Anna Kovacs', 'person'], ['State for Housing', 'organization']], ['Minister of State for Housing||Anna Kovacs|apposition']],
    ['Minister of Finance Tomas Berg spoke.', [['Tomas Berg', 'person']], ['Minister of Finance||Tomas Berg|prenominal']],
    // A generic possessor: the country or company the sentence named before, else nothing.
    ['In Peru, Mia Park, the country’s finance minister, spoke.', [['Peru', 'place'], ['Mia Park', 'person']], ['finance minister|Peru|Mia Park|apposition']],
    ['Mia Park, the country’s finance minister, spoke.', [['Mia Park', 'person']], ['finance minister||Mia Park|apposition']],
    // A rank abbreviation between the set-off title and the name.
    ['Norway’s chief of defence, Adm. Tomas Berg, arrived.', [['Tomas Berg', 'person'], ['Norway', 'place']], ['chief of defence|Norway|Tomas Berg|fronted']],
    // A title word the tagger took for a person is part of the title.
    ['Danish Prime Minister Tomas Berg spoke.', [['Prime', 'person'], ['Tomas Berg', 'person']], ['Prime Minister|Denmark|Tomas Berg|prenominal']],
    // Titles that tie to nobody are not role mentions.
    ['The president spoke to Anna Kovacs.', [['Anna Kovacs', 'person']], []],
    ['Anna Kovacs, right, greets Tomas Berg, center.', [['Anna Kovacs', 'person'], ['Tomas Berg', 'person']], []],
    // A title inside an organization's name belongs to the name.
    ['The Foreign Minister Office said Anna Kovacs left.', [['Foreign Minister Office', 'organization'], ['Anna Kovacs', 'person']], []],
  ] as [string, [string, Mention['type']][], string[]][])('%s', (text, list, expected) => {
    expect(roles(text, list)).toEqual(expected);
  });

  it('splits a title off a person mention that includes it (taggers trained on GMB do that)', () => {
    const text = 'President Anna Kovacs spoke.';
    const doc = analyze('t', text);
    const ns = names(text, [['President Anna Kovacs', 'person']]);
    const rs = findRoles(doc, ns);
    expect(ns[0]!.text).toBe('Anna Kovacs');
    expect(rs.map((r) => r.text)).toEqual(['President']);
  });

  it.each([
    ['Harbor scrum-half Peter van der Berg scored.', 'Harbor scrum-half Peter van der Berg', 'person', 'Peter van der Berg'],
    ['Port Authority Director Anna Kovacs spoke.', 'Port Authority Director Anna Kovacs', 'organization', 'Anna Kovacs'],
    ['King Harald Fjord opened the bridge.', 'King Harald Fjord', 'organization', 'Harald Fjord'],
    ['Port Authority Director Tove Ekdahl spoke.', 'Port Authority Director Tove Ekdahl', 'organization', 'Tove Ekdahl'],
    // An organization whose tail is no person's name stays whole.
    ['The Port Authority Director Office spoke.', 'Port Authority Director Office', 'organization', 'Port Authority Director Office'],
    ['The Chairman Bank Group grew.', 'Chairman Bank Group', 'organization', 'Chairman Bank Group'],
  ] as [string, string, Mention['type'], string][])('cuts a name out of %j', (text, surface, type, name) => {
    const doc = analyze('t', text);
    const ns = names(text, [[surface, type]]);
    findRoles(doc, ns);
    expect(ns[0]!.text).toBe(name);
  });

  it.each([
    ['Foreign Minister', 'foreign minister'],
    ['chief-of-staff', 'chief of staff'],
    ['heads', 'head'],
    ['leads', 'leader'],
  ])('canonicalTitle(%j) = %j', (text, title) => {
    expect(canonicalTitle(text)).toBe(title);
  });
});
