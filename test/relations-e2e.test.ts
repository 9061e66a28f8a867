// End to end through the trained tagger: a web page of our own with clutter, a caption with a credit, roles,
// a meeting across sentences and a report. Expectations are the ones a reader would not argue about.
import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract.js';

const PAGE = `Share this @dailyharbor.example

Norwegian Foreign Minister Ingrid Halvorsen met Kenyan Foreign Minister Amina Wanjiru in Oslo on Tuesday to discuss a shipping corridor, Reuters reported.

Halvorsen told the Associated Press that the talks had gone well. On March 4 the two met again in Bergen.

Ingrid Halvorsen greets Amina Wanjiru at the foreign ministry in Oslo. (Photo: Reuters)

You May Also Like
Peter Lindqvist

Mayor Peter Lindqvist opens new ferry terminal in Stockholm…
Sofia Marquez wins chess title`;

describe('extract on a web page of our own', () => {
  const x = extract({ id: 'page', text: PAGE });
  const name = (i: number) => x.entities[i]?.name;
  const rel = (type: string) => [...new Set(x.relations.filter((r) => r.type === type).map((r) => `${name(r.source)} -> ${name(r.target)}`))];

  it('keeps the names of the clutter out', () => {
    const names = x.entities.map((e) => e.name).join('|');
    expect(names).not.toMatch(/Lindqvist|Marquez|Stockholm|dailyharbor/);
    expect(x.doc.dropped.map((d) => d.reason)).toEqual(['share link', 'block: you may also like']);
  });

  it('finds the meeting, the roles and the reports', () => {
    const met = x.relations.filter((r) => r.type === 'met_with').map((r) => [name(r.source), name(r.target)].sort().join(' ~ '));
    expect(new Set(met)).toEqual(new Set(['Amina Wanjiru ~ Ingrid Halvorsen']));
    // The second meeting is found through "the two" in its own sentence, with its place.
    expect(x.relations.some((r) => r.type === 'met_with' && r.place === 'Bergen')).toBe(true);
    expect(rel('holds_role')).toEqual(expect.arrayContaining(['Ingrid Halvorsen -> Foreign Minister (Norway)', 'Amina Wanjiru -> Foreign Minister (Kenya)']));
    expect(rel('reported_by')).toEqual(expect.arrayContaining(['Ingrid Halvorsen -> Reuters', 'Ingrid Halvorsen -> Associated Press']));
  });

  it('reads the photo credit as credited_to only', () => {
    const credit = x.relations.filter((r) => r.evidence.text.startsWith('(Photo'));
    expect(credit.length).toBeGreaterThan(0);
    expect(credit.every((r) => r.type === 'credited_to')).toBe(true);
  });

  it('merges the surname into the full name', () => {
    const h = x.entities.find((e) => e.name === 'Ingrid Halvorsen')!;
    expect(h.merges).toContainEqual({ name: 'Halvorsen', rule: 'surname' });
  });
});
