import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  DeletePolicyCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  ListAttachedRolePoliciesCommand,
  ListEntitiesForPolicyCommand,
  ListPoliciesCommand,
  ListPolicyVersionsCommand,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { awsManagedPolicies } from '../../emulator/store/aws-managed-policies.js';
import { awsError, useEmulator } from '../support/emulator.js';
import { allowPolicy, decoded, trustPolicy } from './documents.js';

const basicExecution = 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole';
const invokeFullAccess = 'arn:aws:iam::aws:policy/AmazonAPIGatewayInvokeFullAccess';

describe('IAM managed policy attachments and the AWS managed policy catalog', () => {
  const ctx = useEmulator();
  const iam = () => ctx.clients.iam;
  const account = () => ctx.emulator.accountId;

  it('attaches AWS managed policies of the catalog, whose documents then apply to the role', async () => {
    await iam().send(new CreateRoleCommand({ RoleName: 'hello-lambda', AssumeRolePolicyDocument: trustPolicy() }));
    await iam().send(new AttachRolePolicyCommand({ RoleName: 'hello-lambda', PolicyArn: basicExecution }));
    await iam().send(new AttachRolePolicyCommand({ RoleName: 'HELLO-LAMBDA', PolicyArn: basicExecution }));
    const attached = await iam().send(new ListAttachedRolePoliciesCommand({ RoleName: 'hello-lambda' }));
    expect(attached.AttachedPolicies).toEqual([
      { PolicyName: 'AWSLambdaBasicExecutionRole', PolicyArn: basicExecution },
    ]);

    const documents = ctx.emulator.runtime.iam
      .identityPolicyDocuments(account(), 'hello-lambda')
      .map((text) => JSON.parse(text) as unknown);
    expect(documents).toEqual([
      {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
            Resource: '*',
          },
        ],
      },
    ]);
    expect(ctx.emulator.runtime.iam.attachedPolicyArns(account(), 'hello-lambda')).toEqual([basicExecution]);

    const policy = (await iam().send(new GetPolicyCommand({ PolicyArn: basicExecution }))).Policy!;
    expect(policy).toMatchObject({
      PolicyName: 'AWSLambdaBasicExecutionRole',
      Path: '/service-role/',
      DefaultVersionId: 'v1',
      AttachmentCount: 1,
      IsAttachable: true,
    });
    expect(policy.PolicyId).toMatch(/^ANPA[A-Z2-7]{17}$/);
    expect(policy.CreateDate?.toISOString()).toBe('2015-04-09T15:03:00.000Z');
    const version = (await iam().send(new GetPolicyVersionCommand({ PolicyArn: basicExecution, VersionId: 'v1' })))
      .PolicyVersion!;
    expect(JSON.parse(decoded(version.Document))).toEqual(documents[0]);
    expect(
      (await iam().send(new ListPolicyVersionsCommand({ PolicyArn: basicExecution }))).Versions?.map(
        (v) => v.VersionId,
      ),
    ).toEqual(['v1']);

    const entities = await iam().send(new ListEntitiesForPolicyCommand({ PolicyArn: basicExecution }));
    const roleId = (await iam().send(new GetRoleCommand({ RoleName: 'hello-lambda' }))).Role?.RoleId;
    expect(entities).toMatchObject({
      PolicyRoles: [{ RoleName: 'hello-lambda', RoleId: roleId }],
      PolicyUsers: [],
      PolicyGroups: [],
      IsTruncated: false,
    });
    const onlyUsers = await iam().send(
      new ListEntitiesForPolicyCommand({ PolicyArn: basicExecution, EntityFilter: 'User' }),
    );
    expect(onlyUsers.PolicyRoles).toEqual([]);
    const attachedPolicies = await iam().send(new ListPoliciesCommand({ OnlyAttached: true }));
    expect(attachedPolicies.Policies?.map((listed) => [listed.Arn, listed.AttachmentCount])).toEqual([
      [basicExecution, 1],
    ]);
  });

  it('has every catalog policy, each with a document the policy validator accepts', async () => {
    const listed = await iam().send(new ListPoliciesCommand({ Scope: 'AWS' }));
    expect(listed.Policies?.map((policy) => policy.PolicyName).sort()).toEqual(
      awsManagedPolicies.map((policy) => policy.name).sort(),
    );
    for (const policy of awsManagedPolicies) {
      const arn = `arn:aws:iam::aws:policy${policy.path}${policy.name}`;
      const version = (
        await iam().send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: policy.defaultVersionId }))
      ).PolicyVersion!;
      expect(JSON.parse(decoded(version.Document))).toEqual(policy.document);
      // The catalog's documents must pass what IAM checks, or attaching them would teach users wrong things.
      const copy = await iam().send(
        new CreatePolicyCommand({ PolicyName: `Copy${policy.name}`, PolicyDocument: JSON.stringify(policy.document) }),
      );
      expect(copy.Policy?.DefaultVersionId).toBe('v1');
    }
  });

  it('answers NoSuchEntity naming an AWS managed policy the catalog does not have, and saying so', async () => {
    const arn = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
    const error = await awsError(iam().send(new AttachRolePolicyCommand({ RoleName: 'hello-lambda', PolicyArn: arn })));
    expect(error.name).toBe('NoSuchEntityException');
    expect(error.message).toMatch(
      new RegExp(
        /^Policy arn:aws:iam::aws:policy\/ReadOnlyAccess does not exist or is not attachable\. /.source +
          /idpool's catalog of AWS managed policies does not have it/.source,
      ),
    );
    expect(error.message).toContain('AWSLambdaBasicExecutionRole');
    expect(error.$metadata.httpStatusCode).toBe(404);
    const get = await awsError(iam().send(new GetPolicyCommand({ PolicyArn: arn })));
    expect(get.message).toMatch(/^Policy arn:aws:iam::aws:policy\/ReadOnlyAccess was not found\. idpool's catalog/);
    expect(ctx.emulator.runtime.iam.attachedPolicyArns(account(), 'hello-lambda')).toEqual([basicExecution]);

    const withoutPath = await awsError(
      iam().send(
        new AttachRolePolicyCommand({
          RoleName: 'hello-lambda',
          PolicyArn: 'arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole',
        }),
      ),
    );
    expect(withoutPath.name).toBe('NoSuchEntityException');
    expect(withoutPath.message).toBe(
      'Policy arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole does not exist or is not attachable. ' +
        `It is ${basicExecution}: the path is part of the ARN.`,
    );
  });

  it(
    'answers NoSuchEntity for a customer policy that does not exist, a role that does not exist, ' +
      'and a detach of what is not attached',
    async () => {
      const missing = `arn:aws:iam::${account()}:policy/nonexistent-policy`;
      const attach = await awsError(
        iam().send(new AttachRolePolicyCommand({ RoleName: 'hello-lambda', PolicyArn: missing })),
      );
      expect(attach.name).toBe('NoSuchEntityException');
      expect(attach.message).toBe(`Policy ${missing} does not exist or is not attachable.`);
      expect(attach.$metadata.httpStatusCode).toBe(404);
      const entities = await awsError(iam().send(new ListEntitiesForPolicyCommand({ PolicyArn: missing })));
      expect(entities.message).toBe(`Policy ${missing} does not exist or is not attachable.`);

      const noRole = await awsError(
        iam().send(new AttachRolePolicyCommand({ RoleName: 'ghost', PolicyArn: basicExecution })),
      );
      expect(noRole.message).toBe('The role with name ghost cannot be found.');
      expect((await awsError(iam().send(new ListAttachedRolePoliciesCommand({ RoleName: 'ghost' })))).name).toBe(
        'NoSuchEntityException',
      );

      const detach = await awsError(
        iam().send(new DetachRolePolicyCommand({ RoleName: 'hello-lambda', PolicyArn: invokeFullAccess })),
      );
      expect(detach.name).toBe('NoSuchEntityException');
      expect(detach.message).toBe(`Policy ${invokeFullAccess} was not found.`);
      expect(detach.$metadata.httpStatusCode).toBe(404);

      const notAnArn = await awsError(
        iam().send(new AttachRolePolicyCommand({ RoleName: 'hello-lambda', PolicyArn: 'longpolicynamebutnoarn' })),
      );
      expect(notAnArn.name).toBe('ValidationError');
      expect(notAnArn.message).toBe('Invalid ARN:  Could not be parsed!');
      expect(notAnArn.$metadata.httpStatusCode).toBe(400);
    },
  );

  it('applies the default version of an attached customer policy, following SetAsDefault', async () => {
    await iam().send(
      new CreateRoleCommand({
        RoleName: 'Authenticated',
        AssumeRolePolicyDocument: trustPolicy('cognito-identity.amazonaws.com'),
      }),
    );
    const arn = (
      await iam().send(
        new CreatePolicyCommand({
          PolicyName: 'Invoke',
          Path: '/apis/',
          PolicyDocument: allowPolicy('execute-api:Invoke'),
        }),
      )
    ).Policy!.Arn!;
    await iam().send(new AttachRolePolicyCommand({ RoleName: 'Authenticated', PolicyArn: arn }));
    await iam().send(new AttachRolePolicyCommand({ RoleName: 'Authenticated', PolicyArn: invokeFullAccess }));
    expect(ctx.emulator.runtime.iam.identityPolicyDocuments(account(), 'Authenticated')).toContain(
      allowPolicy('execute-api:Invoke'),
    );

    await iam().send(
      new CreatePolicyVersionCommand({
        PolicyArn: arn,
        PolicyDocument: allowPolicy('execute-api:Invoke', 'arn:aws:execute-api:*:*:abc/*'),
        SetAsDefault: true,
      }),
    );
    const documents = ctx.emulator.runtime.iam.identityPolicyDocuments(account(), 'Authenticated');
    expect(documents).toContain(allowPolicy('execute-api:Invoke', 'arn:aws:execute-api:*:*:abc/*'));
    expect(documents).not.toContain(allowPolicy('execute-api:Invoke'));

    const byPath = await iam().send(
      new ListAttachedRolePoliciesCommand({ RoleName: 'Authenticated', PathPrefix: '/apis/' }),
    );
    expect(byPath.AttachedPolicies).toEqual([{ PolicyName: 'Invoke', PolicyArn: arn }]);
    const first = await iam().send(new ListAttachedRolePoliciesCommand({ RoleName: 'Authenticated', MaxItems: 1 }));
    expect(first).toMatchObject({
      AttachedPolicies: [{ PolicyName: 'AmazonAPIGatewayInvokeFullAccess' }],
      IsTruncated: true,
    });
    const second = await iam().send(
      new ListAttachedRolePoliciesCommand({ RoleName: 'Authenticated', MaxItems: 1, Marker: first.Marker }),
    );
    expect(second).toMatchObject({ AttachedPolicies: [{ PolicyName: 'Invoke' }], IsTruncated: false });

    const conflict = await awsError(iam().send(new DeletePolicyCommand({ PolicyArn: arn })));
    expect(conflict.name).toBe('DeleteConflictException');
    expect(conflict.message).toBe('Cannot delete a policy attached to entities.');
    expect(conflict.$metadata.httpStatusCode).toBe(409);
  });

  it('refuses an eleventh managed policy on a role', async () => {
    await iam().send(new CreateRoleCommand({ RoleName: 'crowded', AssumeRolePolicyDocument: trustPolicy() }));
    for (let index = 0; index < 10; index++) {
      const arn = (
        await iam().send(
          new CreatePolicyCommand({ PolicyName: `Crowd${index}`, PolicyDocument: allowPolicy(`s3:Get${index}`) }),
        )
      ).Policy!.Arn!;
      await iam().send(new AttachRolePolicyCommand({ RoleName: 'crowded', PolicyArn: arn }));
    }
    const error = await awsError(
      iam().send(new AttachRolePolicyCommand({ RoleName: 'crowded', PolicyArn: basicExecution })),
    );
    expect(error.name).toBe('LimitExceededException');
    expect(error.message).toBe('Cannot exceed quota for PoliciesPerRole: 10');
    expect(error.$metadata.httpStatusCode).toBe(409);
    // Attaching one it has already is not an eleventh.
    await iam().send(
      new AttachRolePolicyCommand({ RoleName: 'crowded', PolicyArn: `arn:aws:iam::${account()}:policy/Crowd0` }),
    );
  });

  it('refuses DeleteRole while policies are attached, then while inline policies remain, then deletes it', async () => {
    await iam().send(new CreateRoleCommand({ RoleName: 'doomed', AssumeRolePolicyDocument: trustPolicy() }));
    await iam().send(new AttachRolePolicyCommand({ RoleName: 'doomed', PolicyArn: basicExecution }));
    await iam().send(
      new PutRolePolicyCommand({
        RoleName: 'doomed',
        PolicyName: 'inline',
        PolicyDocument: allowPolicy('s3:GetObject'),
      }),
    );

    const attached = await awsError(iam().send(new DeleteRoleCommand({ RoleName: 'doomed' })));
    expect(attached.name).toBe('DeleteConflictException');
    expect(attached.message).toBe('Cannot delete entity, must detach all policies first.');
    expect(attached.$metadata.httpStatusCode).toBe(409);

    await iam().send(new DetachRolePolicyCommand({ RoleName: 'doomed', PolicyArn: basicExecution }));
    const inline = await awsError(iam().send(new DeleteRoleCommand({ RoleName: 'doomed' })));
    expect(inline.name).toBe('DeleteConflictException');
    expect(inline.message).toBe('Cannot delete entity, must delete policies first.');
    expect(inline.$metadata.httpStatusCode).toBe(409);

    await iam().send(new DeleteRolePolicyCommand({ RoleName: 'doomed', PolicyName: 'inline' }));
    await iam().send(new DeleteRoleCommand({ RoleName: 'doomed' }));
    expect((await awsError(iam().send(new GetRoleCommand({ RoleName: 'doomed' })))).name).toBe('NoSuchEntityException');
    expect((await iam().send(new GetPolicyCommand({ PolicyArn: basicExecution }))).Policy?.AttachmentCount).toBe(1);
  });

  it('keeps the AWS managed policies through a reset, and drops everything else', async () => {
    const reset = await fetch(`${ctx.emulator.url}/_idpool/reset`, { method: 'POST' });
    expect(reset.status).toBe(200);
    const policy = (await iam().send(new GetPolicyCommand({ PolicyArn: basicExecution }))).Policy!;
    expect(policy.AttachmentCount).toBe(0);
    expect((await iam().send(new ListPoliciesCommand({ Scope: 'Local' }))).Policies).toEqual([]);
    expect((await iam().send(new ListPoliciesCommand({ Scope: 'AWS' }))).Policies).toHaveLength(
      awsManagedPolicies.length,
    );
    expect((await awsError(iam().send(new GetRoleCommand({ RoleName: 'hello-lambda' })))).name).toBe(
      'NoSuchEntityException',
    );
  });
});
