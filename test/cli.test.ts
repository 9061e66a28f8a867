// The `kg` command as a user runs it: node bin/kg.js against the built dist/ (npm test builds first).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';

// Each test spawns node and loads the NER model; on a busy machine that takes seconds, not milliseconds.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const ROOT = path.resolve(import.meta.dirname, '..');
const FIX = path.join(ROOT, 'test', 'fixtures', 'cli');
const HARBOUR = path.join(FIX, 'harbour.txt');
const FERRY = path.join(FIX, 'ferry.txt');

function kg(args: string[], input?: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'kg.js'), ...args], { cwd: ROOT, input: input ?? '', encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
beforeAll(async () => {
  if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is not built: run `npm run build` (npm test does it first)');
  dir = await mkdtemp(path.join(tmpdir(), 'kg-cli-'));
});

const sha = async (f: string) => createHash('sha256').update(await readFile(f)).digest('hex');

describe('kg --help', () => {
  it.each([[[]], [['--help']], [['build', '--help']], [['extract', '--help']], [['neighbors', '--help']], [['view', '--help']]])('kg %j prints usage with an example', (args) => {
    const r = kg(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: kg/);
    expect(r.stdout).toMatch(/Example/);
  });

  it('kg --version prints the package version', async () => {
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8'));
    const r = kg(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('npx finds kg in node_modules/.bin, through the bin/ workspace, and --version matches', async () => {
    // A `kg` bin in the top package.json would send npx through npm's dependency-tree load on every run.
    const top = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8'));
    const sub = JSON.parse(await readFile(path.join(ROOT, 'bin', 'package.json'), 'utf8'));
    expect(top.bin?.kg).toBeUndefined();
    expect(top.workspaces).toContain('bin');
    expect(sub.bin.kg).toBe('kg.js');
    expect(sub.version).toBe(top.version);
    expect(realpathSync(path.join(ROOT, 'node_modules', '.bin', 'kg'))).toBe(path.join(ROOT, 'bin', 'kg.js'));
  });

  it.each([
    [['frobnicate'], /unknown command/],
    [['build', HARBOUR], /-o, --output/],
    [['neighbors', 'only-one-arg'], /missing required argument/],
  ])('kg %j fails with a usage error', (args, message) => {
    const r = kg(args);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(message);
  });
});

describe('kg build', () => {
  it('writes a loadable graph with an article node per input and prints a summary', async () => {
    const out = path.join(dir, 'g1.json');
    const r = kg(['build', HARBOUR, FERRY, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2 articles read, 0 skipped/);
    expect(r.stdout).toMatch(/entities: /);
    expect(r.stdout).toMatch(/relations: /);
    expect(r.stdout).toMatch(/ in \d+\.\d\d s/);
    const g = JSON.parse(await readFile(out, 'utf8'));
    expect(g.nodes.filter((n: { key: string }) => n.key.startsWith('article:')).map((n: { key: string }) => n.key)).toEqual(['article:ferry', 'article:harbour']);
    for (const n of g.nodes) expect(Number.isFinite(n.attributes.x) && Number.isFinite(n.attributes.y)).toBe(true);
  });

  it('gives byte-identical files for the same input, in any order', async () => {
    const [a, b, c] = [path.join(dir, 'd1.json'), path.join(dir, 'd2.json'), path.join(dir, 'd3.json')];
    expect(kg(['build', FIX, '-o', a]).code).toBe(0);
    expect(kg(['build', FIX, '-o', b]).code).toBe(0);
    expect(kg(['build', FERRY, HARBOUR, '-o', c]).code).toBe(0);
    expect(await sha(a)).toBe(await sha(b));
    expect(await sha(c)).toBe(await sha(a));
  });

  it('gives the same file when articles are extracted on worker threads', async () => {
    const [one, many] = [path.join(dir, 'w1.json'), path.join(dir, 'w2.json')];
    expect(kg(['build', FIX, '-o', one], '', { KG_WORKERS: '1' }).code).toBe(0);
    expect(kg(['build', FIX, '-o', many], '', { KG_WORKERS: '2', KG_PARALLEL_FROM: '0' }).code).toBe(0);
    expect(await sha(many)).toBe(await sha(one));
  });

  it('reads stdin for -', async () => {
    const out = path.join(dir, 'stdin.json');
    const r = kg(['build', '-', '-o', out], '{"id":"p1","text":"Nadia Flint met Owen Reyes in Port Emery."}\n');
    expect(r.code).toBe(0);
    expect(JSON.parse(await readFile(out, 'utf8')).nodes.some((n: { key: string }) => n.key === 'article:p1')).toBe(true);
  });

  it('reports a bad input on one line naming the file, and builds the rest', async () => {
    const bad = path.join(dir, 'latin1.txt');
    await writeFile(bad, Buffer.from('Caf\xe9', 'latin1'));
    const r = kg(['build', HARBOUR, bad, path.join(dir, 'missing.txt'), '-o', path.join(dir, 'partial.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 article read, 2 skipped/);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(`kg build: ${bad}: not UTF-8 text. Convert it to UTF-8 (e.g. \`iconv -f latin1 -t utf-8\`) and try again.`);
    expect(lines[1]).toMatch(/missing\.txt: cannot read: no such file/);
  });

  it('reports bad JSONL lines with their line numbers', async () => {
    const feed = path.join(dir, 'feed.jsonl');
    await writeFile(feed, '{"id":"x1","text":"Nadia Flint spoke."}\n{broken\n{"id":"x3"}\n');
    const r = kg(['build', feed, '-o', path.join(dir, 'feed.json')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${feed}:2: not valid JSON`);
    expect(r.stderr).toContain(`${feed}:3: no "text"`);
  });

  it('exits 1 and leaves an existing graph intact when no article can be read', async () => {
    const out = path.join(dir, 'keep.json');
    expect(kg(['build', HARBOUR, '-o', out]).code).toBe(0);
    const before = await sha(out);
    const empty = path.join(dir, 'empty.txt');
    await writeFile(empty, '');
    const r = kg(['build', empty, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/empty\.txt: the file is empty/);
    expect(r.stderr).toMatch(/no article could be read/);
    expect(await sha(out)).toBe(before);
  });

  it.each([[[]], [['--merge']]])('never overwrites an output that is not a graph (flags %j)', async (flags) => {
    const out = path.join(dir, `notes${flags.length}.json`);
    await writeFile(out, '{"my":"notes"}');
    const r = kg(['build', HARBOUR, '-o', out, ...flags]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not a newsgraph graph/);
    expect(r.stderr).toMatch(/left as it is/);
    expect(await readFile(out, 'utf8')).toBe('{"my":"notes"}');
  });

  it('--merge adds new articles to the existing graph and skips those already in it', async () => {
    const out = path.join(dir, 'merge.json');
    expect(kg(['build', HARBOUR, '-o', out]).code).toBe(0);
    const r = kg(['build', FERRY, HARBOUR, '-o', out, '--merge']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/article "harbour": already in the graph/);
    expect(r.stdout).toMatch(/merged into the existing graph/);
    const g = JSON.parse(await readFile(out, 'utf8'));
    expect(g.nodes.filter((n: { attributes: { type: string } }) => n.attributes.type === 'article')).toHaveLength(2);
  });

  it('--merge with nothing new leaves the graph file as it is', async () => {
    const out = path.join(dir, 'merge-same.json');
    expect(kg(['build', HARBOUR, '-o', out]).code).toBe(0);
    const before = await sha(out);
    const r = kg(['build', HARBOUR, '-o', out, '--merge']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/nothing new/);
    expect(await sha(out)).toBe(before);
  });

  it('leaves no temp file behind', async () => {
    const sub = await mkdtemp(path.join(dir, 'clean-'));
    expect(kg(['build', HARBOUR, '-o', path.join(sub, 'g.json')]).code).toBe(0);
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(sub)).toEqual(['g.json']);
  });
});

describe('kg extract', () => {
  it('--jsonl prints one line per input line with offsets into the text', () => {
    const lines = [
      { id: 'a', text: 'Mayor Owen Reyes met Nadia Flint in Port Emery.' },
      { id: 'b', text: 'Bluewater Lines ordered boats, Ivo Marsh told the Coast Gazette.' },
    ];
    const r = kg(['extract', '--jsonl'], `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['a', 'b']);
    out.forEach((o, i) => {
      expect(Array.isArray(o.relations)).toBe(true);
      for (const m of o.mentions) expect(lines[i]!.text.slice(m.start, m.end)).toBe(m.text);
    });
  });

  it('--jsonl loads no graph, layout or HTML package (it is benchmarked whole-process)', () => {
    const r = spawnSync(process.execPath, ['--import', path.join(FIX, '..', 'record-imports.mjs'), path.join(ROOT, 'bin', 'kg.js'), 'extract', '--jsonl'], {
      cwd: ROOT,
      input: '{"id":"a","text":"Nadia Flint met Owen Reyes."}\n',
      encoding: 'utf8',
      env: { ...process.env, KG_WORKERS: '1' },
    });
    expect(r.status).toBe(0);
    const loaded = new Set([...r.stderr.matchAll(/^IMPORT (\S+)$/gm)].map((m) => m[1]));
    expect(loaded.has('commander')).toBe(true); // the hook works
    for (const heavy of ['graphology', 'graphology-layout-forceatlas2', 'htmlparser2']) expect(loaded.has(heavy)).toBe(false);
  });

  it('--jsonl reports a malformed line on stderr and goes on', () => {
    const r = kg(['extract', '--jsonl'], 'not json\n{"id":"ok","text":"Nadia Flint spoke."}\n');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/stdin:1: not valid JSON/);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).id)).toEqual(['ok']);
  });

  it('--jsonl on worker threads prints exactly what one thread prints, in input order', async () => {
    const texts = [await readFile(HARBOUR, 'utf8'), await readFile(FERRY, 'utf8')];
    const lines = Array.from({ length: 40 }, (_, i) => (i === 7 ? '{oops' : JSON.stringify({ id: `n${i}`, text: texts[i % 2] })));
    const input = `${lines.join('\n')}\n`;
    const one = kg(['extract', '--jsonl'], input, { KG_WORKERS: '1' });
    const many = kg(['extract', '--jsonl'], input, { KG_WORKERS: '2', KG_PARALLEL_FROM: '0' });
    expect(one.code).toBe(0);
    expect(many.code).toBe(0);
    expect(many.stdout).toBe(one.stdout);
    expect(many.stderr).toBe(one.stderr);
    expect(one.stderr).toMatch(/stdin:8: not valid JSON/);
    expect(one.stdout.trim().split('\n').map((l) => JSON.parse(l).id)).toEqual(lines.flatMap((_, i) => (i === 7 ? [] : [`n${i}`])));
  });

  it.each([
    [[], /== harbour/],
    [['--json'], /^\{"id":"harbour","mentions":\[/],
  ])('prints a report per file (flags %j)', (flags, shape) => {
    const r = kg(['extract', HARBOUR, ...flags]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(shape);
  });
});

describe('kg neighbors', () => {
  let graph: string;
  beforeAll(() => {
    graph = path.join(dir, 'nb.json');
    const feed = [
      { id: 'n1', text: 'Nadia Flint met Owen Reyes on Monday.' },
      { id: 'n2', text: 'Nadia Flint spoke to reporters.' },
    ];
    kg(['build', '-', '-o', graph], feed.map((f) => JSON.stringify(f)).join('\n'));
  });

  it('--json gives the entity and its neighbors', () => {
    const r = kg(['neighbors', graph, 'nadia flint', '--relation', 'mentions', '--json']);
    expect(r.code).toBe(0);
    const res = JSON.parse(r.stdout);
    expect(res.node.label).toBe('Nadia Flint');
    expect(res.neighbors.map((n: { key: string }) => n.key).sort()).toEqual(['article:n1', 'article:n2']);
  });

  it('prints a table line per neighbor', () => {
    const r = kg(['neighbors', graph, 'Nadia Flint', '--relation', 'mentions']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Nadia Flint \[person\]/);
    expect(r.stdout).toMatch(/mentions <- n1 \[article\] {2}1 article/);
  });

  it.each([
    [['Nadia Flnt'], 1, /no entity named "Nadia Flnt".*Did you mean: "Nadia Flint"/],
    [['Nadia Flint', '--relation', 'likes'], 2, /unknown relation "likes"/],
  ])('kg neighbors GRAPH %j exits %i', (args, code, message) => {
    const r = kg(['neighbors', graph, ...args]);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
  });

  it('exits 1 with what to do when the graph file is missing', () => {
    const r = kg(['neighbors', path.join(dir, 'nope.json'), 'x']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot read graph .*nope\.json.*no such file.*kg build/);
  });
});

describe('kg view', () => {
  it('serves the graph on 127.0.0.1, prints the URL, and stops on Ctrl-C with exit 0', async () => {
    const { spawn } = await import('node:child_process');
    const graph = path.join(dir, 'view.json');
    expect(kg(['build', HARBOUR, '-o', graph]).code).toBe(0);
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'kg.js'), 'view', graph, '--port', '0'], { cwd: ROOT });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /http:\/\/127\.0\.0\.1:\d+\/\S*/.exec(out);
        if (m) resolve(m[0]);
      });
      child.on('exit', (code) => reject(new Error(`kg view exited early (${code}): ${out}`)));
    });
    const res = await fetch(new URL('/graph.json', url));
    expect(res.status).toBe(200);
    expect((await res.json()).nodes.some((n: { key: string }) => n.key === 'article:harbour')).toBe(true);
    const code = await new Promise<number | null>((resolve) => {
      child.removeAllListeners('exit');
      child.on('exit', (c) => resolve(c));
      child.kill('SIGINT');
    });
    expect(code).toBe(0);
  });

  it('exits 1 with what to do when the graph is missing', () => {
    const r = kg(['view', path.join(dir, 'absent.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^kg view: cannot read graph .*absent\.json.*kg build/);
  });
});
