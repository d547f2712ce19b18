#!/usr/bin/env node
// The `cellgraph` command. The TypeScript sources are bundled into dist/ by `npm install`/`npm ci`
// (the `prepare` script); rebuild with `npm run build:cli`.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('cellgraph: not built yet; run `npm install` (or `npm run build:cli`) in the cellgraph folder\n');
  process.exit(2);
}
// the bundle is minified: with --debug, stacks are mapped back to src/ through dist/*.map (worker
// threads get the same through pool.ts). Must be on before the bundle loads.
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
