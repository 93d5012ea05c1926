import type { GetRestApiRequest, RestApi } from '@aws-sdk/client-api-gateway';
import type { Operation } from '../service-definition.js';
import { requireRestApi } from './lookups.js';
import { restApiView } from './views.js';

/** AWS answers `tags: {}` for an API without tags here (recorded: `test_put_rest_api_mode_binary_media_types`). */
export const getRestApi: Operation<GetRestApiRequest, RestApi> = (input, context) => {
  const api = requireRestApi(context, input.restApiId as string);
  return { ...restApiView(api), tags: { ...api.tags } };
};
