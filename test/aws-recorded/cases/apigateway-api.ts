import {
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  DeleteIntegrationResponseCommand,
  DeleteMethodCommand,
  DeleteMethodResponseCommand,
  DeleteResourceCommand,
  DeleteRestApiCommand,
  GetIntegrationCommand,
  GetIntegrationResponseCommand,
  GetMethodCommand,
  GetMethodResponseCommand,
  GetResourcesCommand,
  GetRestApiCommand,
  GetRestApisCommand,
  GetStagesCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
  UpdateIntegrationResponseCommand,
  UpdateMethodResponseCommand,
  UpdateRestApiCommand,
  type CreateRestApiCommandInput,
  type PatchOperation,
} from '@aws-sdk/client-api-gateway';
import { scenario, shortUid, type Answer, type ReplayContext } from '../scenario.js';
import type { Json } from '../wire-shape.js';

const file = 'apigateway/test_apigateway_api';

/** LocalStack's `apigw_create_rest_api` fixture: CreateRestApi with a `test-api-<uid>` name unless given one. */
function createApi(t: ReplayContext, input: Partial<CreateRestApiCommandInput> = {}): Promise<Answer> {
  return t.apigateway(new CreateRestApiCommand({ name: `test-api-${shortUid()}`, ...input }));
}

function sortedBy(answer: Answer, list: string, key: string): Json {
  const items = [...((answer.shape[list] as Json[] | undefined) ?? [])] as Record<string, Json>[];
  items.sort((a, b) => (String(a[key]) < String(b[key]) ? -1 : String(a[key]) > String(b[key]) ? 1 : 0));
  return { ...answer.shape, [list]: items };
}

const update = (t: ReplayContext, restApiId: string, patchOperations: PatchOperation[]) =>
  t.apigateway(new UpdateRestApiCommand({ restApiId, patchOperations }));

scenario(file, 'TestApiGatewayApiRestApi::test_list_and_delete_apis', async (t) => {
  const first = await createApi(t, { name: `test-list-and-delete-apis-${shortUid()}`, description: 'this is my api' });
  t.match('create-rest-api-1', first);
  t.match(
    'create-rest-api-2',
    await createApi(t, { name: `test-list-and-delete-apis-${shortUid()}`, description: 'this is my api2' }),
  );
  t.match(
    'get-rest-api-before-delete',
    sortedBy(await t.apigateway(new GetRestApisCommand({})), 'items', 'createdDate'),
  );
  t.match('delete-rest-api', await t.apigateway(new DeleteRestApiCommand({ restApiId: first.output.id })));
  t.match('get-rest-api-after-delete', await t.apigateway(new GetRestApisCommand({})));
});

scenario(file, 'TestApiGatewayApiRestApi::test_get_api_case_insensitive', async (t) => {
  const created = await createApi(t, { name: `test-case-sensitive-apis-${shortUid()}`, description: 'lower case api' });
  t.match('create-rest-api', created);
  t.match(
    'get-api-upper-case',
    await t.apigateway(new GetRestApiCommand({ restApiId: String(created.output.id).toUpperCase() })),
  );
});

scenario(file, 'TestApiGatewayApiRestApi::test_create_rest_api_with_optional_params', async (t) => {
  t.match('create-only-name', await createApi(t));
  t.match('create-empty-desc', await createApi(t, { description: '' }));
  t.match('create-with-version', await createApi(t, { version: 'v1' }));
  t.match('create-with-empty-binary-media', await createApi(t, { binaryMediaTypes: [] }));
  t.match('string-compression-size', await createApi(t, { minimumCompressionSize: -1 }));
});

scenario(file, 'TestApiGatewayApiRestApi::test_create_rest_api_with_binary_media_types', async (t) => {
  t.match('create-with-binary-media', await createApi(t, { binaryMediaTypes: ['image/png'] }));
});

scenario(file, 'TestApiGatewayApiRestApi::test_create_rest_api_with_tags', async (t) => {
  const created = await createApi(t, { description: 'this is my api', tags: { MY_TAG1: 'MY_VALUE1' } });
  t.match('create-rest-api-w-tags', created);
  t.match('get-rest-api-w-tags', await t.apigateway(new GetRestApiCommand({ restApiId: created.output.id })));
  t.match('get-rest-apis-w-tags', await t.apigateway(new GetRestApisCommand({})));
});

