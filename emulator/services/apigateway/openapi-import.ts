import { UnsupportedFeatureException } from '../../errors.js';
import type {
  ApiDefinitionChanges,
  ApiGatewayStore,
  ResourceRecord,
  RestApiRecord,
  StoredIntegration,
  StoredMethod,
  StoredMethodResponse,
} from '../../store/apigateway-store.js';
import { checkCompressionSize } from './create-rest-api.js';
import { apiGatewayErrors } from './errors.js';
import { uniqueId } from './ids.js';
import { builtInModels, checkRequestParameters } from './method-parameters.js';
import { basePathOf, isObject, isOpenApi3, type Json } from './openapi-definition.js';
import { checkPathPart, childPath, isVariablePart } from './path-parts.js';
import { checkOptions, checkType } from './put-integration.js';
import { validatedResourcePolicy } from './resource-policy.js';
import { checkResponseParameters } from './response-parameters.js';

export interface ImportOptions {
  mode: 'overwrite' | 'merge';
  failOnWarnings: boolean;
  /** `basepath` (ignore, prepend, split), `endpointConfigurationTypes`, `ignore=documentation`. */
  parameters: Record<string, string>;
}

const operationKeys: Record<string, string> = {
  get: 'GET',
  put: 'PUT',
  post: 'POST',
  delete: 'DELETE',
  patch: 'PATCH',
  options: 'OPTIONS',
  head: 'HEAD',
  'x-amazon-apigateway-any-method': 'ANY',
};

/** Root extensions idpool applies; any other `x-amazon-apigateway-*` extension is refused by name. */
const rootExtensions = [
  'x-amazon-apigateway-policy',
  'x-amazon-apigateway-binary-media-types',
  'x-amazon-apigateway-minimum-compression-size',
  'x-amazon-apigateway-api-key-source',
  'x-amazon-apigateway-endpoint-configuration',
  'x-amazon-apigateway-importexport-version',
];

const operationExtensions = ['x-amazon-apigateway-integration', 'x-amazon-apigateway-auth'];

function unsupported(what: string): UnsupportedFeatureException {
  return new UnsupportedFeatureException(`${what} in an imported API definition`);
}

function checkExtensions(object: Json, allowed: string[], where: string): void {
  for (const key of Object.keys(object)) {
    if (key.startsWith('x-amazon-apigateway-') && !allowed.includes(key)) throw unsupported(`${key} (${where})`);
  }
}

/** A `$ref` to a model; only the models every API has (Empty, Error) exist in idpool. */
function modelOf(schema: unknown, where: string): string | undefined {
  if (!isObject(schema)) return undefined;
  const ref = schema.$ref;
  const name = typeof ref === 'string' ? ref.split('/').at(-1) : undefined;
  if (name && builtInModels.includes(name)) return name;
  throw unsupported(`models (${where}: a schema other than Empty or Error)`);
}

function contentModels(content: unknown, where: string): Record<string, string> | undefined {
  if (!isObject(content)) return undefined;
  const models: Record<string, string> = {};
  for (const [contentType, media] of Object.entries(content)) {
    const model = isObject(media) ? modelOf(media.schema, where) : undefined;
    if (model) models[contentType] = model;
  }
  return Object.keys(models).length > 0 ? models : undefined;
}

/** Security schemes by name: AWS_IAM for a `x-amazon-apigateway-authtype: awsSigv4` scheme, else why it is refused. */
function securitySchemes(document: Json): Map<string, string | Error> {
  const components = isObject(document.components) ? document.components : {};
  const schemes = isOpenApi3(document) ? components.securitySchemes : document.securityDefinitions;
  const result = new Map<string, string | Error>();
  for (const [name, scheme] of Object.entries(isObject(schemes) ? schemes : {})) {
    if (!isObject(scheme)) continue;
    const authType =
      typeof scheme['x-amazon-apigateway-authtype'] === 'string'
        ? scheme['x-amazon-apigateway-authtype'].toLowerCase()
        : undefined;
    if (authType === 'awssigv4') result.set(name, 'AWS_IAM');
    else if (scheme['x-amazon-apigateway-authorizer'] !== undefined || authType !== undefined)
      result.set(name, unsupported(`authorizer ${name} (Lambda and Cognito authorizers)`));
    else if (scheme.type === 'apiKey')
      result.set(name, unsupported(`API key security ${name} (API keys and usage plans)`));
    else result.set(name, unsupported(`security scheme ${name}`));
  }
  return result;
}

