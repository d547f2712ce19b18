#!/usr/bin/env node
// The `cellgraph` command. The TypeScript sources are bundled into dist/ by `npm install`/`npm ci`
// (the `prepare` script); rebuild with `npm run build:cli`.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('cellgraph: not built yet; run `npm install` (or `npm run build:cli`) in the cellgraph folder\n');
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
