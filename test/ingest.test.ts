import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText, headlineOf, parseHtml, parseJsonl, readArticles } from '../src/ingest/index.js';

const FIX = path.join(import.meta.dirname, 'fixtures', 'ingest');

describe('parseHtml', () => {
  const page = parseHtml(`
    <html><head><title>T | Site</title><meta property="og:title" content="Headline"><meta property="og:site_name" content="Site">
    <meta property="article:published_time" content="2026-01-01"><link rel="canonical" href="https://x.example/a"></head>
    <body><nav>Home News</nav><h1>Headline</h1><p>First <b>bold</b> para.</p><p>Second
    para.</p><figure><figcaption>A caption.</figcaption></figure><div class="share-bar">Share</div></body></html>`);

  it('keeps headings, paragraphs and captions as blank-line separated paragraphs', () => {
    expect(page.text).toBe('Headline\n\nFirst bold para.\n\nSecond para.\n\nA caption.');
  });

  it('reads title, url, date and outlet from the head', () => {
    expect(page).toMatchObject({ title: 'Headline', url: 'https://x.example/a', date: '2026-01-01', outlet: 'Site' });
  });

  it.each([
    ['<script>var a = "Ann";</script><p>Kept.</p>'],
    ['<style>p { color: red }</style><p>Kept.</p>'],
    ['<nav><a>Ann</a></nav><p>Kept.</p>'],
    ['<header>Site Ann</header><p>Kept.</p>'],
    ['<footer>Ann</footer><p>Kept.</p>'],
    ['<aside>Ann</aside><p>Kept.</p>'],
    ['<form>Ann</form><p>Kept.</p>'],
    ['<noscript>Ann</noscript><p>Kept.</p>'],
    ['<div class="main-menu">Ann</div><p>Kept.</p>'],
    ['<div id="site-footer">Ann</div><p>Kept.</p>'],
    ['<ul class="social-links"><li>Ann</li></ul><p>Kept.</p>'],
    ['<div class="relatedStories">Ann</div><p>Kept.</p>'],
    ['<section id="comments"><p>Ann</p></section><p>Kept.</p>'],
    ['<div class="cookie-notice">Ann</div><p>Kept.</p>'],
    ['<div class="newsletter_box">Ann</div><p>Kept.</p>'],
    ['<div class="ad">Ann</div><p>Kept.</p>'],
    ['<div class="share"><p>Ann</p></div><p>Kept.</p>'],
    ['<p class="byline">By Ann Lee</p><p>Kept.</p>'],
    ['<div class="author-box">Ann Lee writes about ports.</div><p>Kept.</p>'],
    ['<ul class="article-tags"><li>Ann Lee</li></ul><p>Kept.</p>'],
    ['<span itemprop="author">Ann Lee</span><p>Kept.</p>'],
  ])('drops the furniture in %s', (html) => {
    expect(parseHtml(`<body>${html}</body>`).text).toBe('Kept.');
  });

  it.each([
    ['<div class="header-image"><p>Kept.</p></div>'],
    ['<div class="shadow"><p>Kept.</p></div>'],
    ['<article><header><h1>Kept.</h1></header></article>'],
  ])('keeps %s (class words are matched whole; an article header is the headline)', (html) => {
    expect(parseHtml(`<body>${html}</body>`).text).toBe('Kept.');
  });

  it('dates a page by its first <time datetime> when the head has no date', () => {
    expect(parseHtml('<article><time datetime="2026-03-04">March 4</time><p>Body.</p></article>').date).toBe('2026-03-04');
  });

  it('puts the page title first when the page has no h1', () => {
    expect(parseHtml('<title>Only a title</title><p>Body.</p>').text).toBe('Only a title\n\nBody.');
  });

  it('never throws on broken markup', () => {
    expect(parseHtml('<p>Open <div>unclosed <b>tags').text).toBe('Open\n\nunclosed tags');
  });
});

describe('parseJsonl', () => {
  const text = ['{"id":"a","text":"One.","url":"u","title":"T","date":"D","outlet":"O","extra":1}', '', 'nope', '{"id":"b"}', '{"text":"No id."}', '[1]'].join('\n');
  const r = parseJsonl(text, 'feed.jsonl', (n) => `feed:${n}`);

  it('reads articles with their metadata and falls back to a line id', () => {
    expect(r.articles).toEqual([
      { id: 'a', text: 'One.', url: 'u', title: 'T', date: 'D', outlet: 'O', source: 'feed.jsonl:1' },
      { id: 'feed:5', text: 'No id.', source: 'feed.jsonl:5' },
    ]);
  });

  it.each([
    [3, /not valid JSON/],
    [4, /no "text"/],
    [6, /not a JSON object/],
  ])('reports line %i: %s', (line, message) => {
    const p = r.problems.find((x) => x.line === line);
    expect(p?.file).toBe('feed.jsonl');
    expect(p?.message).toMatch(message);
  });
});

describe('headlineOf', () => {
  it.each([
    ['Harbour board approves new ferry terminal\n\nThe board...', 'Harbour board approves new ferry terminal'],
    ['\n  Council votes to extend tram line\nBody.', 'Council votes to extend tram line'],
    ['The board approved the terminal on Monday.\nMore.', undefined],
    ['SPORT - RESULTS OF THE DAY .\nLONDON', undefined],
    ['Ferries\nBody.', undefined],
    ['"We will rebuild," the mayor said\n', '"We will rebuild," the mayor said'],
  ])('reads the headline of %j', (text, expected) => {
    expect(headlineOf(text)).toBe(expected);
  });
});

