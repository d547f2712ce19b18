import { z } from 'zod';
import { requireSameSize } from '../../src/core/errors';
import { copyMeta, createLabels } from '../../src/core/image';
import { defineNode, port } from '../../src/core/node';

export const tertiaryObjects = defineNode({
  type: 'tertiary-objects',
  version: 1,
  category: 'Segment',
  label: 'Cytoplasm (cell minus nucleus)',
  aliases: ['IdentifyTertiaryObjects'],
  description:
    'The part of each larger object outside the smaller ones, e.g. cytoplasm = cell minus nucleus ' +
    '(CellProfiler IdentifyTertiaryObjects, without its optional 1-pixel shrinking): a pixel keeps its cell ' +
    'label when no nucleus covers it, and becomes background where any nucleus does. Labels are not ' +
    'renumbered, so cytoplasm 7 belongs to cell 7 (and nucleus 7 when the cells came from ' +
    'secondary-objects); a cell entirely covered by nuclei has no cytoplasm and its label is missing.',
  inputs: {
    cells: port.labels({ label: 'Larger objects (cells)' }),
    nuclei: port.labels({ label: 'Smaller objects (nuclei)' }),
  },
  outputs: { cytoplasm: port.labels({ label: 'Cytoplasm' }) },
  params: z.object({}),
  run: ({ cells, nuclei }) => {
    requireSameSize('tertiary-objects', ['cells', cells], ['nuclei', nuclei]);
    const data = new Uint32Array(cells.data.length);
    for (let i = 0; i < data.length; i++) data[i] = nuclei.data[i] ? 0 : cells.data[i];
    const { width, height, planes } = cells;
    return { cytoplasm: createLabels({ width, height, planes }, data, cells.count, copyMeta(cells.meta)) };
  },
});
