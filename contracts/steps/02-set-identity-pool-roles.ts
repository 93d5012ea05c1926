import { GetIdentityPoolRolesCommand, SetIdentityPoolRolesCommand } from '@aws-sdk/client-cognito-identity';
import { CreateRoleCommand, DeleteRoleCommand, GetRoleCommand } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { at, same, show } from '../checks.js';
import { cognitoErrorStatus, defineContract, recorded, unknownPoolId } from '../define.js';
import type { JsonValue } from '../outcome.js';
import type { ContractContext } from '../types.js';

const iamModel = 'botocore iam 2010-05-08 service-2.json (shapes Role, CreateRoleResponse, errors)';
const cognitoModel = 'botocore cognito-identity 2014-06-30 service-2.json (GetIdentityPoolRoles, SetIdentityPoolRoles)';

const roleSchema = z.strictObject({
  Path: z.string(),
  RoleName: z.string().min(1).max(64),
  RoleId: z.string().regex(/^AROA[A-Z0-9]{12,}$/),
  Arn: z.string().regex(/^arn:aws[\w-]*:iam::\d{12}:role\/.+$/),
  CreateDate: z.iso.datetime({ offset: true }),
  AssumeRolePolicyDocument: z.string().optional(),
  Description: z.string().optional(),
  MaxSessionDuration: z.number().int().optional(),
  PermissionsBoundary: z.looseObject({}).optional(),
  Tags: z.array(z.strictObject({ Key: z.string(), Value: z.string() })).optional(),
  RoleLastUsed: z.looseObject({}).optional(),
});

/** IAM returns policy documents URL-encoded (RFC 3986); decoded they are the JSON that was sent. */
function trustsCognito(body: JsonValue, ctx: ContractContext): string[] {
  const encoded = at(body, 'Role.AssumeRolePolicyDocument');
  if (typeof encoded !== 'string')
    return ['Role.AssumeRolePolicyDocument: expected the URL-encoded trust policy, got nothing'];
  let document: {
    Statement?: Array<{
      Principal?: { Federated?: string };
      Action?: string | string[];
      Condition?: Record<string, Record<string, unknown>>;
    }>;
  };
  try {
    document = JSON.parse(decodeURIComponent(encoded)) as typeof document;
  } catch {
    return [`Role.AssumeRolePolicyDocument: expected URL-encoded JSON, got ${show(encoded)}`];
  }
  const statement = document.Statement?.[0];
  return [
    ...same('trust Principal.Federated', statement?.Principal?.Federated, 'cognito-identity.amazonaws.com'),
    ...same('trust Action', statement?.Action, 'sts:AssumeRoleWithWebIdentity'),
    ...same(
      'trust Condition aud',
      statement?.Condition?.StringEquals?.['cognito-identity.amazonaws.com:aud'],
      ctx.stack.identityPoolId,
    ),
  ];
}

/** Recorded AWS answers (LocalStack's parity snapshots, replayed against idpool by test/aws-recorded). */
function iamRecording(test: string, key: string): string {
  return (
    'recorded AWS answer: localstack/localstack@8b9a79f05846 tests/aws/services/iam/test_iam.snapshot.json, ' +
    `${test} → ${key} (copy: test/fixtures/aws-recorded/iam/test_iam.snapshot.json)`
  );
}

