// Synthetic graph generator for viewer tests and benchmarks: a seeded, laid-out graph in our export() format
// (same node/edge attributes as `kg build` writes), so the viewer can be measured at sizes the sample corpus
// never reaches. Names are made up from small generic syllable lists; positions are clustered "communities"
// so the picture resembles a ForceAtlas2 layout without running one.
//
//   npx tsx scripts/gen-graph.ts --nodes 20000 --edges 60000 --seed 1 -o graphs/gen-20k.json

import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { EdgeAttributes, Evidence, Modality, NodeAttributes, NodeType, RelationType } from '../src/types.js';
import { rng } from './rng.js';

export interface GenOptions {
  nodes: number;
  edges: number;
  seed: number;
}

interface ExportedGraph {
  attributes: Record<string, unknown>;
  options: { type: 'directed'; multi: true; allowSelfLoops: false };
  nodes: { key: string; attributes: NodeAttributes }[];
  edges: { key: string; source: string; target: string; attributes: EdgeAttributes }[];
}

const SYL = ['ka', 'lo', 'mi', 'ren', 'sa', 'tu', 'vel', 'do', 'ria', 'nor', 'bel', 'ost', 'fa', 'gun', 'hel', 'ix'];
const ROLES = ['Foreign Minister', 'Prime Minister', 'Spokesperson', 'Ambassador', 'Governor', 'Chief Executive'];
const ORG_SUFFIX = ['Agency', 'Press', 'Ministry', 'Council', 'Group', 'Union'];
const OUTLETS = ['Daily Ledger', 'Evening Courier', 'Coastal Wire'];

