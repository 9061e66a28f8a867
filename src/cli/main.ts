// The `kg` command line: parses arguments, runs one command, turns errors into messages and exit codes.
// Commands are imported lazily so that `kg extract --jsonl` never loads graphology, ForceAtlas2 or htmlparser2.
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { KgError } from '../errors.js';
import type { ErrorCode } from '../errors.js';

/** Exit codes: 0 done, 1 the work failed (no articles, bad graph, name not found), 2 wrong arguments. */
const EXIT: Partial<Record<ErrorCode, number>> = { E_USAGE: 2 };

/** The package version, for --version (package.json sits two folders above dist/cli and src/cli). */
function version(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function program(setCode: (n: number) => void): Command {
  const kg = new Command('kg')
    .version(version(), '-V, --version')
    .description('newsgraph: turn news articles into a knowledge graph of who met whom, who holds which role, and who reported what.')
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', '\nExample:\n  kg build examples -o graphs/sample.json && kg view graphs/sample.json');

  kg.command('build')
    .description('read articles (.txt, .html, .jsonl, folders, - for stdin) and write one graph')
    .argument('<inputs...>', 'files, folders (read recursively), or - for stdin')
    .requiredOption('-o, --output <graph.json>', 'graph file to write (written atomically)')
    .option('--merge', 'add the articles to the graph already at --output, reusing its entities (articles already in it are skipped)')
    .option('--no-layout', 'skip the ForceAtlas2 layout (all nodes at 0,0)')
    .addHelpText('after', '\nExamples:\n  kg build examples -o graphs/sample.json\n  kg build more/*.html -o graphs/sample.json --merge\n  cat news.jsonl | kg build - -o graphs/news.json')
    .action(async (inputs: string[], opts: { output: string; merge?: boolean; layout?: boolean }) => {
      const { buildCommand } = await import('./build.js');
      setCode(await buildCommand(inputs, opts));
    });

  kg.command('extract')
    .description('print the entities and relations of each article, without building a graph')
    .argument('[files...]', 'article files or folders (default: stdin)')
    .option('--jsonl', 'read {"id","text"} JSON lines (stdin or files), print one JSON line per article')
    .option('--json', 'print JSON lines instead of the readable report')
    .addHelpText('after', '\nExamples:\n  kg extract examples/arctic-fisheries-talks.txt\n  echo \'{"id":"a","text":"Ann Lee met Bo Park in Oslo."}\' | kg extract --jsonl')
    .action(async (files: string[], opts: { jsonl?: boolean; json?: boolean }) => {
      const { extractCommand } = await import('./extract.js');
      setCode(await extractCommand(files, opts));
    });

  kg.command('neighbors')
    .description('list the neighbors of an entity (by label, alias or node key) with relation, direction and support')
    .argument('<graph.json>', 'a graph written by kg build')
    .argument('<name>', 'entity name or alias (case-insensitive), or a node key')
    .option('-r, --relation <type>', 'only this relation (met_with, reported_by, holds_role, credited_to, affiliated_with, located_in, said, mentions)')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExamples:\n  kg neighbors graphs/sample.json Halvorsen --relation met_with\n  kg neighbors graphs/sample.json "person:ingrid halvorsen" --json')
    .action(async (graph: string, name: string, opts: { relation?: string; json?: boolean }) => {
      const { neighborsCommand } = await import('./neighbors.js');
      setCode(await neighborsCommand(graph, name, opts));
    });

  kg.command('view')
    .description('serve the viewer on 127.0.0.1 for a graph file, until Ctrl-C')
    .argument('[graph.json]', 'graph file', 'graphs/sample.json')
    .option('-p, --port <port>', 'port (default: a free one)')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .addHelpText('after', '\nExample:\n  kg view graphs/sample.json --port 8080')
    .action(async (graph: string, opts: { port?: string; host?: string }) => {
      const { viewCommand } = await import('./serve.js');
      setCode(await viewCommand(graph, opts));
    });

  return kg;
}

/** Runs `kg` with the given arguments (without node and script) and returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  // A reader that stops early (`kg extract --jsonl | head`) closes the pipe: that ends the command, quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  let code = 0;
  const kg = program((n) => (code = n));
  try {
    if (argv.length === 0) {
      kg.outputHelp();
      return 0;
    }
    await kg.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    const name = kg.args[0] ?? '';
    if (e instanceof KgError) {
      // Some library messages already name the command; print the prefix once.
      process.stderr.write(`kg${name ? ` ${name}` : ''}: ${e.message.replace(/^kg \w+: /, '')}\n`);
      return EXIT[e.code] ?? 1;
    }
    process.stderr.write(`kg${name ? ` ${name}` : ''}: unexpected error: ${(e as Error).stack ?? String(e)}\nPlease report it with the command you ran.\n`);
    return 1;
  }
}
