// Provenance in exported files: written by encodeRasterFile, read back by readEmbeddedPipeline from
// TIFF, PNG and the CSV sidecar; foreign and damaged files give one clear line.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UserError } from '../core/errors';
import { createImage, createLabels, type Image, type Provenance } from '../core/image';
import { imagePath } from '../testing/paths';
import { decodeImageFile } from './decode';
import { encodeRasterFile, readEmbeddedPipeline } from './embedded-provenance';
import { encodePng } from './png';
import { parseImageJDescription } from './tiff-meta';
import { readText, readTiffFile } from './tiff-ifd';
import { encodeTiff } from './tiff-encode';
import { readTableProvenance, tableProvenanceText } from './table-provenance';
import { MICRON } from './units';

const provenance: Provenance = {
  cellgraph: '0.1.0',
  pipeline: 'Spots µ test',
  steps: [
    { id: 'load', type: 'load-image', version: 1, params: { channels: 'keep' } },
    { id: 'blur', type: 'gaussian-blur', version: 1, params: { sigma: 1.5, note: 'σ = 1.5 µm, "quoted"\nnext' } },
  ],
  inputs: [{ name: 'spots_µ.tif', hash: 'ab'.repeat(32) }],
};
const pipeline = { format: 'cellgraph-pipeline', version: 1, name: 'Spots µ test', nodes: [{ id: 'load', type: 'load-image', params: {} }], edges: [] };

function hyperstack(): Image {
  const data = Uint16Array.from({ length: 5 * 4 * 3 * 2 }, (_, i) => i * 1000);
  return createImage({ width: 5, height: 4, planes: 3, channels: 2 }, 'uint16', data, {
    source: 'spots.tif', pixelSize: { x: 0.0941, y: 0.0941, z: 0.5, unit: MICRON }, extra: { planeAxis: 'z' }, provenance,
  });
}

const decode = (bytes: Uint8Array, name: string) => decodeImageFile(bytes, name, { maxPixels: 2 ** 28 });
const errorOf = (fn: () => unknown): Error => {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected an error');
};

