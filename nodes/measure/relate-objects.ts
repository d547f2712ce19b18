import { z } from 'zod';
import { requireSameSize, UserError } from '../../src/core/errors';
import { copyMeta, type Table } from '../../src/core/image';
import { defineNode, port } from '../../src/core/node';
import { createTable, type ColumnInput } from '../../src/core/table';

/** For each child label present: the parent label it overlaps most (0: none), ties to the lower label. */
export function relateLabels(children: ArrayLike<number>, parents: ArrayLike<number>): { child: number[]; parent: number[]; overlap: number[] } {
  const counts = new Map<number, Map<number, number>>();
  for (let i = 0; i < children.length; i++) {
    const c = children[i];
    if (!c) continue;
    let m = counts.get(c);
    if (!m) counts.set(c, (m = new Map()));
    const p = parents[i];
    if (p) m.set(p, (m.get(p) ?? 0) + 1);
  }
  const child = Array.from(counts.keys()).sort((a, b) => a - b);
  const parent: number[] = [];
  const overlap: number[] = [];
  for (const c of child) {
    let best = 0;
    let bestCount = 0;
    for (const [p, n] of counts.get(c)!) if (n > bestCount || (n === bestCount && p < best)) (best = p), (bestCount = n);
    parent.push(best);
    overlap.push(bestCount);
  }
  return { child, parent, overlap };
}

/**
 * Per-parent means of the children's measurements: for each numeric column of `measurements` other
 * than label and plane, `mean_<column>` over the rows of the children related to each parent (NaN cells
 * skipped; NaN when a parent has no child with a value). Rows are matched to children by `label`.
 */
export function parentMeans(measurements: Table, childLabels: number[], childParents: number[], parentLabels: number[]): ColumnInput[] {
  const labelColumn = measurements.columns.find((c) => c.name === 'label');
  if (!labelColumn || labelColumn.type !== 'number') {
    throw new UserError(`relate-objects: the child measurements have no numeric 'label' column (columns: ${measurements.columns.map((c) => c.name).join(', ')})`);
  }
  const parentOf = new Map(childLabels.map((c, i) => [c, childParents[i]]));
  const rowParent = Array.from(labelColumn.values, (label) => {
    const parent = parentOf.get(label);
    if (parent === undefined) {
      throw new UserError(`relate-objects: the child measurements have a row for label ${label}, which is not an object of the children image: connect the table measured on the same children`);
    }
    return parent;
  });
  const index = new Map(parentLabels.map((p, i) => [p, i]));
  const out: ColumnInput[] = [];
  for (const c of measurements.columns) {
    if (c.type !== 'number' || c.name === 'label' || c.name === 'plane') continue;
    const sum = new Float64Array(parentLabels.length);
    const count = new Float64Array(parentLabels.length);
    c.values.forEach((v, row) => {
      const at = index.get(rowParent[row]);
      if (at === undefined || v !== v) return;
      sum[at] += v;
      count[at] += 1;
    });
    out.push({ name: `mean_${c.name}`, values: sum.map((s, i) => (count[i] ? s / count[i] : NaN)), ...(c.unit ? { unit: c.unit } : {}) });
  }
  return out;
}

export const relateObjects = defineNode({
  type: 'relate-objects',
  version: 1,
  category: 'Measure',
  label: 'Relate objects (parents and children)',
  aliases: ['RelateObjects'],
  description: [
    'Relates two sets of objects of the same image, e.g. spots (children) inside cells (parents), or ' +
      'nuclei inside cells (CellProfiler RelateObjects). Each child\'s parent is the parent label it ' +
      'shares the most pixels with (ties: the lower label); 0 when it overlaps no parent.',
    'Outputs two tables:',
    '- children: one row per child label present, ascending: label, parent (Parent_<parents>), ' +
      'overlap (pixels shared with that parent).',
    '- parents: one row per parent label present, ascending: label, children (Children_<children>_Count: ' +
      'how many children have it as their parent; 0 for none).',
    'Optional child measurements (a table measured on the same children, e.g. by measure-objects): the ' +
      'parents table then also gets, for each numeric column other than label and plane, mean_<column>: ' +
      'the mean over that parent\'s children (CellProfiler\'s Mean_<children>_<measurement>; missing values ' +
      'skipped; empty (NaN) for a parent without children). Rows are matched to children by their label; ' +
      'a row whose label is not among the children is an error. In a stack, a child measured in several ' +
      'planes counts once per plane.',
  ].join('\n'),
  inputs: {
    parents: port.labels({ label: 'Parents (e.g. cells)' }),
    children: port.labels({ label: 'Children (e.g. nuclei, spots)' }),
    measurements: port.table({
      label: 'Child measurements',
      description: "Optional: the children's measurements; adds each parent's mean of every column",
      optional: true,
    }),
  },
  outputs: {
    children: port.table({ label: 'Children' }),
    parents: port.table({ label: 'Parents' }),
  },
  params: z.object({}),
  run: ({ parents, children, measurements }) => {
    requireSameSize('relate-objects', ['parents', parents], ['children', children]);
    const rel = relateLabels(children.data, parents.data);
    const present = Array.from(new Set(parents.data)).filter((l) => l !== 0).sort((a, b) => a - b);
    const childCount = new Map<number, number>();
    for (const p of rel.parent) if (p) childCount.set(p, (childCount.get(p) ?? 0) + 1);
    return {
      children: createTable(
        [{ name: 'label', values: rel.child }, { name: 'parent', values: rel.parent }, { name: 'overlap', values: rel.overlap }],
        copyMeta(children.meta),
      ),
      parents: createTable(
        [
          { name: 'label', values: present },
          { name: 'children', values: present.map((p) => childCount.get(p) ?? 0) },
          ...(measurements ? parentMeans(measurements, rel.child, rel.parent, present) : []),
        ],
        copyMeta(parents.meta),
      ),
    };
  },
});
