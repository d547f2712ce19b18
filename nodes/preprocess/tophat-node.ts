// White and black top-hat differ only in which details they keep: one definition for both.
// Each node keeps its own file (type, label, what it keeps).
import { z } from 'zod';
import { defineNode, port } from '../../src/core/node';
import { tophatImage, type TophatKind } from '../../src/imaging/tophat';

export interface TophatSpec {
  kind: TophatKind;
  label: string;
  /** The same operation's names in CellProfiler and Fiji. */
  aliases: string[];
  /** What it keeps, how, and what it is for. */
  effect: string;
}

export function tophatNode({ kind, label, aliases, effect }: TophatSpec) {
  return defineNode({
    type: `${kind}-tophat`,
    version: 1,
    category: 'Preprocess',
    label,
    aliases,
    description:
      `${effect} The disk is every (dx, dy) with dx² + dy² ≤ radius² (skimage.morphology.disk); pick a radius ` +
      'larger than the objects to keep. Pixels beyond the border are ignored (same as skimage\'s reflect mode for a disk). ' +
      `Same result as skimage.morphology.${kind}_tophat(image, disk(radius)); the output keeps the pixel type and is never ` +
      'negative. Each 2-D plane and channel on its own.',
    inputs: { image: port.image() },
    outputs: { image: port.image() },
    params: z.object({
      radius: z
        .number()
        .int()
        .min(1)
        .max(100)
        .default(10)
        .meta({ label: 'Radius', unit: 'px', description: 'Radius of the disk; larger than the objects to keep.' }),
    }),
    run: ({ image }, { radius }) => ({ image: tophatImage(image, kind, radius) }),
  });
}