describe('TIFF: provenance as a line of the ImageJ header', () => {
  const bytes = encodeRasterFile(hyperstack(), 'tiff', pipeline);

  it('reads back the provenance and the pipeline exactly, non-ASCII and newlines included', () => {
    const embedded = readEmbeddedPipeline(bytes, 'out.tif');
    expect(embedded.pipeline).toEqual(pipeline);
    expect(embedded.document.provenance).toEqual(provenance);
  });

  it('keeps the header an ASCII ImageJ hyperstack header: same layout, pixel size and spacing as without it', () => {
    const file = readTiffFile(bytes);
    const description = readText(file, file.dirs[0], 270)!;
    expect(/^[\x20-\x7e\n]*$/.test(description)).toBe(true);
    const ij = parseImageJDescription(description)!;
    expect(ij).toMatchObject({ ImageJ: '1.11a', images: '6', channels: '2', slices: '3', hyperstack: 'true', unit: 'micron', spacing: '0.5' });
    // every line is one key=value pair with one '=' (tifffile drops lines with more)
    for (const line of description.trimEnd().split('\n')) expect(line).toMatch(/^[\w.]+=[^=]*$/);
    const plain = decode(encodeTiff(hyperstack()), 'spots.tif');
    const withProvenance = decode(bytes, 'spots.tif');
    expect({ ...withProvenance, meta: undefined }).toEqual({ ...plain, meta: undefined });
    expect(withProvenance.meta.pixelSize).toEqual(plain.meta.pixelSize);
    expect(withProvenance.meta.extra).toEqual(plain.meta.extra);
  });

  it('writes the same bytes twice (nothing run-dependent is embedded)', () => {
    expect(Buffer.from(encodeRasterFile(hyperstack(), 'tiff', pipeline)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('is written for labels too, and not at all for a raster without provenance', () => {
    const labels = createLabels({ width: 2, height: 1 }, Uint32Array.from([0, 3]));
    expect(errorOf(() => readEmbeddedPipeline(encodeRasterFile(labels, 'tiff', pipeline), 'l.tif')).message).toBe(
      "l.tif holds no cellgraph pipeline (the TIFF has an ImageJ header without cellgraph provenance): use a TIFF saved by cellgraph's save-image",
    );
    labels.meta.provenance = provenance;
    expect(readEmbeddedPipeline(encodeRasterFile(labels, 'tiff', pipeline), 'l.tif').document.provenance).toEqual(provenance);
  });

  it('says when the provenance is there but the pipeline is not', () => {
    expect(errorOf(() => readEmbeddedPipeline(encodeRasterFile(hyperstack(), 'tiff'), 'p.tif')).message).toBe(
      'p.tif records its provenance but not the pipeline that made it',
    );
  });
});

describe('PNG: provenance in a tEXt chunk with keyword cellgraph', () => {
  const image = createImage({ width: 3, height: 2 }, 'uint8', Uint8Array.from([0, 1, 2, 3, 4, 255]), { extra: {}, provenance });

  it('reads back the provenance and the pipeline; the pixels are unchanged', () => {
    const bytes = encodeRasterFile(image, 'png', pipeline);
    const embedded = readEmbeddedPipeline(bytes, 'out.png');
    expect(embedded.pipeline).toEqual(pipeline);
    expect(embedded.document.provenance).toEqual(provenance);
    expect(Array.from(decode(bytes, 'out.png').data)).toEqual([0, 1, 2, 3, 4, 255]);
  });

  it('also reads an iTXt chunk (UTF-8 text, as other tools write it)', () => {
    const plain = encodePng(image);
    const text = new TextEncoder().encode(JSON.stringify({ format: 'cellgraph-provenance', version: 1, provenance, pipeline }));
    const keyword = new TextEncoder().encode('cellgraph');
    // keyword NUL, compression flag 0, method 0, language NUL, translated keyword NUL, text
    const data = new Uint8Array([...keyword, 0, 0, 0, 0, 0, ...text]);
    const chunk = new Uint8Array(12 + data.length);
    new DataView(chunk.buffer).setUint32(0, data.length);
    chunk.set(new TextEncoder().encode('iTXt'), 4);
    chunk.set(data, 8); // the CRC is left 0: provenance reading does not need it
    const iend = plain.length - 12;
    const bytes = new Uint8Array([...plain.subarray(0, iend), ...chunk, ...plain.subarray(iend)]);
    expect(readEmbeddedPipeline(bytes, 'itxt.png').document.provenance).toEqual(provenance);
  });

  it('a PNG without the chunk: one line', () => {
    expect(errorOf(() => readEmbeddedPipeline(encodePng(image), 'plain.png')).message).toBe(
      "plain.png holds no cellgraph pipeline (the PNG has no 'cellgraph' text chunk): use a PNG saved by cellgraph's save-image",
    );
  });
});

describe('foreign and damaged files', () => {
  it('an OME-TIFF from a microscope', () => {
    const err = errorOf(() => readEmbeddedPipeline(new Uint8Array(readFileSync(imagePath('xyz_16bit__spots.ome.tif'))), 'spots.ome.tif'));
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toBe(
      "spots.ome.tif holds no cellgraph pipeline (the TIFF has an OME-XML header, not one cellgraph writes): use a TIFF saved by cellgraph's save-image",
    );
  });

  it('a file that is no image', () => {
    expect(errorOf(() => readEmbeddedPipeline(new TextEncoder().encode('hello'), 'notes.txt')).message).toBe(
      'notes.txt is not a TIFF, PNG or .provenance.json file, so it holds no cellgraph pipeline',
    );
  });

  it('a damaged provenance line (a byte of its JSON overwritten)', () => {
    const bytes = encodeRasterFile(hyperstack(), 'tiff', pipeline);
    const at = Buffer.from(bytes).indexOf('"steps"');
    bytes[at] = 0x21; // '!': no longer JSON
    const err = errorOf(() => readEmbeddedPipeline(bytes, 'bad.tif'));
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toBe('bad.tif: the embedded cellgraph provenance is damaged (not a readable JSON document)');
  });

  it('a provenance document with a wrong field', () => {
    const broken = { ...provenance, steps: [{ id: 'x', type: 'y', version: 'one', params: {} }] } as unknown as Provenance;
    const image = createImage({ width: 1, height: 1 }, 'uint8', undefined, { extra: {}, provenance: broken });
    expect(errorOf(() => readEmbeddedPipeline(encodeRasterFile(image, 'png', pipeline), 'bad.png')).message).toMatch(
      /^bad\.png: the embedded cellgraph provenance is damaged: provenance\.steps\.0\.version: /,
    );
  });
});

describe('CSV sidecar <name>.provenance.json', () => {
  const other: Provenance = { ...provenance, inputs: [{ name: 'b.tif', hash: 'cd'.repeat(32) }] };
  const text = tableProvenanceText('nuclei.csv', [{ image: 'a.tif', provenance }, { image: 'b.tif', provenance: other }], pipeline);

  it('lists the steps once and each image with its input files and hashes', () => {
    const json = JSON.parse(text);
    expect(json).toMatchObject({ format: 'cellgraph-table-provenance', version: 1, table: 'nuclei.csv', cellgraph: '0.1.0', steps: provenance.steps });
    expect(json.images).toEqual([
      { image: 'a.tif', inputs: provenance.inputs },
      { image: 'b.tif', inputs: other.inputs },
    ]);
  });

  it('is read back as a provenance document with the pipeline, by readEmbeddedPipeline too', () => {
    const doc = readTableProvenance(text, 'nuclei.provenance.json');
    expect(doc.provenance.inputs).toEqual([...provenance.inputs, ...other.inputs]);
    expect(readEmbeddedPipeline(new TextEncoder().encode(text), 'nuclei.provenance.json').pipeline).toEqual(pipeline);
  });

  it('some other JSON file: one line', () => {
    expect(errorOf(() => readEmbeddedPipeline(new TextEncoder().encode('{"a": 1}'), 'package.json')).message).toBe(
      'package.json is not a cellgraph provenance file (no "format": "cellgraph-table-provenance")',
    );
  });
});
