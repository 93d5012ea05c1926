import {
  CreateDeploymentCommand,
  CreateRestApiCommand,
  GetIntegrationCommand,
  GetMethodCommand,
  GetResourcesCommand,
  ImportRestApiCommand,
  PutRestApiCommand,
} from '@aws-sdk/client-api-gateway';
import { describe, expect, it } from 'vitest';
import { awsError, useEmulator } from '../support/emulator.js';
import { outcome, recorded } from './recorded.js';

const lambdaUri =
  'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/' +
  'arn:aws:lambda:us-east-1:000000000000:function:hello/invocations';

const cors = {
  'x-amazon-apigateway-integration': {
    type: 'mock',
    requestTemplates: { 'application/json': '{"statusCode": 200}' },
    responses: {
      default: {
        statusCode: '200',
        responseParameters: {
          'method.response.header.Access-Control-Allow-Methods': "'GET,OPTIONS'",
          'method.response.header.Access-Control-Allow-Origin': "'*'",
        },
      },
    },
  },
  responses: {
    '200': {
      description: 'preflight',
      headers: {
        'Access-Control-Allow-Methods': { schema: { type: 'string' } },
        'Access-Control-Allow-Origin': { schema: { type: 'string' } },
      },
    },
  },
};

/** The seed stack's API as an OpenAPI 3 document: GET /hello signed (awsSigv4) to a Lambda, its CORS preflight. */
const openApi3 = {
  openapi: '3.0.1',
  info: { title: 'hello-openapi', description: 'from OpenAPI', version: '1.2' },
  paths: {
    '/hello': {
      get: {
        operationId: 'getHello',
        parameters: [{ name: 'name', in: 'query', required: false, schema: { type: 'string' } }],
        security: [{ sigv4: [] }],
        responses: { '200': { description: 'ok' } },
        'x-amazon-apigateway-integration': { type: 'aws_proxy', httpMethod: 'POST', uri: lambdaUri },
      },
      options: cors,
    },
  },
  components: {
    securitySchemes: {
      sigv4: { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' },
    },
  },
  'x-amazon-apigateway-binary-media-types': ['image/png'],
};

/** The same in Swagger 2 YAML, AWS_IAM through x-amazon-apigateway-auth, under a base path. */
const swaggerYaml = `
swagger: "2.0"
info:
  title: hello-swagger
  version: "7"
basePath: /base
paths:
  /hello/{id}:
    get:
      x-amazon-apigateway-auth:
        type: aws_iam
      parameters:
        - name: id
          in: path
          required: true
          type: string
      responses:
        "200":
          description: ok
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates:
          application/json: '{"statusCode": 200}'
        responses:
          default:
            statusCode: "200"
`;

const body = (document: object | string) =>
  new TextEncoder().encode(typeof document === 'string' ? document : JSON.stringify(document));

describe('API Gateway PutRestApi and ImportRestApi with an OpenAPI body', () => {
  const ctx = useEmulator();
  const gateway = () => ctx.clients.apiGateway;

  async function methodsOf(restApiId: string) {
    const resources = (await gateway().send(new GetResourcesCommand({ restApiId, embed: ['methods'] }))).items ?? [];
    return Object.fromEntries(resources.map((resource) => [resource.path, resource]));
  }

  it('PutRestApi builds the seed API from OpenAPI 3 JSON: awsSigv4 is AWS_IAM, AWS_PROXY and MOCK', async () => {
    const api = await gateway().send(new CreateRestApiCommand({ name: 'placeholder', tags: { kept: 'yes' } }));
    const put = await gateway().send(
      new PutRestApiCommand({ restApiId: api.id, mode: 'overwrite', body: body(openApi3) }),
    );
    expect(put).toMatchObject({
      id: api.id,
      name: 'hello-openapi',
      description: 'from OpenAPI',
      version: '1.2',
      binaryMediaTypes: ['image/png'],
      tags: { kept: 'yes' },
    });
    expect(put.$metadata.httpStatusCode).toBe(200);
    const byPath = await methodsOf(api.id as string);
    expect(Object.keys(byPath).sort()).toEqual(['/', '/hello']);
    const hello = byPath['/hello'];
    expect(hello?.resourceMethods?.GET).toMatchObject({
      authorizationType: 'AWS_IAM',
      operationName: 'getHello',
      requestParameters: { 'method.request.querystring.name': false },
      methodResponses: { '200': { statusCode: '200' } },
      methodIntegration: {
        type: 'AWS_PROXY',
        httpMethod: 'POST',
        uri: lambdaUri,
        passthroughBehavior: 'WHEN_NO_MATCH',
        timeoutInMillis: 29_000,
      },
    });
    expect(hello?.resourceMethods?.OPTIONS).toMatchObject({
      authorizationType: 'NONE',
      methodResponses: {
        '200': { responseParameters: { 'method.response.header.Access-Control-Allow-Origin': false } },
      },
      methodIntegration: {
        type: 'MOCK',
        integrationResponses: {
          '200': { responseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'*'" } },
        },
      },
    });
    // Deployable as it is.
    expect(
      (await gateway().send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'dev' }))).id,
    ).toBeDefined();
  });

  it('overwrite keeps the ids of paths it still has and drops the others; merge adds and keeps', async () => {
    const api = await gateway().send(new CreateRestApiCommand({ name: 'modes', binaryMediaTypes: ['image/heif'] }));
    const restApiId = api.id as string;
    await gateway().send(new PutRestApiCommand({ restApiId, body: body(openApi3) }));
    const helloId = (await methodsOf(restApiId))['/hello']?.id;
    const other = {
      ...openApi3,
      paths: { '/hello': { get: openApi3.paths['/hello'].get }, '/other': { options: cors } },
    };
    const overwritten = await gateway().send(
      new PutRestApiCommand({ restApiId, mode: 'overwrite', body: body(other) }),
    );
    expect(overwritten.binaryMediaTypes).toEqual(['image/png']);
    let byPath = await methodsOf(restApiId);
    expect(Object.keys(byPath).sort()).toEqual(['/', '/hello', '/other']);
    expect(byPath['/hello']?.id).toBe(helloId);
    expect(Object.keys(byPath['/hello']?.resourceMethods ?? {})).toEqual(['GET']);
    const merged = await gateway().send(
      new PutRestApiCommand({
        restApiId,
        mode: 'merge',
        body: body({
          ...openApi3,
          paths: { '/extra': { options: cors } },
          'x-amazon-apigateway-binary-media-types': ['image/jpg'],
        }),
      }),
    );
    expect(merged.binaryMediaTypes).toEqual(['image/png', 'image/jpg']);
    byPath = await methodsOf(restApiId);
    expect(Object.keys(byPath).sort()).toEqual(['/', '/extra', '/hello', '/other']);
  });

  it('reads Swagger 2 YAML with x-amazon-apigateway-auth and prepends the base path when asked', async () => {
    const api = await gateway().send(new CreateRestApiCommand({ name: 'swagger' }));
    const restApiId = api.id as string;
    const put = await gateway().send(
      new PutRestApiCommand({ restApiId, body: body(swaggerYaml), parameters: { basepath: 'prepend' } }),
    );
    expect(put).toMatchObject({ name: 'hello-swagger', version: '7' });
    const byPath = await methodsOf(restApiId);
    expect(Object.keys(byPath).sort()).toEqual(['/', '/base', '/base/hello', '/base/hello/{id}']);
    expect(byPath['/base/hello/{id}']?.resourceMethods?.GET).toMatchObject({
      authorizationType: 'AWS_IAM',
      requestParameters: { 'method.request.path.id': true },
      methodIntegration: { type: 'MOCK' },
    });
    await gateway().send(new PutRestApiCommand({ restApiId, body: body(swaggerYaml) }));
    expect(Object.keys(await methodsOf(restApiId)).sort()).toEqual(['/', '/hello', '/hello/{id}']);
  });

  it('ImportRestApi creates the API (201), named by the title, with the endpoint type of the parameters', async () => {
    const imported = await gateway().send(
      new ImportRestApiCommand({ body: body(openApi3), parameters: { endpointConfigurationTypes: 'REGIONAL' } }),
    );
    expect(imported.$metadata.httpStatusCode).toBe(201);
    expect(imported).toMatchObject({ name: 'hello-openapi', endpointConfiguration: { types: ['REGIONAL'] } });
    const hello = (await methodsOf(imported.id as string))['/hello'];
    const method = await gateway().send(
      new GetMethodCommand({ restApiId: imported.id, resourceId: hello?.id, httpMethod: 'GET' }),
    );
    expect(method.authorizationType).toBe('AWS_IAM');
    const integration = await gateway().send(
      new GetIntegrationCommand({ restApiId: imported.id, resourceId: hello?.id, httpMethod: 'GET' }),
    );
    expect(integration.cacheNamespace).toBe(hello?.id);
    const badType = await awsError(
      gateway().send(
        new ImportRestApiCommand({ body: body(openApi3), parameters: { endpointConfigurationTypes: 'LOCAL' } }),
      ),
    );
    expect(badType.message).toBe('Invalid EndpointTypes specified. Valid options are REGIONAL,EDGE,PRIVATE');
  });

  it('answers a body that is not OpenAPI as AWS does, before the API lookup (test_import_api_bad_file)', async () => {
    const test = 'TestApiGatewayImportRestApi::test_import_api_bad_file';
    const badYaml = 'test:\n    value:\n        - "value ... \\"escaped\\": $var, \\"dt\\": $(var +"%a")}\\"\n        ';
    const badJson = "{'key:value}";
    expect(await outcome(gateway().send(new ImportRestApiCommand({ body: body(badYaml) })))).toEqual(
      recorded(test, 'import-api-bad-yaml-file'),
    );
    expect(await outcome(gateway().send(new ImportRestApiCommand({ body: body(badJson) })))).toEqual(
      recorded(test, 'import-api-bad-json-file'),
    );
    expect(
      await outcome(gateway().send(new PutRestApiCommand({ restApiId: 'nosuchapi0', body: body(badYaml) }))),
    ).toEqual(recorded(test, 'put-rest-api-bad-yaml-file'));
    expect(
      await outcome(gateway().send(new PutRestApiCommand({ restApiId: 'nosuchapi0', body: body(badJson) }))),
    ).toEqual(recorded(test, 'put-rest-api-bad-json-file'));
  });

  it('warns as AWS does of a non-string integration request parameter; with failonwarnings it refuses', async () => {
    const api = await gateway().send(new CreateRestApiCommand({ name: 'warnings' }));
    const document = {
      ...openApi3,
      paths: {
        '/test': {
          get: {
            ...openApi3.paths['/hello'].get,
            'x-amazon-apigateway-integration': {
              ...openApi3.paths['/hello'].get['x-amazon-apigateway-integration'],
              requestParameters: { 'integration.request.header.nothing': true },
            },
          },
        },
      },
    };
    const put = await gateway().send(new PutRestApiCommand({ restApiId: api.id, body: body(document) }));
    // AWS's words, recorded in test_import_rest_api_with_base_path_oas30.
    expect(put.warnings).toEqual([
      "Invalid format for 'requestParameters'. Expected type string for property " +
        "'integration.request.header.nothing' of resource '/test' and method 'GET' but got 'true'",
    ]);
    const strict = await awsError(
      gateway().send(new PutRestApiCommand({ restApiId: api.id, body: body(document), failOnWarnings: true })),
    );
    expect(strict.name).toBe('BadRequestException');
  });

  it('refuses what idpool does not emulate, naming it, and leaves the API as it was', async () => {
    const api = await gateway().send(new CreateRestApiCommand({ name: 'refusals' }));
    const restApiId = api.id as string;
    await gateway().send(new PutRestApiCommand({ restApiId, body: body(openApi3) }));
    const refused = async (document: object) =>
      awsError(gateway().send(new PutRestApiCommand({ restApiId, body: body(document) })));
    const cognito = await refused({
      ...openApi3,
      components: {
        securitySchemes: {
          sigv4: {
            type: 'apiKey',
            name: 'Authorization',
            in: 'header',
            'x-amazon-apigateway-authtype': 'cognito_user_pools',
          },
        },
      },
    });
    expect(cognito.name).toBe('UnsupportedFeature');
    expect(cognito.message).toContain('authorizer sigv4');
    const models = await refused({
      ...openApi3,
      components: { ...openApi3.components, schemas: { Pet: { type: 'object' } } },
    });
    expect(models.message).toContain('models (schema Pet)');
    const http = await refused({
      ...openApi3,
      paths: {
        '/x': {
          get: {
            'x-amazon-apigateway-integration': { type: 'http_proxy', httpMethod: 'GET', uri: 'https://example.com' },
          },
        },
      },
    });
    expect(http.message).toContain('integration type HTTP_PROXY');
    const gatewayResponses = await refused({
      ...openApi3,
      'x-amazon-apigateway-gateway-responses': { DEFAULT_4XX: {} },
    });
    expect(gatewayResponses.message).toContain('x-amazon-apigateway-gateway-responses');
    const validators = await refused({
      ...openApi3,
      paths: { '/x': { get: { 'x-amazon-apigateway-request-validator': 'all' } } },
    });
    expect(validators.message).toContain('x-amazon-apigateway-request-validator');
    expect(Object.keys(await methodsOf(restApiId)).sort()).toEqual(['/', '/hello']);
  });
});
