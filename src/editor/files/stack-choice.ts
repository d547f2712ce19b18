// Which of the listed images form the stack (or the channels of one image). The choice is kept as
// the images the user left out, so every image is in until unchecked, an image added later is in,
// and an autosave from before this choice existed (no list) means "all of them".
import { stackName, stackOrder } from './stack-name';

export type StackJoin = 'planes' | 'channels';

/** A stack of one file is just that file: fewer than this many checked images run nothing. */
export const MIN_STACK_FILES = 2;

export interface StackRow<T> {
  file: T;
  /** Its plane (0-based) or channel (1-based) in the stack; undefined when left out. */
  number?: number;
}

/** Every listed image in file-name order, each numbered among the checked ones only. */
export function stackRows<T extends { name: string; hash: string }>(files: T[], leftOut: readonly string[], join: StackJoin): StackRow<T>[] {
  let next = join === 'channels' ? 1 : 0;
  return stackOrder(files).map((file) => (leftOut.includes(file.hash) ? { file } : { file, number: next++ }));
}

/** The checked images in file-name order: the planes or channels of the stack. */
export function stackMembers<T extends { name: string; hash: string }>(files: T[], leftOut: readonly string[]): T[] {
  return stackOrder(files.filter((f) => !leftOut.includes(f.hash)));
}

/** The stack the run reads, or undefined when fewer than MIN_STACK_FILES images are checked. */
export function stackOf(files: { name: string; hash: string }[], leftOut: readonly string[]): { name: string; hashes: string[] } | undefined {
  const members = stackMembers(files, leftOut);
  if (members.length < MIN_STACK_FILES) return undefined;
  return { name: stackName(members.map((f) => f.name)), hashes: members.map((f) => f.hash) };
}

/** The choice after checking (included) or unchecking one image. */
export function includeInStack(leftOut: readonly string[], hash: string, included: boolean): string[] {
  const rest = leftOut.filter((h) => h !== hash);
  return included ? rest : [...rest, hash];
}

/** A saved choice, kept only for images still listed (anything else in storage is dropped). */
export function restoreLeftOut(saved: unknown, files: { hash: string }[]): string[] {
  if (!Array.isArray(saved)) return [];
  return files.map((f) => f.hash).filter((h) => saved.includes(h));
}

/** What the Images panel and the nodes say when too few images are checked to make a stack. */
export function tooFewForStack(join: StackJoin, checked: number): string {
  const what = join === 'channels' ? 'the channels of one image' : 'one stack';
  return `Check at least ${MIN_STACK_FILES} images to use them as ${what} (${checked} checked): nothing runs until then.`;
}
