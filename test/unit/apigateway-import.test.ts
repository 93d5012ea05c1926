import { describe, expect, it } from 'vitest';
import { getResources } from '../../emulator/services/apigateway/get-resources.js';
import { getRestApis } from '../../emulator/services/apigateway/get-rest-apis.js';
import { importRestApi } from '../../emulator/services/apigateway/import-rest-api.js';
import { putRestApi } from '../../emulator/services/apigateway/put-rest-api.js';
import { apiGatewayStore, operation, refusal, restApi } from '../support/apigateway-apis.js';
import { callContext } from '../support/call-context.js';

const mock = {
  'x-amazon-apigateway-integration': { type: 'mock', requestTemplates: { 'application/json': '{"statusCode": 200}' } },
  responses: { '200': { description: 'ok' } },
};

function definition(paths: Record<string, object>, extra: object = {}): Uint8Array {
  const document = { openapi: '3.0.1', info: { title: 'imported', version: '1' }, paths, ...extra };
  return new TextEncoder().encode(JSON.stringify(document));
}

/** A definition whose request parameter is not a string: AWS's warning (recorded), a refusal with failonwarnings. */
const warned = {
  get: {
    ...mock,
    'x-amazon-apigateway-integration': {
      ...mock['x-amazon-apigateway-integration'],
      requestParameters: { 'integration.request.header.x': true },
    },
  },
};

function setup() {
  const apigateway = apiGatewayStore();
  const paths = (restApiId: string) =>
    operation(getResources, apigateway)({ restApiId }, callContext()).items?.map((resource): [string, string] => [
      resource.path as string,
      resource.id as string,
    ]);
  return {
    apigateway,
    paths,
    apis: () => operation(getRestApis, apigateway)({}, callContext()).items ?? [],
    importApi: operation(importRestApi, apigateway),
    putApi: operation(putRestApi, apigateway),
  };
}

describe('ImportRestApi', () => {
  it('creates the API with the resources and methods of its definition, parents before children', () => {
    const { importApi, paths } = setup();
    const api = importApi({ body: definition({ '/a/{id}/b': { get: mock } }) }, callContext());
    expect(api.name).toBe('imported');
    expect(paths(api.id as string)?.map(([path]) => path)).toEqual(['/', '/a', '/a/{id}', '/a/{id}/b']);
  });

  it('stores nothing when the definition is refused, however far the import got', () => {
    const { importApi, apis } = setup();
    // The second variable sibling is found after /a/{id} was planned.
    const body = definition({ '/a/{id}': { get: mock }, '/a/{name}': { get: mock } });
    expect(refusal(() => importApi({ body }, callContext())).message).toMatch(/only one is allowed/);
    expect(
      refusal(() => importApi({ body: definition({ '/w': warned }), failOnWarnings: true }, callContext())),
    ).toMatchObject({ code: 'BadRequestException', message: expect.stringMatching(/^Warnings found during import/) });
    expect(apis()).toEqual([]);
  });

  it('answers the warnings without failonwarnings, and imports', () => {
    const { importApi, apis } = setup();
    const api = importApi({ body: definition({ '/w': warned }) }, callContext());
    expect(api.warnings).toHaveLength(1);
    expect(apis().map((item) => item.id)).toEqual([api.id]);
  });
});

describe('PutRestApi', () => {
  it('overwrite keeps the ids of the resources still defined and drops the others with their methods', () => {
    const { apigateway, putApi, paths } = setup();
    const { apiId, rootId } = restApi(apigateway);
    putApi(
      {
        restApiId: apiId,
        body: definition({ '/keep': { get: mock }, '/keep/child': { get: mock }, '/drop': { get: mock } }),
      },
      callContext(),
    );
    const before = new Map(paths(apiId));
    putApi({ restApiId: apiId, body: definition({ '/keep': { post: mock } }) }, callContext());
    const after = new Map(paths(apiId));
    expect([...after.keys()]).toEqual(['/', '/keep']);
    expect(after.get('/')).toBe(rootId);
    expect(after.get('/keep')).toBe(before.get('/keep'));
    const keep = apigateway.findMethod(apiId, after.get('/keep') as string, 'POST');
    expect(keep?.integration?.type).toBe('MOCK');
    expect(apigateway.findMethod(apiId, after.get('/keep') as string, 'GET')).toBeUndefined();
  });

  it('merge adds to what the API has', () => {
    const { apigateway, putApi, paths } = setup();
    const { apiId } = restApi(apigateway);
    putApi({ restApiId: apiId, body: definition({ '/one': { get: mock } }) }, callContext());
    putApi({ restApiId: apiId, mode: 'merge', body: definition({ '/two': { get: mock } }) }, callContext());
    expect(paths(apiId)?.map(([path]) => path)).toEqual(['/', '/one', '/two']);
  });

  it('leaves the API as it was when refused, its tree and its settings', () => {
    const { apigateway, putApi, paths } = setup();
    const { apiId } = restApi(apigateway);
    putApi({ restApiId: apiId, body: definition({ '/one': { get: mock } }) }, callContext());
    const tree = paths(apiId);
    const settings = apigateway.findRestApi(apiId);
    const refused = refusal(() =>
      putApi(
        {
          restApiId: apiId,
          body: definition({ '/two': warned }, { info: { title: 'renamed', version: '2' } }),
          failOnWarnings: true,
        },
        callContext(),
      ),
    );
    expect(refused.code).toBe('BadRequestException');
    expect(paths(apiId)).toEqual(tree);
    expect(apigateway.findRestApi(apiId)).toEqual(settings);
  });

  it('looks the API up after reading the body, as AWS does', () => {
    const { putApi } = setup();
    const unknown = { restApiId: 'nosuchapi1' };
    expect(refusal(() => putApi({ ...unknown, body: new TextEncoder().encode('{') }, callContext())).message).toBe(
      'Invalid OpenAPI input.',
    );
    expect(refusal(() => putApi({ ...unknown, body: definition({}) }, callContext())).code).toBe('NotFoundException');
  });
});
