import { PutRolePolicyCommand } from '@aws-sdk/client-iam';
import {
  AddPermissionCommand,
  CreateFunctionCommand,
  DeleteFunctionCommand,
  GetFunctionCommand,
  InvokeCommand,
  ListFunctionsCommand,
  TagResourceCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { useEmulator } from '../support/emulator.js';
import { createLambdaRole, deployFunction, payloadOf, waitActive, zipFunction } from '../support/lambda-functions.js';
import {
  allow,
  cognitoSession,
  deny,
  expectRefusal,
  explicitlyDenied,
  notAllowed,
  policy,
  uniqueName,
} from './sessions.js';

const account = '000000000000';
const functionArn = (name: string) => `arn:aws:lambda:us-east-1:${account}:function:${name}`;
const answer = { 'index.mjs': 'export const handler = async () => "answer";' };

describe('Lambda calls with issued credentials', () => {
  const ctx = useEmulator({ strictAuth: true });
  let executionRole: string;

  beforeAll(async () => {
    executionRole = await createLambdaRole(ctx.clients, uniqueName('exec'));
  });

  it('are allowed what the role grants, refused the rest with AccessDeniedException 403', async () => {
    const name = uniqueName('fn');
    await deployFunction(ctx.clients, executionRole, name, answer);
    const session = await cognitoSession(ctx.emulator, ctx.clients, {
      inline: { read: policy(allow('lambda:GetFunction', functionArn(name))) },
    });
    expect(
      (await session.clients.lambda.send(new GetFunctionCommand({ FunctionName: name }))).Configuration?.FunctionName,
    ).toBe(name);
    await expectRefusal(
      session.clients.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: name, ZipFile: zipFunction(answer) })),
      {
        name: 'AccessDeniedException',
        status: 403,
        message: notAllowed(session.arn, 'lambda:UpdateFunctionCode', functionArn(name)),
      },
    );
    await expectRefusal(session.clients.lambda.send(new ListFunctionsCommand({})), {
      name: 'AccessDeniedException',
      status: 403,
      message: notAllowed(session.arn, 'lambda:ListFunctions', '*'),
    });
    // A qualified name is the version's ARN, which the unqualified grant does not cover.
    await expectRefusal(session.clients.lambda.send(new GetFunctionCommand({ FunctionName: name, Qualifier: '1' })), {
      name: 'AccessDeniedException',
      status: 403,
      message: notAllowed(session.arn, 'lambda:GetFunction', `${functionArn(name)}:1`),
    });
  });

  it('are refused by an explicit Deny in an inline policy, named', async () => {
    const name = uniqueName('fn');
    await deployFunction(ctx.clients, executionRole, name, answer);
    const session = await cognitoSession(ctx.emulator, ctx.clients, {
      inline: {
        everything: policy(allow('lambda:*')),
        guard: policy(deny('lambda:DeleteFunction', functionArn(name))),
      },
    });
    await expectRefusal(session.clients.lambda.send(new DeleteFunctionCommand({ FunctionName: name })), {
      name: 'AccessDeniedException',
      status: 403,
      message: explicitlyDenied(session.arn, 'lambda:DeleteFunction', functionArn(name), 'guard'),
    });
    expect(
      (await ctx.clients.lambda.send(new GetFunctionCommand({ FunctionName: name }))).Configuration?.FunctionName,
    ).toBe(name);
  });

  it("match the function tags (aws:ResourceTag) and a TagResource's tags (aws:RequestTag, aws:TagKeys)", async () => {
    const mine = uniqueName('mine');
    const theirs = uniqueName('theirs');
    await deployFunction(ctx.clients, executionRole, mine, answer, { Tags: { owner: 'me' } });
    await deployFunction(ctx.clients, executionRole, theirs, answer, { Tags: { owner: 'them' } });
    const session = await cognitoSession(ctx.emulator, ctx.clients, {
      inline: {
        owned: policy(
          allow(['lambda:InvokeFunction', 'lambda:TagResource'], '*', {
            Condition: { StringEquals: { 'aws:ResourceTag/owner': 'me' } },
          }),
          deny('lambda:TagResource', '*', { Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['owner'] } } }),
          deny('lambda:TagResource', '*', { Condition: { StringEquals: { 'aws:RequestTag/stage': 'prod' } } }),
        ),
      },
    });
    expect(payloadOf(await session.clients.lambda.send(new InvokeCommand({ FunctionName: mine })))).toBe('answer');
    await expectRefusal(session.clients.lambda.send(new InvokeCommand({ FunctionName: theirs })), {
      name: 'AccessDeniedException',
      status: 403,
      message: notAllowed(session.arn, 'lambda:InvokeFunction', functionArn(theirs)),
    });
    await session.clients.lambda.send(new TagResourceCommand({ Resource: functionArn(mine), Tags: { stage: 'dev' } }));
    for (const tags of [{ owner: 'you' }, { stage: 'prod' }] as Record<string, string>[]) {
      await expectRefusal(
        session.clients.lambda.send(new TagResourceCommand({ Resource: functionArn(mine), Tags: tags })),
        {
          name: 'AccessDeniedException',
          status: 403,
          message: explicitlyDenied(session.arn, 'lambda:TagResource', functionArn(mine), 'owned'),
        },
      );
    }
  });

  it("are granted by the function's own policy what the role's policies do not (same account)", async () => {
    const name = uniqueName('shared');
    await deployFunction(ctx.clients, executionRole, name, answer);
    const session = await cognitoSession(ctx.emulator, ctx.clients);
    await expectRefusal(session.clients.lambda.send(new InvokeCommand({ FunctionName: name })), {
      name: 'AccessDeniedException',
      status: 403,
      message: notAllowed(session.arn, 'lambda:InvokeFunction', functionArn(name)),
    });
    await ctx.clients.lambda.send(
      new AddPermissionCommand({
        FunctionName: name,
        StatementId: 'session',
        Action: 'lambda:InvokeFunction',
        Principal: session.roleArn,
      }),
    );
    expect(payloadOf(await session.clients.lambda.send(new InvokeCommand({ FunctionName: name })))).toBe('answer');
    // The function policy grants only what it names.
    await expectRefusal(session.clients.lambda.send(new GetFunctionCommand({ FunctionName: name })), {
      name: 'AccessDeniedException',
      status: 403,
      message: notAllowed(session.arn, 'lambda:GetFunction', functionArn(name)),
    });
  });

  it('need iam:PassRole (with iam:PassedToService) to create a function or change its role', async () => {
    const create = () =>
      new CreateFunctionCommand({
        FunctionName: uniqueName('passed'),
        Runtime: 'nodejs20.x',
        Role: executionRole,
        Handler: 'index.handler',
        Code: { ZipFile: zipFunction(answer) },
      });
    const lambdaOnly = await cognitoSession(ctx.emulator, ctx.clients, {
      inline: { lambda: policy(allow('lambda:*')) },
    });
    await expectRefusal(lambdaOnly.clients.lambda.send(create()), {
      name: 'AccessDeniedException',
      status: 403,
      message: notAllowed(lambdaOnly.arn, 'iam:PassRole', executionRole),
    });
    const toEc2 = allow('iam:PassRole', executionRole, {
      Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
    });
    const wrongService = await cognitoSession(ctx.emulator, ctx.clients, {
      inline: { lambda: policy(allow('lambda:*'), toEc2) },
    });
    await expectRefusal(wrongService.clients.lambda.send(create()), {
      name: 'AccessDeniedException',
      status: 403,
      message: notAllowed(wrongService.arn, 'iam:PassRole', executionRole),
    });
    const toLambda = allow('iam:PassRole', executionRole, {
      Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
    });
    const deployer = await cognitoSession(ctx.emulator, ctx.clients, {
      inline: { lambda: policy(allow('lambda:*'), toLambda) },
    });
    const created = await deployer.clients.lambda.send(create());
    expect(created.Role).toBe(executionRole);
    await waitActive(ctx.clients.lambda, created.FunctionName as string);

    const otherRole = await createLambdaRole(ctx.clients, uniqueName('other'));
    const change = new UpdateFunctionConfigurationCommand({ FunctionName: created.FunctionName, Role: otherRole });
    await expectRefusal(deployer.clients.lambda.send(change), {
      name: 'AccessDeniedException',
      status: 403,
      message: notAllowed(deployer.arn, 'iam:PassRole', otherRole),
    });
    const update = new UpdateFunctionConfigurationCommand({
      FunctionName: created.FunctionName,
      Description: 'no role change',
    });
    expect((await deployer.clients.lambda.send(update)).Description).toBe('no role change');
  });

  it("let a function's own SDK calls do what its execution role allows, and refuse the rest", async () => {
    const roleName = uniqueName('self');
    const role = await createLambdaRole(ctx.clients, roleName);
    const name = uniqueName('self-reader');
    await deployFunction(ctx.clients, role, name, {
      'index.mjs': `import { LambdaClient, GetFunctionCommand } from '@aws-sdk/client-lambda';
        const client = new LambdaClient({});
        export const handler = async () => {
          const command = new GetFunctionCommand({ FunctionName: process.env.AWS_LAMBDA_FUNCTION_NAME });
          try { return (await client.send(command)).Configuration.Role; }
          catch (error) { return { name: error.name, status: error.$metadata.httpStatusCode, message: error.message }; }
        };`,
    });
    expect(payloadOf(await ctx.clients.lambda.send(new InvokeCommand({ FunctionName: name })))).toEqual({
      name: 'AccessDeniedException',
      status: 403,
      message: notAllowed(
        `arn:aws:sts::${account}:assumed-role/${roleName}/${name}`,
        'lambda:GetFunction',
        functionArn(name),
      ),
    });
    const grant = policy(allow('lambda:GetFunction', functionArn(name)));
    await ctx.clients.iam.send(
      new PutRolePolicyCommand({ RoleName: roleName, PolicyName: 'self', PolicyDocument: grant }),
    );
    expect(payloadOf(await ctx.clients.lambda.send(new InvokeCommand({ FunctionName: name })))).toBe(role);
  });
});
