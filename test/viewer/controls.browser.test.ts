// Issue 5 controls, on a generated fixture (every relation type, modalities, dated articles): each filter
// changes which nodes sigma shows (read from sigma's item state, checked against the graph data), the view
// survives in the URL, exports write files that parse, files open by picker and drop, a bad file is refused
// with a message while the old graph stays, keyboard shortcuts, the size switch and the layout worker.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serveViewer, type ViewServer } from '../../src/cli/view.js';
import { ensureViewerBuilt, fixtureGraph, launch, openViewer, settle, SKIP_BROWSER, tmp } from './harness.js';

let browser: Browser;
let server: ViewServer;
let page: Page;
let fixture: string;

describe.skipIf(SKIP_BROWSER)('viewer controls', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    ensureViewerBuilt();
    browser = await launch();
    fixture = fixtureGraph(400, 3);
    server = await serveViewer({ graphPath: fixture });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    await openViewer(page, server.url);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    // Each test starts from the whole graph with nothing selected.
    await page.keyboard.press('Escape');
    await page.click('#reset-filters');
  });

  const visible = () => page.evaluate(() => window.__viewer.visibleNodes().sort());
  const visibleEdges = () => page.evaluate(() => window.__viewer.visibleEdges().sort());

  it('entity type filter hides exactly the nodes of that type, and their edges', async () => {
    await page.locator('#node-types input[value=person]').uncheck();
    const expected = await page.evaluate(() => {
      const g = window.__viewer.graph!;
      return g.nodes().filter((k) => g.getNodeAttributes(k).type !== 'person').sort();
    });
    expect(await visible()).toEqual(expected);
    const stray = await page.evaluate(() => {
      const g = window.__viewer.graph!;
      return window.__viewer.visibleEdges().filter((e) => g.getNodeAttributes(g.source(e)).type === 'person' || g.getNodeAttributes(g.target(e)).type === 'person');
    });
    expect(stray).toEqual([]);
    // Drawn hidden too, not only flagged: sigma's display data after a frame.
    await settle(page);
    const vis = await page.evaluate((k) => window.__viewer.sigma!.getNodeDisplayData(k)!.visibility, (await page.evaluate(() => window.__viewer.graph!.nodes().find((k) => window.__viewer.graph!.getNodeAttributes(k).type === 'person')!)));
    expect(vis).toBe('hidden');
  });

  it('relation type filter hides the edges of that type only', async () => {
    await page.locator('#relation-types input[value=affiliated_with]').uncheck();
    const expected = await page.evaluate(() => {
      const g = window.__viewer.graph!;
      return g.edges().filter((e) => g.getEdgeAttributes(e).type !== 'affiliated_with').sort();
    });
    expect(await visibleEdges()).toEqual(expected);
    expect((await visible()).length).toBe(await page.evaluate(() => window.__viewer.graph!.order));
  });

  it('modality filter: only what happened', async () => {
    for (const m of ['planned', 'cancelled', 'denied']) await page.locator(`#modalities input[value=${m}]`).uncheck();
    const expected = await page.evaluate(() => {
      const g = window.__viewer.graph!;
      return g.edges().filter((e) => (g.getEdgeAttributes(e).modality ?? 'occurred') === 'occurred').sort();
    });
    expect(expected.length).toBeLessThan(await page.evaluate(() => window.__viewer.graph!.size));
    expect(await visibleEdges()).toEqual(expected);
  });

  it('minimum degree and minimum mentions', async () => {
    await page.fill('#min-degree', '6');
    await page.dispatchEvent('#min-degree', 'change');
    const byDegree = await page.evaluate(() => {
      const g = window.__viewer.graph!;
      return g.nodes().filter((k) => g.degree(k) >= 6).sort();
    });
    expect(byDegree.length).toBeGreaterThan(0);
    expect(await visible()).toEqual(byDegree);
    await page.fill('#min-degree', '0');
    await page.fill('#min-mentions', '10');
    await page.dispatchEvent('#min-mentions', 'change');
    const byMentions = await page.evaluate(() => {
      const g = window.__viewer.graph!;
      return g.nodes().filter((k) => g.getNodeAttributes(k).mentions >= 10).sort();
    });
    expect(byMentions.length).toBeGreaterThan(0);
    expect(await visible()).toEqual(byMentions);
  });

  it('date range keeps articles (and entities seen in them) within the dates', async () => {
    await page.fill('#date-from', '2026-03-01');
    await page.fill('#date-to', '2026-05-31');
    await page.dispatchEvent('#date-to', 'change');
    const r = await page.evaluate(() => {
      const g = window.__viewer.graph!;
      const dates = new Map(g.nodes().filter((k) => k.startsWith('article:')).map((k) => [k.slice(8), g.getNodeAttributes(k).date as string]));
      const inRange = (d: string) => d >= '2026-03-01' && d <= '2026-05-31';
      const shown = new Set(window.__viewer.visibleNodes());
      const bad = [...shown].filter((k) => {
        const a = g.getNodeAttributes(k);
        const ds = (a.type === 'article' ? [k.slice(8)] : (a.articles as string[])).map((id) => dates.get(id)!).filter(Boolean);
        return ds.length > 0 && !ds.some(inRange);
      });
      const missing = g.nodes().filter((k) => {
        const a = g.getNodeAttributes(k);
        const ds = (a.type === 'article' ? [k.slice(8)] : (a.articles as string[])).map((id) => dates.get(id)!).filter(Boolean);
        return (ds.length === 0 || ds.some(inRange)) && !shown.has(k);
      });
      return { shown: shown.size, total: g.order, bad, missing };
    });
    expect(r.bad).toEqual([]);
    expect(r.missing).toEqual([]);
    expect(r.shown).toBeLessThan(r.total);
  });

  it('ego filter: a node and its neighbours up to depth N', async () => {
    const key = await page.evaluate(() => {
      const g = window.__viewer.graph!;
      return g.nodes().find((k) => g.getNodeAttributes(k).type === 'person' && g.degree(k) >= 3)!;
    });
    await page.evaluate((k) => window.__viewer.app.selectNode(k, false), key);
    for (const depth of [1, 2]) {
      await page.fill('#ego-depth', String(depth));
      await page.click('#ego-apply');
      const expected = await page.evaluate(
        ([k, d]) => {
          const g = window.__viewer.graph!;
          let seen = new Set([k as string]);
          for (let i = 0; i < (d as number); i++) for (const n of [...seen]) for (const m of g.neighbors(n)) seen.add(m);
          return [...seen].sort();
        },
        [key, depth],
      );
      expect(await visible()).toEqual(expected);
    }
    await page.click('#ego-clear');
    expect((await visible()).length).toBe(await page.evaluate(() => window.__viewer.graph!.order));
  });

  it('keeps selection, filters and camera in the URL and restores them', async () => {
    const key = await page.evaluate(() => window.__viewer.graph!.nodes()[42]!);
    await page.evaluate((k) => window.__viewer.app.selectNode(k, true), key);
    await settle(page);
    await page.locator('#relation-types input[value=mentions]').uncheck();
    await page.fill('#min-degree', '2');
    await page.dispatchEvent('#min-degree', 'change');
    await page.selectOption('#size-by', 'mentions');
    await page.evaluate(() => new Promise((r) => setTimeout(r, 400))); // the camera is written after 250 ms of rest
    const url = page.url();
    const before = { nodes: await visible(), edges: await visibleEdges(), cam: await page.evaluate(() => window.__viewer.sigma!.getCamera().getState()) };
    const other = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await openViewer(other, url);
    const after = await other.evaluate(() => ({
      nodes: window.__viewer.visibleNodes().sort(),
      edges: window.__viewer.visibleEdges().sort(),
      cam: window.__viewer.sigma!.getCamera().getState(),
      sel: window.__viewer.selection(),
      size: (document.getElementById('size-by') as HTMLSelectElement).value,
    }));
    await other.close();
    expect(after.sel).toEqual({ kind: 'node', key });
    expect(after.nodes).toEqual(before.nodes);
    expect(after.edges).toEqual(before.edges);
    expect(after.size).toBe('mentions');
    expect(after.cam.ratio).toBeCloseTo(before.cam.ratio, 3);
    expect(after.cam.x).toBeCloseTo(before.cam.x, 3);
    expect(after.cam.y).toBeCloseTo(before.cam.y, 3);
    await page.selectOption('#size-by', 'degree');
  });

  it('size switch: by mentions the node with most mentions is drawn largest', async () => {
    await page.selectOption('#size-by', 'mentions');
    await settle(page);
    const r = await page.evaluate(() => {
      const g = window.__viewer.graph!;
      const s = window.__viewer.sigma!;
      const top = g.nodes().reduce((a, b) => (g.getNodeAttributes(b).mentions > g.getNodeAttributes(a).mentions ? b : a));
      return { top: s.getNodeDisplayData(top)!.size, max: Math.max(...g.nodes().map((k) => s.getNodeDisplayData(k)!.size)) };
    });
    expect(r.top).toBe(r.max);
    await page.selectOption('#size-by', 'degree');
  });

  it('exports the visible subgraph as JSON and GEXF, and the view as PNG', async () => {
    await page.locator('#node-types input[value=article]').uncheck();
    const shown = { nodes: await visible(), edges: await visibleEdges() };
    const dir = tmp();
    const save = async (button: string) => {
      const [d] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
      const p = join(dir, d.suggestedFilename());
      await d.saveAs(p);
      return p;
    };
    const json = JSON.parse(readFileSync(await save('#export-json'), 'utf8'));
    expect(json.nodes.map((n: { key: string }) => n.key).sort()).toEqual(shown.nodes);
    expect(json.edges.map((e: { key: string }) => e.key).sort()).toEqual(shown.edges);
    expect(Object.keys(json.nodes[0].attributes).some((k: string) => k.startsWith('_'))).toBe(false);
    expect(json.edges[0].attributes.evidence.length).toBeGreaterThan(0);
    const gexf = readFileSync(await save('#export-gexf'), 'utf8');
    expect(gexf).toMatch(/^<\?xml/);
    expect(gexf.match(/<node /g)?.length).toBe(shown.nodes.length);
    expect(gexf.match(/<edge /g)?.length).toBe(shown.edges.length);
    const png = readFileSync(await save('#export-png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const width = png.readUInt32BE(16);
    const box = (await page.locator('#graph').boundingBox())!;
    expect(width).toBe(Math.round(box.width));
    // Not a blank image: a PNG of a white canvas compresses to a few hundred bytes.
    expect(png.length).toBeGreaterThan(5000);
  });

  it('opens a graph with the file picker, and by drag and drop', async () => {
    const second = fixtureGraph(120, 99);
    await page.setInputFiles('#file', second);
    await expect.poll(() => page.evaluate(() => window.__viewer.graphName)).toMatch(/fixture-120-99\.json/);
    expect(await page.evaluate(() => window.__viewer.graph!.order)).toBe(120);
    expect(await page.evaluate(() => window.__viewer.error)).toBeNull();
    // Drop the first fixture back onto the page.
    const text = readFileSync(fixture, 'utf8');
    await page.evaluate((t) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], 'dropped.json', { type: 'application/json' }));
      window.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, cancelable: true }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, cancelable: true }));
    }, text);
    await expect.poll(() => page.evaluate(() => window.__viewer.graphName)).toMatch(/dropped\.json/);
    expect(await page.evaluate(() => window.__viewer.graph!.order)).toBe(400);
  });

  it('refuses a file that is not a graph with a message naming it, and keeps the graph on screen', async () => {
    const before = await page.evaluate(() => ({ name: window.__viewer.graphName, order: window.__viewer.graph!.order }));
    const dir = tmp();
    const cases: [string, string, RegExp][] = [
      ['notes.json', 'this is not json', /notes\.json is not JSON/],
      ['list.json', '[1, 2, 3]', /list\.json is JSON but not a graph/],
      ['nopos.json', JSON.stringify({ nodes: [{ key: 'a', attributes: { label: 'A' } }], edges: [] }), /nopos\.json: node "a" has no x\/y position/],
    ];
    for (const [name, body, msg] of cases) {
      const p = join(dir, name);
      writeFileSync(p, body);
      await page.setInputFiles('#file', p);
      await expect.poll(() => page.locator('#message').textContent()).toMatch(msg);
      expect(await page.locator('#message').isVisible()).toBe(true);
      expect(await page.evaluate(() => ({ name: window.__viewer.graphName, order: window.__viewer.graph!.order }))).toEqual(before);
      expect((await visible()).length).toBe(before.order);
    }
  });

  it('"/" focuses search and Escape clears the selection', async () => {
    await page.click('#graph-name');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
    const key = await page.evaluate(() => window.__viewer.graph!.nodes()[5]!);
    await page.evaluate((k) => window.__viewer.app.selectNode(k, false), key);
    expect(await page.evaluate(() => window.__viewer.selection())).not.toBeNull();
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => window.__viewer.selection())).toBeNull();
    expect(await page.evaluate((k) => window.__viewer.sigma!.getNodeState(k).isSelected, key)).toBe(false);
    expect(await page.locator('#panel h2').count()).toBe(0);
  });

  it('runs ForceAtlas2 in a worker, then noverlap, and moves the nodes', async () => {
    const before = await page.evaluate(() => window.__viewer.graph!.nodes().slice(0, 50).map((k) => [window.__viewer.graph!.getNodeAttributes(k).x, window.__viewer.graph!.getNodeAttributes(k).y]));
    await page.click('#layout');
    expect(await page.evaluate(() => window.__viewer.layoutPhase())).toBe('forceatlas2');
    // The page keeps answering while the layout runs (the work is in a worker); wait for positions to change.
    await expect
      .poll(() => page.evaluate((b) => window.__viewer.graph!.nodes().slice(0, 50).some((k, i) => window.__viewer.graph!.getNodeAttributes(k).x !== b[i]![0]), before), { timeout: 20_000 })
      .toBe(true);
    await page.click('#layout');
    expect(await page.evaluate(() => window.__viewer.layoutPhase())).toBe('noverlap');
    await expect.poll(() => page.evaluate(() => window.__viewer.layoutPhase()), { timeout: 20_000 }).toBe('idle');
    expect(await page.locator('#layout').textContent()).toBe('Run layout');
    expect(await page.evaluate(() => window.__viewer.graph!.nodes().every((k) => Number.isFinite(window.__viewer.graph!.getNodeAttributes(k).x)))).toBe(true);
  });
});

declare global {
  interface Window {
    __viewer: Window['__viewer'] & { app: { selectNode(k: string, centre: boolean): void } };
  }
}
