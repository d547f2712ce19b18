import { describe, expect, it } from 'vitest';
import { fakeRegistry } from '../testing/fake-nodes';
import { pipelineJSONSchema } from './json-schema';

describe('pipelineJSONSchema', () => {
  it('describes the file format and each node type with its params, defaults and ranges', () => {
    const schema = pipelineJSONSchema(fakeRegistry) as { properties: Record<string, any> };
    expect(schema.properties.format).toMatchObject({ const: 'cellgraph-pipeline' });
    const variants = schema.properties.nodes.items.oneOf ?? schema.properties.nodes.items.anyOf;
    const add = variants.find((v: any) => v.properties.type.const === 'fake-add');
    expect(add.properties.params.properties.amount).toMatchObject({ type: 'number', minimum: -100, maximum: 100, default: 1 });
    expect(add.properties.params.additionalProperties).toBe(false);
    expect(add.required).toEqual(expect.arrayContaining(['id', 'type']));
  });
});
