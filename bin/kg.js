#!/usr/bin/env node
// The `kg` command: a thin launcher for the compiled CLI in dist/ (built by `npm ci` through `prepare`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';

// A kg run is short next to V8's warm-up: on 5 MB of news, compiling the pipeline's large functions (and
// recompiling them after deoptimizations) was about a third of the instructions `kg extract` ran. A smaller
// inlining budget makes those compiles much cheaper and the compiled code hardly slower. Results do not depend
// on it. Set before the CLI is loaded, so that every compile sees it.
setFlagsFromString('--max-inlined-bytecode-size-cumulative=200');

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write('kg: the CLI is not built yet (dist/cli/main.js is missing). Run `npm run build` in the newsgraph folder.\n');
  process.exit(2);
}
const { run } = await import(main.href);
process.exitCode = await run(process.argv.slice(2));
