import {
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateStageCommand,
  GetDeploymentCommand,
  GetIntegrationCommand,
  GetResourcesCommand,
  GetRestApiCommand,
  GetStageCommand,
  GetTagsCommand,
  PutIntegrationCommand,
  PutMethodCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateDeploymentCommand,
  UpdateIntegrationCommand,
  UpdateResourceCommand,
} from '@aws-sdk/client-api-gateway';
import { beforeAll, describe, expect, it } from 'vitest';
import { awsError, useEmulator } from '../support/emulator.js';
import { ApiBuilder } from './api-builder.js';

const lambdaUri = (name: string) =>
  'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/' +
  `arn:aws:lambda:us-east-1:000000000000:function:${name}/invocations`;

describe('API Gateway updates as Terraform sends them', () => {
  const ctx = useEmulator();
  const gateway = () => ctx.clients.apiGateway;
  let api: ApiBuilder;
  let helloId: string;

  beforeAll(async () => {
    api = await ApiBuilder.create(gateway(), 'updates');
    helloId = await api.resource('/hello');
    await gateway().send(
      new PutMethodCommand({
        restApiId: api.apiId,
        resourceId: helloId,
        httpMethod: 'GET',
        authorizationType: 'AWS_IAM',
      }),
    );
    await gateway().send(
      new PutIntegrationCommand({
        restApiId: api.apiId,
        resourceId: helloId,
        httpMethod: 'GET',
        type: 'AWS_PROXY',
        integrationHttpMethod: 'POST',
        uri: lambdaUri('one'),
      }),
    );
  });

  it('UpdateIntegration: timeout, URI, request parameters and cache keys, checked as PutIntegration does', async () => {
    const target = { restApiId: api.apiId, resourceId: helloId, httpMethod: 'GET' };
    const updated = await gateway().send(
      new UpdateIntegrationCommand({
        ...target,
        patchOperations: [
          { op: 'replace', path: '/timeoutInMillis', value: '10000' },
          { op: 'replace', path: '/uri', value: lambdaUri('two') },
          {
            op: 'add',
            path: '/requestParameters/integration.request.header.x-id',
            value: 'method.request.header.x-id',
          },
          { op: 'add', path: '/cacheKeyParameters/method.request.header.x-id', value: '' },
        ],
      }),
    );
    expect(updated).toMatchObject({
      type: 'AWS_PROXY',
      timeoutInMillis: 10_000,
      uri: lambdaUri('two'),
      requestParameters: { 'integration.request.header.x-id': 'method.request.header.x-id' },
      cacheKeyParameters: ['method.request.header.x-id'],
    });
    const removed = await gateway().send(
      new UpdateIntegrationCommand({
        ...target,
        patchOperations: [{ op: 'remove', path: '/requestParameters/integration.request.header.x-id' }],
      }),
    );
    expect(removed.requestParameters).toBeUndefined();
    const badUri = await awsError(
      gateway().send(
        new UpdateIntegrationCommand({
          ...target,
          patchOperations: [{ op: 'replace', path: '/uri', value: 'not-an-arn' }],
        }),
      ),
    );
    expect(badUri.name).toBe('BadRequestException');
    expect(badUri.message).toBe('Invalid ARN specified in the request');
    const badTimeout = await awsError(
      gateway().send(
        new UpdateIntegrationCommand({
          ...target,
          patchOperations: [{ op: 'replace', path: '/timeoutInMillis', value: '10' }],
        }),
      ),
    );
    expect(badTimeout.message).toBe('Timeout should be between 50 ms and 29000 ms');
    const wrongPath = await awsError(
      gateway().send(
        new UpdateIntegrationCommand({ ...target, patchOperations: [{ op: 'replace', path: '/nope', value: 'x' }] }),
      ),
    );
    expect(wrongPath.message).toBe('Invalid patch path /nope');
    // Refused changes left the integration as it was.
    expect((await gateway().send(new GetIntegrationCommand(target))).uri).toBe(lambdaUri('two'));
  });

  it('UpdateIntegration of a MOCK integration refuses a VTL request template, as PutIntegration does', async () => {
    await api.mock('GET', '/mocked', 'NONE');
    const resourceId = await api.resource('/mocked');
    const target = { restApiId: api.apiId, resourceId, httpMethod: 'GET' };
    const vtl = await awsError(
      gateway().send(
        new UpdateIntegrationCommand({
          ...target,
          patchOperations: [{ op: 'replace', path: '/requestTemplates/application~1json', value: '#set($x = 1)' }],
        }),
      ),
    );
    expect(vtl.name).toBe('UnsupportedFeature');
    const replaced = await gateway().send(
      new UpdateIntegrationCommand({
        ...target,
        patchOperations: [{ op: 'replace', path: '/requestTemplates/application~1json', value: '{"statusCode": 201}' }],
      }),
    );
    expect(replaced.requestTemplates).toEqual({ 'application/json': '{"statusCode": 201}' });
  });

  it('UpdateResource moves a resource with its subtree; the paths follow', async () => {
    const parent = await api.resource('/a');
    const child = await api.resource('/a/b');
    await api.mock('GET', '/a/b/c', 'NONE');
    const other = await api.resource('/other');
    const moved = await gateway().send(
      new UpdateResourceCommand({
        restApiId: api.apiId,
        resourceId: child,
        patchOperations: [
          { op: 'replace', path: '/parentId', value: other },
          { op: 'replace', path: '/pathPart', value: 'renamed' },
        ],
      }),
    );
    expect(moved).toMatchObject({ id: child, parentId: other, pathPart: 'renamed', path: '/other/renamed' });
    const paths = (await gateway().send(new GetResourcesCommand({ restApiId: api.apiId }))).items?.map(
      (item) => item.path,
    );
    expect(paths).toContain('/other/renamed/c');
    expect(paths).not.toContain('/a/b');
    expect(paths).toContain('/a');
    expect(parent).toBeDefined();
    const greedy = await gateway().send(
      new CreateResourceCommand({ restApiId: api.apiId, parentId: other, pathPart: '{proxy+}' }),
    );
    const under = await awsError(
      gateway().send(
        new UpdateResourceCommand({
          restApiId: api.apiId,
          resourceId: child,
          patchOperations: [{ op: 'replace', path: '/parentId', value: greedy.id }],
        }),
      ),
    );
    expect(under.message).toBe('Cannot create a child of a resource with a greedy path variable: {proxy+}');
  });

  it('UpdateDeployment changes the description only', async () => {
    const deployment = await gateway().send(
      new CreateDeploymentCommand({ restApiId: api.apiId, description: 'first' }),
    );
    const target = { restApiId: api.apiId, deploymentId: deployment.id };
    const updated = await gateway().send(
      new UpdateDeploymentCommand({
        ...target,
        patchOperations: [{ op: 'replace', path: '/description', value: 'second' }],
      }),
    );
    expect(updated).toMatchObject({ id: deployment.id, description: 'second' });
    expect((await gateway().send(new GetDeploymentCommand(target))).description).toBe('second');
    const canary = await awsError(
      gateway().send(
        new UpdateDeploymentCommand({
          ...target,
          patchOperations: [{ op: 'replace', path: '/canarySettings/percentTraffic', value: '10' }],
        }),
      ),
    );
    expect(canary.name).toBe('UnsupportedFeature');
    const missing = await awsError(
      gateway().send(
        new UpdateDeploymentCommand({ restApiId: api.apiId, deploymentId: 'nope00', patchOperations: [] }),
      ),
    );
    expect(missing.name).toBe('NotFoundException');
    expect(missing.message).toBe('Invalid Deployment identifier specified');
  });

  it('TagResource, GetTags and UntagResource on an API and a stage; GetRestApi and GetStage show them', async () => {
    const deployment = await gateway().send(new CreateDeploymentCommand({ restApiId: api.apiId }));
    await gateway().send(
      new CreateStageCommand({
        restApiId: api.apiId,
        stageName: 'tagged',
        deploymentId: deployment.id,
        tags: { a: '1' },
      }),
    );
    const apiArn = `arn:aws:apigateway:us-east-1::/restapis/${api.apiId}`;
    const stageArn = `${apiArn}/stages/tagged`;
    await gateway().send(new TagResourceCommand({ resourceArn: apiArn, tags: { team: 'idpool', env: 'dev' } }));
    await gateway().send(new TagResourceCommand({ resourceArn: stageArn, tags: { b: '2' } }));
    expect((await gateway().send(new GetTagsCommand({ resourceArn: apiArn }))).tags).toEqual({
      team: 'idpool',
      env: 'dev',
    });
    expect((await gateway().send(new GetRestApiCommand({ restApiId: api.apiId }))).tags).toEqual({
      team: 'idpool',
      env: 'dev',
    });
    expect((await gateway().send(new GetStageCommand({ restApiId: api.apiId, stageName: 'tagged' }))).tags).toEqual({
      a: '1',
      b: '2',
    });
    await gateway().send(new UntagResourceCommand({ resourceArn: apiArn, tagKeys: ['env', 'absent'] }));
    expect((await gateway().send(new GetTagsCommand({ resourceArn: apiArn }))).tags).toEqual({ team: 'idpool' });
    const unknown = await awsError(
      gateway().send(new GetTagsCommand({ resourceArn: 'arn:aws:apigateway:us-east-1::/restapis/nosuchapi1' })),
    );
    expect(unknown.name).toBe('NotFoundException');
    const otherRegion = await awsError(
      gateway().send(new GetTagsCommand({ resourceArn: `arn:aws:apigateway:eu-west-1::/restapis/${api.apiId}` })),
    );
    expect(otherRegion.name).toBe('NotFoundException');
    const notArn = await awsError(
      gateway().send(new TagResourceCommand({ resourceArn: 'restapis', tags: { a: 'b' } })),
    );
    expect(notArn.name).toBe('BadRequestException');
  });
});
