import type { PatchOperation } from '@aws-sdk/client-api-gateway';
import { AwsError, UnsupportedFeatureException } from '../../errors.js';

/**
 * The control plane's errors, as API Gateway writes them: status from the model, `x-amzn-ErrorType: <Code>` and
 * `{"message": "…"}`. Only the factories below build them, each message with its source or marked [unverified].
 */
class NotFoundException extends AwsError {
  constructor(message: string) {
    super('NotFoundException', message, 404);
  }
}

class BadRequestException extends AwsError {
  constructor(message: string) {
    super('BadRequestException', message, 400);
  }
}

class ConflictException extends AwsError {
  constructor(message: string) {
    super('ConflictException', message, 409);
  }
}

/**
 * The unknown identifiers, recorded from AWS by LocalStack (test_apigateway_api.snapshot.json:
 * `test_get_api_case_insensitive`, `test_delete_resource`, `test_method_lifecycle`,
 * `test_integration_response_invalid_integration`,
 * `test_integration_response_wrong_status_code`); the deployment's and the stage's wordings are [unverified].
 */
export const notFound = {
  restApi: (accountId: string, apiId: string) =>
    new NotFoundException(`Invalid API identifier specified ${accountId}:${apiId}`),
  resource: () => new NotFoundException('Invalid Resource identifier specified'),
  method: () => new NotFoundException('Invalid Method identifier specified'),
  integration: () => new NotFoundException('Invalid Integration identifier specified'),
  /** Both a missing method response and a missing integration response answer this. */
  responseStatusCode: () => new NotFoundException('Invalid Response status code specified'),
  deployment: () => new NotFoundException('Invalid Deployment identifier specified'),
  stage: () => new NotFoundException('Invalid stage identifier specified'),
} as const;

/**
 * The control plane's refusals, by situation. "Recorded" means recorded from AWS by LocalStack's parity tests, in
 * its tests/aws/services/apigateway/test_apigateway_api.snapshot.json (copied in test/fixtures/aws-recorded/apigateway)
 * unless another of its snapshots is named.
 */
