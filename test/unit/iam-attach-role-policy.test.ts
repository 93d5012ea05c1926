import { describe, expect, it } from 'vitest';
import { attachRolePolicy } from '../../emulator/services/iam/attach-role-policy.js';
import { detachRolePolicy } from '../../emulator/services/iam/detach-role-policy.js';
import { callContext } from '../support/call-context.js';
import { accountId, iamSetup, otherAccount } from './iam-setup.js';

const basicExecution = 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole';

function setup() {
  const fixture = iamSetup();
  const { iam } = fixture;
  return { ...fixture, attach: attachRolePolicy.build({ iam }), detach: detachRolePolicy.build({ iam }) };
}

describe('AttachRolePolicy', () => {
  it('attaches a customer managed policy and an AWS managed one; attaching again changes nothing', async () => {
    const { iam, role, policy, attach } = setup();
    await role('app');
    const own = await policy('reader');
    attach({ RoleName: 'app', PolicyArn: own }, callContext());
    attach({ RoleName: 'APP', PolicyArn: basicExecution }, callContext());
    expect(attach({ RoleName: 'app', PolicyArn: own }, callContext())).toEqual({});
    expect(iam.attachedPolicyArns(accountId, 'app')).toEqual([basicExecution, own].sort());
  });

  it('refuses the 11th policy of a role, but not one of its 10 again', async () => {
    const { iam, role, policy, attach } = setup();
    await role('app');
    const arns = await Promise.all(Array.from({ length: 11 }, (_, n) => policy(`policy-${n}`)));
    for (const arn of arns.slice(0, 10)) attach({ RoleName: 'app', PolicyArn: arn }, callContext());
    expect(() => attach({ RoleName: 'app', PolicyArn: arns[10] }, callContext())).toThrow(
      expect.objectContaining({ code: 'LimitExceeded', message: 'Cannot exceed quota for PoliciesPerRole: 10' }),
    );
    expect(attach({ RoleName: 'app', PolicyArn: arns[0] }, callContext())).toEqual({});
    expect(iam.attachedPolicyArns(accountId, 'app')).toHaveLength(10);
  });

  it('checks the ARN, then the role, then the policy, as AWS does', async () => {
    const { role, policy, attach } = setup();
    const missingPolicy = `arn:aws:iam::${accountId}:policy/missing`;
    expect(() => attach({ RoleName: 'nobody', PolicyArn: 'not-an-arn' }, callContext())).toThrow(
      expect.objectContaining({ code: 'ValidationError', message: 'Invalid ARN:  Could not be parsed!' }),
    );
    expect(() => attach({ RoleName: 'nobody', PolicyArn: missingPolicy }, callContext())).toThrow(
      expect.objectContaining({ code: 'NoSuchEntity', message: 'The role with name nobody cannot be found.' }),
    );
    await role('app');
    expect(() => attach({ RoleName: 'app', PolicyArn: missingPolicy }, callContext())).toThrow(
      expect.objectContaining({
        code: 'NoSuchEntity',
        message: `Policy ${missingPolicy} does not exist or is not attachable.`,
      }),
    );
    // Another account's policy is not visible.
    const foreign = (await policy('reader')).replace(accountId, otherAccount);
    expect(() => attach({ RoleName: 'app', PolicyArn: foreign }, callContext())).toThrow(
      expect.objectContaining({ code: 'NoSuchEntity' }),
    );
  });

  it("names the catalog's policy when an AWS managed policy ARN misses its path", async () => {
    const { role, attach } = setup();
    await role('app');
    const withoutPath = 'arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole';
    expect(() => attach({ RoleName: 'app', PolicyArn: withoutPath }, callContext())).toThrow(
      expect.objectContaining({
        message:
          `Policy ${withoutPath} does not exist or is not attachable. It is ${basicExecution}: ` +
          'the path is part of the ARN.',
      }),
    );
  });
});

describe('DetachRolePolicy', () => {
  it('detaches an attached policy, and answers "not found" for one that is not attached', async () => {
    const { iam, role, policy, attach, detach } = setup();
    await role('app');
    const arn = await policy('reader');
    attach({ RoleName: 'app', PolicyArn: arn }, callContext());
    expect(detach({ RoleName: 'App', PolicyArn: arn }, callContext())).toEqual({});
    expect(iam.attachedPolicyArns(accountId, 'app')).toEqual([]);
    expect(() => detach({ RoleName: 'app', PolicyArn: arn }, callContext())).toThrow(
      expect.objectContaining({ code: 'NoSuchEntity', message: `Policy ${arn} was not found.` }),
    );
    expect(() => detach({ RoleName: 'nobody', PolicyArn: arn }, callContext())).toThrow(
      expect.objectContaining({ code: 'NoSuchEntity', message: 'The role with name nobody cannot be found.' }),
    );
  });
});
