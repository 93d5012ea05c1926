import {
  AddPermissionCommand,
  GetPolicyCommand,
  PublishVersionCommand,
  RemovePermissionCommand,
} from '@aws-sdk/client-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { awsError, useEmulator } from '../support/emulator.js';
import { createLambdaRole, deployFunction } from '../support/lambda-functions.js';

const source = { 'index.mjs': 'export const handler = async () => "ok";' };

describe('Lambda resource policies', () => {
  const ctx = useEmulator();
  const lambda = () => ctx.clients.lambda;
  let role: string;
  const account = () => ctx.emulator.accountId;
  const region = () => ctx.emulator.region;
  const arnOf = (name: string) => `arn:aws:lambda:${region()}:${account()}:function:${name}`;

  beforeAll(async () => {
    role = await createLambdaRole(ctx.clients, 'permissions-role');
  });

  it('adds statements and answers the policy exactly as Lambda builds it', async () => {
    await deployFunction(ctx.clients, role, 'guarded', source);
    const sourceArn = `arn:aws:execute-api:${region()}:${account()}:abc123/*/GET/hello`;
    const added = await lambda().send(
      new AddPermissionCommand({
        FunctionName: 'guarded',
        StatementId: 'apigw',
        Action: 'lambda:InvokeFunction',
        Principal: 'apigateway.amazonaws.com',
        SourceArn: sourceArn,
      }),
    );
    expect(added.$metadata.httpStatusCode).toBe(201);
    const apigw = {
      Sid: 'apigw',
      Effect: 'Allow',
      Principal: { Service: 'apigateway.amazonaws.com' },
      Action: 'lambda:InvokeFunction',
      Resource: arnOf('guarded'),
      Condition: { ArnLike: { 'AWS:SourceArn': sourceArn } },
    };
    expect(added.Statement).toBe(JSON.stringify(apigw));

    await lambda().send(
      new AddPermissionCommand({
        FunctionName: 'guarded',
        StatementId: 's3',
        Action: 'lambda:InvokeFunction',
        Principal: 's3.amazonaws.com',
        SourceArn: 'arn:aws:s3:::bucket',
        SourceAccount: account(),
      }),
    );
    await lambda().send(
      new AddPermissionCommand({
        FunctionName: 'guarded',
        StatementId: 'other-account',
        Action: 'lambda:GetFunction',
        Principal: '111122223333',
      }),
    );
    const policy = await lambda().send(new GetPolicyCommand({ FunctionName: 'guarded' }));
    expect(JSON.parse(policy.Policy as string)).toEqual({
      Version: '2012-10-17',
      Id: 'default',
      Statement: [
        apigw,
        {
          Sid: 's3',
          Effect: 'Allow',
          Principal: { Service: 's3.amazonaws.com' },
          Action: 'lambda:InvokeFunction',
          Resource: arnOf('guarded'),
          Condition: {
            StringEquals: { 'AWS:SourceAccount': account() },
            ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::bucket' },
          },
        },
        {
          Sid: 'other-account',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111122223333:root' },
          Action: 'lambda:GetFunction',
          Resource: arnOf('guarded'),
        },
      ],
    });
    expect(policy.RevisionId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a duplicate statement id, a stale revision, $LATEST and unknown functions', async () => {
    await deployFunction(ctx.clients, role, 'contested', source);
    const add = (extra: Record<string, string> = {}) =>
      lambda().send(
        new AddPermissionCommand({
          FunctionName: 'contested',
          StatementId: 'once',
          Action: 'lambda:InvokeFunction',
          Principal: 'events.amazonaws.com',
          ...extra,
        }),
      );
    await add();
    const duplicate = await awsError(add());
    expect(duplicate.name).toBe('ResourceConflictException');
    expect(duplicate.$metadata.httpStatusCode).toBe(409);
    expect(duplicate.message).toBe(
      'The statement id (once) provided already exists. ' +
        'Please provide a new statement id, or remove the existing statement.',
    );
    const stale = await awsError(add({ StatementId: 'twice', RevisionId: 'not-the-revision' }));
    expect(stale.name).toBe('PreconditionFailedException');
    expect(stale.$metadata.httpStatusCode).toBe(412);
    const latest = await awsError(add({ StatementId: 'latest', Qualifier: '$LATEST' }));
    expect(latest.name).toBe('InvalidParameterValueException');
    expect(latest.message).toBe('We currently do not support adding policies for $LATEST.');
    const missing = await awsError(
      lambda().send(
        new AddPermissionCommand({
          FunctionName: 'nobody',
          StatementId: 'x',
          Action: 'lambda:InvokeFunction',
          Principal: 'sns.amazonaws.com',
        }),
      ),
    );
    expect(missing.name).toBe('ResourceNotFoundException');
    const badAction = await awsError(add({ StatementId: 'bad', Action: 's3:GetObject' }));
    expect(badAction.name).toBe('ValidationException');
  });

  it('removes statements; an empty policy is no policy', async () => {
    await deployFunction(ctx.clients, role, 'loosened', source);
    const none = await awsError(lambda().send(new GetPolicyCommand({ FunctionName: 'loosened' })));
    expect(none.name).toBe('ResourceNotFoundException');
    expect(none.$metadata.httpStatusCode).toBe(404);
    expect(none.message).toBe('The resource you requested does not exist.');
    await lambda().send(
      new AddPermissionCommand({
        FunctionName: 'loosened',
        StatementId: 'temporary',
        Action: 'lambda:InvokeFunction',
        Principal: 'sns.amazonaws.com',
      }),
    );
    const revision = (await lambda().send(new GetPolicyCommand({ FunctionName: 'loosened' }))).RevisionId;
    const stale = await awsError(
      lambda().send(
        new RemovePermissionCommand({ FunctionName: 'loosened', StatementId: 'temporary', RevisionId: 'stale' }),
      ),
    );
    expect(stale.name).toBe('PreconditionFailedException');
    const removed = await lambda().send(
      new RemovePermissionCommand({ FunctionName: 'loosened', StatementId: 'temporary', RevisionId: revision }),
    );
    expect(removed.$metadata.httpStatusCode).toBe(204);
    // Recorded (test_permission_exceptions): no policy at all is said otherwise than a statement it lacks.
    const unknown = await awsError(
      lambda().send(new RemovePermissionCommand({ FunctionName: 'loosened', StatementId: 'temporary' })),
    );
    expect(unknown.name).toBe('ResourceNotFoundException');
    expect(unknown.message).toBe('No policy is associated with the given resource.');
    expect((await awsError(lambda().send(new GetPolicyCommand({ FunctionName: 'loosened' })))).name).toBe(
      'ResourceNotFoundException',
    );
  });

  it('keeps a separate policy per published version', async () => {
    await deployFunction(ctx.clients, role, 'per-version', source);
    await lambda().send(new PublishVersionCommand({ FunctionName: 'per-version' }));
    await lambda().send(
      new AddPermissionCommand({
        FunctionName: 'per-version',
        Qualifier: '1',
        StatementId: 'v1',
        Action: 'lambda:InvokeFunction',
        Principal: 'sns.amazonaws.com',
      }),
    );
    const versionPolicy = JSON.parse(
      (await lambda().send(new GetPolicyCommand({ FunctionName: 'per-version', Qualifier: '1' }))).Policy as string,
    ) as {
      Statement: { Resource: string }[];
    };
    expect(versionPolicy.Statement[0]?.Resource).toBe(`${arnOf('per-version')}:1`);
    expect((await awsError(lambda().send(new GetPolicyCommand({ FunctionName: 'per-version' })))).name).toBe(
      'ResourceNotFoundException',
    );
  });

  it('lets API Gateway ask whether the policy allows it to invoke (permitsInvoke)', async () => {
    await deployFunction(ctx.clients, role, 'gatekept', source);
    const lambdaRuntime = ctx.emulator.runtime.lambda;
    const ask = (request: { functionName?: string; principal?: string; sourceArn?: string; sourceAccount?: string }) =>
      lambdaRuntime.permitsInvoke(account(), region(), {
        functionName: 'gatekept',
        principal: 'apigateway.amazonaws.com',
        ...request,
      });
    const helloArn = `arn:aws:execute-api:${region()}:${account()}:abc123/dev/GET/hello`;
    expect(ask({ sourceArn: helloArn })).toBe(false);

    await lambda().send(
      new AddPermissionCommand({
        FunctionName: 'gatekept',
        StatementId: 'apigw',
        Action: 'lambda:InvokeFunction',
        Principal: 'apigateway.amazonaws.com',
        SourceArn: `arn:aws:execute-api:${region()}:${account()}:abc123/*/GET/hello`,
      }),
    );
    expect(ask({ sourceArn: helloArn })).toBe(true);
    expect(ask({ functionName: arnOf('gatekept'), sourceArn: helloArn })).toBe(true);
    expect(ask({ sourceArn: `arn:aws:execute-api:${region()}:${account()}:zzz999/dev/GET/hello` })).toBe(false);
    expect(ask({ sourceArn: `arn:aws:execute-api:${region()}:${account()}:abc123/dev/POST/hello` })).toBe(false);
    expect(ask({})).toBe(false);
    expect(ask({ principal: 'sns.amazonaws.com', sourceArn: helloArn })).toBe(false);
    expect(ask({ functionName: 'nonexistent', sourceArn: helloArn })).toBe(false);

    await lambda().send(
      new AddPermissionCommand({
        FunctionName: 'gatekept',
        StatementId: 'by-account',
        Action: 'lambda:*',
        Principal: 'apigateway.amazonaws.com',
        SourceAccount: '123456789012',
      }),
    );
    expect(
      ask({ sourceArn: 'arn:aws:execute-api:us-east-1:123456789012:other/dev/GET/x', sourceAccount: '123456789012' }),
    ).toBe(true);
    expect(
      ask({ sourceArn: 'arn:aws:execute-api:us-east-1:123456789012:other/dev/GET/x', sourceAccount: '999999999999' }),
    ).toBe(false);
  });
});