export const apiGatewayErrors = {
  // Patch operations (UpdateRestApi, UpdateResource, UpdateMethod, …)
  /** Recorded (`test_update_resource_behaviour`), two spaces after "path" included. */
  invalidPatchPath: (operation: PatchOperation, allowed: string[]) =>
    new BadRequestException(
      `Invalid patch path  '${operation.path ?? ''}' specified for op '${operation.op ?? ''}'. ` +
        `Must be one of: [${allowed.join(', ')}]`,
    ),
  /** Recorded (`test_update_resource_behaviour`). */
  unsupportedPatchOperation: (operation: PatchOperation) =>
    new BadRequestException(
      `Invalid patch path  '${operation.path ?? ''}' specified for op '${operation.op ?? ''}'. ` +
        'Please choose supported operations',
    ),
  /**
   * The shorter wording of methods, method responses and REST APIs, recorded (`test_update_method_validation`,
   * `test_update_rest_api_behaviour`); UpdateGatewayResponse writes an absent path `null`
   * (`test_update_gateway_response`).
   */
  unknownPatchPath: (path: string) => new BadRequestException(`Invalid patch path ${path}`),
  /** Recorded (`test_update_method_validation`, `test_update_rest_api_compression`). */
  patchOperationNotAllowed: (allowed: string[]) =>
    new BadRequestException(`Invalid patch operation specified. Must be one of: [${allowed.join(', ')}]`),
  /** Recorded (`test_update_gateway_response`). */
  emptyPatchValue: (member: string) => new BadRequestException(`Invalid null or empty value in ${member}`),
  /** [unverified] */
  notABoolean: (operation: PatchOperation) =>
    new BadRequestException(`Invalid value '${operation.value}' for ${operation.path}: must be true or false`),
  /** [unverified] AWS's words for patching a missing entry of an integration's maps. */
  missingPatchEntry: (path: string) => new NotFoundException(`Invalid patch path ${path}`),

  // REST APIs
  /** Recorded (`test_create_rest_api_with_optional_params`). */
  emptyDescription: () => new BadRequestException('Description cannot be an empty string'),
  /** Recorded (`test_update_rest_api_compression`). */
  compressionSize: (max: number) =>
    new BadRequestException(`Invalid minimum compression size, must be between 0 and ${max}`),
  /** Recorded (`test_create_rest_api_with_endpoint_configuration`). */
  noEndpointType: () =>
    new BadRequestException('REGIONAL Configuration and EDGE Configuration cannot be both DISABLED.'),
  /** Recorded (as above). */
  multipleEndpointTypes: () => new BadRequestException('Cannot create an api with multiple Endpoint Types.'),
  /** Recorded (`test_create_rest_api_private_type`). */
  privateNotDualstack: () => new BadRequestException('Only dualstack ipAddressType is supported for Private APIs.'),
  /** Recorded (`test_update_rest_api_ip_address_type`); ImportRestApi's wording is [unverified]. */
  invalidEndpointType: (types: string[]) =>
    new BadRequestException(`Invalid EndpointTypes specified. Valid options are ${types.join(',')}`),
  /** Recorded (as above). */
  invalidIpAddressType: () => new BadRequestException('ipAddressType must be either ipv4 or dualstack.'),
  /** Recorded (as above): an endpoint type patched with another op than replace. */
  endpointTypeOperation: () =>
    new BadRequestException("Invalid patch operation specified. Must be 'add'|'remove'|'replace'"),
  /** [unverified] */
  emptyApiName: () => new BadRequestException('Invalid REST API name specified'),
  /** [unverified] */
  invalidApiKeySource: (source: string) => new BadRequestException(`Invalid API Key source specified: ${source}`),
  /** [unverified] API Gateway's wording for a refused resource policy; the detail is IAM's parser's. */
  invalidPolicy: (detail: string) =>
    new BadRequestException(`Invalid policy document. Please check the policy syntax and try again. ${detail}`),

  // Imported definitions (ImportRestApi, PutRestApi)
  /** Recorded (`test_import_api_bad_file`): a body that is not an OpenAPI 3 or Swagger 2 document. */
  invalidOpenApi: () => new BadRequestException('Invalid OpenAPI input.'),
  /** [unverified] */
  invalidBasePathMode: (mode: string) => new BadRequestException(`Invalid basepath parameter: ${mode}`),
  /** [unverified] A security requirement naming no scheme. */
  unknownSecurityScheme: (name: string) => new BadRequestException(`Invalid security scheme specified: ${name}`),
  /** [unverified] wording */
  importWarnings: (warnings: string[]) =>
    new BadRequestException(`Warnings found during import:\n\t${warnings.join('\n\t')}`),

  // Resources
  /** AWS's message, quoted by moto. */
  invalidPathPart: () =>
    new BadRequestException(
      "Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional " +
        'plus sign before the closing brace.',
    ),
  /** [unverified] */
  rootResourceUndeletable: () => new BadRequestException('Cannot delete the root resource'),
  /** Recorded (`test_create_proxy_resource_validation`). */
  greedyParent: (pathPart: string | undefined) =>
    new BadRequestException(`Cannot create a child of a resource with a greedy path variable: ${pathPart}`),
  /** Recorded (`test_update_resource_behaviour`). */
  siblingNameTaken: (pathPart: string) =>
    new ConflictException(`Another resource with the same parent already has this name: ${pathPart}`),
  /** Recorded (`test_create_proxy_resource_validation`). */
  secondVariableSibling: (sibling: string | undefined) =>
    new BadRequestException(
      `A sibling (${sibling}) of this resource already has a variable path part -- only one is allowed`,
    ),
  /** Recorded (`test_update_resource_behaviour`). */
  cyclicalResource: () => new BadRequestException('Resources cannot be cyclical.'),
  /** Recorded (`test_update_resource_on_root`). */
  rootResourceFixed: (member: 'pathPart' | 'parentId') =>
    new BadRequestException(`Root resource cannot update its ${member}.`),

  // Methods and their responses
  /** Recorded: how PutMethod, PutMethodResponse and PutIntegrationResponse refuse a mapping expression. */
  invalidMappingExpression: (error: string) =>
    new BadRequestException(
      `Invalid mapping expression specified: Validation Result: warnings : [], errors : [${error}]`,
    ),
  /** Recorded (`test_put_method_validation`). */
  duplicateParameterName: () =>
    new BadRequestException('Parameter names must be unique across querystring, header and path'),
  /** Recorded (`test_put_method_validation`); idpool's APIs have only the models Empty and Error. */
  unknownModel: (model: string) => new BadRequestException(`Invalid model identifier specified: ${model}`),
  /** Recorded (`test_put_method_validation`). */
  invalidHttpMethod: (methods: string[]) =>
    new BadRequestException(`Invalid HttpMethod specified. Valid options are ${methods.join(',')}`),
  /** Recorded (`test_put_method_validation`, `test_update_method_validation`). */
  authorizerRequired: () =>
    new BadRequestException(
      'Invalid authorizer ID specified. ' +
        'Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.',
    ),
  /** [unverified] wording, patterned on the HttpMethod refusal. */
  invalidAuthorizationType: (types: string[]) =>
    new BadRequestException(`Invalid authorization type specified. Valid options are ${types.join(',')}`),
  /** Recorded (`test_put_method_validation`). */
  unknownRequestValidator: () => new BadRequestException('Invalid Request Validator identifier specified'),
  /** aws/aws-cli#3992 (409). */
  methodExists: () => new ConflictException('Method already exists for this resource'),
  /** [unverified] wording */
  methodResponseExists: () => new ConflictException('Response already exists for this resource'),
  /** Recorded (`test_update_method_wrong_param_names`): a patched parameter the method (response) lacks. */
  missingParameter: () => new NotFoundException('Invalid parameter name specified'),
  /** Recorded (as above): a patched model or template whose content type is not there. */
  missingContentType: () => new NotFoundException('Content-Type specified was not found'),

  // Integrations
  /** Recorded (test_apigateway_integrations.snapshot.json, test_apigateway_lambda.snapshot.json). */
  invalidIntegrationArn: () => new BadRequestException('Invalid ARN specified in the request'),
  /** Recorded (as above). */
  integrationArnWithoutPathOrAction: () =>
    new BadRequestException('AWS ARN for integration must contain path or action'),
  /** Recorded (as above). */
  proxyTargetNotLambda: () =>
    new BadRequestException(
      "Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations.",
    ),
  /** Recorded (test_apigateway_integrations.snapshot.json, `test_put_integration_validation`). */
  emptyIntegrationHttpMethod: () => new BadRequestException('Enumeration value for HttpMethod must be non-empty'),
  /** aws/aws-cdk#31063 (a CloudFormation event quoting API Gateway). */
  timeoutOutOfRange: () => new BadRequestException('Timeout should be between 50 ms and 29000 ms'),
  /** [unverified] */
  invalidPassthroughBehavior: (behaviors: string[]) =>
    new BadRequestException(`Invalid passthrough behavior specified. Valid options are ${behaviors.join(',')}`),

  // Deployments and stages
  /** Clarifai/lambdafai#57, getmoto/moto#9466. */
  noMethods: () => new BadRequestException("The REST API doesn't contain any methods"),
  /** amazon-archives/aws-apigateway-importer#29, serverless/serverless#11748 (400). */
  methodWithoutIntegration: () => new BadRequestException('No integration defined for method'),
  /** Recorded (test_apigateway_common.snapshot.json, `test_create_delete_deployments`). */
  activeStages: () => new BadRequestException('Active stages pointing to this deployment must be moved or deleted'),
  /**
   * AWS once answered "Stage name only allows a-zA-Z0-9_" (Miserlou/Zappa#356); hyphens are accepted today
   * [unverified: the current wording].
   */
  invalidStageName: () => new BadRequestException('Stage name only allows a-zA-Z0-9_-'),
  /** hashicorp/terraform-provider-aws#1153 (ConflictException). */
  stageExists: () => new ConflictException('Stage already exists'),
  /** Recorded (test_apigateway_canary.snapshot.json, `test_create_canary_deployment`). */
  unknownDeploymentId: () => new BadRequestException('Deployment id does not exist'),
  /** Recorded (test_apigateway_common.snapshot.json, `test_create_update_stages`). */
  invalidStagePath: (path: string, paths: string[]) =>
    new BadRequestException(`Invalid method setting path: ${path}. Must be one of: [${paths.join(', ')}]`),

  // Gateway responses
  /** Recorded (`test_gateway_response_validation`). */
  gatewayResponseNotSet: () => new NotFoundException('Gateway response type not defined on api'),

  // Tags
  /** [unverified] */
  invalidArn: (arn: string) => new BadRequestException(`Invalid ARN specified in the request: ${arn}`),
  /** [unverified] */
  unknownTagTarget: (arn: string) => new NotFoundException(`Invalid resource identifier specified: ${arn}`),
  /** [unverified] */
  tooManyTags: () => new BadRequestException('Too many tags: a resource can have at most 50 tags'),
  /** [unverified] */
  invalidTag: (key: string) => new BadRequestException(`Invalid tag: ${key}`),
} as const;

/** What idpool does not emulate, named in an UnsupportedFeatureException (idpool's own wording). */
export const notEmulated = {
  canarySettings: () => new UnsupportedFeatureException('canarySettings (canary deployments)'),
  stageCache: () => new UnsupportedFeatureException('cacheClusterEnabled (stage caches)'),
  documentationVersion: () => new UnsupportedFeatureException('documentationVersion (API documentation)'),
  apiKeys: () => new UnsupportedFeatureException('apiKeyRequired: true (API keys and usage plans)'),
  authorizationScopes: () => new UnsupportedFeatureException('authorizationScopes (Cognito user pool authorizers)'),
  vpcLinks: () => new UnsupportedFeatureException('connectionType VPC_LINK (private integrations)'),
  cloneFrom: () => new UnsupportedFeatureException('CreateRestApi with cloneFrom (copying an existing API)'),
} as const;
