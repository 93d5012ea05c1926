import {
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  ListPoliciesCommand,
  ListPolicyVersionsCommand,
  SetDefaultPolicyVersionCommand,
} from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { awsError, useEmulator } from '../support/emulator.js';
import { allowPolicy, decoded } from './documents.js';

describe('IAM customer managed policies and their versions', () => {
  const ctx = useEmulator();
  const iam = () => ctx.clients.iam;
  const account = () => ctx.emulator.accountId;

  it('creates a policy as AWS makes one: ANPA id, ARN with path, v1 as default, attachable', async () => {
    const document = allowPolicy('execute-api:Invoke');
    const created = await iam().send(
      new CreatePolicyCommand({
        PolicyName: 'InvokeHello',
        Path: '/apis/',
        PolicyDocument: document,
        Description: 'calls hello',
        Tags: [{ Key: 'a', Value: '1' }],
      }),
    );
    const policy = created.Policy!;
    expect(policy.PolicyId).toMatch(/^ANPA[A-Z2-7]{17}$/);
    expect(policy).toMatchObject({
      PolicyName: 'InvokeHello',
      Arn: `arn:aws:iam::${account()}:policy/apis/InvokeHello`,
      Path: '/apis/',
      DefaultVersionId: 'v1',
      AttachmentCount: 0,
      PermissionsBoundaryUsageCount: 0,
      IsAttachable: true,
      Tags: [{ Key: 'a', Value: '1' }],
    });
    expect(policy.Description).toBeUndefined();
    expect(policy.CreateDate?.getTime()).toBe(policy.UpdateDate?.getTime());

    const fetched = (await iam().send(new GetPolicyCommand({ PolicyArn: policy.Arn }))).Policy!;
    expect(fetched).toMatchObject({
      PolicyId: policy.PolicyId,
      Description: 'calls hello',
      Tags: [{ Key: 'a', Value: '1' }],
    });
    const version = (await iam().send(new GetPolicyVersionCommand({ PolicyArn: policy.Arn, VersionId: 'v1' })))
      .PolicyVersion!;
    expect(version).toMatchObject({ VersionId: 'v1', IsDefaultVersion: true });
    expect(decoded(version.Document)).toBe(document);
  });

  it('keeps policy names unique in the account whatever their case', async () => {
    const error = await awsError(
      iam().send(new CreatePolicyCommand({ PolicyName: 'invokehello', PolicyDocument: allowPolicy('s3:GetObject') })),
    );
    expect(error.name).toBe('EntityAlreadyExistsException');
    expect(error.message).toBe('A policy called invokehello already exists. Duplicate names are not allowed.');
    expect(error.$metadata.httpStatusCode).toBe(409);
  });

  it('refuses malformed documents, documents over 6,144 characters and duplicate tag keys', async () => {
    const malformed = await awsError(
      iam().send(new CreatePolicyCommand({ PolicyName: 'bad', PolicyDocument: '{"Statement": []}' })),
    );
    expect(malformed.name).toBe('MalformedPolicyDocumentException');
    expect(malformed.$metadata.httpStatusCode).toBe(400);
    const unversioned = JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });
    const version = await awsError(
      iam().send(new CreatePolicyCommand({ PolicyName: 'old', PolicyDocument: unversioned })),
    );
    expect(version.name).toBe('MalformedPolicyDocumentException');
    expect(version.message).toBe('Policy document must be version 2012-10-17 or greater.');

    const actions = Array.from({ length: 400 }, (_, index) => `s3:SomeActionNumber${index}`);
    const large = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }],
    });
    const tooLarge = await awsError(
      iam().send(new CreatePolicyCommand({ PolicyName: 'large', PolicyDocument: large })),
    );
    expect(tooLarge.name).toBe('LimitExceededException');
    expect(tooLarge.message).toBe('Cannot exceed quota for PolicySize: 6144');
    expect(tooLarge.$metadata.httpStatusCode).toBe(409);

    const tags = [
      { Key: 'k', Value: '1' },
      { Key: 'k', Value: '2' },
    ];
    const duplicate = await awsError(
      iam().send(new CreatePolicyCommand({ PolicyName: 'tagged', PolicyDocument: allowPolicy('s3:*'), Tags: tags })),
    );
    expect(duplicate.name).toBe('InvalidInputException');
    expect(duplicate.message).toBe('Duplicate tag keys found.');
    // Managed policy tag keys keep their case: `k` and `K` may both be there.
    const cased = await iam().send(
      new CreatePolicyCommand({
        PolicyName: 'tagged',
        PolicyDocument: allowPolicy('s3:*'),
        Tags: [
          { Key: 'k', Value: '1' },
          { Key: 'K', Value: '2' },
        ],
      }),
    );
    expect(cased.Policy?.Tags).toHaveLength(2);
  });

  it(
    'answers NoSuchEntity for a policy that does not exist ' + 'and ValidationError for an ARN that is not one',
    async () => {
      const missing = `arn:aws:iam::${account()}:policy/Missing`;
      for (const call of [
        iam().send(new GetPolicyCommand({ PolicyArn: missing })),
        iam().send(new DeletePolicyCommand({ PolicyArn: missing })),
        iam().send(new ListPolicyVersionsCommand({ PolicyArn: missing })),
        iam().send(new CreatePolicyVersionCommand({ PolicyArn: missing, PolicyDocument: allowPolicy('s3:*') })),
      ]) {
        const error = await awsError(call);
        expect(error.name).toBe('NoSuchEntityException');
        expect(error.message).toBe(`Policy ${missing} was not found.`);
        expect(error.$metadata.httpStatusCode).toBe(404);
      }
      const version = await awsError(iam().send(new GetPolicyVersionCommand({ PolicyArn: missing, VersionId: 'v1' })));
      expect(version.message).toBe(`Policy ${missing} version v1 does not exist or is not attachable.`);
      const otherAccount = await awsError(
        iam().send(new GetPolicyCommand({ PolicyArn: 'arn:aws:iam::123456789012:policy/InvokeHello' })),
      );
      expect(otherAccount.name).toBe('NoSuchEntityException');

      const notAnArn = await awsError(iam().send(new GetPolicyCommand({ PolicyArn: 'longpolicynamebutnoarn' })));
      expect(notAnArn.name).toBe('ValidationError');
      expect(notAnArn.message).toBe('Invalid ARN:  Could not be parsed!');
      expect(notAnArn.$metadata.httpStatusCode).toBe(400);
    },
  );

  it('adds versions (at most 5, numbers never reused), switches the default, lists newest first', async () => {
    const arn = (
      await iam().send(
        new CreatePolicyCommand({ PolicyName: 'Versioned', PolicyDocument: allowPolicy('s3:GetObject') }),
      )
    ).Policy!.Arn!;
    const v2 = (
      await iam().send(
        new CreatePolicyVersionCommand({
          PolicyArn: arn,
          PolicyDocument: allowPolicy('s3:PutObject'),
          SetAsDefault: true,
        }),
      )
    ).PolicyVersion!;
    expect(v2).toMatchObject({ VersionId: 'v2', IsDefaultVersion: true });
    expect(v2.Document).toBeUndefined();
    expect((await iam().send(new GetPolicyCommand({ PolicyArn: arn }))).Policy?.DefaultVersionId).toBe('v2');
    for (const action of ['s3:ListBucket', 's3:DeleteObject', 's3:GetBucketTagging']) {
      const version = await iam().send(
        new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: allowPolicy(action) }),
      );
      expect(version.PolicyVersion?.IsDefaultVersion).toBe(false);
    }
    const sixth = await awsError(
      iam().send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: allowPolicy('s3:*') })),
    );
    expect(sixth.name).toBe('LimitExceededException');
    expect(sixth.message).toBe(
      'A managed policy can have up to 5 versions. ' +
        'Before you create a new version, you must delete an existing version.',
    );
    expect(sixth.$metadata.httpStatusCode).toBe(409);

    const listed = await iam().send(new ListPolicyVersionsCommand({ PolicyArn: arn }));
    expect(listed.Versions?.map((version) => [version.VersionId, version.IsDefaultVersion])).toEqual([
      ['v5', false],
      ['v4', false],
      ['v3', false],
      ['v2', true],
      ['v1', false],
    ]);
    expect(listed.Versions?.[0]?.Document).toBeUndefined();
    const firstPage = await iam().send(new ListPolicyVersionsCommand({ PolicyArn: arn, MaxItems: 4 }));
    expect(firstPage.IsTruncated).toBe(true);
    const lastPage = await iam().send(
      new ListPolicyVersionsCommand({ PolicyArn: arn, MaxItems: 4, Marker: firstPage.Marker }),
    );
    expect(lastPage.Versions?.map((version) => version.VersionId)).toEqual(['v1']);

    const deleteDefault = await awsError(
      iam().send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v2' })),
    );
    expect(deleteDefault.name).toBe('DeleteConflictException');
    expect(deleteDefault.message).toBe('Cannot delete the default version of a policy.');
    expect(deleteDefault.$metadata.httpStatusCode).toBe(409);

    await iam().send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v5' }));
    const next = await iam().send(
      new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: allowPolicy('s3:*') }),
    );
    expect(next.PolicyVersion?.VersionId).toBe('v6');

    await iam().send(new SetDefaultPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v6' }));
    const v6 = (await iam().send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v6' }))).PolicyVersion!;
    expect(v6.IsDefaultVersion).toBe(true);
    expect(decoded(v6.Document)).toBe(allowPolicy('s3:*'));

    for (const call of [
      iam().send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v5' })),
      iam().send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v5' })),
      iam().send(new SetDefaultPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v5' })),
    ]) {
      const error = await awsError(call);
      expect(error.name).toBe('NoSuchEntityException');
      expect(error.message).toBe(`Policy ${arn} version v5 does not exist or is not attachable.`);
      expect(error.$metadata.httpStatusCode).toBe(404);
    }
    const badVersion = await awsError(
      iam().send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: 'version-two' })),
    );
    expect(badVersion.name).toBe('ValidationError');
    expect(badVersion.message).toBe(
      "1 validation error detected: Value at 'versionId' failed to satisfy constraint: " +
        'Member must satisfy regular expression pattern: v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?',
    );
  });

  it('refuses to delete a policy that has versions besides the default, then deletes it', async () => {
    const arn = (
      await iam().send(new CreatePolicyCommand({ PolicyName: 'ToDelete', PolicyDocument: allowPolicy('s3:GetObject') }))
    ).Policy!.Arn!;
    await iam().send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: allowPolicy('s3:PutObject') }));
    const error = await awsError(iam().send(new DeletePolicyCommand({ PolicyArn: arn })));
    expect(error.name).toBe('DeleteConflictException');
    expect(error.message).toBe(
      "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. " +
        'The default version is deleted with the policy.',
    );
    expect(error.$metadata.httpStatusCode).toBe(409);
    await iam().send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v2' }));
    await iam().send(new DeletePolicyCommand({ PolicyArn: arn }));
    expect((await awsError(iam().send(new GetPolicyCommand({ PolicyArn: arn })))).name).toBe('NoSuchEntityException');
    expect(ctx.emulator.runtime.iam.findPolicyVersion(arn, 'v1')).toBeUndefined();
  });

  it('lists policies by scope and path, a page at a time, without descriptions or tags', async () => {
    const local = await iam().send(new ListPoliciesCommand({ Scope: 'Local' }));
    const localNames = local.Policies?.map((policy) => policy.PolicyName);
    expect(localNames).toEqual(['InvokeHello', 'tagged', 'Versioned']);
    expect(local.Policies?.every((policy) => policy.Description === undefined && policy.Tags === undefined)).toBe(true);

    const aws = await iam().send(new ListPoliciesCommand({ Scope: 'AWS' }));
    expect(aws.Policies?.map((policy) => policy.Arn)).toContain(
      'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
    );
    expect(aws.Policies?.every((policy) => policy.Arn?.startsWith('arn:aws:iam::aws:policy/'))).toBe(true);

    const byPath = await iam().send(new ListPoliciesCommand({ PathPrefix: '/apis/' }));
    expect(byPath.Policies?.map((policy) => policy.PolicyName)).toEqual(['InvokeHello']);
    const serviceRoles = await iam().send(new ListPoliciesCommand({ Scope: 'AWS', PathPrefix: '/service-role/' }));
    expect(serviceRoles.Policies?.map((policy) => policy.PolicyName)).toEqual([
      'AWSLambdaBasicExecutionRole',
      'AWSLambdaRole',
    ]);

    const all: string[] = [];
    let marker: string | undefined;
    do {
      const page = await iam().send(new ListPoliciesCommand({ MaxItems: 4, Marker: marker }));
      expect(page.Policies!.length).toBeLessThanOrEqual(4);
      all.push(...page.Policies!.map((policy) => policy.PolicyName!));
      marker = page.Marker;
    } while (marker);
    expect(all).toHaveLength((aws.Policies?.length ?? 0) + 3);
    expect(new Set(all).size).toBe(all.length);
  });

  it('refuses changes to AWS managed policies', async () => {
    const arn = 'arn:aws:iam::aws:policy/AdministratorAccess';
    for (const call of [
      iam().send(new DeletePolicyCommand({ PolicyArn: arn })),
      iam().send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: allowPolicy('s3:*') })),
      iam().send(new SetDefaultPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v1' })),
    ]) {
      const error = await awsError(call);
      expect(error.name).toBe('AccessDenied');
      expect(error.message).toContain(`on resource: policy ${arn}`);
      expect(error.$metadata.httpStatusCode).toBe(403);
    }
    expect((await iam().send(new GetPolicyCommand({ PolicyArn: arn }))).Policy?.DefaultVersionId).toBe('v1');
  });
});
