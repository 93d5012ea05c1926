import {
  AddPermissionCommand,
  CreateFunctionCommand,
  DeleteFunctionCommand,
  DeleteFunctionConcurrencyCommand,
  GetAccountSettingsCommand,
  GetFunctionCodeSigningConfigCommand,
  GetFunctionCommand,
  GetFunctionConcurrencyCommand,
  GetFunctionConfigurationCommand,
  GetPolicyCommand,
  InvokeCommand,
  ListFunctionsCommand,
  ListTagsCommand,
  ListVersionsByFunctionCommand,
  PublishVersionCommand,
  PutFunctionConcurrencyCommand,
  RemovePermissionCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
  type FunctionConfiguration,
} from '@aws-sdk/client-lambda';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { scenario, shortUid, type Answer, type ReplayContext } from '../scenario.js';
import type { Json } from '../wire-shape.js';
import {
  createLambdaFunction,
  createLambdaFunctionAws,
  echoZip,
  functionArnOf,
  runtimeFor,
  suRole,
  versionedZip,
  versionZip,
  waitUpdated,
  waitVersionActive,
} from './lambda-support.js';

const file = 'lambda_/test_lambda_api';
const s3BucketArn = 'arn:aws:s3:::test-bucket';

scenario(file, 'TestLambdaFunction::test_function_lifecycle', async (t) => {
  const name = t.name('fn');
  t.match('create_response', await createLambdaFunction(t, { name, extra: { MemorySize: 256, Timeout: 5 } }));
  t.match('get_function_response', await t.lambda(new GetFunctionCommand({ FunctionName: name })));
  const updated = await t.lambda(
    new UpdateFunctionConfigurationCommand({
      FunctionName: name,
      Runtime: runtimeFor('python3.11'),
      Description: 'Changed-Description',
      MemorySize: 512,
      Timeout: 10,
      Environment: { Variables: { ENV_A: 'a' } },
    }),
  );
  t.match('update_func_conf_response', updated);
  await waitUpdated(t, name);
  t.match('get_function_response_postupdate', await t.lambda(new GetFunctionCommand({ FunctionName: name })));
  t.match(
    'update_code_response',
    await t.lambda(new UpdateFunctionCodeCommand({ FunctionName: name, ZipFile: versionZip() })),
  );
  await waitUpdated(t, name);
  t.match('get_function_response_postcodeupdate', await t.lambda(new GetFunctionCommand({ FunctionName: name })));
  t.match('delete_response', await t.lambda(new DeleteFunctionCommand({ FunctionName: name })));
  t.match('delete_postdelete', await t.lambda(new DeleteFunctionCommand({ FunctionName: name })));
});

scenario(file, 'TestLambdaFunction::test_redundant_updates', async (t) => {
  const name = t.name('fn');
  t.match('create_response', await createLambdaFunction(t, { name, extra: { Description: 'Initial description' } }));
  t.match(
    'first_update_result',
    await t.lambda(
      new UpdateFunctionConfigurationCommand({ FunctionName: name, Description: '1st update description' }),
    ),
  );
  await waitUpdated(t, name);
  t.match('get_fn_config_result', await t.lambda(new GetFunctionConfigurationCommand({ FunctionName: name })));
  t.match('get_fn_result', await t.lambda(new GetFunctionCommand({ FunctionName: name })));
  t.match(
    'redundant_update_result',
    await t.lambda(
      new UpdateFunctionConfigurationCommand({ FunctionName: name, Description: '1st update description' }),
    ),
  );
  await waitUpdated(t, name);
  t.match('get_fn_result_after_redundant_update', await t.lambda(new GetFunctionCommand({ FunctionName: name })));
});

type LookupCall = (t: ReplayContext, input: { FunctionName: string; Qualifier?: string }) => Promise<Answer>;

const lookups: Record<string, LookupCall> = {
  delete_function: (t, input) => t.lambda(new DeleteFunctionCommand(input)),
  get_function: (t, input) => t.lambda(new GetFunctionCommand(input)),
  get_function_configuration: (t, input) => t.lambda(new GetFunctionConfigurationCommand(input)),
  get_function_concurrency: (t, input) =>
    t.lambda(new GetFunctionConcurrencyCommand({ FunctionName: input.FunctionName })),
  get_function_code_signing_config: (t, input) =>
    t.lambda(new GetFunctionCodeSigningConfigCommand({ FunctionName: input.FunctionName })),
  invoke: (t, input) => t.lambda(new InvokeCommand(input)),
};

for (const clientfn of ['delete_function', 'get_function', 'get_function_configuration']) {
  scenario(file, `TestLambdaFunction::test_ops_with_arn_qualifier_mismatch[${clientfn}]`, async (t) => {
    const arn = functionArnOf(t, 'some-function');
    t.match('not_match_exception', await lookups[clientfn](t, { FunctionName: `${arn}:1`, Qualifier: '$LATEST' }));
    t.match('match_exception', await lookups[clientfn](t, { FunctionName: `${arn}:$LATEST`, Qualifier: '$LATEST' }));
  });
}

for (const clientfn of ['get_function', 'get_function_configuration']) {
  scenario(file, `TestLambdaFunction::test_ops_on_nonexisting_version[${clientfn}]`, async (t) => {
    const name = t.name('i-exist');
    await createLambdaFunction(t, { name, extra: { Description: 'Initial description' } });
    t.match('version_not_found_exception', await lookups[clientfn](t, { FunctionName: name, Qualifier: '1221' }));
  });
}

scenario(file, 'TestLambdaFunction::test_delete_on_nonexisting_version', async (t) => {
  const name = t.name('i-exist');
  await createLambdaFunction(t, { name, extra: { Description: 'Initial description' } });
  // The recorded test deletes an unknown version twice, then the function, without failing.
  for (const input of [
    { FunctionName: name, Qualifier: '1233' },
    { FunctionName: name, Qualifier: '1233' },
    { FunctionName: name },
  ]) {
    const answer = await t.lambda(new DeleteFunctionCommand(input));
    if (!answer.ok) throw new Error(`DeleteFunction ${JSON.stringify(input)} failed: ${answer.error?.message}`);
  }
  t.match('delete_function_response_non_existent', await t.lambda(new DeleteFunctionCommand({ FunctionName: name })));
  t.match(
    'delete_function_response_non_existent_with_qualifier',
    await t.lambda(new DeleteFunctionCommand({ FunctionName: name, Qualifier: '1233' })),
  );
});

