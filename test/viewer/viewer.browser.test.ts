// The viewer on the sample graph and on a generated fixture: it draws, finds a node by name, selects it by
// click and shows its relations with the evidence sentence and article; hover fades the rest; edges click.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveViewer, type ViewServer } from '../../src/cli/view.js';
import { ensureViewerBuilt, fixtureGraph, inkedPixels, launch, openViewer, sampleGraph, settle, SKIP_BROWSER } from './harness.js';
import { FADED_NODE } from '../../viewer/src/palette.js';

let browser: Browser;
beforeAll(async () => {
  ensureViewerBuilt();
  browser = await launch();
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

/** The entity with the most relations: a name the test can search for without typing any in. */
async function busiestEntity(page: Page): Promise<{ key: string; label: string }> {
  return page.evaluate(() => {
    const g = window.__viewer.graph!;
    let best = { key: '', label: '', d: -1 };
    for (const k of g.nodes()) {
      const a = g.getNodeAttributes(k);
      if (a.type !== 'article' && g.degree(k) > best.d) best = { key: k, label: a.label, d: g.degree(k) };
    }
    return { key: best.key, label: best.label };
  });
}

async function searchAndChoose(page: Page, label: string): Promise<void> {
  await page.keyboard.press('/');
  await page.keyboard.type(label.slice(0, Math.max(3, Math.ceil(label.length * 0.7))));
  const option = page.locator('#search-results [role=option]', { hasText: label }).first();
  await option.waitFor();
  await option.dispatchEvent('mousedown');
  await settle(page);
}

describe.skipIf(SKIP_BROWSER).each([
  ['sample graph', sampleGraph],
  ['generated fixture', () => fixtureGraph(300, 7)],
])('viewer on the %s', { timeout: 60_000 }, (_name, graphFile) => {
  let server: ViewServer;
  let page: Page;
  beforeAll(async () => {
    server = await serveViewer({ graphPath: graphFile() });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await openViewer(page, server.url);
  }, 120_000);
  afterAll(async () => {
    await page?.close();
    await server?.close();
  });

  it('loads the graph given by ?graph= and draws its nodes', async () => {
    const state = await page.evaluate(() => ({ error: window.__viewer.error, order: window.__viewer.graph!.order, visible: window.__viewer.visibleNodes().length }));
    expect(state.error).toBeNull();
    expect(state.order).toBeGreaterThan(10);
    expect(state.visible).toBe(state.order);
    await settle(page);
    const { inked, total } = await inkedPixels(page);
    // Nodes, edges and labels cover a real share of the canvas; an empty white canvas would give ~0.
    expect(inked / total).toBeGreaterThan(0.01);
  });

  it('shows a legend with every node type present, coloured as drawn', async () => {
    const check = await page.evaluate(() => {
      const g = window.__viewer.graph!;
      const types = new Set(g.nodes().map((k) => g.getNodeAttributes(k).type as string));
      const legend = [...document.querySelectorAll<HTMLInputElement>('#node-types input')].map((i) => i.value);
      const k = g.nodes()[0]!;
      const swatch = document.querySelector<HTMLElement>(`#node-types input[value="${g.getNodeAttributes(k).type}"] + .swatch`)!;
      return { types: [...types].sort(), legend: legend.sort(), swatch: swatch.style.background, drawn: window.__viewer.sigma!.getNodeDisplayData(k)!.color };
    });
    expect(check.legend).toEqual(check.types);
    const hex = (rgb: string) => '#' + (rgb.match(/\d+/g) ?? []).slice(0, 3).map((n) => Number(n).toString(16).padStart(2, '0')).join('');
    expect(hex(check.swatch)).toBe(check.drawn.toLowerCase());
  });

  it('sizes nodes by degree: the node with most relations is drawn largest', async () => {
    const sizes = await page.evaluate(() => {
      const s = window.__viewer.sigma!;
      const g = window.__viewer.graph!;
      const key = g.nodes().reduce((a, b) => (g.degree(b) > g.degree(a) ? b : a));
      const all = window.__viewer.graph!.nodes().map((k) => s.getNodeDisplayData(k)!.size);
      return { mine: s.getNodeDisplayData(key)!.size, max: Math.max(...all), min: Math.min(...all) };
    });
    expect(sizes.mine).toBe(sizes.max);
    expect(sizes.max).toBeGreaterThan(sizes.min);
  });

  it('finds a node by name, centres it and opens its panel', async () => {
    const { key, label } = await busiestEntity(page);
    await searchAndChoose(page, label);
    expect(await page.evaluate(() => window.__viewer.selection())).toEqual({ kind: 'node', key });
    await expect.poll(() => page.locator('#panel h2').textContent()).toBe(label);
    const onScreen = await page.evaluate((k) => window.__viewer.nodeOnScreen(k), key);
    const box = (await page.locator('#graph').boundingBox())!;
    // Centred: within a few pixels of the middle of the graph area.
    expect(Math.abs(onScreen!.x - (box.x + box.width / 2))).toBeLessThan(5);
    expect(Math.abs(onScreen!.y - (box.y + box.height / 2))).toBeLessThan(5);
  });

  it('clicking the node selects it and the panel lists its relations by type', async () => {
    const { key, label } = await busiestEntity(page);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => window.__viewer.selection())).toBeNull();
    const p = (await page.evaluate((k) => window.__viewer.nodeOnScreen(k), key))!;
    await page.mouse.move(p.x, p.y);
    await settle(page);
    await page.mouse.click(p.x, p.y);
    await expect.poll(() => page.evaluate(() => window.__viewer.selection())).toEqual({ kind: 'node', key });
    expect(await page.locator('#panel h2').textContent()).toBe(label);
    const expected = await page.evaluate((k) => {
      const g = window.__viewer.graph!;
      const types = new Map<string, number>();
      for (const e of (g as unknown as { edges(n: string): string[] }).edges(k)) types.set(g.getEdgeAttributes(e).type, (types.get(g.getEdgeAttributes(e).type) ?? 0) + 1);
      return [...types.entries()].sort();
    }, key);
    const shown = await page.$$eval('#panel section.relations', (els) => els.map((e) => [e.getAttribute('data-relation'), Number(e.querySelector('h4')!.textContent!.match(/\((\d+)\)/)![1])]).sort());
    expect(shown).toEqual(expected);
  });

  it('hovering a node marks its neighbourhood active and fades the rest', async () => {
    const { key } = await busiestEntity(page);
    await page.keyboard.press('Escape');
    const p = (await page.evaluate((k) => window.__viewer.nodeOnScreen(k), key))!;
    await page.mouse.move(p.x + 1, p.y);
    await settle(page);
    const st = await page.evaluate((k) => {
      const v = window.__viewer;
      const s = v.sigma!;
      const g = v.graph!;
      const nb = new Set(g.neighbors(k));
      const other = g.nodes().find((n) => n !== k && !nb.has(n));
      return {
        hovered: s.getNodeState(k).isHovered,
        neighboursActive: [...nb].every((n) => s.getNodeState(n).isActive),
        otherActive: other ? s.getNodeState(other).isActive : false,
        otherColor: other ? s.getNodeDisplayData(other)!.color : null,
        hasActive: s.getGraphState().hasActive,
      };
    }, key);
    expect(st).toMatchObject({ hovered: true, neighboursActive: true, otherActive: false, hasActive: true });
    expect(st.otherColor?.toLowerCase()).toBe(FADED_NODE);
    await page.mouse.move(2, 400);
    await settle(page);
    expect(await page.evaluate(() => window.__viewer.sigma!.getGraphState().hasActive)).toBe(false);
  });
});

