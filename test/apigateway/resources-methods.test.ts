import {
  CreateResourceCommand,
  CreateRestApiCommand,
  DeleteIntegrationCommand,
  DeleteIntegrationResponseCommand,
  DeleteMethodCommand,
  DeleteMethodResponseCommand,
  DeleteResourceCommand,
  GetIntegrationCommand,
  GetIntegrationResponseCommand,
  GetMethodCommand,
  GetMethodResponseCommand,
  GetResourceCommand,
  GetResourcesCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
  type APIGatewayClient,
} from '@aws-sdk/client-api-gateway';
import { beforeAll, describe, expect, it } from 'vitest';
import { awsError, useEmulator } from '../support/emulator.js';

const lambdaUri =
  'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/' +
  'arn:aws:lambda:us-east-1:000000000000:function:hello/invocations';

describe('API Gateway resources, methods and integrations', () => {
  const ctx = useEmulator();
  let gateway: APIGatewayClient;
  let apiId: string;
  let rootId: string;

  beforeAll(async () => {
    gateway = ctx.clients.apiGateway;
    const api = await gateway.send(new CreateRestApiCommand({ name: 'tree' }));
    apiId = api.id as string;
    rootId = api.rootResourceId as string;
  });

  const createResource = (parentId: string, pathPart: string) =>
    gateway.send(new CreateResourceCommand({ restApiId: apiId, parentId, pathPart }));

  it('builds a tree of literal, {param} and {proxy+} resources', async () => {
    const users = await createResource(rootId, 'users');
    expect(users).toMatchObject({ parentId: rootId, pathPart: 'users', path: '/users' });
    expect(users.id).toMatch(/^[a-z0-9]{6}$/);
    expect(users.$metadata.httpStatusCode).toBe(201);
    const user = await createResource(users.id as string, '{userId}');
    expect(user.path).toBe('/users/{userId}');
    const files = await createResource(user.id as string, 'files');
    const proxy = await createResource(files.id as string, '{proxy+}');
    expect(proxy.path).toBe('/users/{userId}/files/{proxy+}');
    const listed = await gateway.send(new GetResourcesCommand({ restApiId: apiId }));
    expect(listed.items?.map((item) => item.path)).toEqual(
      expect.arrayContaining(['/', '/users', '/users/{userId}', '/users/{userId}/files/{proxy+}']),
    );
  });

  it('refuses a duplicate sibling with ConflictException 409', async () => {
    await createResource(rootId, 'twice');
    const error = await awsError(createResource(rootId, 'twice'));
    expect(error.name).toBe('ConflictException');
    expect(error.message).toBe('Another resource with the same parent already has this name: twice');
    expect(error.$metadata.httpStatusCode).toBe(409);
  });

  it('refuses invalid path parts, a second variable sibling and children of a greedy resource', async () => {
    const invalid = await awsError(createResource(rootId, 'a b'));
    expect(invalid.name).toBe('BadRequestException');
    expect(invalid.message).toBe(
      "Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end " +
        'and an optional plus sign before the closing brace.',
    );
    expect(invalid.$metadata.httpStatusCode).toBe(400);
    const parent = await createResource(rootId, 'items');
    await createResource(parent.id as string, '{itemId}');
    const sibling = await awsError(createResource(parent.id as string, '{other}'));
    expect(sibling.name).toBe('BadRequestException');
    expect(sibling.message).toBe(
      'A sibling ({itemId}) of this resource already has a variable path part -- only one is allowed',
    );
    const greedy = await createResource(rootId, '{anything+}');
    const child = await awsError(createResource(greedy.id as string, 'below'));
    expect(child.message).toBe('Cannot create a child of a resource with a greedy path variable: {anything+}');
    const noParent = await awsError(createResource('nope00', 'x'));
    expect(noParent.name).toBe('NotFoundException');
    expect(noParent.message).toBe('Invalid Resource identifier specified');
  });

  it('answers a model-constraint failure with ValidationException naming the operation input', async () => {
    const error = await awsError(
      gateway.send(
        new PutIntegrationCommand({ restApiId: apiId, resourceId: rootId, httpMethod: 'GET', type: 'FOO' as never }),
      ),
    );
    expect(error.name).toBe('ValidationException');
    expect(error.message).toBe(
      "1 validation error detected: Value 'FOO' at 'putIntegrationInput.type' failed to satisfy constraint: " +
        'Member must satisfy enum value set: [HTTP, AWS, MOCK, HTTP_PROXY, AWS_PROXY]',
    );
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('puts, gets and deletes methods; a second PutMethod is a conflict', async () => {
    const resource = await createResource(rootId, 'methods');
    const put = await gateway.send(
      new PutMethodCommand({
        restApiId: apiId,
        resourceId: resource.id,
        httpMethod: 'GET',
        authorizationType: 'AWS_IAM',
      }),
    );
    expect(put).toMatchObject({ httpMethod: 'GET', authorizationType: 'AWS_IAM', apiKeyRequired: false });
    expect(put.$metadata.httpStatusCode).toBe(201);
    await gateway.send(
      new PutMethodCommand({ restApiId: apiId, resourceId: resource.id, httpMethod: 'ANY', authorizationType: 'NONE' }),
    );
    const conflict = await awsError(
      gateway.send(
        new PutMethodCommand({
          restApiId: apiId,
          resourceId: resource.id,
          httpMethod: 'GET',
          authorizationType: 'NONE',
        }),
      ),
    );
    expect(conflict.name).toBe('ConflictException');
    expect(conflict.message).toBe('Method already exists for this resource');
    expect(conflict.$metadata.httpStatusCode).toBe(409);
    const fetched = await gateway.send(new GetResourceCommand({ restApiId: apiId, resourceId: resource.id }));
    expect(fetched.resourceMethods).toEqual({ ANY: {}, GET: {} });
    await gateway.send(new DeleteMethodCommand({ restApiId: apiId, resourceId: resource.id, httpMethod: 'ANY' }));
    const gone = await awsError(
      gateway.send(new GetMethodCommand({ restApiId: apiId, resourceId: resource.id, httpMethod: 'ANY' })),
    );
    expect(gone.name).toBe('NotFoundException');
    expect(gone.message).toBe('Invalid Method identifier specified');
  });

  it('refuses unknown HTTP methods, unknown and unemulated authorization types', async () => {
    const resource = await createResource(rootId, 'refusals');
    const badMethod = await awsError(
      gateway.send(
        new PutMethodCommand({
          restApiId: apiId,
          resourceId: resource.id,
          httpMethod: 'FETCH',
          authorizationType: 'NONE',
        }),
      ),
    );
    expect(badMethod.name).toBe('BadRequestException');
    expect(badMethod.message).toBe(
      'Invalid HttpMethod specified. Valid options are GET,PUT,POST,DELETE,PATCH,OPTIONS,HEAD,ANY',
    );
    const custom = await awsError(
      gateway.send(
        new PutMethodCommand({
          restApiId: apiId,
          resourceId: resource.id,
          httpMethod: 'GET',
          authorizationType: 'CUSTOM',
        }),
      ),
    );
    // AWS's answer to CUSTOM without an authorizer (recorded); idpool has no authorizers at all.
    expect(custom.name).toBe('BadRequestException');
    expect(custom.message).toMatch(
      /^Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS/,
    );
    const bogus = await awsError(
      gateway.send(
        new PutMethodCommand({
          restApiId: apiId,
          resourceId: resource.id,
          httpMethod: 'GET',
          authorizationType: 'MAGIC',
        }),
      ),
    );
    expect(bogus.name).toBe('BadRequestException');
    const apiKey = await awsError(
      gateway.send(
        new PutMethodCommand({
          restApiId: apiId,
          resourceId: resource.id,
          httpMethod: 'GET',
          authorizationType: 'NONE',
          apiKeyRequired: true,
        }),
      ),
    );
    expect(apiKey.name).toBe('UnsupportedFeature');
    const noResource = await awsError(
      gateway.send(
        new PutMethodCommand({ restApiId: apiId, resourceId: 'nope00', httpMethod: 'GET', authorizationType: 'NONE' }),
      ),
    );
    expect(noResource.name).toBe('NotFoundException');
    expect(noResource.message).toBe('Invalid Resource identifier specified');
  });

  it('integrates a method with Lambda (AWS_PROXY) and shows it embedded in GetResources', async () => {
    const resource = await createResource(rootId, 'lambda');
    await gateway.send(
      new PutMethodCommand({
        restApiId: apiId,
        resourceId: resource.id,
        httpMethod: 'GET',
        authorizationType: 'AWS_IAM',
      }),
    );
    const none = await awsError(
      gateway.send(new GetIntegrationCommand({ restApiId: apiId, resourceId: resource.id, httpMethod: 'GET' })),
    );
    expect(none.name).toBe('NotFoundException');
    expect(none.message).toBe('Invalid Integration identifier specified');
    const integration = await gateway.send(
      new PutIntegrationCommand({
        restApiId: apiId,
        resourceId: resource.id,
        httpMethod: 'GET',
        type: 'AWS_PROXY',
        integrationHttpMethod: 'POST',
        uri: lambdaUri,
      }),
    );
    expect(integration).toMatchObject({
      type: 'AWS_PROXY',
      httpMethod: 'POST',
      uri: lambdaUri,
      passthroughBehavior: 'WHEN_NO_MATCH',
      timeoutInMillis: 29000,
      cacheNamespace: resource.id,
      cacheKeyParameters: [],
    });
    const resources = await gateway.send(new GetResourcesCommand({ restApiId: apiId, embed: ['methods'], limit: 500 }));
    const embedded = resources.items?.find((item) => item.id === resource.id);
    expect(embedded?.resourceMethods?.GET).toMatchObject({
      authorizationType: 'AWS_IAM',
      methodIntegration: { type: 'AWS_PROXY', uri: lambdaUri },
    });
    await gateway.send(new DeleteIntegrationCommand({ restApiId: apiId, resourceId: resource.id, httpMethod: 'GET' }));
    const method = await gateway.send(
      new GetMethodCommand({ restApiId: apiId, resourceId: resource.id, httpMethod: 'GET' }),
    );
    expect(method.methodIntegration).toBeUndefined();
  });

  it('refuses integrations AWS refuses, and those it does not emulate', async () => {
    const resource = await createResource(rootId, 'bad-integrations');
    await gateway.send(
      new PutMethodCommand({ restApiId: apiId, resourceId: resource.id, httpMethod: 'GET', authorizationType: 'NONE' }),
    );
    const put = (input: Partial<ConstructorParameters<typeof PutIntegrationCommand>[0]>) =>
      awsError(
        gateway.send(
          new PutIntegrationCommand({
            restApiId: apiId,
            resourceId: resource.id,
            httpMethod: 'GET',
            type: 'AWS_PROXY',
            ...input,
          }),
        ),
      );
    expect((await put({ uri: lambdaUri })).message).toBe('Enumeration value for HttpMethod must be non-empty');
    expect((await put({ integrationHttpMethod: 'POST', uri: 'lambda:hello' })).message).toBe(
      'Invalid ARN specified in the request',
    );
    expect(
      (await put({ integrationHttpMethod: 'POST', uri: 'arn:aws:apigateway:us-east-1:lambda:functions/x' })).message,
    ).toBe('AWS ARN for integration must contain path or action');
    const s3 = await put({ integrationHttpMethod: 'POST', uri: 'arn:aws:apigateway:us-east-1:s3:path/bucket/key' });
    expect(s3.name).toBe('BadRequestException');
    expect(s3.message).toBe(
      "Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations.",
    );
    const http = await put({ type: 'HTTP_PROXY', integrationHttpMethod: 'GET', uri: 'https://example.com' });
    expect(http.name).toBe('UnsupportedFeature');
    expect(http.message).toContain('HTTP_PROXY');
    const timeout = await put({ integrationHttpMethod: 'POST', uri: lambdaUri, timeoutInMillis: 40_000 });
    expect(timeout.message).toBe('Timeout should be between 50 ms and 29000 ms');
    const vtl = await put({ type: 'MOCK', requestTemplates: { 'application/json': '#set($x = 1){"statusCode": $x}' } });
    expect(vtl.name).toBe('UnsupportedFeature');
    const noMethod = await awsError(
      gateway.send(
        new PutIntegrationCommand({ restApiId: apiId, resourceId: resource.id, httpMethod: 'POST', type: 'MOCK' }),
      ),
    );
    expect(noMethod.name).toBe('NotFoundException');
    expect(noMethod.message).toBe('Invalid Method identifier specified');
  });

  it('sets up CORS the way the console does: OPTIONS, MOCK, method response, integration response', async () => {
    const resource = await createResource(rootId, 'cors');
    await gateway.send(
      new PutMethodCommand({
        restApiId: apiId,
        resourceId: resource.id,
        httpMethod: 'OPTIONS',
        authorizationType: 'NONE',
      }),
    );
    await gateway.send(
      new PutIntegrationCommand({
        restApiId: apiId,
        resourceId: resource.id,
        httpMethod: 'OPTIONS',
        type: 'MOCK',
        requestTemplates: { 'application/json': '{"statusCode": 200}' },
      }),
    );
    const headers = ['Access-Control-Allow-Headers', 'Access-Control-Allow-Methods', 'Access-Control-Allow-Origin'];
    const methodResponse = await gateway.send(
      new PutMethodResponseCommand({
        restApiId: apiId,
        resourceId: resource.id,
        httpMethod: 'OPTIONS',
        statusCode: '200',
        responseParameters: Object.fromEntries(headers.map((header) => [`method.response.header.${header}`, false])),
        responseModels: { 'application/json': 'Empty' },
      }),
    );
    expect(methodResponse.$metadata.httpStatusCode).toBe(201);
    const again = await awsError(
      gateway.send(
        new PutMethodResponseCommand({
          restApiId: apiId,
          resourceId: resource.id,
          httpMethod: 'OPTIONS',
          statusCode: '200',
        }),
      ),
    );
    expect(again.name).toBe('ConflictException');
    const responseParameters = {
      'method.response.header.Access-Control-Allow-Headers':
        "'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token'",
      'method.response.header.Access-Control-Allow-Methods': "'GET,OPTIONS'",
      'method.response.header.Access-Control-Allow-Origin': "'*'",
    };
    const integrationResponse = await gateway.send(
      new PutIntegrationResponseCommand({
        restApiId: apiId,
        resourceId: resource.id,
        httpMethod: 'OPTIONS',
        statusCode: '200',
        responseParameters,
        responseTemplates: { 'application/json': '' },
      }),
    );
    expect(integrationResponse).toMatchObject({ statusCode: '200', responseParameters });
    const method = await gateway.send(
      new GetMethodCommand({ restApiId: apiId, resourceId: resource.id, httpMethod: 'OPTIONS' }),
    );
    expect(method.methodResponses?.['200']?.responseParameters).toEqual(
      Object.fromEntries(headers.map((header) => [`method.response.header.${header}`, false])),
    );
    expect(method.methodIntegration?.integrationResponses?.['200']?.responseParameters).toEqual(responseParameters);
    const read = await gateway.send(
      new GetIntegrationResponseCommand({
        restApiId: apiId,
        resourceId: resource.id,
        httpMethod: 'OPTIONS',
        statusCode: '200',
      }),
    );
    expect(read.statusCode).toBe('200');
    const readMethodResponse = await gateway.send(
      new GetMethodResponseCommand({
        restApiId: apiId,
        resourceId: resource.id,
        httpMethod: 'OPTIONS',
        statusCode: '200',
      }),
    );
    expect(readMethodResponse.statusCode).toBe('200');
    const missing = await awsError(
      gateway.send(
        new GetMethodResponseCommand({
          restApiId: apiId,
          resourceId: resource.id,
          httpMethod: 'OPTIONS',
          statusCode: '404',
        }),
      ),
    );
    expect(missing.name).toBe('NotFoundException');
    expect(missing.message).toBe('Invalid Response status code specified');
  });

  it(
    'refuses integration response headers the method response does not declare, ' + 'with AWS mapping messages',
    async () => {
      const resource = await createResource(rootId, 'mapping');
      await gateway.send(
        new PutMethodCommand({
          restApiId: apiId,
          resourceId: resource.id,
          httpMethod: 'OPTIONS',
          authorizationType: 'NONE',
        }),
      );
      await gateway.send(
        new PutIntegrationCommand({ restApiId: apiId, resourceId: resource.id, httpMethod: 'OPTIONS', type: 'MOCK' }),
      );
      const put = (responseParameters: Record<string, string>) =>
        awsError(
          gateway.send(
            new PutIntegrationResponseCommand({
              restApiId: apiId,
              resourceId: resource.id,
              httpMethod: 'OPTIONS',
              statusCode: '200',
              responseParameters,
            }),
          ),
        );
      const noMethodResponse = await put({ 'method.response.header.Access-Control-Allow-Origin': "'*'" });
      expect(noMethodResponse.name).toBe('BadRequestException');
      expect(noMethodResponse.message).toBe(
        'Invalid mapping expression specified: Validation Result: warnings : [], ' +
          'errors : [No method response exists for method.]',
      );
      await gateway.send(
        new PutMethodResponseCommand({
          restApiId: apiId,
          resourceId: resource.id,
          httpMethod: 'OPTIONS',
          statusCode: '200',
          responseParameters: { 'method.response.header.Access-Control-Allow-Origin': false },
        }),
      );
      const undeclared = await put({ 'method.response.header.Access-Control-Allow-Methods': "'GET'" });
      expect(undeclared.message).toBe(
        'Invalid mapping expression specified: Validation Result: warnings : [], ' +
          'errors : [Invalid mapping expression parameter specified: ' +
          'method.response.header.Access-Control-Allow-Methods]',
      );
      const unquoted = await put({ 'method.response.header.Access-Control-Allow-Origin': '*' });
      expect(unquoted.message).toBe(
        'Invalid mapping expression specified: Validation Result: warnings : [], ' +
          'errors : [Invalid mapping expression specified: *]',
      );
    },
  );

  it('deletes method and integration responses', async () => {
    const resource = await createResource(rootId, 'responses');
    const target = { restApiId: apiId, resourceId: resource.id, httpMethod: 'GET' };
    await gateway.send(new PutMethodCommand({ ...target, authorizationType: 'NONE' }));
    await gateway.send(new PutIntegrationCommand({ ...target, type: 'MOCK' }));
    await gateway.send(new PutMethodResponseCommand({ ...target, statusCode: '200' }));
    await gateway.send(new PutIntegrationResponseCommand({ ...target, statusCode: '200' }));
    const deletedIntegrationResponse = await gateway.send(
      new DeleteIntegrationResponseCommand({ ...target, statusCode: '200' }),
    );
    expect(deletedIntegrationResponse.$metadata.httpStatusCode).toBe(204);
    const integrationResponse = await awsError(
      gateway.send(new GetIntegrationResponseCommand({ ...target, statusCode: '200' })),
    );
    expect(integrationResponse.name).toBe('NotFoundException');
    expect(integrationResponse.message).toBe('Invalid Response status code specified');
    await gateway.send(new DeleteMethodResponseCommand({ ...target, statusCode: '200' }));
    const again = await awsError(gateway.send(new DeleteMethodResponseCommand({ ...target, statusCode: '200' })));
    expect(again.name).toBe('NotFoundException');
    const noIntegration = await awsError(
      gateway.send(new DeleteIntegrationCommand({ ...target, httpMethod: 'OPTIONS' })),
    );
    expect(noIntegration.message).toBe('Invalid Method identifier specified');
  });

  it('pages through resources', async () => {
    const all = await gateway.send(new GetResourcesCommand({ restApiId: apiId, limit: 500 }));
    const first = await gateway.send(new GetResourcesCommand({ restApiId: apiId, limit: 3 }));
    expect(first.items).toHaveLength(3);
    const second = await gateway.send(
      new GetResourcesCommand({ restApiId: apiId, limit: 3, position: first.position }),
    );
    expect([...(first.items ?? []), ...(second.items ?? [])].map((item) => item.id)).toEqual(
      all.items?.slice(0, 6).map((item) => item.id),
    );
  });

  it('deletes a resource with its descendants, but not the root', async () => {
    const top = await createResource(rootId, 'doomed');
    const child = await createResource(top.id as string, 'child');
    await gateway.send(
      new PutMethodCommand({ restApiId: apiId, resourceId: child.id, httpMethod: 'GET', authorizationType: 'NONE' }),
    );
    const deleted = await gateway.send(new DeleteResourceCommand({ restApiId: apiId, resourceId: top.id }));
    expect(deleted.$metadata.httpStatusCode).toBe(202);
    const gone = await awsError(gateway.send(new GetResourceCommand({ restApiId: apiId, resourceId: child.id })));
    expect(gone.name).toBe('NotFoundException');
    const root = await awsError(gateway.send(new DeleteResourceCommand({ restApiId: apiId, resourceId: rootId })));
    expect(root.name).toBe('BadRequestException');
  });
});