for (const clientfn of [
  'delete_function',
  'get_function',
  'get_function_configuration',
  'get_function_code_signing_config',
  'get_function_concurrency',
]) {
  scenario(file, `TestLambdaFunction::test_ops_on_nonexisting_fn[${clientfn}]`, async (t) => {
    t.match('not_found_exception', await lookups[clientfn](t, { FunctionName: t.name('i-dont-exist') }));
  });
}

for (const clientfn of [
  'get_function',
  'get_function_configuration',
  'get_function_code_signing_config',
  'get_function_concurrency',
  'delete_function',
  'invoke',
]) {
  scenario(file, `TestLambdaFunction::test_get_function_wrong_region[${clientfn}]`, async (t) => {
    const name = t.name('i-exist');
    await createLambdaFunction(t, { name, extra: { Description: 'Initial description' } });
    const wrongRegion = t.region === 'us-east-1' ? 'eu-central-1' : 'us-east-1';
    t.match(
      'wrong_region_exception',
      await lookups[clientfn](t, { FunctionName: functionArnOf(t, name, wrongRegion) }),
    );
  });
}

scenario(file, 'TestLambdaFunction::test_lambda_code_location_zipfile', async (t) => {
  const name = t.name('code-function');
  const zip = echoZip();
  t.match(
    'create-response-zip-file',
    await createLambdaFunctionAws(t, {
      FunctionName: name,
      Handler: 'index.handler',
      Code: { ZipFile: zip },
      PackageType: 'Zip',
      Role: await suRole(t),
    }),
  );
  const got = await t.lambda(new GetFunctionCommand({ FunctionName: name }));
  t.match('get-function-response', got);
  const downloaded = new Uint8Array(await (await fetch(got.output.Code.Location as string)).arrayBuffer());
  if (Buffer.compare(Buffer.from(downloaded), Buffer.from(zip)) !== 0)
    throw new Error('Code.Location did not serve the package');
  t.match(
    'update-function-response',
    await t.lambda(new UpdateFunctionCodeCommand({ FunctionName: name, ZipFile: versionZip() })),
  );
  t.match('get-function-response-updated', await t.lambda(new GetFunctionCommand({ FunctionName: name })));
});

scenario(file, 'TestLambdaFunction::test_function_arns', async (t) => {
  const role = await suRole(t);
  t.match(
    'create-function-arn-response',
    await createLambdaFunction(t, { name: functionArnOf(t, t.name('test-function-arn')), role }),
  );
  t.match(
    'create-function-partial-arn-response',
    await createLambdaFunction(t, { name: `${t.accountId}:function:${t.name('test-partial-arn')}`, role }),
  );
  const create = (FunctionName: string) =>
    t.lambda(
      new CreateFunctionCommand({
        FunctionName,
        Handler: 'index.handler',
        Code: { ZipFile: echoZip() },
        PackageType: 'Zip',
        Role: role,
        Runtime: runtimeFor('python3.12'),
      }),
    );
  t.match('invalid_function_name_exc', await create('invalid:function:name'));
  t.match('long_function_name_exc', await create('a'.repeat(65)));
  const prefix = `arn:aws:lambda:${t.region}:${t.accountId}:function:`;
  t.match('long_function_arn_exc', await create(prefix + 'a'.repeat(140 - prefix.length + 1)));
  t.match(
    'function_arn_other_region_exc',
    await create(`arn:aws:lambda:ap-southeast-1:${t.accountId}:function:${t.name('test-function-arn')}`),
  );
  t.match(
    'function_arn_other_account_exc',
    await create(`arn:aws:lambda:${t.region}:123456789012:function:${t.name('test-function-arn')}`),
  );
});

/** The recorded test keeps only the constraint failures of a validation message, sorted, or the code and message. */
function validationSummary(answer: Answer): Json {
  const error = answer.shape.Error as { Code: string; Message: string } | undefined;
  if (!error) return { Code: null, Message: 'the call succeeded' };
  const found = [...error.Message.matchAll(/(Value '.*?' at '.*?' failed to satisfy constraint: .+?(?=;|$))/g)].map(
    (match) => match[1],
  );
  if (found.length > 0) return { Code: error.Code, Errors: found.sort(), Count: found.length };
  return { Code: error.Code, Message: error.Message };
}

const nameCases: Record<string, (t: ReplayContext) => { FunctionName: string; Qualifier?: string }> = {
  invalid_characters_in_function_name: () => ({ FunctionName: 'my-function!' }),
  function_name_is_single_invalid: () => ({ FunctionName: '*' }),
  invalid_characters_in_qualifier: () => ({ FunctionName: 'my-function', Qualifier: 'invalid!' }),
  qualifier_too_long: () => ({ FunctionName: 'my-function', Qualifier: 'a'.repeat(129) }),
  invalid_account_id_in_partial_arn: () => ({ FunctionName: 'invalid-account:function:my-function' }),
  invalid_region_in_arn: (t) => ({ FunctionName: `arn:aws:lambda:invalid-region:${t.accountId}:function:my-function` }),
  non_lambda_arn: (t) => ({ FunctionName: `arn:aws:ec2:${t.region}:${t.accountId}:instance:i-1234567890abcdef0` }),
  function_name_too_long: () => ({ FunctionName: 'a'.repeat(65) }),
  function_name_too_long_and_invalid_region: (t) => ({
    FunctionName: `arn:aws:lambda:invalid-region:${t.accountId}:function:my-function${'a'.repeat(170)}`,
  }),
  full_arn_and_qualifier_too_long_and_invalid_region: (t) => ({
    FunctionName: `arn:aws:lambda:invalid-region:${t.accountId}:function:my-function-${'a'.repeat(170)}`,
    Qualifier: 'a'.repeat(129),
  }),
  full_arn_with_multiple_qualifiers: (t) => ({
    FunctionName: `arn:aws:lambda:${t.region}:${t.accountId}:function:my-function:1:2`,
  }),
  incomplete_arn: (t) => ({ FunctionName: `arn:aws:lambda:${t.region}:${t.accountId}:function` }),
  partial_arn_with_extra_qualifier: () => ({ FunctionName: 'function:my-function:$LATEST:extra' }),
  latest_version_with_additional_qualifier: (t) => ({
    FunctionName: `arn:aws:lambda:${t.region}:${t.accountId}:function:my-function:$LATEST`,
    Qualifier: '1',
  }),
  lowercase_latest_qualifier: (t) => ({
    FunctionName: `arn:aws:lambda:${t.region}:${t.accountId}:function:my-function`,
    Qualifier: '$latest',
  }),
  missing_region_in_arn: (t) => ({ FunctionName: `arn:aws:lambda::${t.accountId}:function:my-function` }),
  missing_account_id_in_arn: (t) => ({ FunctionName: `arn:aws:lambda:${t.region}::function:my-function` }),
  misspelled_latest_in_arn: (t) => ({
    FunctionName: `arn:aws:lambda:${t.region}:${t.accountId}:function:my-function:$LATES`,
  }),
};

