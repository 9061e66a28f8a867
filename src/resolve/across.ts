// Cross-article resolution: one node per real entity of the corpus. Names that agree merge unless something
// contradicts (two first names, or roles that belong to different countries/organizations); every merge is
// recorded with its rule. The outcome does not depend on the order of the articles: groups are formed from the
// whole corpus first, and labels and keys are chosen by fixed preferences.
import type { EntityType, Extraction, LocalEntity, MergeRecord } from '../types.js';
import { countryName } from './countries.js';
import { isCity } from './gazetteers.js';
import { acronymLetters, acronymsOf, expandAbbreviations, GENERIC_ORG_WORDS, nameWords, normName } from './names.js';
import { findRoot } from './union-find.js';

/** One entity of the whole corpus: becomes one graph node, keyed by `key` (stable: type and canonical name). */
export interface GlobalEntity {
  key: string;
  type: EntityType;
  label: string;
  aliases: string[];
  merges: MergeRecord[];
  of?: string;
}

export interface Resolution {
  entities: GlobalEntity[];
  /** `local[i][j]`: the index in `entities` of local entity j of extraction i. */
  local: number[][];
}

interface Member {
  x: number; // extraction index, -1 for a known entity
  j: number; // local entity index, or known index
  type: EntityType;
  name: string;
  names: string[]; // name and aliases
  key: string;
  roles: { title: string; of?: string }[];
  merges: MergeRecord[];
  of?: string;
  knownKey?: string;
  weight: number; // mentions behind this member: votes for its type
}

const SURNAME_PARTICLES = new Set(['de', 'da', 'di', 'du', 'del', 'della', 'van', 'von', 'der', 'den', 'la', 'le', 'al', 'el', 'bin', 'ben', 'ibn', 'st']);

const keyOf = (type: EntityType, name: string) =>
  type === 'organization' ? expandAbbreviations(normName(name)) : normName(name);

