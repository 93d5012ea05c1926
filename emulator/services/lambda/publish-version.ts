import type { FunctionConfiguration, PublishVersionRequest } from '@aws-sdk/client-lambda';
import { UnsupportedFeatureException } from '../../errors.js';
import { defineOperation } from '../service-definition.js';
import { lambdaErrors } from './errors.js';
import { functionConfiguration } from './function-configuration.js';
import { requireFunction } from './function-lookup.js';
import { functionArn, parseFunctionName } from './function-names.js';
import { refuseWhileChanging } from './function-states.js';
import { checkRevision, planVersion } from './function-versions.js';

export const publishVersionOperation = defineOperation(
  ['lambdaStore'],
  ({ lambdaStore }) =>
    (input: PublishVersionRequest, context): FunctionConfiguration => {
      const reference = parseFunctionName(input.FunctionName as string, context);
      if (input.PublishTo) throw new UnsupportedFeatureException('PublishTo');
      const nowMs = context.now.getTime();
      const fn = requireFunction(lambdaStore, reference);
      checkRevision(fn, input.RevisionId, nowMs);
      if (input.CodeSha256 !== undefined && input.CodeSha256 !== fn.codeSha256) {
        throw lambdaErrors.codeShaMismatch(input.CodeSha256, fn.codeSha256);
      }
      refuseWhileChanging(fn, nowMs, functionArn(fn));
      const plan = planVersion(fn, lambdaStore.versions(fn).at(-1), nowMs, { description: input.Description });
      if (plan.created) lambdaStore.publishVersion(plan.fn, plan.version);
      return functionConfiguration(plan.version, { nowMs, fresh: plan.created });
    },
);
