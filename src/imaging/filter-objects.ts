// Keeps the objects whose area (pixel count, over all planes) lies in [minArea, maxArea] and numbers
// the kept ones 1..n in the order of their existing labels; the others become background (0).
import { copyMeta, createLabels, type Labels } from '../core/image';
import { UserError } from '../core/errors';

export function objectAreas(labels: Labels): Float64Array {
  let max = 0;
  for (let i = 0; i < labels.data.length; i++) if (labels.data[i] > max) max = labels.data[i];
  const areas = new Float64Array(max + 1);
  for (let i = 0; i < labels.data.length; i++) areas[labels.data[i]]++;
  return areas;
}

export function filterObjectsByArea(labels: Labels, minArea: number, maxArea: number): Labels {
  if (minArea > maxArea) throw new UserError(`min_area (${minArea}) is larger than max_area (${maxArea})`);
  const areas = objectAreas(labels);
  const remap = new Uint32Array(areas.length);
  let count = 0;
  for (let l = 1; l < areas.length; l++) {
    if (areas[l] > 0 && areas[l] >= minArea && areas[l] <= maxArea) remap[l] = ++count;
  }
  const data = new Uint32Array(labels.data.length);
  for (let i = 0; i < data.length; i++) data[i] = remap[labels.data[i]];
  const { width, height, planes } = labels;
  return createLabels({ width, height, planes }, data, count, copyMeta(labels.meta));
}
