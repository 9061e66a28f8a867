import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KgError } from '../src/errors.js';
import { buildGraph, loadGraph, neighbors, parseGraph, saveGraph, serializeGraph } from '../src/graph/index.js';
import type { KgGraph } from '../src/graph/index.js';
import { makeExtraction, sampleExtractions } from './fixtures/extractions.js';

const keyOf = (g: KgGraph, label: string) => g.findNode((_k, a) => a.label === label)!;

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return e instanceof KgError ? e.code : `not a KgError: ${(e as Error).message}`;
  }
  return undefined;
}

describe('buildGraph', () => {
  it('gives byte-identical JSON for the same input, whatever the article order', () => {
    const one = serializeGraph(buildGraph(sampleExtractions()));
    const two = serializeGraph(buildGraph(sampleExtractions()));
    const reversed = serializeGraph(buildGraph(sampleExtractions().reverse()));
    expect(two).toBe(one);
    // Insertion order is sorted, so order of articles changes nothing but evidence order, which is sorted too.
    expect(reversed).toBe(one);
  });

  it('gives byte-identical JSON for the same articles run through extract()', () => {
    const articles = sampleExtractions().map((x) => x.article);
    const once = serializeGraph(buildGraph(articles));
    expect(serializeGraph(buildGraph(articles))).toBe(once);
    expect(serializeGraph(buildGraph([...articles].reverse()))).toBe(once);
  }, 60_000); // loads the NER model

  it('makes an article node per input with its metadata and mentions edges to its entities', () => {
    const g = buildGraph(sampleExtractions());
    expect(g.getNodeAttributes('article:a1')).toMatchObject({ type: 'article', label: 'Holt meets Patel', title: 'Holt meets Patel', date: '2026-01-02', outlet: 'Daily Courier', url: 'https://example.test/a1', articles: ['a1'] });
    expect(g.getNodeAttribute('article:b2', 'label')).toBe('b2');
    const holt = keyOf(g, 'Lena Holt');
    const mention = g.edges('article:a1', holt).map((e) => g.getEdgeAttributes(e)).find((a) => a.type === 'mentions');
    // "Lena Holt", "Holt", "Holt": three mentions in a1
    expect(mention?.weight).toBe(3);
    expect(g.getNodeAttributes(holt)).toMatchObject({ type: 'person', mentions: 3 + 1 + 1, articles: ['a1', 'b2', 'c3'] });
  });

  it.each([
    ['met_with', 'occurred', 2, ['a1', 'c3']],
    ['met_with', 'planned', 1, ['b2']],
    ['reported_by', 'occurred', 2, ['a1', 'b2']],
  ])('aggregates %s (%s) evidence over articles into one edge', (type, modality, weight, articles) => {
    const g = buildGraph(sampleExtractions());
    const edges = g.filterEdges((_k, a) => a.type === type && (a.modality ?? 'occurred') === modality);
    expect(edges).toHaveLength(1);
    const a = g.getEdgeAttributes(edges[0]!);
    expect(a.weight).toBe(weight);
    expect(a.evidence.map((e) => e.article)).toEqual(articles);
    for (const e of a.evidence) expect(e.text.length).toBeGreaterThan(0);
  });

  it('keys relation edges by type|modality|source|target and stores met_with once per pair', () => {
    const g = buildGraph(sampleExtractions());
    const [holt, patel] = [keyOf(g, 'Lena Holt'), keyOf(g, 'Ravi Patel')];
    const [lo, hi] = [holt, patel].sort();
    expect(g.hasEdge(`met_with|occurred|${lo}|${hi}`)).toBe(true);
    expect(g.hasEdge(`met_with|planned|${lo}|${hi}`)).toBe(true);
    expect(g.getEdgeAttribute(`met_with|occurred|${lo}|${hi}`, 'place')).toBe('Dover');
  });

  it('takes an edge place from its first evidence in article order, whatever the input order', () => {
    const meet = (id: string, place: string) =>
      makeExtraction({ id, text: `Ann Ode met Bo Lin in ${place}.` }, [{ name: 'Ann Ode', type: 'person' }, { name: 'Bo Lin', type: 'person' }], [{ type: 'met_with', source: 'Ann Ode', target: 'Bo Lin', cue: 'met', place }]);
    const places = (xs: ReturnType<typeof meet>[]) => {
      const g = buildGraph(xs, { layout: false });
      return g.filterEdges((_k, a) => a.type === 'met_with').map((e) => g.getEdgeAttribute(e, 'place'));
    };
    expect(places([meet('p2', 'Leeds'), meet('p1', 'York')])).toEqual(['York']);
    expect(places([meet('p1', 'York'), meet('p2', 'Leeds')])).toEqual(['York']);
  });

  it('points said at the article node', () => {
    const g = buildGraph(sampleExtractions());
    const said = g.filterEdges((_k, a) => a.type === 'said');
    expect(said.map((e) => [g.source(e), g.target(e)])).toEqual([[keyOf(g, 'Lena Holt'), 'article:a1']]);
  });

  it('saves seeded, rounded positions for every node', () => {
    const g = buildGraph(sampleExtractions());
    g.forEachNode((_k, a) => {
      expect(Number.isFinite(a.x) && Number.isFinite(a.y)).toBe(true);
      expect(Math.round(a.x * 100) / 100).toBe(a.x);
    });
  });

  it('merges into an existing graph: same keys, old evidence kept, new evidence added, old graph untouched', () => {
    const [a, b, c] = sampleExtractions();
    const first = buildGraph([a!, b!]);
    const before = serializeGraph(first);
    const merged = buildGraph([c!], { into: first });
    expect(serializeGraph(first)).toBe(before);
    const all = buildGraph([a!, b!, c!]);
    expect(merged.nodes().sort()).toEqual(all.nodes().sort());
    expect(merged.edges().sort()).toEqual(all.edges().sort());
    const holt = keyOf(merged, 'Lena Holt');
    expect(merged.getNodeAttribute(holt, 'articles')).toEqual(['a1', 'b2', 'c3']);
  });

  it('keeps node keys stable when more articles are added', () => {
    const [a, b, c] = sampleExtractions();
    const small = buildGraph([a!], { layout: false });
    const big = buildGraph([a!, b!, c!], { layout: false });
    for (const key of small.nodes()) {
      expect(big.hasNode(key)).toBe(true);
      expect(big.getNodeAttribute(key, 'label')).toBe(small.getNodeAttribute(key, 'label'));
    }
  });

  it('skips an article already in the graph it merges into, and says so', () => {
    const [a] = sampleExtractions();
    const first = buildGraph([a!]);
    const skipped: string[] = [];
    const again = buildGraph([a!], { into: first, onSkip: (id) => skipped.push(id) });
    expect(skipped).toEqual(['a1']);
    // Only the layout moves on (it starts again from the saved positions).
    const strip = (g: KgGraph) => JSON.stringify(g.export(), (k, v) => (k === 'x' || k === 'y' ? undefined : v));
    expect(strip(again)).toBe(strip(first));
  });

  it('drops an edge whose two ends resolve to the same node', () => {
    const x = makeExtraction({ id: 'z', text: 'Ann Ode met Ann Ode.' }, [{ name: 'Ann Ode', type: 'person' }], [{ type: 'met_with', source: 'Ann Ode', target: 'Ann Ode', cue: 'met' }]);
    expect(buildGraph([x]).filterEdges((_k, a) => a.type === 'met_with')).toEqual([]);
  });
});

