// Chromium for the specs: Debian's build driven by playwright-core, a fresh profile per launch
// (a persistent one, so a reload keeps IndexedDB and localStorage).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const SCREENSHOTS = join(REPO, 'e2e', 'screenshots');

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'];

export interface Browser {
  context: BrowserContext;
  page: Page;
  downloads: string;
  close(): Promise<void>;
}

export async function launch({ viewport = { width: 1600, height: 1000 } } = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'cellgraph-e2e-'));
  const downloads = join(profile, 'downloads');
  mkdirSync(downloads);
  const context = await chromium.launchPersistentContext(join(profile, 'user-data'), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ARGS,
    viewport,
    acceptDownloads: true,
    downloadsPath: downloads,
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  context.setDefaultTimeout(10_000);
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (err) => console.error('[page error]', err.message));
  return {
    context,
    page,
    downloads,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}
