import type { FunctionConfiguration, UpdateFunctionCodeRequest } from '@aws-sdk/client-lambda';
import { UnsupportedFeatureException } from '../../errors.js';
import type { FunctionRecord, FunctionVersionRecord } from '../../store/lambda-store.js';
import { defineOperation } from '../service-definition.js';
import { readCodePackage } from './code-package.js';
import { lambdaErrors } from './errors.js';
import { functionConfiguration } from './function-configuration.js';
import { requireFunction } from './function-lookup.js';
import { functionArn, parseFunctionName } from './function-names.js';
import { refuseWhileChanging, startTransition } from './function-states.js';
import { checkRevision, planVersion } from './function-versions.js';

/**
 * New code for `$LATEST`: the update is InProgress for a moment, as on Lambda; with Publish the new version is
 * Pending until it ends and is the answer (its ARN qualified, recorded: test_publish_with_update).
 */
export const updateFunctionCode = defineOperation(
  ['lambdaStore', 'lambda', 'config'],
  ({ lambdaStore, lambda, config }) =>
    (input: UpdateFunctionCodeRequest, context): FunctionConfiguration => {
      const reference = parseFunctionName(input.FunctionName as string, context);
      if (input.ImageUri) {
        throw new UnsupportedFeatureException('ImageUri (container image functions); deploy a .zip package as ZipFile');
      }
      if (input.S3Bucket || input.S3Key) {
        throw new UnsupportedFeatureException(
          'code from Amazon S3 (S3Bucket/S3Key); upload the .zip package as ZipFile',
        );
      }
      if (input.PublishTo) throw new UnsupportedFeatureException('PublishTo');
      if (!input.ZipFile) throw lambdaErrors.noCodeSource();
      const code = readCodePackage(input.ZipFile);
      const nowMs = context.now.getTime();

      const fn = requireFunction(lambdaStore, reference);
      checkRevision(fn, input.RevisionId, nowMs);
      refuseWhileChanging(fn, nowMs, functionArn(fn));
      const update = startTransition('update', nowMs, config.lambdaStateTransitionMs);
      const updated: FunctionRecord = {
        ...fn,
        settings: { ...fn.settings, architectures: input.Architectures ?? fn.settings.architectures },
        codeSha256: code.sha256,
        codeSize: code.size,
        revisionId: update.revisionId,
        transition: update.transition,
        lastModified: nowMs,
      };
      let result: FunctionVersionRecord = updated;
      if (!input.DryRun) {
        const plan = input.Publish
          ? planVersion(updated, lambdaStore.versions(updated).at(-1), nowMs, {
              pendingUntil: update.transition.until,
            })
          : undefined;
        if (plan?.created) lambdaStore.updateFunctionCode(plan.fn, code, plan.version);
        else lambdaStore.updateFunctionCode(updated, code);
        if (plan) result = plan.version;
      }
      lambda.functionChanged(reference);
      return functionConfiguration(result, { nowMs, fresh: true });
    },
);
