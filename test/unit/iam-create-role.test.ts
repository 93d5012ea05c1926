import { describe, expect, it } from 'vitest';
import { createRole } from '../../emulator/services/iam/create-role.js';
import { callContext } from '../support/call-context.js';
import { accountId, iamSetup, lambdaTrust } from './iam-setup.js';

function setup() {
  const { iam } = iamSetup();
  return { iam, create: createRole.build({ iam }) };
}

describe('CreateRole', () => {
  it('stores the role and answers it as AWS does on creation: AROA id, ARN with the path, tags if given', async () => {
    const { iam, create } = setup();
    const context = callContext({ now: new Date('2026-03-01T00:00:00Z') });
    const answer = await create(
      {
        RoleName: 'app',
        Path: '/service/',
        AssumeRolePolicyDocument: lambdaTrust,
        Description: 'the app',
        Tags: [{ Key: 'team', Value: 'a' }],
      },
      context,
    );
    expect(answer.Role).toMatchObject({
      RoleName: 'app',
      Path: '/service/',
      Arn: `arn:aws:iam::${accountId}:role/service/app`,
      CreateDate: new Date('2026-03-01T00:00:00Z'),
      AssumeRolePolicyDocument: encodeURIComponent(lambdaTrust),
      Tags: [{ Key: 'team', Value: 'a' }],
    });
    expect(answer.Role?.RoleId).toMatch(/^AROA[A-Z0-9]{17}$/);
    expect(answer.Role).not.toHaveProperty('Description');
    expect(iam.findRole(accountId, 'APP')).toMatchObject({ description: 'the app', maxSessionDuration: 3600 });

    const untagged = await create({ RoleName: 'plain', AssumeRolePolicyDocument: lambdaTrust }, callContext());
    expect(untagged.Role).not.toHaveProperty('Tags');
  });

  it('refuses a name the account has in any case, and leaves the first role as it was', async () => {
    const { iam, create } = setup();
    create({ RoleName: 'App', AssumeRolePolicyDocument: lambdaTrust, Description: 'first' }, callContext());
    expect(() =>
      create({ RoleName: 'app', AssumeRolePolicyDocument: lambdaTrust, Description: 'second' }, callContext()),
    ).toThrow(expect.objectContaining({ code: 'EntityAlreadyExists', message: 'Role with name app already exists.' }));
    expect(iam.findRole(accountId, 'app')).toMatchObject({ roleName: 'App', description: 'first' });
    // Another account has its own names.
    create({ RoleName: 'app', AssumeRolePolicyDocument: lambdaTrust }, callContext({ accountId: '111111111111' }));
  });

  it("refuses the account's 1001st role", async () => {
    const { iam, create } = setup();
    for (let n = 0; n < 1000; n++) {
      iam.insertRole({
        accountId,
        roleName: `role-${n}`,
        roleId: `AROA${String(n).padStart(17, '0')}`,
        arn: `arn:aws:iam::${accountId}:role/role-${n}`,
        path: '/',
        assumeRolePolicy: lambdaTrust,
        maxSessionDuration: 3600,
        tags: [],
        createdAt: 0,
      });
    }
    expect(() => create({ RoleName: 'one-more', AssumeRolePolicyDocument: lambdaTrust }, callContext())).toThrow(
      expect.objectContaining({ code: 'LimitExceeded', message: 'Cannot exceed quota for RolesPerAccount: 1000' }),
    );
    expect(iam.findRole(accountId, 'one-more')).toBeUndefined();
  });

  it('refuses duplicate tag keys (without case), a bad trust policy and a boundary, writing nothing', async () => {
    const { iam, create } = setup();
    const tags = [
      { Key: 'Team', Value: 'a' },
      { Key: 'team', Value: 'b' },
    ];
    expect(() => create({ RoleName: 'r', AssumeRolePolicyDocument: lambdaTrust, Tags: tags }, callContext())).toThrow(
      expect.objectContaining({
        code: 'InvalidInput',
        message: 'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
      }),
    );
    expect(() => create({ RoleName: 'r', AssumeRolePolicyDocument: '{not json' }, callContext())).toThrow(
      expect.objectContaining({ code: 'MalformedPolicyDocument', message: 'This policy contains invalid Json' }),
    );
    const boundary = 'arn:aws:iam::aws:policy/PowerUserAccess';
    expect(() =>
      create({ RoleName: 'r', AssumeRolePolicyDocument: lambdaTrust, PermissionsBoundary: boundary }, callContext()),
    ).toThrow(expect.objectContaining({ code: 'UnsupportedFeature' }));
    expect(iam.findRole(accountId, 'r')).toBeUndefined();
  });
});
