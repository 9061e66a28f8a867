import { describe, expect, it } from 'vitest';
import { findRelations } from '../src/relations/index.js';
import { ARTICLE_TARGET } from '../src/types.js';
import { rels, run, type Names } from './relations-util.js';

const P: Names = {
  'Anna Kovacs': 'person',
  'Tomas Berg': 'person',
  'Omar Haddad': 'person',
  Kovacs: 'person',
  Berg: 'person',
  Oslo: 'place',
  Lisbon: 'place',
  Portugal: 'place',
  Northwind: 'organization',
  'Harbor News': 'organization',
  'Daily Courier': 'organization',
  'Orion Group': 'organization',
  'Harbor Rail and Ferry Authority': 'organization',
  'Oslo Ministers United': 'organization',
  'Omar Haddad/Northwind': 'person',
  'Green Party': 'organization',
  'Oslo High Court': 'organization',
};

describe('met_with patterns', () => {
  it.each([
    ['Anna Kovacs met Tomas Berg in Oslo on March 3.', ['Anna Kovacs ~ Tomas Berg']],
    ['Anna Kovacs held talks with Tomas Berg on trade.', ['Anna Kovacs ~ Tomas Berg']],
    ['Talks between Anna Kovacs and Tomas Berg ended late.', ['Anna Kovacs ~ Tomas Berg']],
    ['Anna Kovacs received Tomas Berg at the palace.', ['Anna Kovacs ~ Tomas Berg']],
    ['Anna Kovacs hosted Tomas Berg for dinner.', ['Anna Kovacs ~ Tomas Berg']],
    ['Anna Kovacs greeted Tomas Berg warmly.', ['Anna Kovacs ~ Tomas Berg']],
    ['Anna Kovacs visited Tomas Berg at his farm.', ['Anna Kovacs ~ Tomas Berg']],
    ['Anna Kovacs shook hands with Tomas Berg.', ['Anna Kovacs ~ Tomas Berg']],
    ['Anna Kovacs sat down with Tomas Berg for an hour.', ['Anna Kovacs ~ Tomas Berg']],
    ['A summit of Anna Kovacs and Tomas Berg opened in Oslo.', ['Anna Kovacs ~ Tomas Berg']],
    ['Anna Kovacs and Tomas Berg met in Oslo.', ['Anna Kovacs ~ Tomas Berg']],
    ['Anna Kovacs met Tomas Berg and Omar Haddad.', ['Anna Kovacs ~ Omar Haddad', 'Anna Kovacs ~ Tomas Berg']],
    // The clause subject meets the one named after "before talks with"; the greeted person does not.
    ['Anna Kovacs greeted Tomas Berg before talks with Omar Haddad.', ['Anna Kovacs ~ Omar Haddad', 'Anna Kovacs ~ Tomas Berg']],
    ['Anna Kovacs listened to Tomas Berg during their talks in Oslo.', ['Anna Kovacs ~ Tomas Berg']],
    ['Tomas Berg arrived late. He met Anna Kovacs at noon.', ['Anna Kovacs ~ Tomas Berg']],
    // "whom he met": the person before the relative clause is met by the one the pronoun names.
    ['Anna Kovacs praised Tomas Berg, whom she first met in Oslo in 2019.', ['Anna Kovacs ~ Tomas Berg']],
    ['Anna Kovacs spoke warmly. Tomas Berg, whom she had met twice, was absent.', ['Anna Kovacs ~ Tomas Berg']],
    // An organization and its title before the person met.
    ['Anna Kovacs sat down with Orion Group chair Tomas Berg on Friday.', ['Anna Kovacs ~ Tomas Berg']],
    ['Anna Kovacs met Harbor Rail and Ferry Authority director Tomas Berg.', ['Anna Kovacs ~ Tomas Berg']],
    // A pronoun as the one hosted: the person the article is about, or the one named first in the sentence.
    ['Anna Kovacs left Lisbon early. On Friday she reached Oslo, where Tomas Berg hosted her for lunch.', ['Anna Kovacs ~ Tomas Berg']],
    ['Anna Kovacs flew to Oslo, where Tomas Berg received her.', ['Anna Kovacs ~ Tomas Berg']],
    // A possessive unnamed subject ("the envoy's office") does not stop the search for whom "her" means.
    ['Anna Kovacs spoke in Lisbon. The envoy’s office said little. Then she flew to Oslo, where Tomas Berg hosted her.', ['Anna Kovacs ~ Tomas Berg']],
    ['Tomas Berg said he discussed with Anna Kovacs the route of the line.', ['Anna Kovacs ~ Tomas Berg']],
    ['Anna Kovacs and her Danish counterpart Tomas Berg met to discuss the bridge.', ['Anna Kovacs ~ Tomas Berg']],
    ['Anna Kovacs and Tomas Berg began a new round of talks on Friday.', ['Anna Kovacs ~ Tomas Berg']],
    ['Anna Kovacs said she and rebel leader Tomas Berg agreed after overnight talks to wait.', ['Anna Kovacs ~ Tomas Berg']],
    ['Anna Kovacs praised Tomas Berg, whose party won after they met in May.', ['Anna Kovacs ~ Tomas Berg']],
    ['Anna Kovacs held talks with the U.S. special envoy to Portugal, Tomas Berg, on Friday.', ['Anna Kovacs ~ Tomas Berg']],
    ['Russian Foreign Minister Anna Kovacs landed in Oslo. Omar Haddad waited. The minister later met Tomas Berg.', ['Anna Kovacs ~ Tomas Berg']],
    ['Omar Haddad waited. The minister later met Tomas Berg.', []],
    ['Anna Kovacs landed in Oslo. She was also expected to meet Tomas Berg and opposition leader Omar Haddad.', ['Anna Kovacs ~ Omar Haddad', 'Anna Kovacs ~ Tomas Berg']],
    // Not meetings.
    ['Anna Kovacs met reporters after Tomas Berg left.', []],
    ['Anna Kovacs and Tomas Berg criticised the plan.', []],
    ['Anna Kovacs visited Oslo.', []],
    ['Anna Kovacs praised Tomas Berg.', []],
  ])('%s', (text, expected) => {
    expect(rels(run(text, P), 'met_with')).toEqual(expected);
  });

  it('resolves "the two" to the last pair of persons and keeps place and date', () => {
    const x = run('Anna Kovacs and Tomas Berg signed a deal in May. On July 10 the two met again in Lisbon.', P);
    const m = x.relations.filter((r) => r.type === 'met_with');
    expect(rels(x, 'met_with')).toEqual(['Anna Kovacs ~ Tomas Berg']);
    expect(m[0]!.place).toBe('Lisbon');
    expect(m[0]!.date).toBe('July 10');
    expect(m[0]!.evidence.sentence).toBe(1);
    expect(x.doc.text.slice(...m[0]!.evidence.cue!)).toBe('met');
  });
});

