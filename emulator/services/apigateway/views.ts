import type {
  Deployment,
  Integration,
  IntegrationResponse,
  Method,
  MethodResponse,
  MethodSnapshot,
  Resource,
  RestApi,
  Stage,
} from '@aws-sdk/client-api-gateway';
import type {
  DeploymentRecord,
  DeploymentSnapshot,
  ResourceRecord,
  RestApiRecord,
  StageRecord,
  StoredIntegration,
  StoredIntegrationResponse,
  StoredMethod,
  StoredMethodResponse,
} from '../../store/apigateway-store.js';

/** API Gateway answers dates as whole epoch seconds. */
function wholeSeconds(epochMs: number): Date {
  return new Date(Math.floor(epochMs / 1000) * 1000);
}

function nonEmpty<T extends object>(value: T | undefined): T | undefined {
  return value && Object.keys(value).length > 0 ? value : undefined;
}

/**
 * AWS answers a resource policy minified and escaped once more inside the JSON string: quotes as `\"` and
 * slashes as `\/` (Terraform and LocalStack issues quote `"policy":"{\\\"Version\\\":…` from real responses).
 */
function awsEscapedPolicy(policy: string): string {
  const minified = JSON.stringify(JSON.parse(policy));
  return JSON.stringify(minified).slice(1, -1).replaceAll('/', '\\/');
}

export function restApiView(api: RestApiRecord): RestApi {
  return {
    id: api.apiId,
    name: api.name,
    description: api.description,
    createdDate: wholeSeconds(api.createdAt),
    version: api.version,
    binaryMediaTypes: api.binaryMediaTypes.length > 0 ? api.binaryMediaTypes : undefined,
    minimumCompressionSize: api.minimumCompressionSize,
    apiKeySource: api.apiKeySource as RestApi['apiKeySource'],
    endpointConfiguration: api.endpointConfiguration as RestApi['endpointConfiguration'],
    policy: api.policy === undefined ? undefined : awsEscapedPolicy(api.policy),
    tags: nonEmpty(api.tags),
    disableExecuteApiEndpoint: api.disableExecuteApiEndpoint,
    rootResourceId: api.rootResourceId,
  };
}

export function methodResponseView(response: StoredMethodResponse): MethodResponse {
  return {
    statusCode: response.statusCode,
    responseParameters: response.responseParameters,
    responseModels: response.responseModels,
  };
}

export function integrationResponseView(response: StoredIntegrationResponse): IntegrationResponse {
  return {
    statusCode: response.statusCode,
    selectionPattern: response.selectionPattern,
    responseParameters: response.responseParameters,
    responseTemplates: response.responseTemplates,
    contentHandling: response.contentHandling as IntegrationResponse['contentHandling'],
  };
}

function mapValues<A, B>(record: Record<string, A>, view: (value: A) => B): Record<string, B> | undefined {
  const entries = Object.entries(record);
  return entries.length === 0 ? undefined : Object.fromEntries(entries.map(([key, value]) => [key, view(value)]));
}

export function integrationView(integration: StoredIntegration): Integration {
  return {
    type: integration.type as Integration['type'],
    httpMethod: integration.httpMethod,
    uri: integration.uri,
    credentials: integration.credentials,
    requestParameters: integration.requestParameters,
    requestTemplates: integration.requestTemplates,
    passthroughBehavior: integration.passthroughBehavior,
    contentHandling: integration.contentHandling as Integration['contentHandling'],
    timeoutInMillis: integration.timeoutInMillis,
    cacheNamespace: integration.cacheNamespace,
    cacheKeyParameters: integration.cacheKeyParameters,
    integrationResponses: mapValues(integration.integrationResponses, integrationResponseView),
  };
}

export function methodView(method: StoredMethod): Method {
  return {
    httpMethod: method.httpMethod,
    authorizationType: method.authorizationType,
    apiKeyRequired: method.apiKeyRequired,
    operationName: method.operationName,
    requestParameters: method.requestParameters,
    requestModels: method.requestModels,
    methodResponses: mapValues(method.methodResponses, methodResponseView),
    methodIntegration: method.integration && integrationView(method.integration),
  };
}

/**
 * A resource as GetResources/GetResource answer it: with `embed=methods` each method in full, otherwise only the
 * method names (`"resourceMethods": {"GET": {}}`, as the AWS CLI shows them).
 */
export function resourceView(
  resource: ResourceRecord,
  methods: Record<string, StoredMethod> | undefined,
  embedMethods: boolean,
): Resource {
  const names = methods ? Object.keys(methods).sort() : [];
  return {
    id: resource.resourceId,
    parentId: resource.parentId,
    pathPart: resource.pathPart,
    path: resource.path,
    resourceMethods:
      names.length === 0
        ? undefined
        : Object.fromEntries(
            names.map((name) => [
              name,
              embedMethods ? methodView((methods as Record<string, StoredMethod>)[name] as StoredMethod) : {},
            ]),
          ),
  };
}

export function deploymentView(deployment: DeploymentRecord, snapshot?: DeploymentSnapshot): Deployment {
  return {
    id: deployment.deploymentId,
    description: deployment.description,
    createdDate: wholeSeconds(deployment.createdAt),
    apiSummary: snapshot && apiSummary(snapshot),
  };
}

function apiSummary(snapshot: DeploymentSnapshot): Record<string, Record<string, MethodSnapshot>> {
  const summary: Record<string, Record<string, MethodSnapshot>> = {};
  for (const resource of snapshot.resources) {
    const methods = Object.values(resource.methods);
    if (methods.length === 0) continue;
    summary[resource.path] = Object.fromEntries(
      methods.map((method) => [
        method.httpMethod,
        { authorizationType: method.authorizationType, apiKeyRequired: method.apiKeyRequired },
      ]),
    );
  }
  return summary;
}

export function stageView(stage: StageRecord): Stage {
  return {
    deploymentId: stage.deploymentId,
    stageName: stage.stageName,
    description: stage.description,
    cacheClusterEnabled: false,
    cacheClusterStatus: 'NOT_AVAILABLE',
    methodSettings: {},
    variables: nonEmpty(stage.variables),
    tracingEnabled: stage.tracingEnabled,
    tags: nonEmpty(stage.tags),
    createdDate: wholeSeconds(stage.createdAt),
    lastUpdatedDate: wholeSeconds(stage.updatedAt),
  };
}
