import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeOwnPartials, stopWriting, writeAtomic } from './atomic-write';

const dir = mkdtempSync(join(tmpdir(), 'cellgraph-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const listed = (d: string) => readdirSync(d, { recursive: true }).map(String).sort();

// stopWriting is for good (a run about to exit), so these run in order and the stop comes last
describe('writeAtomic', () => {
  it('writes the file whole under its name, making its folder, and leaves no temporary file', async () => {
    await writeAtomic(join(dir, 'a', 'b', 'record.json'), '{"ok":1}');
    expect(readFileSync(join(dir, 'a', 'b', 'record.json'), 'utf8')).toBe('{"ok":1}');
    expect(listed(dir)).toEqual(['a', 'a/b', 'a/b/record.json']);
  });

  it('fails without a temporary file when the rename cannot happen', async () => {
    mkdirSync(join(dir, 'taken', 'inside'), { recursive: true });
    writeFileSync(join(dir, 'taken', 'inside', 'x'), '');
    // a non-empty folder holds the name: the rename fails after the temporary file was written
    await expect(writeAtomic(join(dir, 'taken', 'inside'), 'data')).rejects.toThrow();
    expect(listed(join(dir, 'taken'))).toEqual(['inside', 'inside/x']);
  });

  it('removeOwnPartials removes this process’s temporary files only, at any depth', () => {
    const sweep = join(dir, 'sweep');
    mkdirSync(join(sweep, 'records', 'ab'), { recursive: true });
    const own = join(sweep, 'records', 'ab', `ab12.json.${process.pid}-k3j4.partial`);
    const other = join(sweep, 'records', 'ab', `ab34.json.${process.pid + 1}-k3j4.partial`);
    const kept = join(sweep, 'records', 'ab', 'ab56.json');
    for (const f of [own, other, kept]) writeFileSync(f, '{}');
    removeOwnPartials(sweep);
    expect(listed(sweep)).toEqual(['records', 'records/ab', `records/ab/ab34.json.${process.pid + 1}-k3j4.partial`, 'records/ab/ab56.json']);
    expect(() => removeOwnPartials(join(dir, 'no such folder'))).not.toThrow();
  });

  it('stopWriting lets the writes in flight finish whole, and no write starts after it', async () => {
    const out = join(dir, 'stop');
    const inFlight = Array.from({ length: 20 }, (_, i) => writeAtomic(join(out, `${i}.json`), 'x'.repeat(100_000)));
    await stopWriting();
    expect(listed(out)).toEqual(Array.from({ length: 20 }, (_, i) => `${i}.json`).sort());
    await Promise.all(inFlight);
    let settled = false;
    void writeAtomic(join(out, 'late.json'), 'late').then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(settled).toBe(false);
    expect(listed(out)).not.toContain('late.json');
  });
});
