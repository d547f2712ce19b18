import { defineConfig } from 'vite';

// The editor: index.html → src/editor/main.tsx; the engine runs in an ES-module worker.
// Built into dist/editor so it never clears the CLI bundle in dist/.
export default defineConfig({
  server: { port: 5173, strictPort: true, open: false },
  preview: { port: 5173, strictPort: true },
  worker: { format: 'es' },
  build: { outDir: 'dist/editor', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
});
