import { z } from 'zod';
import { defineNode, port } from '../../src/core/node';
import { sobelImage } from '../../src/imaging/sobel';

export const sobel = defineNode({
  type: 'sobel',
  version: 1,
  category: 'Preprocess',
  label: 'Sobel edges',
  aliases: ['EnhanceEdges', 'Find Edges'],
  description:
    'Edge strength: the gradient magnitude √((Gx² + Gy²) / 2) with the 3 × 3 Sobel kernels, each normalised by 4 ' +
    '([1 0 −1] across the edge, [1 2 1]/4 along it), as skimage.filters.sobel (0.19). The border is mirrored ' +
    "(mode 'reflect') and no border pixel is zeroed. Integer images are first scaled to 0–1 (uint8 ÷ 255, uint16 " +
    '÷ 65535) as skimage does; float images are used as they are. Output 32-bit float; each 2-D plane and channel ' +
    'on its own.',
  inputs: { image: port.image() },
  outputs: { image: port.image() },
  params: z.object({}),
  run: ({ image }) => ({ image: sobelImage(image) }),
});