describe('neighbors', () => {
  const g = buildGraph(sampleExtractions());

  it.each([
    ['Lena Holt', 'met_with', ['Ravi Patel', 'Ravi Patel']],
    ['lena holt', 'reported_by', ['Daily Courier']],
    ['LENA HOLT', 'holds_role', ['Mayor']],
    ['the courier', 'reported_by', ['Lena Holt']],
    ['Ravi Patel', 'mentions', ['Holt meets Patel', 'b2', 'c3']],
  ])('finds %j and lists its %s neighbors', (name, relation, labels) => {
    expect(neighbors(g, name, { relation }).neighbors.map((n) => n.label)).toEqual(labels);
  });

  it('reports direction, modality and the number of supporting articles', () => {
    const r = neighbors(g, 'Ravi Patel', { relation: 'met_with' });
    expect(r.neighbors).toEqual([
      expect.objectContaining({ label: 'Lena Holt', direction: 'both', articles: 2, weight: 2 }),
      expect.objectContaining({ label: 'Lena Holt', direction: 'both', modality: 'planned', articles: 1 }),
    ]);
    expect(r.neighbors[0]!.modality).toBeUndefined();
    const rep = neighbors(g, 'Daily Courier', { relation: 'reported_by' });
    expect(rep.neighbors).toEqual([expect.objectContaining({ label: 'Lena Holt', direction: 'in', articles: 2 })]);
  });

  it('leaves out article links unless asked for them', () => {
    expect(neighbors(g, 'Ravi Patel').neighbors.every((n) => n.relation !== 'mentions')).toBe(true);
  });

  it('accepts a node key to pick one of several entities with the same alias', () => {
    const key = keyOf(g, 'Sam Holt');
    expect(neighbors(g, key).node.label).toBe('Sam Holt');
  });

  it.each([
    ['Holt', undefined, 'E_AMBIGUOUS'],
    ['Nobody Here', undefined, 'E_NOT_FOUND'],
    ['Lena Holt', 'shook_hands', 'E_USAGE'],
  ])('throws for %j (relation %s): %s', (name, relation, code) => {
    expect(codeOf(() => neighbors(g, name, relation ? { relation } : {}))).toBe(code);
  });

  it('lists the candidates of an ambiguous name and suggests close names for an unknown one', () => {
    try {
      neighbors(g, 'holt');
    } catch (e) {
      expect(((e as KgError).details as { candidates: { label: string }[] }).candidates.map((c) => c.label).sort()).toEqual(['Lena Holt', 'Sam Holt']);
    }
    try {
      neighbors(g, 'Ravi Patell');
    } catch (e) {
      expect((e as KgError).message).toContain('Ravi Patel');
    }
  });
});

