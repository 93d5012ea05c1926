import { describe, expect, it } from 'vitest';
import { createFunction } from '../../emulator/services/lambda/create-function.js';
import { deleteFunctionConcurrency } from '../../emulator/services/lambda/delete-function-concurrency.js';
import { getAccountSettings } from '../../emulator/services/lambda/get-account-settings.js';
import { getFunctionConcurrency } from '../../emulator/services/lambda/get-function-concurrency.js';
import { listTags } from '../../emulator/services/lambda/list-tags.js';
import { putFunctionConcurrency } from '../../emulator/services/lambda/put-function-concurrency.js';
import { tagResource } from '../../emulator/services/lambda/tag-resource.js';
import { untagResource } from '../../emulator/services/lambda/untag-resource.js';
import { callContext } from '../support/call-context.js';
import { accountId, handlerZip, lambdaServices, roleArn } from '../support/lambda-unit.js';

const arn = `arn:aws:lambda:us-east-1:${accountId}:function:fn`;
const key = { accountId, region: 'us-east-1', name: 'fn' };

function setup() {
  const services = lambdaServices();
  const create = createFunction.build(services);
  for (const name of ['fn', 'other']) {
    const code = { ZipFile: handlerZip() };
    create(
      { FunctionName: name, Runtime: 'nodejs20.x', Handler: 'index.handler', Role: roleArn, Code: code },
      callContext(),
    );
  }
  return {
    lambdaStore: services.lambdaStore,
    tag: tagResource.build(services),
    untag: untagResource.build(services),
    list: listTags.build(services),
    put: putFunctionConcurrency.build(services),
    get: getFunctionConcurrency.build(services),
    remove: deleteFunctionConcurrency.build(services),
    settings: getAccountSettings.build(services),
  };
}

describe('TagResource, UntagResource, ListTags', () => {
  it('merge and remove tags, each a new RevisionId of the function', async () => {
    const { tag, untag, list, lambdaStore } = setup();
    const revisions = [lambdaStore.findFunction(key)?.revisionId];
    tag({ Resource: arn, Tags: { a: '1', b: '2' } }, callContext());
    revisions.push(lambdaStore.findFunction(key)?.revisionId);
    untag({ Resource: arn, TagKeys: ['a'] }, callContext());
    revisions.push(lambdaStore.findFunction(key)?.revisionId);
    expect(list({ Resource: arn }, callContext())).toEqual({ Tags: { b: '2' } });
    expect(new Set(revisions).size).toBe(3);
  });

  it('refuses no tags, a qualified ARN, more than 50 tags and an unknown function', async () => {
    const { tag, lambdaStore } = setup();
    const before = lambdaStore.findFunction(key);
    expect(() => tag({ Resource: arn, Tags: {} }, callContext())).toThrow(
      expect.objectContaining({ message: 'An error occurred and the request cannot be processed.' }),
    );
    expect(() => tag({ Resource: `${arn}:1`, Tags: { a: '1' } }, callContext())).toThrow(
      expect.objectContaining({ message: expect.stringMatching(/^Tags on function aliases and versions/) }),
    );
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, index) => [`k${index}`, 'v']));
    expect(() => tag({ Resource: arn, Tags: many }, callContext())).toThrow(
      expect.objectContaining({ message: 'Number of tags exceeds resource tag limit.' }),
    );
    expect(() => tag({ Resource: `${arn}x`, Tags: { a: '1' } }, callContext())).toThrow(
      expect.objectContaining({ code: 'ResourceNotFoundException', message: `Function not found: ${arn}x` }),
    );
    expect(lambdaStore.findFunction(key)).toEqual(before);
  });
});

describe('PutFunctionConcurrency, GetFunctionConcurrency, DeleteFunctionConcurrency', () => {
  it("reserves and releases a function's concurrency, which the account settings count", async () => {
    const { put, get, remove, settings } = setup();
    expect(put({ FunctionName: 'fn', ReservedConcurrentExecutions: 200 }, callContext())).toEqual({
      ReservedConcurrentExecutions: 200,
    });
    expect(get({ FunctionName: 'fn' }, callContext())).toEqual({ ReservedConcurrentExecutions: 200 });
    expect((await settings({}, callContext())).AccountLimit?.UnreservedConcurrentExecutions).toBe(800);
    remove({ FunctionName: 'fn' }, callContext());
    expect(get({ FunctionName: 'fn' }, callContext())).toEqual({ ReservedConcurrentExecutions: undefined });
    expect((await settings({}, callContext())).AccountLimit?.UnreservedConcurrentExecutions).toBe(1000);
  });

  it('keeps 100 of the account unreserved, counting the other functions but not its own reservation', async () => {
    const { put } = setup();
    put({ FunctionName: 'other', ReservedConcurrentExecutions: 400 }, callContext());
    put({ FunctionName: 'fn', ReservedConcurrentExecutions: 500 }, callContext());
    put({ FunctionName: 'fn', ReservedConcurrentExecutions: 500 }, callContext());
    const refusal = expect.objectContaining({
      code: 'InvalidParameterValueException',
      message: expect.stringMatching(/below its minimum value of \[100\]\.$/),
    });
    expect(() => put({ FunctionName: 'fn', ReservedConcurrentExecutions: 501 }, callContext())).toThrow(refusal);
    expect(() => put({ FunctionName: 'fn:1', ReservedConcurrentExecutions: 1 }, callContext())).toThrow(
      expect.objectContaining({
        message: expect.stringMatching(/^This operation is permitted on Lambda functions only/),
      }),
    );
  });
});
