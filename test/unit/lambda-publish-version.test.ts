import { describe, expect, it } from 'vitest';
import { publishVersionOperation } from '../../emulator/services/lambda/publish-version.js';
import { updateFunctionCode } from '../../emulator/services/lambda/update-function-code.js';
import { callContext } from '../support/call-context.js';
import { accountId, handlerZip, lambdaServicesWithFunction } from '../support/lambda-unit.js';

const key = { accountId, region: 'us-east-1', name: 'fn' };

function setup() {
  const services = lambdaServicesWithFunction();
  return {
    ...services,
    publish: publishVersionOperation.build(services),
    updateCode: updateFunctionCode.build(services),
  };
}

describe('PublishVersion', () => {
  it('publishes $LATEST once, with a new RevisionId for $LATEST; unchanged, answers that version', async () => {
    const { publish, lambdaStore } = setup();
    const before = lambdaStore.findFunction(key)?.revisionId;
    const first = await publish({ FunctionName: 'fn', Description: 'one' }, callContext());
    expect(first).toMatchObject({ Version: '1', Description: 'one' });
    expect(lambdaStore.findFunction(key)?.revisionId).not.toBe(before);
    expect(lambdaStore.findFunction(key)?.lastVersion).toBe(1);
    const again = await publish({ FunctionName: 'fn', Description: 'two' }, callContext());
    expect(again).toMatchObject({ Version: '1', Description: 'one', RevisionId: first.RevisionId });
    expect(lambdaStore.versions(key)).toHaveLength(1);
  });

  it('refuses a stale RevisionId and another CodeSha256, publishing nothing', async () => {
    const { publish, lambdaStore } = setup();
    expect(() => publish({ FunctionName: 'fn', RevisionId: 'stale' }, callContext())).toThrow(
      expect.objectContaining({ code: 'PreconditionFailedException' }),
    );
    expect(() => publish({ FunctionName: 'fn', CodeSha256: 'other' }, callContext())).toThrow(
      expect.objectContaining({
        code: 'InvalidParameterValueException',
        message: expect.stringMatching(/^CodeSHA256/),
      }),
    );
    expect(lambdaStore.versions(key)).toEqual([]);
  });
});

describe('UpdateFunctionCode', () => {
  it('replaces the package, forgets the old one, tells the runtime; with Publish answers the new version', async () => {
    const { updateCode, lambdaStore, lambda } = setup();
    const oldSha = lambdaStore.findFunction(key)?.codeSha256 as string;
    const zip = handlerZip('export const handler = async () => "new";');
    const answer = await updateCode({ FunctionName: 'fn', ZipFile: zip, Publish: true }, callContext());
    expect(answer.Version).toBe('1');
    expect(lambdaStore.findFunction(key)?.codeSha256).toBe(answer.CodeSha256);
    expect(lambdaStore.code(oldSha)).toBeUndefined();
    expect(lambdaStore.versions(key).map((version) => version.codeSha256)).toEqual([answer.CodeSha256]);
    expect(lambda.changed).toEqual([key]);
  });

  it('with DryRun answers the update and stores nothing', async () => {
    const { updateCode, lambdaStore } = setup();
    const before = lambdaStore.findFunction(key);
    const zip = handlerZip('export const handler = async () => "dry";');
    const answer = await updateCode({ FunctionName: 'fn', ZipFile: zip, DryRun: true }, callContext());
    expect(answer.CodeSha256).not.toBe(before?.codeSha256);
    expect(lambdaStore.findFunction(key)).toEqual(before);
    expect(lambdaStore.code(answer.CodeSha256 as string)).toBeUndefined();
  });
});
