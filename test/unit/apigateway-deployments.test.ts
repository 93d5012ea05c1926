import { describe, expect, it } from 'vitest';
import { createDeployment } from '../../emulator/services/apigateway/create-deployment.js';
import { createStage } from '../../emulator/services/apigateway/create-stage.js';
import { deleteDeployment } from '../../emulator/services/apigateway/delete-deployment.js';
import { getStages } from '../../emulator/services/apigateway/get-stages.js';
import { putIntegration } from '../../emulator/services/apigateway/put-integration.js';
import { putMethod } from '../../emulator/services/apigateway/put-method.js';
import { updateStage } from '../../emulator/services/apigateway/update-stage.js';
import { apiGatewayStore, operation, refusal, restApi } from '../support/apigateway-apis.js';
import { callContext } from '../support/call-context.js';

const later = callContext({ now: new Date('2026-01-02T00:00:00Z') });

function setup() {
  const apigateway = apiGatewayStore();
  const { apiId, rootId } = restApi(apigateway);
  const method = { restApiId: apiId, resourceId: rootId, httpMethod: 'GET' };
  return {
    apigateway,
    apiId,
    addMethod: (integrated = true) => {
      operation(putMethod, apigateway)({ ...method, authorizationType: 'NONE' }, callContext());
      if (integrated) {
        const templates = { 'application/json': '{"statusCode": 200}' };
        operation(putIntegration, apigateway)({ ...method, type: 'MOCK', requestTemplates: templates }, callContext());
      }
    },
    deploy: operation(createDeployment, apigateway),
    createStage: operation(createStage, apigateway),
    updateStage: operation(updateStage, apigateway),
    deleteDeployment: operation(deleteDeployment, apigateway),
    stages: () => operation(getStages, apigateway)({ restApiId: apiId }, callContext()).item ?? [],
  };
}

describe('CreateDeployment', () => {
  it('refuses an API without methods, or with a method without integration, and stores nothing', () => {
    const { apigateway, apiId, addMethod, deploy, stages } = setup();
    const deployToDev = () => deploy({ restApiId: apiId, stageName: 'dev' }, callContext());
    expect(refusal(deployToDev).message).toBe("The REST API doesn't contain any methods");
    addMethod(false);
    expect(refusal(deployToDev)).toEqual({
      code: 'BadRequestException',
      status: 400,
      message: 'No integration defined for method',
    });
    expect(apigateway.listDeployments(apiId)).toEqual([]);
    expect(stages()).toEqual([]);
  });

  it('with a stage name makes the stage, then moves it to the next deployment keeping what it had', () => {
    const { apiId, addMethod, deploy, updateStage, stages } = setup();
    addMethod();
    const first = deploy({ restApiId: apiId, stageName: 'dev', stageDescription: 'the dev stage' }, callContext());
    updateStage(
      {
        restApiId: apiId,
        stageName: 'dev',
        patchOperations: [{ op: 'replace', path: '/tracingEnabled', value: 'true' }],
      },
      callContext(),
    );
    const second = deploy({ restApiId: apiId, stageName: 'dev', variables: { v: '2' } }, later);
    expect(second.id).not.toBe(first.id);
    expect(stages()).toEqual([
      expect.objectContaining({
        stageName: 'dev',
        deploymentId: second.id,
        description: 'the dev stage',
        tracingEnabled: true,
        variables: { v: '2' },
        createdDate: new Date('2026-01-01T00:00:00Z'),
        lastUpdatedDate: new Date('2026-01-02T00:00:00Z'),
      }),
    ]);
  });

  it('freezes the tree: a later change to the API is not in the deployment', () => {
    const { apigateway, apiId, addMethod, deploy } = setup();
    addMethod();
    const deployment = deploy({ restApiId: apiId }, callContext());
    apigateway.deleteMethod(apiId, apigateway.findRestApi(apiId)?.rootResourceId as string, 'GET');
    const snapshot = apigateway.deploymentSnapshot(apiId, deployment.id as string);
    expect(snapshot?.resources.map((resource) => Object.keys(resource.methods))).toEqual([['GET']]);
  });
});

describe('DeleteDeployment', () => {
  it('refuses a deployment a stage serves (recorded wording), and deletes it once the stage serves another', () => {
    const { apigateway, apiId, addMethod, deploy, createStage, updateStage, deleteDeployment } = setup();
    addMethod();
    const first = deploy({ restApiId: apiId, stageName: 'dev' }, callContext()).id as string;
    const second = deploy({ restApiId: apiId }, callContext()).id as string;
    createStage({ restApiId: apiId, stageName: 'prod', deploymentId: first }, callContext());
    const remove = () => deleteDeployment({ restApiId: apiId, deploymentId: first }, callContext());
    expect(refusal(remove).message).toBe('Active stages pointing to this deployment must be moved or deleted');
    for (const stageName of ['dev', 'prod']) {
      const patchOperations = [{ op: 'replace' as const, path: '/deploymentId', value: second }];
      updateStage({ restApiId: apiId, stageName, patchOperations }, callContext());
    }
    remove();
    expect(apigateway.listDeployments(apiId).map((deployment) => deployment.deploymentId)).toEqual([second]);
  });

  it('answers an unknown API before an unknown deployment', () => {
    const { apiId, deleteDeployment } = setup();
    expect(refusal(() => deleteDeployment({ restApiId: 'nosuchapi1', deploymentId: 'x' }, callContext()))).toEqual({
      code: 'NotFoundException',
      status: 404,
      message: 'Invalid API identifier specified 000000000000:nosuchapi1',
    });
    expect(refusal(() => deleteDeployment({ restApiId: apiId, deploymentId: 'x' }, callContext())).message).toBe(
      'Invalid Deployment identifier specified',
    );
  });
});

describe('UpdateStage', () => {
  it('changes a stage the store has handed out before (its records are shared), all or nothing', () => {
    const { apiId, addMethod, deploy, updateStage, stages } = setup();
    addMethod();
    deploy({ restApiId: apiId, stageName: 'dev', variables: { a: '1', b: '2' } }, callContext());
    expect(stages()[0]?.variables).toEqual({ a: '1', b: '2' });
    const patch = (patchOperations: { op: 'add' | 'remove' | 'replace'; path: string; value?: string }[]) =>
      updateStage({ restApiId: apiId, stageName: 'dev', patchOperations }, later);
    const refused = refusal(() =>
      patch([
        { op: 'remove', path: '/variables/a' },
        { op: 'replace', path: '/deploymentId', value: 'nosuch' },
      ]),
    );
    expect(refused.message).toBe('Deployment id does not exist');
    expect(stages()[0]?.variables).toEqual({ a: '1', b: '2' });
    const updated = patch([
      { op: 'remove', path: '/variables/a' },
      { op: 'replace', path: '/description', value: 'changed' },
    ]);
    expect(updated).toMatchObject({ variables: { b: '2' }, description: 'changed' });
    expect(stages()[0]).toMatchObject({ variables: { b: '2' }, description: 'changed' });
  });
});
