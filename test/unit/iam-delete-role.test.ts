import { describe, expect, it } from 'vitest';
import { attachRolePolicy } from '../../emulator/services/iam/attach-role-policy.js';
import { deleteRolePolicy } from '../../emulator/services/iam/delete-role-policy.js';
import { deleteRole } from '../../emulator/services/iam/delete-role.js';
import { detachRolePolicy } from '../../emulator/services/iam/detach-role-policy.js';
import { putRolePolicy } from '../../emulator/services/iam/put-role-policy.js';
import { callContext } from '../support/call-context.js';
import { accountId, iamSetup, readLogs } from './iam-setup.js';

function setup() {
  const fixture = iamSetup();
  const { iam } = fixture;
  return {
    ...fixture,
    remove: deleteRole.build({ iam }),
    attach: attachRolePolicy.build({ iam }),
    detach: detachRolePolicy.build({ iam }),
    put: putRolePolicy.build({ iam }),
    removeInline: deleteRolePolicy.build({ iam }),
  };
}

describe('DeleteRole', () => {
  it('refuses while policies are attached, then while inline policies remain, then deletes', async () => {
    const { iam, role, policy, remove, attach, detach, put, removeInline } = setup();
    await role('app');
    const arn = await policy('reader');
    attach({ RoleName: 'app', PolicyArn: arn }, callContext());
    put({ RoleName: 'app', PolicyName: 'inline', PolicyDocument: readLogs }, callContext());

    expect(() => remove({ RoleName: 'app' }, callContext())).toThrow(
      expect.objectContaining({
        code: 'DeleteConflict',
        message: 'Cannot delete entity, must detach all policies first.',
      }),
    );
    detach({ RoleName: 'app', PolicyArn: arn }, callContext());
    expect(() => remove({ RoleName: 'app' }, callContext())).toThrow(
      expect.objectContaining({ code: 'DeleteConflict', message: 'Cannot delete entity, must delete policies first.' }),
    );
    expect(iam.findRole(accountId, 'app')).toBeDefined();
    removeInline({ RoleName: 'app', PolicyName: 'inline' }, callContext());
    expect(remove({ RoleName: 'APP' }, callContext())).toEqual({});
    expect(iam.findRole(accountId, 'app')).toBeUndefined();
  });

  it('answers NoSuchEntity for a role the account does not have', async () => {
    const { role, remove } = setup();
    await role('app');
    expect(() => remove({ RoleName: 'app' }, callContext({ accountId: '111111111111' }))).toThrow(
      expect.objectContaining({ code: 'NoSuchEntity', message: 'The role with name app cannot be found.' }),
    );
  });
});

describe('DeleteRolePolicy', () => {
  it('names the missing role before the missing policy', async () => {
    const { role, removeInline } = setup();
    expect(() => removeInline({ RoleName: 'nobody', PolicyName: 'p' }, callContext())).toThrow(
      expect.objectContaining({ message: 'The role with name nobody cannot be found.' }),
    );
    await role('app');
    expect(() => removeInline({ RoleName: 'app', PolicyName: 'p' }, callContext())).toThrow(
      expect.objectContaining({ code: 'NoSuchEntity', message: 'The role policy with name p cannot be found.' }),
    );
  });
});