scenario(file, 'TestApiGatewayApiRestApi::test_update_rest_api_operation_add_remove', async (t) => {
  const id = (await createApi(t, { description: 'this is my api' })).output.id as string;
  t.match(
    'update-rest-api-add',
    await update(t, id, [
      { op: 'add', path: '/binaryMediaTypes/image~1png' },
      { op: 'add', path: '/binaryMediaTypes/image~1jpeg' },
    ]),
  );
  t.match(
    'update-rest-api-replace',
    await update(t, id, [{ op: 'replace', path: '/binaryMediaTypes/image~1png', value: 'image/gif' }]),
  );
  t.match(
    'update-rest-api-remove',
    await update(t, id, [
      { op: 'remove', path: '/binaryMediaTypes/image~1gif' },
      { op: 'remove', path: '/description' },
    ]),
  );
});

scenario(file, 'TestApiGatewayApiRestApi::test_update_rest_api_compression', async (t) => {
  const id = (await createApi(t, { description: 'this is my api' })).output.id as string;
  const compression = (op: string, value: string) =>
    update(t, id, [{ op: op as never, path: '/minimumCompressionSize', value }]);
  t.match('enable-compression', await compression('replace', '10'));
  t.match('disable-compression', await compression('replace', ''));
  t.match('set-compression-zero', await compression('replace', '0'));
  t.match('set-negative-compression', await compression('replace', '-1'));
  t.match('set-string-compression', await compression('replace', 'test'));
  t.match('unsupported-operation', await compression('add', '10'));
});

scenario(file, 'TestApiGatewayApiRestApi::test_update_rest_api_behaviour', async (t) => {
  const id = (await createApi(t, { description: 'this is my api' })).output.id as string;
  t.match(
    'update-rest-api-array',
    await update(t, id, [{ op: 'add', path: '/binaryMediaTypes/-', value: 'image/png' }]),
  );
  t.match(
    'update-rest-api-add-base-path',
    await update(t, id, [{ op: 'add', path: '/binaryMediaTypes', value: 'image/gif' }]),
  );
  t.match(
    'update-rest-api-replace-base-path',
    await update(t, id, [{ op: 'replace', path: '/binaryMediaTypes', value: 'image/gif' }]),
  );
  t.match('update-rest-api-remove-base-path', await update(t, id, [{ op: 'remove', path: '/binaryMediaTypes' }]));
});

scenario(file, 'TestApiGatewayApiRestApi::test_update_rest_api_invalid_api_id', async (t) => {
  t.match(
    'not-found-update-rest-api',
    await update(t, 'api_id', [{ op: 'replace', path: '/apiKeySource', value: 'AUTHORIZER' }]),
  );
});

scenario(file, 'TestApiGatewayApiRestApi::test_update_rest_api_ip_address_type', async (t) => {
  const id = (await createApi(t)).output.id as string;
  const types = (op: string, value: string) => ({ op: op as never, path: '/endpointConfiguration/types/0', value });
  const ipType = (op: string, value: string) => ({
    op: op as never,
    path: '/endpointConfiguration/ipAddressType',
    value,
  });
  t.match(
    'update-rest-api-replace-type',
    await update(t, id, [types('replace', 'EDGE'), types('replace', 'REGIONAL'), types('replace', 'PRIVATE')]),
  );
  t.match('update-rest-api-replace-to-ipv4-within-private-type', await update(t, id, [ipType('replace', 'ipv4')]));
  t.match('update-rest-api-wrong-ipAddressType', await update(t, id, [ipType('replace', 'wrong')]));
  t.match('update-rest-api-wrong-type', await update(t, id, [types('replace', 'wrong')]));
  t.match('update-rest-api-invalid-operation-on-ipAddressType', await update(t, id, [ipType('remove', 'dualstack')]));
  t.match('update-rest-api-invalid-operation-on-type', await update(t, id, [types('remove', 'EDGE')]));
  t.match('update-rest-api-replace-ip-address-type', await update(t, id, [ipType('replace', 'dualstack')]));
});