describe('place and date of a meeting', () => {
  it.each([
    ['Anna Kovacs met Tomas Berg in Oslo on Thursday, Oct. 19, 2023.', 'Oslo', 'Thursday, Oct. 19, 2023'],
    ['Anna Kovacs met Tomas Berg on Friday at the palace in Lisbon.', 'Lisbon', 'Friday'],
    ['On 3 May Anna Kovacs hosted Tomas Berg.', undefined, '3 May'],
  ])('%s', (text, place, date) => {
    const r = run(text, P).relations.find((r) => r.type === 'met_with')!;
    expect(r.place).toBe(place);
    expect(r.date).toBe(date);
  });
});

describe('modality', () => {
  it.each([
    ['Anna Kovacs met Tomas Berg.', 'occurred', 'met'],
    ['Anna Kovacs will meet Tomas Berg next week.', 'planned', 'will meet'],
    ['Anna Kovacs is due to meet Tomas Berg on Friday.', 'planned', 'is due to meet'],
    ['Anna Kovacs offered to meet Tomas Berg.', 'proposed', 'offered to meet'],
    ['The government cancelled a planned summit between Anna Kovacs and Tomas Berg.', 'cancelled', 'cancelled a planned summit'],
    ['Anna Kovacs did not meet Tomas Berg.', 'denied', 'did not meet'],
    ['Anna Kovacs denied meeting Tomas Berg.', 'denied', 'denied meeting'],
    ['Anna Kovacs reportedly met Tomas Berg.', 'hedged', 'reportedly met'],
    ['Anna Kovacs allegedly met Tomas Berg in secret.', 'hedged', 'allegedly met'],
    // Called off after the event noun, in its own clause: postponed, shelved and scrapped count as cancelled.
    ['Talks between Anna Kovacs and Tomas Berg, set for Friday in Oslo, have been postponed indefinitely.', 'cancelled', 'Talks between Anna Kovacs and Tomas Berg, set for Friday in Oslo, have been postponed'],
    ['A planned meeting between Anna Kovacs and Tomas Berg was shelved.', 'cancelled', 'meeting between Anna Kovacs and Tomas Berg was shelved'],
    ['A summit of Anna Kovacs and Tomas Berg was called off on Monday.', 'cancelled', 'summit of Anna Kovacs and Tomas Berg was called off'],
    // A cancellation in a later clause is another event's.
    ['Anna Kovacs met Tomas Berg after the vote was postponed.', 'occurred', 'met'],
    // A modal verb in a relative clause about the subject does not scope over the meeting the clause reports.
    ['Anna Kovacs, who would chair the board from May, said she had met Tomas Berg twice.', 'occurred', 'met'],
    ['Anna Kovacs, who chairs the board, said she would meet Tomas Berg in June.', 'planned', 'would meet'],
  ])('%s -> %s', (text, modality, cue) => {
    const x = run(text, P);
    const r = x.relations.find((r) => r.type === 'met_with');
    expect(r?.modality).toBe(modality);
    // The evidence cue covers the event word and the word that sets the modality.
    expect(x.doc.text.slice(...r!.evidence.cue!)).toBe(cue);
  });
});

