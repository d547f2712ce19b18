// The nuclei-declump steps and the extended measurements on the real 512×512 uint16 DSB2018 image.
// `npx vitest bench --run bench/declump.bench.ts`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { measureObjects } from '../nodes/measure/measure-objects';
import { measureTexture } from '../nodes/measure/measure-texture';
import { measureRadialDistribution } from '../nodes/measure/measure-radial-distribution';
import { overlayOutlines } from '../nodes/export/overlay-outlines';
import { findMaxima } from '../nodes/segment/find-maxima';
import { createLabels, createMask, type Image } from '../src/core/image';
import { declump } from '../src/imaging/declump';
import { distanceTransformEdt } from '../src/imaging/distance-transform';
import { fillHoles } from '../src/imaging/fill-holes';
import { gaussian } from '../src/imaging/gaussian';
import { labelComponents } from '../src/imaging/label';
import { peakLocalMax } from '../src/imaging/peak-local-max';
import { applyThreshold, autoThreshold } from '../src/imaging/threshold';
import { watershed } from '../src/imaging/watershed';
import { decodeImageFile } from '../src/io/decode';
import { testContext } from '../src/testing/context';
import { IMAGES } from '../src/testing/paths';

const image = decodeImageFile(new Uint8Array(readFileSync(join(IMAGES, 'dsb2018_512_uint16.tif'))), 'x.tif', { maxPixels: 2 ** 28 });
const { width, height } = image;
const blurred = gaussian(image, 2);
const mask = fillHoles(createMask(image, applyThreshold(blurred.data, autoThreshold('otsu', blurred.data), 'bright')));
const comps = labelComponents(mask, 8).data;
const distance = distanceTransformEdt(mask.data, width, height);
const peaks = peakLocalMax(distance, width, height, { minDistance: 6, labels: comps });
const markers = new Uint32Array(width * height);
peaks.forEach((p, k) => (markers[p] = k + 1));
const negated = Float64Array.from(distance, (d) => -d);
const options = { method: 'shape', minDistance: 0, footprint: 'square', h: 0, connectivity: 8 } as const;
const labels = createLabels(image, declump(mask.data, width, height, options).labels);

describe('nuclei-declump steps, dsb2018_512_uint16.tif (512×512)', () => {
  bench('distance transform (EDT)', () => void distanceTransformEdt(mask.data, width, height));
  bench('peak_local_max per object, min_distance 6', () => void peakLocalMax(distance, width, height, { minDistance: 6, labels: comps }));
  bench('peak_local_max per object, min_distance 40', () => void peakLocalMax(distance, width, height, { minDistance: 40, labels: comps }));
  bench('watershed from markers, 8-connected', () => void watershed(negated, markers, width, height, { mask: mask.data, connectivity: 2 }));
  bench('declump (automatic min_distance)', () => void declump(mask.data, width, height, options));
  bench('find-maxima, prominence 15 (216 maxima)', () => {
    findMaxima.run({ image }, findMaxima.params.parse({ prominence: 15 }), testContext());
  });
  bench('find-maxima, distance 6 (882 maxima)', () => {
    findMaxima.run({ image }, findMaxima.params.parse({ method: 'distance', min_distance: 6, threshold: 25 }), testContext());
  });
  bench('measure-objects, more shape + intensity distribution', () => {
    measureObjects.run({ labels, image: image as Image }, measureObjects.params.parse({ more_shape: true, intensity_distribution: true }), testContext());
  });
  bench('measure-objects, Zernike shape features (degree 9)', () => {
    measureObjects.run({ labels, image: image as Image }, measureObjects.params.parse({ zernike: true }), testContext());
  });
  bench('measure-texture, 8 levels, 4 angles', () => {
    measureTexture.run({ labels, image: image as Image }, measureTexture.params.parse({}), testContext());
  });
  bench('measure-radial-distribution, 4 rings', () => {
    measureRadialDistribution.run({ labels, image: image as Image }, measureRadialDistribution.params.parse({}), testContext());
  });
  bench('overlay-outlines (auto contrast, inner)', () => {
    overlayOutlines.run({ labels, image: image as Image }, overlayOutlines.params.parse({}), testContext());
  });
});
