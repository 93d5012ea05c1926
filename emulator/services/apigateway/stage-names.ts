import { BadRequestException } from './errors.js';

const stageName = /^[a-zA-Z0-9_-]{1,128}$/;

/** AWS once answered "Stage name only allows a-zA-Z0-9_"; hyphens are accepted today [unverified: current wording]. */
export function checkStageName(name: string): void {
  if (!stageName.test(name)) throw new BadRequestException('Stage name only allows a-zA-Z0-9_-');
}
