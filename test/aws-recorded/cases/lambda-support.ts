import { CreateRoleCommand } from '@aws-sdk/client-iam';
import {
  CreateFunctionCommand,
  type LambdaClient,
  waitUntilFunctionActiveV2,
  waitUntilFunctionUpdatedV2,
  waitUntilPublishedVersionActive,
  type CreateFunctionCommandInput,
} from '@aws-sdk/client-lambda';
import { zipFunction } from '../../support/lambda-functions.js';
import { runtimeTranslations } from '../accepted.js';
import { replayLambdaTransitionMs, shortUid, type Answer, type ReplayContext } from '../scenario.js';

/**
 * The handlers the recorded tests deploy, translated from Python to Node.js. Each package holds the handler as
 * both `handler.js` and `index.js`, since the tests name either (`handler.handler`, `index.handler`).
 */
function bothNames(source: string): Uint8Array {
  // Each package differs, as each of LocalStack's archives (zipped with the time of the call) does.
  const unique = `${source}// package ${shortUid()}\n`;
  return zipFunction({ 'handler.js': unique, 'index.js': unique });
}

/** lambda_echo.py: prints the event and returns it. */
export const echoHandler =
  'exports.handler = async (event) => { console.log(JSON.stringify(event)); return event; };\n';

/** lambda_python_version.py: answers the runtime's version (Node.js's, here). */
const versionHandler = 'exports.handler = async () => ({ version: `nodejs${process.versions.node.split(".")[0]}` });\n';

/** lambda_version.py with its `%s` filled in: the version text, the invoked ARN and the context's version. */
function versionedHandler(versionId: string): string {
  return (
    'exports.handler = async (event, context) => { const result = { version_id: ' +
    JSON.stringify(versionId) +
    ', invoked_arn: context.invokedFunctionArn, version_from_ctx: context.functionVersion }; ' +
    'console.log(result); return result; };\n'
  );
}

export const echoZip = () => bothNames(echoHandler);
export const versionZip = () => bothNames(versionHandler);
export const versionedZip = (versionId: string) => bothNames(versionedHandler(versionId));

/** The Node.js runtime the reproductions deploy where a recorded test deploys `runtime`. */
export function runtimeFor(runtime: string): CreateFunctionCommandInput['Runtime'] {
  return (runtimeTranslations[runtime] ?? runtime) as CreateFunctionCommandInput['Runtime'];
}

const lambdaTrust = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};

/** LocalStack's `lambda_su_role`: a role Lambda may assume. */
export async function suRole(t: ReplayContext): Promise<string> {
  const created = await t.iam(
    new CreateRoleCommand({
      RoleName: t.name('lambda-su-role'),
      AssumeRolePolicyDocument: JSON.stringify(lambdaTrust),
    }),
  );
  return created.output.Role.Arn as string;
}

/** The SDK's waiters, polling at a pace that suits an emulator (the recorded tests use boto3's). */
const pace = { minDelay: 0.05, maxDelay: 0.2, maxWaitTime: 20 };

/**
 * The replay's emulator keeps Lambda's transitions for a minute (replayLambdaTransitionMs), so that a reproduction
 * sees the Pending and InProgress states the recordings show however slow the machine; where a recorded test waits,
 * the reproduction moves the emulator's clock past the transition, then waits with the SDK's waiter.
 */
async function passTransitions(t: ReplayContext): Promise<void> {
  const moved = await fetch(`${t.emulator.url}/_idpool/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advanceSeconds: replayLambdaTransitionMs / 1000 + 1 }),
  });
  if (!moved.ok) throw new Error(`moving the emulator clock failed: ${moved.status}`);
}

async function waitActive(t: ReplayContext, functionName: string): Promise<void> {
  await passTransitions(t);
  await waitUntilFunctionActiveV2(
    { client: t.lambda.client as unknown as LambdaClient, ...pace },
    { FunctionName: functionName },
  );
}

export async function waitUpdated(t: ReplayContext, functionName: string): Promise<void> {
  await passTransitions(t);
  await waitUntilFunctionUpdatedV2(
    { client: t.lambda.client as unknown as LambdaClient, ...pace },
    { FunctionName: functionName },
  );
}

export async function waitVersionActive(t: ReplayContext, functionName: string, qualifier?: string): Promise<void> {
  await passTransitions(t);
  await waitUntilPublishedVersionActive(
    { client: t.lambda.client as unknown as LambdaClient, ...pace },
    { FunctionName: functionName, Qualifier: qualifier },
  );
}

export interface FixtureFunction {
  name?: string;
  runtime?: string;
  handler?: string;
  zip?: Uint8Array;
  role?: string;
  envvars?: Record<string, string>;
  extra?: Partial<CreateFunctionCommandInput>;
}

/**
 * LocalStack's `create_lambda_function` fixture: CreateFunction with its defaults (handler `handler.handler`,
 * 30 s timeout, the given environment), then waiting until the function is no longer Pending. The recordings keep
 * its result as `{"CreateEventSourceMappingResponse": null, "CreateFunctionResponse": <answer>}`; a failed create
 * raises, so its recording is the error.
 */
export async function createLambdaFunction(t: ReplayContext, options: FixtureFunction = {}): Promise<Answer> {
  const name = options.name ?? t.name('fn');
  const answer = await t.lambda(
    new CreateFunctionCommand({
      FunctionName: name,
      Runtime: runtimeFor(options.runtime ?? 'python3.12'),
      Handler: options.handler ?? 'handler.handler',
      Role: options.role ?? (await suRole(t)),
      Code: { ZipFile: options.zip ?? echoZip() },
      Timeout: 30,
      Environment: { Variables: options.envvars ?? {} },
      ...options.extra,
    }),
  );
  if (!answer.ok) return answer;
  await waitActive(t, answer.output.FunctionName as string);
  return { ...answer, shape: { CreateEventSourceMappingResponse: null, CreateFunctionResponse: answer.shape } };
}

/** LocalStack's `create_lambda_function_aws` fixture: CreateFunction as given, then waiting until Active. */
export async function createLambdaFunctionAws(
  t: ReplayContext,
  input: Partial<CreateFunctionCommandInput> & { Runtime?: string },
): Promise<Answer> {
  const answer = await t.lambda(
    new CreateFunctionCommand({
      ...input,
      Runtime: runtimeFor(input.Runtime ?? 'python3.12'),
    } as CreateFunctionCommandInput),
  );
  if (answer.ok) await waitActive(t, answer.output.FunctionName as string);
  return answer;
}

export function functionArnOf(t: ReplayContext, name: string, region = t.region): string {
  return `arn:aws:lambda:${region}:${t.accountId}:function:${name}`;
}
