import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { nodeRegistry } from '../../../nodes/index';
import { fieldsOf, niceStep, parseFieldInput } from './fields';

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
});
