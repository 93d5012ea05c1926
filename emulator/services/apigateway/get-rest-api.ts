import type { GetRestApiRequest, RestApi } from '@aws-sdk/client-api-gateway';
import type { Operation } from '../service-definition.js';
import { requireRestApi } from './lookups.js';
import { restApiView } from './views.js';

export const getRestApi: Operation<GetRestApiRequest, RestApi> = (input, context) =>
  restApiView(requireRestApi(context, input.restApiId as string));
