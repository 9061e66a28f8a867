#!/usr/bin/env node
// The `kg` command: a thin launcher for the compiled CLI in dist/ (built by `npm ci` through `prepare`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write('kg: the CLI is not built yet (dist/cli/main.js is missing). Run `npm run build` in the newsgraph folder.\n');
  process.exit(2);
}
const { run } = await import(main.href);
process.exitCode = await run(process.argv.slice(2));
