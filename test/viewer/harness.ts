// Shared set-up for the browser tests: find chromium (or say how to install it), make sure the viewer is
// built, serve it with src/cli/view.ts, and small page helpers. Tests read page state (window.__viewer and
// sigma's item state), not wall time.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { generateGraph, writeGraph } from '../../scripts/gen-graph.js';

export const ROOT = new URL('../../', import.meta.url).pathname;
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const IN_CI = process.env.CI === 'true' || process.env.CI === '1';
/** Skip (with the install hint) only outside CI; in CI a missing browser fails the suite. */
export const SKIP_BROWSER = !HAS_CHROMIUM && !IN_CI;
export const INSTALL_HINT = `browser tests need chromium at ${CHROMIUM}: install it with "apt-get install -y chromium" (or set CHROMIUM_PATH)`;
if (SKIP_BROWSER) console.warn(`SKIPPED: ${INSTALL_HINT}`);

export const LAUNCH_ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launch(): Promise<Browser> {
  if (!HAS_CHROMIUM) throw new Error(`CI=true and ${INSTALL_HINT}`);
  return chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
}

/** `npm test` builds the viewer first; running one test file alone builds it here when missing. */
export function ensureViewerBuilt(): void {
  if (!existsSync(join(ROOT, 'viewer/dist/index.html'))) {
    execFileSync('npx', ['vite', 'build', 'viewer', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  }
}

export const tmp = () => mkdtempSync(join(tmpdir(), 'kg-viewer-'));

/** The sample graph: graphs/sample.json, or built from examples/ with the CLI into a temp dir. */
export function sampleGraph(): string {
  const p = join(ROOT, 'graphs/sample.json');
  if (existsSync(p)) return p;
  const out = join(tmp(), 'sample.json');
  execFileSync('node', [join(ROOT, 'bin/kg.js'), 'build', join(ROOT, 'examples'), '-o', out], { cwd: ROOT, stdio: 'pipe' });
  return out;
}

/** A generated graph with every relation type, modalities, evidence spans and dated articles. */
export function fixtureGraph(nodes = 300, seed = 7): string {
  // Three edges per node, as the 20k / 60k benchmark graph.
  const out = join(tmp(), `fixture-${nodes}-${seed}.json`);
  writeGraph(out, generateGraph({ nodes, edges: nodes * 3, seed }));
  return out;
}

export async function openViewer(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => window.__viewer?.ready === true, null, { timeout: 60_000 });
}

/** Waits until the camera stopped and two more frames were drawn (sigma picks nodes from GPU pixels). */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const check = () => {
          const s = window.__viewer.sigma;
          if (!s || !s.getCamera().isAnimating()) requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
          else requestAnimationFrame(check);
        };
        check();
      }),
  );
}

/** Counts pixels of the graph area that differ from the white background, decoding the screenshot in the page. */
export async function inkedPixels(page: Page): Promise<{ inked: number; total: number }> {
  const png = await page.locator('#graph').screenshot();
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let inked = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i]! < 235 || d[i + 1]! < 235 || d[i + 2]! < 235) inked++;
    return { inked, total: c.width * c.height };
  }, png.toString('base64'));
}

declare global {
  interface Window {
    __viewer: {
      ready: boolean;
      error: string | null;
      graphName: string;
      frames: number;
      sigma: {
        getCamera(): { isAnimating(): boolean; getState(): { x: number; y: number; ratio: number; angle: number }; setState(s: object): void };
        getNodeState(k: string): Record<string, unknown>;
        getEdgeState(k: string): Record<string, unknown>;
        getGraphState(): Record<string, unknown>;
        getNodeDisplayData(k: string): { x: number; y: number; size: number; color: string; visibility: string } | undefined;
        getEdgeDisplayData(k: string): { color: string; head?: string; visibility: string } | undefined;
        framedGraphToViewport(c: { x: number; y: number }): { x: number; y: number };
      } | null;
      graph: {
        order: number;
        size: number;
        nodes(): string[];
        edges(): string[];
        getNodeAttributes(k: string): Record<string, any>;
        getEdgeAttributes(k: string): Record<string, any>;
        neighbors(k: string): string[];
        degree(k: string): number;
        source(e: string): string;
        target(e: string): string;
        edges(a: string, b: string): string[];
      } | null;
      visibleNodes(): string[];
      visibleEdges(): string[];
      selection(): { kind: string; key: string } | null;
      nodeOnScreen(k: string): { x: number; y: number } | null;
      layoutPhase(): string;
    };
  }
}
