import { describe, expect, it } from 'vitest';
import { createDeployment } from '../../emulator/services/apigateway/create-deployment.js';
import { deleteRestApi } from '../../emulator/services/apigateway/delete-rest-api.js';
import { getRestApi } from '../../emulator/services/apigateway/get-rest-api.js';
import { getRestApis } from '../../emulator/services/apigateway/get-rest-apis.js';
import { getTags } from '../../emulator/services/apigateway/get-tags.js';
import { putIntegration } from '../../emulator/services/apigateway/put-integration.js';
import { putMethod } from '../../emulator/services/apigateway/put-method.js';
import { tagResource } from '../../emulator/services/apigateway/tag-resource.js';
import { untagResource } from '../../emulator/services/apigateway/untag-resource.js';
import { updateRestApi } from '../../emulator/services/apigateway/update-rest-api.js';
import { apiGatewayStore, operation, refusal, restApi } from '../support/apigateway-apis.js';
import { callContext } from '../support/call-context.js';

const otherAccount = callContext({ accountId: '111111111111' });
const otherRegion = callContext({ region: 'eu-west-1' });

describe('UpdateRestApi', () => {
  it('changes an API the store has handed out before (its records are shared), all or nothing', () => {
    const apigateway = apiGatewayStore();
    const { apiId } = restApi(apigateway, 'before');
    const get = operation(getRestApi, apigateway);
    const update = operation(updateRestApi, apigateway);
    expect(get({ restApiId: apiId }, callContext()).name).toBe('before');
    const refused = refusal(() =>
      update(
        {
          restApiId: apiId,
          patchOperations: [
            { op: 'replace', path: '/name', value: 'after' },
            { op: 'add', path: '/binaryMediaTypes/image~1png' },
            { op: 'replace', path: '/apiKeySource', value: 'NOWHERE' },
          ],
        },
        callContext(),
      ),
    );
    expect(refused.code).toBe('BadRequestException');
    expect(get({ restApiId: apiId }, callContext())).toMatchObject({ name: 'before', binaryMediaTypes: undefined });
    const patchOperations = [
      { op: 'replace' as const, path: '/name', value: 'after' },
      { op: 'add' as const, path: '/binaryMediaTypes/image~1png' },
    ];
    expect(update({ restApiId: apiId, patchOperations }, callContext())).toMatchObject({
      name: 'after',
      binaryMediaTypes: ['image/png'],
      tags: {},
    });
    expect(get({ restApiId: apiId }, callContext())).toMatchObject({ name: 'after', binaryMediaTypes: ['image/png'] });
  });
});

describe('REST APIs of other accounts and regions', () => {
  it('are not found, named by the caller account', () => {
    const apigateway = apiGatewayStore();
    const { apiId } = restApi(apigateway);
    const get = operation(getRestApi, apigateway);
    expect(refusal(() => get({ restApiId: apiId }, otherAccount)).message).toBe(
      `Invalid API identifier specified 111111111111:${apiId}`,
    );
    expect(refusal(() => get({ restApiId: apiId }, otherRegion)).code).toBe('NotFoundException');
    expect(operation(getRestApis, apigateway)({}, otherRegion).items).toEqual([]);
    expect(refusal(() => operation(deleteRestApi, apigateway)({ restApiId: apiId }, otherAccount)).status).toBe(404);
    expect(get({ restApiId: apiId }, callContext()).id).toBe(apiId);
  });
});

describe('TagResource, UntagResource and GetTags', () => {
  function setup() {
    const apigateway = apiGatewayStore();
    const { apiId, rootId } = restApi(apigateway);
    const method = { restApiId: apiId, resourceId: rootId, httpMethod: 'GET' };
    operation(putMethod, apigateway)({ ...method, authorizationType: 'NONE' }, callContext());
    const requestTemplates = { 'application/json': '{"statusCode": 200}' };
    operation(putIntegration, apigateway)({ ...method, type: 'MOCK', requestTemplates }, callContext());
    operation(createDeployment, apigateway)({ restApiId: apiId, stageName: 'dev' }, callContext());
    return {
      apigateway,
      apiId,
      apiArn: `arn:aws:apigateway:us-east-1::/restapis/${apiId}`,
      tag: operation(tagResource, apigateway),
      untag: operation(untagResource, apigateway),
      tags: (resourceArn: string) => operation(getTags, apigateway)({ resourceArn }, callContext()).tags,
    };
  }

  it('tag an API and its stage apart; GetRestApi and the stage show them', () => {
    const { apigateway, apiId, apiArn, tag, untag, tags } = setup();
    const stageArn = `${apiArn}/stages/dev`;
    tag({ resourceArn: apiArn, tags: { team: 'a', keep: 'yes' } }, callContext());
    tag({ resourceArn: stageArn, tags: { stage: 'dev' } }, callContext());
    tag({ resourceArn: apiArn, tags: { team: 'b' } }, callContext());
    untag({ resourceArn: apiArn, tagKeys: ['keep', 'absent'] }, callContext());
    expect(tags(apiArn)).toEqual({ team: 'b' });
    expect(tags(stageArn)).toEqual({ stage: 'dev' });
    expect(operation(getRestApi, apigateway)({ restApiId: apiId }, callContext()).tags).toEqual({ team: 'b' });
    expect(apigateway.findStage(apiId, 'dev')?.tags).toEqual({ stage: 'dev' });
  });

  it('refuse a malformed ARN, an unknown stage, another region, and more than 50 tags (keeping the old)', () => {
    const { apiArn, tag, tags } = setup();
    expect(refusal(() => tags('arn:aws:s3:::bucket')).message).toBe(
      'Invalid ARN specified in the request: arn:aws:s3:::bucket',
    );
    expect(refusal(() => tags(`${apiArn}/stages/nosuch`)).code).toBe('NotFoundException');
    expect(refusal(() => tags(apiArn.replace('us-east-1', 'eu-west-1'))).code).toBe('NotFoundException');
    tag({ resourceArn: apiArn, tags: { first: '1' } }, callContext());
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, index) => [`key${index}`, 'v']));
    expect(refusal(() => tag({ resourceArn: apiArn, tags: many }, callContext())).code).toBe('BadRequestException');
    expect(tags(apiArn)).toEqual({ first: '1' });
  });
});
