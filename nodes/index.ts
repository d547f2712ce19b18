// The node registry: a plain list of every node type. The editor's palette, the runner and
// `cellgraph nodes` all read it.
import { createRegistry, type AnyNodeDefinition } from '../src/core/node';
import { exportTable } from './export/export-table';
import { overlayOutlines } from './export/overlay-outlines';
import { saveImage } from './export/save-image';
import { bestFocusPlane } from './focus/best-focus-plane';
import { focusMap } from './focus/focus-map';
import { focusScore } from './focus/focus-score';
import { focusStack } from './focus/focus-stack';
import { inFocusMask } from './focus/in-focus-mask';
import { loadImage } from './input/load-image';
import { loadPairedImage } from './input/load-paired-image';
import { addMetadata } from './measure/add-metadata';
import { calculateMath } from './measure/calculate-math';
import { classifyObjects } from './measure/classify-objects';
import { joinTables } from './measure/join-tables';
import { measureAreaFraction } from './measure/measure-area-fraction';
import { measureColocalization } from './measure/measure-colocalization';
import { measureGranularity } from './measure/measure-granularity';
import { measureImage } from './measure/measure-image';
import { measureImageQuality } from './measure/measure-image-quality';
import { measureNeighbors } from './measure/measure-neighbors';
import { measureRadialDistribution } from './measure/measure-radial-distribution';
import { measureObjects } from './measure/measure-objects';
import { measureOverPlanes } from './measure/measure-over-planes';
import { measureOverlap } from './measure/measure-overlap';
import { measureTexture } from './measure/measure-texture';
import { metadataFromFilename } from './measure/metadata-from-filename';
import { pixelSeries } from './measure/pixel-series';
import { relateObjects } from './measure/relate-objects';
import { summarize } from './measure/summarize';
import { blackTophat } from './preprocess/black-tophat';
import { colorDeconvolution } from './preprocess/color-deconvolution';
import { convertType } from './preprocess/convert-type';
import { crop } from './preprocess/crop';
import { differenceOfGaussians } from './preprocess/difference-of-gaussians';
import { gaussianBlur } from './preprocess/gaussian-blur';
import { greyMorphology } from './preprocess/grey-morphology';
import { illuminationApply } from './preprocess/illumination-apply';
import { illuminationEstimate } from './preprocess/illumination-estimate';
import { imageMath } from './preprocess/image-math';
import { maskImage } from './preprocess/mask-image';
import { invert } from './preprocess/invert';
import { laplacianOfGaussian } from './preprocess/laplacian-of-gaussian';
import { mean } from './preprocess/mean';
import { median } from './preprocess/median';
import { mergeChannels } from './preprocess/merge-channels';
import { rescaleIntensityNode } from './preprocess/rescale-intensity';
import { resize } from './preprocess/resize';
import { rollingBall } from './preprocess/rolling-ball';
import { sobel } from './preprocess/sobel';
import { splitChannels } from './preprocess/split-channels';
import { toGray } from './preprocess/to-gray';
import { unsharpMask } from './preprocess/unsharp-mask';
import { whiteTophat } from './preprocess/white-tophat';
import { clearBorder } from './segment/clear-border';
import { closeMask } from './segment/close';
import { dilateMask } from './segment/dilate';
import { distanceTransform } from './segment/distance-transform';
import { erodeMask } from './segment/erode';
import { expandLabels } from './segment/expand-labels';
import { fillHoles } from './segment/fill-holes';
import { findMaxima } from './segment/find-maxima';
import { imageToObjects } from './segment/image-to-objects';
import { filterObjects } from './segment/filter-objects';
import { labelObjects } from './segment/label';
import { openMask } from './segment/open';
import { removeSmallHoles } from './segment/remove-small-holes';
import { secondaryObjects } from './segment/secondary-objects';
import { shrinkLabels } from './segment/shrink-labels';
import { skeletonize } from './segment/skeletonize';
import { tertiaryObjects } from './segment/tertiary-objects';
import { watershedDeclump } from './segment/watershed-declump';
import { batchMean } from './stack/batch-mean';
import { bin } from './stack/bin';
import { project } from './stack/project';
import { selectPlanes } from './stack/select-planes';
import { subsample } from './stack/subsample';
import { trackObjects } from './stack/track-objects';
import { localThreshold } from './threshold/local-threshold';
import { multiOtsu } from './threshold/multi-otsu';
import { threshold } from './threshold/threshold';

// In palette order: by category, then the order a user reaches for them.
export const nodeDefinitions: readonly AnyNodeDefinition[] = [
  loadImage,
  loadPairedImage,
  gaussianBlur,
  median,
  mean,
  unsharpMask,
  laplacianOfGaussian,
  differenceOfGaussians,
  sobel,
  rescaleIntensityNode,
  invert,
  convertType,
  crop,
  resize,
  imageMath,
  maskImage,
  whiteTophat,
  blackTophat,
  rollingBall,
  illuminationEstimate,
  illuminationApply,
  splitChannels,
  mergeChannels,
  toGray,
  colorDeconvolution,
  greyMorphology,
  project,
  selectPlanes,
  subsample,
  bin,
  batchMean,
  trackObjects,
  focusMap,
  inFocusMask,
  focusStack,
  focusScore,
  bestFocusPlane,
  threshold,
  multiOtsu,
  localThreshold,
  fillHoles,
  labelObjects,
  imageToObjects,
  filterObjects,
  watershedDeclump,
  findMaxima,
  erodeMask,
  dilateMask,
  openMask,
  closeMask,
  distanceTransform,
  removeSmallHoles,
  clearBorder,
  expandLabels,
  shrinkLabels,
  skeletonize,
  secondaryObjects,
  tertiaryObjects,
  measureObjects,
  measureImage,
  measureOverPlanes,
  pixelSeries,
  metadataFromFilename,
  addMetadata,
  relateObjects,
  summarize,
  measureTexture,
  measureGranularity,
  measureColocalization,
  measureImageQuality,
  measureNeighbors,
  measureRadialDistribution,
  measureAreaFraction,
  measureOverlap,
  calculateMath,
  classifyObjects,
  joinTables,
  exportTable,
  overlayOutlines,
  saveImage,
] as unknown as AnyNodeDefinition[];

export const nodeRegistry = createRegistry(nodeDefinitions);
