import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { nodeRegistry } from '../../../nodes/index';
import { decodeShareFragment, encodeShareFragment, shareLink } from './share-link';
import { pipelineFileName, pipelineFileText, readPipelineText } from './open-pipeline';

const nuclei = readFileSync(new URL('../../../pipelines/nuclei-count.json', import.meta.url), 'utf8');

describe('pipeline files', () => {
  test('Save, Open, Save writes the same bytes', () => {
    const opened = readPipelineText(nuclei, nodeRegistry);
    if (!opened.ok) throw new Error(opened.problems.join('\n'));
    const saved = pipelineFileText(opened.pipeline);
    const reopened = readPipelineText(saved, nodeRegistry);
    if (!reopened.ok) throw new Error(reopened.problems.join('\n'));
    expect(pipelineFileText(reopened.pipeline)).toBe(saved);
    expect(saved.endsWith('}\n')).toBe(true);
    expect(pipelineFileName(opened.pipeline)).toBe('nuclei-count.json');
    expect(pipelineFileName({ ...opened.pipeline, name: '  ' })).toBe('pipeline.json');
  });

  test('an invalid file gives every problem', () => {
    const text = nuclei.replace('"sigma": 2', '"sigma": -2').replace('"type": "fill-holes"', '"type": "fill-holez"');
    const result = readPipelineText(text, nodeRegistry);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual([expect.stringMatching(/node 'blur', param 'sigma'/), expect.stringMatching(/unknown node type 'fill-holez'/)]);
  });
});

describe('share links', () => {
  test('the fragment round-trips the pipeline, compressed, without the editor state', async () => {
    const fragment = await encodeShareFragment({ ...JSON.parse(nuclei), ui: { zoom: 2 } });
    expect(fragment).toMatch(/^pipeline=[A-Za-z0-9_-]+$/);
    expect(fragment.length).toBeLessThan(nuclei.length);
    const text = await decodeShareFragment(`#${fragment}`);
    expect(JSON.parse(text!)).toEqual(JSON.parse(nuclei));
    const link = await shareLink(JSON.parse(nuclei), 'http://localhost:5173/?x=1#old');
    expect(link.startsWith('http://localhost:5173/?x=1#pipeline=')).toBe(true);
    expect(await decodeShareFragment('#other=1')).toBeUndefined();
    await expect(decodeShareFragment('#pipeline=AAAA')).rejects.toThrow();
  });
});
