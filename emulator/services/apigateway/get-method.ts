import type { GetMethodRequest, Method } from '@aws-sdk/client-api-gateway';
import type { Operation } from '../service-definition.js';
import { requireMethod } from './lookups.js';
import { methodView } from './views.js';

/** The method with its method responses and its integration (with integration responses). */
export const getMethod: Operation<GetMethodRequest, Method> = (input, context) =>
  methodView(requireMethod(context, input.restApiId as string, input.resourceId as string, input.httpMethod as string));
