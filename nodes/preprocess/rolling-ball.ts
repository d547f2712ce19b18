import { z } from 'zod';
import { defineNode, port } from '../../src/core/node';
import { rollingBallImage } from '../../src/imaging/rolling-ball';

export const rollingBall = defineNode({
  type: 'rolling-ball',
  version: 1,
  category: 'Preprocess',
  label: 'Rolling-ball background',
  aliases: ['Subtract Background', 'CorrectIlluminationCalculate (background)'],
  description: [
    'Removes a smooth, uneven background (ImageJ\'s Process › Subtract Background, "rolling ball"). A ball of the ' +
      'given radius (pixels; intensity counts as height, one unit per pixel) rolls under the intensity surface; the ' +
      'background is the highest surface the ball reaches, i.e. a grey opening with the ball\'s height profile. ' +
      'Objects narrower than the ball are removed from the background and kept in the output. Choose a radius at ' +
      'least as large as the largest object.',
    'Outputs: Image = image − background (≥ 0), Background = the background itself, both 32-bit float in the ' +
      'input\'s units. With "Light background" the ball rolls over the top instead (for dark objects on a bright ' +
      'field); the output is then background − image, so the dark objects come out bright on 0 (ImageJ instead keeps ' +
      'the field white).',
    'Differences from ImageJ: no shrinking of the image for large radii and no 3 × 3 pre-smoothing (ImageJ\'s ' +
      '"disable smoothing"), so results can differ slightly from Fiji\'s; pixels beyond the border are ignored. ' +
      'skimage.restoration.rolling_ball returns only the first half of this (the apex height of the ball centred ' +
      'at each pixel), which sits lower next to bright objects. Each 2-D plane and channel on its own; cost grows ' +
      'linearly with the radius (about 0.5 s for 512 × 512 at radius 25, 1 s at radius 50, 6.5 s for a 2048 × 2048 frame at ' +
      'radius 25: for a quicker flat background on big images, a white top-hat).',
  ].join('\n'),
  inputs: { image: port.image() },
  outputs: { image: port.image(), background: port.image({ label: 'Background' }) },
  params: z.object({
    radius: z
      .number()
      .min(0.5)
      .max(100)
      .default(25)
      .meta({ label: 'Radius', unit: 'px', description: 'Radius of the ball; at least the radius of the largest object.' }),
    light: z
      .boolean()
      .default(false)
      .meta({ label: 'Light background', description: 'Dark objects on a bright background: the ball rolls over the top.' }),
  }),
  run: ({ image }, { radius, light }) => {
    const background = rollingBallImage(image, radius, light);
    const out = new Float32Array(image.data.length);
    for (let i = 0; i < out.length; i++) out[i] = light ? background.data[i] - image.data[i] : image.data[i] - background.data[i];
    return { image: { ...background, data: out, meta: { ...background.meta, extra: { ...background.meta.extra } } }, background };
  },
});
