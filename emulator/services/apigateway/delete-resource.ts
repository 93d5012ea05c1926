import type { DeleteResourceRequest } from '@aws-sdk/client-api-gateway';
import type { Operation } from '../service-definition.js';
import { BadRequestException } from './errors.js';
import { requireResource } from './lookups.js';

/** Deletes a resource with all its descendants and their methods. The root resource stays [unverified wording]. */
export const deleteResource: Operation<DeleteResourceRequest, void> = (input, context) => {
  const store = context.runtime.apigateway;
  store.db.transaction(() => {
    const resource = requireResource(context, input.restApiId as string, input.resourceId as string);
    if (resource.parentId === undefined) throw new BadRequestException('Cannot delete the root resource');
    store.deleteResourceTree(input.restApiId as string, resource.path);
  });
};