for (const [caseName, input] of Object.entries(nameCases)) {
  for (const clientfn of ['get_function', 'delete_function', 'invoke', 'create_function']) {
    // The recorded test skips this one ("works against AWS"): the name is valid for CreateFunction.
    if (caseName === 'incomplete_arn' && clientfn === 'create_function') continue;
    scenario(
      file,
      `TestLambdaFunction::test_function_name_and_qualifier_validation[${caseName}-${clientfn}]`,
      async (t) => {
        const given = input(t);
        let answer: Answer;
        if (clientfn === 'create_function') {
          const FunctionName = given.Qualifier ? `${given.FunctionName}:${given.Qualifier}` : given.FunctionName;
          answer = await t.lambda(
            new CreateFunctionCommand({
              FunctionName,
              Handler: 'index.handler',
              Code: { ZipFile: echoZip() },
              PackageType: 'Zip',
              Role: await suRole(t),
              Runtime: runtimeFor('python3.12'),
            }),
          );
        } else {
          answer = await lookups[clientfn](t, given);
        }
        t.match(`${clientfn}_exception`, validationSummary(answer));
      },
    );
  }
}

scenario(
  file,
  'TestLambdaFunction::test_create_lambda_exceptions',
  async (t) => {
    const role = await suRole(t);
    const name = t.name('invalid-function');
    const create = (overrides: Record<string, unknown>) =>
      t.lambda(
        new CreateFunctionCommand({
          FunctionName: name,
          Handler: 'index.handler',
          Code: { ZipFile: echoZip() },
          PackageType: 'Zip',
          Role: role,
          Runtime: runtimeFor('python3.12'),
          ...overrides,
        } as never),
      );
    t.match('invalid_role_arn_exc', await create({ Role: 'r1' }));
    t.match('invalid_runtime_exc', await create({ Runtime: 'non-existent-runtime' }));
    t.match('uppercase_runtime_exc', await create({ Runtime: 'PYTHON3.9' }));
    t.match('multiple_architectures', await create({ Architectures: ['x86_64', 'arm64'] }));
    t.match('uppercase_architecture', await create({ Architectures: ['X86_64'] }));
    t.match(
      'invalid_zip_exc',
      await create({
        Code: { ZipFile: new TextEncoder().encode('this is not a zipfile, just a random string') },
        Runtime: runtimeFor('python3.9'),
      }),
    );
  },
  { omitted: { empty_architectures: "botocore's own parameter validation refused the call before sending it" } },
);

scenario(file, 'TestLambdaFunction::test_update_lambda_exceptions', async (t) => {
  const name = t.name('invalid-function');
  await createLambdaFunctionAws(t, {
    FunctionName: name,
    Handler: 'index.handler',
    Code: { ZipFile: echoZip() },
    PackageType: 'Zip',
    Role: await suRole(t),
  });
  t.match(
    'invalid_role_arn_exc',
    await t.lambda(new UpdateFunctionConfigurationCommand({ FunctionName: name, Role: 'r1' })),
  );
  t.match(
    'invalid_runtime_exc',
    await t.lambda(
      new UpdateFunctionConfigurationCommand({ FunctionName: name, Runtime: 'non-existent-runtime' as never }),
    ),
  );
  t.match(
    'uppercase_runtime_exc',
    await t.lambda(new UpdateFunctionConfigurationCommand({ FunctionName: name, Runtime: 'PYTHON3.9' as never })),
  );
});

/** boto3's paginator `build_full_result()`: the pages' lists joined, without the pages' metadata. */
async function allFunctions(
  t: ReplayContext,
  FunctionVersion?: 'ALL',
): Promise<{ Functions: FunctionConfiguration[] }> {
  const functions: FunctionConfiguration[] = [];
  let Marker: string | undefined;
  do {
    const page = await t.lambda(new ListFunctionsCommand({ FunctionVersion, MaxItems: 1, Marker }));
    if (!page.ok) throw new Error(`ListFunctions failed: ${page.error?.message}`);
    functions.push(...(page.shape.Functions as FunctionConfiguration[]));
    Marker = page.output.NextMarker;
  } while (Marker);
  return { Functions: functions };
}

scenario(file, 'TestLambdaFunction::test_list_functions', async (t) => {
  const role = await suRole(t);
  const first = t.name('list-fn-1');
  const second = t.name('list-fn-2');
  t.match('create_response_1', await createLambdaFunction(t, { name: first, role, extra: { Publish: true } }));
  t.match('create_response_2', await createLambdaFunction(t, { name: second, role }));
  t.match(
    'list_functions_invalid_functionversion',
    await t.lambda(new ListFunctionsCommand({ FunctionVersion: 'invalid' as never })),
  );
  const byArn = (a: FunctionConfiguration, b: FunctionConfiguration) =>
    (a.FunctionArn ?? '') < (b.FunctionArn ?? '') ? -1 : 1;
  const all = await allFunctions(t, 'ALL');
  const defaults = await allFunctions(t);
  t.match('list_all', { Functions: all.Functions.sort(byArn) } as unknown as Json);
  t.match('list_default', { Functions: defaults.Functions.sort(byArn) } as unknown as Json);
});

scenario(file, 'TestLambdaFunction::test_invalid_invoke', async (t) => {
  const FunctionName = `arn:aws:lambda:${t.region}:123400000000@function:myfn`;
  t.match(
    'invoke_function_name_pattern_exc',
    await t.lambda(new InvokeCommand({ FunctionName, Payload: new TextEncoder().encode('{}') })),
  );
});

scenario(file, 'TestLambdaFunction::test_lambda_concurrent_code_updates', async (t) => {
  const name = t.name('test-lambda');
  t.match(
    'create-function-response',
    await createLambdaFunctionAws(t, {
      FunctionName: name,
      Role: await suRole(t),
      Handler: 'handler.handler',
      Code: { ZipFile: versionedZip('version0') },
    }),
  );
  await t.lambda(new UpdateFunctionCodeCommand({ FunctionName: name, ZipFile: versionedZip('version1') }));
  t.match(
    'update-during-in-progress-update-exc',
    await t.lambda(new UpdateFunctionCodeCommand({ FunctionName: name, ZipFile: versionedZip('version2') })),
  );
  await waitUpdated(t, name);
});

