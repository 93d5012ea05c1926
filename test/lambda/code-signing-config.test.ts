import { GetFunctionCodeSigningConfigCommand } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { awsError, useEmulator } from '../support/emulator.js';
import { createLambdaRole, deployFunction } from '../support/lambda-functions.js';

describe('Lambda GetFunctionCodeSigningConfig (read by Terraform for every zip function)', () => {
  const ctx = useEmulator();

  it('answers a function without code signing, by name or ARN', async () => {
    const role = await createLambdaRole(ctx.clients, 'code-signing-role');
    await deployFunction(ctx.clients, role, 'unsigned', { 'index.mjs': 'export const handler = async () => 1;' });
    const byName = await ctx.clients.lambda.send(new GetFunctionCodeSigningConfigCommand({ FunctionName: 'unsigned' }));
    expect(byName).toMatchObject({ CodeSigningConfigArn: '', FunctionName: 'unsigned' });
    expect(byName.$metadata.httpStatusCode).toBe(200);
    const arn = `arn:aws:lambda:${ctx.emulator.region}:${ctx.emulator.accountId}:function:unsigned`;
    expect(
      (await ctx.clients.lambda.send(new GetFunctionCodeSigningConfigCommand({ FunctionName: arn }))).FunctionName,
    ).toBe('unsigned');
  });

  it('answers an unknown function as AWS does (recorded: test_ops_on_nonexisting_fn)', async () => {
    const error = await awsError(
      ctx.clients.lambda.send(new GetFunctionCodeSigningConfigCommand({ FunctionName: 'missing' })),
    );
    expect(error.name).toBe('ResourceNotFoundException');
    expect(error.message).toBe(
      `Function not found: arn:aws:lambda:${ctx.emulator.region}:${ctx.emulator.accountId}:function:missing`,
    );
    expect(error.$metadata.httpStatusCode).toBe(404);
  });
});
