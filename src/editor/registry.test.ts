// The palette's search: a user coming from CellProfiler or Fiji types the module or command they know
// and finds the node that does it (issue 4: "a CellProfiler user finds the modules they rely on").
import { describe, expect, test } from 'vitest';
import { nodeRegistry } from '../../nodes/index';
import { paletteGroups, searchNodes } from './registry';

/** Module or command → the node type it should find (among the results). */
const KNOWN: [string, string][] = [
  ['IdentifyPrimaryObjects', 'watershed-declump'],
  ['IdentifyPrimaryObjects', 'threshold'],
  ['IdentifyPrimaryObjects', 'label'],
  ['IdentifySecondaryObjects', 'secondary-objects'],
  ['IdentifyTertiaryObjects', 'tertiary-objects'],
  ['MeasureObjectSizeShape', 'measure-objects'],
  ['MeasureObjectIntensity', 'measure-objects'],
  ['MeasureTexture', 'measure-texture'],
  ['MeasureGranularity', 'measure-granularity'],
  ['MeasureObjectIntensityDistribution', 'measure-radial-distribution'],
  ['MeasureObjectNeighbors', 'measure-neighbors'],
  ['MeasureColocalization', 'measure-colocalization'],
  ['MeasureImageQuality', 'measure-image-quality'],
  ['MeasureImageAreaOccupied', 'measure-area-fraction'],
  ['MeasureImageIntensity', 'measure-image'],
  ['MeasureImageOverlap', 'measure-overlap'],
  ['MeasureObjectOverlap', 'measure-overlap'],
  ['RelateObjects', 'relate-objects'],
  ['ConvertImageToObjects', 'image-to-objects'],
  ['FilterObjects', 'filter-objects'],
  ['ExpandOrShrinkObjects', 'expand-labels'],
  ['ExpandOrShrinkObjects', 'shrink-labels'],
  ['CorrectIlluminationCalculate', 'illumination-estimate'],
  ['CorrectIlluminationApply', 'illumination-apply'],
  ['Smooth', 'gaussian-blur'],
  ['ImageMath', 'image-math'],
  ['ColorToGray', 'to-gray'],
  ['ColorToGray', 'split-channels'],
  ['GrayToColor', 'merge-channels'],
  ['UnmixColors', 'color-deconvolution'],
  ['MaskImage', 'mask-image'],
  ['OverlayOutlines', 'overlay-outlines'],
  ['SaveImages', 'save-image'],
  ['ExportToSpreadsheet', 'export-table'],
  ['CalculateMath', 'calculate-math'],
  ['ClassifyObjects', 'calculate-math'],
  ['ClassifyObjects', 'classify-objects'],
  ['EnhanceOrSuppressFeatures', 'white-tophat'],
  ['RescaleIntensity', 'rescale-intensity'],
  ['MakeProjection', 'project'],
  ['TrackObjects', 'track-objects'],
  ['Morph', 'grey-morphology'],
  ['NamesAndTypes', 'load-image'],
  ['Metadata', 'metadata-from-filename'],
  // Fiji / ImageJ
  ['Subtract Background', 'rolling-ball'],
  ['Analyze Particles', 'measure-objects'],
  ['Auto Threshold', 'threshold'],
  ['Auto Local Threshold', 'local-threshold'],
  ['Convert to Mask', 'threshold'],
  ['Find Maxima', 'find-maxima'],
  ['Find Maxima', 'watershed-declump'],
  ['peak_local_max', 'find-maxima'],
  ['Distance Map', 'distance-transform'],
  ['Z Project', 'project'],
  ['Image Calculator', 'image-math'],
  ['Enhance Contrast', 'rescale-intensity'],
  ['Colour Deconvolution', 'color-deconvolution'],
  ['Stack Focuser', 'focus-stack'],
  ['Make Substack', 'select-planes'],
  ['Coloc 2', 'measure-colocalization'],
];

describe('the palette search', () => {
  test.each(KNOWN)('"%s" finds %s', (query, type) => {
    expect(searchNodes(nodeRegistry, query).map((d) => d.type)).toContain(type);
    expect(searchNodes(nodeRegistry, query.toLowerCase()).map((d) => d.type)).toContain(type);
  });

  test('puts label matches first, and finds nothing for nonsense', () => {
    expect(searchNodes(nodeRegistry, 'gauss')[0].type).toBe('gaussian-blur');
    expect(searchNodes(nodeRegistry, 'xyzzy')).toEqual([]);
    expect(paletteGroups(nodeRegistry, '').flatMap((g) => g.defs)).toHaveLength(nodeRegistry.size);
  });

  test('every alias is a non-empty name, not repeated within its node', () => {
    for (const def of nodeRegistry.values()) {
      const aliases = def.aliases ?? [];
      expect(aliases.every((a) => a.trim() === a && a.length > 0), def.type).toBe(true);
      expect(new Set(aliases).size, def.type).toBe(aliases.length);
    }
  });
});
