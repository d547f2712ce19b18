// The one message every decoder gives for an image larger than it may allocate.
import { UserError } from '../core/errors';

export function tooLarge(what: string, samples: number, maxSamples: number): UserError {
  return new UserError(`image too large: ${what} is ${samples} samples, over the limit of ${maxSamples}`);
}
