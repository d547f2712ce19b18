// Bundles the runner (src/cli/main.ts) and its worker thread into dist/ with esbuild, so
// `npx cellgraph` runs plain JavaScript. Called by `npm ci` (prepare) and `npm test`.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // Prefer ESM builds: jsonc-parser's UMD build require()s its own files by relative path.
  mainFields: ['module', 'main'],
  define: { __CELLGRAPH_VERSION__: JSON.stringify(pkg.version) },
  // CommonJS dependencies (utif, jpeg-js) call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __cgRequire } from 'node:module'; const require = __cgRequire(import.meta.url);" },
};
await build({ ...common, entryPoints: { cli: 'src/cli/main.ts', 'cli-worker': 'src/cli/worker.ts' }, outdir: 'dist', outExtension: { '.js': '.mjs' } });
