import {
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  CreateStageCommand,
  DeleteDeploymentCommand,
  DeleteStageCommand,
  GetDeploymentCommand,
  GetDeploymentsCommand,
  GetStageCommand,
  GetStagesCommand,
  PutIntegrationCommand,
  PutMethodCommand,
  UpdateStageCommand,
  type APIGatewayClient,
} from '@aws-sdk/client-api-gateway';
import { beforeAll, describe, expect, it } from 'vitest';
import { awsError, useEmulator } from '../support/emulator.js';

describe('API Gateway deployments and stages', () => {
  const ctx = useEmulator();
  let gateway: APIGatewayClient;

  beforeAll(() => {
    gateway = ctx.clients.apiGateway;
  });

  async function apiWithMockMethod(): Promise<{ apiId: string; resourceId: string }> {
    const api = await gateway.send(new CreateRestApiCommand({ name: 'deployable' }));
    const resource = await gateway.send(
      new CreateResourceCommand({ restApiId: api.id, parentId: api.rootResourceId, pathPart: 'ping' }),
    );
    await gateway.send(
      new PutMethodCommand({
        restApiId: api.id,
        resourceId: resource.id,
        httpMethod: 'GET',
        authorizationType: 'NONE',
      }),
    );
    await gateway.send(
      new PutIntegrationCommand({
        restApiId: api.id,
        resourceId: resource.id,
        httpMethod: 'GET',
        type: 'MOCK',
        requestTemplates: { 'application/json': '{"statusCode": 200}' },
      }),
    );
    return { apiId: api.id as string, resourceId: resource.id as string };
  }

  it('refuses to deploy an API without methods, or with a method lacking an integration', async () => {
    const empty = await gateway.send(new CreateRestApiCommand({ name: 'empty' }));
    const noMethods = await awsError(
      gateway.send(new CreateDeploymentCommand({ restApiId: empty.id, stageName: 'dev' })),
    );
    expect(noMethods.name).toBe('BadRequestException');
    expect(noMethods.message).toBe("The REST API doesn't contain any methods");
    expect(noMethods.$metadata.httpStatusCode).toBe(400);
    await gateway.send(
      new PutMethodCommand({
        restApiId: empty.id,
        resourceId: empty.rootResourceId,
        httpMethod: 'GET',
        authorizationType: 'NONE',
      }),
    );
    const noIntegration = await awsError(gateway.send(new CreateDeploymentCommand({ restApiId: empty.id })));
    expect(noIntegration.message).toBe('No integration defined for method');
  });

  it('deploys to a new stage, then moves the stage to the next deployment', async () => {
    const { apiId } = await apiWithMockMethod();
    const first = await gateway.send(
      new CreateDeploymentCommand({
        restApiId: apiId,
        stageName: 'dev',
        stageDescription: 'development',
        description: 'v1',
      }),
    );
    expect(first.id).toMatch(/^[a-z0-9]{6}$/);
    expect(first.$metadata.httpStatusCode).toBe(201);
    expect(first.description).toBe('v1');
    const stage = await gateway.send(new GetStageCommand({ restApiId: apiId, stageName: 'dev' }));
    expect(stage).toMatchObject({
      deploymentId: first.id,
      stageName: 'dev',
      description: 'development',
      cacheClusterEnabled: false,
      tracingEnabled: false,
    });
    const second = await gateway.send(
      new CreateDeploymentCommand({ restApiId: apiId, stageName: 'dev', variables: { fn: 'hello' } }),
    );
    const moved = await gateway.send(new GetStageCommand({ restApiId: apiId, stageName: 'dev' }));
    expect(moved).toMatchObject({ deploymentId: second.id, description: 'development', variables: { fn: 'hello' } });
    const deployments = await gateway.send(new GetDeploymentsCommand({ restApiId: apiId }));
    expect(deployments.items?.map((item) => item.id)).toEqual([first.id, second.id]);
    const summary = await gateway.send(
      new GetDeploymentCommand({ restApiId: apiId, deploymentId: first.id, embed: ['apisummary'] }),
    );
    expect(summary.apiSummary).toEqual({ '/ping': { GET: { authorizationType: 'NONE', apiKeyRequired: false } } });
    const busy = await awsError(
      gateway.send(new DeleteDeploymentCommand({ restApiId: apiId, deploymentId: second.id })),
    );
    expect(busy.name).toBe('BadRequestException');
    expect(busy.message).toBe('Active stages pointing to this deployment must be moved or deleted');
    await gateway.send(new DeleteDeploymentCommand({ restApiId: apiId, deploymentId: first.id }));
    const gone = await awsError(gateway.send(new GetDeploymentCommand({ restApiId: apiId, deploymentId: first.id })));
    expect(gone.name).toBe('NotFoundException');
    expect(gone.message).toBe('Invalid Deployment identifier specified');
  });

  it('creates, lists, updates and deletes stages', async () => {
    const { apiId } = await apiWithMockMethod();
    const deployment = await gateway.send(new CreateDeploymentCommand({ restApiId: apiId }));
    const other = await gateway.send(new CreateDeploymentCommand({ restApiId: apiId }));
    const created = await gateway.send(
      new CreateStageCommand({
        restApiId: apiId,
        stageName: 'prod',
        deploymentId: deployment.id,
        variables: { a: '1' },
      }),
    );
    expect(created).toMatchObject({ stageName: 'prod', deploymentId: deployment.id, variables: { a: '1' } });
    expect(created.$metadata.httpStatusCode).toBe(201);
    const duplicate = await awsError(
      gateway.send(new CreateStageCommand({ restApiId: apiId, stageName: 'prod', deploymentId: deployment.id })),
    );
    expect(duplicate.name).toBe('ConflictException');
    expect(duplicate.message).toBe('Stage already exists');
    expect(duplicate.$metadata.httpStatusCode).toBe(409);
    const badName = await awsError(
      gateway.send(new CreateStageCommand({ restApiId: apiId, stageName: 'pr od', deploymentId: deployment.id })),
    );
    expect(badName.name).toBe('BadRequestException');
    const unknownDeployment = await awsError(
      gateway.send(new CreateStageCommand({ restApiId: apiId, stageName: 'qa', deploymentId: 'nope00' })),
    );
    expect(unknownDeployment.name).toBe('NotFoundException');
    const updated = await gateway.send(
      new UpdateStageCommand({
        restApiId: apiId,
        stageName: 'prod',
        patchOperations: [
          { op: 'replace', path: '/deploymentId', value: other.id },
          { op: 'replace', path: '/variables/b', value: '2' },
          { op: 'remove', path: '/variables/a' },
          { op: 'replace', path: '/description', value: 'production' },
        ],
      }),
    );
    expect(updated).toMatchObject({ deploymentId: other.id, variables: { b: '2' }, description: 'production' });
    const noDeployment = await awsError(
      gateway.send(
        new UpdateStageCommand({
          restApiId: apiId,
          stageName: 'prod',
          patchOperations: [{ op: 'replace', path: '/deploymentId', value: 'nope00' }],
        }),
      ),
    );
    expect(noDeployment.message).toBe('Deployment id does not exist');
    const throttling = await awsError(
      gateway.send(
        new UpdateStageCommand({
          restApiId: apiId,
          stageName: 'prod',
          patchOperations: [{ op: 'replace', path: '/*/*/throttling/rateLimit', value: '1' }],
        }),
      ),
    );
    expect(throttling.name).toBe('UnsupportedFeature');
    const badPath = await awsError(
      gateway.send(
        new UpdateStageCommand({
          restApiId: apiId,
          stageName: 'prod',
          patchOperations: [{ op: 'replace', path: '/colour', value: 'red' }],
        }),
      ),
    );
    expect(badPath.name).toBe('BadRequestException');
    expect(badPath.message).toMatch(/^Invalid method setting path: \/colour\. Must be one of: \[\/deploymentId, /);
    const stages = await gateway.send(new GetStagesCommand({ restApiId: apiId }));
    expect(stages.item?.map((stage) => stage.stageName)).toEqual(['prod']);
    const byDeployment = await gateway.send(new GetStagesCommand({ restApiId: apiId, deploymentId: deployment.id }));
    expect(byDeployment.item).toEqual([]);
    const deleted = await gateway.send(new DeleteStageCommand({ restApiId: apiId, stageName: 'prod' }));
    expect(deleted.$metadata.httpStatusCode).toBe(202);
    const gone = await awsError(gateway.send(new GetStageCommand({ restApiId: apiId, stageName: 'prod' })));
    expect(gone.name).toBe('NotFoundException');
    expect(gone.message).toBe('Invalid stage identifier specified');
    expect(gone.$metadata.httpStatusCode).toBe(404);
  });
});
