// The viewer's pure parts, in Node: graph file checks, evidence highlighting, search ranking, filters,
// URL state and GEXF; and the kg view static server.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateGraph } from '../../scripts/gen-graph.js';
import { serveViewer, type ViewServer } from '../../src/cli/view.js';
import type { Evidence } from '../../src/types.js';
import { EdgeHitTester } from '../../viewer/src/edgehit.js';
import { evidencePieces } from '../../viewer/src/evidence.js';
import { computeVisibility, defaultFilters } from '../../viewer/src/filters.js';
import { parseGraph } from '../../viewer/src/model.js';
import { subgraphExport, toGexf } from '../../viewer/src/exporting.js';
import { SearchIndex } from '../../viewer/src/search.js';
import { EDGE_COLORS, NODE_COLORS } from '../../viewer/src/palette.js';
import { decodeState, encodeState } from '../../viewer/src/urlstate.js';
import { ensureViewerBuilt, tmp } from './harness.js';

const small = () => parseGraph(JSON.stringify(generateGraph({ nodes: 200, edges: 600, seed: 5 })), 'gen.json');

describe('parseGraph', () => {
  it.each([
    ['not json', '{nope', /x\.json is not JSON/],
    ['no arrays', '{"nodes": 1}', /x\.json is JSON but not a graph/],
    ['no position', '{"nodes":[{"key":"a","attributes":{}}],"edges":[]}', /node "a" has no x\/y position/],
    ['dangling edge', '{"nodes":[{"key":"a","attributes":{"x":0,"y":0}}],"edges":[{"source":"a","target":"b"}]}', /edge 0 joins "a" and "b"/],
    ['duplicate node', '{"nodes":[{"key":"a","attributes":{"x":0,"y":0}},{"key":"a","attributes":{"x":1,"y":1}}],"edges":[]}', /node "a" appears twice/],
  ])('%s: says what is wrong', (_n, text, msg) => {
    expect(() => parseGraph(text, 'x.json')).toThrow(msg);
  });

  it('reads a generated graph and computes degrees', () => {
    const g = small();
    expect(g.order).toBe(200);
    expect(g.size).toBe(600);
    g.forEachNode((k, a) => expect(a._degree).toBe(g.degree(k)));
  });
});

describe('evidencePieces', () => {
  const ev = (text: string, start: number, extra: Partial<Evidence>): Evidence => ({ article: 'a', sentence: 0, start, end: start + text.length, text, ...extra });
  it.each([
    ['both names and cue, offsets into the article', ev('Ana Kolo met Boris Tuma.', 100, { source: [100, 108], cue: [109, 112], target: [113, 123] }),
      [['source', 'Ana Kolo'], ['text', ' '], ['cue', 'met'], ['text', ' '], ['target', 'Boris Tuma'], ['text', '.']]],
    ['target before source', ev('Quoted by Wire, Ana said.', 0, { source: [16, 19], target: [10, 14] }),
      [['text', 'Quoted by '], ['target', 'Wire'], ['text', ', '], ['source', 'Ana'], ['text', ' said.']]],
    ['span outside the sentence is dropped', ev('Ana met Bo.', 50, { source: [50, 53], target: [10, 12] }), [['source', 'Ana'], ['text', ' met Bo.']]],
    ['overlapping span is dropped', ev('Ana met Bo.', 0, { source: [0, 3], target: [1, 5] }), [['source', 'Ana'], ['text', ' met Bo.']]],
    ['no spans', ev('Plain.', 0, {}), [['text', 'Plain.']]],
  ])('%s', (_n, e, want) => {
    expect(evidencePieces(e).map((p) => [p.kind, p.text])).toEqual(want);
  });
});

describe('search', () => {
  const g = parseGraph(
    JSON.stringify({
      nodes: [
        { key: 'p1', attributes: { label: 'Sergio Lamba', type: 'person', aliases: ['Lamba'], mentions: 9, x: 0, y: 0 } },
        { key: 'p2', attributes: { label: 'Ana Lambada', type: 'person', aliases: [], mentions: 1, x: 1, y: 0 } },
        { key: 'o1', attributes: { label: 'Associated Wire', type: 'organization', aliases: ['AW'], mentions: 3, x: 0, y: 1 } },
      ],
      edges: [],
    }),
    'g.json',
  );
  const idx = new SearchIndex(g);
  it.each([
    ['lamba', ['p1', 'p2']],
    ['LAMBADA', ['p2']],
    ['aw', ['o1']],
    ['wire', ['o1']],
    ['zzz', []],
    ['  ', []],
  ])('%s', (q, keys) => {
    expect(idx.query(q).map((h) => h.key)).toEqual(keys);
  });
  it('reports the alias that matched', () => {
    expect(idx.query('aw')[0]!.via).toBe('AW');
  });
});

