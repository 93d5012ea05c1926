import { GetOpenIdTokenForDeveloperIdentityCommand } from '@aws-sdk/client-cognito-identity';
import { CreateRoleCommand, DeleteRoleCommand } from '@aws-sdk/client-iam';
import { UpdateFunctionCodeCommand } from '@aws-sdk/client-lambda';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { z } from 'zod';
import { at, same } from '../checks.js';
import { defineContract } from '../define.js';
import type { AwsCredentials, ContractContext } from '../types.js';
import { assumedRoleArn } from './05-get-caller-identity.js';

const accessDenied = {
  ref:
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html; ' +
    'https://aws.amazon.com/blogs/security/enhanced-access-denied-error-messages-with-policy-arns/',
  note:
    'A request no identity-based policy allows is refused "User: <caller ARN> is not authorized to perform: <action> ' +
    'on resource: <resource> because no identity-based policy allows the <action> action". The authenticated ' +
    "role's only policy allows execute-api:Invoke on GET /hello.",
};

const clientSession = String.raw`arn:aws:sts::\d{12}:assumed-role/[\w+=,.@-]+/CognitoIdentityCredentials`;

/** The implicit-deny message for the client's session; `resource` is a pattern. */
function notAllowed(action: string, resource: string): RegExp {
  const reason = `because no identity-based policy allows the ${action} action`;
  return new RegExp(
    `^User: ${clientSession} is not authorized to perform: ${action} on resource: ${resource} ${reason}$`,
  );
}

function cognitoCredentials(ctx: ContractContext): AwsCredentials {
  const { accessKeyId, secretAccessKey, sessionToken } = ctx.outputs.credentials;
  return { accessKeyId, secretAccessKey, sessionToken };
}