scenario(file, 'TestApiGatewayApiRestApi::test_create_rest_api_with_endpoint_configuration', async (t) => {
  const configured = (endpointConfiguration: object, extra: Partial<CreateRestApiCommandInput> = {}) =>
    createApi(t, { endpointConfiguration: endpointConfiguration as never, ...extra });
  t.match('create-with-empty-types', await configured({ types: [] }));
  t.match('create-with-invalid-ip-address-type', await configured({ ipAddressType: 'wrong', types: ['EDGE'] }));
  t.match('create-with-invalid-types', await configured({ ipAddressType: 'ipv4', types: ['wrong'] }));
  t.match(
    'create-with-invalid-ip-address-type-and-types',
    await configured({ ipAddressType: 'wrong', types: ['wrong'] }),
  );
  t.match(
    'create-with-invalid-types-and-ip-address-type',
    await configured({ types: ['wrong'], ipAddressType: 'wrong' }),
  );
  t.match(
    'create-with-multiple-errors-1',
    await configured({ ipAddressType: 'wrong', types: ['wrong'] }, { description: '', minimumCompressionSize: -1 }),
  );
  t.match(
    'create-with-multiple-errors-2',
    await configured({ ipAddressType: 'ipv4', types: ['EDGE'] }, { description: '', minimumCompressionSize: -1 }),
  );
  t.match('create-with-two-types', await configured({ types: ['EDGE', 'REGIONAL'] }));
  t.match('create-with-endpoint-config-dualstack', await configured({ ipAddressType: 'dualstack', types: ['EDGE'] }));
  t.match('create-with-endpoint-config-regional', await configured({ ipAddressType: 'ipv4', types: ['REGIONAL'] }));
});

scenario(file, 'TestApiGatewayApiRestApi::test_create_rest_api_private_type', async (t) => {
  t.match(
    'create-with-private-type-and-ipv4-ip-address-type',
    await createApi(t, { endpointConfiguration: { ipAddressType: 'ipv4', types: ['PRIVATE'] } }),
  );
  t.match(
    'create-with-private-type-and-wrong-ip-address-type',
    await createApi(t, { endpointConfiguration: { ipAddressType: 'wrong' as never, types: ['PRIVATE'] } }),
  );
  t.match(
    'create-with-private-type-and-ipv4-ip-address-type-and-empty-description',
    await createApi(t, { description: '', endpointConfiguration: { ipAddressType: 'ipv4', types: ['PRIVATE'] } }),
  );
});

scenario(file, 'TestApiGatewayApiRestApi::test_create_rest_api_verify_defaults', async (t) => {
  t.match('create-with-edge-default', await createApi(t, { endpointConfiguration: { types: ['EDGE'] } }));
  t.match('create-with-regional-default', await createApi(t, { endpointConfiguration: { types: ['REGIONAL'] } }));
  t.match('create-with-private-default', await createApi(t, { endpointConfiguration: { types: ['PRIVATE'] } }));
  t.match('create-with-empty-default', await createApi(t));
  t.match(
    'create-with-empty-ip-address-type-and-wrong-type',
    await createApi(t, { description: '', endpointConfiguration: { types: ['wrong' as never] } }),
  );
});

async function apiWithRoot(t: ReplayContext, description: string): Promise<{ api: string; root: string }> {
  const api = (await createApi(t, { description })).output.id as string;
  const resources = await t.apigateway(new GetResourcesCommand({ restApiId: api }));
  return { api, root: resources.output.items[0].id as string };
}

const createResource = (t: ReplayContext, restApiId: string, parentId: string, pathPart: string) =>
  t.apigateway(new CreateResourceCommand({ restApiId, parentId, pathPart }));

scenario(file, 'TestApiGatewayApiResource::test_delete_resource', async (t) => {
  const { api, root } = await apiWithRoot(t, 'testing resource behaviour');
  const pets = (await createResource(t, api, root, 'pets')).output.id as string;
  const subpets = (await createResource(t, api, pets, 'subpets')).output.id as string;
  t.match('delete-resource', await t.apigateway(new DeleteResourceCommand({ restApiId: api, resourceId: pets })));
  t.match('get-resources', await t.apigateway(new GetResourcesCommand({ restApiId: api })));
  t.match('delete-subresource', await t.apigateway(new DeleteResourceCommand({ restApiId: api, resourceId: subpets })));
});

