// Documents that come with their images: the bundled samples, the examples (each opened on the
// sample it is made for, with the sample files paired with it) and exported images that hold the
// pipeline that made them.
import { canonicalJSON } from '../../core/hash';
import type { EmbeddedPipeline } from '../../io/embedded-provenance';
import { SAMPLE_IMAGE, SAMPLE_IMAGES, type Example, type SampleImage } from '../files/examples';
import type { Session } from './session';

export async function addSample(session: Session, sample: SampleImage = SAMPLE_IMAGE, run = false): Promise<void> {
  await addSamples(session, [sample], run);
}

/** Fetch bundled samples and list them (the first is selected); none is listed if one cannot be fetched. */
async function addSamples(session: Session, samples: SampleImage[], run: boolean): Promise<void> {
  try {
    const files = await Promise.all(
      samples.map(async (sample) => {
        const response = await fetch(sample.url);
        if (!response.ok) throw new Error(`${sample.name}: HTTP ${response.status}`);
        return { name: sample.name, bytes: new Uint8Array(await response.arrayBuffer()) };
      }),
    );
    await session.addFiles(files, run);
  } catch (err) {
    session.notify(`Could not load the sample image ${samples.map((s) => s.name).join(', ')} (${String(err)}); drop an image on the page.`, 'error');
  }
}

/**
 * Open an example from the menu with the sample it is made for: a 2-channel or z-stack example
 * always gets its own sample (on the 1-channel default it could not run); the others get the
 * default sample unless the user is working on their own image. An example that reads paired files
 * (ground truth) also gets the sample's paired files and the rule that pairs them, unless the user's
 * own image already has a file of each of its roles.
 */
export async function openExample(session: Session, example: Example): Promise<void> {
  if (!session.openText(example.text, example.file)) return;
  const { sources, stack } = session.getSnapshot();
  const current = session.runImage;
  const onASample = !current || SAMPLE_IMAGES.some((s) => s.name === current.file.name);
  const hasPairs = !stack && example.pairs.every((p) => current?.paired[p.rule.role]);
  if (example.sample === SAMPLE_IMAGE && !onASample && hasPairs) return;
  session.setStack(false);
  if (example.pairs.length > 0) session.usePairRules(example.pairs.map((p) => p.rule));
  const missing = [example.sample, ...example.pairs.map((p) => p.file)].filter((sample) => !sources.some((s) => s.name === sample.name));
  if (missing.length > 0) await addSamples(session, missing, false);
  const image = session.getSnapshot().sources.find((s) => s.name === example.sample.name);
  if (image) session.selectSource(image.hash);
  session.scheduleRun(0);
}

/**
 * Reopen the pipeline an exported image holds; when the image it was made from is among the
 * loaded ones (same content hash), run on that one, so the result is the one exported.
 */
export function openEmbedded(session: Session, fileName: string, embedded: EmbeddedPipeline): boolean {
  if (!session.openText(JSON.stringify(embedded.pipeline, null, 2), fileName)) return false;
  const inputs = embedded.document.provenance.inputs;
  // one file, or an image with the files paired with it (its own file first): that image, if its
  // pairs under the current rules are those files
  const listed = session.getSnapshot().sources.find((s) => s.hash === inputs[0]?.hash);
  const image = session.pairing.images.find((i) => i.file.hash === inputs[0]?.hash);
  const pairs = image ? Object.values(image.paired).map((f) => f.hash).sort() : [];
  const paired = image !== undefined && canonicalJSON(pairs) === canonicalJSON(inputs.slice(1).map((f) => f.hash).sort());
  const known = inputs.length === 1 ? listed : paired ? image.file : undefined;
  if (known) {
    session.setStack(false);
    session.selectSource(known.hash);
  }
  const from = inputs.map((f) => f.name).join(', ');
  session.notify(
    `Opened the pipeline saved in ${fileName}` +
      (from ? ` (made from ${from}${known ? ', selected' : '; drop that image to re-run it'})` : '') +
      '. To analyse the file itself, use Add images….',
  );
  return true;
}
