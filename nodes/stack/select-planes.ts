import { z } from 'zod';
import { defineNode, port } from '../../src/core/node';
import { parsePlaneList, selectPlanes as selectPlanesKernel } from '../../src/imaging/select-planes';

export const selectPlanes = defineNode({
  type: 'select-planes',
  version: 1,
  category: 'Stack',
  label: 'Select planes',
  aliases: ['Make Substack', 'Substack'],
  description:
    'Keeps some planes (z-slices or time points) of a stack and drops the rest. Planes are numbered from ' +
    '0 (the first plane is 0, not 1 as in ImageJ). Write single planes and inclusive ranges separated by ' +
    'commas: "0, 3-5, 16" keeps planes 0, 3, 4, 5 and 16. The output holds them in the order written ' +
    '(a plane written twice appears twice), with every channel, the data type and the pixel size unchanged.',
  inputs: { image: port.image() },
  outputs: { image: port.image() },
  params: z.object({
    planes: z
      .string()
      .default('0')
      .meta({
        label: 'Planes',
        description: '0-based plane numbers and inclusive ranges, comma-separated, e.g. "0, 3-5, 16".',
      }),
  }),
  run: ({ image }, { planes }) => ({
    image: selectPlanesKernel(image, parsePlaneList(planes, image.planes, "select-planes: param 'planes'")),
  }),
});