describe('reported_by and credited_to', () => {
  it.each([
    ['Anna Kovacs told Northwind that the deal was close.', ['Anna Kovacs -> Northwind']],
    ['According to Northwind, Anna Kovacs has resigned.', ['Anna Kovacs -> Northwind']],
    ['Anna Kovacs has resigned, Northwind reported.', ['Anna Kovacs -> Northwind']],
    ['Anna Kovacs said in an interview with Northwind that she would stay.', ['Anna Kovacs -> Northwind']],
    ['Anna Kovacs was quoted by Northwind as saying the plan had failed.', ['Anna Kovacs -> Northwind']],
    ['Northwind quoted Anna Kovacs as saying the talks went well.', ['Anna Kovacs -> Northwind']],
    ['Anna Kovacs’s plan, shared with Northwind and initially reported by Harbor News, drew praise.', ['Anna Kovacs -> Harbor News', 'Anna Kovacs -> Northwind']],
    ['The Daily Courier said Anna Kovacs had resigned.', ['Anna Kovacs -> Daily Courier']],
    ['Anna Kovacs left. According to Northwind, she said the talks were over.', ['Anna Kovacs -> Northwind']],
    ['Anna Kovacs, speaking on the cable television network Northwind, said rates would fall.', ['Anna Kovacs -> Northwind']],
    ['Anna Kovacs said in a statement carried by the official Harbor News agency that she would go.', ['Anna Kovacs -> Harbor News']],
    ['Anna Kovacs left. The veteran was quoted as saying by the daily Northwind that she was tired.', ['Anna Kovacs -> Northwind']],
    ['According to a statement from the Orion Group, Anna Kovacs resigned.', ['Anna Kovacs -> Orion Group']],
    // A fronted statement or interview: the speaker is the subject after its comma.
    ['In a statement shared with Northwind, the Orion Group said it would appeal.', ['Orion Group -> Northwind']],
    ['In an interview with the Daily Courier, Anna Kovacs said she would stay.', ['Anna Kovacs -> Daily Courier']],
    ['In an interview on Northwind television, Orion Group chairman Anna Kovacs said she would stay.', ['Anna Kovacs -> Northwind']],
    // "said on X radio": a broadcaster; "said on Monday" is a date, and an organization there no outlet.
    ['Anna Kovacs said on Northwind radio that fares would rise.', ['Anna Kovacs -> Northwind']],
    ['Anna Kovacs said on Orion Group letterhead that fares would rise.', []],
    ['Anna Kovacs told Northwind television that fares would rise.', ['Anna Kovacs -> Northwind']],
    // A relative clause with a verb of speech: its person's words are the report, not the main subject's.
    ['Anna Kovacs was received by Tomas Berg, who urged her to "keep talking," Northwind reported.', ['Tomas Berg -> Northwind']],
    // Not outlets: rules named after an organization, a court, listeners who are not an outlet.
    ['Anna Kovacs said the plan was legal according to Orion Group rules.', []],
    ['Anna Kovacs told the Oslo High Court she was innocent.', []],
    ['Anna Kovacs told reporters Oslo backed the Orion Group.', []],
    // The source is unnamed: the person named earlier in the sentence is what the source talked about.
    ['Anna Kovacs did not meet Tomas Berg, a Danish diplomat told Northwind.', []],
    // An organization that "said" something is not a news outlet unless the text makes it one.
    ['The Orion Group said Anna Kovacs had resigned.', []],
    ['Anna Kovacs said the Orion Group would grow.', []],
  ])('%s', (text, expected) => {
    expect(rels(run(text, P), 'reported_by')).toEqual(expected);
  });

  it.each([
    ['Anna Kovacs greets Tomas Berg in Oslo. (Omar Haddad/Northwind via Harbor News)'],
    ['Anna Kovacs greets Tomas Berg in Oslo (Omar Haddad/Northwind via Harbor News)'],
    ['Anna Kovacs greets Tomas Berg in Oslo.\nPhoto: Northwind, Harbor News'],
  ])('a photo credit gives credited_to, never reported_by: %j', (text) => {
    const x = run(text, P);
    expect(rels(x, 'reported_by')).toEqual([]);
    expect(rels(x, 'credited_to')).toEqual([
      'Anna Kovacs -> Harbor News',
      'Anna Kovacs -> Northwind',
      'Tomas Berg -> Harbor News',
      'Tomas Berg -> Northwind',
    ]);
    // The photographer in the credit is neither met nor shown.
    expect(rels(x, 'met_with')).toEqual(['Anna Kovacs ~ Tomas Berg']);
  });
});

