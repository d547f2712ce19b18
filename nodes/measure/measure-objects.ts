import { z } from 'zod';
import { copyMeta, type Image, type Labels, type PixelSize } from '../../src/core/image';
import { UserError } from '../../src/core/errors';
import { defineNode, port } from '../../src/core/node';
import { createTable, stackPlaneTables, type ColumnInput } from '../../src/core/table';
import { micronsPerUnit } from '../../src/imaging/image-stats';
import { imagePlane, labelsPlane } from '../../src/imaging/planes';
import { regionProps, type RegionProps } from '../../src/imaging/regionprops';
import { extraShapeColumns, intensityColumns, intensitySources, lazyObjects, SHAPE_COLUMNS, zernikeColumns } from './object-columns';

/** x and y pixel sizes differing by more than this (relative) make lengths direction-dependent. */
const ISOTROPY_TOLERANCE = 1e-3;

interface PhysicalScale {
  x: number;
  y: number;
  /** Column-name suffix ('um') and the unit shown ('µm'). */
  suffix: string;
  unit: string;
}

/** The labels' pixel size, else the image's; converted to µm when the unit is a known length unit. */
export function physicalScale(size: PixelSize | undefined): PhysicalScale | undefined {
  if (!size || !(size.x > 0) || !(size.y > 0)) return undefined;
  const f = micronsPerUnit(size.unit);
  if (f !== undefined) return { x: size.x * f, y: size.y * f, suffix: 'um', unit: 'µm' };
  const suffix = size.unit.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  if (suffix === '' || ['pixel', 'pixels', 'px'].includes(suffix)) return undefined;
  return { x: size.x, y: size.y, suffix, unit: size.unit };
}

function physicalColumns(props: RegionProps, scale: PhysicalScale, extra: ColumnInput[]): ColumnInput[] {
  const c = props.columns;
  const { x, y, suffix, unit } = scale;
  const isotropic = Math.abs(x - y) <= ISOTROPY_TOLERANCE * Math.max(x, y);
  const length = isotropic ? Math.sqrt(x * y) : NaN;
  const map = (values: Float64Array, f: (v: number) => number) => Float64Array.from(values, f);
  const area = map(c.area, (a) => a * x * y);
  return [
    { name: `area_${suffix}2`, values: area, unit: `${unit}²` },
    { name: `perimeter_${suffix}`, values: map(c.perimeter, (v) => v * length), unit },
    { name: `centroid_x_${suffix}`, values: map(c.centroid_x, (v) => v * x), unit },
    { name: `centroid_y_${suffix}`, values: map(c.centroid_y, (v) => v * y), unit },
    { name: `major_axis_length_${suffix}`, values: map(c.major_axis_length, (v) => v * length), unit },
    { name: `minor_axis_length_${suffix}`, values: map(c.minor_axis_length, (v) => v * length), unit },
    { name: `equivalent_diameter_${suffix}`, values: map(area, (a) => Math.sqrt((4 * a) / Math.PI)), unit },
    ...extra.flatMap((column) => {
      if (column.name === 'area_convex') return [{ name: `area_convex_${suffix}2`, values: map(column.values as Float64Array, (a) => a * x * y), unit: `${unit}²` }];
      if (column.name.startsWith('feret_')) return [{ name: `${column.name}_${suffix}`, values: map(column.values as Float64Array, (v) => v * length), unit }];
      return [];
    }),
  ];
}

function shapeOf(r: Labels | Image): string {
  const channels = r.kind === 'image' ? `, ${r.channels} channel${r.channels === 1 ? '' : 's'}` : '';
  return `${r.width}×${r.height}, ${r.planes} plane${r.planes === 1 ? '' : 's'}${channels}`;
}

