import {
  CreateRoleCommand,
  GetPolicyCommand,
  GetRoleCommand,
  ListRolesCommand,
  PutRolePolicyCommand,
  TagRoleCommand,
} from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../support/emulator.js';
import { lambdaTrustPolicy } from '../support/lambda-functions.js';
import {
  allow,
  cognitoSession,
  deny,
  expectRefusal,
  explicitlyDenied,
  notAllowed,
  policy,
  uniqueName,
} from './sessions.js';

const account = '000000000000';

describe('IAM calls with issued credentials', () => {
  const ctx = useEmulator();

  it('are allowed what the role grants: GetRole on itself, ListRoles', async () => {
    const session = await cognitoSession(ctx.emulator, ctx.clients, {
      inline: { read: policy(allow('iam:GetRole', `arn:aws:iam::${account}:role/*`), allow('iam:ListRoles')) },
    });
    const role = await session.clients.iam.send(new GetRoleCommand({ RoleName: session.roleName }));
    expect(role.Role?.Arn).toBe(session.roleArn);
    expect(
      (await session.clients.iam.send(new ListRolesCommand({}))).Roles?.map((listed) => listed.RoleName),
    ).toContain(session.roleName);
  });

  it('are refused what it does not grant: AccessDenied 403 naming the session, action and resource', async () => {
    const session = await cognitoSession(ctx.emulator, ctx.clients, { inline: { read: policy(allow('iam:GetRole')) } });
    const name = uniqueName('made');
    await expectRefusal(
      session.clients.iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: lambdaTrustPolicy })),
      {
        name: 'AccessDenied',
        status: 403,
        message: notAllowed(session.arn, 'iam:CreateRole', `arn:aws:iam::${account}:role/${name}`),
      },
    );
    // Role actions name the role as `role <name>`; ListRoles the account's role path.
    const document = policy(allow('*', '*'));
    await expectRefusal(
      session.clients.iam.send(
        new PutRolePolicyCommand({ RoleName: session.roleName, PolicyName: 'all', PolicyDocument: document }),
      ),
      {
        name: 'AccessDenied',
        status: 403,
        message: notAllowed(session.arn, 'iam:PutRolePolicy', `role ${session.roleName}`),
      },
    );
    await expectRefusal(session.clients.iam.send(new ListRolesCommand({})), {
      name: 'AccessDenied',
      status: 403,
      message: notAllowed(session.arn, 'iam:ListRoles', `arn:aws:iam::${account}:role/`),
    });
    const policyArn = 'arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole';
    await expectRefusal(session.clients.iam.send(new GetPolicyCommand({ PolicyArn: policyArn })), {
      name: 'AccessDenied',
      status: 403,
      message: notAllowed(session.arn, 'iam:GetPolicy', `policy ${policyArn}`),
    });
  });

  it('are refused by an explicit Deny whatever allows them, the denying policy named', async () => {
    const session = await cognitoSession(ctx.emulator, ctx.clients, {
      inline: { everything: policy(allow('*')) },
      managed: { guard: policy(deny('iam:CreateRole')) },
    });
    const name = uniqueName('made');
    await expectRefusal(
      session.clients.iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: lambdaTrustPolicy })),
      {
        name: 'AccessDenied',
        status: 403,
        message: explicitlyDenied(
          session.arn,
          'iam:CreateRole',
          `arn:aws:iam::${account}:role/${name}`,
          session.managedArns.guard as string,
        ),
      },
    );
  });

  it('match aws:RequestTag and aws:TagKeys on CreateRole, aws:ResourceTag on GetRole', async () => {
    const session = await cognitoSession(ctx.emulator, ctx.clients, {
      inline: {
        tagged: policy(
          allow(['iam:CreateRole', 'iam:TagRole'], '*', {
            Condition: {
              StringEquals: { 'aws:RequestTag/team': 'blue' },
              'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] },
            },
          }),
          allow('iam:GetRole', '*', { Condition: { StringEquals: { 'aws:ResourceTag/team': 'blue' } } }),
        ),
      },
    });
    const blue = uniqueName('blue');
    await session.clients.iam.send(
      new CreateRoleCommand({
        RoleName: blue,
        AssumeRolePolicyDocument: lambdaTrustPolicy,
        Tags: [{ Key: 'team', Value: 'blue' }],
      }),
    );
    expect((await session.clients.iam.send(new GetRoleCommand({ RoleName: blue }))).Role?.RoleName).toBe(blue);

    const red = uniqueName('red');
    const redRole = new CreateRoleCommand({
      RoleName: red,
      AssumeRolePolicyDocument: lambdaTrustPolicy,
      Tags: [{ Key: 'team', Value: 'red' }],
    });
    await expectRefusal(session.clients.iam.send(redRole), {
      name: 'AccessDenied',
      status: 403,
      message: notAllowed(session.arn, 'iam:CreateRole', `arn:aws:iam::${account}:role/${red}`),
    });
    await ctx.clients.iam.send(redRole);
    await expectRefusal(session.clients.iam.send(new GetRoleCommand({ RoleName: red })), {
      name: 'AccessDenied',
      status: 403,
      message: notAllowed(session.arn, 'iam:GetRole', `role ${red}`),
    });
    // Tags also need iam:TagRole on the new role; a second key breaks ForAllValues on aws:TagKeys.
    const twoKeys = uniqueName('two');
    const twoKeysRole = new CreateRoleCommand({
      RoleName: twoKeys,
      AssumeRolePolicyDocument: lambdaTrustPolicy,
      Tags: [
        { Key: 'team', Value: 'blue' },
        { Key: 'cost', Value: '1' },
      ],
    });
    await expectRefusal(session.clients.iam.send(twoKeysRole), {
      name: 'AccessDenied',
      status: 403,
      message: notAllowed(session.arn, 'iam:CreateRole', `arn:aws:iam::${account}:role/${twoKeys}`),
    });
  });

  it('need iam:TagRole besides iam:CreateRole to create a tagged role', async () => {
    const session = await cognitoSession(ctx.emulator, ctx.clients, {
      inline: { create: policy(allow('iam:CreateRole')) },
    });
    const name = uniqueName('tagged');
    const tagged = new CreateRoleCommand({
      RoleName: name,
      AssumeRolePolicyDocument: lambdaTrustPolicy,
      Tags: [{ Key: 'k', Value: 'v' }],
    });
    await expectRefusal(session.clients.iam.send(tagged), {
      name: 'AccessDenied',
      status: 403,
      message: notAllowed(session.arn, 'iam:TagRole', `arn:aws:iam::${account}:role/${name}`),
    });
    await expectRefusal(
      session.clients.iam.send(new TagRoleCommand({ RoleName: session.roleName, Tags: [{ Key: 'k', Value: 'v' }] })),
      {
        name: 'AccessDenied',
        status: 403,
        message: notAllowed(session.arn, 'iam:TagRole', session.roleArn),
      },
    );
    const untagged = uniqueName('untagged');
    await session.clients.iam.send(
      new CreateRoleCommand({ RoleName: untagged, AssumeRolePolicyDocument: lambdaTrustPolicy }),
    );
  });

  it('match principal tags from Cognito as aws:PrincipalTag', async () => {
    const scoped = allow('iam:GetRole', '*', {
      Condition: { StringEquals: { 'aws:PrincipalTag/department': 'admins' } },
    });
    const admin = await cognitoSession(ctx.emulator, ctx.clients, {
      inline: { scoped: policy(scoped) },
      principalTags: { department: 'admins' },
    });
    expect((await admin.clients.iam.send(new GetRoleCommand({ RoleName: admin.roleName }))).Role?.Arn).toBe(
      admin.roleArn,
    );
    const other = await cognitoSession(ctx.emulator, ctx.clients, {
      inline: { scoped: policy(scoped) },
      principalTags: { department: 'sales' },
    });
    await expectRefusal(other.clients.iam.send(new GetRoleCommand({ RoleName: other.roleName })), {
      name: 'AccessDenied',
      status: 403,
      message: notAllowed(other.arn, 'iam:GetRole', `role ${other.roleName}`),
    });
  });

  it('leave the root keys the account root', async () => {
    const name = uniqueName('rooted');
    const created = await ctx.clients.iam.send(
      new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: lambdaTrustPolicy }),
    );
    expect(created.Role?.RoleName).toBe(name);
  });
});