describe('photo credits name agencies and photographers by position', () => {
  it.each([
    // Agency first ("<Agency> Photo/Name"): the name after the slash is the photographer, a person.
    ['Anna Kovacs greets Tomas Berg in Oslo. (Northwind Photo/Omar Haddad)', ['Anna Kovacs -> Northwind', 'Tomas Berg -> Northwind'], 'Omar Haddad', 'person'],
    // An agency the tagger missed is still an agency: the credit's form says so.
    ['Anna Kovacs speaks in Oslo. (Omar Haddad/Harbor Wire Images via Northwind)', ['Anna Kovacs -> Harbor Wire Images', 'Anna Kovacs -> Northwind'], 'Harbor Wire Images', 'organization'],
    ['Anna Kovacs speaks in Oslo. (Lisbon Press Photo/Tomas Berg)', ['Anna Kovacs -> Lisbon Press'], 'Tomas Berg', 'person'],
    // A name tagged across the slash is cut at it: the photographer, then the agency.
    ['Anna Kovacs speaks in Oslo. (Omar Haddad/Northwind)', ['Anna Kovacs -> Northwind'], 'Omar Haddad', 'person'],
  ] as [string, string[], string, string][])('%s', (text, credited, name, type) => {
    const x = run(text, P);
    expect(rels(x, 'credited_to')).toEqual(credited);
    expect(x.entities.find((e) => e.name === name)?.type).toBe(type);
    expect(rels(x, 'met_with').filter((r) => r.includes(name))).toEqual([]);
  });
});

