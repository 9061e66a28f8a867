// Viewer benchmark: our viewer against a bare sigma page (viewer/bare.html: same sigma, same graph, same
// positions, default styles) in one run, at 2,000 and 20,000 nodes (generated, seeded). Reports per page:
//   first frame: ms from navigation start to the first animation frame after sigma drew (fetch + parse +
//                graph build + first render), median of the rounds;
//   pan frame:   sigma's own JS time per render (beforeRender -> afterRender) while the camera pans,
//                median over all frames of all rounds.
// and the ratio viewer / bare (target <= 1.25). Rounds alternate the two pages so drift hits both alike.
// SwiftShader paints ~1 frame/s at 20k nodes; the ratio, not the absolute figure, is what we own.
//
//   npm run bench:viewer [-- --rounds 5 --frames 20 --nodes 2000|20000]
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { serveViewer } from '../src/cli/view.js';
import { generateGraph, writeGraph } from './gen-graph.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

function arg(name: string, def: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

interface Sample {
  firstFrame: number;
  frames: number[];
}

async function measure(browser: Browser, url: string, frames: number): Promise<Sample> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.goto(url);
    await page.waitForFunction('window.__bench && window.__bench.firstFrame != null', null, { timeout: 300_000, polling: 100 });
    const firstFrame = (await page.evaluate('window.__bench.firstFrame')) as number;
    // Passed as text: tsx would otherwise wrap named functions in a helper the page does not have.
    const times = (await page.evaluate(`(async (n) => {
      const w = window;
      const sigma = w.__benchSigma;
      const cam = sigma.getCamera();
      const start = cam.getState();
      w.__bench.renders = [];
      w.__bench.recording = true;
      for (let i = 1; i <= n; i++) {
        const done = new Promise((r) => sigma.once('afterRender', () => r()));
        cam.setState({ x: start.x + 0.01 * i, y: start.y + 0.005 * i });
        await done;
      }
      w.__bench.recording = false;
      return w.__bench.renders;
    })(${frames})`)) as number[];
    return { firstFrame, frames: times };
  } finally {
    await page.close();
  }
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    process.stderr.write(`bench-viewer: needs chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)\n`);
    process.exit(2);
  }
  const rounds = arg('--rounds', 3);
  const dir = mkdtempSync(join(tmpdir(), 'kg-bench-'));
  const only = arg('--nodes', 0);
  const sizes = [
    { nodes: 2000, edges: 6000, frames: arg('--frames', 20) },
    { nodes: 20000, edges: 60000, frames: Math.max(5, Math.round(arg('--frames', 20) / 2)) },
  ].filter((s) => !only || s.nodes === only);
  // A private build of the viewer: `npm run build` elsewhere empties viewer/dist while it rebuilds.
  const distDir = join(dir, 'dist');
  execFileSync('npx', ['vite', 'build', 'viewer', '--outDir', distDir, '--emptyOutDir', '--logLevel', 'warn'], { stdio: 'inherit' });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const rows: string[] = [];
  const ratios: string[] = [];
  try {
    for (const size of sizes) {
      const file = join(dir, `gen-${size.nodes}.json`);
      writeGraph(file, generateGraph({ nodes: size.nodes, edges: size.edges, seed: 1 }));
      const server = await serveViewer({ graphPath: file, distDir });
      const base = server.url.replace(/\?.*$/, '');
      const urls = { viewer: `${base}?graph=graph.json`, bare: `${base}bare.html?graph=graph.json` };
      const got: Record<'viewer' | 'bare', Sample[]> = { viewer: [], bare: [] };
      try {
        // One warm-up load of each so both pages start with the same cached assets and JIT state.
        for (const k of ['bare', 'viewer'] as const) await measure(browser, urls[k], 2);
        for (let r = 0; r < rounds; r++) {
          const order = r % 2 ? (['viewer', 'bare'] as const) : (['bare', 'viewer'] as const);
          for (const k of order) got[k].push(await measure(browser, urls[k], size.frames));
        }
      } finally {
        await server.close();
      }
      const stat = (k: 'viewer' | 'bare') => ({ first: median(got[k].map((s) => s.firstFrame)), frame: median(got[k].flatMap((s) => s.frames)), n: got[k].flatMap((s) => s.frames).length });
      const v = stat('viewer');
      const b = stat('bare');
      rows.push(`${String(size.nodes).padStart(6)} nodes ${String(size.edges).padStart(6)} edges | bare   first frame ${b.first.toFixed(0).padStart(6)} ms | pan frame ${b.frame.toFixed(2).padStart(8)} ms (n=${b.n})`);
      rows.push(`${String(size.nodes).padStart(6)} nodes ${String(size.edges).padStart(6)} edges | viewer first frame ${v.first.toFixed(0).padStart(6)} ms | pan frame ${v.frame.toFixed(2).padStart(8)} ms (n=${v.n})`);
      ratios.push(`${String(size.nodes).padStart(6)} nodes: viewer/bare first frame ${(v.first / b.first).toFixed(2)}x, pan frame ${(v.frame / b.frame).toFixed(2)}x (target <= 1.25x)`);
      process.stdout.write(`${rows.slice(-2).join('\n')}\n`);
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(`\n${ratios.join('\n')}\n(medians over ${rounds} rounds; chromium ${browser.version()} with SwiftShader WebGL)\n`);
}

await main();
