import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { resolveAcross } from '../src/resolve/index.js';
import { countryName, countryOfModifier } from '../src/resolve/countries.js';
import { type CountryRecord, countryForms, formatCountryForms, parseCountryForms } from '../src/resolve/country-forms.js';
import { acronymLetters, cleanName, expandAbbreviations, isSpace, lettersOfAcronym, normalizeName, normName, readLexicon } from '../src/resolve/names.js';
import { mayEndCountryName } from '../src/resolve/countries.js';
import { run, type Names } from './relations-util.js';

const P: Names = {
  'Anna Kovacs': 'person',
  'Peter Kovacs': 'person',
  'Tomas Berg': 'person',
  Kovacs: 'person',
  Berg: 'person',
  Anna: 'person',
  'Northern Rail Authority': 'organization',
  NRA: 'organization',
  FNX: 'organization',
  'United Nations': 'organization',
  'U.N.': 'organization',
  'U.N. Ambassador': 'organization',
  'North Tarvia': 'place',
  'Tarvian Republic': 'place',
  Republic: 'place',
  'Tarvian Commission': 'organization',
  Commission: 'organization',
  Lumen: 'organization',
  'Danish Green Party': 'organization',
  Green: 'organization',
  'Kovacs Song-ho': 'person',
  'Kovacs In-mo': 'person',
  North: 'place',
  'Office of the Prime Minister': 'organization',
  'Seattle Harbor Mariners': 'organization',
  Mariners: 'organization',
  'HARBOR MARINERS': 'organization',
  'BERG SCORES TWICE': 'person',
  'ROWING - OSLO V LISBON': 'organization',
  Lisbon: 'place',
  'Foreign Ministry': 'organization',
  'Ministry': 'organization',
  'Trade Department': 'organization',
  'U.S. Trade Dept.': 'organization',
  'Lumen Pharma Corp': 'organization',
  'Lumen Pharma': 'organization',
  'U.S.': 'place',
  US: 'place',
  'United States': 'place',
  America: 'place',
  USA: 'place',
  Oslo: 'place',
  'Pieter de Vries': 'person',
  'de Vries': 'person',
  'Tomas Berg 46th': 'person',
  'Tomas Berg 71st': 'person',
  'Saltmarsh Mobile': 'organization',
  'Saltmarsh Bank': 'organization',
  Saltmarsh: 'organization',
  'Oslo Energy': 'organization',
  'Vardo Prison': 'place',
  Vardo: 'place',
  'Oslo Harbour': 'place',
};

/** Entities of one text as "Name [alias:rule, ...]". */
function groups(text: string, names: Names = P): string[] {
  const x = run(text, names);
  return x.entities
    .filter((e) => e.type !== 'role')
    .map((e) => `${e.name}${e.merges.length ? ` [${e.merges.map((m) => `${m.name}:${m.rule}`).join(', ')}]` : ''}`)
    .sort();
}

