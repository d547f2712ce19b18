import { defineConfig } from 'vite';

// The editor (issue 3) is served from index.html; until then `npm start` serves a page that says so.
export default defineConfig({
  server: { port: 5173, strictPort: true, open: false },
  preview: { port: 5173, strictPort: true },
  worker: { format: 'es' },
});
