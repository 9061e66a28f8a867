// `kg view`: serves the viewer (src/cli/view.ts, owned by the viewer) on a graph file until Ctrl-C.
import { KgError } from '../errors.js';
import { loadGraph } from '../graph/index.js';

export interface ViewFlags {
  port?: string;
  host?: string;
}

export async function viewCommand(graphPath: string, flags: ViewFlags): Promise<number> {
  // Fail here, with the graph's own message, rather than in the browser.
  await loadGraph(graphPath);
  const port = flags.port === undefined ? 0 : Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new KgError('E_USAGE', `--port must be a number from 0 to 65535, not "${flags.port}".`);
  const { serveViewer } = await import('./view.js');
  const server = await serveViewer({ graphPath, port, host: flags.host ?? '127.0.0.1' });
  process.stdout.write(`kg view: serving ${graphPath} at ${server.url}  (Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}