scenario(file, 'TestApiGatewayApiResource::test_create_resource_parent_invalid', async (t) => {
  const { api } = await apiWithRoot(t, 'testing resource parent');
  t.match('wrong-resource-parent-id', await createResource(t, api, 'fake-resource-id', 'subpets'));
});

scenario(file, 'TestApiGatewayApiResource::test_create_proxy_resource', async (t) => {
  const { api, root } = await apiWithRoot(t, 'testing resource proxy');
  t.match('create-base-proxy-resource', await createResource(t, api, root, '{proxy+}'));
  const sibling = (await createResource(t, api, root, 'parent')).output.id as string;
  t.match('create-proxy-sibling-resource', sibling);
  const proxyChild = await createResource(t, api, sibling, '{proxy+}');
  t.match('create-proxy-sibling-proxy-child-resource', proxyChild);
  const staticChild = await createResource(t, api, sibling, 'child');
  t.match('create-proxy-sibling-static-child-resource', staticChild);
  t.match('create-static-child-proxy-resource', await createResource(t, api, staticChild.output.id, '{proxy+}'));
  t.match('all-resources', sortedBy(await t.apigateway(new GetResourcesCommand({ restApiId: api })), 'items', 'path'));
  await t.apigateway(new DeleteResourceCommand({ restApiId: api, resourceId: proxyChild.output.id }));
  const dynamicChild = await createResource(t, api, sibling, '{child}');
  t.match('create-proxy-sibling-dynamic-child-resource', dynamicChild);
  t.match('create-dynamic-child-proxy-resource', await createResource(t, api, dynamicChild.output.id, '{proxy+}'));
  t.match(
    'all-resources-2',
    sortedBy(await t.apigateway(new GetResourcesCommand({ restApiId: api })), 'items', 'path'),
  );
});

scenario(file, 'TestApiGatewayApiResource::test_create_proxy_resource_validation', async (t) => {
  const { api, root } = await apiWithRoot(t, 'testing resource proxy');
  const proxy = await createResource(t, api, root, '{proxy+}');
  t.match('create-base-proxy-resource', proxy);
  t.match('create-proxy-dynamic-sibling-resource', await createResource(t, api, root, '{dynamic}'));
  t.match('create-proxy-static-child-resource', await createResource(t, api, proxy.output.id, 'child'));
  t.match('create-proxy-dynamic-child-resource', await createResource(t, api, proxy.output.id, '{child}'));
  const parent = (await createResource(t, api, root, 'parent')).output.id as string;
  t.match('create-greedy-child-resource', await createResource(t, api, parent, '{child+}'));
});

async function apiWithRootResource(t: ReplayContext, description?: string): Promise<{ api: string; root: string }> {
  const created = await createApi(t, description === undefined ? {} : { description });
  return { api: created.output.id as string, root: created.output.rootResourceId as string };
}

scenario(file, 'TestApiGatewayApiMethod::test_method_lifecycle', async (t) => {
  const { api, root } = await apiWithRootResource(t, 'testing resource method lifecycle');
  const method = { restApiId: api, resourceId: root, httpMethod: 'ANY' };
  t.match(
    'put-base-method-response',
    await t.apigateway(new PutMethodCommand({ ...method, authorizationType: 'NONE' })),
  );
  t.match('get-base-method-response', await t.apigateway(new GetMethodCommand(method)));
  t.match('del-base-method-response', await t.apigateway(new DeleteMethodCommand(method)));
  t.match('get-deleted-method-response', await t.apigateway(new GetMethodCommand(method)));
  t.match('delete-deleted-method-response', await t.apigateway(new DeleteMethodCommand(method)));
});

scenario(file, 'TestApiGatewayApiMethod::test_method_request_parameters', async (t) => {
  const { api, root } = await apiWithRootResource(t, 'testing resource method request params');
  const requestParameters = {
    'method.request.querystring.q_optional': false,
    'method.request.querystring.q_required': true,
    'method.request.header.h_optional': false,
    'method.request.header.h_required': true,
  };
  t.match(
    'put-method-request-params-response',
    await t.apigateway(
      new PutMethodCommand({
        restApiId: api,
        resourceId: root,
        httpMethod: 'ANY',
        authorizationType: 'NONE',
        requestParameters,
      }),
    ),
  );
  t.match(
    'get-method-request-params-response',
    await t.apigateway(new GetMethodCommand({ restApiId: api, resourceId: root, httpMethod: 'ANY' })),
  );
  t.match(
    'req-params-same-name',
    await t.apigateway(
      new PutMethodCommand({
        restApiId: api,
        resourceId: root,
        httpMethod: 'GET',
        authorizationType: 'NONE',
        requestParameters: { 'method.request.querystring.optional': false, 'method.request.header.optional': false },
      }),
    ),
  );
});

