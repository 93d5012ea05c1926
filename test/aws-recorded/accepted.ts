import type { DifferenceKind } from './compare.js';
import type { Json } from './wire-shape.js';

/**
 * Every difference between idpool and a recorded AWS answer that the replay accepts, with its reason: the one
 * place to read what idpool knowingly does differently from the recordings. `case` and `path` are patterns (`*`
 * matches anything) over case ids (`<file>::<test>::<answer>`) and paths in the answer (`Configuration.Runtime`).
 * An entry with `pending` is a difference another branch fixes: the lead deletes it after merging that branch,
 * and the replay reports it as stale once nothing matches it.
 */
export interface AcceptedDifference {
  case: string;
  path: string;
  kind?: DifferenceKind;
  reason: string;
  pending?: string;
}

/**
 * The recorded tests deploy Python handlers; the reproductions deploy the same handlers translated to Node.js
 * (idpool runs Node.js only), one Node.js runtime per Python runtime so that a runtime change stays a change. The
 * comparison reads a recorded `Runtime` through this table: the translation is part of the reproduction, not a
 * difference.
 */
export const runtimeTranslations: Record<string, string> = {
  'python3.13': 'nodejs22.x',
  'python3.12': 'nodejs22.x',
  'python3.11': 'nodejs20.x',
  'python3.10': 'nodejs20.x',
  'python3.9': 'nodejs18.x',
  'python3.8': 'nodejs18.x',
  'nodejs16.x': 'nodejs20.x',
  'nodejs14.x': 'nodejs20.x',
};

export function translateRecorded(key: string | undefined, recorded: Json): Json {
  if (key === 'Runtime' && typeof recorded === 'string') return runtimeTranslations[recorded] ?? recorded;
  return recorded;
}