export function resolveAcross(extractions: Extraction[], known: GlobalEntity[] = []): Resolution {
  const members: Member[] = [];
  known.forEach((e, j) => {
    const m: Member = {
      x: -1,
      j,
      type: e.type,
      name: e.label,
      names: [e.label, ...e.aliases],
      key: keyOf(e.type, e.label),
      roles: [],
      merges: [...e.merges],
      knownKey: e.key,
      weight: 1,
    };
    if (e.of) m.of = e.of;
    members.push(m);
  });
  extractions.forEach((ex, x) => {
    ex.entities.forEach((e, j) => members.push(toMember(ex, e, x, j)));
  });

  const parent = members.map((_, i) => i);
  const find = (i: number): number => findRoot(parent, i);
  const why = new Map<number, string>();
  const join = (a: number, b: number, rule: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    // The smaller index stays root, so groups do not depend on the order joins are made in.
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    parent[child] = root;
    if (!why.has(a)) why.set(a, rule);
    if (!why.has(b)) why.set(b, rule);
  };

  for (const type of ['person', 'organization', 'place', 'role'] as EntityType[]) {
    const ms = members.map((m, i) => ({ m, i })).filter((e) => e.m.type === type);
    // Roles come after the organizations and places they belong to: key each by its owner's group, so "Special
    // Envoy (UN)" and "Special Envoy (United Nations)" are one role when "UN" joined "United Nations".
    if (type === 'role') rekeyRolesByOwner(members, ms, find);
    // 1. Same canonical name; for persons, split by contradicting roles.
    const byKey = group(ms, (e) => e.m.key);
    for (const bucket of byKey.values()) {
      if (type === 'person') for (const part of partitionByRoles(bucket)) chain(part, join, 'same-name');
      else chain(bucket, join, 'same-name');
    }
    if (type === 'role') continue;
    // 2. A canonical name that is another group's alias (and only one group's) joins it.
    const aliasOwners = new Map<string, Set<number>>();
    for (const e of ms) {
      for (const n of e.m.names.slice(1)) {
        const k = keyOf(type, n);
        if (k === e.m.key || (type === 'person' && k.split(' ').length < 2)) continue;
        if (!aliasOwners.has(k)) aliasOwners.set(k, new Set());
        aliasOwners.get(k)!.add(e.i);
      }
    }
    for (const e of ms) {
      const owners = [...(aliasOwners.get(e.m.key) ?? [])];
      const roots = new Set(owners.map(find));
      if (roots.size === 1 && !roots.has(find(e.i))) join(e.i, owners[0]!, 'alias');
    }
    // Longer names by their endings ("sergey lavrov" under "lavrov"), so each short name finds its candidates
    // in one look-up: the corpus can hold tens of thousands of names.
    const byEnding = new Map<string, { m: Member; i: number }[]>();
    for (const f of ms) {
      const fw = f.m.key.split(' ');
      for (let k = 1; k < fw.length; k++) {
        const tail = fw.slice(fw.length - k).join(' ');
        if (!byEnding.has(tail)) byEnding.set(tail, []);
        byEnding.get(tail)!.push(f);
      }
    }
    // 3. A bare surname joins the unique full name with that surname across the corpus.
    if (type === 'person') {
      // Mentions behind each group so far, for the dominance test below.
      const weight = new Map<number, number>();
      members.forEach((m, i) => {
        if (m.type === type) weight.set(find(i), (weight.get(find(i)) ?? 0) + m.weight);
      });
      for (const e of ms) {
        const w = e.m.key.split(' ');
        // A surname is one word, or one with its particles ("de Vries", "van der Berg").
        if (!w[0] || (w.length > 1 && !w.slice(0, -1).every((p) => SURNAME_PARTICLES.has(p)))) continue;
        // A "person" called like a city or country is most likely that place mistyped: it joins no one.
        if (w.length === 1 && (isCity(e.m.name) || countryName(e.m.name))) continue;
        const cands = byEnding.get(e.m.key) ?? [];
        const roots = new Set(cands.map((c) => find(c.i)));
        if (roots.size === 1) join(e.i, cands[0]!.i, 'surname');
        else if (roots.size > 1) {
          // Several full names share the surname: the bare name is the one the corpus is about, when one of
          // them has at least three times the mentions of all others together (a president, not his wife).
          const ranked = [...roots].map((r) => [r, weight.get(r) ?? 0] as const).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
          const rest = ranked.slice(1).reduce((n, [, v]) => n + v, 0);
          if (ranked[0]![1] >= 3 * rest) join(e.i, ranked[0]![0], 'surname-dominant');
        }
      }
    }
    // 3b. A short organization name joins the unique longer name that ends with it ("Agriculture Department" =
    //     "U.S. Agriculture Department", "Orioles" = "Baltimore Orioles").
    if (type === 'organization') {
      for (const e of ms) {
        const w = e.m.key.split(' ');
        // One word stands for a longer name only when not generic: "Orioles" is "Baltimore Orioles", "Bank" is no one.
        if (w.length < 2 && GENERIC_ORG_WORDS.has(w[0]!)) continue;
        const cands = byEnding.get(e.m.key) ?? [];
        const roots = new Set(cands.map((c) => find(c.i)));
        if (roots.size === 1 && !roots.has(find(e.i))) join(e.i, cands[0]!.i, 'short-form');
      }
    }
    // 4. An acronym joins the unique expansion ("UN" = "United Nations").
    if (type === 'organization') {
      const byAcronym = new Map<string, { m: Member; i: number }[]>();
      for (const f of ms) {
        if (nameWords(f.m.name).length < 2) continue;
        for (const a of acronymsOf(f.m.name)) {
          if (!byAcronym.has(a)) byAcronym.set(a, []);
          byAcronym.get(a)!.push(f);
        }
      }
      for (const e of ms) {
        const letters = acronymLetters(e.m.name);
        if (!letters) continue;
        const cands = (byAcronym.get(letters) ?? []).filter((f) => f.i !== e.i);
        const roots = new Set(cands.map((c) => find(c.i)));
        if (roots.size === 1) join(e.i, cands[0]!.i, 'acronym');
      }
    }
  }

  // 5. One name, several types: the tagger typed it differently in different sentences or articles ("CAPE TOWN"
  //    as an organization on a dateline, a place in the text). Groups whose fullest names agree become one, typed
  //    as most of their mentions are.
  const fullest = new Map<number, Member>();
  members.forEach((m, i) => {
    if (m.type === 'role') return;
    const r = find(i);
    const cur = fullest.get(r);
    if (!cur || fuller(m.name, cur.name)) fullest.set(r, m);
  });
  const byFullName = group([...fullest].map(([r, m]) => ({ r, n: normName(m.name), t: members[r]!.type })), (e) => e.n);
  for (const same of byFullName.values()) {
    if (new Set(same.map((e) => e.t)).size < 2) continue;
    const roots = same.map((e) => e.r).sort((a, b) => a - b);
    for (const r of roots.slice(1)) join(r, roots[0]!, 'type-vote');
  }
  // An acronym typed one way ("U.N." as a place) that is another type's known alias (of "United Nations").
  const aliasRoots = new Map<string, Set<number>>();
  members.forEach((m, i) => {
    if (m.type === 'role') return;
    for (const n of m.names.slice(1)) {
      const k = normName(n);
      if (!aliasRoots.has(k)) aliasRoots.set(k, new Set());
      aliasRoots.get(k)!.add(i);
    }
  });
  for (const [r, m] of fullest) {
    if (!acronymLetters(m.name)) continue;
    const others = [...(aliasRoots.get(normName(m.name)) ?? [])].filter((i) => members[i]!.type !== members[r]!.type);
    const roots = new Set(others.map(find));
    if (roots.size === 1 && !roots.has(find(r))) join(r, others[0]!, 'type-vote');
  }

  // Build the global entities, in a fixed order: by key.
  const groups = group(
    members.map((m, i) => ({ m, i })),
    (e) => String(find(e.i)),
  );
  const built: { g: GlobalEntity; idx: number[] }[] = [];
  const usedKeys = new Set<string>();
  for (const bucket of groups.values()) {
    const type = votedType(bucket.map((e) => e.m));
    const ofType = bucket.map((e) => e.m).filter((m) => m.type === type);
    const labelM = ofType.reduce((a, b) => (fuller(b.name, a.name) ? b : a));
    const knownM = bucket.find((e) => e.m.knownKey);
    let key = knownM?.m.knownKey ?? `${labelM.type}:${labelM.key}`;
    if (!knownM && usedKeys.has(key)) {
      const of = bucket.flatMap((e) => e.m.roles.map((r) => r.of ?? r.title)).sort()[0];
      key = of ? `${key} (${normName(of)})` : key;
      for (let n = 2; usedKeys.has(key); n++) key = `${labelM.type}:${labelM.key}#${n}`;
    }
    usedKeys.add(key);
    const label = knownM?.m.name ?? labelM.name;
    const aliases = new Set<string>();
    const merges: MergeRecord[] = [];
    const seen = new Set<string>([label]);
    for (const e of [...bucket].sort((a, b) => a.i - b.i)) {
      for (const n of e.m.names) {
        if (seen.has(n)) continue;
        seen.add(n);
        aliases.add(n);
        const local = e.m.merges.find((r) => r.name === n);
        merges.push(local ?? { name: n, rule: why.get(e.i) ?? 'same-name' });
      }
    }
    const g: GlobalEntity = { key, type, label, aliases: [...aliases], merges };
    const of = labelM.of ?? bucket.find((e) => e.m.of)?.m.of;
    if (of) g.of = of;
    built.push({ g, idx: bucket.map((e) => e.i) });
  }
  // Known entities keep their places at the front; new ones follow in key order.
  built.sort((a, b) => {
    const ka = a.idx.some((i) => members[i]!.x < 0);
    const kb = b.idx.some((i) => members[i]!.x < 0);
    if (ka !== kb) return ka ? -1 : 1;
    if (ka) return Math.min(...a.idx) - Math.min(...b.idx);
    return a.g.key < b.g.key ? -1 : a.g.key > b.g.key ? 1 : 0;
  });
  const entities = built.map((b) => b.g);
  const at = new Map<number, number>();
  built.forEach((b, gi) => b.idx.forEach((i) => at.set(i, gi)));
  let cursor = known.length;
  const local = extractions.map((ex) => ex.entities.map(() => at.get(cursor++)!));
  return { entities, local };
}

