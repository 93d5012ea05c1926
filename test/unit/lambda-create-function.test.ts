import { describe, expect, it } from 'vitest';
import { createFunction } from '../../emulator/services/lambda/create-function.js';
import { getFunctionConfiguration } from '../../emulator/services/lambda/get-function-configuration.js';
import { callContext } from '../support/call-context.js';
import { accountId, handlerZip, lambdaServices, roleArn } from '../support/lambda-unit.js';

const request = { FunctionName: 'fn', Runtime: 'nodejs20.x' as const, Handler: 'index.handler', Role: roleArn };

function setup(transitionMs = 0) {
  const services = lambdaServices(transitionMs);
  return {
    ...services,
    create: createFunction.build(services),
    getConfiguration: getFunctionConfiguration.build(services),
  };
}

describe('CreateFunction', () => {
  it('stores the function Pending for the transition, with its package and Lambda defaults', async () => {
    const { create, getConfiguration, lambdaStore } = setup(1000);
    const context = callContext();
    const answer = await create({ ...request, Code: { ZipFile: handlerZip() } }, context);
    expect(answer).toMatchObject({
      FunctionArn: `arn:aws:lambda:us-east-1:${accountId}:function:fn`,
      Version: '$LATEST',
      Timeout: 3,
      MemorySize: 128,
      State: 'Pending',
      StateReasonCode: 'Creating',
    });
    const stored = lambdaStore.findFunction({ accountId, region: 'us-east-1', name: 'fn' });
    expect(stored?.codeSha256).toBe(answer.CodeSha256);
    expect(lambdaStore.code(stored?.codeSha256 as string)).toBeDefined();
    const later = callContext({ now: new Date(context.now.getTime() + 1000) });
    expect(getConfiguration({ FunctionName: 'fn' }, later)).toMatchObject({ State: 'Active' });
  });

  it('with Publish stores version 1 and answers it under the unqualified ARN', async () => {
    const { create, lambdaStore } = setup();
    const answer = await create({ ...request, Publish: true, Code: { ZipFile: handlerZip() } }, callContext());
    expect(answer.Version).toBe('1');
    expect(answer.FunctionArn).toBe(`arn:aws:lambda:us-east-1:${accountId}:function:fn`);
    const key = { accountId, region: 'us-east-1', name: 'fn' };
    expect(lambdaStore.versions(key).map((version) => version.version)).toEqual(['1']);
    expect(lambdaStore.findFunction(key)?.lastVersion).toBe(1);
  });

  it('refuses a second function of the same name and keeps the first one as it was', async () => {
    const { create, lambdaStore } = setup();
    const first = await create({ ...request, Code: { ZipFile: handlerZip() } }, callContext());
    const other = handlerZip('export const handler = async () => "other";');
    expect(() => create({ ...request, Code: { ZipFile: other } }, callContext())).toThrow(
      expect.objectContaining({ code: 'ResourceConflictException', message: 'Function already exist: fn' }),
    );
    const stored = lambdaStore.findFunction({ accountId, region: 'us-east-1', name: 'fn' });
    expect(stored?.codeSha256).toBe(first.CodeSha256);
  });

  it('refuses a role Lambda cannot assume, an unreadable package and a long name, storing nothing', async () => {
    const { create, lambdaStore } = setup();
    const zip = { ZipFile: handlerZip() };
    const otherRole = `arn:aws:iam::${accountId}:role/nobody`;
    expect(() => create({ ...request, Role: otherRole, Code: zip }, callContext())).toThrow(
      expect.objectContaining({ message: 'The role defined for the function cannot be assumed by Lambda.' }),
    );
    expect(() => create({ ...request, Code: { ZipFile: Buffer.from('not a zip') } }, callContext())).toThrow(
      expect.objectContaining({ code: 'InvalidParameterValueException', message: expect.stringMatching(/unzip/) }),
    );
    expect(() => create({ ...request, FunctionName: 'f'.repeat(65), Code: zip }, callContext())).toThrow(
      expect.objectContaining({ message: expect.stringMatching(/less than or equal to 64$/) }),
    );
    expect(lambdaStore.listFunctions(accountId, 'us-east-1')).toEqual([]);
  });
});
