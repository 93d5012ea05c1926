import {
  CreateRoleCommand,
  GetRoleCommand,
  ListInstanceProfilesForRoleCommand,
  UpdateRoleDescriptionCommand,
} from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { awsError, useEmulator } from '../support/emulator.js';

const trust = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

describe('IAM operations the Terraform provider calls on roles', () => {
  const ctx = useEmulator();

  it('ListInstanceProfilesForRole: none for a role (idpool has no instance profiles), else NoSuchEntity', async () => {
    await ctx.clients.iam.send(new CreateRoleCommand({ RoleName: 'profiles-role', AssumeRolePolicyDocument: trust }));
    const listed = await ctx.clients.iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: 'profiles-role' }));
    expect(listed.InstanceProfiles).toEqual([]);
    expect(listed.IsTruncated).toBe(false);
    const unknown = await awsError(
      ctx.clients.iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: 'no-such-role' })),
    );
    expect(unknown.name).toBe('NoSuchEntityException');
    expect(unknown.message).toBe('The role with name no-such-role cannot be found.');
    expect(unknown.$metadata.httpStatusCode).toBe(404);
  });

  it('UpdateRoleDescription: changes the description and answers the role', async () => {
    await ctx.clients.iam.send(
      new CreateRoleCommand({ RoleName: 'described-role', AssumeRolePolicyDocument: trust, Description: 'before' }),
    );
    const updated = await ctx.clients.iam.send(
      new UpdateRoleDescriptionCommand({ RoleName: 'described-role', Description: 'after' }),
    );
    expect(updated.Role).toMatchObject({ RoleName: 'described-role', Description: 'after', MaxSessionDuration: 3600 });
    expect((await ctx.clients.iam.send(new GetRoleCommand({ RoleName: 'described-role' }))).Role?.Description).toBe(
      'after',
    );
    const unknown = await awsError(
      ctx.clients.iam.send(new UpdateRoleDescriptionCommand({ RoleName: 'no-such-role', Description: 'x' })),
    );
    expect(unknown.name).toBe('NoSuchEntityException');
  });
});