export const setIdentityPoolRolesContracts = [
  defineContract({
    id: 'set-identity-pool-roles.create-role-response',
    step: 'set-identity-pool-roles',
    title: 'CreateRole answers the role: RoleId AROA…, its ARN, the trust policy URL-encoded',
    request:
      'iam CreateRole {RoleName: idpool-<run>-auth, AssumeRolePolicyDocument: ' +
      '<Federated cognito-identity.amazonaws.com, aud = pool, amr = authenticated>, Tags: [idpool:run]}',
    status: 'validated',
    source: {
      ref: `${iamRecording('TestIAMIntegrations::test_update_assume_role_policy', 'created_role')}; ${iamModel}; https://docs.aws.amazon.com/IAM/latest/APIReference/API_Role.html; https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html`,
      note:
        'Recorded: CreateRole answers 200 {Role: {Arn: arn:<partition>:iam::<account>:role/<name>, ' +
        'AssumeRolePolicyDocument (the document sent), CreateDate, Path: /, RoleId, ' +
        'RoleName}} (no MaxSessionDuration, no RoleLastUsed). From the model and docs: Role has Path, RoleName, ' +
        'RoleId, Arn, CreateDate (required) and optional members; role ids start AROA; ' +
        'AssumeRolePolicyDocument is returned URL-encoded (RFC 3986). Trust for Cognito: ' +
        'Federated cognito-identity.amazonaws.com, sts:AssumeRoleWithWebIdentity, ' +
        'StringEquals cognito-identity.amazonaws.com:aud = pool (docs/aws-behaviour.md).',
    },
    run: (ctx) => recorded(ctx, 'createAuthenticatedRole'),
    expect: {
      kind: 'response',
      status: 200,
      schema: z.strictObject({ Role: roleSchema }),
      checks: {
        'names the stack role': (body, ctx) => [
          ...same('Role.Arn', at(body, 'Role.Arn'), ctx.stack.authenticatedRoleArn),
          ...same('Role.Path', at(body, 'Role.Path'), '/'),
        ],
        'trusts cognito-identity for this pool': trustsCognito,
      },
    },
  }),
  defineContract({
    id: 'set-identity-pool-roles.set-roles-response',
    step: 'set-identity-pool-roles',
    title: 'SetIdentityPoolRoles answers 200 with no output',
    request: 'cognito-identity SetIdentityPoolRoles {IdentityPoolId: <pool>, Roles: {authenticated: <role arn>}}',
    status: 'model',
    source: {
      ref: `${cognitoModel}; docs/aws-behaviour.md`,
      note: 'SetIdentityPoolRoles has no output shape; operations with no output answer 200 with an empty JSON body.',
    },
    run: (ctx) => recorded(ctx, 'setIdentityPoolRoles'),
    expect: { kind: 'response', status: 200, schema: z.strictObject({}) },
  }),
  defineContract({
    id: 'set-identity-pool-roles.get-roles',
    step: 'set-identity-pool-roles',
    title: 'GetIdentityPoolRoles answers the authenticated role that was set',
    request: 'cognito-identity GetIdentityPoolRoles {IdentityPoolId: <pool>}',
    status: 'model',
    source: {
      ref: cognitoModel,
      note: 'Output: IdentityPoolId, Roles (map of authenticated/unauthenticated to role ARN), RoleMappings.',
    },
    run: (ctx) =>
      ctx.call(ctx.clients.cognito.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: ctx.stack.identityPoolId }))),
    expect: {
      kind: 'response',
      status: 200,
      schema: z.strictObject({
        IdentityPoolId: z.string(),
        Roles: z.strictObject({ authenticated: z.string().optional(), unauthenticated: z.string().optional() }),
        RoleMappings: z.record(z.string(), z.looseObject({})).optional(),
      }),
      checks: {
        'the roles that were set': (body, ctx) => [
          ...same('IdentityPoolId', at(body, 'IdentityPoolId'), ctx.stack.identityPoolId),
          ...same('Roles', at(body, 'Roles'), { authenticated: ctx.stack.authenticatedRoleArn }),
        ],
      },
    },
  }),
  defineContract({
    id: 'set-identity-pool-roles.unknown-pool',
    step: 'set-identity-pool-roles',
    title: 'SetIdentityPoolRoles on a pool that does not exist is ResourceNotFoundException (400)',
    request:
      'cognito-identity SetIdentityPoolRoles {IdentityPoolId: <region>:00000000-…, Roles: {authenticated: ' +
      '<role arn>}}',
    status: 'validated',
    source: {
      ref: `${cognitoModel}; ${cognitoErrorStatus.ref}`,
      note: `ResourceNotFoundException is in SetIdentityPoolRoles' errors. ${cognitoErrorStatus.note}`,
    },
    run: (ctx) =>
      ctx.call(
        ctx.clients.cognito.send(
          new SetIdentityPoolRolesCommand({
            IdentityPoolId: unknownPoolId(ctx),
            Roles: { authenticated: ctx.stack.authenticatedRoleArn },
          }),
        ),
      ),
    expect: { kind: 'error', error: { code: 'ResourceNotFoundException', status: 400 } },
  }),
  defineContract({
    id: 'set-identity-pool-roles.unknown-role',
    step: 'set-identity-pool-roles',
    title: 'GetRole of a role that does not exist is NoSuchEntity (404)',
    request: 'iam GetRole {RoleName: idpool-<run>-missing}',
    status: 'model',
    source: {
      ref: `${iamModel}; https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetRole.html`,
      note:
        'NoSuchEntityException: code NoSuchEntity, httpStatusCode 404. Message as AWS words it: ' +
        "'The role with name <name> cannot be found.'",
    },
    run: (ctx) => ctx.call(ctx.clients.iam.send(new GetRoleCommand({ RoleName: `idpool-${ctx.runId}-missing` }))),
    expect: {
      kind: 'error',
      error: {
        code: 'NoSuchEntityException',
        status: 404,
        message: /^The role with name idpool-[\w-]+-missing cannot be found\.$/,
      },
    },
  }),
  defineContract({
    id: 'set-identity-pool-roles.malformed-trust-policy',
    step: 'set-identity-pool-roles',
    title: 'CreateRole with a trust policy that is not JSON is MalformedPolicyDocument (400)',
    request: "iam CreateRole {RoleName: idpool-<run>-malformed, AssumeRolePolicyDocument: 'not a policy'}",
    status: 'validated',
    source: {
      ref: `${iamRecording(
        'TestIAMExtensions::test_create_role_with_malformed_assume_role_policy_document',
        'invalid-json',
      )}; ${iamModel}`,
      note:
        'Recorded: CreateRole with a trust policy that does not parse as JSON (a trailing comma) answers 400, ' +
        "code MalformedPolicyDocument, Type Sender, 'This policy contains invalid Json'.",
    },
    run: async (ctx) => {
      const roleName = `idpool-${ctx.runId}-malformed`;
      const outcome = await ctx.call(
        ctx.clients.iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: 'not a policy' })),
      );
      if (outcome.kind === 'response')
        await ctx.call(ctx.clients.iam.send(new DeleteRoleCommand({ RoleName: roleName })));
      return outcome;
    },
    expect: {
      kind: 'error',
      error: { code: 'MalformedPolicyDocumentException', status: 400, message: /^This policy contains invalid Json$/ },
    },
  }),
];
