// Picking planes of a stack by number: "0, 3-5, 16" → planes 0, 3, 4, 5, 16 (0-based, ranges
// inclusive), in the order written, as numpy's a[[0, 3, 4, 5, 16]].
import { copyMeta, createImage, slice2d, type Image } from '../core/image';
import { UserError } from '../core/errors';

/** Longest spec accepted: a plane list is short; this keeps a pasted blob from allocating much. */
const MAX_SPEC_LENGTH = 10_000;

/**
 * The plane numbers a spec names. `what` starts every error message (e.g. "select-planes: param
 * 'planes'"), so the user knows which field to fix.
 */
export function parsePlaneList(spec: string, planeCount: number, what: string): number[] {
  if (spec.length > MAX_SPEC_LENGTH) throw new UserError(`${what} is longer than ${MAX_SPEC_LENGTH} characters`);
  const parts = spec.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (parts.length === 0) throw new UserError(`${what} is empty: give plane numbers such as "0, 3-5"`);
  const out: number[] = [];
  for (const part of parts) {
    const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(part);
    if (!m) throw new UserError(`${what}: '${part}' is not a plane number or a range like 3-5`);
    const first = Number(m[1]);
    const last = m[2] === undefined ? first : Number(m[2]);
    if (last < first) throw new UserError(`${what}: range '${part}' ends before it starts`);
    if (last >= planeCount) {
      throw new UserError(
        `${what}: plane ${last} does not exist (the image has ${planeCount} plane${planeCount === 1 ? '' : 's'}, numbered 0 to ${planeCount - 1})`,
      );
    }
    for (let p = first; p <= last; p++) out.push(p);
  }
  return out;
}

/** A stack of the given planes (every channel of each), in the order given. */
export function selectPlanes(image: Image, planeNumbers: readonly number[]): Image {
  const { width, height, channels } = image;
  const n = width * height;
  const out = createImage({ width, height, planes: planeNumbers.length, channels }, image.dtype, undefined, copyMeta(image.meta));
  planeNumbers.forEach((p, i) => {
    for (let c = 0; c < channels; c++) out.data.set(slice2d(image, p, c), (i * channels + c) * n);
  });
  return out;
}