describe('decodeText', () => {
  it.each([
    ['empty', new Uint8Array(), /empty/],
    ['white space', Buffer.from(' \n\t\n'), /white space/],
    ['binary', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]), /binary/],
    ['Latin-1', Buffer.from('Caf\xe9 au lait', 'latin1'), /not UTF-8/],
  ])('rejects %s input', (_what, bytes, message) => {
    const d = decodeText(bytes);
    expect('error' in d && d.error).toMatch(message);
  });

  it('accepts UTF-8 text', () => {
    expect(decodeText(Buffer.from('Café – “ok”'))).toEqual({ text: 'Café – “ok”' });
  });
});

describe('readArticles', () => {
  it('reads a folder recursively in sorted order, with ids relative to it, and ignores other extensions', async () => {
    const r = await readArticles([path.join(FIX, 'folder')]);
    expect(r.articles.map((a) => a.id)).toEqual(['a-council', 'b-harbour', 'sub/c-bridge']);
    expect(r.articles.map((a) => a.title)).toEqual(['Council votes to extend tram line', 'Harbour board approves new ferry terminal', 'Bridge reopens after repairs']);
    expect(r.problems).toEqual([]);
  });

  it('reads each format, with metadata, and deduplicates ids in reading order', async () => {
    const r = await readArticles([path.join(FIX, 'page.html'), path.join(FIX, 'feed.jsonl'), path.join(FIX, 'folder')]);
    expect(r.articles.map((a) => a.id)).toEqual(['page', 'f1', 'f1-2', 'feed:8', 'a-council', 'b-harbour', 'sub/c-bridge']);
    const page = r.articles[0]!;
    expect(page).toMatchObject({ title: 'Ferry strike ends after two days', outlet: 'The Coast Gazette', date: '2026-02-03', url: 'https://gazette.example/ferry-strike' });
    expect(page.text).toContain('union steward Mira Kane said');
    expect(page.text).toContain('(Photo: Coast Wire)');
    expect(page.text).toContain('sailings resume at noon');
    for (const clutter of ['Quentin Vale', 'Home', 'Weather', 'Share on', 'Tomas Lind', 'Ada Finch', 'Search', 'Most read', 'newsletter', 'cookies', 'Buy boats', 'Rhea Stone', 'Enable JS']) {
      expect(page.text).not.toContain(clutter);
    }
    expect(r.articles[1]).toMatchObject({ title: 'Deal', url: 'https://gazette.example/f1', date: '2026-02-03', outlet: 'The Coast Gazette' });
    expect(r.problems.map((p) => `${path.basename(p.file)}:${p.line}`)).toEqual(['feed.jsonl:3', 'feed.jsonl:4', 'feed.jsonl:5', 'feed.jsonl:6']);
  });

  it('gives a second file with the same id a numbered id', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kg-ingest-'));
    await writeFile(path.join(dir, 'page.txt'), 'Another page.');
    const r = await readArticles([path.join(FIX, 'page.html'), path.join(dir, 'page.txt')]);
    expect(r.articles.map((a) => a.id)).toEqual(['page', 'page-2']);
  });

  it('reads a file given twice (alone and in its folder) once', async () => {
    const folder = path.join(FIX, 'folder');
    const r = await readArticles([folder, path.join(folder, 'a-council.txt')]);
    expect(r.articles.map((a) => a.id)).toEqual(['a-council', 'b-harbour', 'sub/c-bridge']);
    expect(r.problems).toEqual([{ file: path.join(folder, 'a-council.txt'), message: expect.stringMatching(/given twice/) }]);
  });

  it.each([
    ['empty.txt', '', /empty/],
    ['binary.txt', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0]), /binary/],
    ['latin1.txt', Buffer.from('S\xe3o Paulo', 'latin1'), /not UTF-8/],
    ['blank.html', '<html><script>x</script><nav>Home</nav></html>', /no article text/],
    ['nothing.jsonl', '\n\n', /white space/],
  ])('reports %s as one problem naming the file, and goes on', async (name, content, message) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kg-ingest-'));
    await writeFile(path.join(dir, name), content);
    await writeFile(path.join(dir, 'ok.txt'), 'A good article.');
    const r = await readArticles([dir]);
    expect(r.articles.map((a) => a.id)).toEqual(['ok']);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.file).toBe(path.join(dir, name));
    expect(r.problems[0]!.message).toMatch(message);
  });

  it.each([
    ['a missing path', (d: string) => path.join(d, 'missing.txt'), /no such file/],
    ['a path through a file', (d: string) => path.join(d, 'ok.txt', 'x.txt'), /cannot read/],
    ['an empty folder', (d: string) => d, /holds no/],
  ])('reports %s', async (_what, make, message) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kg-ingest-'));
    if (!/empty folder/.test(_what)) await writeFile(path.join(dir, 'ok.txt'), 'A good article.');
    const p = make(dir);
    const r = await readArticles([p]);
    expect(r.articles).toEqual([]);
    expect(r.problems).toEqual([{ file: p, message: expect.stringMatching(message) }]);
  });

  it.each([
    ['text', 'Plain text from a pipe.', 'stdin'],
    ['JSONL', '{"id":"s1","text":"From a pipe."}\n', 's1'],
    ['HTML', '<!doctype html><p>From a pipe.</p>', 'stdin'],
  ])('reads %s from stdin (-)', async (_what, input, id) => {
    const r = await readArticles(['-'], { stdin: async () => Buffer.from(input) });
    expect(r.articles.map((a) => a.id)).toEqual([id]);
    expect(r.articles[0]!.text).toContain('pipe.');
  });
});
