// Bundles the runner (src/cli/main.ts) and its worker thread into dist/ with esbuild, so
// `npx cellgraph` runs plain JavaScript. Called by `npm ci` (prepare) and `npm test`.
// Minified (names kept: errors and classes read the same) because every run parses the bundle
// once per thread; the source maps beside them make `--debug` stacks point into src/ (bin/cellgraph.mjs).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// fdir (under tinyglobby) looks for picomatch in node_modules at import time (require.resolve +
// require of a file outside the bundle, ~8 ms per thread) for its .glob(), which tinyglobby never
// calls: it hands fdir its own matchers.
const FDIR_PICOMATCH = /try \{\s*__require\.resolve\("picomatch"\);\s*pm = __require\("picomatch"\);\s*\} catch \{\}/;
const skipFdirPicomatch = {
  name: 'skip-fdir-picomatch',
  setup(b) {
    b.onLoad({ filter: /[\\/]fdir[\\/]dist[\\/]index\.mjs$/ }, ({ path }) => {
      const text = readFileSync(path, 'utf8');
      if (!FDIR_PICOMATCH.test(text)) return undefined; // fdir changed: bundle it as it is
      return { contents: text.replace(FDIR_PICOMATCH, ''), loader: 'js' };
    });
  },
};

// zod re-exports every translation of its error messages (z.locales, z.core.locales: ~260 KB of the
// ~860 KB bundle, parsed by every thread); cellgraph never switches locale, and the English default
// is imported by zod's schemas directly, so those namespaces are left empty.
const noZodLocales = {
  name: 'no-zod-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, ({ importer }) =>
      /[\\/]zod[\\/]v4[\\/](classic[\\/]external|core[\\/]index)\.js$/.test(importer) ? { path: 'zod-locales', namespace: 'no-zod-locales' } : undefined);
    b.onLoad({ filter: /.*/, namespace: 'no-zod-locales' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  minify: true,
  keepNames: true,
  logLevel: 'warning',
  // Prefer ESM builds: jsonc-parser's UMD build require()s its own files by relative path.
  mainFields: ['module', 'main'],
  define: { __CELLGRAPH_VERSION__: JSON.stringify(pkg.version) },
  // CommonJS dependencies (utif, jpeg-js) call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __cgRequire } from 'node:module'; const require = __cgRequire(import.meta.url);" },
  plugins: [skipFdirPicomatch, noZodLocales],
};
await build({ ...common, entryPoints: { cli: 'src/cli/main.ts', 'cli-worker': 'src/cli/worker.ts' }, outdir: 'dist', outExtension: { '.js': '.mjs' } });
