import type { PutRestApiRequest, RestApi } from '@aws-sdk/client-api-gateway';
import { defineOperation } from '../service-definition.js';
import { requireRestApi } from './lookups.js';
import { parseDefinition } from './openapi-definition.js';
import { planImport } from './openapi-import.js';
import { restApiView } from './views.js';

/** The import's own parameters, without the members the query string also carries. */
export function importParameters(parameters: Record<string, string> | undefined): Record<string, string> {
  const { mode: _mode, failonwarnings: _failOnWarnings, ...rest } = parameters ?? {};
  return rest;
}

/**
 * Replaces (`mode=overwrite`, the default) or extends (`mode=merge`) an API from an OpenAPI 3 or Swagger 2 definition
 * in JSON or YAML: what Terraform's `aws_api_gateway_rest_api` with a `body` sends. The body is read before the API is
 * looked up, as AWS does (recorded: `test_import_api_bad_file`). The answer has `tags` and the import's `warnings`,
 * as recorded in `test_put_rest_api_mode_binary_media_types` and `test_import_rest_api_with_base_path_oas30`.
 */
export const putRestApi = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: PutRestApiRequest, context): RestApi => {
      const document = parseDefinition(input.body);
      const current = requireRestApi(apigateway, context, input.restApiId as string);
      const { api, changes, warnings } = planImport(
        apigateway,
        current,
        apigateway.listResources(current.apiId),
        document,
        {
          mode: input.mode === 'merge' ? 'merge' : 'overwrite',
          failOnWarnings: input.failOnWarnings === true,
          parameters: importParameters(input.parameters),
        },
      );
      apigateway.reimportRestApi(api, changes);
      return { ...restApiView(api), tags: { ...api.tags }, warnings: warnings.length > 0 ? warnings : undefined };
    },
);