scenario(file, 'TestLambdaFunction::test_lambda_concurrent_config_updates', async (t) => {
  const name = t.name('test-lambda');
  t.match('create-function-response', await createLambdaFunction(t, { name }));
  await t.lambda(
    new UpdateFunctionConfigurationCommand({ FunctionName: name, Environment: { Variables: { TEST: 'TEST1' } } }),
  );
  t.match(
    'update-during-in-progress-update-exc',
    await t.lambda(
      new UpdateFunctionConfigurationCommand({ FunctionName: name, Environment: { Variables: { TEST: 'TEST2' } } }),
    ),
  );
  await waitUpdated(t, name);
});

scenario(file, 'TestLambdaVersions::test_publish_version_on_create', async (t) => {
  const name = t.name('fn');
  t.match(
    'create_response',
    await createLambdaFunctionAws(t, {
      FunctionName: name,
      Handler: 'index.handler',
      Code: { ZipFile: echoZip() },
      PackageType: 'Zip',
      Role: await suRole(t),
      Publish: true,
    }),
  );
  t.match('get_function_result', await t.lambda(new GetFunctionCommand({ FunctionName: name })));
  t.match(
    'get_function_version_result',
    await t.lambda(new GetFunctionCommand({ FunctionName: name, Qualifier: '1' })),
  );
  t.match(
    'get_function_latest_result',
    await t.lambda(new GetFunctionCommand({ FunctionName: name, Qualifier: '$LATEST' })),
  );
  t.match('list_versions_result', await t.lambda(new ListVersionsByFunctionCommand({ FunctionName: name })));
  t.match(
    'repeated_publish_response',
    await t.lambda(new PublishVersionCommand({ FunctionName: name, Description: 'Repeated version description :)' })),
  );
  t.match(
    'list_versions_result_after_publish',
    await t.lambda(new ListVersionsByFunctionCommand({ FunctionName: name })),
  );
});

scenario(file, 'TestLambdaVersions::test_version_lifecycle', async (t) => {
  const name = t.name('fn');
  t.match(
    'create_response',
    await createLambdaFunctionAws(t, {
      FunctionName: name,
      Handler: 'index.handler',
      Code: { ZipFile: echoZip() },
      PackageType: 'Zip',
      Role: await suRole(t),
      Description: 'No version :(',
    }),
  );
  t.match('get_function_result', await t.lambda(new GetFunctionCommand({ FunctionName: name })));
  t.match('list_versions_result', await t.lambda(new ListVersionsByFunctionCommand({ FunctionName: name })));
  t.match(
    'first_update_response',
    await t.lambda(new UpdateFunctionConfigurationCommand({ FunctionName: name, Description: 'First version :)' })),
  );
  await waitUpdated(t, name);
  t.match('first_update_get_function', await t.lambda(new GetFunctionCommand({ FunctionName: name })));
  const first = await t.lambda(
    new PublishVersionCommand({ FunctionName: name, Description: 'First version description :)' }),
  );
  t.match('first_publish_response', first);
  t.match(
    'first_publish_get_function',
    await t.lambda(new GetFunctionCommand({ FunctionName: name, Qualifier: first.output?.Version })),
  );
  t.match(
    'first_publish_get_function_config',
    await t.lambda(new GetFunctionConfigurationCommand({ FunctionName: name, Qualifier: first.output?.Version })),
  );
  t.match(
    'second_update_response',
    await t.lambda(new UpdateFunctionConfigurationCommand({ FunctionName: name, Description: 'Second version :))' })),
  );
  await waitUpdated(t, name);
  t.match(
    'first_publish_get_function_after_update',
    await t.lambda(new GetFunctionCommand({ FunctionName: name, Qualifier: first.output?.Version })),
  );
  t.match('second_publish_response', await t.lambda(new PublishVersionCommand({ FunctionName: name })));
  t.match(
    'third_publish_response',
    await t.lambda(new PublishVersionCommand({ FunctionName: name, Description: 'Third version description :)))' })),
  );
  t.match(
    'list_versions_result_after_third_publish',
    await t.lambda(new ListVersionsByFunctionCommand({ FunctionName: name })),
  );
  await t.lambda(new DeleteFunctionCommand({ FunctionName: `${name}:${first.output?.Version}` }));
  t.match(
    'list_versions_result_after_deletion_of_first_version',
    await t.lambda(new ListVersionsByFunctionCommand({ FunctionName: name })),
  );
});

scenario(file, 'TestLambdaVersions::test_publish_with_wrong_sha256', async (t) => {
  const name = t.name('fn');
  t.match(
    'create_response',
    await createLambdaFunctionAws(t, {
      FunctionName: name,
      Handler: 'index.handler',
      Code: { ZipFile: echoZip() },
      PackageType: 'Zip',
      Role: await suRole(t),
    }),
  );
  const got = await t.lambda(new GetFunctionCommand({ FunctionName: name }));
  t.match('get_fn_response', got);
  t.match(
    'publish_wrong_sha256_exc',
    await t.lambda(new PublishVersionCommand({ FunctionName: name, CodeSha256: 'somenonexistentsha256' })),
  );
  t.match(
    'publish_result',
    await t.lambda(new PublishVersionCommand({ FunctionName: name, CodeSha256: got.output.Configuration.CodeSha256 })),
  );
});

scenario(file, 'TestLambdaVersions::test_publish_with_update', async (t) => {
  const name = t.name('fn');
  t.match(
    'create_response',
    await createLambdaFunctionAws(t, {
      FunctionName: name,
      Handler: 'index.handler',
      Code: { ZipFile: echoZip() },
      PackageType: 'Zip',
      Role: await suRole(t),
    }),
  );
  t.match('get_function_result', await t.lambda(new GetFunctionCommand({ FunctionName: name })));
  t.match(
    'update_function_code_result',
    await t.lambda(new UpdateFunctionCodeCommand({ FunctionName: name, ZipFile: versionZip(), Publish: true })),
  );
  t.match(
    'get_function_version_result',
    await t.lambda(new GetFunctionCommand({ FunctionName: name, Qualifier: '1' })),
  );
  t.match(
    'get_function_latest_result',
    await t.lambda(new GetFunctionCommand({ FunctionName: name, Qualifier: '$LATEST' })),
  );
});

