import { describe, expect, it } from 'vitest';
import { deleteIntegrationResponse } from '../../emulator/services/apigateway/delete-integration-response.js';
import { deleteMethod } from '../../emulator/services/apigateway/delete-method.js';
import { getMethod } from '../../emulator/services/apigateway/get-method.js';
import { putIntegration } from '../../emulator/services/apigateway/put-integration.js';
import { putIntegrationResponse } from '../../emulator/services/apigateway/put-integration-response.js';
import { putMethod } from '../../emulator/services/apigateway/put-method.js';
import { putMethodResponse } from '../../emulator/services/apigateway/put-method-response.js';
import { updateMethod } from '../../emulator/services/apigateway/update-method.js';
import { apiGatewayStore, operation, refusal, restApi } from '../support/apigateway-apis.js';
import { callContext } from '../support/call-context.js';

const cors = 'method.response.header.Access-Control-Allow-Origin';

function setup() {
  const apigateway = apiGatewayStore();
  const { apiId, rootId } = restApi(apigateway);
  const key = { restApiId: apiId, resourceId: rootId, httpMethod: 'GET' };
  return {
    key,
    apigateway,
    put: (authorizationType = 'NONE') => operation(putMethod, apigateway)({ ...key, authorizationType }, callContext()),
    get: () => operation(getMethod, apigateway)(key, callContext()),
    update: operation(updateMethod, apigateway),
    remove: () => operation(deleteMethod, apigateway)(key, callContext()),
    putMethodResponse: operation(putMethodResponse, apigateway),
    putIntegration: operation(putIntegration, apigateway),
    putIntegrationResponse: operation(putIntegrationResponse, apigateway),
    deleteIntegrationResponse: operation(deleteIntegrationResponse, apigateway),
  };
}

describe('PutMethod', () => {
  it('adds a method once (409 the second time) and checks its authorization type', () => {
    const { put, get, remove } = setup();
    expect(put('aws_iam')).toMatchObject({ httpMethod: 'GET', authorizationType: 'AWS_IAM', apiKeyRequired: false });
    expect(refusal(() => put())).toEqual({
      code: 'ConflictException',
      status: 409,
      message: 'Method already exists for this resource',
    });
    remove();
    expect(refusal(() => put('CUSTOM')).message).toMatch(/^Invalid authorizer ID specified/);
    expect(refusal(() => put('BASIC')).message).toBe(
      'Invalid authorization type specified. Valid options are NONE,AWS_IAM,CUSTOM,COGNITO_USER_POOLS',
    );
    expect(refusal(get).message).toBe('Invalid Method identifier specified');
  });

  it('names what idpool does not emulate', () => {
    const { key, apigateway } = setup();
    const refused = refusal(() =>
      operation(putMethod, apigateway)({ ...key, authorizationType: 'NONE', apiKeyRequired: true }, callContext()),
    );
    expect(refused).toMatchObject({ code: 'UnsupportedFeature', message: expect.stringContaining('apiKeyRequired') });
  });
});

describe('UpdateMethod', () => {
  it('applies the patch operations in order, all or nothing', () => {
    const { key, put, get, update } = setup();
    put();
    const rename = { op: 'replace' as const, path: '/operationName', value: 'getRoot' };
    const missing = { op: 'replace' as const, path: '/requestParameters/method.request.header.x', value: 'true' };
    expect(refusal(() => update({ ...key, patchOperations: [rename, missing] }, callContext()))).toEqual({
      code: 'NotFoundException',
      status: 404,
      message: 'Invalid parameter name specified',
    });
    expect(get().operationName).toBeUndefined();
    update({ ...key, patchOperations: [rename] }, callContext());
    expect(get().operationName).toBe('getRoot');
  });
});

describe('Method responses and integration responses', () => {
  it('are kept in the method, refused where AWS refuses them', () => {
    const { key, put, get, putMethodResponse, putIntegration, putIntegrationResponse, deleteIntegrationResponse } =
      setup();
    put();
    putMethodResponse({ ...key, statusCode: '200', responseParameters: { [cors]: false } }, callContext());
    expect(refusal(() => putMethodResponse({ ...key, statusCode: '200' }, callContext())).code).toBe(
      'ConflictException',
    );
    const withoutIntegration = { ...key, statusCode: '200', responseParameters: { [cors]: "'*'" } };
    expect(refusal(() => putIntegrationResponse(withoutIntegration, callContext())).message).toBe(
      'Invalid Integration identifier specified',
    );
    const requestTemplates = { 'application/json': '{"statusCode": 200}' };
    putIntegration({ ...key, type: 'MOCK', requestTemplates }, callContext());
    putIntegrationResponse(withoutIntegration, callContext());
    expect(get().methodIntegration?.integrationResponses).toEqual({
      '200': { statusCode: '200', responseParameters: { [cors]: "'*'" } },
    });
    deleteIntegrationResponse({ ...key, statusCode: '200' }, callContext());
    expect(get().methodIntegration?.integrationResponses).toBeUndefined();
    expect(refusal(() => deleteIntegrationResponse({ ...key, statusCode: '200' }, callContext())).message).toBe(
      'Invalid Response status code specified',
    );
    expect(get().methodResponses).toEqual({ '200': { statusCode: '200', responseParameters: { [cors]: false } } });
  });
});