describe.skipIf(SKIP_BROWSER)('evidence in the panel (generated fixture)', { timeout: 60_000 }, () => {
  let server: ViewServer;
  let page: Page;
  beforeAll(async () => {
    server = await serveViewer({ graphPath: fixtureGraph(300, 11) });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await openViewer(page, server.url);
  }, 120_000);
  afterAll(async () => {
    await page?.close();
    await server?.close();
  });

  it('highlights both names of each evidence sentence and cites the article', async () => {
    const pick = await page.evaluate(() => {
      const g = window.__viewer.graph!;
      const e = g.edges().find((x) => g.getEdgeAttributes(x).type === 'met_with')!;
      const a = g.getEdgeAttributes(e);
      const art = g.getNodeAttributes(`article:${a.evidence[0].article}`);
      return { key: g.source(e), label: g.getNodeAttributes(g.source(e)).label, other: g.getNodeAttributes(g.target(e)).label, title: art.title, outlet: art.outlet, date: art.date, url: art.url };
    });
    await page.keyboard.press('/');
    await page.keyboard.type(pick.label);
    await page.keyboard.press('Enter');
    await settle(page);
    const rel = page.locator('#panel section.relations[data-relation=met_with] li.relation', { hasText: pick.other }).first();
    const marks = await rel.locator('blockquote mark').allTextContents();
    expect(marks).toEqual([pick.label, pick.other]);
    const cite = await rel.locator('cite').first().textContent();
    expect(cite).toContain(pick.title);
    expect(cite).toContain(pick.outlet);
    expect(cite).toContain(pick.date);
    expect(await rel.locator('cite a').first().getAttribute('href')).toBe(pick.url);
  });

  it('lists aliases with the reason they were merged', async () => {
    const text = await page.locator('#panel section.aliases').textContent();
    expect(text).toMatch(/merged: /);
  });

  it('clicking an edge shows its evidence', async () => {
    await page.keyboard.press('Escape');
    // A met_with edge with no parallel edge, framed large in the middle of the view.
    const target = await page.evaluate(() => {
      const v = window.__viewer;
      const g = v.graph!;
      const s = v.sigma!;
      const pair = (x: string) => [g.source(x), g.target(x)].sort().join('|');
      const count = new Map<string, number>();
      for (const x of g.edges()) count.set(pair(x), (count.get(pair(x)) ?? 0) + 1);
      const e = g.edges().find((x) => g.getEdgeAttributes(x).type === 'met_with' && count.get(pair(x)) === 1)!;
      const a = s.getNodeDisplayData(g.source(e))!;
      const b = s.getNodeDisplayData(g.target(e))!;
      const len = Math.hypot(a.x - b.x, a.y - b.y);
      s.getCamera().setState({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, ratio: Math.max(len * 1.2, 0.02), angle: 0 });
      return e;
    });
    await settle(page);
    // Other edges may cross this one: walk along it until sigma's picking reports it under the pointer.
    let at: { x: number; y: number } | null = null;
    for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.35, 0.65, 0.45, 0.55]) {
      const p = await page.evaluate(
        ([e, t]) => {
          const v = window.__viewer;
          const g = v.graph!;
          const a = v.nodeOnScreen(g.source(e as string))!;
          const b = v.nodeOnScreen(g.target(e as string))!;
          return { x: a.x + (b.x - a.x) * (t as number), y: a.y + (b.y - a.y) * (t as number) };
        },
        [target, t],
      );
      await page.mouse.move(p.x, p.y);
      await settle(page);
      if (await page.evaluate((e) => window.__viewer.sigma!.getEdgeState(e).isUnderPointer, target)) {
        at = p;
        break;
      }
    }
    expect(at, 'the edge can be hovered somewhere along its length').not.toBeNull();
    await page.mouse.click(at!.x, at!.y);
    await expect.poll(() => page.evaluate(() => window.__viewer.selection())).toEqual({ kind: 'edge', key: target });
    expect(await page.locator('#panel article').getAttribute('data-edge')).toBe(target);
    expect(await page.locator('#panel blockquote mark').count()).toBe(2);
  });

  it('colours edges by relation type and draws arrows only for directed relations', async () => {
    await page.keyboard.press('Escape');
    await page.mouse.move(2, 400);
    await settle(page);
    const r = await page.evaluate(() => {
      const v = window.__viewer;
      const g = v.graph!;
      const legend = new Map([...document.querySelectorAll<HTMLInputElement>('#relation-types input')].map((i) => [i.value, (i.nextElementSibling as HTMLElement).style.background]));
      return g.edges().slice(0, 200).map((e) => {
        const d = v.sigma!.getEdgeDisplayData(e)!;
        return { type: g.getEdgeAttributes(e).type as string, color: d.color, head: d.head, legend: legend.get(g.getEdgeAttributes(e).type) ?? '' };
      });
    });
    const hex = (rgb: string) => '#' + (rgb.match(/\d+/g) ?? []).slice(0, 3).map((n) => Number(n).toString(16).padStart(2, '0')).join('');
    const colours = new Map<string, Set<string>>();
    for (const e of r) {
      colours.set(e.type, (colours.get(e.type) ?? new Set()).add(e.color.toLowerCase()));
      expect(e.color.toLowerCase()).toBe(hex(e.legend));
      expect(e.head).toBe(e.type === 'met_with' ? 'none' : 'arrow');
    }
    expect(colours.size).toBeGreaterThan(3);
    for (const set of colours.values()) expect(set.size).toBe(1);
  });
});

describe.skipIf(SKIP_BROWSER)('a generated graph of 20,000 nodes and 60,000 edges', { timeout: 300_000 }, () => {
  it('opens, draws and answers a search', async () => {
    const server = await serveViewer({ graphPath: fixtureGraph(20_000, 1) });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await openViewer(page, server.url);
      const st = await page.evaluate(() => ({ error: window.__viewer.error, order: window.__viewer.graph!.order, size: window.__viewer.graph!.size, visible: window.__viewer.visibleNodes().length }));
      expect(st).toEqual({ error: null, order: 20_000, size: 60_000, visible: 20_000 });
      await settle(page);
      const { inked, total } = await inkedPixels(page);
      expect(inked / total).toBeGreaterThan(0.05);
      const label = await page.evaluate(() => window.__viewer.graph!.getNodeAttributes(window.__viewer.graph!.nodes()[12_345]!).label as string);
      await page.fill('#search', label);
      await expect.poll(() => page.locator('#search-results [role=option]').first().textContent()).toContain(label);
    } finally {
      await page.close();
      await server.close();
    }
  });
});
