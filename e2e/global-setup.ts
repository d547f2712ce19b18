// Builds the editor (vite build) and the CLI (for comparing outputs), serves dist/editor with
// `vite preview` on a free port, and hands the URL to the specs.
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

const root = fileURLToPath(new URL('..', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

let server: PreviewServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root, stdio: 'inherit' });
  await build({ root, logLevel: 'warn' });
  const port = await freePort();
  server = await preview({ root, logLevel: 'warn', preview: { port, strictPort: true, host: '127.0.0.1' } });
  project.provide('baseURL', `http://127.0.0.1:${port}/`);
}

export async function teardown(): Promise<void> {
  await server?.close();
}
