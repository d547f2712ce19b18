// The Examples menu: every pipelines/*.json, bundled as text at build time, each with the bundled
// sample image it is meant for (public/samples/, licences in its README), and the sample files paired
// with that image when the example reads them (load-paired-image).
import { pairedFileName, type PairRule } from '../../io/paired-source';

const files = import.meta.glob('../../../pipelines/*.json', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export interface SampleImage {
  name: string;
  url: string;
}

export interface Example {
  file: string;
  name: string;
  text: string;
  sample: SampleImage;
  /** Files paired with the sample, each with the Pair files rule that pairs it (empty for most examples). */
  pairs: { rule: PairRule; file: SampleImage }[];
}

const sample = (name: string): SampleImage => ({ name, url: `${import.meta.env.BASE_URL}samples/${name}` });

export const SAMPLE_IMAGE = sample('dsb2018_256_uint8.tif');

/** Examples that need more than one grey plane: a 2-channel image, a z-stack, an RGB stained section. */
const SAMPLE_FOR: Record<string, SampleImage> = {
  'cells-two-channel.json': sample('xyc_16bit__nuclei_tubulin_crop.tif'),
  'z-projection.json': sample('xyz_16bit__spots.ome.tif'),
  'focus-stack.json': sample('xyz_16bit__spots.ome.tif'),
  'ihc-dab.json': sample('ihc_fhl2_dab.png'),
  'mitotic-index.json': sample('examplehuman_3ch.tif'),
  'cell-profile.json': sample('examplehuman_3ch.tif'),
  'track-cells.json': sample('membrane_2d_timelapse_crop.tif'),
};

/** Examples that read files paired with their sample: the rules that pair them (the files are named by them). */
const PAIR_RULES_FOR: Record<string, PairRule[]> = {
  'score-segmentation.json': [{ role: 'truth', template: '{stem}_mask.tif' }],
};

const pairsOf = (file: string, image: SampleImage) => (PAIR_RULES_FOR[file] ?? []).map((rule) => ({ rule, file: sample(pairedFileName(image.name, rule.template)) }));

export const SAMPLE_IMAGES: SampleImage[] = [SAMPLE_IMAGE, ...new Map(Object.values(SAMPLE_FOR).map((s) => [s.name, s])).values()];

export const examples: Example[] = Object.entries(files)
  .map(([path, text]) => {
    let name = path;
    try {
      name = (JSON.parse(text) as { name?: string }).name ?? path;
    } catch {
      // shown by file name; opening it reports the problem
    }
    const file = path.split('/').pop()!;
    const image = SAMPLE_FOR[file] ?? SAMPLE_IMAGE;
    return { file, name, text, sample: image, pairs: pairsOf(file, image) };
  })
  .sort((a, b) => a.file.localeCompare(b.file));

export const DEFAULT_EXAMPLE = 'nuclei-count.json';
