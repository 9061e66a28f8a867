// Articles (or their extractions) -> one graph: a node per resolved entity and per article, an edge per
// (relation type, modality, source, target) carrying the evidence of every article that states it.
import { MultiDirectedGraph } from 'graphology';
import { extractAll } from '../extract.js';
import { layoutGraph } from '../layout/index.js';
import type { LayoutOptions } from '../layout/index.js';
import { resolveAcross } from '../resolve/index.js';
import type { GlobalEntity } from '../resolve/index.js';
import { ARTICLE_TARGET } from '../types.js';
import type { Article, EdgeAttributes, Evidence, Extraction, NodeAttributes } from '../types.js';
import { articleKey } from './types.js';
import type { KgGraph } from './types.js';

export interface BuildOptions {
  /** An existing graph to build into: its entities are reused (new articles join its nodes). Not modified. */
  into?: KgGraph;
  /** Lay the graph out with ForceAtlas2 (default true); false leaves seeded-free x = y = 0 for new nodes. */
  layout?: boolean | LayoutOptions;
  /** Told about each input article that was left out (e.g. already in `into`). */
  onSkip?: (id: string, reason: string) => void;
  /** Filled with the seconds spent in each phase (extract, resolve, assemble, layout), for summaries. */
  timings?: Record<string, number>;
}

interface EdgeDraft {
  source: string;
  target: string;
  attributes: EdgeAttributes;
  /** Places and dates stated with new evidence; the first in evidence order wins, whatever the input order. */
  facts: { evidence: Evidence; place?: string; date?: string }[];
}

/** Builds a graph; the same input (and `into`) always gives the same nodes, edges, order and positions. */
export function buildGraph(input: ReadonlyArray<Article | Extraction>, options: BuildOptions = {}): KgGraph {
  const clock = phaseClock(options.timings);
  const nodes = new Map<string, NodeAttributes>();
  const edges = new Map<string, EdgeDraft>();
  if (options.into) seed(options.into, nodes, edges);

  const extractions: Extraction[] = [];
  const seen = new Set<string>();
  const ordered = [...input].sort((a, b) => cmp(idOf(a), idOf(b)));
  const fresh = extractAll(ordered.filter((item): item is Article => !isExtraction(item)));
  let f = 0;
  for (const item of ordered) {
    const x = isExtraction(item) ? item : fresh[f++]!;
    const id = x.article.id;
    if (nodes.has(articleKey(id))) {
      options.onSkip?.(id, 'already in the graph; build without --merge to rebuild it');
      continue;
    }
    if (seen.has(id)) {
      options.onSkip?.(id, 'a second article with this id; give articles distinct ids');
      continue;
    }
    seen.add(id);
    extractions.push(x);
  }

  // Resolution may depend on the order it sees articles in: it sees them by id, whatever the inputs' order.
  clock('extract');
  const known = [...nodes].filter(([, a]) => a.type !== 'article').map(([key, a]) => toGlobal(key, a));
  const resolution = resolveAcross(extractions, known);
  clock('resolve');
  for (const e of resolution.entities) {
    const prev = nodes.get(e.key);
    const node: NodeAttributes = prev ?? { label: e.label, type: e.type, aliases: [], mentions: 0, articles: [], x: NaN, y: NaN };
    node.label = e.label;
    node.type = e.type;
    node.aliases = [...e.aliases];
    node.merges = e.merges.map((m) => ({ ...m }));
    if (e.of !== undefined) node.of = e.of;
    nodes.set(e.key, node);
  }

  extractions.forEach((x, i) => {
    const id = x.article.id;
    const aKey = articleKey(id);
    const keyOf = (local: number) => resolution.entities[resolution.local[i]![local]!]!.key;
    nodes.set(aKey, articleNode(x));
    for (const ent of x.entities) {
      const key = keyOf(ent.id);
      const node = nodes.get(key)!;
      node.mentions += ent.mentions.length;
      if (!node.articles.includes(id)) node.articles.push(id);
      addEvidence(edges, 'mentions', undefined, aKey, key, [], ent.mentions.length);
    }
    for (const r of x.relations) {
      let source = keyOf(r.source);
      let target = r.target === ARTICLE_TARGET ? aKey : keyOf(r.target);
      if (source === target) continue; // two names of one entity: not a relation
      let evidence: Evidence = { ...r.evidence, article: id };
      // met_with has no direction: one edge per pair, stored from the smaller key.
      if (r.type === 'met_with' && source > target) {
        [source, target] = [target, source];
        evidence = swapEnds(evidence);
      }
      const draft = addEvidence(edges, r.type, r.modality, source, target, [evidence], 0);
      if (r.place !== undefined || r.date !== undefined) draft.facts.push({ evidence, ...(r.place !== undefined ? { place: r.place } : {}), ...(r.date !== undefined ? { date: r.date } : {}) });
    }
  });

  return assemble(nodes, edges, options.layout ?? true, clock);
}

