import type { FunctionConfiguration, UpdateFunctionCodeRequest } from '@aws-sdk/client-lambda';
import { UnsupportedFeatureException } from '../../errors.js';
import type { FunctionRecord, FunctionVersionRecord } from '../../store/lambda-store.js';
import type { Operation } from '../service-definition.js';
import { readCodePackage } from './code-package.js';
import { InvalidParameterValueException } from './errors.js';
import { functionConfiguration } from './function-configuration.js';
import { requireFunction } from './function-lookup.js';
import { functionArn, parseFunctionName } from './function-names.js';
import { refuseWhileChanging, startTransition } from './function-states.js';
import { checkRevision, publishVersion } from './function-versions.js';

/**
 * New code for `$LATEST`: the update is InProgress for a moment, as on Lambda; with Publish the new version is
 * Pending until it ends and is the answer (its ARN qualified, recorded: test_publish_with_update).
 */
export const updateFunctionCode: Operation<UpdateFunctionCodeRequest, FunctionConfiguration> = (input, context) => {
  const { runtime } = context;
  const store = runtime.lambdaStore;
  const reference = parseFunctionName(input.FunctionName as string, context);
  if (input.ImageUri) throw new UnsupportedFeatureException('ImageUri (container image functions); deploy a .zip package as ZipFile');
  if (input.S3Bucket || input.S3Key) throw new UnsupportedFeatureException('code from Amazon S3 (S3Bucket/S3Key); upload the .zip package as ZipFile');
  if (input.PublishTo) throw new UnsupportedFeatureException('PublishTo');
  // [unverified] Lambda's wording when no code source is given
  if (!input.ZipFile) throw new InvalidParameterValueException('Please provide a source for function code.');
  const code = readCodePackage(input.ZipFile);
  const nowMs = context.now.getTime();

  let result: FunctionVersionRecord | undefined;
  runtime.db.transaction(() => {
    const fn = requireFunction(store, reference);
    checkRevision(fn, input.RevisionId, nowMs);
    refuseWhileChanging(fn, nowMs, functionArn(fn));
    const update = startTransition('update', nowMs, runtime.config.lambdaStateTransitionMs);
    const updated: FunctionRecord = {
      ...fn,
      settings: { ...fn.settings, architectures: input.Architectures ?? fn.settings.architectures },
      codeSha256: code.sha256,
      codeSize: code.size,
      revisionId: update.revisionId,
      transition: update.transition,
      lastModified: nowMs,
    };
    if (input.DryRun) {
      result = updated;
      return;
    }
    store.putCode(code.sha256, code.zip);
    store.saveFunction(updated);
    store.deleteUnusedCode();
    result = input.Publish ? publishVersion(store, updated, nowMs, { pendingUntil: update.transition.until }).version : updated;
  });
  runtime.lambda.functionChanged(reference);
  return functionConfiguration(result as FunctionVersionRecord, { nowMs, fresh: true });
};
