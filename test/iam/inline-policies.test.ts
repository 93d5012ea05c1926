import {
  CreateRoleCommand,
  DeleteRolePolicyCommand,
  GetRolePolicyCommand,
  ListRolePoliciesCommand,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { beforeAll, describe, expect, it } from 'vitest';
import { awsError, useEmulator } from '../support/emulator.js';
import { allowPolicy, decoded, trustPolicy } from './documents.js';

describe('IAM inline role policies', () => {
  const ctx = useEmulator();
  const iam = () => ctx.clients.iam;
  const invoke = allowPolicy('execute-api:Invoke', 'arn:aws:execute-api:us-east-1:000000000000:abc123/*/GET/hello');

  beforeAll(async () => {
    await iam().send(
      new CreateRoleCommand({
        RoleName: 'Authenticated',
        AssumeRolePolicyDocument: trustPolicy('cognito-identity.amazonaws.com'),
      }),
    );
  });

  it('puts, reads back (URL-encoded, decoding to what was put) and replaces an inline policy', async () => {
    await iam().send(
      new PutRolePolicyCommand({ RoleName: 'authenticated', PolicyName: 'invoke', PolicyDocument: invoke }),
    );
    const read = await iam().send(new GetRolePolicyCommand({ RoleName: 'AUTHENTICATED', PolicyName: 'invoke' }));
    expect(read.RoleName).toBe('Authenticated');
    expect(read.PolicyName).toBe('invoke');
    expect(read.PolicyDocument).toBe(encodeURIComponent(invoke));
    expect(decoded(read.PolicyDocument)).toBe(invoke);
    expect(ctx.emulator.runtime.iam.identityPolicyDocuments(ctx.emulator.accountId, 'Authenticated')).toContain(invoke);

    const replacement = allowPolicy('execute-api:Invoke');
    await iam().send(
      new PutRolePolicyCommand({ RoleName: 'Authenticated', PolicyName: 'invoke', PolicyDocument: replacement }),
    );
    expect(
      decoded(
        (await iam().send(new GetRolePolicyCommand({ RoleName: 'Authenticated', PolicyName: 'invoke' })))
          .PolicyDocument,
      ),
    ).toBe(replacement);
    expect(ctx.emulator.runtime.iam.identityPolicyDocuments(ctx.emulator.accountId, 'Authenticated')).toEqual([
      replacement,
    ]);
  });

  it('lists policy names a page at a time', async () => {
    for (const name of ['logs', 'data', 'extra']) {
      await iam().send(
        new PutRolePolicyCommand({
          RoleName: 'Authenticated',
          PolicyName: name,
          PolicyDocument: allowPolicy(`${name}:Get*`),
        }),
      );
    }
    const first = await iam().send(new ListRolePoliciesCommand({ RoleName: 'Authenticated', MaxItems: 3 }));
    expect(first.PolicyNames).toEqual(['data', 'extra', 'invoke']);
    expect(first.IsTruncated).toBe(true);
    const rest = await iam().send(
      new ListRolePoliciesCommand({ RoleName: 'Authenticated', MaxItems: 3, Marker: first.Marker }),
    );
    expect(rest).toMatchObject({ PolicyNames: ['logs'], IsTruncated: false });
  });

  it('deletes an inline policy, then answers NoSuchEntity for it', async () => {
    await iam().send(new DeleteRolePolicyCommand({ RoleName: 'Authenticated', PolicyName: 'extra' }));
    for (const call of [
      iam().send(new GetRolePolicyCommand({ RoleName: 'Authenticated', PolicyName: 'extra' })),
      iam().send(new DeleteRolePolicyCommand({ RoleName: 'Authenticated', PolicyName: 'extra' })),
    ]) {
      const error = await awsError(call);
      expect(error.name).toBe('NoSuchEntityException');
      expect(error.message).toBe('The role policy with name extra cannot be found.');
      expect(error.$metadata.httpStatusCode).toBe(404);
    }
  });

  it('answers NoSuchEntity naming the role when the role does not exist', async () => {
    for (const call of [
      iam().send(new PutRolePolicyCommand({ RoleName: 'ghost', PolicyName: 'p', PolicyDocument: invoke })),
      iam().send(new GetRolePolicyCommand({ RoleName: 'ghost', PolicyName: 'p' })),
      iam().send(new ListRolePoliciesCommand({ RoleName: 'ghost' })),
      iam().send(new DeleteRolePolicyCommand({ RoleName: 'ghost', PolicyName: 'p' })),
    ]) {
      const error = await awsError(call);
      expect(error.name).toBe('NoSuchEntityException');
      expect(error.message).toBe('The role with name ghost cannot be found.');
      expect(error.$metadata.httpStatusCode).toBe(404);
    }
  });

  it('refuses a malformed identity policy with the validator message, keeping the old one', async () => {
    const withPrincipal = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }],
    });
    const principal = await awsError(
      iam().send(
        new PutRolePolicyCommand({ RoleName: 'Authenticated', PolicyName: 'invoke', PolicyDocument: withPrincipal }),
      ),
    );
    expect(principal.name).toBe('MalformedPolicyDocumentException');
    expect(principal.message).toBe('Policy document should not specify a principal.');
    expect(principal.$metadata.httpStatusCode).toBe(400);
    const noResource = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject' }],
    });
    const resource = await awsError(
      iam().send(
        new PutRolePolicyCommand({ RoleName: 'Authenticated', PolicyName: 'invoke', PolicyDocument: noResource }),
      ),
    );
    expect(resource.message).toBe('Policy statement must contain resources.');
    expect(
      decoded(
        (await iam().send(new GetRolePolicyCommand({ RoleName: 'Authenticated', PolicyName: 'invoke' })))
          .PolicyDocument,
      ),
    ).toBe(allowPolicy('execute-api:Invoke'));
  });

  it('refuses inline policies that together pass 10,240 characters, naming the role', async () => {
    await iam().send(new CreateRoleCommand({ RoleName: 'crowded', AssumeRolePolicyDocument: trustPolicy() }));
    const bigPolicy = (prefix: string) =>
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: Array.from({ length: 250 }, (_, index) => `${prefix}:ActionNumber${index}`),
            Resource: '*',
          },
        ],
      });
    await iam().send(
      new PutRolePolicyCommand({ RoleName: 'crowded', PolicyName: 'one', PolicyDocument: bigPolicy('s3') }),
    );
    // Replacing a policy counts its new size, not both.
    await iam().send(
      new PutRolePolicyCommand({ RoleName: 'crowded', PolicyName: 'one', PolicyDocument: bigPolicy('sqs') }),
    );
    const error = await awsError(
      iam().send(
        new PutRolePolicyCommand({ RoleName: 'crowded', PolicyName: 'two', PolicyDocument: bigPolicy('sns') }),
      ),
    );
    expect(error.name).toBe('LimitExceededException');
    expect(error.message).toBe('Maximum policy size of 10240 bytes exceeded for role crowded');
    expect(error.$metadata.httpStatusCode).toBe(409);
  });
});
