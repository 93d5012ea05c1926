import { MalformedPolicyDocumentError, parsePolicyDocument } from '../../auth/policy/index.js';
import { apiGatewayErrors } from './errors.js';

export interface PolicyOwner {
  apiId: string;
  accountId: string;
  region: string;
}

function expandResources(value: unknown, owner: PolicyOwner): unknown {
  const expand = (resource: unknown) =>
    typeof resource === 'string' && resource.startsWith('execute-api:/')
      ? `arn:aws:execute-api:${owner.region}:${owner.accountId}:${owner.apiId}${resource.slice('execute-api:'.length)}`
      : resource;
  return Array.isArray(value) ? value.map(expand) : expand(value);
}

/**
 * Checks an API's resource policy as IAM parses resource policies (Principal and Resource required) and returns
 * the text to keep, with the shorthand `execute-api:/<stage>/<METHOD>/<path>` written out as the API's full ARN,
 * as API Gateway stores it.
 */
export function validatedResourcePolicy(policy: string, owner: PolicyOwner): string {
  try {
    parsePolicyDocument(policy, 'resource');
  } catch (error) {
    if (error instanceof MalformedPolicyDocumentError) {
      throw apiGatewayErrors.invalidPolicy(error.message);
    }
    throw error;
  }
  const document = JSON.parse(policy) as { Statement: Record<string, unknown> | Record<string, unknown>[] };
  const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  for (const statement of statements) {
    for (const key of ['Resource', 'NotResource'])
      if (statement[key] !== undefined) statement[key] = expandResources(statement[key], owner);
  }
  return JSON.stringify(document);
}
