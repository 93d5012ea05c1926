import {
  CreateRoleCommand,
  DeleteRoleCommand,
  GetRoleCommand,
  ListRolesCommand,
  ListRoleTagsCommand,
  TagRoleCommand,
  UntagRoleCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateRoleCommand,
} from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { awsError, useEmulator } from '../support/emulator.js';
import { decoded, trustPolicy } from './documents.js';

describe('IAM roles', () => {
  const ctx = useEmulator();
  const iam = () => ctx.clients.iam;

  it(
    'creates a role as AWS makes one: ' + 'AROA id, ARN with path, URL-encoded trust policy, default session length',
    async () => {
      const document = trustPolicy();
      const created = await iam().send(
        new CreateRoleCommand({
          RoleName: 'hello-lambda',
          AssumeRolePolicyDocument: document,
          Description: 'runs hello',
        }),
      );
      const role = created.Role!;
      expect(role.RoleId).toMatch(/^AROA[A-Z2-7]{17}$/);
      expect(role.Arn).toBe(`arn:aws:iam::${ctx.emulator.accountId}:role/hello-lambda`);
      expect(role.Path).toBe('/');
      expect(role.AssumeRolePolicyDocument).toBe(encodeURIComponent(document));
      expect(decoded(role.AssumeRolePolicyDocument)).toBe(document);
      expect(role.CreateDate).toBeInstanceOf(Date);
      // CreateRole leaves these out, as recorded from AWS; GetRole has them.
      expect(role.MaxSessionDuration).toBeUndefined();
      expect(role.Description).toBeUndefined();

      const fetched = (await iam().send(new GetRoleCommand({ RoleName: 'hello-lambda' }))).Role!;
      expect(fetched).toMatchObject({
        RoleId: role.RoleId,
        Arn: role.Arn,
        MaxSessionDuration: 3600,
        Description: 'runs hello',
        RoleLastUsed: {},
      });
      expect(decoded(fetched.AssumeRolePolicyDocument)).toBe(document);
      expect(fetched.CreateDate?.getTime()).toBe(role.CreateDate?.getTime());
    },
  );

  it('puts the path into the ARN and filters ListRoles by path prefix', async () => {
    const created = await iam().send(
      new CreateRoleCommand({
        RoleName: 'pathed',
        Path: '/service-role/idpool/',
        AssumeRolePolicyDocument: trustPolicy(),
      }),
    );
    expect(created.Role?.Arn).toBe(`arn:aws:iam::${ctx.emulator.accountId}:role/service-role/idpool/pathed`);
    const listed = await iam().send(new ListRolesCommand({ PathPrefix: '/service-role/' }));
    expect(listed.Roles?.map((role) => role.RoleName)).toEqual(['pathed']);
    expect(listed.Roles?.[0]).toMatchObject({ MaxSessionDuration: 3600, Path: '/service-role/idpool/' });
    expect(listed.Roles?.[0]?.Tags).toBeUndefined();
    expect((await iam().send(new ListRolesCommand({ PathPrefix: '/nothing-here/' }))).Roles).toEqual([]);
  });

  it(
    'treats role names without case: ' + 'a second role differing only in case already exists, lookups find the first',
    async () => {
      await iam().send(new CreateRoleCommand({ RoleName: 'CaseRole', AssumeRolePolicyDocument: trustPolicy() }));
      const error = await awsError(
        iam().send(new CreateRoleCommand({ RoleName: 'caserole', AssumeRolePolicyDocument: trustPolicy() })),
      );
      expect(error.name).toBe('EntityAlreadyExistsException');
      expect(error.message).toBe('Role with name caserole already exists.');
      expect(error.$metadata.httpStatusCode).toBe(409);
      const found = await iam().send(new GetRoleCommand({ RoleName: 'CASEROLE' }));
      expect(found.Role?.RoleName).toBe('CaseRole');
    },
  );

  it('answers NoSuchEntity 404 for a role that does not exist, on every role operation', async () => {
    const calls = [
      iam().send(new GetRoleCommand({ RoleName: 'nope' })),
      iam().send(new DeleteRoleCommand({ RoleName: 'nope' })),
      iam().send(new UpdateRoleCommand({ RoleName: 'nope', Description: 'x' })),
      iam().send(new UpdateAssumeRolePolicyCommand({ RoleName: 'nope', PolicyDocument: trustPolicy() })),
      iam().send(new TagRoleCommand({ RoleName: 'nope', Tags: [{ Key: 'k', Value: 'v' }] })),
      iam().send(new UntagRoleCommand({ RoleName: 'nope', TagKeys: ['k'] })),
      iam().send(new ListRoleTagsCommand({ RoleName: 'nope' })),
    ];
    for (const call of calls) {
      const error = await awsError(call);
      expect(error.name).toBe('NoSuchEntityException');
      expect(error.message).toBe('The role with name nope cannot be found.');
      expect(error.$metadata.httpStatusCode).toBe(404);
    }
  });

  it('refuses a malformed trust policy with MalformedPolicyDocument and the validator message', async () => {
    const notJson = await awsError(
      iam().send(new CreateRoleCommand({ RoleName: 'broken', AssumeRolePolicyDocument: '{"Version": ' })),
    );
    expect(notJson.name).toBe('MalformedPolicyDocumentException');
    expect(notJson.message).toBe('This policy contains invalid Json');
    expect(notJson.$metadata.httpStatusCode).toBe(400);
    const nonSts = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 's3:GetObject' }],
    });
    const action = await awsError(
      iam().send(new CreateRoleCommand({ RoleName: 'broken', AssumeRolePolicyDocument: nonSts })),
    );
    expect(action.message).toBe('AssumeRole policy may only specify STS AssumeRole actions.');
    const withResource = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole', Resource: '*' },
      ],
    });
    const resource = await awsError(
      iam().send(new CreateRoleCommand({ RoleName: 'broken', AssumeRolePolicyDocument: withResource })),
    );
    expect(resource.name).toBe('MalformedPolicyDocumentException');
    expect(resource.message).toBe('Has prohibited field Resource');
    await expect(iam().send(new GetRoleCommand({ RoleName: 'broken' }))).rejects.toThrow();
  });

  it('refuses a trust policy over 2,048 characters (white space not counted) with LimitExceeded 409', async () => {
    const principals = Array.from(
      { length: 80 },
      (_, index) => `arn:aws:iam::123456789012:role/trusted-role-number-${index}`,
    );
    const large = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: principals }, Action: 'sts:AssumeRole' }],
    });
    const error = await awsError(
      iam().send(new CreateRoleCommand({ RoleName: 'large-trust', AssumeRolePolicyDocument: large })),
    );
    expect(error.name).toBe('LimitExceededException');
    expect(error.message).toBe('Cannot exceed quota for ACLSizePerRole: 2048');
    expect(error.$metadata.httpStatusCode).toBe(409);
  });

  it('replaces the trust policy with UpdateAssumeRolePolicy, refusing a malformed one', async () => {
    await iam().send(new CreateRoleCommand({ RoleName: 'retrusted', AssumeRolePolicyDocument: trustPolicy() }));
    const replacement = trustPolicy('apigateway.amazonaws.com');
    await iam().send(new UpdateAssumeRolePolicyCommand({ RoleName: 'RETRUSTED', PolicyDocument: replacement }));
    expect(
      decoded((await iam().send(new GetRoleCommand({ RoleName: 'retrusted' }))).Role?.AssumeRolePolicyDocument),
    ).toBe(replacement);
    expect(ctx.emulator.runtime.iam.findRole(ctx.emulator.accountId, 'retrusted')?.assumeRolePolicy).toBe(replacement);

    const error = await awsError(
      iam().send(new UpdateAssumeRolePolicyCommand({ RoleName: 'retrusted', PolicyDocument: '[]' })),
    );
    expect(error.name).toBe('MalformedPolicyDocumentException');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(
      decoded((await iam().send(new GetRoleCommand({ RoleName: 'retrusted' }))).Role?.AssumeRolePolicyDocument),
    ).toBe(replacement);
  });

  it('updates the description and the maximum session duration, within 3600–43200 seconds', async () => {
    await iam().send(
      new CreateRoleCommand({
        RoleName: 'updated',
        AssumeRolePolicyDocument: trustPolicy(),
        MaxSessionDuration: 43200,
      }),
    );
    expect((await iam().send(new GetRoleCommand({ RoleName: 'updated' }))).Role?.MaxSessionDuration).toBe(43200);
    await iam().send(
      new UpdateRoleCommand({ RoleName: 'updated', Description: 'new words', MaxSessionDuration: 7200 }),
    );
    const role = (await iam().send(new GetRoleCommand({ RoleName: 'updated' }))).Role!;
    expect(role).toMatchObject({ Description: 'new words', MaxSessionDuration: 7200 });

    const tooShort = await awsError(
      iam().send(new UpdateRoleCommand({ RoleName: 'updated', MaxSessionDuration: 100 })),
    );
    expect(tooShort.name).toBe('ValidationError');
    expect(tooShort.message).toBe(
      "1 validation error detected: Value at 'maxSessionDuration' failed to satisfy constraint: " +
        'Member must have value greater than or equal to 3600',
    );
    expect(tooShort.$metadata.httpStatusCode).toBe(400);
    const tooLong = await awsError(
      iam().send(
        new CreateRoleCommand({
          RoleName: 'too-long',
          AssumeRolePolicyDocument: trustPolicy(),
          MaxSessionDuration: 43201,
        }),
      ),
    );
    expect(tooLong.name).toBe('ValidationError');
  });

  it('answers ValidationError with IAM wording (no value quoted) for a name the model refuses', async () => {
    const error = await awsError(
      iam().send(new CreateRoleCommand({ RoleName: 'has space', AssumeRolePolicyDocument: trustPolicy() })),
    );
    expect(error.name).toBe('ValidationError');
    expect(error.message).toBe(
      "1 validation error detected: Value at 'roleName' failed to satisfy constraint: " +
        'Member must satisfy regular expression pattern: [\\w+=,.@-]+',
    );
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('tags roles: merge by key without case, list a page at a time, untag, and refuse duplicate keys', async () => {
    const created = await iam().send(
      new CreateRoleCommand({
        RoleName: 'tagged',
        AssumeRolePolicyDocument: trustPolicy(),
        Tags: [{ Key: 'team', Value: 'identity' }],
      }),
    );
    expect(created.Role?.Tags).toEqual([{ Key: 'team', Value: 'identity' }]);
    await iam().send(
      new TagRoleCommand({
        RoleName: 'tagged',
        Tags: [
          { Key: 'Team', Value: 'platform' },
          { Key: 'env', Value: '' },
        ],
      }),
    );
    const first = await iam().send(new ListRoleTagsCommand({ RoleName: 'tagged', MaxItems: 1 }));
    expect(first).toMatchObject({ Tags: [{ Key: 'env', Value: '' }], IsTruncated: true });
    const second = await iam().send(new ListRoleTagsCommand({ RoleName: 'tagged', MaxItems: 1, Marker: first.Marker }));
    expect(second.Tags).toEqual([{ Key: 'Team', Value: 'platform' }]);
    expect(second.IsTruncated).toBe(false);
    expect(second.Marker).toBeUndefined();

    await iam().send(new UntagRoleCommand({ RoleName: 'tagged', TagKeys: ['TEAM', 'absent'] }));
    expect((await iam().send(new GetRoleCommand({ RoleName: 'tagged' }))).Role?.Tags).toEqual([
      { Key: 'env', Value: '' },
    ]);

    const duplicate = await awsError(
      iam().send(
        new TagRoleCommand({
          RoleName: 'tagged',
          Tags: [
            { Key: 'a', Value: '1' },
            { Key: 'A', Value: '2' },
          ],
        }),
      ),
    );
    expect(duplicate.name).toBe('InvalidInputException');
    expect(duplicate.message).toBe('Duplicate tag keys found. Please note that Tag keys are case insensitive.');
    expect(duplicate.$metadata.httpStatusCode).toBe(400);
  });

  it('refuses more than 50 tags on a role', async () => {
    const tags = Array.from({ length: 30 }, (_, index) => ({ Key: `key-${index}`, Value: 'v' }));
    await iam().send(
      new CreateRoleCommand({ RoleName: 'many-tags', AssumeRolePolicyDocument: trustPolicy(), Tags: tags }),
    );
    const more = Array.from({ length: 21 }, (_, index) => ({ Key: `more-${index}`, Value: 'v' }));
    const error = await awsError(iam().send(new TagRoleCommand({ RoleName: 'many-tags', Tags: more })));
    expect(error.name).toBe('LimitExceededException');
    expect(error.$metadata.httpStatusCode).toBe(409);
    const tooMany = await awsError(iam().send(new TagRoleCommand({ RoleName: 'many-tags', Tags: [...tags, ...more] })));
    expect(tooMany.name).toBe('ValidationError');
    expect(tooMany.message).toBe(
      "1 validation error detected: Value at 'tags' failed to satisfy constraint: " +
        'Member must have length less than or equal to 50',
    );
  });

  it('pages ListRoles with Marker and MaxItems and refuses a marker it never gave', async () => {
    for (const index of [3, 1, 4, 0, 2]) {
      await iam().send(
        new CreateRoleCommand({ RoleName: `paged-${index}`, Path: '/paged/', AssumeRolePolicyDocument: trustPolicy() }),
      );
    }
    const names: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const page = await iam().send(new ListRolesCommand({ PathPrefix: '/paged/', MaxItems: 2, Marker: marker }));
      names.push(...(page.Roles ?? []).map((role) => role.RoleName!));
      expect(page.IsTruncated).toBe(page.Marker !== undefined);
      marker = page.Marker;
      pages++;
    } while (marker);
    expect(names).toEqual(['paged-0', 'paged-1', 'paged-2', 'paged-3', 'paged-4']);
    expect(pages).toBe(3);

    const error = await awsError(iam().send(new ListRolesCommand({ Marker: 'not a marker' })));
    expect(error.name).toBe('ValidationError');
    expect(error.message).toBe('Invalid Marker.');
  });

  it('deletes a role', async () => {
    await iam().send(new CreateRoleCommand({ RoleName: 'short-lived', AssumeRolePolicyDocument: trustPolicy() }));
    await iam().send(new DeleteRoleCommand({ RoleName: 'Short-Lived' }));
    const error = await awsError(iam().send(new GetRoleCommand({ RoleName: 'short-lived' })));
    expect(error.name).toBe('NoSuchEntityException');
    expect(ctx.emulator.runtime.iam.findRole(ctx.emulator.accountId, 'short-lived')).toBeUndefined();
  });

  it('answers UnsupportedFeature for a permissions boundary, which idpool does not apply', async () => {
    const error = await awsError(
      iam().send(
        new CreateRoleCommand({
          RoleName: 'bounded',
          AssumeRolePolicyDocument: trustPolicy(),
          PermissionsBoundary: 'arn:aws:iam::aws:policy/PowerUserAccess',
        }),
      ),
    );
    expect(error.name).toBe('UnsupportedFeature');
    expect(error.message).toContain('permissions boundaries');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });
});
