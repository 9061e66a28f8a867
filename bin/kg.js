#!/usr/bin/env node
// The `kg` command: a thin launcher for the compiled CLI in dist/ (built by `npm ci` through `prepare`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';

// A kg run is short next to V8's warm-up: on 5 MB of news, compiling the pipeline's functions (and recompiling
// them after deoptimizations) was about a third of the instructions `kg extract` ran, and is still a fifth of its
// time. A smaller inlining budget makes those compiles much cheaper and the compiled code hardly slower; a larger
// interrupt budget (bytecode a function runs before V8 considers optimizing it; default 66 KB) leaves the many
// lukewarm functions to the baseline compiler and optimizes only the hot ones; escape analysis costs more compile
// time than the allocations it removes save in so short a run. Measured as instructions over the BBC set
// (cachegrind): 250 KB ran 2.6% fewer than 400 KB (and fewer than 150, 200, 300 or 800 KB), and without escape
// analysis 1.6% fewer still. Without loop peeling (which copies a loop's first iteration to hoist its checks) and
// with two ticks instead of three before optimizing, 1.6% fewer again (16,297 M to 16,028 M), and about 2% less
// wall time (16 rounds of both at once, one per core). Results do not depend on any of them. Set before the CLI is
// loaded, so that every compile sees them. Measured on Node 20's V8 11; V8 12 (Node 22) has other tiers and no
// --interrupt-budget (setting it prints an error), and keeps its defaults.
if (process.versions.v8.startsWith('11.')) {
  setFlagsFromString('--max-inlined-bytecode-size-cumulative=200');
  setFlagsFromString('--interrupt-budget=250000');
  setFlagsFromString('--no-turbo-escape');
  setFlagsFromString('--no-turbo-loop-peeling');
  setFlagsFromString('--ticks-before-optimization=2');
}

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write('kg: the CLI is not built yet (dist/cli/main.js is missing). Run `npm run build` in the newsgraph folder.\n');
  process.exit(2);
}
const { run } = await import(main.href);
process.exitCode = await run(process.argv.slice(2));
