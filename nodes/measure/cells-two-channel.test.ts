// pipelines/cells-two-channel.json on the real two-channel NEUBIAS image (tubulin, nuclei).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Labels, Table } from '../../src/core/image';
import type { RunResult } from '../../src/core/executor';
import { numberColumn } from '../../src/core/table';
import { readNpy } from '../../src/testing/npy';
import { referencePath } from '../../src/testing/paths';
import { runExample } from '../../src/testing/run-example';
import { nodeRegistry } from '../index';

const NAME = 'xyc_16bit__nuclei_tubulin_crop.tif';
let result: RunResult;
const labelsOf = (node: string, port: string) => result.values.get(node)![port] as Labels;
const tableOf = (node: string) => result.values.get(node)!.table as Table;

describe('pipelines/cells-two-channel.json', () => {
  beforeAll(async () => {
    result = await runExample(nodeRegistry, 'cells-two-channel', NAME);
  });

  it('runs without error', () => {
    expect(result.error).toBeUndefined();
  });

  it('finds the same nuclei and cells as scikit-image (Otsu, fill holes, label, watershed on the Sobel edges)', () => {
    const nuclei = labelsOf('nuclei', 'labels');
    const cells = labelsOf('cells', 'cells');
    expect(nuclei.count).toBe(10);
    expect(Array.from(nuclei.data)).toEqual(Array.from(readNpy(referencePath('segment', 'cells_nuclei.npy')).data as Uint16Array));
    expect(Array.from(cells.data)).toEqual(Array.from(readNpy(referencePath('segment', 'cells_watershed-gradient.npy')).data as Uint16Array));
  });

  it('measures cells, cytoplasm and nuclei in both channels, and relates each nucleus to its own cell', () => {
    const cells = tableOf('export_cells');
    const cytoplasm = tableOf('export_cytoplasm');
    const nuclei = tableOf('export_nuclei');
    for (const t of [cells, cytoplasm, nuclei]) {
      expect(t.rows).toBe(10);
      const names = t.columns.map((c) => c.name);
      expect(names).toContain('mean_intensity_tubulin');
      expect(names).toContain('mean_intensity_DNA');
    }
    const area = (t: Table) => numberColumn(t, 'area');
    area(cells).forEach((a, i) => expect(a).toBe(area(nuclei)[i] + area(cytoplasm)[i]));
    // the DNA stain is brighter in each nucleus than in its cytoplasm
    const dnaN = numberColumn(nuclei, 'mean_intensity_DNA');
    const dnaC = numberColumn(cytoplasm, 'mean_intensity_DNA');
    dnaN.forEach((v, i) => expect(v).toBeGreaterThan(dnaC[i]));
    // each nucleus's tubulin relative to its own cytoplasm (the same label): tubulin is cytoplasmic
    const ratio = numberColumn(nuclei, 'tubulin_nucleus_to_cytoplasm');
    const tubN = numberColumn(nuclei, 'mean_intensity_tubulin');
    const tubC = numberColumn(cytoplasm, 'mean_intensity_tubulin');
    expect(Array.from(numberColumn(nuclei, 'label'))).toEqual(Array.from(numberColumn(cytoplasm, 'label')));
    ratio.forEach((r, i) => {
      expect(r).toBe(tubN[i] / tubC[i]);
      expect(r).toBeLessThan(1);
    });
    const relations = tableOf('export_relations');
    expect(Array.from(numberColumn(relations, 'parent'))).toEqual(Array.from(numberColumn(relations, 'label')));
    // per cell: one nucleus, so the means of the nuclei's measurements are that nucleus's own values
    const perCell = tableOf('export_per_cell');
    expect(Array.from(numberColumn(perCell, 'label'))).toEqual(Array.from(numberColumn(cells, 'label')));
    expect(Array.from(numberColumn(perCell, 'children'))).toEqual(new Array(10).fill(1));
    expect(Array.from(numberColumn(perCell, 'mean_area'))).toEqual(Array.from(area(nuclei)));
    expect(Array.from(numberColumn(perCell, 'mean_mean_intensity_DNA'))).toEqual(Array.from(dnaN));
  });
});