describe('loadGraph and saveGraph', () => {
  it('round-trips a graph through a file byte for byte', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kg-graph-'));
    const file = path.join(dir, 'sub', 'g.json');
    const g = buildGraph(sampleExtractions());
    await saveGraph(g, file);
    const text = await readFile(file, 'utf8');
    expect(serializeGraph(await loadGraph(file))).toBe(text);
  });

  it.each([
    ['missing file', null],
    ['not JSON', '{"nodes": ['],
    ['no edges', '{"nodes": []}'],
    ['node without label', '{"nodes":[{"key":"a","attributes":{"type":"person","aliases":[],"articles":[]}}],"edges":[]}'],
    ['unknown node type', '{"nodes":[{"key":"a","attributes":{"label":"A","type":"planet","aliases":[],"articles":[]}}],"edges":[]}'],
    ['edge to a missing node', '{"nodes":[],"edges":[{"source":"a","target":"b","attributes":{"type":"met_with","evidence":[]}}]}'],
  ])('rejects a %s with E_GRAPH_LOAD', async (_what, content) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kg-graph-'));
    const file = path.join(dir, 'g.json');
    if (content !== null) await writeFile(file, content);
    await expect(loadGraph(file)).rejects.toMatchObject({ code: 'E_GRAPH_LOAD' });
  });

  it('names the file in a load error', () => {
    expect(() => parseGraph([], 'graphs/x.json')).toThrow(/graphs\/x\.json/);
  });

  it('fails with E_GRAPH_WRITE when the folder cannot be written, leaving no temp file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kg-graph-'));
    const blocker = path.join(dir, 'file');
    await writeFile(blocker, 'x');
    await expect(saveGraph(buildGraph([]), path.join(blocker, 'g.json'))).rejects.toMatchObject({ code: 'E_GRAPH_WRITE' });
  });
});

describe('library barrel', () => {
  it('exports the build, load, save and query API that the README shows', async () => {
    const lib = await import('../src/index.js');
    for (const name of ['buildGraph', 'loadGraph', 'saveGraph', 'neighbors', 'extract', 'readArticles', 'KgError', 'ARTICLE_TARGET']) {
      expect(lib).toHaveProperty(name);
    }
    const g = lib.buildGraph(sampleExtractions(), { layout: false });
    expect(lib.neighbors(g, 'Holt meets Patel', { relation: 'mentions' }).neighbors.length).toBeGreaterThan(0);
  });
});