scenario(file, 'TestApiGatewayApiMethod::test_put_method_validation', async (t) => {
  const { api, root } = await apiWithRootResource(t, 'testing resource method request params');
  const put = (input: Record<string, unknown>) =>
    t.apigateway(
      new PutMethodCommand({
        restApiId: api,
        resourceId: root,
        httpMethod: 'ANY',
        authorizationType: 'NONE',
        ...input,
      } as never),
    );
  t.match('wrong-api', await put({ restApiId: 'fake-api', httpMethod: 'WRONG' }));
  t.match('wrong-resource', await put({ resourceId: 'fake-resource-id', httpMethod: 'WRONG' }));
  t.match('wrong-method', await put({ httpMethod: 'WRONG' }));
  t.match('missing-authorizer-id', await put({ authorizationType: 'CUSTOM' }));
  t.match('invalid-request-validator', await put({ requestValidatorId: 'fake-validator' }));
  t.match('invalid-model-name', await put({ requestModels: { 'application/json': 'petModel' } }));
});

const mockTemplates = { 'application/json': '{"statusCode": 200}' };

scenario(file, 'TestApigatewayIntegration::test_put_integration_wrong_type', async (t) => {
  const { api, root } = await apiWithRootResource(t, 'APIGW test PutIntegration Types');
  t.match(
    'put-integration-wrong-type',
    await t.apigateway(
      new PutIntegrationCommand({ restApiId: api, resourceId: root, httpMethod: 'GET', type: 'HTTPS_PROXY' as never }),
    ),
  );
});

scenario(file, 'TestApigatewayIntegration::test_put_integration_response_validation', async (t) => {
  const { api, root } = await apiWithRootResource(t, 'testing PutIntegrationResponse method exc');
  await t.apigateway(
    new PutMethodCommand({ restApiId: api, resourceId: root, httpMethod: 'POST', authorizationType: 'NONE' }),
  );
  const integration = (resourceId: string, httpMethod: string) =>
    t.apigateway(
      new PutIntegrationCommand({
        restApiId: api,
        resourceId,
        httpMethod,
        integrationHttpMethod: 'GET',
        type: 'MOCK',
        requestTemplates: mockTemplates,
      }),
    );
  t.match('put-integration-wrong-method', await integration(root, 'GET'));
  t.match('put-integration-wrong-resource', await integration('badresource', 'GET'));
  await integration(root, 'POST');
  const response = (resourceId: string) =>
    t.apigateway(
      new PutIntegrationResponseCommand({
        restApiId: api,
        resourceId,
        httpMethod: 'GET',
        statusCode: '200',
        selectionPattern: '',
        responseTemplates: { 'application/json': '{}' },
      }),
    );
  t.match('put-integration-response-wrong-method', await response(root));
  t.match('put-integration-response-wrong-resource', await response('badresource'));
});

scenario(file, 'TestApigatewayIntegration::test_put_integration_response_templates', async (t) => {
  const { api, root } = await apiWithRootResource(t, 'testing PutIntegrationResponse method exc');
  await t.apigateway(
    new PutMethodCommand({ restApiId: api, resourceId: root, httpMethod: 'POST', authorizationType: 'NONE' }),
  );
  await t.apigateway(
    new PutIntegrationCommand({
      restApiId: api,
      resourceId: root,
      httpMethod: 'POST',
      integrationHttpMethod: 'GET',
      type: 'MOCK',
      requestTemplates: mockTemplates,
    }),
  );
  const respond = (responseTemplates?: Record<string, string>) =>
    t.apigateway(
      new PutIntegrationResponseCommand({
        restApiId: api,
        resourceId: root,
        httpMethod: 'POST',
        statusCode: '200',
        selectionPattern: '',
        responseTemplates,
      }),
    );
  t.match('put-integration-response-template-none', await respond({ 'application/json': null as unknown as string }));
  t.match('put-integration-response-template-empty', await respond({ 'application/json': '' }));
  t.match('put-integration-no-response-template', await respond());
});