/** Returns a function that adds the seconds since its last call to `timings[phase]`. */
function phaseClock(timings: Record<string, number> | undefined): (phase: string) => void {
  let last = performance.now();
  return (phase) => {
    const now = performance.now();
    if (timings) timings[phase] = (timings[phase] ?? 0) + (now - last) / 1000;
    last = now;
  };
}

function isExtraction(x: Article | Extraction): x is Extraction {
  return 'doc' in x && 'entities' in x;
}

function idOf(x: Article | Extraction): string {
  return isExtraction(x) ? x.article.id : x.id;
}

function toGlobal(key: string, a: NodeAttributes): GlobalEntity {
  const g: GlobalEntity = { key, type: a.type as GlobalEntity['type'], label: a.label, aliases: [...a.aliases], merges: (a.merges ?? []).map((m) => ({ ...m })) };
  if (a.of !== undefined) g.of = a.of;
  return g;
}

function articleNode(x: Extraction): NodeAttributes {
  const a = x.article;
  const node: NodeAttributes = { label: a.title ?? a.id, type: 'article', aliases: [], mentions: x.mentions.length, articles: [a.id], x: NaN, y: NaN };
  if (a.title !== undefined) node.title = a.title;
  if (a.url !== undefined) node.url = a.url;
  if (a.date !== undefined) node.date = a.date;
  if (a.outlet !== undefined) node.outlet = a.outlet;
  return node;
}

function swapEnds(e: Evidence): Evidence {
  const out: Evidence = { ...e };
  delete out.source;
  delete out.target;
  if (e.target) out.source = e.target;
  if (e.source) out.target = e.source;
  return out;
}

/** The edge key: one edge per relation type, modality and ordered pair of nodes. */
export function edgeKey(type: string, modality: string | undefined, source: string, target: string): string {
  return `${type}|${modality ?? 'occurred'}|${source}|${target}`;
}

function addEvidence(
  edges: Map<string, EdgeDraft>,
  type: EdgeAttributes['type'],
  modality: EdgeAttributes['modality'],
  source: string,
  target: string,
  evidence: Evidence[],
  weight: number,
): EdgeDraft {
  const key = edgeKey(type, modality, source, target);
  let d = edges.get(key);
  if (!d) {
    const attributes: EdgeAttributes = { type, weight: 0, evidence: [] };
    if (modality !== undefined) attributes.modality = modality;
    d = { source, target, attributes, facts: [] };
    edges.set(key, d);
  }
  d.attributes.evidence.push(...evidence);
  d.attributes.weight += weight;
  return d;
}