/** An empty .zip archive (the end-of-central-directory record alone): enough for a DryRun, never deployed. */
const emptyZip = Uint8Array.from([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);

const deniedRoleName = (ctx: ContractContext) => `idpool-${ctx.runId}-denied`;

export const clientPermissionsContracts = [
  defineContract({
    id: 'client-permissions.no-permission-needed',
    step: 'client-permissions',
    title: 'GetCallerIdentity is answered though the role grants no sts action',
    request: 'sts GetCallerIdentity signed with the Cognito credentials (the role allows only execute-api:Invoke)',
    status: 'model',
    source: {
      ref: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html',
      note:
        'No permissions are required to perform this operation; an explicit deny of sts:GetCallerIdentity does not ' +
        'stop it either.',
    },
    requires: ['credentials'],
    run: (ctx) => ctx.call(ctx.clientsWith(cognitoCredentials(ctx)).sts.send(new GetCallerIdentityCommand({}))),
    expect: {
      kind: 'response',
      status: 200,
      schema: z.strictObject({ UserId: z.string(), Account: z.string(), Arn: z.string() }),
      checks: { "the client's session": (body, ctx) => same('Arn', at(body, 'Arn'), assumedRoleArn(ctx)) },
    },
  }),
  defineContract({
    id: 'client-permissions.iam-create-role',
    step: 'client-permissions',
    title: "The client's credentials cannot create a role: AccessDenied (403)",
    request: 'iam CreateRole idpool-<run>-denied (trusting Lambda) signed with the Cognito credentials',
    status: 'model',
    source: {
      ref:
        `${accessDenied.ref}; captured CLI output ("An error occurred (AccessDenied) when calling the CreateRole ` +
        'operation: User: … is not authorized to perform: iam:CreateRole on resource: ' +
        'arn:aws:iam::<account>:role/<name> because no identity-based policy allows the iam:CreateRole action")',
      note: `${accessDenied.note} IAM answers AccessDenied with HTTP 403 in its XML.`,
    },
    requires: ['credentials'],
    run: async (ctx) => {
      const trust = JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      });
      const outcome = await ctx.call(
        ctx
          .clientsWith(cognitoCredentials(ctx))
          .iam.send(new CreateRoleCommand({ RoleName: deniedRoleName(ctx), AssumeRolePolicyDocument: trust })),
      );
      // A target that wrongly allowed it must not keep the role.
      if (outcome.kind === 'response')
        await ctx.call(ctx.clients.iam.send(new DeleteRoleCommand({ RoleName: deniedRoleName(ctx) })));
      return outcome;
    },
    expect: {
      kind: 'error',
      error: {
        code: 'AccessDenied',
        status: 403,
        message: notAllowed('iam:CreateRole', String.raw`arn:aws:iam::\d{12}:role/idpool-[\w-]+-denied`),
      },
    },
  }),
  defineContract({
    id: 'client-permissions.lambda-update-function-code',
    step: 'client-permissions',
    title: "The client's credentials cannot replace the API's function code: AccessDeniedException (403)",
    request: "lambda UpdateFunctionCode of the stack's function with DryRun true, signed with the Cognito credentials",
    status: 'model',
    source: {
      ref:
        `${accessDenied.ref}; https://docs.aws.amazon.com/lambda/latest/api/API_UpdateFunctionCode.html ` +
        '(DryRun validates the request and access permissions without changing the code)',
      note:
        `${accessDenied.note} Lambda answers AccessDeniedException with HTTP 403 and the function's ARN as the ` +
        'resource (captured: "…lambda:CreateFunction on resource: ' +
        'arn:aws:lambda:<region>:<account>:function:<name>").',
    },
    requires: ['credentials'],
    run: (ctx) =>
      ctx.call(
        ctx
          .clientsWith(cognitoCredentials(ctx))
          .lambda.send(
            new UpdateFunctionCodeCommand({ FunctionName: ctx.stack.functionName, ZipFile: emptyZip, DryRun: true }),
          ),
      ),
    expect: {
      kind: 'error',
      error: {
        code: 'AccessDeniedException',
        status: 403,
        message: notAllowed('lambda:UpdateFunctionCode', String.raw`arn:aws:lambda:[a-z0-9-]+:\d{12}:function:[\w-]+`),
      },
    },
  }),
  defineContract({
    id: 'client-permissions.developer-token',
    step: 'client-permissions',
    title: "The client's credentials cannot get a developer token for another user: AccessDeniedException",
    request:
      'cognito-identity GetOpenIdTokenForDeveloperIdentity for developer user "admin" of the stack\'s pool, signed ' +
      'with the Cognito credentials',
    status: 'unverified',
    source: {
      ref:
        `${accessDenied.ref}; captured CLI output ("An error occurred (AccessDeniedException) when calling the ` +
        'ListIdentityPools operation: User: … is not authorized to perform: cognito-identity:ListIdentityPools on ' +
        'resource: arn:aws:cognito-identity:…")',
      note:
        `${accessDenied.note} Cognito Identity answers AccessDeniedException naming the pool's ARN ` +
        "arn:aws:cognito-identity:<region>:<account>:identitypool/<pool id>; HTTP 400 as Cognito Identity's other " +
        'client errors (not seen on AWS for this case).',
    },
    requires: ['credentials'],
    run: (ctx) =>
      ctx.call(
        ctx.clientsWith(cognitoCredentials(ctx)).cognito.send(
          new GetOpenIdTokenForDeveloperIdentityCommand({
            IdentityPoolId: ctx.stack.identityPoolId,
            Logins: { [ctx.stack.developerProviderName]: 'admin' },
          }),
        ),
      ),
    expect: {
      kind: 'error',
      error: {
        code: 'AccessDeniedException',
        status: 400,
        message: notAllowed(
          'cognito-identity:GetOpenIdTokenForDeveloperIdentity',
          String.raw`arn:aws:cognito-identity:[a-z0-9-]+:\d{12}:identitypool/[a-z0-9-]+:[0-9a-f-]+`,
        ),
      },
    },
  }),
];
