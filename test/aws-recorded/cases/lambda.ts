import {
  DeleteFunctionCommand,
  DeleteFunctionConcurrencyCommand,
  GetFunctionCommand,
  GetFunctionConcurrencyCommand,
  InvokeCommand,
  PublishVersionCommand,
  PutFunctionConcurrencyCommand,
  UpdateFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';
import { zipFunction } from '../../support/lambda-functions.js';
import { scenario, shortUid } from '../scenario.js';
import type { Json } from '../wire-shape.js';
import {
  createLambdaFunction,
  createLambdaFunctionAws,
  echoHandler,
  echoZip,
  suRole,
  waitUpdated,
  waitVersionActive,
} from './lambda-support.js';

const file = 'lambda_/test_lambda';
const emptyEvent = new TextEncoder().encode('{}');

/** A package holding `source` as `<module>.js` (the recorded tests name their handler files). */
function packageOf(module: string, source: string): Uint8Array {
  return zipFunction({ [`${module}.js`]: `${source}// package ${shortUid()}\n` });
}

/** lambda_echo.js (Node.js): logs the event and returns it. */
const nodeEcho = 'exports.handler = async function (event, context) { console.log(event); return event; };\n';

scenario(file, 'TestLambdaBaseFeatures::test_function_state', async (t) => {
  const name = t.name('test-function');
  t.match(
    'create-fn-response',
    await createLambdaFunctionAws(t, {
      FunctionName: name,
      Handler: 'handler.handler',
      Role: await suRole(t),
      Code: { ZipFile: echoZip() },
    }),
  );
  t.match('get-fn-response', await t.lambda(new GetFunctionCommand({ FunctionName: name })));
});

/** The recorded `invocation_echo_lambda` fixture: the echo handler on each runtime it is parametrized with. */
const echoRuntimes: Record<string, { runtime: string; zip: () => Uint8Array }> = {
  'nodejs16.x': { runtime: 'nodejs16.x', zip: () => packageOf('handler', nodeEcho) },
  'python3.10': { runtime: 'python3.10', zip: echoZip },
};

for (const [id, echo] of Object.entries(echoRuntimes)) {
  scenario(file, `TestLambdaFeatures::test_invocation_type_request_response[${id}]`, async (t) => {
    const created = await createLambdaFunction(t, { runtime: echo.runtime, zip: echo.zip() });
    t.match(
      'invoke-result',
      await t.lambda(
        new InvokeCommand({
          FunctionName: created.output.FunctionArn,
          Payload: emptyEvent,
          InvocationType: 'RequestResponse',
        }),
      ),
    );
  });
  scenario(file, `TestLambdaFeatures::test_invocation_type_event[${id}]`, async (t) => {
    const created = await createLambdaFunction(t, { runtime: echo.runtime, zip: echo.zip() });
    t.match(
      'invoke-result',
      await t.lambda(
        new InvokeCommand({ FunctionName: created.output.FunctionArn, Payload: emptyEvent, InvocationType: 'Event' }),
      ),
    );
  });
  scenario(file, `TestLambdaFeatures::test_invocation_with_logs[${id}]`, async (t) => {
    const created = await createLambdaFunction(t, { runtime: echo.runtime, zip: echo.zip() });
    const invoked = await t.lambda(
      new InvokeCommand({ FunctionName: created.output.FunctionArn, Payload: emptyEvent, LogType: 'Tail' }),
    );
    // The recording's transformers: LogResult by a literal, the log's timestamps by `date` (lambda_report_logs).
    const log = Buffer.from((invoked.output?.LogResult as string) ?? '', 'base64').toString('utf8');
    t.match('invoke', { ...invoked.shape, LogResult: invoked.output?.LogResult ? 'log-result' : null });
    const lines = log.split(/(?<=\n)/).map((line) => line.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z/g, 'date'));
    t.match('logs', { logs: lines });
  });
}

for (const [id, runtime] of [
  ['python', 'python3.12'],
  ['nodejs', 'nodejs18.x'],
] as const) {
  for (const invocationType of ['RequestResponse', 'Event'] as const) {
    scenario(file, `TestLambdaFeatures::test_invocation_type_no_return_payload[${id}-${invocationType}]`, async (t) => {
      const name = t.name('test-function');
      // lambda_none.py / lambda_none.js: log the event, return nothing.
      const none = 'exports.handler = async (event) => { console.log(JSON.stringify(event)); };\n';
      await createLambdaFunction(t, { name, runtime, zip: packageOf('handler', none) });
      t.match(
        'invoke-result',
        await t.lambda(new InvokeCommand({ FunctionName: name, Payload: emptyEvent, InvocationType: invocationType })),
      );
    });
  }
}

