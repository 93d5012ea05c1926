import type { GetRestApisRequest, RestApis } from '@aws-sdk/client-api-gateway';
import { defineOperation } from '../service-definition.js';
import { paginate } from './pagination.js';
import { restApiView } from './views.js';

/** The caller's APIs in the request's region, oldest first, 25 a page unless `limit` says otherwise. */
export const getRestApis = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: GetRestApisRequest, context): RestApis => {
      const apis = apigateway.listRestApis(context.accountId, context.region);
      const page = paginate(apis, (api) => api.apiId, input.position, input.limit);
      return { items: page.items.map(restApiView), position: page.position };
    },
);