scenario(file, 'TestLambdaRevisions::test_function_revisions_basic', async (t) => {
  const name = t.name('fn');
  const zip = echoZip();
  const created = await createLambdaFunction(t, { name, zip, handler: 'index.handler' });
  t.match('create_function_response_rev1', created);
  const active = await t.lambda(new GetFunctionCommand({ FunctionName: name }));
  t.match('get_function_response_rev2', active);
  t.match(
    'update_function_revision_exception',
    await t.lambda(new UpdateFunctionCodeCommand({ FunctionName: name, ZipFile: zip, RevisionId: 'wrong' })),
  );
  const codeUpdate = await t.lambda(
    new UpdateFunctionCodeCommand({
      FunctionName: name,
      ZipFile: zip,
      RevisionId: active.output?.Configuration?.RevisionId,
    }),
  );
  t.match('update_function_code_response_rev3', codeUpdate);
  await waitUpdated(t, name);
  const codeUpdated = await t.lambda(new GetFunctionCommand({ FunctionName: name }));
  t.match('get_function_response_rev4', codeUpdated);
  t.match(
    'update_function_configuration_revision_exception',
    await t.lambda(
      new UpdateFunctionConfigurationCommand({
        FunctionName: name,
        Runtime: runtimeFor('python3.8'),
        RevisionId: 'wrong',
      }),
    ),
  );
  t.match(
    'update_function_configuration_response_rev5',
    await t.lambda(
      new UpdateFunctionConfigurationCommand({
        FunctionName: name,
        Runtime: runtimeFor('python3.8'),
        RevisionId: codeUpdated.output?.Configuration?.RevisionId,
      }),
    ),
  );
  await waitUpdated(t, name);
  t.match('get_function_response_rev6', await t.lambda(new GetFunctionCommand({ FunctionName: name })));
});

scenario(
  file,
  'TestLambdaRevisions::test_function_revisions_version_and_alias',
  async (t) => {
    const name = t.name('fn');
    t.match('create_function_response_rev1', await createLambdaFunction(t, { name }));
    const active = await t.lambda(new GetFunctionCommand({ FunctionName: name }));
    t.match('get_function_active_rev2', active);
    t.match(
      'publish_version_revision_exception',
      await t.lambda(new PublishVersionCommand({ FunctionName: name, RevisionId: 'wrong' })),
    );
    const published = await t.lambda(
      new PublishVersionCommand({ FunctionName: name, RevisionId: active.output?.Configuration?.RevisionId }),
    );
    t.match('publish_version_response_rev_v1', published);
    await waitVersionActive(t, name);
    t.match(
      'get_function_published_version_rev_v2',
      await t.lambda(new GetFunctionCommand({ FunctionName: name, Qualifier: published.output?.Version })),
    );
    t.match('get_function_latest_rev3', await t.lambda(new GetFunctionCommand({ FunctionName: name })));
  },
  {
    omitted: {
      create_alias_response_rev_a1: 'aliases are not emulated',
      get_function_latest_rev4: 'follows an alias creation (aliases are not emulated)',
      get_function_published_version_rev_v3: 'follows an alias creation (aliases are not emulated)',
      update_alias_revision_exception: 'aliases are not emulated',
      update_alias_response_rev_a2: 'aliases are not emulated',
    },
  },
);

scenario(file, 'TestLambdaTag::test_create_tag_on_fn_create', async (t) => {
  const name = t.name('fn');
  await createLambdaFunction(t, { name, extra: { Tags: { testtag: t.name('tag') } } });
  const got = await t.lambda(new GetFunctionCommand({ FunctionName: name }));
  t.match('get_function_result', got);
  t.match('list_tags_result', await t.lambda(new ListTagsCommand({ Resource: got.output.Configuration.FunctionArn })));
});

async function functionArnFixture(t: ReplayContext): Promise<string> {
  const name = t.name('fn');
  await createLambdaFunction(t, { name });
  return (await t.lambda(new GetFunctionCommand({ FunctionName: name }))).output.Configuration.FunctionArn as string;
}

scenario(file, 'TestLambdaTag::test_tag_lifecycle[lambda_function]', async (t) => {
  const Resource = await functionArnFixture(t);
  const steps: [string, () => Promise<Answer>][] = [
    ['tag_single', () => t.lambda(new TagResourceCommand({ Resource, Tags: { A: 'tag-a' } }))],
    ['tag_multiple', () => t.lambda(new TagResourceCommand({ Resource, Tags: { B: 'tag-b', C: 'tag-c' } }))],
    ['tag_overlap', () => t.lambda(new TagResourceCommand({ Resource, Tags: { C: 'tag-c-newsuffix', D: 'tag-d' } }))],
    ['untag_single', () => t.lambda(new UntagResourceCommand({ Resource, TagKeys: ['A'] }))],
    ['untag_multiple', () => t.lambda(new UntagResourceCommand({ Resource, TagKeys: ['B', 'C'] }))],
    ['untag_nonexisting', () => t.lambda(new UntagResourceCommand({ Resource, TagKeys: ['F'] }))],
    ['untag_existing_and_nonexisting', () => t.lambda(new UntagResourceCommand({ Resource, TagKeys: ['D', 'F'] }))],
  ];
  for (const [step, call] of steps) {
    t.match(`${step}_response`, await call());
    t.match(`${step}_response_listtags`, await t.lambda(new ListTagsCommand({ Resource })));
  }
});

scenario(file, 'TestLambdaTag::test_tag_exceptions[lambda_function]', async (t) => {
  const Resource = functionArnOf(t, `${shortUid()}${shortUid()}${shortUid()}${shortUid()}`);
  t.match('not_found_exception_tag', await t.lambda(new TagResourceCommand({ Resource, Tags: { A: 'B' } })));
  t.match('not_found_exception_untag', await t.lambda(new UntagResourceCommand({ Resource, TagKeys: ['A'] })));
  t.match('not_found_exception_list', await t.lambda(new ListTagsCommand({ Resource })));
  t.match('aliased_arn_exception', await t.lambda(new ListTagsCommand({ Resource: `${Resource}:alias` })));
  const parts = Resource.split(':');
  parts[parts.length - 2] = 'foobar';
  t.match('invalid_arn_exception', await t.lambda(new ListTagsCommand({ Resource: parts.join(':') })));
});

scenario(file, 'TestLambdaTag::test_tag_nonexisting_resource', async (t) => {
  const Resource = await functionArnFixture(t);
  t.match('pre_delete_get_function', await t.lambda(new GetFunctionCommand({ FunctionName: Resource })));
  await t.lambda(new DeleteFunctionCommand({ FunctionName: Resource }));
  t.match('not_found_exception_tag', await t.lambda(new TagResourceCommand({ Resource, Tags: { A: 'B' } })));
  t.match('not_found_exception_untag', await t.lambda(new UntagResourceCommand({ Resource, TagKeys: ['A'] })));
  t.match('not_found_exception_list', await t.lambda(new ListTagsCommand({ Resource })));
});

