import type { CreateFunctionRequest, FunctionConfiguration } from '@aws-sdk/client-lambda';
import { UnsupportedFeatureException } from '../../errors.js';
import type { FunctionRecord } from '../../store/lambda-store.js';
import { defineOperation } from '../service-definition.js';
import { readCodePackage } from './code-package.js';
import { lambdaErrors } from './errors.js';
import { functionConfiguration } from './function-configuration.js';
import { parseFunctionName } from './function-names.js';
import {
  checkEnvironment,
  checkLimits,
  checkRole,
  checkRuntime,
  rejectUnemulatedSettings,
} from './function-settings.js';
import { startTransition } from './function-states.js';
import { planVersion } from './function-versions.js';
import { checkTagCount } from './tagged-function.js';

/** A function's own name is at most 64 characters, whatever the longer ARN FunctionName may hold (recorded). */
const maxNameLength = 64;

/** Defaults Lambda applies: 3 s timeout, 128 MB memory, x86_64, 512 MB of /tmp. */
const functionDefaults = { timeout: 3, memorySize: 128, architectures: ['x86_64'], ephemeralStorageSize: 512 };

/** Every setting CreateFunction takes is checked before the package is read and anything is stored. */
function checkRequest(input: CreateFunctionRequest): void {
  if (input.Tags) checkTagCount(Object.keys(input.Tags).length);
  if (input.PackageType === 'Image' || input.Code?.ImageUri) {
    throw new UnsupportedFeatureException(
      'PackageType Image (container image functions); deploy a .zip package as Code.ZipFile',
    );
  }
  if (input.Code?.S3Bucket || input.Code?.S3Key) {
    throw new UnsupportedFeatureException(
      'code from Amazon S3 (Code.S3Bucket/S3Key); upload the .zip package as Code.ZipFile',
    );
  }
  if (input.CodeSigningConfigArn) throw new UnsupportedFeatureException('CodeSigningConfigArn (code signing)');
  if (input.TenancyConfig || input.PublishTo) throw new UnsupportedFeatureException('TenancyConfig and PublishTo');
  rejectUnemulatedSettings(input);
  if (!input.Runtime || !input.Handler) throw lambdaErrors.runtimeAndHandlerRequired();
  checkRuntime(input.Runtime);
  if (!input.Code?.ZipFile) throw lambdaErrors.noCodeSource();
  checkLimits(input.Timeout, input.MemorySize);
  if (input.Environment?.Variables) checkEnvironment(input.Environment.Variables);
}

export const createFunction = defineOperation(
  ['lambdaStore', 'iam', 'config'],
  ({ lambdaStore, iam, config }) =>
    (input: CreateFunctionRequest, context): FunctionConfiguration => {
      const { name } = parseFunctionName(input.FunctionName as string, context);
      if (name.length > maxNameLength) throw lambdaErrors.nameTooLong(input.FunctionName as string, maxNameLength);
      checkRequest(input);
      checkRole(iam, input.Role as string);
      const code = readCodePackage(input.Code?.ZipFile as Uint8Array);

      const nowMs = context.now.getTime();
      const pending = startTransition('create', nowMs, config.lambdaStateTransitionMs);
      const record: FunctionRecord = {
        accountId: context.accountId,
        region: context.region,
        name,
        version: '$LATEST',
        settings: {
          runtime: input.Runtime as string,
          role: input.Role as string,
          handler: input.Handler as string,
          description: input.Description ?? '',
          timeout: input.Timeout ?? functionDefaults.timeout,
          memorySize: input.MemorySize ?? functionDefaults.memorySize,
          environment: input.Environment?.Variables,
          architectures: input.Architectures ?? functionDefaults.architectures,
          ephemeralStorageSize: input.EphemeralStorage?.Size ?? functionDefaults.ephemeralStorageSize,
          logGroup: input.LoggingConfig?.LogGroup,
        },
        codeSha256: code.sha256,
        codeSize: code.size,
        revisionId: pending.revisionId,
        transition: pending.transition,
        lastModified: nowMs,
        policy: [],
        tags: input.Tags ?? {},
        reservedConcurrency: undefined,
        lastVersion: 0,
      };
      if (lambdaStore.findFunction(record)) throw lambdaErrors.functionExists(name);
      // A new function has no version yet, so publishing creates version 1.
      const plan = input.Publish
        ? planVersion(record, undefined, nowMs, { pendingUntil: pending.transition.until })
        : undefined;
      lambdaStore.createFunction(plan?.created ? plan.fn : record, code, plan?.version);
      // With Publish, Lambda answers version 1 under the function's unqualified ARN
      // (recorded: test_publish_version_on_create).
      return functionConfiguration(plan?.version ?? record, { nowMs, fresh: true, arn: 'unqualified' });
    },
);
