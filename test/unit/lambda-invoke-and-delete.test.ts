import { describe, expect, it } from 'vitest';
import { deleteFunction } from '../../emulator/services/lambda/delete-function.js';
import { invoke } from '../../emulator/services/lambda/invoke.js';
import { publishVersionOperation } from '../../emulator/services/lambda/publish-version.js';
import { callContext } from '../support/call-context.js';
import { accountId, lambdaServicesWithFunction } from '../support/lambda-unit.js';

const key = { accountId, region: 'us-east-1', name: 'fn' };

function setup(transitionMs = 0) {
  const services = lambdaServicesWithFunction(transitionMs);
  return {
    ...services,
    invoke: invoke.build(services),
    remove: deleteFunction.build(services),
    publish: publishVersionOperation.build(services),
  };
}

describe('Invoke', () => {
  it('hands the invocation to the runtime with the request id, and DryRun only checks the function', async () => {
    const { invoke, lambda } = setup();
    const context = callContext({ requestId: 'request-1' });
    expect(await invoke({ FunctionName: 'fn', InvocationType: 'DryRun' }, context)).toEqual({ StatusCode: 204 });
    expect(lambda.invocations).toEqual([]);
    const answer = await invoke({ FunctionName: 'fn', Payload: Buffer.from('{}') }, context);
    expect(answer).toMatchObject({ StatusCode: 200, ExecutedVersion: '$LATEST' });
    expect(lambda.invocations).toMatchObject([
      { accountId, region: 'us-east-1', invocation: { functionName: 'fn', requestId: 'request-1' } },
    ]);
  });

  it('refuses a Pending function and names a missing one with :$LATEST, invoking nothing', async () => {
    const { invoke, lambda } = setup(1000);
    await expect(invoke({ FunctionName: 'fn' }, callContext())).rejects.toMatchObject({
      code: 'ResourceConflictException',
      message:
        'The operation cannot be performed at this time. The function is currently in the following state: Pending',
    });
    await expect(invoke({ FunctionName: 'nope' }, callContext())).rejects.toMatchObject({
      message: `Function not found: arn:aws:lambda:us-east-1:${accountId}:function:nope:$LATEST`,
    });
    expect(lambda.invocations).toEqual([]);
  });
});

describe('DeleteFunction', () => {
  it('deletes one version, then the function with its package, telling the runtime each time', async () => {
    const { remove, publish, lambdaStore, lambda } = setup();
    publish({ FunctionName: 'fn' }, callContext());
    const sha = lambdaStore.findFunction(key)?.codeSha256 as string;
    expect(remove({ FunctionName: 'fn', Qualifier: '1' }, callContext())).toEqual({ StatusCode: 204 });
    expect(lambdaStore.versions(key)).toEqual([]);
    expect(remove({ FunctionName: 'fn', Qualifier: '7' }, callContext())).toEqual({ StatusCode: 204 });
    remove({ FunctionName: 'fn' }, callContext());
    expect(lambdaStore.findFunction(key)).toBeUndefined();
    expect(lambdaStore.code(sha)).toBeUndefined();
    expect(lambda.changed).toEqual([key, key, key]);
  });

  it('refuses $LATEST and an alias before looking anything up', async () => {
    const { remove, lambda } = setup();
    expect(() => remove({ FunctionName: 'nope', Qualifier: '$LATEST' }, callContext())).toThrow(
      expect.objectContaining({ message: '$LATEST version cannot be deleted without deleting the function.' }),
    );
    expect(() => remove({ FunctionName: 'nope', Qualifier: 'live' }, callContext())).toThrow(
      expect.objectContaining({ message: 'Deletion of aliases is not currently supported.' }),
    );
    expect(lambda.changed).toEqual([]);
  });
});