describe('corefer: merge rules', () => {
  it.each([
    ['Anna Kovacs spoke. Later Kovacs left.', ['Anna Kovacs [Kovacs:surname]']],
    ['Anna Kovacs spoke. Ms. Kovacs’s aides left.', ['Anna Kovacs [Kovacs:surname]']],
    ['Anna Kovacs spoke. Anna smiled.', ['Anna Kovacs [Anna:first-name]']],
    ['The Northern Rail Authority (NRA) said fares rise. The NRA gave no date.', ['Northern Rail Authority [NRA:acronym]']],
    ['The United Nations met. The U.N. voted.', ['United Nations [U.N.:acronym]']],
    ['The Seattle Harbor Mariners won. The Mariners lost later.', ['Seattle Harbor Mariners [Mariners:short-form]']],
    ['The U.S. Trade Dept. spoke. The Trade Department agreed.', ['U.S. Trade Dept. [Trade Department:short-form]']],
    ['Lumen Pharma Corp rose. Lumen Pharma fell.', ['Lumen Pharma Corp [Lumen Pharma:org-suffix]']],
    ['HARBOR MARINERS WIN AGAIN. The Seattle Harbor Mariners won.', ['Seattle Harbor Mariners [HARBOR MARINERS:short-form]']],
    ['The U.N. Ambassador spoke. The U.N. agreed.', ['U.N. [U.N. Ambassador:title-trimmed]']],
    ['The Office of the Prime Minister agreed.', ['Office of the Prime Minister']],
    ['The Tarvian Republic voted. The Republic said no.', ['Tarvian Republic [Republic:short-form]']],
    ['North Tarvia fired a missile. The North said it was a test.', ['North Tarvia [North:short-form]']],
    ['Lumen Pharma Corp rose. Lumen led the market.', ['Lumen Pharma Corp [Lumen:short-form]']],
    ['The Danish Green Party won. Green voters cheered the Greens.', ['Danish Green Party [Green:short-form]']],
    ['Kovacs Song-ho and Kovacs In-mo met. Kovacs spoke first.', ['Kovacs In-mo', 'Kovacs Song-ho [Kovacs:first-name]']],
    ['The Tarvian Commission met. The Commission agreed.', ['Tarvian Commission [Commission:short-form]']],
    // ... and the one place it opens, unless it is a city or country of its own.
    ['Inmates at Vardo Prison protested. Guards at Vardo were calm.', ['Vardo Prison [Vardo:short-form]']],
    ['Crowds filled Oslo Harbour. Oslo was calm.', ['Oslo', 'Oslo Harbour']],
    // A distinctive first word alone is the one organization it opens.
    ['Saltmarsh Mobile bid for the network. Saltmarsh said the offer was fair.', ['Saltmarsh Mobile [Saltmarsh:short-form]']],
    // Capitalized headlines run names on into the next words: the body tells where the name ends.
    ['BERG SCORES TWICE. Tomas Berg scored twice on Sunday.', ['Tomas Berg [BERG:headline-trim, BERG SCORES TWICE:headline-trim]']],
    // (The tagger typed the headline an organization: the place of the same name joins it across articles.)
    ['ROWING - OSLO V LISBON. Crews from Oslo and Lisbon raced.', ['Lisbon', 'OSLO [ROWING - OSLO V LISBON:headline-trim]', 'Oslo']],
    ['Union leader Pieter de Vries spoke. Later de Vries left.', ['Pieter de Vries [de Vries:surname]']],
    // Minutes and scores glued to a name in results tables are no part of it.
    ['Goals: Tomas Berg 46th, Tomas Berg 71st.', ['Tomas Berg']],
    // A bracketed short form belongs to the name before it, even when its letters follow another language.
    ['The Northern Rail Authority ( FNX ) struck. FNX said no.', ['Northern Rail Authority [FNX:bracketed]']],
  ])('%s', (text, expected) => {
    expect(groups(text)).toEqual(expected);
  });

  it.each([
    ['Crowds gathered in Hamburg Germany on Friday. Hamburg was calm.', 'Hamburg', 'Hamburg Germany:country-qualifier'],
    ['Crowds gathered in Papua New Guinea on Friday.', 'Papua New Guinea', undefined],
    ['Crowds gathered in Northern Ireland on Friday.', 'Northern Ireland', undefined],
  ])('a place written with its country is the place: %s', (text, name, merge) => {
    const x = run(text, { 'Hamburg Germany': 'place', Hamburg: 'place', 'Papua New Guinea': 'place', 'Northern Ireland': 'place' });
    expect(x.entities[0]!.name).toBe(name);
    expect(x.entities[0]!.merges.map((m) => `${m.name}:${m.rule}`)[0]).toBe(merge);
  });

  it('types the agencies of a photo credit as organizations named by their whole segment', () => {
    const x = run('Anna Kovacs arrives in Oslo. (Mia Park/Harbor/Daily Courier via Northwind Images)', {
      ...P,
      'Mia Park': 'person',
      Harbor: 'person',
      Daily: 'person',
      Northwind: 'place',
    });
    const byName = Object.fromEntries(x.entities.map((e) => [e.name, e.type]));
    expect(byName).toMatchObject({ 'Mia Park': 'person', Harbor: 'organization', 'Daily Courier': 'organization', 'Northwind Images': 'organization' });
  });

  it('puts every form of a country in one place named by its common name', () => {
    const g = groups('The U.S. agreed. The US, the United States, America and the USA are one. Oslo did not.');
    expect(g).toEqual(['Oslo', 'United States [U.S.:country-form, US:country-form, America:country-form, USA:country-form]']);
  });

  it('joins a surname to the first full name before it when two share it (the protagonist)', () => {
    const x = run('Anna Kovacs arrived. Her husband Peter Kovacs followed. Kovacs said she was tired.', P);
    const kovacs = x.mentions.findIndex((m) => m.text === 'Kovacs');
    expect(x.entities[x.mentionEntity[kovacs]!]!.name).toBe('Anna Kovacs');
  });

  it('resolves each bare surname on its own: one before both full names stays apart', () => {
    const x = run('Kovacs visits wife. Anna Kovacs arrived. Peter Kovacs followed. Kovacs spoke.', P);
    const ks = x.mentions.map((m, i) => [m.text, x.entities[x.mentionEntity[i]!]!.name]).filter(([t]) => t === 'Kovacs');
    expect(ks).toEqual([['Kovacs', 'Kovacs'], ['Kovacs', 'Anna Kovacs']]);
  });

  it('joins a given name the tagger typed as a place to the person named in full', () => {
    const x = run('Tomas Berg visited his wife Lena in hospital. Lena Berg is recovering.', { 'Tomas Berg': 'person', Lena: 'place', 'Lena Berg': 'person' });
    expect(x.entities.map((e) => `${e.type}:${e.name}`)).toEqual(['person:Tomas Berg', 'person:Lena Berg']);
  });

  it.each([
    // Two first names with one surname are two people.
    ['Anna Kovacs met Peter Kovacs.', ['Anna Kovacs', 'Peter Kovacs']],
    // A generic one-word name does not stand for a longer one.
    ['The Foreign Ministry spoke. The Ministry of Health did not.', ['Foreign Ministry', 'Ministry']],
    // A first word shared by two organizations, or naming a place of the article, stays apart.
    ['Saltmarsh Mobile and Saltmarsh Bank fell. Saltmarsh said no.', ['Saltmarsh', 'Saltmarsh Bank', 'Saltmarsh Mobile']],
    ['Oslo Energy rose. Oslo said no.', ['Oslo', 'Oslo Energy']],
    ['Saltmarsh said no. Anna Kovacs arrives. (Mia Park/Saltmarsh Wire via Northwind)', ['Anna Kovacs', 'Northwind', 'Saltmarsh', 'Saltmarsh Wire [Saltmarsh:credit-agency]']],
    // A surname with no full name before it and two after stays alone.
    ['Kovacs spoke first. Anna Kovacs and Peter Kovacs followed.', ['Anna Kovacs', 'Kovacs', 'Peter Kovacs']],
  ])('keeps apart: %s', (text, expected) => {
    expect(groups(text)).toEqual(expected);
  });

  it('retypes a one-word name the tagger typed as an organization when it is a person’s surname', () => {
    const x = run('Tomas Berg arrived. Berg’s plan was praised.', { 'Tomas Berg': 'person', Berg: 'organization' });
    expect(x.entities.map((e) => `${e.type}:${e.name}`)).toEqual(['person:Tomas Berg']);
    expect(x.entities[0]!.merges).toEqual([{ name: 'Berg', rule: 'surname-retyped' }]);
  });

  it.each([
    ['The daily Harbor Mirror said rates rose.', 'organization'],
    ['Harbor Mirror news agency said rates rose.', 'organization'],
    ['Oslo radio said rates rose.', 'place'],
  ])('types a name beside an outlet noun as an organization: %s', (text, type) => {
    const x = run(text, { 'Harbor Mirror': 'person', Oslo: 'place' });
    expect(x.entities.map((e) => e.type)).toEqual([type]);
  });

  it.each([
    ['ZURICH 1996-08-30. Shares fell.', 'ZURICH', 'place'],
    ['Tomas Berg and Peter Paris arrived. Paris spoke.', 'Paris', 'person'],
  ])('a "person" named like a city or country is a place unless a person of the article has that surname: %s', (text, name, type) => {
    const x = run(text, { ZURICH: 'person', 'Tomas Berg': 'person', 'Peter Paris': 'person', Paris: 'person' });
    const i = x.mentions.findIndex((m) => m.text === name);
    expect(x.entities[x.mentionEntity[i]!]!.type).toBe(type);
  });

  it('joins a city-named surname only to a person with a known given name', () => {
    const x = run('Peter Paris arrived. Paris spoke. Harbor Paris won. ', { 'Peter Paris': 'person', Paris: 'person' });
    const i = x.mentions.findIndex((m) => m.text === 'Paris');
    expect(x.entities[x.mentionEntity[i]!]!.name).toBe('Peter Paris');
    const y = run('Rotor Volgograd won. Volgograd fans cheered.', { 'Rotor Volgograd': 'person', Volgograd: 'person' });
    expect(y.entities.map((e) => `${e.type}:${e.name}`)).toEqual(['person:Rotor Volgograd', 'place:Volgograd']);
  });

  it.each([
    ['Troops left Tarvik, Ostmark and Velany last week.', 'place'],
    ['Anna Kovacs met Ostmark, Peter Kovacs and Tomas Berg.', 'person'],
    ['Tomas Berg visited Tarvik, Ostmark and the coast.', 'person'],
  ])('a one-word name in a list takes the type its neighbours share: %s', (text, type) => {
    const x = run(text, { ...P, Tarvik: 'place', Velany: 'place', Ostmark: 'person' });
    const i = x.mentions.findIndex((m) => m.text === 'Ostmark');
    expect(x.entities[x.mentionEntity[i]!]!.type).toBe(type);
  });

  it('does not retype a city as a person whose tagged “name” merely ends with it', () => {
    const x = run('Harbor Madrid beat the hosts. The fans in Madrid cheered.', { 'Harbor Madrid': 'person', Madrid: 'place' });
    expect(x.entities.map((e) => `${e.type}:${e.name}`)).toEqual(['person:Harbor Madrid', 'place:Madrid']);
  });

  it('makes one role entity per (title, owner), named in Title Case with the owner', () => {
    const x = run('Russian Foreign Minister Anna Kovacs met French Foreign Minister Tomas Berg. Russian Foreign Minister Anna Kovacs left.', P);
    const roles = x.entities.filter((e) => e.type === 'role').map((e) => `${e.name}|${e.of}|${e.mentions.length}`);
    expect(roles).toEqual(['Foreign Minister (Russia)|Russia|2', 'Foreign Minister (France)|France|1']);
    // Demonyms give roles their country but are no places of their own.
    expect(x.entities.filter((e) => e.type === 'place')).toEqual([]);
  });

  it.each([
    // A title-case subheading runs a name on into its verb: the body's name is where it ends.
    ['Oslo Braces For Storm\nCrews in Oslo worked through the night.', { 'Oslo Braces': 'place', Oslo: 'place' }, ['place:Oslo']],
    // A headline adjective that the body uses only inside a longer name is no name of its own.
    ['Nordic ferry strike ends\nThe Nordic Ferry Union said crews return on Monday.', { 'Nordic Ferry Union': 'organization', Nordic: 'organization' }, ['organization:Nordic Ferry Union']],
    // A title-case preposition inside a heading name the body never uses makes it a phrase, not a name.
    ['Questions Around Tomas Berg\nTomas Berg spoke on Monday.', { 'Questions Around Tomas Berg': 'organization', 'Tomas Berg': 'person' }, ['person:Tomas Berg']],
    // A headline name the body also uses alone stays.
    ['Saltmarsh profits rise\nSaltmarsh Mobile said profits rose. Saltmarsh expects more.', { 'Saltmarsh Mobile': 'organization', Saltmarsh: 'organization' }, ['organization:Saltmarsh Mobile']],
  ] as [string, Names, string[]][])('names in heading lines count as far as the body agrees: %j', (text, names, expected) => {
    const x = run(text, names);
    expect(x.entities.map((e) => `${e.type}:${e.name}`)).toEqual(expected);
    if (text.startsWith('Saltmarsh')) expect(x.entities[0]!.mentions.length).toBe(3);
  });

  it('names a role’s owner as the article names it in full, so owner spellings make one role', () => {
    const x = run(
      'The Northern Rail Authority (NRA) raised fares. NRA chairman Anna Kovacs spoke. Tomas Berg, a former chairman of the Northern Rail Authority, agreed.',
      P,
    );
    const roles = x.entities.filter((e) => e.type === 'role').map((e) => `${e.name}|${e.of}|${e.mentions.length}`);
    expect(roles).toEqual(['Chairman (Northern Rail Authority)|Northern Rail Authority|2']);
  });

  it('joins a bare title to the full role the same person holds', () => {
    const x = run('U.S. Secretary of State Tomas Berg spoke. Secretary Berg left.', P);
    const roles = x.entities.filter((e) => e.type === 'role');
    expect(roles.map((e) => e.name)).toEqual(['Secretary of State (United States)']);
    expect(roles[0]!.merges).toContainEqual({ name: 'Secretary', rule: 'same-holder' });
  });
});

