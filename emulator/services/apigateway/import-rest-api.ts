import type { ImportRestApiRequest, RestApi } from '@aws-sdk/client-api-gateway';
import { defineOperation } from '../service-definition.js';
import { newRestApi } from './create-rest-api.js';
import { apiGatewayErrors } from './errors.js';
import { isObject, parseDefinition } from './openapi-definition.js';
import { planImport } from './openapi-import.js';
import { importParameters } from './put-rest-api.js';
import { restApiView } from './views.js';

const endpointTypes = ['REGIONAL', 'EDGE', 'PRIVATE'];

/**
 * Creates an API from an OpenAPI 3 or Swagger 2 definition, named by its `info.title`; the endpoint type from the
 * `endpointConfigurationTypes` parameter (EDGE by default). Answered with 201, as the model says.
 */
export const importRestApi = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: ImportRestApiRequest, context): RestApi => {
      const document = parseDefinition(input.body);
      const info = isObject(document.info) ? document.info : {};
      // [unverified] AWS's answer to a definition without a title.
      if (typeof info.title !== 'string' || info.title === '') throw apiGatewayErrors.invalidOpenApi();
      const parameters = importParameters(input.parameters);
      const type = parameters.endpointConfigurationTypes;
      if (type !== undefined && !endpointTypes.includes(type)) {
        // The wording of UpdateRestApi's refusal (recorded); ImportRestApi's is [unverified].
        throw apiGatewayErrors.invalidEndpointType(endpointTypes);
      }
      const created = newRestApi(
        apigateway,
        { name: info.title as string, endpointConfiguration: type ? { types: [type as 'EDGE'] } : undefined },
        context,
      );
      const root = { resourceId: created.rootResourceId, path: '/' };
      const { api, changes, warnings } = planImport(apigateway, created, [root], document, {
        mode: 'overwrite',
        failOnWarnings: input.failOnWarnings === true,
        parameters,
      });
      apigateway.importRestApi(api, changes);
      return { ...restApiView(api), warnings: warnings.length > 0 ? warnings : undefined };
    },
);