describe('press digests', () => {
  it('makes each section’s names reported by the paper that heads it', () => {
    const text = [
      'PRESS DIGEST - Norway - May 2 .',
      'OSLO 2026-05-02',
      'These are the leading stories in the Norwegian press on Saturday .',
      'HARBOR NEWS',
      'Anna Kovacs said the Orion Group would open a plant in Lisbon .',
      'DAILY COURIER',
      '- Tomas Berg will lead the Green Party into the election .',
    ].join('\n');
    // The tagger cut one paper's name short: the header line names it whole.
    const x = run(text, { ...P, HARBOR: 'place', 'DAILY COURIER': 'person', OSLO: 'place' });
    expect(rels(x, 'reported_by')).toEqual(['Anna Kovacs -> HARBOR NEWS', 'Green Party -> DAILY COURIER', 'Orion Group -> HARBOR NEWS', 'Tomas Berg -> DAILY COURIER']);
    expect(x.entities.filter((e) => /HARBOR|COURIER/.test(e.name)).map((e) => e.type)).toEqual(['organization', 'organization']);
  });

  it('does nothing outside a digest', () => {
    const x = run('HARBOR NEWS\nAnna Kovacs said the Orion Group would grow .', { ...P, 'HARBOR NEWS': 'organization' });
    expect(rels(x, 'reported_by')).toEqual([]);
  });
});

