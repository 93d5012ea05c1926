import type { CreateFunctionRequest, UpdateFunctionConfigurationRequest } from '@aws-sdk/client-lambda';
import { evaluate, parsePolicyDocument } from '../../auth/policy/index.js';
import { UnsupportedFeatureException } from '../../errors.js';
import type { IamStore } from '../../store/iam-store.js';
import { lambdaErrors } from './errors.js';

/** The runtimes idpool runs, in a Node.js worker process of the emulator's own Node.js. */
const supportedRuntimes = ['nodejs18.x', 'nodejs20.x', 'nodejs22.x', 'nodejs24.x'];

/**
 * The runtimes Lambda knows, in the order its validation message lists them (recorded 2025-11:
 * test_create_lambda_exceptions::invalid_runtime_exc, test/fixtures/aws-recorded/lambda/test_lambda_api.snapshot.json).
 */
const lambdaRuntimes = [
  'nodejs20.x',
  'python3.14',
  'provided.al2023',
  'python3.12',
  'python3.13',
  'nodejs24.x',
  'nodejs22.x',
  'java25',
  'python3.10',
  'python3.11',
  'java21',
  'ruby3.3',
  'ruby3.4',
  'ruby3.2',
  'python3.8',
  'python3.9',
  'java17',
  'nodejs16.x',
  'dotnet10',
  'dotnet8',
  'java11',
  'dotnet6',
  'nodejs18.x',
  'provided.al2',
  'java8.al2',
];

/** Runtimes Lambda no longer lets anyone create or update functions with. */
const blockedRuntimes = new Set([
  'nodejs',
  'nodejs4.3',
  'nodejs4.3-edge',
  'nodejs6.10',
  'nodejs8.10',
  'nodejs10.x',
  'nodejs12.x',
  'nodejs14.x',
  'python2.7',
  'python3.6',
  'python3.7',
  'dotnetcore1.0',
  'dotnetcore2.0',
  'dotnetcore2.1',
  'dotnetcore3.1',
  'ruby2.5',
  'ruby2.7',
  'go1.x',
]);

export function checkRuntime(runtime: string): void {
  if (supportedRuntimes.includes(runtime)) return;
  if (blockedRuntimes.has(runtime)) {
    throw lambdaErrors.blockedRuntime(runtime);
  }
  if (!lambdaRuntimes.includes(runtime)) {
    throw lambdaErrors.unknownRuntime(runtime, lambdaRuntimes);
  }
  throw new UnsupportedFeatureException(
    `runtime ${runtime}. idpool runs Node.js functions (${supportedRuntimes.join(', ')}) in local worker processes; ` +
      'other runtimes need real Lambda or a container-based emulator.',
  );
}

/** The execution role must exist and trust lambda.amazonaws.com, as Lambda checks by assuming it. */
export function checkRole(iam: Pick<IamStore, 'findRoleByArn'>, roleArn: string): void {
  const role = iam.findRoleByArn(roleArn);
  let trusted = false;
  if (role) {
    try {
      trusted =
        evaluate({
          request: {
            principal: { kind: 'service', service: 'lambda.amazonaws.com' },
            action: 'sts:AssumeRole',
            resource: role.arn,
            context: {},
          },
          identityPolicies: [],
          resourcePolicy: parsePolicyDocument(role.assumeRolePolicy, 'trust'),
          resourcePolicyKind: 'trust',
          resourceAccountId: role.accountId,
        }).decision === 'Allow';
    } catch {
      trusted = false;
    }
  }
  if (!trusted) throw lambdaErrors.roleNotAssumable();
}

/** Variables Lambda sets itself; a function may not define them. */
const reservedEnvironmentKeys = [
  '_HANDLER',
  '_X_AMZN_TRACE_ID',
  'AWS_DEFAULT_REGION',
  'AWS_REGION',
  'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_ACCESS_KEY',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API',
  'LAMBDA_TASK_ROOT',
  'LAMBDA_RUNTIME_DIR',
];

const maxEnvironmentBytes = 4096;

export function checkEnvironment(variables: Record<string, string>): void {
  const reserved = Object.keys(variables).filter((key) => reservedEnvironmentKeys.includes(key));
  if (reserved.length > 0) {
    throw lambdaErrors.reservedEnvironmentKeys(reserved);
  }
  // AWS measures the variables' JSON and quotes it (recorded: test_large_environment_variables_fails); the caller
  // sent it.
  const measured = JSON.stringify(variables);
  if (Buffer.byteLength(measured) > maxEnvironmentBytes) {
    throw lambdaErrors.environmentTooLarge(measured);
  }
}

/** Lambda's limits beyond the model's ranges. */
export function checkLimits(timeout: number | undefined, memorySize: number | undefined): void {
  if (timeout !== undefined && timeout > 900) throw lambdaErrors.valueAbove('timeout', timeout, 900);
  if (memorySize !== undefined && memorySize > 10240) throw lambdaErrors.valueAbove('memorySize', memorySize, 10240);
}

type SharedSettings = Pick<
  CreateFunctionRequest & UpdateFunctionConfigurationRequest,
  | 'VpcConfig'
  | 'DeadLetterConfig'
  | 'KMSKeyArn'
  | 'TracingConfig'
  | 'Layers'
  | 'FileSystemConfigs'
  | 'ImageConfig'
  | 'SnapStart'
  | 'LoggingConfig'
  | 'CapacityProviderConfig'
  | 'DurableConfig'
>;

/** Settings that would change how a function runs in ways idpool does not emulate: refused, never ignored. */
export function rejectUnemulatedSettings(input: SharedSettings): void {
  const unemulated: string[] = [];
  if ((input.VpcConfig?.SubnetIds?.length ?? 0) > 0 || (input.VpcConfig?.SecurityGroupIds?.length ?? 0) > 0)
    unemulated.push('VpcConfig');
  if (input.DeadLetterConfig?.TargetArn) unemulated.push('DeadLetterConfig');
  if (input.KMSKeyArn) unemulated.push('KMSKeyArn');
  if (input.TracingConfig?.Mode === 'Active') unemulated.push('TracingConfig Mode Active');
  if ((input.Layers?.length ?? 0) > 0) unemulated.push('Layers');
  if ((input.FileSystemConfigs?.length ?? 0) > 0) unemulated.push('FileSystemConfigs');
  if (input.ImageConfig) unemulated.push('ImageConfig');
  if (input.SnapStart?.ApplyOn === 'PublishedVersions') unemulated.push('SnapStart');
  if (
    input.LoggingConfig?.LogFormat === 'JSON' ||
    input.LoggingConfig?.ApplicationLogLevel ||
    input.LoggingConfig?.SystemLogLevel
  ) {
    unemulated.push('LoggingConfig JSON format and log levels');
  }
  if (input.CapacityProviderConfig) unemulated.push('CapacityProviderConfig');
  if (input.DurableConfig) unemulated.push('DurableConfig');
  if (unemulated.length > 0) throw new UnsupportedFeatureException(`Lambda function settings ${unemulated.join(', ')}`);
}
