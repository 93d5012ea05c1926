import { readServiceModel, type ServiceModel } from '../../protocols/service-model.js';

/**
 * Lambda's model with the constraints AWS's servers apply today where they differ from botocore 1.43.11's, as their
 * validation messages state them in recordings of real AWS (test/fixtures/aws-recorded/lambda/, from
 * tests/aws/services/lambda_/test_lambda_api.snapshot.json: test_function_name_and_qualifier_validation,
 * test_tag_exceptions, test_create_lambda_exceptions):
 * - function names and taggable ARNs accept the European Sovereign Cloud's `eusc-` regions (and layer ARNs);
 * - Runtime is no enum to the protocol layer: Lambda answers an unknown runtime itself, with
 *   InvalidParameterValueException (function-settings.ts, checkRuntime).
 */
const serverPatterns: Record<string, string> = {
  FunctionName:
    '(arn:(aws[a-zA-Z-]*)?:lambda:)?((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:)?(\\d{12}:)?' +
    '(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?',
  NamespacedFunctionName:
    '(arn:(aws[a-zA-Z-]*)?:lambda:)?((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:)?(\\d{12}:)?' +
    '(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST(\\.PUBLISHED)?|[a-zA-Z0-9-_]+))?',
  TaggableResource:
    'arn:(aws[a-zA-Z-]*):lambda:(eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:\\d{12}:' +
    '(function:[a-zA-Z0-9-_]+(:(\\$LATEST|[a-zA-Z0-9-_]+))?|layer:([a-zA-Z0-9-_]+)' +
    '|code-signing-config:csc-[a-z0-9]{17}' +
    '|event-source-mapping:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}' +
    '|capacity-provider:[a-zA-Z0-9-_]+)',
};

let patched: ServiceModel | undefined;

/** The patched model, read once per process (routing and the service's definition share it). */
export function lambdaModel(): ServiceModel {
  patched ??= patchedLambdaModel();
  return patched;
}

function patchedLambdaModel(): ServiceModel {
  const model = readServiceModel('lambda');
  for (const [name, pattern] of Object.entries(serverPatterns)) {
    const shape = model.shapes[name] as { pattern?: string } | undefined;
    if (!shape?.pattern) throw new Error(`the Lambda model has no pattern on ${name}`);
    shape.pattern = pattern;
  }
  delete (model.shapes.Runtime as { enum?: string[] }).enum;
  return model;
}