function authorizationOf(operation: Json, document: Json, schemes: Map<string, string | Error>, where: string): string {
  const auth = operation['x-amazon-apigateway-auth'];
  if (isObject(auth)) {
    const type = String(auth.type ?? '').toUpperCase();
    if (type === 'AWS_IAM' || type === 'NONE') return type;
    throw unsupported(`x-amazon-apigateway-auth type ${String(auth.type)} (${where})`);
  }
  const security = operation.security ?? document.security;
  if (!Array.isArray(security)) return 'NONE';
  let type = 'NONE';
  for (const requirement of security) {
    for (const name of Object.keys(isObject(requirement) ? requirement : {})) {
      const scheme = schemes.get(name);
      if (scheme === undefined) throw apiGatewayErrors.unknownSecurityScheme(name);
      if (scheme instanceof Error) throw scheme;
      type = scheme;
    }
  }
  return type;
}

function requestParametersOf(pathItem: Json, operation: Json): Record<string, boolean> | undefined {
  const locations: Record<string, string> = { path: 'path', query: 'querystring', header: 'header' };
  const parameters: Record<string, boolean> = {};
  for (const parameter of [
    ...(Array.isArray(pathItem.parameters) ? pathItem.parameters : []),
    ...(Array.isArray(operation.parameters) ? operation.parameters : []),
  ]) {
    if (!isObject(parameter) || typeof parameter.name !== 'string') continue;
    const location = locations[String(parameter.in)];
    if (location)
      parameters[`method.request.${location}.${parameter.name}`] =
        parameter.in === 'path' || parameter.required === true;
  }
  return Object.keys(parameters).length > 0 ? parameters : undefined;
}

function methodResponsesOf(operation: Json, openApi3: boolean, where: string): Record<string, StoredMethodResponse> {
  const responses: Record<string, StoredMethodResponse> = {};
  for (const [code, response] of Object.entries(isObject(operation.responses) ? operation.responses : {})) {
    if (!/^[1-5]\d\d$/.test(code) || !isObject(response)) continue;
    const headers = Object.keys(isObject(response.headers) ? response.headers : {});
    const models = openApi3
      ? contentModels(response.content, where)
      : (() => {
          const model = modelOf(response.schema, where);
          return model ? { 'application/json': model } : undefined;
        })();
    responses[code] = {
      statusCode: code,
      responseParameters:
        headers.length > 0
          ? Object.fromEntries(headers.map((name) => [`method.response.header.${name}`, false]))
          : undefined,
      responseModels: models,
    };
  }
  return responses;
}

function stringMap(
  value: unknown,
  property: string,
  where: string,
  warnings: string[],
): Record<string, string> | undefined {
  if (!isObject(value)) return undefined;
  const map: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value)) {
    // AWS's warning, recorded in `test_import_rest_api_with_base_path_oas30`.
    if (typeof entry !== 'string')
      warnings.push(
        `Invalid format for '${property}'. Expected type string for property '${key}' of ${where} ` +
          `but got '${String(entry)}'`,
      );
    else map[key] = entry;
  }
  return Object.keys(map).length > 0 ? map : undefined;
}