describe('holds_role, affiliated_with, located_in, said', () => {
  it.each([
    ['Russian Foreign Minister Anna Kovacs arrived.', ['Anna Kovacs -> Foreign Minister (Russia)']],
    ['U.S. Secretary of State Tomas Berg arrived.', ['Tomas Berg -> Secretary of State (United States)']],
    ['President Berg spoke first.', ['Berg -> President']],
    ['Tomas Berg, the U.S. secretary of state, arrived.', ['Tomas Berg -> Secretary of State (United States)']],
    ['Anna Kovacs, who heads the Orion Group, spoke.', ['Anna Kovacs -> Head (Orion Group)']],
    ['Orion Group’s chief executive Anna Kovacs spoke.', ['Anna Kovacs -> Chief Executive (Orion Group)']],
    ['Tomas Berg is the coach of the Orion Group team.', ['Tomas Berg -> Coach (Orion Group)']],
    ['Portugal’s prime minister, Anna Kovacs, spoke.', ['Anna Kovacs -> Prime Minister (Portugal)']],
    ['Anna Kovacs, right, greets Tomas Berg, center, in Oslo.', []],
    ['The president spoke to Anna Kovacs.', []],
    // A plural title set off before coordinated names holds for each of them.
    ['The court jailed two opposition leaders, Anna Kovacs and Tomas Berg.', ['Anna Kovacs -> Opposition Leader', 'Tomas Berg -> Opposition Leader']],
    ['Portuguese ministers Anna Kovacs, Tomas Berg and Omar Haddad left.', ['Anna Kovacs -> Minister (Portugal)', 'Omar Haddad -> Minister (Portugal)', 'Tomas Berg -> Minister (Portugal)']],
    // A plural title with nothing to make it specific calls back persons already named; a capitalized one is a name's.
    ['Anna Kovacs and Tomas Berg spoke. The two ministers, Kovacs and Berg, then left.', []],
    ['Tomas Berg joined Oslo Ministers United.', []],
  ])('%s', (text, expected) => {
    expect(rels(run(text, P), 'holds_role')).toEqual(expected);
  });

  it('finds the role links itself when coreference does not hand them over', () => {
    const x = run('Russian Foreign Minister Anna Kovacs met Tomas Berg, the U.S. secretary of state. The minister said no.', P);
    const alone = findRelations(x.doc, x.mentions, x.entities, x.mentionEntity, x.article);
    expect(alone).toEqual(x.relations);
    expect(alone.filter((r) => r.type === 'holds_role')).toHaveLength(2);
  });

  it('carries the article date on holds_role', () => {
    const x = run('President Berg spoke first.', P, 't', '2026-01-05');
    expect(x.relations.find((r) => r.type === 'holds_role')?.date).toBe('2026-01-05');
  });

  it.each([
    ['Anna Kovacs, a spokeswoman for the Orion Group, declined to comment.', ['Anna Kovacs -> Orion Group']],
    ['Tomas Berg of the Green Party voted no.', ['Tomas Berg -> Green Party']],
    ['Anna Kovacs works for Orion Group in Oslo.', ['Anna Kovacs -> Orion Group']],
    ['Anna Kovacs praised the Orion Group.', []],
  ])('affiliated_with: %s', (text, expected) => {
    expect(rels(run(text, P), 'affiliated_with')).toEqual(expected);
  });

  it.each([
    ['The talks were held in Lisbon, Portugal, last week.', ['Lisbon -> Portugal']],
    ['The Orion Group, based in Lisbon, grew.', ['Orion Group -> Lisbon']],
    ['Anna Kovacs flew from Oslo to Lisbon.', []],
  ])('located_in: %s', (text, expected) => {
    expect(rels(run(text, P), 'located_in')).toEqual(expected);
  });

  it.each([
    ['“We are ready,” Anna Kovacs said.', ['Anna Kovacs -> ARTICLE']],
    ['Anna Kovacs, the foreign minister, said the talks would go on.', ['Anna Kovacs -> ARTICLE']],
    ['Tomas Berg arrived. “It went well,” he added.', ['Tomas Berg -> ARTICLE']],
    ['“It went well,” said Tomas Berg.', ['Tomas Berg -> ARTICLE']],
    ['Anna Kovacs arrived in Oslo.', []],
    ['Anna Kovacs added a second goal in the final minute.', []],
    ['Orion Group spokeswoman Anna Kovacs arrived. Tomas Berg left. The spokeswoman said nothing changed.', ['Anna Kovacs -> ARTICLE']],
    ['Anna Kovacs added that the talks would go on.', ['Anna Kovacs -> ARTICLE']],
  ])('said: %s', (text, expected) => {
    const x = run(text, P);
    expect(rels(x, 'said')).toEqual(expected);
    for (const r of x.relations.filter((r) => r.type === 'said')) expect(r.target).toBe(ARTICLE_TARGET);
  });
});

describe('said modality', () => {
  it.each([
    ['The Orion Group has offered to pay, its chief executive Anna Kovacs said.', 'occurred'],
    ['Anna Kovacs did not say when the line would open.', 'denied'],
  ])('%s -> %s', (text, modality) => {
    const r = run(text, P).relations.find((r) => r.type === 'said');
    expect(r?.modality).toBe(modality);
  });
});

describe('evidence', () => {
  it('points at the sentence, both ends and the cue by character offsets', () => {
    const text = 'Markets fell. Anna Kovacs met Tomas Berg in Oslo.';
    const x = run(text, P, 'a1');
    const r = x.relations.find((r) => r.type === 'met_with')!;
    const ev = r.evidence;
    expect(ev.article).toBe('a1');
    expect(ev.sentence).toBe(1);
    expect(text.slice(ev.start, ev.end)).toBe(ev.text);
    expect(ev.text).toBe('Anna Kovacs met Tomas Berg in Oslo.');
    expect(text.slice(...ev.source!)).toBe('Anna Kovacs');
    expect(text.slice(...ev.target!)).toBe('Tomas Berg');
    expect(text.slice(...ev.cue!)).toBe('met');
    expect(r.place).toBe('Oslo');
  });
});
