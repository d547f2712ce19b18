// Tiny node types for testing the executor and validation without any image kernel.
import { z } from 'zod';
import { createImage, createMask, createLabels, type Image } from '../core/image';
import { createRegistry, defineNode, port } from '../core/node';

export const calls: Record<string, number> = {};
const count = (type: string) => (calls[type] = (calls[type] ?? 0) + 1);
export const resetCalls = () => Object.keys(calls).forEach((k) => delete calls[k]);

export const fakeSource = defineNode({
  type: 'fake-source', version: 1, category: 'Input', label: 'Source', description: 'Bytes of the file as a 1-row image.',
  readsSource: true, inputs: {}, outputs: { image: port.image() }, params: z.object({}),
  run: (_in, _p, ctx) => {
    count('fake-source');
    const bytes = ctx.source?.bytes ?? new Uint8Array([0]);
    return { image: createImage({ width: bytes.length, height: 1 }, 'uint8', bytes.slice()) };
  },
});

export const fakeAdd = defineNode({
  type: 'fake-add', version: 2, category: 'Preprocess', label: 'Add', description: 'Adds a constant.',
  inputs: { image: port.image() }, outputs: { image: port.image() },
  params: z.object({ amount: z.number().min(-100).max(100).default(1) }),
  migrations: { 1: (p) => ({ amount: p.value }) },
  run: ({ image }, { amount }) => {
    count('fake-add');
    const data = Float32Array.from(image.data, (v) => v + amount);
    return { image: createImage(image, 'float32', data) };
  },
});

export const fakeThreshold = defineNode({
  type: 'fake-threshold', version: 1, category: 'Threshold', label: 'Threshold', description: 'value > t.',
  inputs: { image: port.image() }, outputs: { mask: port.mask(), threshold: port.number() },
  params: z.object({ t: z.number().default(0), fail: z.boolean().default(false) }),
  run: ({ image }, { t, fail }) => {
    count('fake-threshold');
    if (fail) throw new Error('asked to fail');
    return { mask: createMask(image, Uint8Array.from(image.data, (v) => (v > t ? 1 : 0))), threshold: t };
  },
});

export const fakeLabel = defineNode({
  type: 'fake-label', version: 1, category: 'Segment', label: 'Label', description: 'Each pixel its own label.',
  inputs: { mask: port.mask(), extra: port.image({ optional: true }) }, outputs: { labels: port.labels() },
  params: z.object({}),
  run: ({ mask }) => {
    count('fake-label');
    let n = 0;
    return { labels: createLabels(mask, Uint32Array.from(mask.data, (v) => (v ? ++n : 0))) };
  },
});

export const fakeSlow = defineNode({
  type: 'fake-slow', version: 1, category: 'Preprocess', label: 'Slow', description: 'Waits.',
  inputs: { image: port.image() }, outputs: { image: port.image() }, params: z.object({ ms: z.number().default(50) }),
  run: async ({ image }: { image: Image }, { ms }) => {
    count('fake-slow');
    await new Promise((r) => setTimeout(r, ms));
    return { image };
  },
});

export const fakeRegistry = createRegistry([fakeSource, fakeAdd, fakeThreshold, fakeLabel, fakeSlow]);