function integrationOf(
  value: unknown,
  resourceId: string,
  responses: Record<string, StoredMethodResponse>,
  where: string,
  warnings: string[],
): StoredIntegration | undefined {
  if (!isObject(value)) return undefined;
  const type = String(value.type ?? '').toUpperCase();
  const requestTemplates = stringMap(value.requestTemplates, 'requestTemplates', where, warnings);
  const integrationHttpMethod = typeof value.httpMethod === 'string' ? value.httpMethod.toUpperCase() : undefined;
  const uri = typeof value.uri === 'string' ? value.uri : undefined;
  if (!['AWS_PROXY', 'MOCK', 'AWS', 'HTTP', 'HTTP_PROXY'].includes(type)) throw apiGatewayErrors.invalidOpenApi();
  checkType({ type: type as 'MOCK', integrationHttpMethod, uri, requestTemplates });
  const timeoutInMillis = typeof value.timeoutInMillis === 'number' ? value.timeoutInMillis : undefined;
  const passthroughBehavior = checkOptions({
    timeoutInMillis,
    connectionType:
      typeof value.connectionType === 'string' ? (value.connectionType.toUpperCase() as 'VPC_LINK') : undefined,
    credentials: typeof value.credentials === 'string' ? value.credentials : undefined,
    passthroughBehavior: typeof value.passthroughBehavior === 'string' ? value.passthroughBehavior : undefined,
  });
  const integration: StoredIntegration = {
    type,
    httpMethod: integrationHttpMethod,
    uri: type === 'MOCK' ? undefined : uri,
    credentials: typeof value.credentials === 'string' ? value.credentials : undefined,
    requestParameters: stringMap(value.requestParameters, 'requestParameters', where, warnings),
    requestTemplates,
    passthroughBehavior,
    contentHandling: typeof value.contentHandling === 'string' ? value.contentHandling : undefined,
    timeoutInMillis: timeoutInMillis ?? 29_000,
    cacheNamespace: typeof value.cacheNamespace === 'string' ? value.cacheNamespace : resourceId,
    cacheKeyParameters: Array.isArray(value.cacheKeyParameters) ? value.cacheKeyParameters.map(String) : [],
    integrationResponses: {},
  };
  for (const [pattern, response] of Object.entries(isObject(value.responses) ? value.responses : {})) {
    if (!isObject(response)) continue;
    const statusCode = String(response.statusCode ?? '');
    if (!/^[1-5]\d\d$/.test(statusCode)) throw apiGatewayErrors.invalidOpenApi();
    const responseParameters = stringMap(response.responseParameters, 'responseParameters', where, warnings);
    checkResponseParameters(responseParameters, responses[statusCode]);
    integration.integrationResponses[statusCode] = {
      statusCode,
      selectionPattern: pattern === 'default' ? undefined : pattern,
      responseParameters,
      responseTemplates: stringMap(response.responseTemplates, 'responseTemplates', where, warnings),
      contentHandling: typeof response.contentHandling === 'string' ? response.contentHandling : undefined,
    };
  }
  return integration;
}

function resourcePath(path: string, basePath: string, mode: string): string {
  const base = basePath.replace(/\/+$/, '');
  const prefix = mode === 'prepend' ? base : mode === 'split' ? base.replace(/^\/[^/]*/, '') : '';
  const joined = `${prefix}/${path.replace(/^\/+/, '')}`.replace(/\/+$/, '');
  return joined === '' ? '/' : joined;
}

interface PlannedMethod {
  path: string;
  method: Omit<StoredMethod, 'integration'> & { integration?: unknown; where: string };
}

