// Provenance end to end, as a user runs it (the built bin/cellgraph.mjs in a child process): saved
// TIFFs/PNGs embed the pipeline, tables get a .provenance.json sidecar, and `run --from` an exported
// file re-runs the embedded pipeline, writing byte-identical files.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imagePath, REPO_ROOT } from '../testing/paths';
import { cellgraph } from '../testing/cli';

const PIPELINE = join(REPO_ROOT, 'pipelines', 'z-projection.json');
const SPOTS = 'xyz_16bit__spots.ome.tif';
const tmp = mkdtempSync(join(tmpdir(), 'cellgraph-provenance-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));


const read = (...parts: string[]) => readFileSync(join(tmp, ...parts));
/** images.csv without its last column, duration_ms, the one thing that differs between runs. */
const imagesCsvWithoutTime = (dir: string) =>
  read(dir, 'images.csv').toString('utf8').split('\n').map((l) => l.split(',').slice(0, -1).join(','));

describe.each([
  ['tiff', 'tif'],
  ['png', 'png'],
])('save-image as %s, then run --from the saved file', (format, ext) => {
  const first = `first-${format}`;
  const again = `again-${format}`;
  const files = [`projection/${SPOTS.replace(/\.tif$/, '')}.${ext}`, 'projection_stats.csv', 'projection_stats.provenance.json'];
  let run1: ReturnType<typeof cellgraph>;
  let run2: ReturnType<typeof cellgraph>;
  beforeAll(() => {
    run1 = cellgraph(['run', PIPELINE, imagePath(SPOTS), '--out', join(tmp, first), '--set', `save.format=${format}`]);
    run2 = cellgraph(['run', '--from', join(tmp, first, files[0]), imagePath(SPOTS), '--out', join(tmp, again)]);
  });

  it('both runs succeed', () => {
    expect([run1.code, run1.stderr]).toEqual([0, expect.not.stringMatching(/error/i)]);
    expect([run2.code, run2.stderr]).toEqual([0, expect.not.stringMatching(/error/i)]);
    expect(run1.stdout).toContain('projection_stats.provenance.json');
  });

  it.each(files)('%s is byte-identical', (file) => {
    expect(read(again, file).equals(read(first, file))).toBe(true);
  });

  it('images.csv is identical but for the durations', () => {
    expect(imagesCsvWithoutTime(again)).toEqual(imagesCsvWithoutTime(first));
  });

  it('the sidecar names the input with its SHA-256, the nodes with their params (the --set included) and the version', () => {
    const sidecar = JSON.parse(read(first, 'projection_stats.provenance.json').toString('utf8'));
    const hash = createHash('sha256').update(readFileSync(imagePath(SPOTS))).digest('hex');
    expect(sidecar.images).toEqual([{ image: SPOTS, inputs: [{ name: SPOTS, hash }] }]);
    expect(sidecar.steps.map((s: { id: string }) => s.id)).toEqual(['load', 'project', 'stats', 'export']);
    expect(sidecar.cellgraph).toMatch(/^\d+\.\d+\.\d+/);
    const save = sidecar.pipeline.nodes.find((n: { id: string }) => n.id === 'save');
    expect(save.params.format).toBe(format);
  });
});

describe('run --from a file without a pipeline', () => {
  it('an OME-TIFF from a microscope: exit 2, one line', () => {
    const r = cellgraph(['run', '--from', imagePath(SPOTS), imagePath(SPOTS), '--out', join(tmp, 'foreign')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `cellgraph: ${SPOTS} holds no cellgraph pipeline (the TIFF has an OME-XML header, not one cellgraph writes): use a TIFF saved by cellgraph's save-image\n`,
    );
  });

  it('a missing file: exit 2, one line', () => {
    const r = cellgraph(['run', '--from', join(tmp, 'nope.tif'), imagePath(SPOTS), '--out', join(tmp, 'missing')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`cellgraph: cannot read ${join(tmp, 'nope.tif')}: ENOENT\n`);
  });
});
