import type { CreateFunctionRequest, FunctionConfiguration } from '@aws-sdk/client-lambda';
import { UnsupportedFeatureException } from '../../errors.js';
import type { FunctionRecord, FunctionVersionRecord } from '../../store/lambda-store.js';
import type { Operation } from '../service-definition.js';
import { readCodePackage } from './code-package.js';
import { InvalidParameterValueException, ResourceConflictException } from './errors.js';
import { functionConfiguration } from './function-configuration.js';
import { parseFunctionName } from './function-names.js';
import { checkEnvironment, checkLimits, checkRole, checkRuntime, rejectUnemulatedSettings } from './function-settings.js';
import { startTransition } from './function-states.js';
import { publishVersion } from './function-versions.js';
import { checkTagCount } from './tagged-function.js';

/** A function's own name is at most 64 characters, whatever the longer ARN FunctionName may hold (recorded). */
const maxNameLength = 64;

/** Defaults Lambda applies: 3 s timeout, 128 MB memory, x86_64, 512 MB of /tmp. */
const functionDefaults = { timeout: 3, memorySize: 128, architectures: ['x86_64'], ephemeralStorageSize: 512 };

export const createFunction: Operation<CreateFunctionRequest, FunctionConfiguration> = (input, context) => {
  const { runtime } = context;
  const store = runtime.lambdaStore;
  const { name } = parseFunctionName(input.FunctionName as string, context);
  if (name.length > maxNameLength) {
    throw new InvalidParameterValueException(
      `1 validation error detected: Value '${input.FunctionName}' at 'functionName' failed to satisfy constraint: Member must have length less than or equal to ${maxNameLength}`,
    );
  }
  if (input.Tags) checkTagCount(Object.keys(input.Tags).length);
  if (input.PackageType === 'Image' || input.Code?.ImageUri) {
    throw new UnsupportedFeatureException('PackageType Image (container image functions); deploy a .zip package as Code.ZipFile');
  }
  if (input.Code?.S3Bucket || input.Code?.S3Key) {
    throw new UnsupportedFeatureException('code from Amazon S3 (Code.S3Bucket/S3Key); upload the .zip package as Code.ZipFile');
  }
  if (input.CodeSigningConfigArn) throw new UnsupportedFeatureException('CodeSigningConfigArn (code signing)');
  if (input.TenancyConfig || input.PublishTo) throw new UnsupportedFeatureException('TenancyConfig and PublishTo');
  rejectUnemulatedSettings(input);
  if (!input.Runtime || !input.Handler) {
    throw new InvalidParameterValueException('Runtime and Handler are mandatory parameters for functions created with deployment packages.');
  }
  checkRuntime(input.Runtime);
  if (!input.Code?.ZipFile) throw new InvalidParameterValueException('Please provide a source for function code.');
  checkLimits(input.Timeout, input.MemorySize);
  if (input.Environment?.Variables) checkEnvironment(input.Environment.Variables);
  checkRole(runtime, input.Role as string);
  const code = readCodePackage(input.Code.ZipFile);

  const nowMs = context.now.getTime();
  const pending = startTransition('create', nowMs, runtime.config.lambdaStateTransitionMs);
  const record: FunctionRecord = {
    accountId: context.accountId,
    region: context.region,
    name,
    version: '$LATEST',
    settings: {
      runtime: input.Runtime,
      role: input.Role as string,
      handler: input.Handler,
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
  let published: FunctionVersionRecord | undefined;
  runtime.db.transaction(() => {
    if (store.findFunction(record)) throw new ResourceConflictException(`Function already exist: ${name}`);
    store.putCode(code.sha256, code.zip);
    store.insertFunction(record);
    if (input.Publish) published = publishVersion(store, record, nowMs, { pendingUntil: pending.transition.until }).version;
  });
  // With Publish, Lambda answers version 1 under the function's unqualified ARN (recorded: test_publish_version_on_create).
  return functionConfiguration(published ?? record, { nowMs, fresh: true, arn: 'unqualified' });
};
