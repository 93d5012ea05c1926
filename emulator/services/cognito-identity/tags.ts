import type { IdentityPoolRecord } from '../../store/cognito-pools.js';
import type { CognitoStore } from '../../store/cognito-store.js';
import { InvalidParameterException } from './errors.js';
import { type CallerScope, ownedPool } from './pools.js';

/** "An identity pool can have as many as 50 tags." (TagResource reference) */
const maxPoolTags = 50;

const poolArnPattern = /^arn:aws[\w-]*:cognito-identity:([\w-]+):(\d{12}):identitypool\/(.+)$/;

/** The caller's pool an identity pool ARN names. */
export function poolOfArn(cognito: CognitoStore, scope: CallerScope, resourceArn: string): IdentityPoolRecord {
  const match = poolArnPattern.exec(resourceArn);
  // [unverified] AWS's wording for an ARN that names no identity pool.
  if (!match) throw new InvalidParameterException(`Invalid ResourceArn: ${resourceArn}`);
  return ownedPool(cognito, scope, match[3] as string);
}

export function checkTagCount(tags: Record<string, string>): void {
  // [unverified] wording
  if (Object.keys(tags).length > maxPoolTags) {
    throw new InvalidParameterException(`An identity pool can have at most ${maxPoolTags} tags.`);
  }
}