scenario(file, 'TestLambdaFeatures::test_invoke_exceptions', async (t) => {
  t.match('invoke_function_doesnotexist', await t.lambda(new InvokeCommand({ FunctionName: 'doesnotexist' })));
});

scenario(file, 'TestLambdaBehavior::test_lambda_cache_local[nodejs]', async (t) => {
  const name = t.name('test_lambda');
  const cache =
    'const localCache = { counter: 0 };\n' +
    'const handler = async () => ({ counter: localCache.counter++ });\n' +
    'module.exports = { handler };\n';
  await createLambdaFunction(t, { name, runtime: 'nodejs20.x', zip: packageOf('handler', cache) });
  t.match('first_invoke_result', await t.lambda(new InvokeCommand({ FunctionName: name })));
  t.match('second_invoke_result', await t.lambda(new InvokeCommand({ FunctionName: name })));
});

scenario(file, 'TestLambdaConcurrency::test_lambda_concurrency_crud', async (t) => {
  const name = t.name('fn-concurrency');
  await createLambdaFunction(t, { name });
  t.match(
    'get_function_concurrency_default',
    await t.lambda(new GetFunctionConcurrencyCommand({ FunctionName: name })),
  );
  t.match(
    'put_function_concurrency',
    await t.lambda(new PutFunctionConcurrencyCommand({ FunctionName: name, ReservedConcurrentExecutions: 0 })),
  );
  t.match(
    'get_function_concurrency_updated',
    await t.lambda(new GetFunctionConcurrencyCommand({ FunctionName: name })),
  );
  await t.lambda(new DeleteFunctionConcurrencyCommand({ FunctionName: name }));
  t.match(
    'get_function_concurrency_deleted',
    await t.lambda(new GetFunctionConcurrencyCommand({ FunctionName: name })),
  );
});

scenario(file, 'TestLambdaConcurrency::test_lambda_concurrency_update', async (t) => {
  const name = t.name('fn-concurrency');
  await createLambdaFunction(t, { name });
  t.match(
    'put_function_concurrency',
    await t.lambda(new PutFunctionConcurrencyCommand({ FunctionName: name, ReservedConcurrentExecutions: 3 })),
  );
  t.match(
    'get_function_concurrency_updated',
    await t.lambda(new GetFunctionConcurrencyCommand({ FunctionName: name })),
  );
  t.match('get_function_concurrency_info', await t.lambda(new GetFunctionCommand({ FunctionName: name })));
  await t.lambda(new DeleteFunctionConcurrencyCommand({ FunctionName: name }));
  t.match(
    'get_function_concurrency_deleted',
    await t.lambda(new GetFunctionConcurrencyCommand({ FunctionName: name })),
  );
});

scenario(file, 'TestLambdaVersions::test_lambda_handler_update', async (t) => {
  const name = t.name('test_lambda');
  // lambda_multiple_handlers.py: two handlers in one module.
  const handlers =
    'exports.handler = async () => { const result = { handler: "handler" }; console.log(result); return result; };\n' +
    'exports.handler_two = async () => { const result = { handler: "handler_two" }; ' +
    'console.log(result); return result; };\n';
  await createLambdaFunction(t, { name, zip: packageOf('handler', handlers) });
  t.match('invoke_result_handler_one', await t.lambda(new InvokeCommand({ FunctionName: name })));
  t.match(
    'update_function_configuration_result',
    await t.lambda(new UpdateFunctionConfigurationCommand({ FunctionName: name, Handler: 'handler.handler_two' })),
  );
  await waitUpdated(t, name);
  t.match('get_function_result', await t.lambda(new GetFunctionCommand({ FunctionName: name })));
  t.match('invoke_result_handler_two', await t.lambda(new InvokeCommand({ FunctionName: name })));
  const published = await t.lambda(new PublishVersionCommand({ FunctionName: name }));
  await waitVersionActive(t, name, published.output?.Version);
  t.match('invoke_result_handler_two_postpublish', await t.lambda(new InvokeCommand({ FunctionName: name })));
});

scenario(file, 'TestLambdaCleanup::test_recreate_function', async (t) => {
  const name = t.name('test-function');
  const role = await suRole(t);
  const zip = () => packageOf('lambda_echo', echoHandler);
  t.match(
    'create_function_response_one',
    await createLambdaFunction(t, { name, role, handler: 'lambda_echo.handler', zip: zip() }),
  );
  await t.lambda(new DeleteFunctionCommand({ FunctionName: name }));
  t.match(
    'create_function_response_two',
    await createLambdaFunction(t, { name, role, handler: 'lambda_echo.handler', zip: zip() }),
  );
  const invoked = await t.lambda(new InvokeCommand({ FunctionName: name, InvocationType: 'Event' }));
  if (invoked.output?.StatusCode !== 202)
    throw new Error(`the asynchronous invocation answered ${JSON.stringify(invoked.shape as Json)}`);
});
