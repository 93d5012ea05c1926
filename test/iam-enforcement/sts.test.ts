import { CreateRoleCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../support/emulator.js';
import { allow, cognitoSession, deny, expectRefusal, policy, uniqueName } from './sessions.js';

const account = '000000000000';

describe('STS calls with issued credentials', () => {
  const ctx = useEmulator();

  async function roleTrustingAccount(): Promise<string> {
    const trust = policy({
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${account}:root` },
      Action: ['sts:AssumeRole', 'sts:TagSession'],
    });
    const role = await ctx.clients.iam.send(
      new CreateRoleCommand({ RoleName: uniqueName('target'), AssumeRolePolicyDocument: trust }),
    );
    return role.Role?.Arn as string;
  }

  it('answer GetCallerIdentity whatever the policies say, an explicit Deny included', async () => {
    const session = await cognitoSession(ctx.emulator, ctx.clients, { inline: { guard: policy(deny('*')) } });
    expect((await session.clients.sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(session.arn);
  });

  it("AssumeRole a role trusting the account with the caller's sts:AssumeRole (sts:TagSession for tags)", async () => {
    const target = await roleTrustingAccount();
    const refusal = (arn: string, action: string) => ({
      name: 'AccessDenied',
      status: 403,
      message: `User: ${arn} is not authorized to perform: ${action} on resource: ${target}`,
    });
    const bare = await cognitoSession(ctx.emulator, ctx.clients);
    await expectRefusal(
      bare.clients.sts.send(new AssumeRoleCommand({ RoleArn: target, RoleSessionName: 'session' })),
      refusal(bare.arn, 'sts:AssumeRole'),
    );

    const assumer = await cognitoSession(ctx.emulator, ctx.clients, {
      inline: {
        assume: policy(
          allow('sts:AssumeRole', target, { Condition: { StringEquals: { 'sts:RoleSessionName': 'allowed' } } }),
        ),
      },
    });
    const assumed = await assumer.clients.sts.send(
      new AssumeRoleCommand({ RoleArn: target, RoleSessionName: 'allowed' }),
    );
    expect(assumed.AssumedRoleUser?.Arn).toMatch(/:assumed-role\/target-[^/]+\/allowed$/);
    await expectRefusal(
      assumer.clients.sts.send(new AssumeRoleCommand({ RoleArn: target, RoleSessionName: 'other' })),
      refusal(assumer.arn, 'sts:AssumeRole'),
    );
    const tagged = new AssumeRoleCommand({
      RoleArn: target,
      RoleSessionName: 'allowed',
      Tags: [{ Key: 'k', Value: 'v' }],
    });
    await expectRefusal(assumer.clients.sts.send(tagged), refusal(assumer.arn, 'sts:TagSession'));
  });

  it('AssumeRole into a role trusting nobody is refused even when the caller may assume every role', async () => {
    const trust = policy({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' });
    const role = await ctx.clients.iam.send(
      new CreateRoleCommand({ RoleName: uniqueName('closed'), AssumeRolePolicyDocument: trust }),
    );
    const session = await cognitoSession(ctx.emulator, ctx.clients, {
      inline: { assume: policy(allow('sts:AssumeRole')) },
    });
    await expectRefusal(
      session.clients.sts.send(new AssumeRoleCommand({ RoleArn: role.Role?.Arn, RoleSessionName: 'session' })),
      {
        name: 'AccessDenied',
        status: 403,
        message: `User: ${session.arn} is not authorized to perform: sts:AssumeRole on resource: ${role.Role?.Arn}`,
      },
    );
  });
});
