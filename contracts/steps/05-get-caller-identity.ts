import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { z } from 'zod';
import { at, matches, same } from '../checks.js';
import { defineContract } from '../define.js';
import type { JsonValue } from '../outcome.js';
import type { AwsCredentials, ContractContext } from '../types.js';

const stsDocs =
  'botocore sts 2011-06-15 service-2.json (GetCallerIdentity); https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html';

function cognitoCredentials(ctx: ContractContext): AwsCredentials {
  const { accessKeyId, secretAccessKey, sessionToken } = ctx.outputs.credentials;
  return { accessKeyId, secretAccessKey, sessionToken };
}

function callerIdentity(ctx: ContractContext, credentials: AwsCredentials) {
  return ctx.call(ctx.clientsWith(credentials).sts.send(new GetCallerIdentityCommand({})));
}

export function assumedRoleArn(ctx: ContractContext): string {
  return (
    `arn:aws:sts::${ctx.stack.accountId}:assumed-role/` +
    `${ctx.stack.authenticatedRoleName}/CognitoIdentityCredentials`
  );
}

function isTheAssumedRole(body: JsonValue, ctx: ContractContext): string[] {
  const differences = [
    ...same('Arn', at(body, 'Arn'), assumedRoleArn(ctx)),
    ...same('Account', at(body, 'Account'), ctx.stack.accountId),
    ...matches('UserId', at(body, 'UserId'), /^AROA[A-Z0-9]{12,}:CognitoIdentityCredentials$/),
  ];
  const created = ctx.provisioning?.createAuthenticatedRole;
  const roleId = created?.kind === 'response' ? at(created.body, 'Role.RoleId') : undefined;
  if (typeof roleId === 'string')
    differences.push(...same('UserId', at(body, 'UserId'), `${roleId}:CognitoIdentityCredentials`));
  return differences;
}

export const getCallerIdentityContracts = [
  defineContract({
    id: 'get-caller-identity.assumed-role',
    step: 'get-caller-identity',
    title: 'The Cognito credentials are a session of the authenticated role named CognitoIdentityCredentials',
    request: 'sts GetCallerIdentity signed with the Cognito credentials',
    status: 'model',
    source: {
      ref: `docs/aws-behaviour.md; ${stsDocs}`,
      note:
        'Cognito assumes the role through AssumeRoleWithWebIdentity: ' +
        'the ARN is arn:aws:sts::<account>:assumed-role/<RoleName>/CognitoIdentityCredentials, ' +
        'the user id AROA…:CognitoIdentityCredentials (the role id). GetCallerIdentity returns UserId, Account, ' +
        'Arn.',
    },
    requires: ['credentials'],
    run: (ctx) => callerIdentity(ctx, cognitoCredentials(ctx)),
    expect: {
      kind: 'response',
      status: 200,
      schema: z.strictObject({ UserId: z.string(), Account: z.string().regex(/^\d{12}$/), Arn: z.string() }),
      checks: { 'the assumed role session': isTheAssumedRole },
    },
  }),
  defineContract({
    id: 'get-caller-identity.wrong-secret',
    step: 'get-caller-identity',
    title: 'Signed with the wrong secret key it is SignatureDoesNotMatch (403)',
    request: 'sts GetCallerIdentity signed with the Cognito access key and session token but another secret',
    status: 'model',
    source: {
      ref: stsDocs,
      note:
        'SignatureDoesNotMatch (403): "The request signature we calculated does not match the signature you ' +
        'provided. Check your AWS Secret Access Key and signing method."',
    },
    requires: ['credentials'],
    run: (ctx) =>
      callerIdentity(ctx, {
        ...cognitoCredentials(ctx),
        secretAccessKey: `${ctx.outputs.credentials.secretAccessKey.slice(0, -4)}XXXX`,
      }),
    expect: {
      kind: 'error',
      error: {
        code: 'SignatureDoesNotMatch',
        status: 403,
        message: /^The request signature we calculated does not match the signature you provided/,
      },
    },
  }),
  defineContract({
    id: 'get-caller-identity.missing-session-token',
    step: 'get-caller-identity',
    title: 'Temporary keys without their session token are InvalidClientTokenId (403)',
    request: 'sts GetCallerIdentity signed with the Cognito access key and secret, no X-Amz-Security-Token',
    status: 'model',
    source: {
      ref: stsDocs,
      note:
        'InvalidClientTokenId (403): "The X.509 certificate or AWS access key ID provided does not exist in our ' +
        'records" / "The security token included in the request is invalid."',
    },
    requires: ['credentials'],
    run: (ctx) =>
      callerIdentity(ctx, {
        accessKeyId: ctx.outputs.credentials.accessKeyId,
        secretAccessKey: ctx.outputs.credentials.secretAccessKey,
      }),
    expect: { kind: 'error', error: { code: 'InvalidClientTokenId', status: 403 } },
  }),
  defineContract({
    id: 'get-caller-identity.expired-credentials',
    step: 'get-caller-identity',
    title: 'After their Expiration the credentials are ExpiredToken (403)',
    request:
      'let 3601 s pass on the target clock, then sts GetCallerIdentity signed with the Cognito credentials ' +
      "(at the target's time)",
    status: 'unverified',
    source: {
      ref: `${stsDocs}; https://github.com/aws/aws-sdk-java-v2/issues/1649`,
      note:
        'Expired temporary credentials: code ExpiredToken, "The security token included in the request is ' +
        'expired", returned with HTTP 403 in captures (the model\'s ExpiredTokenException says 400; ' +
        "that shape is AssumeRole's).",
    },
    requires: ['credentials'],
    run: async (ctx) => {
      const credentials = cognitoCredentials(ctx);
      await ctx.clock.pass(3601);
      return callerIdentity(ctx, credentials);
    },
    expect: {
      kind: 'error',
      error: {
        code: ['ExpiredToken', 'ExpiredTokenException'],
        status: 403,
        message: /^The security token included in the request is expired/,
      },
    },
  }),
];
