import { describe, expect, test } from 'vitest';
import { nodeRegistry } from '../../../nodes/index';
import { createImage, createLabels, labelsFromRows, type Image } from '../../core/image';
import type { PortValue } from '../../core/node';
import { testContext } from '../../testing/context';
import { makePreview } from './previews';
import type { NodePreview } from './protocol';
import { MAX_LINES } from './series-plot';

/** A 3×1 stack of `planes` planes whose pixel x has value (x + 1) × 10 + plane. */
function ramp(planes: number): Image {
  const data = new Float32Array(3 * planes);
  for (let p = 0; p < planes; p++) for (let x = 0; x < 3; x++) data[p * 3 + x] = (x + 1) * 10 + p;
  return createImage({ width: 3, height: 1, planes }, 'float32', data);
}

/** Runs a registered node and makes its preview, as the engine does. */
function preview(type: string, inputs: Record<string, PortValue>, params: Record<string, unknown> = {}): NodePreview {
  const def = nodeRegistry.get(type)!;
  const outputs = def.run(inputs as never, def.params.parse(params), testContext()) as Record<string, PortValue>;
  return makePreview({ key: 'k', def, outputs, inputs });
}

const plotOf = (p: NodePreview) => (p.outputs.table as { plot?: unknown }).plot as { x: number[]; yLabel: string; series: { name: string; y: number[] }[]; omitted: number };

describe('line plots of series over planes in table previews', () => {
  test('measure-over-planes: one line per object of its mean intensity, plane by plane', () => {
    const plot = plotOf(preview('measure-over-planes', { labels: labelsFromRows([[1, 2, 2]]), image: ramp(4) }));
    expect(plot.x).toEqual([0, 1, 2, 3]);
    expect(plot.yLabel).toBe('mean_intensity');
    expect(plot.series).toEqual([
      { name: 'object 1', y: [10, 11, 12, 13] },
      { name: 'object 2', y: [25, 26, 27, 28] },
    ]);
  });

  test('pixel-series: the mean over pixels and the first pixels, with those not drawn counted', () => {
    const plot = plotOf(preview('pixel-series', { image: ramp(3) }));
    expect(plot.x).toEqual([0, 1, 2]);
    expect(plot.series[0]).toEqual({ name: 'mean of 3 rows', y: [20, 21, 22] });
    expect(plot.series[1]).toEqual({ name: 'pixel (0, 0)', y: [10, 11, 12] });
    expect(plot.series).toHaveLength(4);
    expect(plot.omitted).toBe(0);

    const wide = createImage({ width: 40, height: 1, planes: 2 }, 'float32');
    const many = plotOf(preview('pixel-series', { image: wide }));
    expect(many.series).toHaveLength(MAX_LINES);
    expect(many.omitted).toBe(40 - (MAX_LINES - 1));
  });

  test('focus-score: the score of each plane', () => {
    const stack = createImage({ width: 8, height: 8, planes: 3 }, 'float32');
    stack.data.set([0, 50, 0, 50], 64); // only plane 1 has detail
    const plot = plotOf(preview('focus-score', { image: stack }));
    expect(plot.x).toEqual([0, 1, 2]);
    expect(plot.yLabel).toBe('focus_score');
    const [scores] = plot.series;
    expect(scores.y[1]).toBeGreaterThan(scores.y[0]);
    expect(scores.y[0]).toBe(scores.y[2]);
  });

  test('a table that is not a series over planes gets no plot', () => {
    // measure-objects on a stack: each object lives in one plane, so there is no series to draw
    const labels = createLabels({ width: 3, height: 1, planes: 2 }, Uint32Array.from([1, 0, 2, 3, 3, 0]));
    const perPlane = preview('measure-objects', { labels, image: ramp(2) });
    expect(perPlane.outputs.table).toMatchObject({ kind: 'table' });
    expect('plot' in perPlane.outputs.table).toBe(false);
    const p = preview('measure-image', { image: ramp(1) });
    expect(p.outputs.table).toMatchObject({ kind: 'table' });
    expect('plot' in p.outputs.table).toBe(false);
  });
});
