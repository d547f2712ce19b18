// Documents that come with their images: the bundled samples, the examples (each opened on the
// sample it is made for) and exported images that hold the pipeline that made them.
import type { EmbeddedPipeline } from '../../io/embedded-provenance';
import { SAMPLE_IMAGE, SAMPLE_IMAGES, type Example, type SampleImage } from '../files/examples';
import type { Session } from './session';

export async function addSample(session: Session, sample: SampleImage = SAMPLE_IMAGE, run = false): Promise<void> {
  try {
    const response = await fetch(sample.url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    await session.addFiles([{ name: sample.name, bytes: new Uint8Array(await response.arrayBuffer()) }], run);
  } catch (err) {
    session.notify(`Could not load the sample image ${sample.name} (${String(err)}); drop an image on the page.`, 'error');
  }
}

/**
 * Open an example from the menu with the sample it is made for: a 2-channel or z-stack example
 * always gets its own sample (on the 1-channel default it could not run); the others get the
 * default sample unless the user is working on their own image.
 */
export async function openExample(session: Session, example: Example): Promise<void> {
  if (!session.openText(example.text, example.file)) return;
  const { sources, sourceHash } = session.getSnapshot();
  const current = sources.find((s) => s.hash === sourceHash);
  const onASample = !current || SAMPLE_IMAGES.some((s) => s.name === current.name);
  if (example.sample === SAMPLE_IMAGE && !onASample) return;
  session.setStack(false);
  const known = sources.find((s) => s.name === example.sample.name);
  if (known) session.selectSource(known.hash);
  else await addSample(session, example.sample, true);
}

/**
 * Reopen the pipeline an exported image holds; when the image it was made from is among the
 * loaded ones (same content hash), run on that one, so the result is the one exported.
 */
export function openEmbedded(session: Session, fileName: string, embedded: EmbeddedPipeline): boolean {
  if (!session.openText(JSON.stringify(embedded.pipeline, null, 2), fileName)) return false;
  const inputs = embedded.document.provenance.inputs;
  const known = inputs.length === 1 ? session.getSnapshot().sources.find((s) => s.hash === inputs[0].hash) : undefined;
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
