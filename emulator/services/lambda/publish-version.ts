import type { FunctionConfiguration, PublishVersionRequest } from '@aws-sdk/client-lambda';
import { UnsupportedFeatureException } from '../../errors.js';
import type { FunctionVersionRecord } from '../../store/lambda-store.js';
import type { Operation } from '../service-definition.js';
import { InvalidParameterValueException } from './errors.js';
import { functionConfiguration } from './function-configuration.js';
import { requireFunction } from './function-lookup.js';
import { functionArn, parseFunctionName } from './function-names.js';
import { refuseWhileChanging } from './function-states.js';
import { checkRevision, publishVersion } from './function-versions.js';

export const publishVersionOperation: Operation<PublishVersionRequest, FunctionConfiguration> = (input, context) => {
  const { runtime } = context;
  const store = runtime.lambdaStore;
  const reference = parseFunctionName(input.FunctionName as string, context);
  if (input.PublishTo) throw new UnsupportedFeatureException('PublishTo');
  const nowMs = context.now.getTime();
  let published: { version: FunctionVersionRecord; created: boolean } | undefined;
  runtime.db.transaction(() => {
    const fn = requireFunction(store, reference);
    checkRevision(fn, input.RevisionId, nowMs);
    if (input.CodeSha256 !== undefined && input.CodeSha256 !== fn.codeSha256) {
      // [unverified] wording
      throw new InvalidParameterValueException(`CodeSHA256 (${input.CodeSha256}) is different from current CodeSHA256 in $LATEST (${fn.codeSha256}). Please try again with the CodeSHA256 in $LATEST.`);
    }
    refuseWhileChanging(fn, nowMs, functionArn(fn));
    published = publishVersion(store, fn, nowMs, { description: input.Description });
  });
  const { version, created } = published as { version: FunctionVersionRecord; created: boolean };
  return functionConfiguration(version, { nowMs, fresh: created });
};
