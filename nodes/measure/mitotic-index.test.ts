// pipelines/mitotic-index.json on CellProfiler's ExampleHuman field, read two ways: as the editor's
// 3-channel sample (public/samples/examplehuman_3ch.tif) and, as `cellgraph run --channels d0,d1,d2`
// reads the microscope's files, one file per channel. Compared with the same steps in scikit-image
// (scripts/reference/mitotic_index.py).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Table } from '../../src/core/image';
import { runPipeline } from '../../src/core/executor';
import { hashBytes } from '../../src/core/hash';
import type { SourceFile } from '../../src/core/node';
import { numberColumn } from '../../src/core/table';
import { loadPipelineText } from '../../src/core/validate';
import { stackSource } from '../../src/io/image-stack';
import { imagePath, referencePath, REPO_ROOT } from '../../src/testing/paths';
import { nodeRegistry } from '../index';

const reference = JSON.parse(readFileSync(referencePath('measure', 'mitotic_index.json'), 'utf8')) as {
  nuclei: number;
  ph3_positive: number;
  mitotic_index: number;
  area: number[];
  mean_intensity_pH3: number[];
};

const loaded = loadPipelineText(readFileSync(join(REPO_ROOT, 'pipelines', 'mitotic-index.json'), 'utf8'), nodeRegistry);
const bytesOf = (path: string) => new Uint8Array(readFileSync(path));

async function run(source: SourceFile): Promise<{ nuclei: Table; summary: Table }> {
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  const result = await runPipeline(loaded.checked, { registry: nodeRegistry, source });
  expect(result.error).toBeUndefined();
  return { nuclei: result.values.get('export')!.table as Table, summary: result.values.get('export_summary')!.table as Table };
}

describe('pipelines/mitotic-index.json', () => {
  it('on the 3-channel sample: the nuclei, their pH3 and the mitotic index of scikit-image', async () => {
    const bytes = bytesOf(join(REPO_ROOT, 'public', 'samples', 'examplehuman_3ch.tif'));
    const { nuclei, summary } = await run({ name: 'examplehuman_3ch.tif', bytes, hash: hashBytes(bytes) });
    expect(nuclei.rows).toBe(reference.nuclei);
    expect(Array.from(numberColumn(nuclei, 'area'))).toEqual(reference.area);
    numberColumn(nuclei, 'mean_intensity_pH3').forEach((v, i) => expect(v).toBeCloseTo(reference.mean_intensity_pH3[i], 9));
    expect(Array.from(numberColumn(nuclei, 'ph3_positive')).filter((v) => v === 1)).toHaveLength(reference.ph3_positive);
    expect(numberColumn(summary, 'count')[0]).toBe(244);
    expect(numberColumn(summary, 'ph3_positive_mean')[0]).toBeCloseTo(reference.mitotic_index, 12); // 19 of 244
  });

  it('one file per channel (cellgraph run --channels) gives the same tables as the 3-channel file', async () => {
    const names = ['examplehuman_dna_packbits.tif', 'examplehuman_ph3_d1.tif', 'examplehuman_cell_d2.tif'];
    const files = names.map((name) => {
      const bytes = bytesOf(imagePath(name));
      return { name, bytes, hash: hashBytes(bytes) };
    });
    const sample = bytesOf(join(REPO_ROOT, 'public', 'samples', 'examplehuman_3ch.tif'));
    const [split, whole] = await Promise.all([
      run(stackSource('AS_09125_050116030001_D03f00.tif', files, 'channels')),
      run({ name: 'examplehuman_3ch.tif', bytes: sample, hash: hashBytes(sample) }),
    ]);
    expect(split.nuclei.columns.map((c) => c.name)).toEqual(whole.nuclei.columns.map((c) => c.name));
    for (const c of whole.nuclei.columns) expect(Array.from(numberColumn(split.nuclei, c.name)), c.name).toEqual(Array.from(numberColumn(whole.nuclei, c.name)));
  });
});