scenario(file, 'TestApigatewayIntegration::test_get_integration_non_existent', async (t) => {
  const { api, root } = await apiWithRootResource(t, 'APIGW test PutIntegration Types');
  const get = (restApiId: string, resourceId: string) =>
    t.apigateway(new GetIntegrationCommand({ restApiId, resourceId, httpMethod: 'GET' }));
  t.match('get-integration-no-api', await get(shortUid(), root));
  t.match('get-integration-no-resource', await get(api, shortUid()));
  t.match('get-integration-no-method', await get(api, root));
  await t.apigateway(
    new PutMethodCommand({ restApiId: api, resourceId: root, httpMethod: 'GET', authorizationType: 'NONE' }),
  );
  t.match('get-integration-no-integration', await get(api, root));
});

const integrationResponse = (restApiId: string, resourceId: string, httpMethod: string, statusCode: string) => ({
  restApiId,
  resourceId,
  httpMethod,
  statusCode,
});

scenario(file, 'TestApigatewayIntegrationResponse::test_integration_response_wrong_api', async (t) => {
  const key = integrationResponse('wrong-api', 'dummy-value', 'GET', '200');
  t.match('put-integration-response-wrong-api', await t.apigateway(new PutIntegrationResponseCommand(key)));
  t.match('get-integration-response-wrong-api', await t.apigateway(new GetIntegrationResponseCommand(key)));
});

scenario(file, 'TestApigatewayIntegrationResponse::test_integration_response_wrong_resource', async (t) => {
  const { api } = await apiWithRootResource(t, 'APIGW test Integration Resource');
  const key = integrationResponse(api, 'wrong-resource', 'GET', '200');
  t.match('put-integration-response-wrong-resource', await t.apigateway(new PutIntegrationResponseCommand(key)));
  t.match('get-integration-response-wrong-resource', await t.apigateway(new GetIntegrationResponseCommand(key)));
});

scenario(file, 'TestApigatewayIntegrationResponse::test_integration_response_wrong_method', async (t) => {
  const { api, root } = await apiWithRootResource(t, 'APIGW test Integration Method');
  const key = integrationResponse(api, root, 'wrong-method', '200');
  t.match('put-integration-response-wrong-method', await t.apigateway(new PutIntegrationResponseCommand(key)));
  t.match('get-integration-response-wrong-method', await t.apigateway(new GetIntegrationResponseCommand(key)));
});

scenario(file, 'TestApigatewayIntegrationResponse::test_integration_response_invalid_statuscode', async (t) => {
  const { api, root } = await apiWithRootResource(t, 'APIGW test Integration Invalid StatusCode');
  const key = integrationResponse(api, root, 'GET', 'wrong');
  t.match(
    'put-integration-response-invalid-statusCode',
    await t.apigateway(
      new PutIntegrationResponseCommand({
        ...key,
        responseTemplates: { 'application/json': '"created"' },
        selectionPattern: '',
      }),
    ),
  );
  t.match('get-integration-response-invalid-statusCode', await t.apigateway(new GetIntegrationResponseCommand(key)));
});

async function apiWithMockGet(t: ReplayContext): Promise<{ api: string; root: string }> {
  const { api, root } = await apiWithRootResource(t);
  await t.apigateway(
    new PutMethodCommand({ restApiId: api, resourceId: root, httpMethod: 'GET', authorizationType: 'NONE' }),
  );
  await t.apigateway(
    new PutIntegrationCommand({
      restApiId: api,
      resourceId: root,
      httpMethod: 'GET',
      type: 'MOCK',
      requestTemplates: mockTemplates,
    }),
  );
  return { api, root };
}

scenario(file, 'TestApigatewayIntegrationResponse::test_integration_response_invalid_integration', async (t) => {
  const { api, root } = await apiWithRootResource(t);
  await t.apigateway(
    new PutMethodCommand({ restApiId: api, resourceId: root, httpMethod: 'GET', authorizationType: 'NONE' }),
  );
  t.match(
    'get-integration-response-without-integration',
    await t.apigateway(new GetIntegrationResponseCommand(integrationResponse(api, root, 'GET', '200'))),
  );
});

