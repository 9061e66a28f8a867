// Standing facts rather than events: holds_role (person -> role), affiliated_with (person -> organization),
// located_in (place -> place, organization -> place).
import { isPluralTitle } from '../ner/roles.js';
import { normName } from '../resolve/names.js';
import type { Relation } from '../types.js';
import { bodyNames, evidence, spanOf, type Ctx, type NamedMention, type SentView } from './context.js';

/** holds_role from each role mention tied to a person; affiliated_with when the role belongs to an organization. */
export function findRoleRelations(ctx: Ctx): Relation[] {
  const out: Relation[] = [];
  for (let k = 0; k < ctx.links.length; k++) {
    const link = ctx.links[k]!;
    const ri = ctx.mentions.indexOf(link.role);
    const pi = ctx.mentions.indexOf(link.person);
    if (ri < 0 || pi < 0) continue;
    const person = ctx.mentionEntity[pi]!;
    const role = ctx.mentionEntity[ri]!;
    if (ctx.entities[person]?.type !== 'person') continue;
    const s = ctx.sents[link.role.sentence]!;
    const rel: Relation = { type: 'holds_role', source: person, target: role, evidence: evidence(ctx, s, spanOf(link.person), spanOf(link.role), spanOf(link.role)) };
    if (ctx.article.date) rel.date = ctx.article.date;
    out.push(rel);
    // "two opposition leaders, A and B": a plural title holds for each person coordinated with the first.
    if (isPluralTitle(link.role.text)) {
      const persons = s.names.filter((n) => n.type === 'person' && n.m.start >= link.person.end);
      let prev = link.person;
      for (const q of persons) {
        if (!/^\s*(?:,|,?\s*and|&)\s+$/u.test(ctx.doc.text.slice(prev.end, q.m.start))) break;
        const more: Relation = { type: 'holds_role', source: q.e, target: role, evidence: evidence(ctx, s, spanOf(q.m), spanOf(link.role), spanOf(link.role)) };
        if (ctx.article.date) more.date = ctx.article.date;
        out.push(more);
        prev = q.m;
      }
    }
    // "Kremlin spokesman X", "X, a spokesman for the Y party": the person belongs to the organization.
    if (link.role.of) {
      const want = normName(link.role.of);
      const org = s.names.find((n) => n.type === 'organization' && (normName(ctx.entities[n.e]!.name) === want || normName(n.m.text) === want));
      if (org) out.push({ type: 'affiliated_with', source: person, target: org.e, evidence: evidence(ctx, s, spanOf(link.person), spanOf(org.m), spanOf(link.role)) });
    }
  }
  return out;
}

/** The words between a person and an organization that make the person part of it. */
const AFFILIATION =
  /^\s*(?:,\s*)?(?:(?:who\s+)?(?:works?|worked|working)\s+(?:for|at)|(?:who\s+)?joined|(?:,?\s*(?:a|an|the)\s+)?(?:member|members|official|officials|employee|staff member|activist|lawmaker|representative|delegate)\s+(?:of|for|at|from)|of)\s+(?:the\s+)?$/iu;

/** "Hamburg, Germany" (also "Hamburg Germany" in captions). */
const PLACE_IN_PLACE = /^\s*,?\s*$/u;
/** "the bank, based in Frankfurt", "the bank in Frankfurt". */
const ORG_IN_PLACE = /^\s*(?:,\s*)?(?:(?:which is\s+)?(?:based|headquartered|located)\s+)?in\s+$/iu;

/**
 * affiliated_with (a person, then the organization it is part of) into `affiliations` and located_in (a place or
 * organization, then the place it is in) into `locations`: both read each pair of adjacent names, in one loop over
 * the sentences with two names or more.
 */
export function findPairRelations(ctx: Ctx, affiliations: Relation[], locations: Relation[]): void {
  for (let i = 0; i < ctx.pairSents.length; i++) {
    const s = ctx.pairSents[i]!;
    const names = bodyNames(s);
    for (let k = 0; k < names.length - 1; k++) {
      const a = names[k]!;
      const b = names[k + 1]!;
      if (a.type === 'person' && b.type === 'organization') affiliationOf(ctx, s, a, b, affiliations);
      else if (b.type === 'place' && a.e !== b.e) locationOf(ctx, s, a, b, locations);
    }
  }
}

function affiliationOf(ctx: Ctx, s: SentView, p: NamedMention, o: NamedMention, out: Relation[]): void {
  const gap = ctx.doc.text.slice(p.m.end, o.m.start);
  if (!AFFILIATION.test(gap)) return;
  const cueStart = p.m.end + gap.search(/\S/);
  out.push({ type: 'affiliated_with', source: p.e, target: o.e, evidence: evidence(ctx, s, spanOf(p.m), spanOf(o.m), [cueStart, o.m.start]) });
}

function locationOf(ctx: Ctx, s: SentView, a: NamedMention, b: NamedMention, out: Relation[]): void {
  const gap = ctx.doc.text.slice(a.m.end, b.m.start);
  const placeInPlace = a.type === 'place' && PLACE_IN_PLACE.test(gap);
  const orgInPlace = a.type === 'organization' && ORG_IN_PLACE.test(gap);
  if (!placeInPlace && !orgInPlace) return;
  out.push({ type: 'located_in', source: a.e, target: b.e, evidence: evidence(ctx, s, spanOf(a.m), spanOf(b.m), [a.m.end, b.m.start]) });
}
