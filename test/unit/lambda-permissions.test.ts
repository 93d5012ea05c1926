import { describe, expect, it } from 'vitest';
import { addPermission } from '../../emulator/services/lambda/add-permission.js';
import { getPolicy } from '../../emulator/services/lambda/get-policy.js';
import { removePermission } from '../../emulator/services/lambda/remove-permission.js';
import { policyAllowsInvoke } from '../../emulator/services/lambda/resource-policy.js';
import { callContext } from '../support/call-context.js';
import { accountId, lambdaServicesWithFunction } from '../support/lambda-unit.js';

const arn = `arn:aws:lambda:us-east-1:${accountId}:function:fn`;
const grant = {
  FunctionName: 'fn',
  StatementId: 'apigw',
  Action: 'lambda:InvokeFunction',
  Principal: 'apigateway.amazonaws.com',
};

function setup() {
  const services = lambdaServicesWithFunction();
  return {
    services,
    add: addPermission.build(services),
    get: getPolicy.build(services),
    remove: removePermission.build(services),
  };
}

describe('AddPermission, GetPolicy, RemovePermission', () => {
  it("adds a statement in Lambda's shape, which GetPolicy shows and RemovePermission takes away", async () => {
    const { add, get, remove } = setup();
    const added = await add({ ...grant, SourceArn: 'arn:aws:execute-api:us-east-1:000000000000:abc/*' }, callContext());
    expect(JSON.parse(added.Statement as string)).toEqual({
      Sid: 'apigw',
      Effect: 'Allow',
      Principal: { Service: 'apigateway.amazonaws.com' },
      Action: 'lambda:InvokeFunction',
      Resource: arn,
      Condition: { ArnLike: { 'AWS:SourceArn': 'arn:aws:execute-api:us-east-1:000000000000:abc/*' } },
    });
    const policy = await get({ FunctionName: 'fn' }, callContext());
    expect(JSON.parse(policy.Policy as string)).toMatchObject({ Id: 'default', Statement: [{ Sid: 'apigw' }] });
    remove({ FunctionName: 'fn', StatementId: 'apigw', RevisionId: policy.RevisionId }, callContext());
    expect(() => get({ FunctionName: 'fn' }, callContext())).toThrow(
      expect.objectContaining({
        code: 'ResourceNotFoundException',
        message: 'The resource you requested does not exist.',
      }),
    );
  });

  it('refuses a statement id twice, $LATEST, an alias and a stale policy RevisionId', async () => {
    const { add } = setup();
    add(grant, callContext());
    expect(() => add(grant, callContext())).toThrow(
      expect.objectContaining({
        code: 'ResourceConflictException',
        message: expect.stringMatching(/^The statement id \(apigw\)/),
      }),
    );
    expect(() => add({ ...grant, StatementId: 'b', Qualifier: '$LATEST' }, callContext())).toThrow(
      expect.objectContaining({ message: 'We currently do not support adding policies for $LATEST.' }),
    );
    expect(() => add({ ...grant, StatementId: 'b', Qualifier: 'live' }, callContext())).toThrow(
      expect.objectContaining({ code: 'ResourceNotFoundException', message: `Cannot find alias arn: ${arn}:live` }),
    );
    expect(() => add({ ...grant, StatementId: 'b', RevisionId: 'stale' }, callContext())).toThrow(
      expect.objectContaining({ code: 'PreconditionFailedException' }),
    );
  });

  it('names what RemovePermission misses: the version, any policy, the statement', async () => {
    const { add, remove } = setup();
    expect(() => remove({ FunctionName: 'fn', StatementId: 'x', Qualifier: '3' }, callContext())).toThrow(
      expect.objectContaining({ message: `No policy found for: ${arn}:3` }),
    );
    expect(() => remove({ FunctionName: 'fn', StatementId: 'x' }, callContext())).toThrow(
      expect.objectContaining({ message: 'No policy is associated with the given resource.' }),
    );
    add(grant, callContext());
    expect(() => remove({ FunctionName: 'fn', StatementId: 'x' }, callContext())).toThrow(
      expect.objectContaining({ message: 'Statement x is not found in resource policy.' }),
    );
  });

  it('decides each request by its own SourceArn, and anew once the policy changed', async () => {
    const { services, add, remove } = setup();
    const key = { accountId, region: 'us-east-1', name: 'fn' };
    const latest = () => {
      const record = services.lambdaStore.findFunction(key);
      if (!record) throw new Error('the function is gone');
      return record;
    };
    const from = (sourceArn: string) => ({
      principal: 'apigateway.amazonaws.com',
      sourceArn,
      sourceAccount: accountId,
    });
    const api = 'arn:aws:execute-api:us-east-1:000000000000:abc/dev/GET/hello';
    const other = 'arn:aws:execute-api:us-east-1:000000000000:xyz/dev/GET/hello';
    expect(policyAllowsInvoke(latest(), undefined, from(api))).toBe(false);
    await add({ ...grant, SourceArn: 'arn:aws:execute-api:us-east-1:000000000000:abc/*' }, callContext());
    for (let call = 0; call < 3; call++) {
      expect(policyAllowsInvoke(latest(), undefined, from(api))).toBe(true);
      expect(policyAllowsInvoke(latest(), undefined, from(other))).toBe(false);
    }
    remove({ FunctionName: 'fn', StatementId: 'apigw' }, callContext());
    expect(policyAllowsInvoke(latest(), undefined, from(api))).toBe(false);
    await add({ ...grant, SourceArn: other.replace('/dev/GET/hello', '/*') }, callContext());
    expect(policyAllowsInvoke(latest(), undefined, from(api))).toBe(false);
    expect(policyAllowsInvoke(latest(), undefined, from(other))).toBe(true);
  });
});
