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
] as unknown as AnyNodeDefinition[];

export const nodeRegistry = createRegistry(nodeDefinitions);
