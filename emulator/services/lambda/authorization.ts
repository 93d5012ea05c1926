import {
  checked,
  passRole,
  requestTags,
  resourceTags,
  type AuthorizationScope,
  type OperationAuthorization,
  type Permission,
  type ServiceAuthorization,
} from '../../auth/authorization-spec.js';
import { AccessDenied } from '../../auth/auth-errors.js';
import type { ContextValue } from '../../auth/policy/index.js';
import { storedPolicy } from '../../auth/stored-policies.js';
import { parseFunctionName } from './function-names.js';
import { policyDocument } from './resource-policy.js';

/**
 * What each Lambda operation asks of IAM: Service Authorization Reference, "Actions, resources, and condition keys
 * for AWS Lambda" (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awslambda.html). Functions
 * are `arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}` (qualified `:${Version}` when the call
 * names a version) with `aws:ResourceTag/…`; ListFunctions and GetAccountSettings have no resource type and are
 * refused "on resource: *" (captured). The function's own policy (AddPermission, GetPolicy) is its resource policy:
 * within the account it may grant what the caller's policies do not. CreateFunction and UpdateFunctionConfiguration
 * with a Role pass it to Lambda: `iam:PassRole` with `iam:PassedToService` `lambda.amazonaws.com`, refused with
 * AccessDeniedException "…is not authorized to perform: iam:PassRole on resource: arn:aws:iam::<account>:role/<name>
 * because no identity-based policy allows the iam:PassRole action" (captured CLI output).
 */
type FunctionNamed = { FunctionName?: string; Qualifier?: string };

/** The function a name points at: its ARN as the caller qualified it, its tags and its (version's) policy. */
function functionPermission(
  action: string,
  functionName: string,
  qualifier: string | undefined,
  scope: AuthorizationScope,
): Permission {
  const reference = parseFunctionName(functionName, scope, qualifier);
  const store = scope.stores.lambdaStore;
  const record = store.findFunction(reference);
  const version =
    record &&
    (reference.qualifier === undefined || reference.qualifier === '$LATEST'
      ? record
      : store.findVersion(reference, reference.qualifier));
  const permission: Permission = { action, resource: reference.requestedArn, context: resourceTags(record?.tags) };
  const document =
    version && version.policy.length > 0 ? storedPolicy(policyDocument(version.policy), 'resource') : undefined;
  if (document)
    permission.resourcePolicy = {
      document,
      kind: 'resource',
      owner: reference.requestedArn,
      accountId: reference.accountId,
    };
  return permission;
}

function onFunction<Input extends FunctionNamed>(
  action: string,
  options: {
    context?: (input: Input) => Record<string, ContextValue>;
    role?: (input: Input) => string | undefined;
  } = {},
): OperationAuthorization<Input> {
  return checked<Input>(options.role ? [action, 'iam:PassRole'] : [action], (input, scope) => {
    const permission = functionPermission(action, input.FunctionName as string, input.Qualifier, scope);
    const permissions: Permission[] = [
      { ...permission, context: { ...permission.context, ...options.context?.(input) } },
    ];
    const role = options.role?.(input);
    if (role !== undefined) permissions.push(passRole(role, 'lambda.amazonaws.com'));
    return permissions;
  });
}

/** Tagging names the function by its ARN in `Resource`. */
function onTaggedFunction<Input extends { Resource?: string }>(
  action: string,
  context: (input: Input) => Record<string, ContextValue>,
): OperationAuthorization<Input> {
  return checked<Input>([action], (input, scope) => {
    const permission = functionPermission(action, input.Resource as string, undefined, scope);
    return [{ ...permission, context: { ...permission.context, ...context(input) } }];
  });
}

function onEveryResource(action: string): OperationAuthorization {
  return checked([action], () => [{ action, resource: '*' }]);
}

type CreateFunctionInput = FunctionNamed & { Role?: string; Tags?: Record<string, string> };
type PermissionInput = FunctionNamed & { Principal?: string; FunctionUrlAuthType?: string };

function permissionKeys(input: PermissionInput): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {};
  if (input.Principal !== undefined) context['lambda:Principal'] = input.Principal;
  if (input.FunctionUrlAuthType !== undefined) context['lambda:FunctionUrlAuthType'] = input.FunctionUrlAuthType;
  return context;
}

export const lambdaAuthorization: ServiceAuthorization = {
  prefix: 'lambda',
  refusal: (message) => new AccessDenied(message),
  operations: {
    CreateFunction: checked<CreateFunctionInput>(['lambda:CreateFunction', 'iam:PassRole'], (input, scope) => {
      const reference = parseFunctionName(input.FunctionName as string, scope);
      return [
        { action: 'lambda:CreateFunction', resource: reference.requestedArn, context: requestTags(input.Tags) },
        passRole(input.Role as string, 'lambda.amazonaws.com'),
      ];
    }),
    GetFunction: onFunction('lambda:GetFunction'),
    GetFunctionConfiguration: onFunction('lambda:GetFunctionConfiguration'),
    GetFunctionCodeSigningConfig: onFunction('lambda:GetFunctionCodeSigningConfig'),
    ListFunctions: onEveryResource('lambda:ListFunctions'),
    UpdateFunctionCode: onFunction('lambda:UpdateFunctionCode'),
    UpdateFunctionConfiguration: onFunction<FunctionNamed & { Role?: string }>('lambda:UpdateFunctionConfiguration', {
      role: (input) => input.Role,
    }),
    DeleteFunction: onFunction('lambda:DeleteFunction'),
    Invoke: onFunction('lambda:InvokeFunction'),
    AddPermission: onFunction<PermissionInput>('lambda:AddPermission', { context: permissionKeys }),
    RemovePermission: onFunction('lambda:RemovePermission'),
    GetPolicy: onFunction('lambda:GetPolicy'),
    PublishVersion: onFunction('lambda:PublishVersion'),
    ListVersionsByFunction: onFunction('lambda:ListVersionsByFunction'),
    PutFunctionConcurrency: onFunction('lambda:PutFunctionConcurrency'),
    GetFunctionConcurrency: onFunction('lambda:GetFunctionConcurrency'),
    DeleteFunctionConcurrency: onFunction('lambda:DeleteFunctionConcurrency'),
    TagResource: onTaggedFunction<{ Resource?: string; Tags?: Record<string, string> }>('lambda:TagResource', (input) =>
      requestTags(input.Tags),
    ),
    UntagResource: onTaggedFunction<{ Resource?: string; TagKeys?: string[] }>('lambda:UntagResource', (input) => ({
      'aws:TagKeys': input.TagKeys ?? [],
    })),
    ListTags: onTaggedFunction('lambda:ListTags', () => ({})),
    GetAccountSettings: onEveryResource('lambda:GetAccountSettings'),
  },
};