scenario(file, 'TestLambdaReservedConcurrency::test_function_concurrency_exceptions', async (t) => {
  t.match(
    'put_function_concurrency_with_function_name_doesnotexist',
    await t.lambda(
      new PutFunctionConcurrencyCommand({ FunctionName: 'doesnotexist', ReservedConcurrentExecutions: 1 }),
    ),
  );
  t.match(
    'put_function_concurrency_with_function_name_doesnotexist_and_invalid_concurrency',
    await t.lambda(
      new PutFunctionConcurrencyCommand({ FunctionName: 'doesnotexist', ReservedConcurrentExecutions: 0 }),
    ),
  );
  const name = t.name('lambda_func');
  await createLambdaFunction(t, { name });
  const latest = await t.lambda(new GetFunctionConfigurationCommand({ FunctionName: name, Qualifier: '$LATEST' }));
  t.match(
    'put_function_concurrency_with_qualified_arn',
    await t.lambda(
      new PutFunctionConcurrencyCommand({ FunctionName: latest.output.FunctionArn, ReservedConcurrentExecutions: 0 }),
    ),
  );
});

scenario(file, 'TestLambdaReservedConcurrency::test_function_concurrency_limits', async (t) => {
  const name = t.name('lambda_func');
  await createLambdaFunction(t, { name });
  const settings = await t.lambda(new GetAccountSettingsCommand({}));
  const limit = settings.output.AccountLimit.ConcurrentExecutions as number;
  t.match(
    'put_function_concurrency_account_limit_exceeded',
    await t.lambda(new PutFunctionConcurrencyCommand({ FunctionName: name, ReservedConcurrentExecutions: limit + 1 })),
  );
  t.match(
    'put_function_concurrency_below_unreserved_min_value',
    await t.lambda(new PutFunctionConcurrencyCommand({ FunctionName: name, ReservedConcurrentExecutions: limit })),
  );
});

scenario(file, 'TestLambdaReservedConcurrency::test_function_concurrency', async (t) => {
  const name = t.name('lambda_func');
  await createLambdaFunction(t, { name });
  t.match(
    'put_function_concurrency_with_reserved_0',
    await t.lambda(new PutFunctionConcurrencyCommand({ FunctionName: name, ReservedConcurrentExecutions: 0 })),
  );
  t.match(
    'put_function_concurrency_with_reserved_1',
    await t.lambda(new PutFunctionConcurrencyCommand({ FunctionName: name, ReservedConcurrentExecutions: 1 })),
  );
  t.match('get_function_concurrency', await t.lambda(new GetFunctionConcurrencyCommand({ FunctionName: name })));
  t.match('delete_response', await t.lambda(new DeleteFunctionConcurrencyCommand({ FunctionName: name })));
  t.match(
    'get_function_concurrency_after_delete',
    await t.lambda(new GetFunctionConcurrencyCommand({ FunctionName: name })),
  );
});

