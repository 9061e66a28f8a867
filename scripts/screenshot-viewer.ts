// The README picture: the viewer on graphs/sample.json (built by `kg build`, whose seeded layout makes the
// picture stable), with the busiest entity selected so the evidence panel shows. Writes viewer/screenshot.png.
//
//   npx tsx scripts/screenshot-viewer.ts [graph.json] [-o viewer/screenshot.png]
import { existsSync, statSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serveViewer } from '../src/cli/view.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const MAX_BYTES = 300 * 1024;

const argv = process.argv.slice(2);
const oi = argv.indexOf('-o');
const out = oi >= 0 ? argv[oi + 1]! : 'viewer/screenshot.png';
const graph = argv.find((a, i) => !a.startsWith('-') && argv[i - 1] !== '-o') ?? 'graphs/sample.json';
if (!existsSync(graph)) {
  process.stderr.write(`screenshot-viewer: ${graph} does not exist; run "npx kg build examples -o graphs/sample.json" first\n`);
  process.exit(2);
}

const server = await serveViewer({ graphPath: graph });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 }, deviceScaleFactor: 1 });
  await page.goto(server.url);
  await page.waitForFunction('window.__viewer && window.__viewer.ready', null, { timeout: 120_000 });
  // Select the entity with the most relations; leave the camera showing the whole graph.
  await page.evaluate(`(() => {
    const v = window.__viewer, g = v.graph;
    let best = null, d = -1;
    for (const k of g.nodes()) if (g.getNodeAttributes(k).type !== 'article' && g.degree(k) > d) { best = k; d = g.degree(k); }
    if (best) v.app.selectNode(best, false);
  })()`);
  await page.mouse.move(1, 700);
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300))))');
  await page.screenshot({ path: out });
  const size = statSync(out).size;
  process.stdout.write(`screenshot-viewer: wrote ${out} (${Math.round(size / 1024)} KB)\n`);
  if (size > MAX_BYTES) process.stderr.write(`screenshot-viewer: ${out} is over ${MAX_BYTES / 1024} KB; README images should stay small\n`);
} finally {
  await browser.close();
  await server.close();
}
