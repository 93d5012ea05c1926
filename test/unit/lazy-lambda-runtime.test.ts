import { describe, expect, it } from 'vitest';
import { Clock } from '../../emulator/clock.js';
import { Logger } from '../../emulator/logger.js';
import { addPermission } from '../../emulator/services/lambda/add-permission.js';
import { LazyLambdaRuntime } from '../../emulator/services/lambda/runtime/lazy-lambda-runtime.js';
import { callContext } from '../support/call-context.js';
import { accountId, lambdaServicesWithFunction } from '../support/lambda-unit.js';

const region = 'us-east-1';
const sourceArn = `arn:aws:execute-api:${region}:${accountId}:abc/dev/GET/hello`;

describe('the Lambda runtime, loaded on the first invocation', () => {
  it('answers resource-policy questions, function changes and resets before any function ran', async () => {
    const services = lambdaServicesWithFunction();
    await addPermission.build(services)(
      {
        FunctionName: 'fn',
        StatementId: 'apigw',
        Action: 'lambda:InvokeFunction',
        Principal: 'apigateway.amazonaws.com',
        SourceArn: `arn:aws:execute-api:${region}:${accountId}:abc/*`,
      },
      callContext(),
    );
    const lambda = new LazyLambdaRuntime({
      config: services.config,
      clock: new Clock(),
      log: new Logger('error'),
      lambdaStore: services.lambdaStore,
      iam: services.iam,
      credentials: {
        issue: () => {
          throw new Error('no worker starts in this test');
        },
      },
      url: 'http://127.0.0.1:1',
    });
    const ask = (principal: string) =>
      lambda.permitsInvoke(accountId, region, { functionName: 'fn', principal, sourceArn });
    expect(ask('apigateway.amazonaws.com')).toBe(true);
    expect(ask('events.amazonaws.com')).toBe(false);
    lambda.functionChanged({ accountId, region, name: 'fn' });
    lambda.reapIdleWorkers(0);
    lambda.reset();

    // Stopped before anything ran: nothing was loaded, and an invocation now is refused rather than starting it.
    await lambda.close();
    await expect(
      lambda.invoke(accountId, region, { functionName: 'fn', payload: Buffer.from('{}'), invocationType: 'Event' }),
    ).rejects.toThrow('the emulator stopped before the Lambda runtime started');
  });
});
