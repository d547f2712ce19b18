// Column assembly for measure-objects: which measurements, in which order, with which names and units.
import type { Image, Labels } from '../../src/core/image';
import type { ColumnInput } from '../../src/core/table';
import { INTENSITY_BASICS, INTENSITY_DISTRIBUTION, intensityBasics, intensityDistribution } from '../../src/imaging/regionprops/intensity-distribution';
import { objectPixels, type ObjectPixels } from '../../src/imaging/regionprops/object-pixels';
import { shapeExtra } from '../../src/imaging/regionprops/shape-extra';
import { zernikeFeatures } from '../../src/imaging/regionprops/zernike';
import { slice2d } from '../../src/core/image';
import type { RegionPropName, RegionProps } from '../../src/imaging/regionprops';

/** The basic pixel columns (before the intensity ones), in table order, with their units. */
export const SHAPE_COLUMNS: [RegionPropName, string | undefined][] = [
  ['label', undefined], ['area', 'px²'], ['centroid_x', 'px'], ['centroid_y', 'px'],
  ['bbox_min_x', 'px'], ['bbox_min_y', 'px'], ['bbox_max_x', 'px'], ['bbox_max_y', 'px'],
  ['perimeter', 'px'], ['eccentricity', undefined], ['solidity', undefined], ['orientation', 'rad'],
  ['major_axis_length', 'px'], ['minor_axis_length', 'px'], ['equivalent_diameter', 'px'],
];

export const EXTRA_SHAPE_COLUMNS = [
  'area_convex', 'form_factor', 'compactness', 'extent', 'euler_number', 'feret_diameter_max', 'feret_diameter_min',
] as const;

const col = (name: string, values: Float64Array, unit?: string): ColumnInput => (unit ? { name, values, unit } : { name, values });

/** area_convex … feret_diameter_min, from regionProps' area, perimeter and convex area plus shapeExtra. */
export function extraShapeColumns(props: RegionProps, objects: ObjectPixels, width: number): ColumnInput[] {
  const c = props.columns;
  const extra = shapeExtra(width, objects);
  const formFactor = Float64Array.from(c.area, (a, i) => (4 * Math.PI * a) / (c.perimeter[i] * c.perimeter[i]));
  return [
    col('area_convex', c.area_convex, 'px²'),
    col('form_factor', formFactor),
    col('compactness', Float64Array.from(formFactor, (f) => 1 / f)),
    col('extent', extra.extent),
    col('euler_number', extra.euler_number),
    col('feret_diameter_max', extra.feret_diameter_max, 'px'),
    col('feret_diameter_min', extra.feret_diameter_min, 'px'),
  ];
}

/** zernike_0_0 … zernike_<degree>_<degree>, dimensionless, in centrosome's (n, m) order. */
export function zernikeColumns(objects: ObjectPixels, width: number, degree: number): ColumnInput[] {
  const { indexes, values } = zernikeFeatures(width, objects, degree);
  return indexes.map(([n, m], f) => col(`zernike_${n}_${m}`, values[f]));
}

export interface IntensitySource {
  /** Column suffix ('' for the single-channel case: the original names). */
  suffix: string;
  values: ArrayLike<number>;
}

/** One source per channel of each image, named from `names` (comma-separated) or c1, c2, … */
export function intensitySources(images: Image[], names: string): IntensitySource[] {
  const planes = images.flatMap((img) => Array.from({ length: img.channels }, (_, ch) => slice2d(img, 0, ch)));
  if (planes.length === 1) return [{ suffix: '', values: planes[0] }];
  const given = names.split(',').map((s) => s.trim()).filter(Boolean);
  return planes.map((values, i) => ({
    suffix: `_${(given[i] ?? `c${i + 1}`).replace(/[^A-Za-z0-9]+/g, '_')}`,
    values,
  }));
}

export function intensityColumns(
  sources: IntensitySource[], props: RegionProps, objects: () => ObjectPixels, distribution: boolean,
): ColumnInput[] {
  const out: ColumnInput[] = [];
  for (const source of sources) {
    // single channel: regionProps' own intensity columns (what measure-objects always wrote)
    const basics = source.suffix === '' ? props.columns : intensityBasics(source.values, objects());
    for (const name of INTENSITY_BASICS) out.push(col(name + source.suffix, basics[name]));
    if (distribution) {
      const dist = intensityDistribution(source.values, objects());
      for (const name of INTENSITY_DISTRIBUTION) out.push(col(name + source.suffix, dist[name]));
    }
  }
  return out;
}

/** Lazily grouped object pixels, shared by the extra shape and intensity columns. */
export function lazyObjects(labels: Labels): () => ObjectPixels {
  let cached: ObjectPixels | undefined;
  return () => (cached ??= objectPixels(labels.data));
}
