// Connected-component labelling, as skimage.measure.label(mask, connectivity=1|2, background=0) on
// each 2-D plane: 4-connectivity joins edge neighbours only, 8-connectivity also diagonal ones.
// Objects are numbered 1..n in raster order of their first pixel (top row first, left to right);
// planes are labelled one after another and numbering continues across them, so every label is
// unique in the stack. Two passes with a union-find over provisional labels (typed arrays only).
import { copyMeta, createLabels, type Labels, type Mask } from '../core/image';

export type Connectivity = 4 | 8;

export function labelComponents(mask: Mask, connectivity: Connectivity): Labels {
  const { width, height, planes } = mask;
  const n = width * height;
  const out = new Uint32Array(n * planes);
  // a new provisional label starts only at a pixel with no foreground W/N neighbour: at most n/2 + 1
  const parent = new Uint32Array((n >> 1) + 2);
  let count = 0;
  for (let p = 0; p < planes; p++) {
    const src = mask.data.subarray(p * n, (p + 1) * n);
    const dst = out.subarray(p * n, (p + 1) * n);
    count = labelPlane(src, dst, width, height, connectivity === 8, parent, count);
  }
  return createLabels({ width, height, planes }, out, count, copyMeta(mask.meta));
}

function find(parent: Uint32Array, x: number): number {
  while (parent[x] !== x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}

/** Joins the sets of a and b; the smaller label is the root, so a set's root is its first label. */
function union(parent: Uint32Array, a: number, b: number): number {
  const ra = find(parent, a);
  const rb = find(parent, b);
  if (ra < rb) {
    parent[rb] = ra;
    return ra;
  }
  parent[ra] = rb;
  return rb;
}

/** Labels one plane into dst with final labels offset + 1.., returns the new running count. */
function labelPlane(
  src: Uint8Array,
  dst: Uint32Array,
  width: number,
  height: number,
  diagonal: boolean,
  parent: Uint32Array,
  offset: number,
): number {
  let next = 0;
  const join = (label: number, neighbour: number) =>
    neighbour === 0 ? label : label === 0 ? find(parent, neighbour) : union(parent, label, neighbour);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const i = row + x;
      if (src[i] === 0) continue;
      let label = 0;
      if (x > 0) label = join(label, dst[i - 1]);
      if (y > 0) {
        label = join(label, dst[i - width]);
        if (diagonal) {
          if (x > 0) label = join(label, dst[i - width - 1]);
          if (x < width - 1) label = join(label, dst[i - width + 1]);
        }
      }
      if (label === 0) {
        label = ++next;
        parent[label] = label;
      }
      dst[i] = label;
    }
  }
  // provisional labels were created in raster order and every set's root is its smallest label, so
  // numbering the roots in label order numbers the objects in raster order of their first pixel
  for (let l = 1; l <= next; l++) parent[l] = find(parent, l);
  let count = offset;
  // parent[l] is now l's root (<= l), whose entry already holds the root's final label
  for (let l = 1; l <= next; l++) parent[l] = parent[l] === l ? ++count : parent[parent[l]];
  for (let i = 0; i < dst.length; i++) if (dst[i] !== 0) dst[i] = parent[dst[i]];
  return count;
}