describe('cleanName', () => {
  it.each([
    ['Mr. Lavrov’s', 'person', 'Lavrov'],
    ['Yorkshire 290', 'organization', 'Yorkshire'],
    ['Brazil - Giovanni', 'person', 'Giovanni'],
    ['Far Harbor Gold - Moribund', 'organization', 'Far Harbor Gold'],
    ['Hong Kong-based', 'place', 'Hong Kong'],
    ['eastern Nigeria', 'place', 'Nigeria'],
    ['mainly-rural North Caucasus', 'place', 'North Caucasus'],
    ['Ex-Yankee Randy Velarde', 'person', 'Randy Velarde'],
    ['de Vries', 'person', 'de Vries'],
    ['Around Kovacs', 'person', 'Kovacs'],
    ['Stansted airport', 'place', 'Stansted'],
    ['East Fife v Clydebank', 'organization', 'East Fife'],
    ['Kengo wa Dondo', 'person', 'Kengo wa Dondo'],
    ['Rami al-Saadani', 'person', 'Rami al-Saadani'],
    ['al-Gama’a al-Islamiya', 'organization', 'al-Gama’a al-Islamiya'],
    ['van der Berg', 'person', 'van der Berg'],
  ])('%j (%s) -> %j', (text, type, name) => {
    expect(cleanName(text, type)).toBe(name);
  });
});

