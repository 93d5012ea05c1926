import type { AddPermissionRequest } from '@aws-sdk/client-lambda';
import { evaluate, type PolicyDocument, type PolicyStatement, type RequestPrincipal } from '../../auth/policy/index.js';
import { LruCache } from '../../auth/policy/lru-cache.js';
import type { FunctionVersionRecord, PolicyStatementRecord } from '../../store/lambda-store.js';
import { lambdaErrors } from './errors.js';
import { functionArn } from './function-names.js';

/** How Lambda writes AddPermission's Principal: a service, an account (as its root), an ARN, or everyone. */
function principalOf(principal: string, partition: string): PolicyStatementRecord['Principal'] {
  if (principal === '*') return '*';
  if (/^\d{12}$/.test(principal)) return { AWS: `arn:${partition}:iam::${principal}:root` };
  if (principal.startsWith('arn:')) return { AWS: principal };
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com(\.cn)?$/.test(principal)) return { Service: principal };
  throw lambdaErrors.invalidPrincipal();
}

/**
 * The statement Lambda adds to a function's policy for AddPermission, members in Lambda's order:
 * `{"Sid","Effect":"Allow","Principal","Action","Resource","Condition"}` with conditions
 * StringEquals (AWS:SourceAccount, aws:PrincipalOrgID, lambda:EventSourceToken, lambda:FunctionUrlAuthType),
 * ArnLike (AWS:SourceArn) and Bool (lambda:InvokedViaFunctionUrl).
 */
export function permissionStatement(input: AddPermissionRequest, resourceArn: string): PolicyStatementRecord {
  const stringEquals: Record<string, string> = {};
  if (input.SourceAccount) stringEquals['AWS:SourceAccount'] = input.SourceAccount;
  if (input.PrincipalOrgID) stringEquals['aws:PrincipalOrgID'] = input.PrincipalOrgID;
  if (input.EventSourceToken) stringEquals['lambda:EventSourceToken'] = input.EventSourceToken;
  if (input.FunctionUrlAuthType) stringEquals['lambda:FunctionUrlAuthType'] = input.FunctionUrlAuthType;
  const condition: Record<string, Record<string, string>> = {};
  if (Object.keys(stringEquals).length > 0) condition.StringEquals = stringEquals;
  if (input.SourceArn) condition.ArnLike = { 'AWS:SourceArn': input.SourceArn };
  if (input.InvokedViaFunctionUrl !== undefined)
    condition.Bool = { 'lambda:InvokedViaFunctionUrl': String(input.InvokedViaFunctionUrl) };
  const statement: PolicyStatementRecord = {
    Sid: input.StatementId as string,
    Effect: 'Allow',
    Principal: principalOf(input.Principal as string, resourceArn.split(':')[1] as string),
    Action: input.Action as string,
    Resource: resourceArn,
  };
  if (Object.keys(condition).length > 0) statement.Condition = condition;
  return statement;
}

/** GetPolicy's document: `{"Version":"2012-10-17","Id":"default","Statement":[…]}`. */
export function policyDocument(statements: PolicyStatementRecord[]): string {
  return JSON.stringify({ Version: '2012-10-17', Id: 'default', Statement: statements });
}

/** Lambda's limit on a function's resource policy. */
export const maxPolicyBytes = 20_480;

/** A version's statements as one document, the same object for the same (stored, frozen) statements: the evaluator
 * compiles a document once. */
const documents = new WeakMap<readonly PolicyStatementRecord[], PolicyDocument>();

/**
 * The decisions made with each (stored, frozen) policy, by resource and request: the same API calls the same
 * function for the same SourceArn thousands of times. A decision depends on nothing else: the conditions
 * AddPermission writes compare the request's own fields, never the time or the caller's tags.
 */
const decisions = new WeakMap<readonly PolicyStatementRecord[], LruCache<string, boolean>>();

/** Whether a function version's policy lets `principal` (a service, or an account or ARN) invoke it from `source`. */
export function policyAllowsInvoke(
  version: FunctionVersionRecord,
  qualifier: string | undefined,
  request: { principal: string; sourceArn?: string; sourceAccount?: string },
): boolean {
  if (version.policy.length === 0) return false;
  const resource = functionArn(version, qualifier === '$LATEST' ? undefined : qualifier);
  const key = `${resource}\n${request.principal}\n${request.sourceArn ?? ''}\n${request.sourceAccount ?? ''}`;
  let decided = decisions.get(version.policy);
  if (!decided) {
    decided = new LruCache(256);
    decisions.set(version.policy, decided);
  }
  const known = decided.get(key);
  if (known !== undefined) return known;
  const allowed = evaluateInvoke(version, resource, request);
  decided.set(key, allowed);
  return allowed;
}

function evaluateInvoke(
  version: FunctionVersionRecord,
  resource: string,
  request: { principal: string; sourceArn?: string; sourceAccount?: string },
): boolean {
  const context: Record<string, string> = {};
  if (request.sourceArn !== undefined) context['aws:SourceArn'] = request.sourceArn;
  if (request.sourceAccount !== undefined) context['aws:SourceAccount'] = request.sourceAccount;
  let principal: RequestPrincipal;
  const partition = resource.split(':')[1] as string;
  if (/^\d{12}$/.test(request.principal))
    principal = { kind: 'aws', arn: `arn:${partition}:iam::${request.principal}:root`, accountId: request.principal };
  else if (request.principal.startsWith('arn:'))
    principal = { kind: 'aws', arn: request.principal, accountId: request.principal.split(':')[4] ?? '' };
  else principal = { kind: 'service', service: request.principal };
  let policy = documents.get(version.policy);
  if (!policy) {
    policy = { Version: '2012-10-17', Statement: version.policy as PolicyStatement[] };
    documents.set(version.policy, policy);
  }
  return (
    evaluate({
      request: { principal, action: 'lambda:InvokeFunction', resource, context },
      identityPolicies: [],
      resourcePolicy: policy,
      resourceAccountId: version.accountId,
    }).decision === 'Allow'
  );
}