/** A role member's key with its owner named by the fullest name of the one owner group that has that name. */
function rekeyRolesByOwner(members: Member[], roles: { m: Member; i: number }[], find: (i: number) => number): void {
  const owners = new Map<string, Set<number>>();
  const fullest = new Map<number, string>();
  members.forEach((m, i) => {
    if (m.type !== 'organization' && m.type !== 'place') return;
    const r = find(i);
    const cur = fullest.get(r);
    if (cur === undefined || fuller(m.name, cur)) fullest.set(r, m.name);
    for (const n of m.names) {
      const k = normName(n);
      if (!owners.has(k)) owners.set(k, new Set());
      owners.get(k)!.add(r);
    }
  });
  for (const { m } of roles) {
    const paren = /^(.*?)\s*\((.+)\)$/u.exec(m.name);
    const of = m.of ?? paren?.[2];
    if (!paren || !of) continue;
    const roots = owners.get(normName(of));
    if (!roots || roots.size !== 1) continue;
    const full = fullest.get([...roots][0]!);
    if (full && normName(full) !== normName(of)) m.key = normName(`${paren[1]} (${full})`);
  }
}

const TYPE_TIES: EntityType[] = ['person', 'place', 'organization', 'role'];

/** The type most mentions of a group give; ties go to person, then place, then organization. */
function votedType(ms: Member[]): EntityType {
  const votes = new Map<EntityType, number>();
  for (const m of ms) votes.set(m.type, (votes.get(m.type) ?? 0) + m.weight);
  const known = ms.find((m) => m.knownKey);
  if (known) return known.type;
  return [...votes].sort((a, b) => b[1] - a[1] || TYPE_TIES.indexOf(a[0]) - TYPE_TIES.indexOf(b[0]))[0]![0];
}

