// `cellgraph run --dry-run`: the pipeline checked and each image this shard would run listed (name,
// files, paired files, or why it cannot run), tab-separated for scripts; nothing run, nothing written.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cellgraph } from '../testing/cli';
import { imagePath, REPO_ROOT } from '../testing/paths';

const tmp = mkdtempSync(join(tmpdir(), 'cellgraph-dry-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const pipeline = (name: string) => join(REPO_ROOT, 'pipelines', `${name}.json`);

describe('cellgraph run --dry-run', () => {
  mkdirSync(join(tmp, 'plate', 'Pos0'), { recursive: true });
  mkdirSync(join(tmp, 'plate', 'Pos1'), { recursive: true });
  for (const pos of ['Pos0', 'Pos1']) copyFileSync(imagePath('blobs.tif'), join(tmp, 'plate', pos, 'img_000.tif'));
  copyFileSync(imagePath('dsb2018_256_uint8.tif'), join(tmp, 'plate', 'Pos0', 'a.tif'));
  copyFileSync(imagePath('dsb2018_256_uint8_mask.tif'), join(tmp, 'plate', 'Pos0', 'a_mask.tif'));

  it('lists each image as the run names it, with its file and its pairs or why it cannot run; writes nothing', () => {
    const out = join(tmp, 'out');
    const r = cellgraph(['run', pipeline('score-segmentation'), 'Pos0', 'Pos1', '--pair', 'truth={stem}_mask.tif', '--out', out, '--dry-run'], join(tmp, 'plate'));
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')).toEqual([
      'a.tif\tPos0/a.tif\ttruth=Pos0/a_mask.tif',
      'Pos0/img_000.tif\tPos0/img_000.tif\tcannot run: no truth file img_000_mask.tif beside it (--pair truth={stem}_mask.tif)',
      'Pos1/img_000.tif\tPos1/img_000.tif\tcannot run: no truth file img_000_mask.tif beside it (--pair truth={stem}_mask.tif)',
      '',
    ]);
    expect(r.stderr).toBe('3 images would run through "Score a segmentation against ground truth", 2 of them cannot (said on their lines); nothing run (--dry-run)\n');
    expect(existsSync(out)).toBe(false);
  });

  it('with --shard, this shard\'s images; --out may be left out; exit 0 when all can run', () => {
    const r = cellgraph(['run', pipeline('nuclei-count'), 'Pos0', 'Pos1', '--dry-run', '--shard', '2/2'], join(tmp, 'plate'));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Pos0/img_000.tif\tPos0/img_000.tif\nPos1/img_000.tif\tPos1/img_000.tif\n');
    expect(r.stderr).toBe('shard 2/2: 2 of 4 images would run through "Nuclei count"; nothing run (--dry-run)\n');
  });

  it('an invalid pipeline or param is refused as a run refuses it (exit 2); without --dry-run, --out is still required', () => {
    const bad = cellgraph(['run', pipeline('nuclei-count'), 'Pos0', '--dry-run', '--set', 'blur.sigma=-1'], join(tmp, 'plate'));
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/sigma/);
    const noOut = cellgraph(['run', pipeline('nuclei-count'), 'Pos0'], join(tmp, 'plate'));
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toMatch(/^cellgraph: run needs --out DIR/);
  });
});