describe('filters', () => {
  const g = small();
  const all = defaultFilters(g);
  it('defaults show everything', () => {
    const v = computeVisibility(g, all);
    expect(v.nodes.size).toBe(g.order);
    expect(v.edges.size).toBe(g.size);
  });
  it.each([
    ['node type', { nodeTypes: new Set(['person']) }, (k: string) => g.getNodeAttribute(k, 'type') === 'person', null],
    ['min degree', { minDegree: 5 }, (k: string) => g.degree(k) >= 5, null],
    ['min mentions', { minMentions: 5 }, (k: string) => g.getNodeAttribute(k, 'mentions') >= 5, null],
    ['relation', { relations: new Set(['met_with']) }, null, (e: string) => g.getEdgeAttribute(e, 'type') === 'met_with'],
    ['modality', { modalities: new Set(['occurred']) }, null, (e: string) => (g.getEdgeAttribute(e, 'modality') ?? 'occurred') === 'occurred'],
  ])('%s', (_n, change, nodeOk, edgeOk) => {
    const v = computeVisibility(g, { ...all, ...change });
    if (nodeOk) expect([...v.nodes].sort()).toEqual(g.filterNodes(nodeOk).sort());
    if (edgeOk) expect([...v.edges].sort()).toEqual(g.filterEdges(edgeOk).sort());
    for (const e of v.edges) expect(v.nodes.has(g.source(e)) && v.nodes.has(g.target(e))).toBe(true);
  });
  it('ego depth 1 is the node and its neighbours', () => {
    const k = g.nodes().find((n) => g.degree(n) > 2)!;
    const v = computeVisibility(g, { ...all, ego: k, depth: 1 });
    expect([...v.nodes].sort()).toEqual([k, ...g.neighbors(k)].sort());
  });
});

describe('edge hit testing', () => {
  // Viewport = framed-graph space here (identity camera): a-b straight, c-d twice (sigma curves the pair).
  const g = parseGraph(
    JSON.stringify({
      nodes: [['a', 0, 0], ['b', 100, 0], ['c', 0, 100], ['d', 100, 100], ['e', 0, 200], ['f', 100, 200]].map(([key, x, y]) => ({ key, attributes: { x, y } })),
      edges: [['ab', 'a', 'b'], ['cd1', 'c', 'd'], ['cd2', 'c', 'd'], ['ef', 'e', 'f']].map(([key, source, target]) => ({ key, source, target, attributes: {} })),
    }),
    'hit.json',
  );
  const curvature: Record<string, number> = { cd1: 0.125, cd2: -0.125 };
  const id = (p: { x: number; y: number }) => ({ x: p.x, y: p.y });
  const tester = new EdgeHitTester(g, {
    getNodeDisplayData: (k) => ({ x: g.getNodeAttribute(k, 'x'), y: g.getNodeAttribute(k, 'y') }),
    getEdgeDisplayData: (k) => ({ size: 2, curvature: curvature[k] ?? 0 }),
    framedGraphToViewport: id,
    viewportToFramedGraph: id,
  });
  const visible = (k: string) => k !== 'ef';
  it.each([
    ['on a straight edge', 50, 1, 'ab'],
    ['within its width plus a few pixels', 30, -4.5, 'ab'],
    ['too far from any edge', 50, 20, null],
    // The control point stands curvature x length off the chord's midpoint; the curve passes halfway to it.
    ['on the curve bending one way', 50, 100 + 0.125 * 100 * 0.5, 'cd1'],
    ['on the curve bending the other way', 50, 100 - 0.125 * 100 * 0.5, 'cd2'],
    ['on the chord between two curves', 50, 100, null],
    ['on a hidden edge', 50, 200, null],
  ])('%s', (_n, x, y, want) => {
    expect(tester.edgeAt(x, y, visible)).toBe(want);
  });
});

describe('URL state', () => {
  const g = small();
  const d = defaultFilters(g);
  it('round-trips selection, filters, size and camera', () => {
    const f = { ...defaultFilters(g), minDegree: 3, dateFrom: '2026-02-01', ego: 'x', depth: 2, relations: new Set(['met_with']) };
    const view = { graph: 'g.json', node: 'person:a b', edge: null, sizeBy: 'mentions' as const, camera: { x: 0.5, y: 0.25, ratio: 0.125, angle: 0 } };
    const back = decodeState(encodeState(view, f, d), d);
    expect(back.view).toEqual(view);
    expect(back.filters).toEqual(f);
  });
  it('writes nothing for the default view', () => {
    expect(encodeState({ graph: null, node: null, edge: null, sizeBy: 'degree', camera: null }, defaultFilters(g), d)).toBe('');
  });
});

