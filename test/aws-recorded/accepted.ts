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
      "Python-only: the recorded handler's print() writes the bare line; " +
      "its Node.js translation's console.log writes " +
      'the timestamp, request id and level before it, as Node.js functions do on Lambda (the nodejs16.x case matches)',
  },
  {
    case: 'apigateway/test_apigateway_api::TestApiGatewayApiRestApi::test_get_api_case_insensitive::create-rest-api',
    path: 'endpointConfiguration.ipAddressType',
    kind: 'extra-field',
    reason:
      'recorded before AWS added endpointConfiguration.ipAddressType; ' +
      'the later recording of test_create_rest_api_verify_defaults ' +
      'has it (ipv4 for EDGE), as idpool answers',
  },
  // API Gateway control plane, the detail of messages and one value the shared model validator does not match yet;
  // outcome, status and error code match AWS.
  ...apiGateway([
    [
      'TestApiGatewayApiRestApi::test_create_rest_api_*::create-with-*',
      'Error.Message',
      'enum order in the validation message: AWS lists EndpointType as [PRIVATE, EDGE, REGIONAL], ' +
        "the model's order is [REGIONAL, EDGE, PRIVATE]",
    ],
    [
      'TestApigatewayIntegration::test_put_integration_wrong_type::*',
      'Error.Message',
      'enum order in the validation message: AWS lists IntegrationType as [HTTP, MOCK, AWS_PROXY, HTTP_PROXY, AWS]',
    ],
    [
      'TestApigatewayIntegration::test_put_integration_response_templates::put-integration-response-template-empty',
      'responseTemplates.application/json',
      'an empty response template is kept as "" (AWS: null)',
    ],
    [
      'TestApigatewayIntegrationResponse::test_integration_response_invalid_statuscode::*',
      'Error.Message',
      "the member path: AWS says `at 'statusCode'`, idpool `at 'putIntegrationResponseInput.statusCode'`",
    ],
  ]),
];

/** Accepted API Gateway differences of tests/aws/services/apigateway/test_apigateway_api.py. */
function apiGateway(entries: [test: string, path: string, reason: string][]): AcceptedDifference[] {
  return entries.map(([test, path, reason]) => ({ case: `apigateway/test_apigateway_api::${test}`, path, reason }));
}
