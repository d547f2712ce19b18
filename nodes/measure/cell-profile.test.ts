// pipelines/cell-profile.json on CellProfiler's ExampleHuman field (the bundled 3-channel sample): one
// row per cell holding the shape, intensity, texture, radial distribution and granularity columns, each
// equal to what its own node measured for that cell.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countObjects, type Labels, type Table } from '../../src/core/image';
import { column } from '../../src/core/table';
import { REPO_ROOT } from '../../src/testing/paths';
import { runExample } from '../../src/testing/run-example';
import { nodeRegistry } from '../index';

describe('pipelines/cell-profile.json', () => {
  it('joins every measurement of each cell into one row, values as each node measured them', async () => {
    const sample = join(REPO_ROOT, 'public', 'samples', 'examplehuman_3ch.tif');
    const result = await runExample(nodeRegistry, 'cell-profile', 'examplehuman_3ch.tif', {}, sample);
    expect(result.error).toBeUndefined();
    const out = (node: string, port = 'table') => result.values.get(node)![port];
    const cells = out('cells', 'cells') as Labels;
    const profile = out('profile') as Table;
    expect(countObjects(out('nuclei', 'labels') as Labels)).toBe(244); // as mitotic-index
    expect(countObjects(cells)).toBe(244); // every nucleus grows a cell
    expect(profile.rows).toBe(244);
    const labels = Array.from(column(profile, 'label').values as Float64Array);
    for (const [node, port, name] of [
      ['measure', 'table', 'zernike_4_2'],
      ['measure', 'table', 'mean_intensity_pH3'],
      ['texture', 'table', 'texture_contrast_d1'],
      ['radial', 'table', 'frac_at_d_1of4'],
      ['granularity', 'objects', 'granularity_2'],
    ] as const) {
      const source = out(node, port) as Table;
      const byLabel = new Map(Array.from(column(source, 'label').values as Float64Array, (l, i) => [l, column(source, name).values[i]]));
      expect(Array.from(column(profile, name).values as Float64Array), name).toEqual(labels.map((l) => byLabel.get(l)));
    }
    // radial distribution from each cell's own nucleus: every cell has one, so every row is measured
    expect(Array.from(column(profile, 'frac_at_d_4of4').values as Float64Array).every((v) => Number.isFinite(v))).toBe(true);
  });
});
