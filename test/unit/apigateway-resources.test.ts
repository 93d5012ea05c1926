import { describe, expect, it } from 'vitest';
import { createResource } from '../../emulator/services/apigateway/create-resource.js';
import { deleteResource } from '../../emulator/services/apigateway/delete-resource.js';
import { getResources } from '../../emulator/services/apigateway/get-resources.js';
import { putMethod } from '../../emulator/services/apigateway/put-method.js';
import { updateResource } from '../../emulator/services/apigateway/update-resource.js';
import { apiGatewayStore, operation, refusal, restApi } from '../support/apigateway-apis.js';
import { callContext } from '../support/call-context.js';

function setup() {
  const apigateway = apiGatewayStore();
  const { apiId, rootId } = restApi(apigateway);
  const create = (parentId: string, pathPart: string) =>
    operation(createResource, apigateway)({ restApiId: apiId, parentId, pathPart }, callContext()).id as string;
  const move = (resourceId: string, path: '/parentId' | '/pathPart', value: string) =>
    operation(updateResource, apigateway)(
      { restApiId: apiId, resourceId, patchOperations: [{ op: 'replace', path, value }] },
      callContext(),
    );
  const paths = () =>
    operation(getResources, apigateway)({ restApiId: apiId }, callContext()).items?.map((resource) => resource.path);
  return { apigateway, apiId, rootId, create, move, paths };
}

describe('CreateResource', () => {
  it("refuses siblings as AWS does: a taken name (409), a second variable part, a greedy resource's child", () => {
    const { rootId, create } = setup();
    create(rootId, 'pets');
    expect(refusal(() => create(rootId, 'pets'))).toEqual({
      code: 'ConflictException',
      status: 409,
      message: 'Another resource with the same parent already has this name: pets',
    });
    create(rootId, '{id}');
    expect(refusal(() => create(rootId, '{name}')).message).toBe(
      'A sibling ({id}) of this resource already has a variable path part -- only one is allowed',
    );
    const proxy = create(rootId, 'x');
    const greedy = create(proxy, '{proxy+}');
    expect(refusal(() => create(greedy, 'child')).message).toBe(
      'Cannot create a child of a resource with a greedy path variable: {proxy+}',
    );
  });

  it('answers an unknown API as NotFoundException naming it, an unknown parent as an unknown resource', () => {
    const { apiId, apigateway } = setup();
    const create = operation(createResource, apigateway);
    expect(refusal(() => create({ restApiId: 'other', parentId: 'x', pathPart: 'a' }, callContext())).message).toBe(
      'Invalid API identifier specified 000000000000:other',
    );
    expect(refusal(() => create({ restApiId: apiId, parentId: 'x', pathPart: 'a' }, callContext())).message).toBe(
      'Invalid Resource identifier specified',
    );
  });
});

describe('UpdateResource', () => {
  it('moves a resource with its descendants and their methods', () => {
    const { apigateway, apiId, rootId, create, move, paths } = setup();
    const a = create(rootId, 'a');
    const b = create(a, 'b');
    const c = create(b, 'c');
    operation(putMethod, apigateway)(
      { restApiId: apiId, resourceId: c, httpMethod: 'GET', authorizationType: 'NONE' },
      callContext(),
    );
    const target = create(rootId, 'target');
    const moved = move(b, '/parentId', target);
    expect(moved.path).toBe('/target/b');
    move(b, '/pathPart', 'renamed');
    expect(paths()).toEqual(['/', '/a', '/target', '/target/renamed', '/target/renamed/c']);
    expect(apigateway.findMethod(apiId, c, 'GET')?.httpMethod).toBe('GET');
  });

  it('refuses a cycle, a taken name and changes to the root, changing nothing', () => {
    const { rootId, create, move, paths } = setup();
    const a = create(rootId, 'a');
    const b = create(a, 'b');
    create(rootId, 'taken');
    expect(refusal(() => move(a, '/parentId', b)).message).toBe('Resources cannot be cyclical.');
    expect(refusal(() => move(a, '/pathPart', 'taken')).code).toBe('ConflictException');
    expect(refusal(() => move(rootId, '/pathPart', 'x')).message).toBe('Root resource cannot update its pathPart.');
    expect(paths()).toEqual(['/', '/a', '/a/b', '/taken']);
  });
});

describe('DeleteResource', () => {
  it('deletes the resource with its descendants and their methods; the root stays', () => {
    const { apigateway, apiId, rootId, create, paths } = setup();
    const a = create(rootId, 'a');
    const b = create(a, 'b');
    create(rootId, 'ab');
    operation(putMethod, apigateway)(
      { restApiId: apiId, resourceId: b, httpMethod: 'GET', authorizationType: 'NONE' },
      callContext(),
    );
    const remove = operation(deleteResource, apigateway);
    remove({ restApiId: apiId, resourceId: a }, callContext());
    expect(paths()).toEqual(['/', '/ab']);
    expect(apigateway.findMethod(apiId, b, 'GET')).toBeUndefined();
    expect(refusal(() => remove({ restApiId: apiId, resourceId: rootId }, callContext())).message).toBe(
      'Cannot delete the root resource',
    );
  });
});
