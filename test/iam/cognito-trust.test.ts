import { CreateRoleCommand, UpdateAssumeRolePolicyCommand } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { awsError, useEmulator } from '../support/emulator.js';

const cognitoTrust = (condition?: object) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: 'cognito-identity.amazonaws.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        ...(condition ? { Condition: condition } : {}),
      },
    ],
  });

/** IAM refuses roles any identity pool could assume (Cognito developer guide; the wording is [unverified]). */
describe('IAM roles for identity pools need a trust policy condition', () => {
  const ctx = useEmulator();

  it('refuses CreateRole and UpdateAssumeRolePolicy for a Cognito trust without a condition', async () => {
    for (const document of [cognitoTrust(), cognitoTrust({})]) {
      const refused = await awsError(
        ctx.clients.iam.send(new CreateRoleCommand({ RoleName: 'any-pool', AssumeRolePolicyDocument: document })),
      );
      expect(refused.name).toBe('MalformedPolicyDocumentException');
      expect(refused.$metadata.httpStatusCode).toBe(400);
      expect(refused.message).toContain('cognito-identity.amazonaws.com must have a condition');
    }
    const pool = {
      StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:00000000-0000-0000-0000-000000000000' },
    };
    await ctx.clients.iam.send(
      new CreateRoleCommand({ RoleName: 'one-pool', AssumeRolePolicyDocument: cognitoTrust(pool) }),
    );
    const loosened = await awsError(
      ctx.clients.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'one-pool', PolicyDocument: cognitoTrust() })),
    );
    expect(loosened.name).toBe('MalformedPolicyDocumentException');
    const amrOnly = { 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' } };
    await ctx.clients.iam.send(
      new UpdateAssumeRolePolicyCommand({ RoleName: 'one-pool', PolicyDocument: cognitoTrust(amrOnly) }),
    );
  });
});
