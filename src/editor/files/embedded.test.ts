import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { imageFromRows, type Provenance } from '../../core/image';
import { encodeRasterFile } from '../../io/embedded-provenance';
import { tableProvenanceText } from '../../io/table-provenance';
import { embeddedPipelineOf, sortDroppedFiles } from './embedded';

const pipeline = JSON.parse(readFileSync(new URL('../../../pipelines/z-projection.json', import.meta.url), 'utf8')) as unknown;
const provenance: Provenance = { cellgraph: '0.1.0', pipeline: 'Z projection', steps: [{ id: 'load', type: 'load-image', version: 1, params: {} }], inputs: [{ name: 'z.tif', hash: 'ab' }] };

function exported(format: 'tiff' | 'png', withPipeline = true): Uint8Array {
  const image = imageFromRows([[1, 2], [3, 4]], 'uint16');
  image.meta.provenance = provenance;
  return encodeRasterFile(image, format, withPipeline ? pipeline : undefined);
}

/** A dropped file: a name and bytes read on demand, as a File gives them. */
const file = (name: string, bytes: Uint8Array) => ({ name, arrayBuffer: async () => bytes.slice().buffer as ArrayBuffer });

describe('files dropped on the editor', () => {
  test('an exported TIFF or PNG holding its pipeline reopens it; other images are images, handed on as given', async () => {
    const plain = file('sample.tif', new Uint8Array(readFileSync(new URL('../../../test-data/images/dsb2018_256_uint8.tif', import.meta.url))));
    const tiff = file('projection_z.tif', exported('tiff'));
    const sorted = await sortDroppedFiles([plain, tiff]);
    expect(sorted.images).toEqual([plain]);
    expect(sorted.images[0]).toBe(plain);
    expect(sorted.pipeline?.name).toBe('projection_z.tif');
    expect(sorted.pipeline?.embedded.pipeline).toEqual(pipeline);
    expect(sorted.pipeline?.embedded.document.provenance).toEqual(provenance);

    const png = await sortDroppedFiles([file('p.png', exported('png'))]);
    expect(png.pipeline?.embedded.pipeline).toEqual(pipeline);
  });

  test('a file cellgraph saved without the pipeline is just an image', async () => {
    const sorted = await sortDroppedFiles([file('old.tif', exported('tiff', false))]);
    expect(sorted.pipeline).toBeUndefined();
    expect(sorted.images.map((f) => f.name)).toEqual(['old.tif']);
  });

  test("a table's .provenance.json sidecar reopens its pipeline; a pipeline file is left to open as one", () => {
    const text = (s: string) => new TextEncoder().encode(s);
    const sidecar = tableProvenanceText('nuclei', [{ image: 'z.tif', provenance }], pipeline);
    expect(embeddedPipelineOf({ name: 'nuclei.provenance.json', bytes: text(sidecar) })?.pipeline).toEqual(pipeline);
    expect(embeddedPipelineOf({ name: 'z-projection.json', bytes: text(JSON.stringify(pipeline)) })).toBeUndefined();
  });
});
