// Where test fixtures live, resolved from the repository root whatever the working directory.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Real microscopy images copied from ../shared/data (see test-data/images/README.md for licences). */
export const IMAGES = join(REPO_ROOT, 'test-data', 'images');
/** Reference outputs written by scripts/reference/*.py with Debian's python3-skimage. */
export const REFERENCE = join(REPO_ROOT, 'test-data', 'reference');
export const imagePath = (name: string) => join(IMAGES, name);
export const referencePath = (...parts: string[]) => join(REFERENCE, ...parts);
