// radialDistribution measured from other objects (CellProfiler's "Centers of other objects" and "Edges
// of other objects"): hand-worked strips and squares, and the cells and nuclei of the NEUBIAS two-channel
// crop against the same definitions written independently with NumPy/SciPy
// (scripts/reference/radial_distribution.py). The own-centre mode is tested with the node.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readNpy } from '../testing/npy';
import { referencePath } from '../testing/paths';
import { radialDistribution, type RadialCentres } from './radial-distribution';

/** One row of labels, centres and values (the image's top and bottom are not edges: d_edge runs along the row). */
function strip(labels: number[], centres: number[], values: number[], bins: number, from: RadialCentres['from']) {
  return radialDistribution(labels, values, labels.length, 1, bins, { labels: centres, from });
}

describe('radialDistribution from centre points', () => {
  it('a cell with its nucleus off-centre: rings around the nucleus\'s centroid, worked by hand', () => {
    // cell x = 1…5, d_edge 1 2 3 2 1; nucleus x = 1, 2 → centroid 1.5, rounded half up to 2;
    // d_centre 1 0 1 2 3; d/(d+e) = 0.5 0 0.25 0.5 0.75 → rings (of 4) 3 1 2 3 4
    const [cell] = strip([0, 1, 1, 1, 1, 1, 0], [0, 9, 9, 0, 0, 0, 0], [0, 1, 2, 3, 4, 5, 0], 4, 'points');
    expect(cell.label).toBe(1);
    expect(cell.fracAtD).toEqual([2 / 15, 3 / 15, 5 / 15, 5 / 15]);
    expect(cell.meanFrac[0]).toBeCloseTo(2 / 15 / (1 / 5), 14);
    expect(cell.meanFrac[2]).toBeCloseTo(5 / 15 / (2 / 5), 14);
    // ring 3 holds x = 1 (left of the centre, value 1) and x = 4 (right, value 4): wedge means 1 and 4
    expect(cell.radialCV).toEqual([0, 0, 1.5 / 2.5, 0]);
  });

  it('a square cell: the rings follow the nucleus, not the cell\'s own centre', () => {
    // a 5×5 cell (rows, columns 1…5 of 7×7), 1 everywhere but 10 on a one-pixel nucleus at (2, 2).
    // Ring 1 of 2 iff d_centre < d_edge: from (2, 2) only (2, 2), (2, 3), (3, 2), (3, 3); from the
    // cell's own centre (3, 3) its 3×3 core, which also holds (2, 2).
    const labels = new Uint32Array(49);
    const image = new Float32Array(49);
    for (let y = 1; y <= 5; y++) for (let x = 1; x <= 5; x++) {
      labels[y * 7 + x] = 1;
      image[y * 7 + x] = 1;
    }
    const nucleus = new Uint32Array(49);
    nucleus[2 * 7 + 2] = 4;
    image[2 * 7 + 2] = 10;
    const [own] = radialDistribution(labels, image, 7, 7, 2);
    const [points] = radialDistribution(labels, image, 7, 7, 2, { labels: nucleus, from: 'points' });
    const [edges] = radialDistribution(labels, image, 7, 7, 2, { labels: nucleus, from: 'edges' });
    expect(own.fracAtD).toEqual([18 / 34, 16 / 34]);
    expect(points.fracAtD).toEqual([13 / 34, 21 / 34]);
    expect(points.meanFrac[0]).toBeCloseTo(13 / 34 / (4 / 25), 14);
    // ring 1's wedges around (2, 2): the nucleus (10) and three pixels of 1 in three other wedges
    expect(points.radialCV[0]).toBeCloseTo(Math.sqrt((6.75 ** 2 + 3 * 2.25 ** 2) / 4) / 3.25, 14);
    // edges: the same distances, the nucleus's own pixel left out
    expect(edges.fracAtD).toEqual([3 / 24, 21 / 24]);
    expect(edges.meanFrac[0]).toBeCloseTo(3 / 24 / (3 / 24), 14);
    expect(edges.radialCV[0]).toBe(0);
  });

  it('two nuclei in one cell: each pixel from the nearest, the lower label on a tie', () => {
    // cell x = 1…7, d_edge 1 2 3 4 3 2 1; nuclei 3 at x = 2 and 4 at x = 6; d_centre 1 0 1 2 1 0 1,
    // x = 4 at 2 from both → nucleus 3. d/(d+e) = .5 0 .25 .33 .25 0 .5 → rings 3 1 2 2 2 1 3
    const [cell] = strip([0, 1, 1, 1, 1, 1, 1, 1, 0], [0, 0, 3, 0, 0, 0, 4, 0, 0], [0, 1, 2, 3, 4, 5, 6, 7, 0], 4, 'points');
    expect(cell.fracAtD).toEqual([8 / 28, 12 / 28, 8 / 28, 0]);
    expect(cell.meanFrac[3]).toBeNaN();
    // ring 2: x = 3 and 4 right of nucleus 3 (mean 3.5), x = 5 left of nucleus 4 (5); had x = 4 gone to
    // nucleus 4, the means would be 3 and 4.5 (CV 0.2). Ring 3: x = 1 left (1), x = 7 right (7).
    expect(cell.radialCV).toEqual([0, 0.75 / 4.25, 3 / 4, NaN]);
  });

  it('a cell without a nucleus: in a straight line from the nucleus nearest its centroid (CellProfiler\'s fallback)', () => {
    // cell 1 x = 1…3 holds nucleus 7 at x = 2; cell 2 x = 6…8 holds none, its centroid 7 is nearest that
    // nucleus: d_centre 4 5 6, d_edge 1 2 1, d/(d+e) = .8 .71 .86 → rings 4 3 4
    const [, lonely] = strip([0, 1, 1, 1, 0, 0, 2, 2, 2, 0], [0, 0, 7, 0, 0, 0, 0, 0, 0, 0], [0, 1, 1, 1, 0, 0, 1, 2, 3, 0], 4, 'points');
    expect(lonely.label).toBe(2);
    expect(lonely.fracAtD).toEqual([0, 0, 2 / 6, 4 / 6]);
    expect(lonely.radialCV).toEqual([NaN, NaN, 0, 0]);
  });

  it('a cell without a nucleus halfway between two: from the lower label', () => {
    // cell 2 x = 2…4 (centroid 3) is 3 from nucleus 3 (x = 0) and nucleus 8 (x = 6). From x = 0: d_centre
    // 2 3 4, d_edge 1 2 1, d/(d+e) = .67 .6 .8 → rings 3 3 4 (from x = 6 it would be 4 3 3)
    const [, between] = strip([1, 0, 2, 2, 2, 0, 3], [3, 0, 0, 0, 0, 0, 8], [1, 0, 1, 2, 3, 0, 1], 4, 'points');
    expect(between.fracAtD).toEqual([0, 0, 3 / 6, 3 / 6]);
  });

  it('a nucleus counts for the cell its centroid lies in', () => {
    // nucleus 5 spans x = 2…4 (centroid 3): it is cell 1's; cell 2 (x = 4…6) falls back to it in a
    // straight line: d_centre 1 2 3 rather than the 0 of its own pixel x = 4
    const labels = [0, 0, 1, 1, 2, 2, 2, 0];
    const centres = [0, 0, 5, 5, 5, 0, 0, 0];
    const [one, two] = strip(labels, centres, [0, 0, 1, 1, 1, 1, 1, 0], 2, 'points');
    // cell 1: d_edge 1 1, d_centre 1 0 → rings 2 1
    expect(one.fracAtD).toEqual([1 / 2, 1 / 2]);
    // cell 2: d_edge 1 2 1, d/(d+e) = .5 .5 .75 → all in ring 2
    expect(two.fracAtD).toEqual([0, 1]);
  });

  it('no centre object in the image: every value empty', () => {
    const [r] = strip([0, 1, 1, 1, 0], [0, 0, 0, 0, 0], [0, 1, 2, 3, 0], 2, 'points');
    expect(r.fracAtD).toEqual([NaN, NaN]);
    expect(r.meanFrac).toEqual([NaN, NaN]);
    expect(r.radialCV).toEqual([NaN, NaN]);
  });
});

