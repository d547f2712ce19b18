// The Examples menu: every pipelines/*.json, bundled as text at build time.
const files = import.meta.glob('../../../pipelines/*.json', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export interface Example {
  file: string;
  name: string;
  text: string;
}

export const examples: Example[] = Object.entries(files)
  .map(([path, text]) => {
    let name = path;
    try {
      name = (JSON.parse(text) as { name?: string }).name ?? path;
    } catch {
      // shown by file name; opening it reports the problem
    }
    return { file: path.split('/').pop()!, name, text };
  })
  .sort((a, b) => a.file.localeCompare(b.file));

export const DEFAULT_EXAMPLE = 'nuclei-count.json';

export const SAMPLE_IMAGE = { name: 'dsb2018_256_uint8.tif', url: `${import.meta.env.BASE_URL}samples/dsb2018_256_uint8.tif` };
