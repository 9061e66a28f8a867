// Standing facts rather than events: holds_role (person -> role), affiliated_with (person -> organization),
// located_in (place -> place, organization -> place).
import { isPluralTitle } from '../ner/roles.js';
import { normName } from '../resolve/names.js';
import type { Relation } from '../types.js';
import { bodyNames, evidence, spanOf, type Ctx } from './context.js';

/** holds_role from each role mention tied to a person; affiliated_with when the role belongs to an organization. */
export function findRoleRelations(ctx: Ctx): Relation[] {
  const out: Relation[] = [];
  for (const link of ctx.links) {
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

export function findAffiliations(ctx: Ctx): Relation[] {
  const out: Relation[] = [];
  for (const s of ctx.sents) {
    const names = bodyNames(s);
    for (let k = 0; k < names.length - 1; k++) {
      const p = names[k]!;
      const o = names[k + 1]!;
      if (p.type !== 'person' || o.type !== 'organization') continue;
      const gap = ctx.doc.text.slice(p.m.end, o.m.start);
      const m = AFFILIATION.exec(gap);
      if (!m) continue;
      const cueStart = p.m.end + gap.search(/\S/);
      out.push({ type: 'affiliated_with', source: p.e, target: o.e, evidence: evidence(ctx, s, spanOf(p.m), spanOf(o.m), [cueStart, o.m.start]) });
    }
  }
  return out;
}

export function findLocations(ctx: Ctx): Relation[] {
  const out: Relation[] = [];
  for (const s of ctx.sents) {
    const names = bodyNames(s);
    for (let k = 0; k < names.length - 1; k++) {
      const a = names[k]!;
      const b = names[k + 1]!;
      if (b.type !== 'place' || a.e === b.e) continue;
      const gap = ctx.doc.text.slice(a.m.end, b.m.start);
      // "Hamburg, Germany" (also "Hamburg Germany" in captions); "the bank, based in Frankfurt".
      const placeInPlace = a.type === 'place' && /^\s*,?\s*$/u.test(gap);
      const orgInPlace = a.type === 'organization' && /^\s*(?:,\s*)?(?:(?:which is\s+)?(?:based|headquartered|located)\s+)?in\s+$/iu.test(gap);
      if (!placeInPlace && !orgInPlace) continue;
      out.push({ type: 'located_in', source: a.e, target: b.e, evidence: evidence(ctx, s, spanOf(a.m), spanOf(b.m), [a.m.end, b.m.start]) });
    }
  }
  return out;
}