describe('radialDistribution from centre edges', () => {
  it('the nucleus\'s pixels are distance 0 and left out, worked by hand', () => {
    // the off-centre strip: nucleus x = 1, 2 left out; x = 3…5 d_centre 1 2 3, d_edge 3 2 1 → .25 .5 .75
    const [cell] = strip([0, 1, 1, 1, 1, 1, 0], [0, 9, 9, 0, 0, 0, 0], [0, 1, 2, 3, 4, 5, 0], 4, 'edges');
    expect(cell.fracAtD).toEqual([0, 3 / 12, 4 / 12, 5 / 12]);
    expect(cell.meanFrac).toEqual([NaN, 3 / 12 / (1 / 3), 4 / 12 / (1 / 3), 5 / 12 / (1 / 3)]);
    // all right of the nucleus's centroid (x = 2): one wedge per ring
    expect(cell.radialCV).toEqual([NaN, 0, 0, 0]);
  });

  it('an object entirely covered by centre objects: every value empty', () => {
    const [r] = strip([0, 1, 1, 0], [0, 2, 2, 0], [0, 5, 5, 0], 2, 'edges');
    expect(r.fracAtD).toEqual([NaN, NaN]);
  });
});

describe('radialDistribution against the NumPy/SciPy reference', () => {
  const ref = JSON.parse(readFileSync(referencePath('measure', 'radial_distribution_centres.json'), 'utf8')) as {
    bins: number;
    cases: {
      labels: string;
      from: RadialCentres['from'];
      objects: { label: number; frac_at_d: (number | null)[]; mean_frac: (number | null)[]; radial_cv: (number | null)[] }[];
    }[];
  };
  const nucleiNpy = readNpy(referencePath('segment', 'cells_nuclei.npy'));
  const nuclei = nucleiNpy.data as Uint16Array;
  const tubulin = readNpy(referencePath('segment', 'cells_tubulin.npy')).data as Uint16Array;
  const [height, width] = nucleiNpy.shape;
  const near = (a: number, b: number | null) => (b === null ? Number.isNaN(a) : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)));

  for (const c of ref.cases) {
    it(`${c.labels} from the nuclei's ${c.from} (two-channel NEUBIAS crop, tubulin)`, () => {
      const dir = c.labels.startsWith('cells_') ? 'segment' : 'measure';
      const labels = readNpy(referencePath(dir, c.labels)).data as Uint16Array;
      const ours = radialDistribution(labels, tubulin, width, height, ref.bins, { labels: nuclei, from: c.from });
      expect(ours.map((o) => o.label)).toEqual(c.objects.map((o) => o.label));
      const off: string[] = [];
      ours.forEach((o, i) => {
        const r = c.objects[i];
        for (let k = 0; k < ref.bins; k++) {
          if (!near(o.fracAtD[k], r.frac_at_d[k]) || !near(o.meanFrac[k], r.mean_frac[k]) || !near(o.radialCV[k], r.radial_cv[k])) off.push(`label ${o.label} ring ${k + 1}`);
        }
      });
      expect(off).toEqual([]);
    });
  }
});
