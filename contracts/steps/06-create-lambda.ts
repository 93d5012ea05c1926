import { AddPermissionCommand, GetFunctionCommand } from '@aws-sdk/client-lambda';
import { z } from 'zod';
import { at, same, show } from '../checks.js';
import { defineContract, recorded } from '../define.js';
import type { JsonValue } from '../outcome.js';
import { stackConventions } from '../stack-conventions.js';
import type { ContractContext } from '../types.js';

const lambdaModel =
  'botocore lambda 2015-03-31 service-2.json (FunctionConfiguration, GetFunctionResponse, AddPermission)';

/** Recorded AWS answers (LocalStack's parity snapshots, replayed against idpool by test/aws-recorded). */
function lambdaRecording(test: string, key: string): string {
  return (
    'recorded AWS answer: ' +
    `localstack/localstack@8b9a79f05846 tests/aws/services/lambda_/test_lambda_api.snapshot.json, ${test} → ` +
    `${key} (copy: test/fixtures/aws-recorded/lambda/test_lambda_api.snapshot.json)`
  );
}

/**
 * Lambda adds members over time (SnapStart, LoggingConfig, …): the members idpool relies on are checked, others
 * allowed.
 */
const functionConfigurationSchema = z.looseObject({
  FunctionName: z.string(),
  FunctionArn: z.string().regex(/^arn:aws[\w-]*:lambda:[a-z0-9-]+:\d{12}:function:[\w-]+$/),
  Runtime: z.string(),
  Role: z.string().regex(/^arn:aws[\w-]*:iam::\d{12}:role\/.+$/),
  Handler: z.string(),
  CodeSize: z.number().int().positive(),
  CodeSha256: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
  Timeout: z.number().int().positive(),
  MemorySize: z.number().int().positive(),
  LastModified: z.string(),
  Version: z.literal('$LATEST'),
  State: z.enum(['Pending', 'Active', 'Inactive', 'Failed']).optional(),
  PackageType: z.literal('Zip').optional(),
});

function isTheStackFunction(configuration: JsonValue | undefined, ctx: ContractContext): string[] {
  const body = (configuration ?? {}) as Record<string, JsonValue>;
  return [
    ...same('FunctionName', body.FunctionName, ctx.stack.functionName),
    ...same('FunctionArn', body.FunctionArn, ctx.stack.functionArn),
    ...same('Runtime', body.Runtime, stackConventions.runtime),
    ...same('Handler', body.Handler, stackConventions.handler),
  ];
}