export const accepted: AcceptedDifference[] = [
  {
    case: 'lambda_/test_lambda::TestLambdaFeatures::test_invocation_with_logs[python3.10]::logs',
    path: 'logs[1]',
    kind: 'value',
    reason:
      "Python-only: the recorded handler's print() writes the bare line; its Node.js translation's console.log writes " +
      'the timestamp, request id and level before it, as Node.js functions do on Lambda (the nodejs16.x case matches)',
  },
  {
    case: 'apigateway/test_apigateway_api::TestApiGatewayApiRestApi::test_get_api_case_insensitive::create-rest-api',
    path: 'endpointConfiguration.ipAddressType',
    kind: 'extra-field',
    reason:
      'recorded before AWS added endpointConfiguration.ipAddressType; the later recording of test_create_rest_api_verify_defaults ' +
      'has it (ipv4 for EDGE), as idpool answers',
  },
  // PENDING — the lead removes these once the branch named in `pending` is merged.
  {
    case: 'lambda_/test_lambda_api::TestLambdaFunction::test_*[get_function_code_signing_config]::*',
    path: '*',
    reason: 'GetFunctionCodeSigningConfig is not emulated on this branch (UnsupportedOperation)',
    pending: 'branch terraform (adds GetFunctionCodeSigningConfig)',
  },
  // API Gateway's control plane: another helper fixes these; listed so the replay runs green meanwhile.
  ...apiGatewayPending('execute-api', [
    ['TestApiGatewayApiRestApi::test_update_rest_api_*::*', 'tags', 'UpdateRestApi answers no `tags` member when the API has none (AWS: `{}`)'],
    [
      'TestApiGatewayApiRestApi::test_update_rest_api_operation_add_remove::*',
      '*',
      "`replace /binaryMediaTypes/image~1png` is refused (AWS replaces the type, which moves to the list's end)",
    ],
    [
      'TestApiGatewayApiRestApi::test_update_rest_api_compression::unsupported-operation',
      '*',
      "wording: AWS says `Invalid patch operation specified. Must be one of: [replace]` for `add /minimumCompressionSize`",
    ],
    ['TestApiGatewayApiRestApi::test_update_rest_api_behaviour::update-rest-api-*-base-path', '*', 'wording: AWS says `Invalid patch path /binaryMediaTypes`'],
    [
      'TestApiGatewayApiRestApi::test_update_rest_api_ip_address_type::*',
      '*',
      'UpdateRestApi does not patch /endpointConfiguration/types/0 nor /endpointConfiguration/ipAddressType (nor words their errors as AWS)',
    ],
    ['TestApiGatewayApiRestApi::test_create_rest_api_with_endpoint_configuration::create-with-empty-types', '', 'an empty endpoint type list is accepted (AWS: 400)'],
    ['TestApiGatewayApiRestApi::test_create_rest_api_with_endpoint_configuration::create-with-two-types', '', 'two endpoint types are accepted (AWS: 400)'],
    [
      'TestApiGatewayApiRestApi::test_create_rest_api_*::create-with-*',
      'Error.Message',
      "enum order in the validation message: AWS lists EndpointType as [PRIVATE, EDGE, REGIONAL], the model's order is [REGIONAL, EDGE, PRIVATE]",
    ],
    ['TestApiGatewayApiRestApi::test_create_rest_api_private_type::create-with-private-type-and-ipv4-ip-address-type', '', 'PRIVATE with ipv4 is accepted (AWS: 400)'],
    ['TestApiGatewayApiRestApi::test_create_rest_api_verify_defaults::create-with-private-default', 'endpointConfiguration.ipAddressType', 'a PRIVATE API defaults to ipv4 (AWS: dualstack)'],
    ['TestApiGatewayApiMethod::test_method_request_parameters::req-params-same-name', '', 'the same parameter name in querystring and header is accepted (AWS: 400)'],
    [
      'TestApiGatewayApiMethod::test_put_method_validation::*',
      '*',
      "an unknown API is `Invalid API identifier` (AWS: `Invalid Resource identifier specified`); CUSTOM without authorizer and an unknown request validator are UnsupportedFeature (AWS: BadRequestException naming the missing id); an unknown model is accepted (AWS: 400)",
    ],
    [
      'TestApigatewayIntegration::test_put_integration_wrong_type::*',
      'Error.Message',
      "enum order in the validation message: AWS lists IntegrationType as [HTTP, MOCK, AWS_PROXY, HTTP_PROXY, AWS]",
    ],
    [
      'TestApigatewayIntegration::test_put_integration_response_templates::put-integration-response-template-empty',
      'responseTemplates.application/json',
      'an empty response template is kept as "" (AWS: null)',
    ],
    [
      'TestApigatewayIntegration*::test_*::*-no-api',
      '*',
      'an unknown API is `Invalid API identifier specified <account>:<id>` (AWS: `Invalid Resource identifier specified`)',
    ],
    [
      'TestApigatewayIntegrationResponse::test_integration_response_wrong_api::*',
      '*',
      'an unknown API is `Invalid API identifier specified <account>:<id>` (AWS: `Invalid Resource identifier specified`)',
    ],
    [
      'TestApigatewayIntegrationResponse::test_integration_response_invalid_statuscode::*',
      'Error.Message',
      "the member path: AWS says `at 'statusCode'`, idpool `at 'putIntegrationResponseInput.statusCode'`",
    ],
  ]),
  ...apiGatewayPending('terraform', [
    ['TestApigatewayIntegrationResponse::test_lifecycle_integration_response::update-integration-response', '', 'UpdateIntegrationResponse is not emulated'],
    ['TestApigatewayMethodResponse::test_lifecycle_method_response::*-method-responses', '', 'UpdateMethodResponse is not emulated'],
    ['TestApigatewayMethodResponse::test_lifecycle_method_response::get-method', '*', 'follows UpdateMethodResponse, not emulated'],
  ]),
];

/** Pending API Gateway differences of tests/aws/services/apigateway/test_apigateway_api.py, fixed on `branch`. */
function apiGatewayPending(branch: string, entries: [test: string, path: string, reason: string][]): AcceptedDifference[] {
  return entries.map(([test, path, reason]) => ({
    case: `apigateway/test_apigateway_api::${test}`,
    path,
    reason,
    pending: `branch ${branch}`,
  }));
}
