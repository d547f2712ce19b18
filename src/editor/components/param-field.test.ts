// The param form as the page draws it (server-rendered, no browser): array params get one input
// per item with add and remove, objects a JSON box.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { EditorContext, type EditorServices } from '../hooks/context';
import { fieldsOf } from '../params/fields';
import { ParamField } from './ParamField';

function render(schema: z.ZodObject, values: Record<string, unknown>): string {
  const services = { store: {}, session: {}, registry: new Map() } as unknown as EditorServices;
  const shape = schema.shape as Record<string, z.ZodType>;
  const fields = fieldsOf(schema).map((field) => createElement(ParamField, { key: field.key, nodeId: 'n', field, schema: shape[field.key], value: values[field.key] }));
  return renderToStaticMarkup(createElement(EditorContext.Provider, { value: services }, ...fields));
}

describe('param forms for arrays and objects', () => {
  test('a list of channel names: one labelled input per item, a remove button each, and Add', () => {
    const html = render(z.object({ channel_names: z.array(z.string()).max(2).default([]).meta({ label: 'Channel names' }) }), { channel_names: ['DAPI', 'GFP'] });
    expect(html).toContain('aria-label="Channel names item 1" value="DAPI"');
    expect(html).toContain('aria-label="Channel names item 2" value="GFP"');
    expect(html).toContain('aria-label="Remove Channel names item 2"');
    // two items is the most this list takes
    expect(html).toMatch(/<button type="button" disabled="">Add<\/button>/);
  });

  test('a list of choices is a select per item; an object is JSON text', () => {
    const html = render(
      z.object({ stats: z.array(z.enum(['mean', 'median'])).default(['median']), weights: z.record(z.string(), z.number()).default({ a: 1 }) }),
      {},
    );
    expect(html).toMatch(/<select aria-label="Stats item 1"><option value="mean">mean<\/option><option value="median" selected="">median<\/option><\/select>/);
    expect(html).toContain('>{&quot;a&quot;:1}</textarea>');
  });
});
