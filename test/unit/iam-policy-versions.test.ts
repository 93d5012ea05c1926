import { describe, expect, it } from 'vitest';
import { attachRolePolicy } from '../../emulator/services/iam/attach-role-policy.js';
import { createPolicyVersion } from '../../emulator/services/iam/create-policy-version.js';
import { deletePolicyVersion } from '../../emulator/services/iam/delete-policy-version.js';
import { deletePolicy } from '../../emulator/services/iam/delete-policy.js';
import { getPolicy } from '../../emulator/services/iam/get-policy.js';
import { listPolicyVersions } from '../../emulator/services/iam/list-policy-versions.js';
import { setDefaultPolicyVersion } from '../../emulator/services/iam/set-default-policy-version.js';
import { callContext } from '../support/call-context.js';
import { document, iamSetup } from './iam-setup.js';

function setup() {
  const fixture = iamSetup();
  const { iam } = fixture;
  return {
    ...fixture,
    createVersion: createPolicyVersion.build({ iam }),
    deleteVersion: deletePolicyVersion.build({ iam }),
    setDefault: setDefaultPolicyVersion.build({ iam }),
    listVersions: listPolicyVersions.build({ iam }),
    remove: deletePolicy.build({ iam }),
    get: getPolicy.build({ iam }),
    attach: attachRolePolicy.build({ iam }),
  };
}

const version = (n: number) => document({ Effect: 'Allow', Action: `s3:Get${n}`, Resource: '*' });

describe('CreatePolicyVersion', () => {
  it('numbers versions on and never reuses a number; SetAsDefault makes the new one apply', async () => {
    const { policy, createVersion, deleteVersion, listVersions, get } = setup();
    const arn = await policy('reader');
    const later = callContext({ now: new Date('2026-05-01T00:00:00Z') });
    expect((await createVersion({ PolicyArn: arn, PolicyDocument: version(2) }, later)).PolicyVersion).toEqual({
      VersionId: 'v2',
      IsDefaultVersion: false,
      CreateDate: new Date('2026-05-01T00:00:00Z'),
    });
    deleteVersion({ PolicyArn: arn, VersionId: 'v2' }, callContext());
    const v3 = await createVersion({ PolicyArn: arn, PolicyDocument: version(3), SetAsDefault: true }, later);
    expect(v3.PolicyVersion).toMatchObject({ VersionId: 'v3', IsDefaultVersion: true });
    expect((await get({ PolicyArn: arn }, callContext())).Policy).toMatchObject({
      DefaultVersionId: 'v3',
      UpdateDate: new Date('2026-05-01T00:00:00Z'),
    });
    const { Versions } = await listVersions({ PolicyArn: arn }, callContext());
    expect(Versions?.map((v) => v.VersionId)).toEqual(['v3', 'v1']);
  });

  it('refuses a sixth version and writes nothing', async () => {
    const { policy, createVersion, listVersions } = setup();
    const arn = await policy('reader');
    for (let n = 2; n <= 5; n++) createVersion({ PolicyArn: arn, PolicyDocument: version(n) }, callContext());
    expect(() => createVersion({ PolicyArn: arn, PolicyDocument: version(6) }, callContext())).toThrow(
      expect.objectContaining({
        code: 'LimitExceeded',
        message:
          'A managed policy can have up to 5 versions. Before you create a new version, you must delete an ' +
          'existing version.',
      }),
    );
    expect((await listVersions({ PolicyArn: arn }, callContext())).Versions).toHaveLength(5);
  });

  it('refuses to change an AWS managed policy as AccessDenied naming the caller', async () => {
    const { createVersion, setDefault } = setup();
    const arn = 'arn:aws:iam::aws:policy/PowerUserAccess';
    expect(() => createVersion({ PolicyArn: arn, PolicyDocument: version(2) }, callContext())).toThrow(
      expect.objectContaining({
        code: 'AccessDenied',
        status: 403,
        message:
          'User: arn:aws:iam::000000000000:root is not authorized to perform: iam:CreatePolicyVersion on resource: ' +
          `policy ${arn}`,
      }),
    );
    expect(() => setDefault({ PolicyArn: arn, VersionId: 'v12' }, callContext())).toThrow(
      expect.objectContaining({ code: 'AccessDenied' }),
    );
    // idpool keeps only the default version of an AWS managed policy, and says so.
    expect(() => setDefault({ PolicyArn: arn, VersionId: 'v1' }, callContext())).toThrow(
      expect.objectContaining({
        code: 'NoSuchEntity',
        message: expect.stringContaining('keeps only the default version (v12)'),
      }),
    );
  });
});

describe('DeletePolicyVersion and DeletePolicy', () => {
  it('refuse the default version, a policy with other versions and an attached policy, in that order', async () => {
    const { role, policy, createVersion, deleteVersion, setDefault, remove, attach, get } = setup();
    const arn = await policy('reader');
    createVersion({ PolicyArn: arn, PolicyDocument: version(2) }, callContext());
    expect(() => deleteVersion({ PolicyArn: arn, VersionId: 'v1' }, callContext())).toThrow(
      expect.objectContaining({ code: 'DeleteConflict', message: 'Cannot delete the default version of a policy.' }),
    );
    await role('app');
    attach({ RoleName: 'app', PolicyArn: arn }, callContext());
    expect(() => remove({ PolicyArn: arn }, callContext())).toThrow(
      expect.objectContaining({ code: 'DeleteConflict', message: 'Cannot delete a policy attached to entities.' }),
    );
    const other = await policy('other');
    createVersion({ PolicyArn: other, PolicyDocument: version(2) }, callContext());
    expect(() => remove({ PolicyArn: other }, callContext())).toThrow(
      expect.objectContaining({
        code: 'DeleteConflict',
        message: expect.stringMatching(/^This policy has more than one/),
      }),
    );
    setDefault({ PolicyArn: other, VersionId: 'v2' }, callContext());
    deleteVersion({ PolicyArn: other, VersionId: 'v1' }, callContext());
    expect(remove({ PolicyArn: other }, callContext())).toEqual({});
    expect(() => get({ PolicyArn: other }, callContext())).toThrow(
      expect.objectContaining({ code: 'NoSuchEntity', message: `Policy ${other} was not found.` }),
    );
  });
});
