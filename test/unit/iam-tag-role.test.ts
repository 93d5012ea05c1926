import { describe, expect, it } from 'vitest';
import { listRoleTags } from '../../emulator/services/iam/list-role-tags.js';
import { tagRole } from '../../emulator/services/iam/tag-role.js';
import { untagRole } from '../../emulator/services/iam/untag-role.js';
import { callContext } from '../support/call-context.js';
import { iamSetup } from './iam-setup.js';

function setup() {
  const fixture = iamSetup();
  const { iam } = fixture;
  return {
    ...fixture,
    tag: tagRole.build({ iam }),
    untag: untagRole.build({ iam }),
    list: listRoleTags.build({ iam }),
  };
}

describe('TagRole and UntagRole', () => {
  it('give a key the role has in another case the new key and value, and remove keys without case', async () => {
    const { role, tag, untag, list } = setup();
    await role('app');
    tag(
      {
        RoleName: 'app',
        Tags: [
          { Key: 'Team', Value: 'a' },
          { Key: 'env', Value: 'dev' },
        ],
      },
      callContext(),
    );
    tag({ RoleName: 'APP', Tags: [{ Key: 'team', Value: 'b' }] }, callContext());
    expect((await list({ RoleName: 'app' }, callContext())).Tags).toEqual([
      { Key: 'env', Value: 'dev' },
      { Key: 'team', Value: 'b' },
    ]);
    untag({ RoleName: 'app', TagKeys: ['ENV', 'absent'] }, callContext());
    expect((await list({ RoleName: 'app' }, callContext())).Tags).toEqual([{ Key: 'team', Value: 'b' }]);
  });

  it('refuse a 51st tag and keep the 50 the role has', async () => {
    const { role, tag, list } = setup();
    await role('app');
    const fifty = Array.from({ length: 50 }, (_, n) => ({ Key: `k${String(n).padStart(2, '0')}`, Value: 'v' }));
    tag({ RoleName: 'app', Tags: fifty }, callContext());
    expect(() => tag({ RoleName: 'app', Tags: [{ Key: 'one-more', Value: 'v' }] }, callContext())).toThrow(
      expect.objectContaining({ code: 'LimitExceeded', message: 'Cannot exceed quota for TagsPerRole: 50' }),
    );
    // Replacing a value of a key the role has is no new tag.
    tag({ RoleName: 'app', Tags: [{ Key: 'K00', Value: 'w' }] }, callContext());
    const tags = (await list({ RoleName: 'app' }, callContext())).Tags ?? [];
    expect(tags).toHaveLength(50);
    expect(tags[0]).toEqual({ Key: 'K00', Value: 'w' });
  });

  it('refuse duplicate keys before looking for the role, and an unknown role', async () => {
    const { tag, untag } = setup();
    const duplicates = [
      { Key: 'a', Value: '1' },
      { Key: 'A', Value: '2' },
    ];
    expect(() => tag({ RoleName: 'nobody', Tags: duplicates }, callContext())).toThrow(
      expect.objectContaining({ code: 'InvalidInput' }),
    );
    expect(() => tag({ RoleName: 'nobody', Tags: [{ Key: 'a', Value: '1' }] }, callContext())).toThrow(
      expect.objectContaining({ code: 'NoSuchEntity', message: 'The role with name nobody cannot be found.' }),
    );
    expect(() => untag({ RoleName: 'nobody', TagKeys: ['a'] }, callContext())).toThrow(
      expect.objectContaining({ code: 'NoSuchEntity' }),
    );
  });
});
