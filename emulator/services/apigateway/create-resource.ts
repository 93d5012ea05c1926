import type { CreateResourceRequest, Resource } from '@aws-sdk/client-api-gateway';
import type { ResourceRecord } from '../../store/apigateway-store.js';
import { defineOperation } from '../service-definition.js';
import { apiGatewayErrors, notFound } from './errors.js';
import { uniqueId } from './ids.js';
import { requireRestApi } from './lookups.js';
import { checkPathPart, childPath, isGreedyPart, isVariablePart } from './path-parts.js';
import { resourceView } from './views.js';

/**
 * Adds a child resource. Refused as AWS refuses them: a child of a greedy `{proxy+}` resource, a second variable
 * part among siblings (`{id}` next to `{name}` or `{proxy+}`), and a sibling of the same name (409).
 */
export const createResource = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: CreateResourceRequest, context): Resource => {
      const apiId = input.restApiId as string;
      const pathPart = input.pathPart as string;
      requireRestApi(apigateway, context, apiId);
      const parent = apigateway.findResource(apiId, input.parentId as string);
      if (!parent) throw notFound.resource();
      checkPathPart(pathPart);
      if (isGreedyPart(parent.pathPart)) {
        throw apiGatewayErrors.greedyParent(parent.pathPart);
      }
      const siblings = apigateway.childrenOf(apiId, parent.resourceId);
      if (siblings.some((sibling) => sibling.pathPart === pathPart)) {
        throw apiGatewayErrors.siblingNameTaken(pathPart);
      }
      const variableSibling = siblings.find((sibling) => isVariablePart(sibling.pathPart));
      if (isVariablePart(pathPart) && variableSibling) {
        throw apiGatewayErrors.secondVariableSibling(variableSibling.pathPart);
      }
      const resource: ResourceRecord = {
        resourceId: uniqueId(6, (id) => apigateway.findResource(apiId, id) !== undefined),
        parentId: parent.resourceId,
        pathPart,
        path: childPath(parent.path, pathPart),
      };
      apigateway.insertResource(apiId, resource);
      return resourceView(resource, undefined, false);
    },
);