export const measureObjects = defineNode({
  type: 'measure-objects',
  version: 1,
  category: 'Measure',
  label: 'Measure objects',
  aliases: ['MeasureObjectSizeShape', 'MeasureObjectIntensity', 'Analyze Particles', 'Set Measurements'],
  description: [
    'Measures every object of a label image: one row per label present, in ascending label order. Each ' +
      'value is defined as scikit-image 0.19 `regionprops(labels, intensity_image)` defines it, and agrees ' +
      'with it to rounding. Conventions: x is the column and y the row, counted from 0 at the top-left ' +
      'pixel; pixel centres sit at integer coordinates (the top-left pixel spans −0.5…0.5); lengths are in ' +
      'pixels (px). CellProfiler names (MeasureObjectSizeShape / MeasureObjectIntensity) are given where ' +
      'they mean the same.',
    '',
    '- label: the object\'s label value.',
    '- area: number of pixels (AreaShape_Area).',
    '- centroid_x, centroid_y: mean column and row of its pixels (Location_Center_X/Y, AreaShape_Center_X/Y).',
    '- bbox_min_x, bbox_min_y, bbox_max_x, bbox_max_y: bounding box; min is the first column/row, max is ' +
      'one past the last (exclusive), so width = max − min (AreaShape_BoundingBoxMinimum_X/Y, ' +
      'AreaShape_BoundingBoxMaximum_X/Y).',
    '- perimeter: length of the object\'s outline, from its border pixels (those with a background pixel ' +
      'above, below, left or right; the image edge counts as background), each weighted by the pattern of ' +
      'border pixels around it: 1 along straight runs, √2 on diagonal steps, (1 + √2)/2 at corners, 0 at ' +
      'line ends (skimage `perimeter(image, 4)`, Benkrid & Crookes). A single pixel has perimeter 0 ' +
      '(AreaShape_Perimeter).',
    '- eccentricity: of the ellipse with the same second moments: 0 for a disk, towards 1 for a line ' +
      '(AreaShape_Eccentricity).',
    '- solidity: area / area of the convex hull image; 1 for convex objects, lower for ragged or ' +
      'C-shaped ones. The convex hull image holds the pixels whose centres lie inside or on the convex ' +
      'hull of the object\'s pixels, each pixel counted as the diamond of its four edge midpoints ' +
      '(skimage `convex_hull_image`, AreaShape_Solidity).',
    '- orientation: angle in radians between the row axis (pointing down) and the ellipse\'s major axis, ' +
      'counter-clockwise, from −π/2 to π/2 (π/2: a horizontal object). A disk gives π/4 (any angle is ' +
      'right); exactly diagonal objects get the sign of later scikit-image releases (skimage 0.19 flips ' +
      'it when both second moments are exactly equal). CellProfiler\'s AreaShape_Orientation is in degrees ' +
      'from the x axis: a different number.',
    '- major_axis_length, minor_axis_length: full axis lengths of the ellipse with the same second ' +
      'moments, 4·√eigenvalue of the inertia tensor (AreaShape_MajorAxisLength / MinorAxisLength). 0 for ' +
      'a single pixel; the minor axis of a 1-pixel-wide line is 0.',
    '- equivalent_diameter: diameter of the disk with the same area, √(4·area/π) ' +
      '(AreaShape_EquivalentDiameter).',
    '- mean_intensity, min_intensity, max_intensity: of the intensity image over the object\'s pixels ' +
      '(Intensity_MeanIntensity, Intensity_MinIntensity, Intensity_MaxIntensity).',
    '- integrated_intensity: sum of the intensity over the object\'s pixels (Intensity_IntegratedIntensity). ' +
      'Intensities are the raw sample values; CellProfiler rescales 8/16-bit images to 0–1, so its numbers ' +
      'are these divided by 255 or 65535.',
    '',
    'With "Intensity distribution" on, per channel (float64, NumPy definitions): std_intensity (population ' +
      'standard deviation, Intensity_StdIntensity), median_intensity (Intensity_MedianIntensity), ' +
      'lower_quartile_intensity and upper_quartile_intensity (np.percentile 25 and 75, linear ' +
      'interpolation; Intensity_LowerQuartileIntensity / UpperQuartileIntensity, which CellProfiler ' +
      'interpolates slightly differently), mad_intensity (median absolute deviation from the median, ' +
      'unscaled; Intensity_MADIntensity).',
    '',
    'Several channels: every channel of the intensity image, then of the second intensity image, gets its ' +
      'own set of intensity columns, suffixed with its name from Channel names (comma-separated, in that ' +
      'order; characters other than letters and digits become _) or c1, c2, …: e.g. mean_intensity_DNA. ' +
      'With a single channel in all, the columns keep their plain names (mean_intensity …).',
    '',
    'With "More shape measurements" on, after equivalent_diameter:',
    '- area_convex: pixels of the convex image described under solidity (AreaShape_ConvexArea; skimage area_convex).',
    '- form_factor: 4π·area / perimeter², 1 for a disk, lower for ragged outlines (AreaShape_FormFactor).',
    '- compactness: perimeter² / (4π·area) = 1 / form_factor (AreaShape_Compactness as CellProfiler documents it).',
    '- extent: area / bounding-box area (AreaShape_Extent; skimage extent).',
    '- euler_number: number of pieces minus number of holes, pieces 8-connected (AreaShape_EulerNumber; ' +
      'skimage euler_number).',
    '- feret_diameter_max: the largest caliper width, skimage 0.19\'s feret_diameter_max: the largest ' +
      'distance between the midpoints of the edges separating the convex image from the background ' +
      '(AreaShape_MaxFeretDiameter; CellProfiler measures between pixel centres, about 1 px less).',
    '- feret_diameter_min: the smallest caliper width of the same points over all directions ' +
      '(AreaShape_MinFeretDiameter, same remark).',
    'Their physical columns, with a pixel size: area_convex_um2, feret_diameter_max_um, feret_diameter_min_um.',
    '',
    'With "Zernike shape features" on, after equivalent_diameter and the more-shape columns (CellProfiler ' +
      'MeasureObjectSizeShape\'s "Calculate the Zernike features?", AreaShape_Zernike_n_m): zernike_n_m for ' +
      'n = 0 … Zernike degree and m = n mod 2, n mod 2 + 2, …, n, in that order: zernike_0_0, zernike_1_1, ' +
      'zernike_2_0, zernike_2_2, zernike_3_1 … (30 columns at degree 9, CellProfiler\'s fixed degree). ' +
      'Dimensionless. Each object is placed in its minimum enclosing circle (the smallest circle containing all ' +
      'its pixel centres; centre c, radius r in px); a pixel centre p becomes the point (p − c)/r of the unit ' +
      'disk, at distance ρ and angle θ from its centre; zernike_n_m = |Σ over the object\'s pixels of ' +
      'R_nm(ρ)·e^(imθ)| / (π r²), the modulus of the sum divided by the circle\'s area in pixels, with the ' +
      'Zernike radial polynomial R_nm(ρ) = Σ_k (−1)^k (n−k)! / (k! ((n+m)/2−k)! ((n−m)/2−k)!) ρ^(n−2k). A filled ' +
      'disk gives zernike_0_0 ≈ 1 and the others ≈ 0. The values do not change when the object moves, turns by ' +
      '90° or is mirrored (at other angles, up to pixelisation). A single-pixel object (r = 0) gets NaN, as in ' +
      'CellProfiler. Pixels exactly on the circle always count here; CellProfiler leaves out those that rounding ' +
      'puts a hair outside it, so its value for such an object can differ by up to 1/(π r²) per pixel left out.',
    '',
    'With a known pixel size (the labels\', else the intensity image\'s), physical columns follow: ' +
      'area_um2 = area·x·y; centroid_x_um = centroid_x·x and centroid_y_um = centroid_y·y (origin at the ' +
      'centre of the top-left pixel); perimeter_um, major_axis_length_um, minor_axis_length_um = the pixel ' +
      'length × the pixel size (√(x·y), which is x when x = y); equivalent_diameter_um = √(4·area_um2/π). Pixel sizes in nm, pm, Å, mm, cm or m ' +
      'are converted to µm; another unit gives columns named with it (e.g. area_inch2, unchanged values); ' +
      '"pixel" or no unit gives no physical columns. If the x and y pixel sizes differ by more than 0.1%, ' +
      'perimeter and axis lengths have no single scale and their physical columns are left empty; area, ' +
      'centroids and equivalent diameter stay exact.',
    '',
    'The intensity images must have the labels\' width, height and planes (any number of channels). ' +
      'A stack (z or time) is measured plane by plane, as 2-D objects: one row per object and plane, ordered ' +
      'by plane, with a `plane` column (0-based) after `label`.',
  ].join('\n'),
  inputs: {
    labels: port.labels(),
    image: port.image({ label: 'Intensity image' }),
    image2: port.image({ label: 'Second intensity image', optional: true, description: 'More channels to measure (e.g. from another file).' }),
  },
  outputs: { table: port.table() },
  params: z.object({
    channel_names: z
      .string()
      .default('')
      .meta({ label: 'Channel names', description: 'Comma-separated names of the intensity channels, used as column suffixes (default c1, c2, …).' }),
    more_shape: z
      .boolean()
      .default(false)
      .meta({ label: 'More shape measurements', description: 'Adds convex area, form factor, compactness, extent, Euler number and Feret diameters.' }),
    zernike: z
      .boolean()
      .default(false)
      .meta({ label: 'Zernike shape features', description: 'Adds the Zernike shape features zernike_n_m (CellProfiler AreaShape_Zernike_n_m) up to the Zernike degree.' }),
    zernike_degree: z
      .number()
      .int()
      .min(0)
      .max(20)
      .default(9)
      .meta({ label: 'Zernike degree', description: 'Highest order n of the Zernike features (9, as CellProfiler, gives 30 columns).', shownWhen: { zernike: [true] } }),
    intensity_distribution: z
      .boolean()
      .default(false)
      .meta({ label: 'Intensity distribution', description: 'Adds std, median, quartiles and MAD of the intensity per channel.' }),
  }),
  run: ({ labels, image, image2 }, params) => {
    const images = image2 ? [image, image2] : [image];
    for (const img of images) {
      if (img.width !== labels.width || img.height !== labels.height || img.planes !== labels.planes) {
        throw new UserError(
          `measure-objects: the intensity image (${shapeOf(img)}) must have the same width, ` +
            `height and planes as the labels (${shapeOf(labels)})`,
        );
      }
    }
    // more names than channels means the image is not the one the pipeline was made for (e.g. one channel
    // where two were expected): say so here rather than let later nodes miss the named columns
    const names = (params.channel_names ?? '').split(',').map((n) => n.trim()).filter(Boolean);
    const channels = images.reduce((n, img) => n + img.channels, 0);
    if (names.length > channels) {
      throw new UserError(
        `measure-objects: param 'channel_names' names ${names.length} channels (${names.join(', ')}) but the intensity ` +
          `image${images.length > 1 ? 's have' : ' has'} ${channels}`,
      );
    }
    const pixelSize = labels.meta.pixelSize ?? image.meta.pixelSize;
    const meta = copyMeta(labels.meta);
    if (!meta.pixelSize && pixelSize) meta.pixelSize = { ...pixelSize };
    if (labels.planes === 1) return { table: createTable(measurePlane(labels, images, params, pixelSize), meta) };
    // a stack: each plane measured on its own (label numbers are unique across planes), one row per
    // object and plane, with the plane number
    const tables = Array.from({ length: labels.planes }, (_, p) =>
      createTable(measurePlane(labelsPlane(labels, p), images.map((img) => imagePlane(img, p)), params, pixelSize)),
    );
    return { table: stackPlaneTables(tables, meta) };
  },
});

interface MeasureParams {
  channel_names?: string;
  more_shape?: boolean;
  zernike?: boolean;
  zernike_degree?: number;
  intensity_distribution?: boolean;
}

/** The columns of one 2-D plane of labels, measured in the intensity images' same plane. */
function measurePlane(labels: Labels, images: Image[], params: MeasureParams, pixelSize: PixelSize | undefined): ColumnInput[] {
  const sources = intensitySources(images, params.channel_names ?? '');
  const props = regionProps(labels.data, labels.width, labels.height, sources[0].values);
  const objects = lazyObjects(labels);
  const columns: ColumnInput[] = SHAPE_COLUMNS.map(([name, unit]) =>
    unit ? { name, values: props.columns[name], unit } : { name, values: props.columns[name] },
  );
  const extra = params.more_shape ? extraShapeColumns(props, objects(), labels.width) : [];
  const zernike = params.zernike ? zernikeColumns(objects(), labels.width, params.zernike_degree ?? 9) : [];
  columns.push(...extra, ...zernike, ...intensityColumns(sources, props, objects, params.intensity_distribution ?? false));
  const scale = physicalScale(pixelSize);
  if (scale) columns.push(...physicalColumns(props, scale, extra));
  return columns;
}
