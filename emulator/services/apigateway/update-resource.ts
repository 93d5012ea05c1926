import type { PatchOperation, Resource, UpdateResourceRequest } from '@aws-sdk/client-api-gateway';
import type { ApiGatewayStore, ResourceRecord } from '../../store/apigateway-store.js';
import { defineOperation } from '../service-definition.js';
import { apiGatewayErrors, notFound } from './errors.js';
import { requireResource } from './lookups.js';
import { patchValue } from './patch-operations.js';
import { checkPathPart, childPath, isGreedyPart, isVariablePart } from './path-parts.js';
import { resourceView } from './views.js';

const resourcePaths = ['/parentId', '/pathPart'];

/** Where the resource goes: a parent and a path part, checked as CreateResource checks a new child. */
function checkPlacement(
  store: Pick<ApiGatewayStore, 'findResource' | 'childrenOf'>,
  apiId: string,
  resource: ResourceRecord,
  parentId: string,
  pathPart: string,
): string {
  const parent = store.findResource(apiId, parentId);
  if (!parent) throw notFound.resource();
  if (parent.path === resource.path || parent.path.startsWith(`${resource.path}/`))
    throw apiGatewayErrors.cyclicalResource();
  checkPathPart(pathPart);
  if (isGreedyPart(parent.pathPart)) throw apiGatewayErrors.greedyParent(parent.pathPart);
  const siblings = store
    .childrenOf(apiId, parent.resourceId)
    .filter((sibling) => sibling.resourceId !== resource.resourceId);
  if (siblings.some((sibling) => sibling.pathPart === pathPart)) {
    throw apiGatewayErrors.siblingNameTaken(pathPart);
  }
  const variableSibling = siblings.find((sibling) => isVariablePart(sibling.pathPart));
  if (isVariablePart(pathPart) && variableSibling) {
    throw apiGatewayErrors.secondVariableSibling(variableSibling.pathPart);
  }
  return childPath(parent.path, pathPart);
}

function checkOperation(resource: ResourceRecord, operation: PatchOperation): void {
  if (!resourcePaths.includes(operation.path ?? '')) throw apiGatewayErrors.invalidPatchPath(operation, resourcePaths);
  if (operation.op !== 'replace') throw apiGatewayErrors.unsupportedPatchOperation(operation);
  if (resource.parentId === undefined) {
    throw apiGatewayErrors.rootResourceFixed(operation.path === '/pathPart' ? 'pathPart' : 'parentId');
  }
}

/**
 * Renames a resource (`replace /pathPart`) or moves it under another parent (`replace /parentId`), its descendants
 * and methods with it, refused as AWS refuses it (recorded by LocalStack: `test_update_resource_behaviour`,
 * `test_update_resource_on_root`). Deployed stages keep the old tree until the next deployment.
 */
export const updateResource = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: UpdateResourceRequest, context): Resource => {
      const apiId = input.restApiId as string;
      const resource = requireResource(apigateway, context, apiId, input.resourceId as string);
      let parentId = resource.parentId as string;
      let pathPart = resource.pathPart as string;
      for (const operation of input.patchOperations ?? []) {
        checkOperation(resource, operation);
        if (operation.path === '/pathPart') pathPart = patchValue(operation);
        else parentId = patchValue(operation);
      }
      if (parentId !== resource.parentId || pathPart !== resource.pathPart) {
        const path = checkPlacement(apigateway, apiId, resource, parentId, pathPart);
        apigateway.moveResource(apiId, resource, parentId, pathPart, path);
      }
      const moved = apigateway.findResource(apiId, resource.resourceId) as ResourceRecord;
      return resourceView(moved, apigateway.methodsByResource(apiId).get(moved.resourceId), false);
    },
);