describe('GEXF export', () => {
  it('writes every visible node and edge, escaped', () => {
    const g = parseGraph(
      JSON.stringify({
        nodes: [
          { key: 'a', attributes: { label: 'A & <B>', type: 'person', x: 1, y: 2 } },
          { key: 'b', attributes: { label: 'C "D"', type: 'organization', x: 3, y: 4 } },
          { key: 'c', attributes: { label: 'hidden', type: 'place', x: 0, y: 0 } },
        ],
        edges: [{ key: 'e', source: 'a', target: 'b', attributes: { type: 'reported_by', weight: 2, evidence: [{ text: 'A < B', article: 'x', sentence: 0, start: 0, end: 5 }] } }],
      }),
      't.json',
    );
    const x = toGexf(subgraphExport(g, new Set(['a', 'b']), new Set(['e'])), { person: '#1d4ed8' });
    expect(x).toContain('label="A &amp; &lt;B&gt;"');
    expect(x).toContain('label="C &quot;D&quot;"');
    expect(x).not.toContain('hidden');
    expect(x).toContain('<viz:color r="29" g="78" b="216"/>');
    expect(x).toContain('value="A &lt; B"');
    expect(x.match(/<edge /g)).toHaveLength(1);
  });
});

describe('serveViewer', () => {
  let s: ViewServer;
  let graphFile: string;
  beforeAll(async () => {
    ensureViewerBuilt();
    graphFile = join(tmp(), 'g.json');
    writeFileSync(graphFile, '{"nodes":[],"edges":[]}');
    s = await serveViewer({ graphPath: graphFile, port: 0 });
  }, 120_000);
  afterAll(() => s?.close());

  it('binds 127.0.0.1 and points at the given graph', () => {
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?graph=graph\.json$/);
  });
  it.each([
    ['/', 200, 'text/html'],
    ['/graph.json', 200, 'application/json'],
    ['/bare.html', 200, 'text/html'],
    ['/nope.js', 404, 'text/plain'],
    ['/graphs/..%2F..%2Fpackage.json', 404, 'text/plain'],
    ['/..%2Fpackage.json', 404, 'text/plain'],
  ])('GET %s -> %i', async (path, status, type) => {
    const r = await fetch(new URL(path, s.url));
    expect(r.status).toBe(status);
    expect(r.headers.get('content-type')).toContain(type);
  });
  it('serves the page without a graph at the bare root URL', async () => {
    const t = await serveViewer({});
    expect(t.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    await t.close();
  });
  it('says how to build the viewer when it is not built', async () => {
    await expect(serveViewer({ distDir: tmp() })).rejects.toMatchObject({ code: 'E_USAGE', message: expect.stringMatching(/not built.*run npm run build/) });
  });
  it('refuses other hosts', async () => {
    await expect(serveViewer({ host: '0.0.0.0' })).rejects.toMatchObject({ code: 'E_USAGE' });
  });
  it('says when the graph file does not exist', async () => {
    await expect(serveViewer({ graphPath: '/nonexistent/g.json' })).rejects.toMatchObject({ code: 'E_GRAPH_LOAD' });
  });
});

describe('contrast', () => {
  // WCAG 2 relative luminance and contrast ratio.
  const lum = (hex: string) => {
    const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
  };
  const ratio = (a: string, b: string) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
  it.each(Object.entries(NODE_COLORS))('node colour %s stands out from the white stage (>= 3:1)', (_t, c) => {
    expect(ratio(c, '#ffffff')).toBeGreaterThanOrEqual(3);
  });
  it.each(Object.entries(EDGE_COLORS).filter(([t]) => t !== 'mentions'))('edge colour %s stands out from white (>= 3:1)', (_t, c) => {
    expect(ratio(c, '#ffffff')).toBeGreaterThanOrEqual(3);
  });
  it.each([
    ['body text', '#1c1917', '#ffffff'],
    ['muted text', '#57534e', '#ffffff'],
    ['links', '#1d4ed8', '#ffffff'],
    ['error message', '#991b1b', '#fef2f2'],
    ['source highlight', '#1c1917', '#bfdbfe'],
    ['target highlight', '#1c1917', '#fed7aa'],
  ])('%s is readable (>= 4.5:1)', (_n, fg, bg) => {
    const css = readFileSync(new URL('../../viewer/src/style.css', import.meta.url), 'utf8').toLowerCase();
    expect(css).toContain(fg);
    if (bg !== '#ffffff') expect(css).toContain(bg);
    expect(ratio(fg, bg)).toBeGreaterThanOrEqual(4.5);
  });
});