describe('normName and expandAbbreviations', () => {
  it.each([
    ['The Times', 'times'],
    ['Lavrov’s', 'lavrov'],
    ['U.N.', 'un'],
    ['Guinea-Bissau', 'guinea bissau'],
    ['  Zürich  ', 'zurich'],
  ])('normName(%j) = %j', (name, norm) => {
    expect(normName(name)).toBe(norm);
  });

  it.each([
    ['state dept', 'state department'],
    ['min of defence', 'ministry of defence'],
    ['harbor constructor group', 'harbor constructor group'], // a word that is also an Object.prototype key
    ['__proto__ holdings', '__proto__ holdings'],
  ])('expandAbbreviations(%j) = %j', (norm, expanded) => {
    expect(expandAbbreviations(norm)).toBe(expanded);
  });
});

describe('acronymLetters', () => {
  it.each([
    ['U.N.', 'UN'],
    ['NATO', 'NATO'],
    ['AT&T', 'ATT'],
    ['U. S.', 'US'],
    ['Nato', undefined],
    ['A', undefined],
    ['ABCDEFGHI', undefined],
    ['ÖBB', 'ÖBB'],
  ])('acronymLetters(%j) = %j, with or without the cache', (name, letters) => {
    expect(acronymLetters(name)).toBe(letters);
    expect(lettersOfAcronym(name)).toBe(letters);
  });
});

