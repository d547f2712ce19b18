// cellgraph merge reads the shards' tables in 1 MiB chunks: characters whose bytes straddle two
// chunks (any non-ASCII file name or value) must come through whole; an output it cannot write is one line.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../core/errors';
import { mergeShards } from './merge';

const tmp = mkdtempSync(join(tmpdir(), 'cellgraph-merge-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function shard(name: string, images: string[], header: string, rowsOf: (image: string) => string[]): string {
  const dir = join(tmp, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'images.csv'), `image,status,error,duration_ms\n${images.map((i) => `${i},ok,,1`).join('\n')}\n`);
  writeFileSync(join(dir, 'nuclei.csv'), `${header}\n${images.flatMap(rowsOf).join('\n')}\n`);
  const sidecar = { format: 'cellgraph-table-provenance', version: 1, table: 'nuclei.csv', cellgraph: '0', steps: [], images: images.map((image) => ({ image, inputs: [] })) };
  writeFileSync(join(dir, 'nuclei.provenance.json'), JSON.stringify(sidecar));
  return dir;
}

describe('cellgraph merge', () => {
  it('keeps every non-ASCII character whole across its 1 MiB reads (rows re-laid under the union header)', async () => {
    // 2-byte characters in lines of odd length: chunk boundaries fall inside some of them
    const name = (i: number) => `x${'é'.repeat(300)}_${i}.tif`;
    const rows = (image: string) => Array.from({ length: 200 }, (_, k) => `${image},${k},µ`);
    const a = shard('a', Array.from({ length: 20 }, (_, i) => name(i)), 'image,label,unit', rows);
    const b = shard('b', Array.from({ length: 20 }, (_, i) => name(100 + i)), 'image,label,unit', rows);
    const c = shard('c', [name(200)], 'image,label,unit,area', (image) => [`${image},1,µ,5`]);
    const out = join(tmp, 'merged');
    await mergeShards([a, b, c], out);
    const merged = readFileSync(join(out, 'nuclei.csv'), 'utf8');
    expect(Buffer.byteLength(merged)).toBeGreaterThan(2 << 20);
    const expected =
      'image,label,unit,area\n' +
      [...Array.from({ length: 20 }, (_, i) => name(i)), ...Array.from({ length: 20 }, (_, i) => name(100 + i))]
        .flatMap(rows)
        .map((l) => `${l},\n`)
        .join('') +
      `${name(200)},1,µ,5\n`;
    expect(merged === expected).toBe(true);
  });

  it('an output it cannot write: one line naming the file and the reason, and no temporary file', async () => {
    const a = shard('wa', ['a.tif'], 'image,label', (image) => [`${image},1`]);
    const b = shard('wb', ['b.tif'], 'image,label', (image) => [`${image},1`]);
    const out = join(tmp, 'blocked');
    mkdirSync(join(out, 'nuclei.csv', 'inside'), { recursive: true }); // a folder where the merged table goes
    await expect(mergeShards([a, b], out)).rejects.toThrow(
      new RegExp(`^cannot write ${join(out, 'nuclei.csv').replace(/[.*+?^$()|[\]\\]/g, '\\$&')}: a folder stands where the file should be \\(EISDIR\\)$`),
    );
    await expect(mergeShards([a, b], out)).rejects.toBeInstanceOf(UserError);
    expect(readdirSync(out).filter((f) => f.includes('partial'))).toEqual([]);
  });
});
