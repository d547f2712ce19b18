// A small "plate" for the runner's tests: copies of real images named like plate fields
// (P1_A01_s1.tif …), and nuclei-count with metadata-from-filename before its export, so the exported
// nuclei table has plate, well and site columns (text, also where it looks like a number: site "1").
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { imagePath, REPO_ROOT } from './paths';

/** Writes the plate's images to DIR/plate and its pipeline to DIR/plate.json; returns both paths. */
export function writePlate(dir: string): { images: string; pipeline: string } {
  const images = join(dir, 'plate');
  mkdirSync(images, { recursive: true });
  copyFileSync(imagePath('dsb2018_256_uint8.tif'), join(images, 'P1_A01_s1.tif'));
  copyFileSync(imagePath('blobs.tif'), join(images, 'P1_A01_s2.tif'));
  copyFileSync(imagePath('xy_8bit__few_touching_nuclei.tif'), join(images, 'P1_B02_s1.tif'));
  const pipeline = JSON.parse(readFileSync(join(REPO_ROOT, 'pipelines', 'nuclei-count.json'), 'utf8'));
  pipeline.nodes.push({ id: 'meta', type: 'metadata-from-filename', params: {} });
  pipeline.edges = pipeline.edges.filter((e: { to: { node: string } }) => e.to.node !== 'export');
  pipeline.edges.push(
    { from: { node: 'measure', port: 'table' }, to: { node: 'meta', port: 'table' } },
    { from: { node: 'load', port: 'image' }, to: { node: 'meta', port: 'image' } },
    { from: { node: 'meta', port: 'table' }, to: { node: 'export', port: 'table' } },
  );
  const path = join(dir, 'plate.json');
  writeFileSync(path, JSON.stringify(pipeline));
  return { images, pipeline: path };
}
