// The node registry: a plain list of every node type. The editor's palette, the runner and
// `cellgraph nodes` all read it.
import { createRegistry, type AnyNodeDefinition } from '../src/core/node';
import { exportTable } from './export/export-table';
import { saveImage } from './export/save-image';
import { loadImage } from './input/load-image';
import { measureImage } from './measure/measure-image';
import { measureObjects } from './measure/measure-objects';
import { gaussianBlur } from './preprocess/gaussian-blur';
import { fillHoles } from './segment/fill-holes';
import { filterObjects } from './segment/filter-objects';
import { labelObjects } from './segment/label';
import { threshold } from './threshold/threshold';
import { median } from './preprocess/median';
import { mean } from './preprocess/mean';
import { unsharpMask } from './preprocess/unsharp-mask';
import { laplacianOfGaussian } from './preprocess/laplacian-of-gaussian';
import { differenceOfGaussians } from './preprocess/difference-of-gaussians';
import { sobel } from './preprocess/sobel';
import { rescaleIntensityNode } from './preprocess/rescale-intensity';
import { invert } from './preprocess/invert';
import { convertType } from './preprocess/convert-type';
import { crop } from './preprocess/crop';
import { resize } from './preprocess/resize';
import { imageMath } from './preprocess/image-math';
import { whiteTophat } from './preprocess/white-tophat';
import { blackTophat } from './preprocess/black-tophat';
import { rollingBall } from './preprocess/rolling-ball';
import { illuminationEstimate } from './preprocess/illumination-estimate';
import { illuminationApply } from './preprocess/illumination-apply';
import { splitChannels } from './preprocess/split-channels';
import { mergeChannels } from './preprocess/merge-channels';
import { toGray } from './preprocess/to-gray';
import { colorDeconvolution } from './preprocess/color-deconvolution';
import { watershedDeclump } from './segment/watershed-declump';
import { project } from './stack/project';
import { selectPlanes } from './stack/select-planes';
import { subsample } from './stack/subsample';
import { bin } from './stack/bin';
import { focusMap } from './focus/focus-map';
import { inFocusMask } from './focus/in-focus-mask';
import { focusStack } from './focus/focus-stack';
import { focusScore } from './focus/focus-score';
import { bestFocusPlane } from './focus/best-focus-plane';
import { measureOverPlanes } from './measure/measure-over-planes';
import { pixelSeries } from './measure/pixel-series';
import { metadataFromFilename } from './measure/metadata-from-filename';
import { erodeMask } from './segment/erode';
import { dilateMask } from './segment/dilate';
import { openMask } from './segment/open';
import { closeMask } from './segment/close';
import { greyMorphology } from './preprocess/grey-morphology';
import { distanceTransform } from './segment/distance-transform';
import { removeSmallHoles } from './segment/remove-small-holes';
import { clearBorder } from './segment/clear-border';
import { expandLabels } from './segment/expand-labels';
import { shrinkLabels } from './segment/shrink-labels';
import { skeletonize } from './segment/skeletonize';
import { multiOtsu } from './threshold/multi-otsu';
import { localThreshold } from './threshold/local-threshold';
import { secondaryObjects } from './segment/secondary-objects';
import { tertiaryObjects } from './segment/tertiary-objects';
import { relateObjects } from './measure/relate-objects';
import { summarize } from './measure/summarize';
import { measureTexture } from './measure/measure-texture';
import { measureColocalization } from './measure/measure-colocalization';
import { measureImageQuality } from './measure/measure-image-quality';
import { measureNeighbors } from './measure/measure-neighbors';
import { batchMean } from './stack/batch-mean';

export const nodeDefinitions: readonly AnyNodeDefinition[] = [
  loadImage,
  gaussianBlur,
  threshold,
  fillHoles,
  labelObjects,
  filterObjects,
  measureObjects,
  measureImage,
  exportTable,
  saveImage,
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
  whiteTophat,
  blackTophat,
  rollingBall,
  illuminationEstimate,
  illuminationApply,
  splitChannels,
  mergeChannels,
  toGray,
  colorDeconvolution,
  watershedDeclump,
  project,
  selectPlanes,
  subsample,
  bin,
  focusMap,
  inFocusMask,
  focusStack,
  focusScore,
  bestFocusPlane,
  measureOverPlanes,
  pixelSeries,
  metadataFromFilename,
  erodeMask,
  dilateMask,
  openMask,
  closeMask,
  greyMorphology,
  distanceTransform,
  removeSmallHoles,
  clearBorder,
  expandLabels,
  shrinkLabels,
  skeletonize,
  multiOtsu,
  localThreshold,
  secondaryObjects,
  tertiaryObjects,
  relateObjects,
  summarize,
  measureTexture,
  measureColocalization,
  measureImageQuality,
  measureNeighbors,
  batchMean,
] as unknown as AnyNodeDefinition[];

export const nodeRegistry = createRegistry(nodeDefinitions);
