import type { EmulatorRuntime } from '../../runtime.js';
import { lambdaFunctionOfUri } from '../../services/apigateway/integration-uri.js';
import type { RestApiRecord, StoredMethod } from '../../store/apigateway-store.js';
import { iso, notFound } from './console-http.js';
import { consoleState } from './console-state.js';

function apis(runtime: EmulatorRuntime): RestApiRecord[] {
  return consoleState(runtime)
    .queries.restApiIds()
    .flatMap((id) => runtime.apigateway.findRestApi(id) ?? []);
}

/** `GET api/apis`: every REST API, oldest first. */
export function listApis(runtime: EmulatorRuntime): object {
  return {
    apis: apis(runtime).map((api) => ({
      id: api.apiId,
      name: api.name,
      createdAt: iso(api.createdAt),
      stages: runtime.apigateway.listStages(api.apiId).map((stage) => stage.stageName),
    })),
  };
}

/** `…:function:<name>[:qualifier]` → the name. */
function functionNameOf(uri: string | undefined): string | undefined {
  const target = uri === undefined ? undefined : lambdaFunctionOfUri(uri);
  if (target === undefined) return undefined;
  const match = /:function:([^:/]+)/.exec(target);
  return match ? match[1] : target;
}

function methodOf(method: StoredMethod): object {
  const integration = method.integration;
  return {
    httpMethod: method.httpMethod,
    authorizationType: method.authorizationType,
    apiKeyRequired: method.apiKeyRequired,
    integration: integration && {
      type: integration.type,
      httpMethod: integration.httpMethod,
      uri: integration.uri,
      functionName: functionNameOf(integration.uri),
    },
  };
}

/** The shell line that calls one method: signed with the caller's credentials for AWS_IAM methods. */
function curlLine(region: string, url: string, method: StoredMethod): string {
  const verb = method.httpMethod === 'GET' || method.httpMethod === 'ANY' ? '' : `-X ${method.httpMethod} `;
  if (method.authorizationType !== 'AWS_IAM') return `curl ${verb}'${url}'`;
  return (
    `curl ${verb}--aws-sigv4 'aws:amz:${region}:execute-api' --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" ` +
    `-H "x-amz-security-token: $AWS_SESSION_TOKEN" '${url}'`
  );
}

/** `GET api/apis/:apiId`: its resource tree, stages with both invoke URL forms, deployments and curl lines. */
export function describeApi(runtime: EmulatorRuntime, apiId: string): object {
  const store = runtime.apigateway;
  const api = store.findRestApi(apiId);
  if (!api) throw notFound(`No REST API ${apiId}`);
  const port = new URL(runtime.url || 'http://127.0.0.1:4566').port;
  const methods = store.methodsByResource(apiId);
  const resources = store.listResources(apiId).sort((a, b) => a.path.localeCompare(b.path));
  const stages = store.listStages(apiId).map((stage) => ({
    name: stage.stageName,
    deploymentId: stage.deploymentId,
    createdAt: iso(stage.createdAt),
    invokeUrls: {
      localhost: `http://${apiId}.execute-api.localhost:${port}/${stage.stageName}`,
      path: `http://127.0.0.1:${port}/restapis/${apiId}/${stage.stageName}/_user_request_`,
    },
  }));
  const curl: Record<string, Record<string, Record<string, string>>> = {};
  for (const stage of stages) {
    const byPath: Record<string, Record<string, string>> = {};
    for (const resource of resources) {
      const own = methods.get(resource.resourceId);
      if (!own) continue;
      const url = `${stage.invokeUrls.path}${resource.path === '/' ? '/' : resource.path}`;
      byPath[resource.path] = Object.fromEntries(
        Object.values(own).map((method) => [method.httpMethod, curlLine(api.region, url, method)]),
      );
    }
    curl[stage.name] = byPath;
  }
  return {
    id: api.apiId,
    name: api.name,
    description: api.description,
    createdAt: iso(api.createdAt),
    endpointTypes: api.endpointConfiguration.types,
    resources: resources.map((resource) => ({
      id: resource.resourceId,
      parentId: resource.parentId,
      path: resource.path,
      pathPart: resource.pathPart,
      methods: Object.values(methods.get(resource.resourceId) ?? {}).map(methodOf),
    })),
    stages,
    deployments: store.listDeployments(apiId).map((deployment) => ({
      id: deployment.deploymentId,
      createdAt: iso(deployment.createdAt),
      description: deployment.description,
    })),
    curl,
  };
}
