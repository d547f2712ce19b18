import { z } from 'zod';
import { copyMeta, createImage, slice2d, type Image } from '../../src/core/image';
import { defineNode, port } from '../../src/core/node';
import { colorDeconvolution as deconvolve } from '../../src/imaging/color-deconvolution';

function channel(image: Image, c: number, name: string): Image {
  const n = image.width * image.height;
  const data = new Float32Array(n * image.planes);
  for (let p = 0; p < image.planes; p++) data.set(slice2d(image, p, c), p * n);
  const meta = copyMeta(image.meta);
  meta.extra.stain = name;
  return createImage({ width: image.width, height: image.height, planes: image.planes }, 'float32', data, meta);
}

export const colorDeconvolution = defineNode({
  type: 'color-deconvolution',
  version: 1,
  category: 'Preprocess',
  label: 'Colour deconvolution (H&E/DAB)',
  aliases: ['UnmixColors', 'Colour Deconvolution'],
  description:
    'Separates a bright-field RGB image of stained tissue into the amount of each stain: haematoxylin (nuclei, ' +
    'blue), eosin (cytoplasm, pink) and DAB (brown, immunohistochemistry). Beer–Lambert: each RGB value is scaled ' +
    'to 0–1 (uint8 ÷ 255, uint16 ÷ 65535; float images must already be 0–1), clipped below at 10⁻⁶, turned into an optical density log(v)/log(10⁻⁶), ' +
    'and unmixed with the inverse of Ruifrok & Johnston\'s stain matrix; negative amounts become 0. Same values as ' +
    'skimage.color.rgb2hed (0.19). Outputs are 32-bit float stain amounts (0 = no stain; 1 ≈ fully absorbing); ' +
    'threshold the DAB output to measure the DAB-positive area. The image must have 3 channels (or 4 with alpha, ignored).',
  inputs: { image: port.image() },
  outputs: {
    hematoxylin: port.image({ label: 'Haematoxylin' }),
    eosin: port.image({ label: 'Eosin' }),
    dab: port.image({ label: 'DAB' }),
  },
  params: z.object({}),
  run: ({ image }) => {
    const hed = deconvolve(image);
    return { hematoxylin: channel(hed, 0, 'hematoxylin'), eosin: channel(hed, 1, 'eosin'), dab: channel(hed, 2, 'DAB') };
  },
});