/** What the definition asks for, checked before anything is written. */
function plannedMethods(document: Json, options: ImportOptions): PlannedMethod[] {
  const basePathMode = options.parameters.basepath ?? 'ignore';
  if (!['ignore', 'prepend', 'split'].includes(basePathMode)) throw apiGatewayErrors.invalidBasePathMode(basePathMode);
  const basePath = basePathOf(document);
  const schemes = securitySchemes(document);
  const planned: PlannedMethod[] = [];
  for (const [rawPath, item] of Object.entries(isObject(document.paths) ? document.paths : {})) {
    if (!rawPath.startsWith('/') || !isObject(item)) throw apiGatewayErrors.invalidOpenApi();
    if (item.$ref !== undefined) throw unsupported(`$ref path items (${rawPath})`);
    const path = resourcePath(rawPath, basePath, basePathMode);
    for (const part of path.split('/').slice(1)) if (part !== '') checkPathPart(part);
    for (const [key, operation] of Object.entries(item)) {
      const httpMethod = operationKeys[key.toLowerCase()];
      if (!httpMethod) {
        if (key.startsWith('x-amazon-apigateway-')) throw unsupported(`${key} (${rawPath})`);
        continue;
      }
      if (!isObject(operation)) throw apiGatewayErrors.invalidOpenApi();
      const where = `resource '${path}' and method '${httpMethod}'`;
      checkExtensions(operation, operationExtensions, where);
      const requestParameters = requestParametersOf(item, operation);
      checkRequestParameters(requestParameters);
      const requestBody = isObject(operation.requestBody) ? operation.requestBody : undefined;
      const bodyParameter = Array.isArray(operation.parameters)
        ? operation.parameters.find((parameter) => isObject(parameter) && parameter.in === 'body')
        : undefined;
      const requestModels = requestBody
        ? contentModels(requestBody.content, where)
        : isObject(bodyParameter) && modelOf(bodyParameter.schema, where)
          ? { 'application/json': modelOf(bodyParameter.schema, where) as string }
          : undefined;
      planned.push({
        path,
        method: {
          httpMethod,
          authorizationType: authorizationOf(operation, document, schemes, where),
          apiKeyRequired: false,
          operationName: typeof operation.operationId === 'string' ? operation.operationId : undefined,
          requestParameters,
          requestModels,
          methodResponses: methodResponsesOf(operation, isOpenApi3(document), where),
          integration: operation['x-amazon-apigateway-integration'],
          where,
        },
      });
    }
  }
  return planned;
}

function checkDocument(document: Json, options: ImportOptions): void {
  checkExtensions(document, rootExtensions, 'the API');
  const components = isObject(document.components) ? document.components : {};
  const schemas = isOpenApi3(document) ? components.schemas : document.definitions;
  for (const name of Object.keys(isObject(schemas) ? schemas : {})) {
    if (!builtInModels.includes(name)) throw unsupported(`models (schema ${name})`);
  }
  if (document['x-amazon-apigateway-documentation'] !== undefined && options.parameters.ignore !== 'documentation') {
    throw unsupported('x-amazon-apigateway-documentation (API documentation)');
  }
  const endpoint = document['x-amazon-apigateway-endpoint-configuration'];
  if (isObject(endpoint) && endpoint.vpcEndpointIds !== undefined) throw unsupported('vpcEndpointIds (private APIs)');
}

/** The API's own settings from the definition: name, description, version and the root extensions. */
function applySettings(api: RestApiRecord, document: Json, options: ImportOptions): void {
  const info = isObject(document.info) ? document.info : {};
  if (typeof info.title === 'string' && info.title !== '') api.name = info.title;
  if (options.mode === 'overwrite') {
    api.description = typeof info.description === 'string' && info.description !== '' ? info.description : undefined;
  } else if (typeof info.description === 'string' && info.description !== '') api.description = info.description;
  if (info.version !== undefined) api.version = String(info.version);
  const binary = document['x-amazon-apigateway-binary-media-types'];
  const types = Array.isArray(binary) ? binary.map(String) : [];
  api.binaryMediaTypes = options.mode === 'merge' ? [...new Set([...api.binaryMediaTypes, ...types])] : types;
  const policy = document['x-amazon-apigateway-policy'];
  if (policy !== undefined)
    api.policy = validatedResourcePolicy(typeof policy === 'string' ? policy : JSON.stringify(policy), api);
  // [unverified] that overwrite drops a resource policy the definition does not have.
  else if (options.mode === 'overwrite') api.policy = undefined;
  const compression = document['x-amazon-apigateway-minimum-compression-size'];
  if (typeof compression === 'number') {
    checkCompressionSize(compression);
    api.minimumCompressionSize = compression;
  }
  const keySource = document['x-amazon-apigateway-api-key-source'];
  if (keySource === 'HEADER' || keySource === 'AUTHORIZER') api.apiKeySource = keySource;
  const endpoint = document['x-amazon-apigateway-endpoint-configuration'];
  if (isObject(endpoint) && typeof endpoint.disableExecuteApiEndpoint === 'boolean')
    api.disableExecuteApiEndpoint = endpoint.disableExecuteApiEndpoint;
}

/** The tree as the import builds it: every resource by path, and the ids of those it adds. */
interface Tree {
  byPath: Map<string, ResourceRecord>;
  added: ResourceRecord[];
  idTaken: (id: string) => boolean;
}

