import { z } from 'zod';
import { UserError } from '../../src/core/errors';
import { defineNode, port } from '../../src/core/node';
import { decodeImageFile } from '../../src/io/decode';
import { ROLE_PATTERN } from '../../src/io/paired-source';

export const loadPairedImage = defineNode({
  type: 'load-paired-image',
  version: 1,
  category: 'Input',
  label: 'Load paired image',
  aliases: ['NamesAndTypes (match by name)', 'LoadImages (second image)'],
  description: [
    'Loads the file that belongs with the image being run, by its Role: e.g. its hand-annotated ground truth ' +
      '(to score a segmentation with measure-overlap) or the labels Cellpose or StarDist made from it (to measure ' +
      'them with image-to-objects). The pairs come from the file names: on the command line `cellgraph run ' +
      'pipeline.json images/ --pair truth={stem}_mask.tif` pairs a.tif with a_mask.tif beside it as its truth ' +
      '(and does not run the mask files as images of their own); `--pair labels={stem}_cp_masks.png` pairs each ' +
      'image with the masks Cellpose saved for it. In the editor, Pair files in the Images panel pairs the ' +
      'listed files the same way.',
    'The file is decoded as Load image does (every TIFF kind, PNG, JPEG; pixel values as stored, so a label ' +
      'image keeps its numbers). An image without a file of that role fails with one line naming it; in a batch ' +
      'the others go on.',
  ].join('\n'),
  readsSource: true,
  inputs: {},
  outputs: { image: port.image() },
  params: z.object({
    role: z
      .string()
      .regex(ROLE_PATTERN, 'letters, digits, _ and -')
      .default('truth')
      .meta({ label: 'Role', description: 'Which paired file: the ROLE of --pair ROLE=TEMPLATE (e.g. truth, labels, mask).' }),
  }),
  run(_, { role }, ctx) {
    if (!ctx.source) throw new UserError('load-paired-image has no input file: run the pipeline on an image');
    const file = ctx.source.paired?.[role];
    if (!file) {
      const have = Object.keys(ctx.source.paired ?? {});
      throw new UserError(
        `load-paired-image: ${ctx.source.name} has no '${role}' file paired with it ` +
          (have.length ? `(it has: ${have.join(', ')})` : `(pair one with --pair ${role}={stem}_${role}.tif, or in the editor's Images panel)`),
      );
    }
    return { image: decodeImageFile(file.bytes, file.name, { maxPixels: ctx.maxPixels }) };
  },
});
