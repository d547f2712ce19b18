import { z } from 'zod';
import { UserError } from '../../src/core/errors';
import { copyMeta, type Labels } from '../../src/core/image';
import { defineNode, port } from '../../src/core/node';
import { createTable, stackPlaneTables, type ColumnInput } from '../../src/core/table';
import { GLCM_PROPS, glcm, glcmOffset, glcmProps, quantize } from '../../src/imaging/glcm';
import { labelsPlane } from '../../src/imaging/planes';
import { objectPixels } from '../../src/imaging/regionprops/object-pixels';

/** Comma-separated numbers; names the param in the error. */
function numberList(text: string, param: string, ok: (v: number) => boolean): number[] {
  const values = text.split(',').map((s) => s.trim()).filter(Boolean).map(Number);
  if (values.length === 0 || values.some((v) => !Number.isFinite(v) || !ok(v))) {
    throw new UserError(`measure-texture: ${param} must be a comma-separated list of valid numbers, got '${text}'`);
  }
  return values;
}

export const measureTexture = defineNode({
  type: 'measure-texture',
  version: 1,
  category: 'Measure',
  label: 'Measure texture (Haralick)',
  aliases: ['MeasureTexture', 'GLCM', 'Haralick'],
  description: [
    'Haralick texture features of every object, from its grey-level co-occurrence matrix (GLCM), as ' +
      'skimage.feature.graycomatrix + graycoprops (scikit-image 0.19), restricted to the object: a pixel ' +
      'pair counts when both pixels belong to the object. One row per label, ascending.',
    'Grey levels: the intensity is cut into Levels equal bins between the image\'s minimum and maximum ' +
      '(level = floor((v − min) · levels / (max − min)), the maximum in the top level). Pairs: for each ' +
      'distance d (px) and angle θ (degrees), the second pixel is (round(d·sin θ), round(d·cos θ)) rows ' +
      'and columns away (0° to the right, 90° downwards, rounded half away from zero); symmetric: each ' +
      'pair also counts reversed. The matrix is normalised to sum 1 (P).',
    'Columns texture_<feature>_d<d> (the mean over the angles) or, with Average angles off, ' +
      'texture_<feature>_d<d>_a<θ>, features: contrast Σ P·(i−j)² (CellProfiler Texture_Contrast), ' +
      'dissimilarity Σ P·|i−j|, homogeneity Σ P/(1+(i−j)²) (≈ Texture_InverseDifferenceMoment), ASM ' +
      'Σ P² (Texture_AngularSecondMoment), energy √ASM, correlation Σ P·(i−μi)(j−μj)/(σi·σj) ' +
      '(Texture_Correlation; 1 when either σ is 0). An object with no pair (e.g. a single pixel) gets ' +
      'contrast 0, ASM 0 and correlation 1, as skimage gives for an empty matrix. CellProfiler scales ' +
      'the image to 256 levels by default: use Levels 256 to be close to it.',
    'A stack is binned once (minimum and maximum over all planes) and measured plane by plane, with a ' +
      '`plane` column (0-based) after `label`; pairs never cross planes.',
  ].join('\n'),
  inputs: { labels: port.labels(), image: port.image({ label: 'Intensity image' }) },
  outputs: { table: port.table() },
  params: z.object({
    levels: z.number().int().min(2).max(256).default(8).meta({ label: 'Levels', description: 'Number of grey levels the intensity is binned into.' }),
    distances: z.string().default('1').meta({ label: 'Distances', unit: 'px', description: 'Comma-separated pixel distances, e.g. 1, 3.' }),
    angles: z.string().default('0, 45, 90, 135').meta({ label: 'Angles', unit: '°', description: 'Comma-separated directions in degrees (0 = to the right, 90 = down).' }),
    average_angles: z.boolean().default(true).meta({ label: 'Average angles', description: 'One column per distance (mean over the angles) instead of one per angle.' }),
    symmetric: z.boolean().default(true).meta({ label: 'Symmetric', description: 'Count each pair in both orders.' }),
  }),
  run: ({ labels, image }, { levels, distances, angles, average_angles, symmetric }) => {
    if (labels.planes !== image.planes || image.channels !== 1 || image.width !== labels.width || image.height !== labels.height) {
      throw new UserError(
        `measure-texture: needs labels and a 1-channel image of the same size (labels ${labels.width}×${labels.height}×${labels.planes}, ` +
          `image ${image.width}×${image.height}×${image.planes}, ${image.channels} channels)`,
      );
    }
    const options: TextureOptions = {
      levels,
      distances: numberList(distances, 'distances', (v) => Number.isInteger(v) && v >= 1),
      angles: numberList(angles, 'angles', () => true),
      averageAngles: average_angles,
      symmetric,
    };
    let min = Infinity;
    let max = -Infinity;
    for (const v of image.data) if (v === v) (min = Math.min(min, v)), (max = Math.max(max, v));
    // one binning for the whole stack, so a grey level means the same in every plane
    const q = quantize(image.data, levels, min, max);
    if (labels.planes === 1) return { table: createTable(textureColumns(labels, q, options), copyMeta(labels.meta)) };
    const n = labels.width * labels.height;
    const tables = Array.from({ length: labels.planes }, (_, p) => createTable(textureColumns(labelsPlane(labels, p), q.subarray(p * n, (p + 1) * n), options)));
    return { table: stackPlaneTables(tables, copyMeta(labels.meta)) };
  },
});

interface TextureOptions {
  levels: number;
  distances: number[];
  angles: number[];
  averageAngles: boolean;
  symmetric: boolean;
}

/** The texture columns of the objects of one 2-D plane, from its quantised grey levels q. */
function textureColumns(labels: Labels, q: Uint16Array, { levels, distances: ds, angles: as, averageAngles, symmetric }: TextureOptions): ColumnInput[] {
  const { width, height } = labels;
  const objects = objectPixels(labels.data);
  const k = objects.present.length;
  const columns: ColumnInput[] = [{ name: 'label', values: Float64Array.from(objects.present) }];
  for (const d of ds) {
    const perAngle = as.map((deg) => {
      const offset = glcmOffset(d, (deg * Math.PI) / 180);
      return Array.from({ length: k }, (_, s) => {
        const label = objects.present[s];
        const pixels = objects.pixels.subarray(objects.start[s], objects.start[s + 1]);
        return glcmProps(glcm(q, width, height, levels, offset, symmetric, pixels, (p) => labels.data[p] === label), levels);
      });
    });
    for (const prop of GLCM_PROPS) {
      if (averageAngles) {
        const values = Float64Array.from({ length: k }, (_, s) => perAngle.reduce((sum, a) => sum + a[s][prop], 0) / as.length);
        columns.push({ name: `texture_${prop}_d${d}`, values });
      } else {
        as.forEach((deg, ai) => columns.push({ name: `texture_${prop}_d${d}_a${deg}`, values: Float64Array.from(perAngle[ai], (r) => r[prop]) }));
      }
    }
  }
  return columns;
}

