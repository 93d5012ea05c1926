import {
  AddPermissionCommand,
  CreateFunctionCommand,
  DeleteFunctionCommand,
  GetFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';
import { stackConventions } from '../../contracts/stack-conventions.js';
import { helloFunctionZip } from './hello-zip.js';
import type { Provisioner } from './provisioner.js';
import { retrying } from './retry.js';

/** A new role is not usable by Lambda for some seconds on AWS (IAM propagation). */
function roleNotYetAssumable(error: unknown): boolean {
  const { name, message } = error as { name?: string; message?: string };
  return name === 'InvalidParameterValueException' && /cannot be assumed by Lambda/.test(message ?? '');
}

/** Step 6: the hello function from examples/hello, waited for until Active. */
export async function createHelloFunction(
  provisioner: Provisioner,
  lambdaRoleArn: string,
): Promise<string | undefined> {
  const { clients, options, stack } = provisioner;
  const functionName = options.names.function;
  const created = await provisioner.call('createFunction', () =>
    retrying(
      () =>
        clients.lambda.send(
          new CreateFunctionCommand({
            FunctionName: functionName,
            Runtime: stackConventions.runtime,
            Handler: stackConventions.handler,
            Role: lambdaRoleArn,
            Code: { ZipFile: helloFunctionZip() },
            Timeout: 10,
            MemorySize: 128,
            Tags: options.tags,
          }),
        ),
      (error) => options.eventuallyConsistent && roleNotYetAssumable(error),
      30_000,
    ),
  );
  const functionArn = created?.FunctionArn;
  if (!functionArn) return undefined;
  provisioner.teardown.add(`function ${functionName}`, () =>
    clients.lambda.send(new DeleteFunctionCommand({ FunctionName: functionName })),
  );
  Object.assign(stack, { functionName, functionArn });
  await waitUntilActive(provisioner, functionName, created.State);
  return functionArn;
}

async function waitUntilActive(
  provisioner: Provisioner,
  functionName: string,
  state: string | undefined,
): Promise<void> {
  const deadline = Date.now() + 120_000;
  // Polls soon, then less often: an emulator is Active in a fraction of a second, AWS in seconds.
  for (let delayMs = 100; state === 'Pending' && Date.now() < deadline; delayMs = Math.min(delayMs * 2, 1000)) {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    const configuration = await provisioner.call('waitFunctionActive', () =>
      provisioner.clients.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: functionName })),
    );
    state = configuration?.State;
  }
}

/** Step 6 (end, once the API exists): let API Gateway invoke the function from this API only. */
export async function allowApiGatewayInvoke(provisioner: Provisioner, restApiId: string): Promise<void> {
  const { clients, options, stack } = provisioner;
  if (!stack.functionName) return;
  const functionName = stack.functionName;
  await provisioner.call('addPermission', () =>
    clients.lambda.send(
      new AddPermissionCommand({
        FunctionName: functionName,
        StatementId: stackConventions.invokeStatementId,
        Action: 'lambda:InvokeFunction',
        Principal: 'apigateway.amazonaws.com',
        SourceArn: `arn:aws:execute-api:${options.region}:${options.accountId}:${restApiId}/*`,
      }),
    ),
  );
}