function word(r: () => number, parts: number): string {
  let s = '';
  for (let i = 0; i < parts; i++) s += SYL[Math.floor(r() * SYL.length)];
  return s[0]!.toUpperCase() + s.slice(1);
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

/** A sentence "A <cue> B." with the spans of both names and the cue, as the extractor records them. */
function evidence(article: string, offset: number, a: string, cue: string, b: string): Evidence {
  const text = `${a} ${cue} ${b} on Tuesday.`;
  const s = offset;
  return {
    article,
    sentence: 0,
    start: s,
    end: s + text.length,
    text,
    source: [s, s + a.length],
    cue: [s + a.length + 1, s + a.length + 1 + cue.length],
    target: [s + a.length + 2 + cue.length, s + a.length + 2 + cue.length + b.length],
  };
}

const CUES: Record<RelationType, string> = {
  met_with: 'met',
  reported_by: 'was quoted by',
  holds_role: 'serves as',
  credited_to: 'was photographed for',
  affiliated_with: 'spoke for',
  located_in: 'is in',
  said: 'said in',
  mentions: 'mentions',
};

/** Which relation a pair of node types can carry (so generated edges respect the schema). */
function relationFor(a: NodeType, b: NodeType): RelationType | null {
  if (a === 'person' && b === 'person') return 'met_with';
  if (a === 'person' && b === 'role') return 'holds_role';
  if (a === 'person' && b === 'organization') return 'affiliated_with';
  if (a === 'organization' && b === 'place') return 'located_in';
  if (a === 'place' && b === 'place') return 'located_in';
  if (a === 'organization' && b === 'organization') return 'reported_by';
  if (a === 'person' && b === 'article') return 'said';
  if (a === 'article') return 'mentions';
  return null;
}

export function generateGraph(o: GenOptions): ExportedGraph {
  const r = rng(o.seed);
  const nArticles = Math.max(1, Math.round(o.nodes / 25));
  const clusters = Math.max(1, Math.round(Math.sqrt(o.nodes) / 3));
  const centres = Array.from({ length: clusters }, () => ({ x: (r() - 0.5) * 1000, y: (r() - 0.5) * 1000 }));
  const nodes: ExportedGraph['nodes'] = [];
  const cluster: number[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < o.nodes; i++) {
    const isArticle = i < nArticles;
    const u = r();
    const type: NodeType = isArticle ? 'article' : u < 0.5 ? 'person' : u < 0.7 ? 'organization' : u < 0.85 ? 'place' : 'role';
    let label =
      type === 'person'
        ? `${word(r, 2)} ${word(r, 2 + Math.floor(r() * 2))}`
        : type === 'organization'
          ? `${word(r, 2)} ${pick(r, ORG_SUFFIX)}`
          : type === 'role'
            ? `${word(r, 2)} ${pick(r, ROLES)}`
            : type === 'place'
              ? word(r, 2 + Math.floor(r() * 2))
              : `Talks in ${word(r, 2)} resume`;
    while (seen.has(`${type}:${label}`)) label += ` ${word(r, 1)}`;
    seen.add(`${type}:${label}`);
    const c = Math.floor(r() * clusters);
    cluster.push(c);
    const ang = r() * Math.PI * 2;
    const rad = Math.sqrt(r()) * 120;
    const key = isArticle ? `article:a${i}` : `${type}:${label.toLowerCase().replace(/\s+/g, '-')}`;
    const attributes: NodeAttributes = {
      label,
      type,
      aliases: type === 'person' ? [label.split(' ').at(-1)!] : [],
      mentions: 1 + Math.floor(r() * r() * 30),
      articles: [],
      x: Math.round((centres[c]!.x + Math.cos(ang) * rad) * 100) / 100,
      y: Math.round((centres[c]!.y + Math.sin(ang) * rad) * 100) / 100,
    };
    if (type === 'person') attributes.merges = [{ name: attributes.aliases[0]!, rule: 'surname of a full name in the same article' }];
    if (isArticle) {
      attributes.title = label;
      attributes.url = `https://news.example/${i}`;
      attributes.date = `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      attributes.outlet = pick(r, OUTLETS);
    }
    nodes.push({ key, attributes });
  }
  // Edges mostly within a cluster (as a layout would place them), some across.
  const byCluster: number[][] = Array.from({ length: clusters }, () => []);
  for (let i = nArticles; i < o.nodes; i++) byCluster[cluster[i]!]!.push(i);
  const edges: ExportedGraph['edges'] = [];
  const pairs = new Set<string>();
  let guard = 0;
  const modalities: Modality[] = ['occurred', 'occurred', 'occurred', 'planned', 'cancelled', 'denied'];
  while (edges.length < o.edges && guard++ < o.edges * 20) {
    const ai = r() < 0.15 ? Math.floor(r() * nArticles) : nArticles + Math.floor(r() * (o.nodes - nArticles));
    const pool = r() < 0.9 ? byCluster[cluster[ai]!]! : byCluster[Math.floor(r() * clusters)]!;
    if (pool.length === 0) continue;
    const bi = pool[Math.floor(r() * pool.length)]!;
    if (bi === ai) continue;
    let a = nodes[ai]!;
    let b = nodes[bi]!;
    let type = relationFor(a.attributes.type, b.attributes.type);
    if (!type) {
      type = relationFor(b.attributes.type, a.attributes.type);
      if (!type) continue;
      [a, b] = [b, a];
    }
    const pk = `${a.key}|${b.key}|${type}`;
    if (pairs.has(pk)) continue;
    pairs.add(pk);
    const art = nodes[Math.floor(r() * nArticles)]!;
    const artId = art.key.slice('article:'.length);
    const attributes: EdgeAttributes = {
      type,
      weight: 1,
      evidence: [evidence(artId, Math.floor(r() * 500), a.attributes.label, CUES[type], b.attributes.label)],
    };
    if (type === 'met_with') attributes.modality = pick(r, modalities);
    for (const n of [a, b]) if (n.attributes.type !== 'article' && !n.attributes.articles.includes(artId)) n.attributes.articles.push(artId);
    edges.push({ key: `e${edges.length}`, source: a.key, target: b.key, attributes });
  }
  return { attributes: { name: `generated ${o.nodes}/${o.edges} seed ${o.seed}` }, options: { type: 'directed', multi: true, allowSelfLoops: false }, nodes, edges };
}

/** Writes atomically (temp file + rename) so a reader never sees half a graph. */
export function writeGraph(path: string, g: ExportedGraph): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(g));
  renameSync(tmp, path);
}

function main(argv: string[]): void {
  const arg = (name: string, def: string) => {
    const i = argv.indexOf(name);
    return i >= 0 && argv[i + 1] ? argv[i + 1]! : def;
  };
  const nodes = Number(arg('--nodes', '2000'));
  const edges = Number(arg('--edges', String(nodes * 3)));
  const seed = Number(arg('--seed', '1'));
  const out = arg('-o', `graphs/gen-${nodes}.json`);
  if (!Number.isInteger(nodes) || nodes < 2 || !Number.isInteger(edges) || edges < 0) {
    process.stderr.write('gen-graph: --nodes must be an integer >= 2 and --edges an integer >= 0\n');
    process.exit(2);
  }
  const g = generateGraph({ nodes, edges, seed });
  writeGraph(out, g);
  process.stdout.write(`gen-graph: wrote ${out}: ${g.nodes.length} nodes, ${g.edges.length} edges (seed ${seed})\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2));