function toMember(ex: Extraction, e: LocalEntity, x: number, j: number): Member {
  const roles: { title: string; of?: string }[] = [];
  if (e.type === 'person') {
    for (const r of ex.relations) {
      if (r.type !== 'holds_role' || r.source !== j) continue;
      const role = ex.entities[r.target];
      if (!role) continue;
      const t: { title: string; of?: string } = { title: normName(role.name.replace(/\s*\(.*\)$/, '')) };
      if (role.of) t.of = role.of;
      roles.push(t);
    }
  }
  const m: Member = {
    x,
    j,
    type: e.type,
    name: e.name,
    names: [e.name, ...e.aliases],
    key: keyOf(e.type, e.name),
    roles,
    merges: e.merges,
    weight: e.mentions.length,
  };
  if (e.of) m.of = e.of;
  return m;
}

/**
 * Namesakes: one full name, but roles that cannot be one person's (a striker and a central banker, ministers of two
 * countries). Members whose roles share a title or an owner go together; members without roles join the group
 * when there is just one, otherwise the largest.
 */
function partitionByRoles<T extends { m: Member; i: number }>(bucket: T[]): T[][] {
  const withRoles = bucket.filter((e) => e.m.roles.length > 0);
  if (withRoles.length < 2) return [bucket];
  const parts: { items: T[]; titles: Set<string>; ofs: Set<string> }[] = [];
  for (const e of withRoles) {
    const titles = new Set(e.m.roles.map((r) => r.title));
    const ofs = new Set(e.m.roles.flatMap((r) => (r.of ? [normName(r.of)] : [])));
    // Only owners that disagree tell namesakes apart: a minister of Russia and one of France. Titles alone do not
    // (one person is "security chief" in one story and "peacemaker" in the next).
    const p = parts.find((p) => !ofs.size || !p.ofs.size || [...ofs].some((o) => p.ofs.has(o)));
    if (p) {
      p.items.push(e);
      titles.forEach((t) => p.titles.add(t));
      ofs.forEach((o) => p.ofs.add(o));
    } else parts.push({ items: [e], titles, ofs });
  }
  const rest = bucket.filter((e) => e.m.roles.length === 0);
  const largest = parts.reduce((a, b) => (b.items.length > a.items.length ? b : a));
  largest.items.push(...rest);
  return parts.map((p) => p.items);
}

function chain<T extends { i: number }>(xs: T[], join: (a: number, b: number, rule: string) => void, rule: string): void {
  for (let k = 1; k < xs.length; k++) join(xs[k]!.i, xs[0]!.i, rule);
}

function group<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    if (!out.has(k)) out.set(k, []);
    out.get(k)!.push(x);
  }
  return out;
}

/** The fuller of two names: more words, then more letters, then the first in code-point order (deterministic). */
function fuller(a: string, b: string): boolean {
  const wa = nameWords(a).length;
  const wb = nameWords(b).length;
  if (wa !== wb) return wa > wb;
  const la = a.replace(/[^\p{L}]/gu, '').length;
  const lb = b.replace(/[^\p{L}]/gu, '').length;
  if (la !== lb) return la > lb;
  return a < b;
}
