// Static server for `kg view`: the built viewer (viewer/dist) at /, the project's graphs/ folder at /graphs/,
// and the chosen graph file at /graph.json. node:http only, bound to 127.0.0.1: the graph never leaves the
// machine. No printing here; the CLI prints the URL.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KgError } from '../errors.js';

export interface ViewOptions {
  /** A graph JSON file served at /graph.json; without it the viewer opens graphs/sample.json. */
  graphPath?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Only 127.0.0.1 is accepted (and "localhost", which means the same here). */
  host?: string;
  /** A viewer build other than viewer/dist (the benchmark builds its own, so a concurrent `npm run build` cannot pull it away). */
  distDir?: string;
}

export interface ViewServer {
  url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Resolved relative to this module so it works from src/cli/view.ts (tsx) and dist/cli/view.js alike. */
const DIST = fileURLToPath(new URL('../../viewer/dist/', import.meta.url));
const GRAPHS = fileURLToPath(new URL('../../graphs/', import.meta.url));

/** The file under `root` that `rel` names, or null when it escapes root or is not a file. */
function fileUnder(root: string, rel: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rel);
  } catch {
    return null;
  }
  const full = resolve(root, `.${sep}${decoded}`);
  if (full !== resolve(root) && !full.startsWith(resolve(root) + sep)) return null;
  try {
    return statSync(full).isFile() ? full : null;
  } catch {
    return null;
  }
}

function send(res: ServerResponse, file: string, req: IncomingMessage): void {
  res.writeHead(200, {
    'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': statSync(file).size,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

function notFound(res: ServerResponse, what: string): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(`not found: ${what}\n`);
}

export async function serveViewer(o: ViewOptions = {}): Promise<ViewServer> {
  const host = o.host ?? '127.0.0.1';
  if (host !== '127.0.0.1' && host !== 'localhost') {
    throw new KgError('E_USAGE', `kg view: serves on 127.0.0.1 only (asked for "${host}"), so the graph stays on this machine.`);
  }
  const dist = o.distDir ? resolve(o.distDir) : DIST;
  if (!existsSync(resolve(dist, 'index.html'))) {
    throw new KgError('E_USAGE', `kg view: the viewer is not built (no ${resolve(dist, 'index.html')}); run npm run build`);
  }
  const graphFile = o.graphPath ? resolve(o.graphPath) : null;
  if (graphFile && !existsSync(graphFile)) {
    throw new KgError('E_GRAPH_LOAD', `kg view: ${o.graphPath} does not exist; build one with "kg build <inputs> -o ${o.graphPath}".`);
  }

  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      res.end();
      return;
    }
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/graph.json') {
      if (graphFile && existsSync(graphFile)) send(res, graphFile, req);
      else notFound(res, path);
      return;
    }
    if (path.startsWith('/graphs/')) {
      const f = fileUnder(GRAPHS, path.slice('/graphs/'.length));
      if (f) send(res, f, req);
      else notFound(res, path);
      return;
    }
    const f = fileUnder(dist, path === '/' ? 'index.html' : path.slice(1));
    if (f) send(res, f, req);
    else notFound(res, path);
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      fail(e.code === 'EADDRINUSE' ? new KgError('E_USAGE', `kg view: port ${o.port} is in use; pick another with --port or use --port 0.`) : e),
    );
    server.listen(o.port ?? 0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}/`;
  return {
    url: graphFile ? `${base}?graph=graph.json` : base,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