/** The resource at `path`, made with its missing ancestors; refuses a second variable sibling as CreateResource. */
function ensureResource(tree: Tree, path: string): ResourceRecord {
  const known = tree.byPath.get(path);
  if (known) return known;
  const slash = path.lastIndexOf('/');
  const parent = ensureResource(tree, slash === 0 ? '/' : path.slice(0, slash));
  const pathPart = path.slice(slash + 1);
  const variableSibling = [...tree.byPath.values()].find(
    (sibling) => sibling.parentId === parent.resourceId && isVariablePart(sibling.pathPart),
  );
  if (isVariablePart(pathPart) && variableSibling) {
    throw apiGatewayErrors.secondVariableSibling(variableSibling.pathPart);
  }
  const resource: ResourceRecord = {
    resourceId: uniqueId(6, tree.idTaken),
    parentId: parent.resourceId,
    pathPart,
    path: childPath(parent.path, pathPart),
  };
  tree.byPath.set(resource.path, resource);
  tree.added.push(resource);
  return resource;
}

/** What an import does to an API: its new settings, the changes to its tree, and AWS's warnings. */
export interface PlannedImport {
  api: RestApiRecord;
  changes: ApiDefinitionChanges;
  warnings: string[];
}

/**
 * Plans an OpenAPI 3 or Swagger 2 definition's import into an API whose tree is `resources`, as PutRestApi and
 * ImportRestApi do: resources from the paths, methods with their request parameters, method responses, AWS_IAM from
 * `x-amazon-apigateway-auth` or an `awsSigv4` security scheme, and `x-amazon-apigateway-integration` (AWS_PROXY and
 * MOCK; the other types are refused as PutIntegration refuses them). `overwrite` replaces every method and drops
 * resources the definition does not have, keeping the ids of those it still has; `merge` adds to the API and
 * replaces only the methods the definition names. Everything is checked before the store writes any of it; with
 * `failonwarnings`, AWS's warnings refuse the import.
 */
export function planImport(
  store: Pick<ApiGatewayStore, 'findResource'>,
  current: RestApiRecord,
  resources: ResourceRecord[],
  document: Json,
  options: ImportOptions,
): PlannedImport {
  checkDocument(document, options);
  const planned = plannedMethods(document, options);
  const byPath = new Map(resources.map((resource) => [resource.path, resource]));
  const changes: ApiDefinitionChanges = { removedTrees: [], clearedResources: [], resources: [], methods: [] };
  if (options.mode === 'overwrite') {
    const wanted = new Set<string>(['/']);
    for (const { path } of planned) {
      for (let prefix = path; prefix !== '/' && prefix !== ''; prefix = prefix.slice(0, prefix.lastIndexOf('/')) || '/')
        wanted.add(prefix);
    }
    for (const resource of [...byPath.values()].sort((a, b) => a.path.length - b.path.length)) {
      if (!wanted.has(resource.path) && byPath.has(resource.path)) {
        changes.removedTrees.push(resource.path);
        for (const path of [...byPath.keys()])
          if (path === resource.path || path.startsWith(`${resource.path}/`)) byPath.delete(path);
      }
    }
    changes.clearedResources = [...byPath.values()].map((resource) => resource.resourceId);
  }
  const tree: Tree = {
    byPath,
    added: changes.resources,
    idTaken: (id) =>
      store.findResource(current.apiId, id) !== undefined || changes.resources.some((added) => added.resourceId === id),
  };
  const warnings: string[] = [];
  for (const { path, method } of planned) {
    const resource = ensureResource(tree, path);
    const { integration: definition, where, ...rest } = method;
    const stored: StoredMethod = {
      ...rest,
      integration: integrationOf(definition, resource.resourceId, rest.methodResponses, where, warnings),
    };
    changes.methods.push({ resourceId: resource.resourceId, method: stored });
  }
  const api: RestApiRecord = { ...current };
  applySettings(api, document, options);
  if (warnings.length > 0 && options.failOnWarnings) {
    throw apiGatewayErrors.importWarnings(warnings);
  }
  return { api, changes, warnings };
}
