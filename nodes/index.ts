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
import { watershedDeclump } from './segment/watershed-declump';
import { secondaryObjects } from './segment/secondary-objects';
import { tertiaryObjects } from './segment/tertiary-objects';
import { relateObjects } from './measure/relate-objects';

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
  watershedDeclump,
  secondaryObjects,
  tertiaryObjects,
  relateObjects,
] as unknown as AnyNodeDefinition[];

export const nodeRegistry = createRegistry(nodeDefinitions);