describe('isSpace', () => {
  it('agrees with /\\s/ on every UTF-16 code unit', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });
});

describe('country forms', () => {
  it.each([
    ['Germany', true],
    ['USA', true],
    ['U.K.', true],
    ['Bissau', true],
    ['Airport', false],
    ['-', true], // normalizes to nothing: the words before it decide
  ])('mayEndCountryName(%j) = %j', (word, may) => {
    expect(mayEndCountryName(word)).toBe(may);
  });

  it.each([
    ['U.S.', 'United States'],
    ['USA', 'United States'],
    ['America', 'United States'],
    ['United States of America', 'United States'],
    ['UK', 'United Kingdom'],
    ['Britain', 'United Kingdom'],
    ['North Korea', 'North Korea'],
    ['Oslo', undefined],
    ['IN', 'India'],
  ])('countryName(%j) = %j', (form, name) => {
    expect(countryName(form)).toBe(name);
  });

  it.each([
    ['Russian', 'Russia'],
    ['North Korean', 'North Korea'],
    ['U.S.', 'United States'],
    ['French', 'France'],
    ['Portugal', 'Portugal'],
    ['nice', undefined],
  ])('countryOfModifier(%j) = %j', (form, name) => {
    expect(countryOfModifier(form)).toBe(name);
  });
});

