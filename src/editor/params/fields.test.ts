import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { nodeRegistry } from '../../../nodes/index';
import { fieldShown, fieldsOf, listTexts, niceStep, parseFieldInput, parseJsonInput, parseListInput, type Field } from './fields';

describe('forms from param schemas', () => {
  test('every registered node type gets one field per param, with a label', () => {
    for (const def of nodeRegistry.values()) {
      const fields = fieldsOf(def.params);
      expect(fields.map((f) => f.key)).toEqual(Object.keys(def.params.shape));
      for (const f of fields) expect(f.label.length).toBeGreaterThan(0);
    }
  });

  test('numbers get ranges, units and (for bounded ranges) sliders; choices get selects', () => {
    const schema = z.object({
      sigma: z.number().positive().max(100).default(2).meta({ label: 'Sigma', unit: 'px', description: 'Spread.' }),
      area: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
      method: z.enum(['otsu', 'li']).default('otsu'),
      flag: z.boolean().default(false),
      name: z.string().optional(),
    });
    const [sigma, area, method, flag, name] = fieldsOf(schema);
    expect(sigma).toMatchObject({ kind: 'number', label: 'Sigma', unit: 'px', description: 'Spread.', min: 0, exclusiveMin: true, max: 100, slider: true, step: 0.5, default: 2 });
    expect(area).toMatchObject({ kind: 'number', label: 'Area', integer: true, step: 1, slider: false });
    expect(method).toMatchObject({ kind: 'select', options: [{ value: 'otsu' }, { value: 'li' }] });
    expect(flag).toMatchObject({ kind: 'boolean' });
    expect(name).toMatchObject({ kind: 'text', optional: true });
  });

  test('typed input is validated by the schema', () => {
    const schema = z.number().positive().max(100);
    const [field] = fieldsOf(z.object({ s: schema.default(2) }));
    expect(parseFieldInput(field, schema, ' 3.5 ')).toEqual({ value: 3.5 });
    expect(parseFieldInput(field, schema, 'abc')).toEqual({ error: "'abc' is not a number" });
    expect(parseFieldInput(field, schema, '')).toEqual({ error: 'enter a number' });
    expect(parseFieldInput(field, schema, '-1').error).toMatch(/>0/);
  });

  test('slider steps are 1, 2 or 5 times a power of ten', () => {
    expect([niceStep(0.5), niceStep(0.03), niceStep(7), niceStep(0)]).toEqual([0.5, 0.05, 10, 1]);
  });

  test('arrays of scalars get a list editor: items parsed, then the whole array checked by the schema', () => {
    const names = z.array(z.string().min(1)).default([]);
    const sizes = z.array(z.number().int().min(0)).min(1).max(3).default([1]);
    const methods = z.array(z.enum(['mean', 'median'])).optional();
    const [nameField, sizeField, methodField] = fieldsOf(z.object({ names, sizes, methods }));
    expect(nameField).toMatchObject({ kind: 'list', item: { kind: 'text' }, default: [] });
    expect(sizeField).toMatchObject({ kind: 'list', item: { kind: 'number', integer: true, min: 0 }, minItems: 1, maxItems: 3 });
    expect(methodField).toMatchObject({ kind: 'list', item: { kind: 'select', options: ['mean', 'median'] }, optional: true });
    const list = (f: Field) => f as Extract<Field, { kind: 'list' }>;

    expect(parseListInput(list(nameField), names, ['DAPI', 'GFP'])).toEqual({ value: ['DAPI', 'GFP'] });
    expect(parseListInput(list(nameField), names, ['DAPI', ''])).toEqual({ error: expect.stringMatching(/^item 2: /) });
    expect(parseListInput(list(sizeField), sizes, [' 3 ', '1e1'])).toEqual({ value: [3, 10] });
    expect(parseListInput(list(sizeField), sizes, ['3', 'x'])).toEqual({ error: "item 2: 'x' is not a number" });
    expect(parseListInput(list(sizeField), sizes, ['-1'])).toEqual({ error: expect.stringMatching(/^item 1: .*>=0/) });
    expect(parseListInput(list(sizeField), sizes, []).error).toMatch(/>=1/);
    expect(parseListInput(list(sizeField), sizes, ['1', '2', '3', '4']).error).toMatch(/<=3/);
    expect(parseListInput(list(methodField), methods, ['median'])).toEqual({ value: ['median'] });
    expect(parseListInput(list(methodField), methods, [])).toEqual({ value: undefined });
    expect(listTexts([1.5, 'a'])).toEqual(['1.5', 'a']);
  });

  test('objects, records and tuples are edited as JSON text, checked by the schema', () => {
    const weights = z.record(z.string(), z.number()).default({});
    const pair = z.tuple([z.number(), z.number()]).default([0, 0]);
    const [w, p] = fieldsOf(z.object({ weights, pair }));
    expect([w.kind, p.kind]).toEqual(['json', 'json']);
    expect(parseJsonInput(w, weights, '{"a": 2}')).toEqual({ value: { a: 2 } });
    expect(parseJsonInput(w, weights, '{"a": "x"}').error).toMatch(/^a: /);
    expect(parseJsonInput(p, pair, '[1, 2')).toEqual({ error: expect.stringMatching(/^not valid JSON/) });
  });

  test('params that name a column of an input table say which input (the editor suggests its columns)', () => {
    const fields = (type: string) => fieldsOf(nodeRegistry.get(type)!.params);
    expect(fields('calculate-math').filter((f) => f.columnsFrom).map((f) => [f.key, f.columnsFrom])).toEqual([['a', ['a']], ['b', ['b', 'a']]]);
    expect(fields('filter-objects').find((f) => f.key === 'measurement')?.columnsFrom).toEqual(['measurements']);
    expect(fields('summarize')[0]).toMatchObject({ key: 'columns', columnsFrom: ['table'], columnList: true });
    // every port named is an input of that node
    for (const def of nodeRegistry.values()) {
      for (const f of fieldsOf(def.params)) for (const port of f.columnsFrom ?? []) expect(Object.keys(def.inputs)).toContain(port);
    }
  });

  test('a param that matters only for some values of another is shown only then (an unset param counts as its default)', () => {
    const fields = fieldsOf(nodeRegistry.get('local-threshold')!.params);
    const shown = (params: Record<string, unknown>) => fields.filter((f) => fieldShown(f, params, fields)).map((f) => f.key);
    expect(shown({})).toEqual(['method', 'block', 'offset', 'objects', 'floor']);
    expect(shown({ method: 'sauvola' })).toEqual(['method', 'block', 'k', 'r', 'objects', 'floor']);
    expect(shown({ method: 'niblack' })).toEqual(['method', 'block', 'k', 'objects', 'floor']);
    const threshold = fieldsOf(nodeRegistry.get('threshold')!.params);
    const thresholdShown = (params: Record<string, unknown>) => threshold.filter((f) => fieldShown(f, params, threshold)).map((f) => f.key);
    expect(thresholdShown({ method: 'manual' })).toEqual(['method', 'objects', 'value']);
    expect(thresholdShown({})).toEqual(['method', 'objects', 'correction', 'lowerBound', 'upperBound']);
    const math = fieldsOf(nodeRegistry.get('calculate-math')!.params);
    expect(math.filter((f) => fieldShown(f, { b: 'area' }, math)).map((f) => f.key)).not.toContain('constant');
    expect(math.filter((f) => fieldShown(f, {}, math)).map((f) => f.key)).toContain('constant');
    // every shownWhen names a param of its node, with values that param can take
    for (const def of nodeRegistry.values()) {
      const all = fieldsOf(def.params);
      for (const f of all) {
        for (const [key, values] of Object.entries(f.shownWhen ?? {})) {
          expect(key, `${def.type}.${f.key}`).not.toBe(f.key);
          for (const v of values) expect(def.params.shape[key].safeParse(v).success, `${def.type}.${f.key}: ${key} = ${String(v)}`).toBe(true);
        }
      }
    }
  });
});
