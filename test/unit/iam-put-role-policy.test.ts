import { describe, expect, it } from 'vitest';
import { getRolePolicy } from '../../emulator/services/iam/get-role-policy.js';
import { putRolePolicy } from '../../emulator/services/iam/put-role-policy.js';
import { callContext } from '../support/call-context.js';
import { accountId, document, iamSetup, readLogs } from './iam-setup.js';

function setup() {
  const fixture = iamSetup();
  const { iam } = fixture;
  return { ...fixture, put: putRolePolicy.build({ iam }), get: getRolePolicy.build({ iam }) };
}

/** A valid identity policy of exactly `size` characters without white space. */
function policyOfSize(size: number): string {
  const base = document({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/' });
  const padded = document({
    Effect: 'Allow',
    Action: 's3:GetObject',
    Resource: `arn:aws:s3:::b/${'x'.repeat(size - base.length)}`,
  });
  expect(padded.length).toBe(size);
  return padded;
}

describe('PutRolePolicy', () => {
  it('adds and replaces a policy, answered URL-encoded by GetRolePolicy under the names as stored', async () => {
    const { role, put, get } = setup();
    await role('App');
    put({ RoleName: 'app', PolicyName: 'logs', PolicyDocument: readLogs }, callContext());
    const replaced = document({ Effect: 'Deny', Action: 'logs:*', Resource: '*' });
    put({ RoleName: 'app', PolicyName: 'logs', PolicyDocument: replaced }, callContext());
    expect(get({ RoleName: 'APP', PolicyName: 'logs' }, callContext())).toEqual({
      RoleName: 'App',
      PolicyName: 'logs',
      PolicyDocument: encodeURIComponent(replaced),
    });
    expect(() => get({ RoleName: 'app', PolicyName: 'Logs' }, callContext())).toThrow(
      expect.objectContaining({ code: 'NoSuchEntity', message: 'The role policy with name Logs cannot be found.' }),
    );
  });

  it('refuses an unknown role before a malformed document', async () => {
    const { role, put } = setup();
    const malformed = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*' }] });
    expect(() => put({ RoleName: 'nobody', PolicyName: 'p', PolicyDocument: malformed }, callContext())).toThrow(
      expect.objectContaining({ code: 'NoSuchEntity' }),
    );
    await role('app');
    expect(() => put({ RoleName: 'app', PolicyName: 'p', PolicyDocument: malformed }, callContext())).toThrow(
      expect.objectContaining({ code: 'MalformedPolicyDocument' }),
    );
  });

  it("counts all of the role's inline policies against 10,240 characters, a replaced one once", async () => {
    const { iam, role, put } = setup();
    await role('app');
    put({ RoleName: 'app', PolicyName: 'a', PolicyDocument: policyOfSize(6000) }, callContext());
    put({ RoleName: 'app', PolicyName: 'b', PolicyDocument: policyOfSize(4240) }, callContext());
    // Replacing b with a document of the same size still fits: b's old document does not count.
    put({ RoleName: 'app', PolicyName: 'b', PolicyDocument: policyOfSize(4240) }, callContext());
    expect(() => put({ RoleName: 'app', PolicyName: 'b', PolicyDocument: policyOfSize(4241) }, callContext())).toThrow(
      expect.objectContaining({
        code: 'LimitExceeded',
        message: 'Maximum policy size of 10240 bytes exceeded for role app',
      }),
    );
    expect(iam.inlinePolicies(accountId, 'app').map((policy) => policy.document.length)).toEqual([6000, 4240]);
  });
});
