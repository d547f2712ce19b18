import { z } from 'zod';
import { defineNode, port } from '../../src/core/node';

export const OUTPUT_NAME = z
  .string()
  .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}$/, 'use letters, digits, _ . - (a file name without folders)');

export const exportTable = defineNode({
  type: 'export-table',
  version: 1,
  category: 'Export',
  label: 'Export table',
  aliases: ['ExportToSpreadsheet', 'Save Results'],
  description:
    'Writes the table to a CSV file. Running a batch (`cellgraph run … --out DIR`), the rows of every ' +
    'image go into one file, DIR/<name>.csv, in the order the images were given, with a first column ' +
    '`image` holding the input file name. Numbers are written in full precision (shortest form that ' +
    'reads back exactly); empty cells are values that do not exist (e.g. physical units without a pixel size). ' +
    'In the editor, the table can be downloaded as the same CSV.',
  inputs: { table: port.table() },
  outputs: { table: port.table() },
  params: z.object({
    name: OUTPUT_NAME.default('table').meta({ label: 'File name', description: 'The CSV is written as <name>.csv in the output folder.' }),
  }),
  sink: 'table',
  run: ({ table }) => ({ table }),
});