scenario(file, 'TestApigatewayIntegrationResponse::test_integration_response_wrong_status_code', async (t) => {
  const { api, root } = await apiWithMockGet(t);
  t.match(
    'get-integration-response-wrong-status-code',
    await t.apigateway(new GetIntegrationResponseCommand(integrationResponse(api, root, 'GET', '201'))),
  );
});

scenario(file, 'TestApigatewayIntegrationResponse::test_lifecycle_integration_response', async (t) => {
  const { api, root } = await apiWithMockGet(t);
  const key = integrationResponse(api, root, 'GET', '200');
  t.match(
    'put-integration-response',
    await t.apigateway(
      new PutIntegrationResponseCommand({
        ...key,
        responseTemplates: { 'application/json': '"created"' },
        selectionPattern: '',
      }),
    ),
  );
  t.match('get-integration-response', await t.apigateway(new GetIntegrationResponseCommand(key)));
  t.match(
    'update-integration-response',
    await t.apigateway(
      new UpdateIntegrationResponseCommand({
        ...key,
        patchOperations: [{ op: 'replace', path: '/selectionPattern', value: 'updated-pattern' }],
      }),
    ),
  );
  t.match(
    'overwrite-integration-response',
    await t.apigateway(
      new PutIntegrationResponseCommand({
        ...key,
        responseTemplates: { 'application/json': 'overwrite' },
        selectionPattern: 'overwrite-pattern',
      }),
    ),
  );
  t.match(
    'get-method',
    await t.apigateway(new GetMethodCommand({ restApiId: api, resourceId: root, httpMethod: 'GET' })),
  );
  t.match('delete-integration-response', await t.apigateway(new DeleteIntegrationResponseCommand(key)));
});

scenario(file, 'TestApigatewayMethodResponse::test_lifecycle_method_response', async (t) => {
  const { api, root } = await apiWithMockGet(t);
  const key = { restApiId: api, resourceId: root, httpMethod: 'GET', statusCode: '200' };
  t.match(
    'put-method-response',
    await t.apigateway(new PutMethodResponseCommand({ ...key, responseParameters: {}, responseModels: {} })),
  );
  t.match('get-integration-response', await t.apigateway(new GetMethodResponseCommand(key)));
  const patch = (op: 'add' | 'replace') =>
    t.apigateway(
      new UpdateMethodResponseCommand({
        ...key,
        patchOperations: [
          { op, path: '/responseParameters/method.response.header.my-header', value: 'true' },
          { op, path: '/responseModels/application~1json', value: 'Empty' },
        ],
      }),
    );
  t.match('add-method-responses', await patch('add'));
  t.match('update-method-responses', await patch('replace'));
  t.match(
    'get-method',
    await t.apigateway(new GetMethodCommand({ restApiId: api, resourceId: root, httpMethod: 'GET' })),
  );
  t.match('delete-method-response', await t.apigateway(new DeleteMethodResponseCommand(key)));
});

scenario(file, 'TestApiGatewayStage::test_get_stages_filters_by_deployment_id', async (t) => {
  const created = await createApi(t, { name: `test-stages-${shortUid()}` });
  const api = created.output.id as string;
  await t.apigateway(
    new PutMethodCommand({
      restApiId: api,
      resourceId: created.output.rootResourceId,
      httpMethod: 'GET',
      authorizationType: 'NONE',
    }),
  );
  await t.apigateway(
    new PutIntegrationCommand({
      restApiId: api,
      resourceId: created.output.rootResourceId,
      httpMethod: 'GET',
      type: 'MOCK',
      requestTemplates: mockTemplates,
    }),
  );
  const first = await t.apigateway(new CreateDeploymentCommand({ restApiId: api, stageName: 'stage1' }));
  const second = await t.apigateway(new CreateDeploymentCommand({ restApiId: api, stageName: 'stage2' }));
  t.match('all-stages', await t.apigateway(new GetStagesCommand({ restApiId: api })));
  t.match(
    'stages-deploy1',
    await t.apigateway(new GetStagesCommand({ restApiId: api, deploymentId: first.output.id })),
  );
  t.match(
    'stages-deploy2',
    await t.apigateway(new GetStagesCommand({ restApiId: api, deploymentId: second.output.id })),
  );
});
