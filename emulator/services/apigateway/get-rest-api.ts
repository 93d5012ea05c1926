import type { GetRestApiRequest, RestApi } from '@aws-sdk/client-api-gateway';
import { defineOperation } from '../service-definition.js';
import { requireRestApi } from './lookups.js';
import { restApiView } from './views.js';

/** AWS answers `tags: {}` for an API without tags here (recorded: `test_put_rest_api_mode_binary_media_types`). */
export const getRestApi = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: GetRestApiRequest, context): RestApi => {
      const api = requireRestApi(apigateway, context, input.restApiId as string);
      return { ...restApiView(api), tags: { ...api.tags } };
    },
);
