import { z } from 'zod';
import { UserError } from '../../src/core/errors';
import { copyMeta, type Column, type Table } from '../../src/core/image';
import { defineNode, port } from '../../src/core/node';
import { matchRowsByLabel, requireNumberColumn } from '../../src/core/table';

const OPERATIONS = {
  add: (x: number, y: number) => x + y,
  subtract: (x: number, y: number) => x - y,
  multiply: (x: number, y: number) => x * y,
  divide: (x: number, y: number) => (y === 0 ? NaN : x / y),
  // classification: 1 or 0, empty when either side is (NaN compares false, so it is caught first)
  greater: (x: number, y: number) => (x !== x || y !== y ? NaN : x > y ? 1 : 0),
  'greater-or-equal': (x: number, y: number) => (x !== x || y !== y ? NaN : x >= y ? 1 : 0),
} as const;

const numeric = (table: Table, param: 'a' | 'b', name: string, which: string) =>
  requireNumberColumn(table, name, `calculate-math: param '${param}'`, `table ${which}`);

export const calculateMath = defineNode({
  type: 'calculate-math',
  version: 1,
  category: 'Measure',
  label: 'Calculate math',
  aliases: ['CalculateMath', 'ClassifyObjects'],
  description: [
    'Adds a column computed from two measurements (CellProfiler CalculateMath): e.g. the ratio of nuclear to ' +
      'cytoplasmic intensity for a translocation assay, or intensity per area.',
    'Result = A <operation> B, row by row, where A is a number column of table A and B is a number column of ' +
      'table B when one is connected, of table A otherwise, or the Constant when B is left empty. Division by ' +
      'zero gives an empty value (NaN), as in CellProfiler; an empty operand gives an empty result.',
    'With table B connected, rows are matched by object label (and by plane when both tables have a plane ' +
      'column), so connect tables measured on objects that share numbers: nuclei, their cells and cytoplasm ' +
      '(secondary- and tertiary-objects keep the nucleus\'s number). An object of A missing from B gets an empty ' +
      'value. Two per-image tables of one row each (e.g. from summarize) are matched to each other.',
    'greater / greater-or-equal classify objects (CellProfiler ClassifyObjects with one threshold): 1 where ' +
      'A > B (A >= B), else 0, e.g. pH3-positive nuclei as mean_intensity_pH3 greater than a Constant. The mean ' +
      'of that column from summarize is then the positive fraction of each image (the mitotic index).',
    'The output is table A with the result added as its last column, named as given.',
  ].join('\n'),
  inputs: {
    a: port.table({ label: 'Table A' }),
    b: port.table({ label: 'Table B', optional: true, description: 'Optional: a second table whose column B is used, matched by label' }),
  },
  outputs: { table: port.table() },
  params: z.object({
    a: z.string().default('mean_intensity').meta({ label: 'Column A', description: 'A number column of table A.', columnsFrom: ['a'] }),
    operation: z.enum(['divide', 'multiply', 'add', 'subtract', 'greater', 'greater-or-equal']).default('divide').meta({ label: 'Operation' }),
    b: z.string().default('').meta({ label: 'Column B', description: 'A number column of table B if connected, else of table A; empty: use Constant.', columnsFrom: ['b', 'a'] }),
    constant: z.number().default(1).meta({ label: 'Constant', description: 'B when Column B is empty.', shownWhen: { b: [''] } }),
    name: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'letters, digits and _, not starting with a digit')
      .default('result')
      .meta({ label: 'Result name', description: 'Name of the new column.' }),
  }),
  run: ({ a, b }, params) => {
    if (a.columns.some((c) => c.name === params.name)) {
      throw new UserError(`calculate-math: table A already has a column '${params.name}': choose another Result name`);
    }
    const x = numeric(a, 'a', params.a, 'A');
    let y: (row: number) => number;
    if (!params.b) {
      y = () => params.constant;
    } else if (b) {
      const yb = numeric(b, 'b', params.b, 'B');
      const match = matchRowsByLabel(a, b, 'calculate-math', 'table B');
      y = (row) => (match[row] < 0 ? NaN : yb[match[row]]);
    } else {
      const ya = numeric(a, 'b', params.b, 'A');
      y = (row) => ya[row];
    }
    const op = OPERATIONS[params.operation];
    const result = Float64Array.from({ length: a.rows }, (_, row) => op(x[row], y(row)));
    const added: Column = { name: params.name, type: 'number', values: result };
    return { table: { kind: 'table', rows: a.rows, columns: [...a.columns, added], meta: copyMeta(a.meta) } };
  },
});