/** Copies an existing graph into the drafts (deep enough that the original is never changed). */
function seed(g: KgGraph, nodes: Map<string, NodeAttributes>, edges: Map<string, EdgeDraft>) {
  g.forEachNode((key, a) => {
    nodes.set(key, { ...a, aliases: [...a.aliases], articles: [...a.articles], ...(a.merges ? { merges: a.merges.map((m) => ({ ...m })) } : {}) });
  });
  g.forEachEdge((key, a, source, target) => {
    edges.set(key, { source, target, attributes: { ...a, evidence: a.evidence.map((e) => ({ ...e })) }, facts: [] });
  });
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const num = (s: [number, number] | undefined) => (s ? s[0] * 1e6 + s[1] : -1);

function compareEvidence(a: Evidence, b: Evidence): number {
  return cmp(a.article, b.article) || a.start - b.start || a.end - b.end || num(a.source) - num(b.source) || num(a.target) - num(b.target) || num(a.cue) - num(b.cue);
}

/** Node attributes in one fixed key order, so that the JSON text depends on values only. */
function canonicalNode(a: NodeAttributes): NodeAttributes {
  const out: NodeAttributes = {
    label: a.label,
    type: a.type,
    aliases: a.aliases,
    mentions: a.mentions,
    articles: [...a.articles].sort(cmp),
    x: a.x,
    y: a.y,
  };
  if (a.size !== undefined) out.size = a.size;
  if (a.merges !== undefined && a.merges.length > 0) out.merges = a.merges;
  for (const k of ['of', 'title', 'url', 'date', 'outlet'] as const) if (a[k] !== undefined) out[k] = a[k];
  return out;
}

function canonicalEvidence(e: Evidence): Evidence {
  const out: Evidence = { article: e.article, sentence: e.sentence, start: e.start, end: e.end, text: e.text };
  if (e.source) out.source = [e.source[0], e.source[1]];
  if (e.target) out.target = [e.target[0], e.target[1]];
  if (e.cue) out.cue = [e.cue[0], e.cue[1]];
  return out;
}

/** The edge's place and date: kept from the graph it was merged into, else from its first evidence that has them. */
function settleFacts(d: EdgeDraft): void {
  const facts = [...d.facts].sort((x, y) => compareEvidence(x.evidence, y.evidence));
  const place = facts.find((f) => f.place !== undefined)?.place;
  const date = facts.find((f) => f.date !== undefined)?.date;
  if (place !== undefined) d.attributes.place ??= place;
  if (date !== undefined) d.attributes.date ??= date;
}

function canonicalEdge(a: EdgeAttributes): EdgeAttributes {
  const seen = new Set<string>();
  const evidence = a.evidence
    .map(canonicalEvidence)
    .sort(compareEvidence)
    .filter((e) => {
      const k = JSON.stringify(e);
      return seen.has(k) ? false : (seen.add(k), true);
    });
  // Relation edges weigh their evidence; `mentions` edges (no evidence) weigh the mention count.
  const out: EdgeAttributes = { type: a.type, weight: evidence.length > 0 ? evidence.length : a.weight, evidence };
  for (const k of ['modality', 'place', 'date'] as const) if (a[k] !== undefined) (out as unknown as Record<string, unknown>)[k] = a[k];
  return out;
}

function assemble(nodes: Map<string, NodeAttributes>, edges: Map<string, EdgeDraft>, layout: boolean | LayoutOptions, clock: (phase: string) => void): KgGraph {
  const graph: KgGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  for (const key of [...nodes.keys()].sort(cmp)) graph.addNode(key, canonicalNode(nodes.get(key)!));
  for (const key of [...edges.keys()].sort(cmp)) {
    const d = edges.get(key)!;
    settleFacts(d);
    graph.addEdgeWithKey(key, d.source, d.target, canonicalEdge(d.attributes));
  }
  clock('assemble');
  if (layout !== false) layoutGraph(graph, layout === true ? {} : layout);
  else graph.forEachNode((k, a) => { if (!Number.isFinite(a.x) || !Number.isFinite(a.y)) graph.mergeNodeAttributes(k, { x: 0, y: 0 }); });
  clock('layout');
  return graph;
}
