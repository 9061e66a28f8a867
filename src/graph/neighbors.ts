// Queries: find an entity by name, list its neighbors with relation, direction and support.
import { KgError } from '../errors.js';
import { MODALITIES, RELATION_TYPES } from '../types.js';
import type { Modality, NodeType, RelationType } from '../types.js';
import type { KgGraph } from './types.js';

export interface NodeRef {
  key: string;
  label: string;
  type: NodeType;
}

export interface Neighbor extends NodeRef {
  relation: RelationType;
  /** `out`: the entity is the source; `in`: the target; `both`: met_with, which has no direction. */
  direction: 'out' | 'in' | 'both';
  modality?: Modality;
  /** Distinct articles whose evidence supports the edge(s). */
  articles: number;
  /** Evidence items over the edge(s). */
  weight: number;
  /** Where and when, for met_with edges whose sentences say so. */
  place?: string;
  date?: string;
}

export interface NeighborsResult {
  node: NodeRef & { aliases: string[]; articles: string[] };
  neighbors: Neighbor[];
}

export interface NeighborsOptions {
  /** Only this relation type. Without it, every relation except `mentions` (the article links). */
  relation?: RelationType | string;
}

/** Case-, accent- and space-insensitive form of a name. */
export function normalizeName(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The nodes a name denotes: a node key exactly, or else every node whose label or alias matches. */
export function findNodes(graph: KgGraph, name: string): string[] {
  if (graph.hasNode(name)) return [name];
  const want = normalizeName(name);
  const hits: string[] = [];
  graph.forEachNode((key, a) => {
    if (normalizeName(a.label) === want || a.aliases.some((x) => normalizeName(x) === want)) hits.push(key);
  });
  return hits;
}

/** Up to `n` names close to `name` (prefix, word or small edit distance), for "did you mean". */
export function suggestNames(graph: KgGraph, name: string, n = 5): NodeRef[] {
  const want = normalizeName(name);
  const scored: { ref: NodeRef; score: number }[] = [];
  graph.forEachNode((key, a) => {
    if (a.type === 'article') return;
    let best = Infinity;
    for (const cand of [a.label, ...a.aliases].map(normalizeName)) {
      let s = editDistance(want, cand);
      if (cand.includes(want) || want.includes(cand)) s = Math.min(s, 1);
      if (cand.split(' ').some((w) => want.split(' ').includes(w))) s = Math.min(s, 2);
      best = Math.min(best, s);
    }
    if (best <= Math.max(2, Math.floor(want.length / 3))) scored.push({ ref: { key, label: a.label, type: a.type }, score: best });
  });
  scored.sort((x, y) => x.score - y.score || (x.ref.key < y.ref.key ? -1 : 1));
  return scored.slice(0, n).map((s) => s.ref);
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 4) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * The neighbors of the entity named `name` (label, alias or node key). Throws KgError E_NOT_FOUND (details:
 * suggestions), E_AMBIGUOUS (details: the candidates), or E_USAGE for an unknown relation type.
 */
export function neighbors(graph: KgGraph, name: string, options: NeighborsOptions = {}): NeighborsResult {
  const { relation } = options;
  if (relation !== undefined && !(RELATION_TYPES as readonly string[]).includes(relation)) {
    throw new KgError('E_USAGE', `unknown relation "${relation}". Use one of: ${RELATION_TYPES.join(', ')}.`);
  }
  const hits = findNodes(graph, name);
  if (hits.length === 0) {
    const suggestions = suggestNames(graph, name);
    const hint = suggestions.length ? ` Did you mean: ${suggestions.map((s) => `"${s.label}"`).join(', ')}?` : '';
    throw new KgError('E_NOT_FOUND', `no entity named "${name}" in the graph.${hint}`, { suggestions });
  }
  if (hits.length > 1) {
    const candidates = hits.map((key) => ({ key, label: graph.getNodeAttribute(key, 'label'), type: graph.getNodeAttribute(key, 'type') }));
    throw new KgError('E_AMBIGUOUS', `"${name}" names ${hits.length} entities; pass one of their keys instead.`, { candidates });
  }
  const key = hits[0]!;
  const a = graph.getNodeAttributes(key);
  const groups = new Map<string, Neighbor & { ids: Set<string> }>();
  graph.forEachEdge(key, (_edge, e, source, target) => {
    if (relation === undefined ? e.type === 'mentions' : e.type !== relation) return;
    const other = source === key ? target : source;
    if (other === key) return;
    const direction = e.type === 'met_with' ? 'both' : source === key ? 'out' : 'in';
    const modality = e.modality && e.modality !== 'occurred' ? e.modality : undefined;
    const gk = `${e.type}|${direction}|${modality ?? ''}|${other}`;
    let g = groups.get(gk);
    if (!g) {
      const o = graph.getNodeAttributes(other);
      g = { key: other, label: o.label, type: o.type, relation: e.type, direction, articles: 0, weight: 0, ids: new Set() };
      if (modality) g.modality = modality;
      groups.set(gk, g);
    }
    if (e.place !== undefined) g.place ??= e.place;
    if (e.date !== undefined) g.date ??= e.date;
    g.weight += e.weight;
    for (const ev of e.evidence) g.ids.add(ev.article);
    // A mentions edge has no evidence list: its article is the article node itself.
    if (e.type === 'mentions') g.ids.add(source);
  });
  const order = (t: RelationType) => RELATION_TYPES.indexOf(t);
  // What happened first, then what was planned, proposed, cancelled... in the order of MODALITIES.
  const mod = (m: Modality | undefined) => (m === undefined ? -1 : MODALITIES.indexOf(m));
  const list = [...groups.values()]
    .map(({ ids, ...n }) => ({ ...n, articles: ids.size }))
    .sort((x, y) => order(x.relation) - order(y.relation) || mod(x.modality) - mod(y.modality) || y.articles - x.articles || (x.label < y.label ? -1 : x.label > y.label ? 1 : 0) || (x.key < y.key ? -1 : 1));
  return { node: { key, label: a.label, type: a.type, aliases: [...a.aliases], articles: [...a.articles] }, neighbors: list };
}