const invokePermission = { Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com' };

scenario(file, 'TestLambdaPermissions::test_permission_exceptions', async (t) => {
  const name = t.name('lambda_func');
  await createLambdaFunction(t, { name });
  const add = (input: Record<string, unknown>) =>
    t.lambda(
      new AddPermissionCommand({ FunctionName: name, ...invokePermission, StatementId: 's3', ...input } as never),
    );
  t.match('add_permission_invalid_statement_id', await add({ StatementId: 'example.com' }));
  t.match(
    'add_permission_fn_qualifier_mismatch',
    await add({ FunctionName: `${name}:alias-not-42`, SourceArn: s3BucketArn, Qualifier: '42' }),
  );
  t.match(
    'add_permission_fn_qualifier_latest',
    await add({ FunctionName: `${name}:$LATEST`, SourceArn: s3BucketArn, Qualifier: '$LATEST' }),
  );
  t.match(
    'add_permission_principal_invalid',
    await add({ StatementId: 'lambda', Principal: 'invalid.nonaws.com', SourceAccount: t.accountId }),
  );
  t.match('get_policy_fn_doesnotexist', await t.lambda(new GetPolicyCommand({ FunctionName: 'doesnotexist' })));
  t.match(
    'get_policy_fn_version_doesnotexist',
    await t.lambda(new GetPolicyCommand({ FunctionName: name, Qualifier: '77' })),
  );
  t.match('add_permission_fn_doesnotexist', await add({ FunctionName: 'doesnotexist', SourceArn: s3BucketArn }));
  t.match(
    'remove_permission_policy_doesnotexist',
    await t.lambda(new RemovePermissionCommand({ FunctionName: name, StatementId: 's3' })),
  );
  t.match(
    'add_permission_fn_alias_doesnotexist',
    await add({ FunctionName: `${name}:alias-doesnotexist`, SourceArn: s3BucketArn }),
  );
  t.match('add_permission_fn_version_doesnotexist', await add({ SourceArn: s3BucketArn, Qualifier: '42' }));
  t.match(
    'add_permission_fn_qualifier_invalid',
    await add({ SourceArn: s3BucketArn, Qualifier: 'invalid-qualifier-with-?-char' }),
  );
  t.match(
    'add_permission_fn_qualifier_valid_doesnotexist',
    await add({ SourceArn: s3BucketArn, Qualifier: 'valid-with-$-but-doesnotexist' }),
  );
  await add({ SourceArn: s3BucketArn });
  t.match('add_permission_conflicting_statement_id', await add({ SourceArn: s3BucketArn }));
  t.match(
    'remove_permission_fn_doesnotexist',
    await t.lambda(new RemovePermissionCommand({ FunctionName: 'doesnotexist', StatementId: 's3' })),
  );
  t.match(
    'remove_permission_fn_alias_doesnotexist',
    await t.lambda(
      new RemovePermissionCommand({ FunctionName: name, StatementId: 's3', Qualifier: 'alias-doesnotexist' }),
    ),
  );
});

scenario(file, 'TestLambdaPermissions::test_add_lambda_permission_aws', async (t) => {
  const name = t.name('lambda_func');
  t.match('create_lambda', await createLambdaFunction(t, { name }));
  t.match(
    'add_permission',
    await t.lambda(
      new AddPermissionCommand({ FunctionName: name, ...invokePermission, StatementId: 's3', SourceArn: s3BucketArn }),
    ),
  );
  t.match('get_policy', await t.lambda(new GetPolicyCommand({ FunctionName: name })));
});

scenario(
  file,
  'TestLambdaPermissions::test_lambda_permission_fn_versioning',
  async (t) => {
    const name = t.name('lambda_func');
    await createLambdaFunction(t, { name });
    t.match(
      'add_permission',
      await t.lambda(
        new AddPermissionCommand({
          FunctionName: name,
          ...invokePermission,
          StatementId: 's3',
          SourceArn: s3BucketArn,
        }),
      ),
    );
    t.match('get_policy', await t.lambda(new GetPolicyCommand({ FunctionName: name })));
    const published = await t.lambda(new PublishVersionCommand({ FunctionName: name }));
    t.match('publish_version_result', published);
    const version = published.output?.Version as string;
    await waitVersionActive(t, name);
    t.match('get_function_result_after_publishing', await t.lambda(new GetFunctionCommand({ FunctionName: name })));
    t.match('get_policy_after_publishing_latest', await t.lambda(new GetPolicyCommand({ FunctionName: name })));
    t.match(
      'get_policy_after_publishing_new_version',
      await t.lambda(new GetPolicyCommand({ FunctionName: name, Qualifier: version })),
    );
    await t.lambda(
      new AddPermissionCommand({
        FunctionName: `${name}:${version}`,
        ...invokePermission,
        StatementId: 's3',
        SourceArn: s3BucketArn,
        Qualifier: version,
      }),
    );
    t.match('get_policy_version', await t.lambda(new GetPolicyCommand({ FunctionName: name, Qualifier: version })));
    const policy = await t.lambda(new GetPolicyCommand({ FunctionName: name }));
    t.match('get_policy_after_adding_to_new_version', policy);
    await t.lambda(
      new AddPermissionCommand({
        FunctionName: name,
        ...invokePermission,
        StatementId: 's3_2',
        SourceArn: s3BucketArn,
        RevisionId: policy.output?.RevisionId,
      }),
    );
    t.match('get_policy_after_adding_2', await t.lambda(new GetPolicyCommand({ FunctionName: name })));
  },
  {
    omitted: {
      create_alias_response: 'aliases are not emulated',
      get_alias: 'aliases are not emulated',
      add_permission_alias_revision_exception: 'aliases are not emulated',
      get_policy_alias: 'aliases are not emulated',
    },
  },
);

scenario(file, 'TestLambdaPermissions::test_add_lambda_permission_fields', async (t) => {
  const name = t.name('lambda_func');
  await createLambdaFunction(t, { name });
  const add = (input: Record<string, unknown>) =>
    t.lambda(new AddPermissionCommand({ FunctionName: name, Action: 'lambda:InvokeFunction', ...input } as never));
  t.match(
    'add_permission_principal_wildcard',
    await add({ StatementId: 'wilcard', Principal: '*', SourceAccount: t.accountId }),
  );
  t.match(
    'add_permission_principal_service',
    await add({ StatementId: 'lambda', Principal: 'lambda.amazonaws.com', SourceAccount: t.accountId }),
  );
  t.match('add_permission_principal_account', await add({ StatementId: 'account-id', Principal: t.accountId }));
  const caller = await t.sts(new GetCallerIdentityCommand({}));
  t.match(
    'add_permission_principal_arn',
    await add({ StatementId: 'user-arn', Principal: caller.output.Arn, SourceAccount: t.accountId }),
  );
  t.match(
    'add_permission_optional_fields',
    await add({
      StatementId: 'urlPermission',
      Action: 'lambda:InvokeFunctionUrl',
      Principal: '*',
      SourceArn: s3BucketArn,
      SourceAccount: t.accountId,
      PrincipalOrgID: 'o-1234567890',
      FunctionUrlAuthType: 'NONE',
    }),
  );
  t.match(
    'add_permission_alexa_skill',
    await add({
      StatementId: 'alexaSkill',
      Principal: '*',
      EventSourceToken: 'amzn1.ask.skill.xxxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
    }),
  );
});

scenario(file, 'TestLambdaPermissions::test_remove_multi_permissions', async (t) => {
  const name = t.name('lambda_func');
  await createLambdaFunction(t, { name });
  t.match(
    'add_permission_1',
    await t.lambda(new AddPermissionCommand({ FunctionName: name, ...invokePermission, StatementId: 's3' })),
  );
  t.match(
    'add_permission_2',
    await t.lambda(
      new AddPermissionCommand({
        FunctionName: name,
        Action: 'lambda:InvokeFunction',
        StatementId: 'sqs',
        Principal: 'sqs.amazonaws.com',
        SourceArn: s3BucketArn,
      }),
    ),
  );
  t.match('policy_after_2_add', await t.lambda(new GetPolicyCommand({ FunctionName: name })));
  t.match(
    'remove_permission_exception_nonexisting_sid',
    await t.lambda(new RemovePermissionCommand({ FunctionName: name, StatementId: 'non-existent' })),
  );
  await t.lambda(new RemovePermissionCommand({ FunctionName: name, StatementId: 'sqs' }));
  t.match('policy_after_removal', await t.lambda(new GetPolicyCommand({ FunctionName: name })));
  const attempt = await t.lambda(new GetPolicyCommand({ FunctionName: name }));
  t.match('policy_after_removal_attempt', attempt);
  await t.lambda(
    new RemovePermissionCommand({ FunctionName: name, StatementId: 's3', RevisionId: attempt.output?.RevisionId }),
  );
  t.match('get_policy_exception_removed_all', await t.lambda(new GetPolicyCommand({ FunctionName: name })));
});

scenario(file, 'TestLambdaPermissions::test_create_multiple_lambda_permissions', async (t) => {
  const name = t.name('test-function');
  await createLambdaFunction(t, { name });
  const add = (StatementId: string, Principal: string) =>
    t.lambda(new AddPermissionCommand({ FunctionName: name, Action: 'lambda:InvokeFunction', StatementId, Principal }));
  t.match('add_permission_response_1', await add('logs', 'logs.amazonaws.com'));
  t.match('add_permission_response_2', await add('kinesis', 'kinesis.amazonaws.com'));
  t.match('policy_after_2_add', await t.lambda(new GetPolicyCommand({ FunctionName: name })));
});

/** TestLambdaSizeLimits' environments: one byte above 4 KB (as JSON), or exactly 4 KB. */
scenario(file, 'TestLambdaSizeLimits::test_large_environment_variables_fails', async (t) => {
  const key = 'LARGE_VAR';
  t.match(
    'failed_create_fn_result',
    await createLambdaFunction(t, { envvars: { [key]: 'x'.repeat(4 * 1024 - 6 - key.length) } }),
  );
});

scenario(file, 'TestLambdaSizeLimits::test_large_environment_fails_multiple_keys', async (t) => {
  t.match(
    'failured_create_fn_result_multi_key',
    await createLambdaFunction(t, { envvars: { SMALL_VAR: 'ok', LARGE_VAR: 'x'.repeat(4064) } }),
  );
});

scenario(file, 'TestLambdaSizeLimits::test_lambda_envvars_near_limit_succeeds', async (t) => {
  const key = 'LARGE_VAR';
  t.match(
    'successful_create_fn_result',
    await createLambdaFunction(t, { envvars: { [key]: 'x'.repeat(4 * 1024 - 7 - key.length) } }),
  );
});

scenario(file, 'TestLambdaAccountSettings::test_account_settings', async (t) => {
  const settings = await t.lambda(new GetAccountSettingsCommand({}));
  const shape = settings.shape as Record<string, Json>;
  t.match('acc_settings_modded', {
    ...shape,
    AccountLimit: Object.keys(shape.AccountLimit as object).sort(),
    AccountUsage: Object.keys(shape.AccountUsage as object).sort(),
  });
});

scenario(file, 'TestLambdaTags::test_tag_exceptions', async (t) => {
  const name = t.name('fn-tag');
  await createLambdaFunction(t, { name });
  const arn = (await t.lambda(new GetFunctionCommand({ FunctionName: name }))).output.Configuration
    .FunctionArn as string;
  const prefix = `arn:aws:lambda:${t.region}:${t.accountId}:function:`;
  t.match(
    'tag_lambda_invalidarn',
    await t.lambda(new TagResourceCommand({ Resource: 'arn:aws:something', Tags: { key_a: 'value_a' } })),
  );
  t.match(
    'tag_lambda_doesnotexist',
    await t.lambda(new TagResourceCommand({ Resource: `${prefix}doesnotexist`, Tags: { key_a: 'value_a' } })),
  );
  t.match(
    'tag_lambda_qualifier_doesnotexist',
    await t.lambda(new TagResourceCommand({ Resource: `${arn}:v1`, Tags: { key_a: 'value_a' } })),
  );
  t.match('list_tag_lambda_empty', await t.lambda(new ListTagsCommand({ Resource: arn })));
  t.match('untag_nomatch', await t.lambda(new UntagResourceCommand({ Resource: arn, TagKeys: ['somekey'] })));
  t.match('untag_empty_keys', await t.lambda(new UntagResourceCommand({ Resource: arn, TagKeys: [] })));
  t.match('tag_empty_tags', await t.lambda(new TagResourceCommand({ Resource: arn, Tags: {} })));
});

const numberedTags = (count: number) =>
  Object.fromEntries(Array.from({ length: count }, (_, index) => [`${index}_key`, `${index}_value`]));

scenario(file, 'TestLambdaTags::test_tag_limits', async (t) => {
  const role = await suRole(t);
  const name = t.name('fn-tag');
  await createLambdaFunction(t, { name, role });
  const arn = (await t.lambda(new GetFunctionCommand({ FunctionName: name }))).output.Configuration
    .FunctionArn as string;
  t.match(
    'tag_lambda_too_many_tags',
    await t.lambda(new TagResourceCommand({ Resource: arn, Tags: numberedTags(51) })),
  );
  t.match('tag_response', await t.lambda(new TagResourceCommand({ Resource: arn, Tags: numberedTags(50) })));
  t.match('list_tags_response', await t.lambda(new ListTagsCommand({ Resource: arn })));
  t.match('get_fn_response', await t.lambda(new GetFunctionCommand({ FunctionName: name })));
  t.match(
    'tag_lambda_too_many_tags_additional',
    await t.lambda(new TagResourceCommand({ Resource: arn, Tags: { a_key: 'a_value' } })),
  );
  t.match(
    'create_function_invalid_tags',
    await t.lambda(
      new CreateFunctionCommand({
        FunctionName: t.name('fn-tag'),
        Handler: 'index.handler',
        Code: { ZipFile: echoZip() },
        PackageType: 'Zip',
        Role: role,
        Runtime: runtimeFor('python3.12'),
        Tags: numberedTags(51),
      }),
    ),
  );
});

scenario(file, 'TestLambdaTags::test_tag_versions', async (t) => {
  const name = t.name('fn-tag');
  const created = await createLambdaFunction(t, { name, extra: { Tags: { key_a: 'value_a' } } });
  const published = await t.lambda(new PublishVersionCommand({ FunctionName: name }));
  const Tags = { key_b: 'value_b', key_c: 'value_c', key_d: 'value_d', key_e: 'value_e' };
  t.match(
    'tag_resource_exception',
    await t.lambda(new TagResourceCommand({ Resource: published.output.FunctionArn, Tags })),
  );
  t.match(
    'tag_resource_latest_exception',
    await t.lambda(new TagResourceCommand({ Resource: `${created.output.FunctionArn}:$LATEST`, Tags })),
  );
});

scenario(file, 'TestLambdaTags::test_tag_lifecycle', async (t) => {
  const name = t.name('fn-tag');
  await createLambdaFunction(t, { name, extra: { Tags: { key_a: 'value_a' } } });
  const arn = (await t.lambda(new GetFunctionCommand({ FunctionName: name }))).output.Configuration
    .FunctionArn as string;
  const tagsFor = async (suffix: string) => {
    t.match(`list_tags_response_${suffix}`, await t.lambda(new ListTagsCommand({ Resource: arn })));
    t.match(`get_fn_response_${suffix}`, await t.lambda(new GetFunctionCommand({ FunctionName: arn })));
  };
  await tagsFor('postfncreate');
  t.match(
    'tag_resource_response',
    await t.lambda(
      new TagResourceCommand({
        Resource: arn,
        Tags: { key_b: 'value_b', key_c: 'value_c', key_d: 'value_d', key_e: 'value_e' },
      }),
    ),
  );
  await tagsFor('postaddtags');
  t.match(
    'tag_resource_overwrite',
    await t.lambda(new TagResourceCommand({ Resource: arn, Tags: { key_b: 'value_b', key_c: 'value_x' } })),
  );
  await tagsFor('overwrite');
  await t.lambda(new UntagResourceCommand({ Resource: arn, TagKeys: ['key_c', 'key_d'] }));
  await tagsFor('postuntag');
  await t.lambda(new UntagResourceCommand({ Resource: arn, TagKeys: ['key_a', 'key_b', 'key_e'] }));
  await tagsFor('postuntagall');
  await t.lambda(new DeleteFunctionCommand({ FunctionName: name }));
  t.match('list_tags_postdelete', await t.lambda(new ListTagsCommand({ Resource: arn })));
});