// The lists resolution reads at run time are derived by `npm run train:ner`; these fail when the code that
// derives them changed and the lists were not derived again.
describe('derived gazetteers', () => {
  const forms = countryForms(createRequire(import.meta.url)('world-countries') as CountryRecord[]);

  it('has the country forms that world-countries gives today', () => {
    expect(readLexicon('ner/model/gazetteers/country-forms.txt')).toEqual(formatCountryForms(forms));
  });

  it('reads the forms back as they were written', () => {
    expect(parseCountryForms(formatCountryForms(forms))).toEqual(forms);
    expect(forms.codes.get('US')).toBe('United States');
    expect(forms.demonyms.get('french')).toBe('France');
  });

  it.each(['given-names.txt', 'cities.txt'])('keeps %s in comparison form, each name once', (file) => {
    const names = readLexicon(`ner/model/gazetteers/${file}`);
    expect(names.length).toBeGreaterThan(1000);
    expect(names.filter((n) => normalizeName(n) !== n)).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('resolveAcross', () => {
  const A: Names = { ...P, 'Lena Park': 'person', Park: 'person', 'Mia Park': 'person' };
  const labels = (xs: ReturnType<typeof run>[]) => {
    const r = resolveAcross(xs);
    return { r, per: xs.map((x, i) => x.entities.filter((e) => e.type !== 'role').map((e) => r.entities[r.local[i]![e.id]!]!.key)) };
  };

  it('merges one full name across articles and a bare surname into its unique full name', () => {
    const { r, per } = labels([run('Lena Park spoke.', A, 'a'), run('Lena Park left.', A, 'b'), run('Park said no.', A, 'c')]);
    expect(per).toEqual([['person:lena park'], ['person:lena park'], ['person:lena park']]);
    const e = r.entities.find((e) => e.key === 'person:lena park')!;
    expect(e.aliases).toEqual(['Park']);
    expect(e.merges).toEqual([{ name: 'Park', rule: 'surname' }]);
  });

  it('keys a role by its owner’s fullest name across articles: one role whatever the owner’s spelling', () => {
    const xs = [
      run('NRA chairman Lena Park spoke.', A, 'a'),
      run('The Northern Rail Authority (NRA) met. Lena Park, chairman of the Northern Rail Authority, left.', A, 'b'),
    ];
    const r = resolveAcross(xs);
    expect(r.entities.filter((e) => e.type === 'role').map((e) => e.label)).toEqual(['Chairman (Northern Rail Authority)']);
  });

  it('joins a bare surname to the full name that dominates the corpus', () => {
    const xs = [run('Lena Park spoke. Lena Park left. Lena Park said no.', A, 'a'), run('Lena Park won.', A, 'b'), run('Mia Park spoke.', A, 'c'), run('Park said no.', A, 'd')];
    const { per, r } = labels(xs);
    expect(per[3]).toEqual(['person:lena park']);
    expect(r.entities.find((e) => e.key === 'person:lena park')!.merges).toContainEqual({ name: 'Park', rule: 'surname-dominant' });
  });

  it('joins a surname with its particle across articles', () => {
    const { per } = labels([run('Pieter de Vries spoke.', P, 'a'), run('Later de Vries left.', P, 'b')]);
    expect(per).toEqual([['person:pieter de vries'], ['person:pieter de vries']]);
  });

  it('keeps a bare surname apart when two full names share it', () => {
    const { per } = labels([run('Lena Park spoke.', A, 'a'), run('Mia Park spoke.', A, 'b'), run('Park said no.', A, 'c')]);
    expect(per).toEqual([['person:lena park'], ['person:mia park'], ['person:park']]);
  });

  it('merges an acronym with its expansion from another article', () => {
    const { per } = labels([run('The Northern Rail Authority raised fares.', P, 'a'), run('The NRA raised fares.', P, 'b')]);
    expect(per).toEqual([['organization:northern rail authority'], ['organization:northern rail authority']]);
  });

  it.each([
    ['Mariners', ['organization:seattle harbor mariners', 'organization:seattle harbor mariners']],
    ['Ministry', ['organization:foreign ministry', 'organization:ministry']],
  ])('joins a one-word team name across articles, never a generic word: %s', (short, expected) => {
    const long = short === 'Mariners' ? 'Seattle Harbor Mariners' : 'Foreign Ministry';
    const { per } = labels([run(`The ${long} won.`, P, 'a'), run(`The ${short} lost.`, P, 'b')]);
    expect(per.flat()).toEqual(expected);
  });

  it('joins an acronym the tagger typed as a place to the organization it is an alias of', () => {
    const xs = [run('The Northern Rail Authority (NRA) raised fares.', P, 'a'), run('NRA trains ran late.', { NRA: 'place' }, 'b')];
    const r = resolveAcross(xs);
    expect(r.entities.map((e) => `${e.type}:${e.label}`)).toEqual(['organization:Northern Rail Authority']);
  });

  it('keeps namesakes apart when their roles belong to different countries', () => {
    const xs = [
      run('Russian Foreign Minister Anna Kovacs spoke.', P, 'a'),
      run('French Foreign Minister Anna Kovacs spoke.', P, 'b'),
      run('Anna Kovacs, the Russian foreign minister, left.', P, 'c'),
    ];
    const { per } = labels(xs);
    expect(per[0]).toEqual(per[2]);
    expect(per[0]).not.toEqual(per[1]);
  });

  it('gives the same keys and labels whatever the order of the articles', () => {
    const xs = [run('Park said no.', A, 'c'), run('Lena Park spoke. Oslo agreed.', A, 'a'), run('The U.N. voted.', P, 'b'), run('The United Nations met.', P, 'd')];
    const fwd = resolveAcross(xs).entities.map((e) => `${e.key}=${e.label}`);
    const rev = resolveAcross([...xs].reverse()).entities.map((e) => `${e.key}=${e.label}`);
    expect(rev).toEqual(fwd);
    expect(fwd).toContain('organization:united nations=United Nations');
  });

  it('keeps the keys of entities already in a graph', () => {
    const known = [{ key: 'person:lena park', type: 'person' as const, label: 'Lena Park', aliases: [], merges: [] }];
    const r = resolveAcross([run('Park said no.', A, 'c')], known);
    expect(r.entities[0]!.key).toBe('person:lena park');
    expect(r.local[0]).toEqual([0]);
  });
});
