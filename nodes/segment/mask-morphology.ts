// What erode, dilate, open and close share: the footprint params, its description and the per-plane run.
// Each of the four nodes keeps its own file (type, label, what it does to objects, border rule).
import { z } from 'zod';
import { defineNode, port } from '../../src/core/node';
import { morphology2d, type MorphologyOp } from '../../src/imaging/morphology';
import { mapMaskPlanes } from '../../src/imaging/planes';

const FOOTPRINT =
  'Footprint: "disk" = every (dx, dy) with dx² + dy² ≤ radius² (skimage.morphology.disk; radius 1 = the 5-pixel cross), ' +
  '"square" = the (2·radius + 1)² square (skimage.morphology.square).';

export interface MaskMorphologySpec {
  type: 'erode' | 'dilate' | 'open' | 'close';
  label: string;
  /** The same operation's names in CellProfiler and Fiji. */
  aliases: string[];
  /** What the operation does to the user's objects. */
  effect: string;
  /** How pixels beyond the image border count. */
  border: string;
  /** The scikit-image function it equals. */
  skimage: string;
}

export function maskMorphologyNode({ type, label, aliases, effect, border, skimage }: MaskMorphologySpec) {
  const op: MorphologyOp = type;
  return defineNode({
    type,
    version: 1,
    category: 'Segment',
    label,
    aliases,
    description:
      `${effect} ${FOOTPRINT} ${border} Same result as skimage.morphology.${skimage}(mask, footprint). ` +
      'Each plane of a stack on its own. For grey images use Grey morphology.',
    inputs: { mask: port.mask() },
    outputs: { mask: port.mask() },
    params: z.object({
      shape: z.enum(['disk', 'square']).default('disk').meta({ label: 'Footprint', description: 'Disk or square neighbourhood.' }),
      radius: z.number().int().min(1).max(100).default(1).meta({ label: 'Radius', unit: 'px', description: "Radius of the disk, or half the square's side." }),
    }),
    run: ({ mask }, { shape, radius }) => ({
      mask: mapMaskPlanes(mask, (plane, width, height) => morphology2d(op, plane, width, height, shape, radius) as Uint8Array),
    }),
  });
}
