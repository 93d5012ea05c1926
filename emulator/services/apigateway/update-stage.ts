import type { PatchOperation, Stage, UpdateStageRequest } from '@aws-sdk/client-api-gateway';
import { UnsupportedFeatureException } from '../../errors.js';
import type { ApiGatewayStore, StageRecord } from '../../store/apigateway-store.js';
import { defineOperation } from '../service-definition.js';
import { apiGatewayErrors } from './errors.js';
import { requireStage } from './lookups.js';
import { patchBoolean, patchValue } from './patch-operations.js';
import { stageView } from './views.js';

/** The paths AWS accepts, as LocalStack recorded them from AWS's refusal of another one. */
const stagePaths = [
  '/deploymentId',
  '/description',
  '/cacheClusterEnabled',
  '/cacheClusterSize',
  '/clientCertificateId',
  '/accessLogSettings',
  '/accessLogSettings/destinationArn',
  '/accessLogSettings/format',
  '/{resourcePath}/{httpMethod}/metrics/enabled',
  '/{resourcePath}/{httpMethod}/logging/dataTrace',
  '/{resourcePath}/{httpMethod}/logging/loglevel',
  '/{resourcePath}/{httpMethod}/throttling/burstLimit',
  '/{resourcePath}/{httpMethod}/throttling/rateLimit',
  '/{resourcePath}/{httpMethod}/caching/ttlInSeconds',
  '/{resourcePath}/{httpMethod}/caching/enabled',
  '/{resourcePath}/{httpMethod}/caching/dataEncrypted',
  '/{resourcePath}/{httpMethod}/caching/requireAuthorizationForCacheControl',
  '/{resourcePath}/{httpMethod}/caching/unauthorizedCacheControlHeaderStrategy',
  '/variables/{variable_name}',
  '/tracingEnabled',
];

/** Method settings (`/<resource>/<method>/throttling/rateLimit`, …), caches, logs, certificates, canaries. */
const notEmulatedPath = new RegExp(
  '^/(cacheCluster|clientCertificateId|accessLogSettings|canarySettings|' +
    '[^/]+/[^/]+/(metrics|logging|throttling|caching)/)',
);

function applyOperation(
  stage: StageRecord,
  operation: PatchOperation,
  deployments: Pick<ApiGatewayStore, 'findDeployment'>,
): void {
  const path = operation.path ?? '';
  if (path.startsWith('/variables/')) {
    const name = path.slice('/variables/'.length);
    if (operation.op === 'remove') delete stage.variables[name];
    else if (operation.op === 'add' || operation.op === 'replace')
      stage.variables = { ...stage.variables, [name]: patchValue(operation) };
    else throw apiGatewayErrors.unsupportedPatchOperation(operation);
    return;
  }
  if (path === '/deploymentId' || path === '/description' || path === '/tracingEnabled') {
    if (operation.op !== 'replace') throw apiGatewayErrors.unsupportedPatchOperation(operation);
    if (path === '/deploymentId') {
      const deploymentId = patchValue(operation);
      if (!deployments.findDeployment(stage.apiId, deploymentId)) {
        throw apiGatewayErrors.unknownDeploymentId();
      }
      stage.deploymentId = deploymentId;
    } else if (path === '/description') {
      stage.description = operation.value === '' ? undefined : operation.value;
    } else {
      stage.tracingEnabled = patchBoolean(operation);
    }
    return;
  }
  if (notEmulatedPath.test(path))
    throw new UnsupportedFeatureException(
      `UpdateStage path ${path} (method settings, caches, logs, certificates and canaries)`,
    );
  throw apiGatewayErrors.invalidStagePath(path, stagePaths);
}

/** Moves a stage to another deployment, or changes its description, variables or tracing flag. */
export const updateStage = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: UpdateStageRequest, context): Stage => {
      const found = requireStage(apigateway, context, input.restApiId as string, input.stageName as string);
      // A copy: the store's records are shared (and frozen); the patch operations change the variables in place.
      const stage: StageRecord = { ...found, variables: { ...found.variables } };
      for (const operation of input.patchOperations ?? []) applyOperation(stage, operation, apigateway);
      stage.updatedAt = context.now.getTime();
      apigateway.updateStage(stage);
      return stageView(stage);
    },
);