export const createLambdaContracts = [
  defineContract({
    id: 'create-lambda.create-function-response',
    step: 'create-lambda',
    title: 'CreateFunction answers 201 with the function configuration (ARN, runtime, handler, code hash)',
    request:
      'lambda CreateFunction {FunctionName: idpool-<run>-hello, Runtime: nodejs20.x, Handler: index.handler, ' +
      'Role: <lambda role>, Code: {ZipFile: examples/hello}, Tags: {idpool:run}}',
    status: 'validated',
    source: {
      ref: `${lambdaRecording('TestLambdaFunction::test_function_lifecycle', 'create_response')}; ${lambdaModel}; https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html`,
      note:
        'Recorded: HTTP 201, FunctionArn arn:<partition>:lambda:<region>:<account>:function:<name>, ' +
        'Version $LATEST, PackageType Zip, State Pending (StateReasonCode Creating, ' +
        '"The function is being created."), CodeSha256 and CodeSize present. From the docs: ' +
        'CodeSha256 is the base64 SHA-256 of the zip.',
    },
    run: (ctx) => recorded(ctx, 'createFunction'),
    expect: {
      kind: 'response',
      status: 201,
      schema: functionConfigurationSchema,
      checks: { 'the stack function': (body, ctx) => isTheStackFunction(body, ctx) },
    },
  }),
  defineContract({
    id: 'create-lambda.get-function',
    step: 'create-lambda',
    title: 'GetFunction answers the Active function, a code location and its tags',
    request: 'lambda GetFunction {FunctionName: <function>}',
    status: 'validated',
    source: {
      ref:
        `${lambdaRecording('TestLambdaFunction::test_function_lifecycle', 'get_function_response')}; ` +
        `${lambdaRecording('TestLambdaTag::test_create_tag_on_fn_create', 'get_function_result')}; ${lambdaModel}`,
      note:
        'Recorded: HTTP 200, {Code: {Location, RepositoryType: S3}, Configuration: {… State Active, ' +
        'LastUpdateStatus Successful}}, and Tags {<key>: <value>} for a function created with tags. ' +
        'The model adds TagsError and Concurrency.',
    },
    run: (ctx) => ctx.call(ctx.clients.lambda.send(new GetFunctionCommand({ FunctionName: ctx.stack.functionName }))),
    expect: {
      kind: 'response',
      status: 200,
      schema: z.strictObject({
        Configuration: functionConfigurationSchema,
        Code: z.looseObject({ RepositoryType: z.string(), Location: z.string() }),
        Tags: z.record(z.string(), z.string()).optional(),
        TagsError: z.looseObject({}).optional(),
        Concurrency: z.looseObject({}).optional(),
      }),
      checks: {
        'the stack function': (body, ctx) => isTheStackFunction(at(body, 'Configuration'), ctx),
        active: (body) => same('Configuration.State', at(body, 'Configuration.State'), 'Active'),
        'tagged with the run': (body, ctx) =>
          same(
            `Tags.${stackConventions.runTag}`,
            (at(body, 'Tags') as Record<string, JsonValue> | undefined)?.[stackConventions.runTag],
            ctx.runId,
          ),
      },
    },
  }),
  defineContract({
    id: 'create-lambda.add-permission-response',
    step: 'create-lambda',
    title: 'AddPermission answers 201 with the statement letting apigateway.amazonaws.com invoke the function',
    request:
      `lambda AddPermission {FunctionName: <function>, StatementId: ${stackConventions.invokeStatementId}, ` +
      'Action: lambda:InvokeFunction, Principal: apigateway.amazonaws.com, SourceArn: ' +
      'arn:aws:execute-api:<region>:<account>:<api>/*}',
    status: 'validated',
    source: {
      ref: `${lambdaRecording('TestLambdaPermissions::test_add_lambda_permission_aws', 'add_permission')}; ${lambdaModel}; https://docs.aws.amazon.com/lambda/latest/api/API_AddPermission.html`,
      note:
        'Recorded: HTTP 201, {Statement} (a JSON string; the snapshot shows it parsed) = {Sid, Effect: Allow, ' +
        'Principal: {Service: s3.amazonaws.com}, Action: lambda:InvokeFunction, Resource: ' +
        '<the unqualified function ARN>, Condition: {ArnLike: {AWS:SourceArn: …}}}.',
    },
    run: (ctx) => recorded(ctx, 'addPermission'),
    expect: {
      kind: 'response',
      status: 201,
      schema: z.strictObject({ Statement: z.string() }),
      checks: {
        'the statement': (body, ctx) => {
          let statement: Record<string, unknown>;
          try {
            statement = JSON.parse(String(at(body, 'Statement'))) as Record<string, unknown>;
          } catch {
            return [`Statement: expected a JSON string, got ${show(at(body, 'Statement'))}`];
          }
          return [
            ...same('Statement.Sid', statement.Sid, stackConventions.invokeStatementId),
            ...same('Statement.Effect', statement.Effect, 'Allow'),
            ...same('Statement.Principal', statement.Principal, { Service: 'apigateway.amazonaws.com' }),
            ...same('Statement.Action', statement.Action, 'lambda:InvokeFunction'),
            ...same('Statement.Resource', statement.Resource, ctx.stack.functionArn),
          ];
        },
      },
    },
  }),
  defineContract({
    id: 'create-lambda.unknown-function',
    step: 'create-lambda',
    title: 'GetFunction of a function that does not exist is ResourceNotFoundException (404) naming its ARN',
    request: 'lambda GetFunction {FunctionName: idpool-<run>-missing}',
    status: 'validated',
    source: {
      ref:
        `${lambdaRecording('TestLambdaFunction::test_ops_on_nonexisting_fn[get_function]', 'not_found_exception')}; ` +
        `${lambdaModel}`,
      note:
        "Recorded: HTTP 404, ResourceNotFoundException, Type User, 'Function not found: " +
        "arn:<partition>:lambda:<region>:<account>:function:<name>'.",
    },
    run: (ctx) =>
      ctx.call(ctx.clients.lambda.send(new GetFunctionCommand({ FunctionName: `idpool-${ctx.runId}-missing` }))),
    expect: {
      kind: 'error',
      error: {
        code: 'ResourceNotFoundException',
        status: 404,
        message: /^Function not found: arn:aws[\w-]*:lambda:[a-z0-9-]+:\d{12}:function:idpool-[\w-]+-missing$/,
      },
    },
  }),
  defineContract({
    id: 'create-lambda.duplicate-statement-id',
    step: 'create-lambda',
    title: 'AddPermission with a StatementId already in the policy is ResourceConflictException (409)',
    request:
      `lambda AddPermission {FunctionName: <function>, StatementId: ${stackConventions.invokeStatementId}, ` +
      '…} a second time',
    status: 'validated',
    source: {
      ref: `${lambdaRecording(
        'TestLambdaPermissions::test_permission_exceptions',
        'add_permission_conflicting_statement_id',
      )}; ${lambdaModel}`,
      note:
        "Recorded: HTTP 409, ResourceConflictException, 'The statement id (s3) provided already exists. " +
        "Please provide a new statement id, or remove the existing statement.'",
    },
    changesStack: true,
    run: (ctx) =>
      ctx.call(
        ctx.clients.lambda.send(
          new AddPermissionCommand({
            FunctionName: ctx.stack.functionName,
            StatementId: stackConventions.invokeStatementId,
            Action: 'lambda:InvokeFunction',
            Principal: 'apigateway.amazonaws.com',
          }),
        ),
      ),
    expect: {
      kind: 'error',
      error: {
        code: 'ResourceConflictException',
        status: 409,
        message: new RegExp(
          '^The statement id \\(idpool-apigateway-invoke\\) provided already exists\\. ' +
            'Please provide a new statement id, or remove the existing statement\\.$',
        ),
      },
    },
  }),
];
