import { createHash } from 'node:crypto';
import {
  CreateFunctionCommand,
  DeleteFunctionCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  ListFunctionsCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { awsError, useEmulator } from '../support/emulator.js';
import { createLambdaRole, deployFunction, waitActive, waitUpdated, zipFunction } from '../support/lambda-functions.js';

const source = { 'index.mjs': 'export const handler = async () => "hello";' };
const lambdaTimestamp = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('Lambda functions', () => {
  const ctx = useEmulator();
  const lambda = () => ctx.clients.lambda;
  let role: string;
  const arnOf = (name: string) => `arn:aws:lambda:${ctx.emulator.region}:${ctx.emulator.accountId}:function:${name}`;

  beforeAll(async () => {
    role = await createLambdaRole(ctx.clients, 'functions-role');
  });

  it('creates a function and describes it as Lambda does', async () => {
    const zip = zipFunction(source);
    const created = await lambda().send(
      new CreateFunctionCommand({
        FunctionName: 'described',
        Runtime: 'nodejs22.x',
        Role: role,
        Handler: 'index.handler',
        Code: { ZipFile: zip },
        Description: 'says hello',
        Timeout: 10,
        MemorySize: 256,
        Environment: { Variables: { GREETING: 'hi' } },
        Architectures: ['arm64'],
        Tags: { team: 'identity' },
      }),
    );
    expect(created.$metadata.httpStatusCode).toBe(201);
    expect(created).toMatchObject({
      FunctionName: 'described',
      FunctionArn: arnOf('described'),
      Runtime: 'nodejs22.x',
      Role: role,
      Handler: 'index.handler',
      CodeSize: zip.byteLength,
      CodeSha256: createHash('sha256').update(zip).digest('base64'),
      Description: 'says hello',
      Timeout: 10,
      MemorySize: 256,
      Version: '$LATEST',
      Environment: { Variables: { GREETING: 'hi' } },
      State: 'Pending',
      StateReason: 'The function is being created.',
      StateReasonCode: 'Creating',
      PackageType: 'Zip',
      Architectures: ['arm64'],
      TracingConfig: { Mode: 'PassThrough' },
      EphemeralStorage: { Size: 512 },
      LoggingConfig: { LogFormat: 'Text', LogGroup: '/aws/lambda/described' },
    });
    expect(created.LastUpdateStatus).toBeUndefined();
    expect(created.LastModified).toMatch(lambdaTimestamp);
    expect(created.RevisionId).toMatch(uuid);
    expect(created.RuntimeVersionConfig?.RuntimeVersionArn).toMatch(/^arn:aws:lambda:us-east-1::runtime:[0-9a-f]{64}$/);

    await waitActive(lambda(), 'described');
    const configuration = await lambda().send(new GetFunctionConfigurationCommand({ FunctionName: 'described' }));
    expect(configuration).toMatchObject({ State: 'Active', LastUpdateStatus: 'Successful' });
    expect(configuration.RevisionId).toMatch(uuid);
    expect(configuration.RevisionId).not.toBe(created.RevisionId);
    expect(configuration.LastModified).toBe(created.LastModified);
  });

  it('applies Lambda defaults: 3 s, 128 MB, x86_64, empty description', async () => {
    const created = await deployFunction(ctx.clients, role, 'defaults', source);
    expect(created).toMatchObject({ Timeout: 3, MemorySize: 128, Architectures: ['x86_64'], Description: '' });
    expect(created.Environment).toBeUndefined();
  });

  it('gets a function with a download URL for its code, its tags and its concurrency', async () => {
    const zip = zipFunction({ 'index.js': 'exports.handler = async () => 1;' });
    await lambda().send(
      new CreateFunctionCommand({
        FunctionName: 'downloadable',
        Runtime: 'nodejs18.x',
        Role: role,
        Handler: 'index.handler',
        Code: { ZipFile: zip },
        Tags: { a: 'b' },
      }),
    );
    await waitActive(lambda(), 'downloadable');
    const fetched = await lambda().send(new GetFunctionCommand({ FunctionName: 'downloadable' }));
    expect(fetched.Configuration?.FunctionName).toBe('downloadable');
    expect(fetched.Tags).toEqual({ a: 'b' });
    expect(fetched.Concurrency).toBeUndefined();
    expect(fetched.Code?.RepositoryType).toBe('S3');
    const download = await fetch(fetched.Code?.Location as string);
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(zip);
    const tampered = await fetch(
      (fetched.Code?.Location as string).replace(/Signature=[0-9a-f]+/, `Signature=${'0'.repeat(64)}`),
    );
    expect(tampered.status).toBe(403);
  });

  it('finds a function by name, partial ARN and full ARN, with or without $LATEST', async () => {
    await deployFunction(ctx.clients, role, 'named', source);
    for (const name of ['named', `${ctx.emulator.accountId}:function:named`, arnOf('named')]) {
      const configuration = await lambda().send(new GetFunctionConfigurationCommand({ FunctionName: name }));
      expect(configuration.FunctionArn).toBe(arnOf('named'));
    }
    // Naming $LATEST names it in the answer too (recorded: test_publish_version_on_create::get_function_latest_result).
    for (const name of ['named:$LATEST', `${arnOf('named')}:$LATEST`]) {
      const configuration = await lambda().send(new GetFunctionConfigurationCommand({ FunctionName: name }));
      expect(configuration.FunctionArn).toBe(`${arnOf('named')}:$LATEST`);
    }
  });

  it('answers ResourceNotFoundException naming the function as it was asked for', async () => {
    const missing = await awsError(lambda().send(new GetFunctionCommand({ FunctionName: 'nowhere' })));
    expect(missing.name).toBe('ResourceNotFoundException');
    expect(missing.$metadata.httpStatusCode).toBe(404);
    expect(missing.message).toBe(`Function not found: ${arnOf('nowhere')}`);
    const qualified = await awsError(
      lambda().send(new GetFunctionConfigurationCommand({ FunctionName: 'named', Qualifier: 'live' })),
    );
    expect(qualified.message).toBe(`Function not found: ${arnOf('named')}:live`);
    const elsewhere = await awsError(
      lambda().send(new GetFunctionCommand({ FunctionName: 'arn:aws:lambda:eu-west-1:000000000000:function:named' })),
    );
    expect(elsewhere.name).toBe('ResourceNotFoundException');
    expect(elsewhere.message).toBe("Functions from 'eu-west-1' are not reachable in this region ('us-east-1')");
  });

  it('refuses a second function of the same name with ResourceConflictException', async () => {
    await deployFunction(ctx.clients, role, 'twice', source);
    const conflict = await awsError(deployFunction(ctx.clients, role, 'twice', source));
    expect(conflict.name).toBe('ResourceConflictException');
    expect(conflict.$metadata.httpStatusCode).toBe(409);
    expect(conflict.message).toBe('Function already exist: twice');
  });

  it('refuses a role that does not exist or does not trust Lambda', async () => {
    const untrusting = await createLambdaRole(
      ctx.clients,
      'not-for-lambda',
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      }),
    );
    for (const badRole of [`arn:aws:iam::${ctx.emulator.accountId}:role/ghost`, untrusting]) {
      const refused = await awsError(deployFunction(ctx.clients, badRole, 'roleless', source));
      expect(refused.name).toBe('InvalidParameterValueException');
      expect(refused.$metadata.httpStatusCode).toBe(400);
      expect(refused.message).toBe('The role defined for the function cannot be assumed by Lambda.');
    }
  });

  it('names what it cannot run instead of pretending', async () => {
    const python = await awsError(
      deployFunction(ctx.clients, role, 'snake', source, { Runtime: 'python3.12', Handler: 'app.handler' }),
    );
    expect(python.name).toBe('UnsupportedFeature');
    expect(python.$metadata.httpStatusCode).toBe(400);
    expect(python.message).toContain('python3.12');
    const image = await awsError(
      lambda().send(
        new CreateFunctionCommand({
          FunctionName: 'boxed',
          Role: role,
          PackageType: 'Image',
          Code: { ImageUri: '1.dkr.ecr/x:1' },
        }),
      ),
    );
    expect(image.name).toBe('UnsupportedFeature');
    expect(image.message).toContain('Image');
    const s3 = await awsError(
      lambda().send(
        new CreateFunctionCommand({
          FunctionName: 'fromS3',
          Role: role,
          Runtime: 'nodejs20.x',
          Handler: 'index.handler',
          Code: { S3Bucket: 'bucket', S3Key: 'key.zip' },
        }),
      ),
    );
    expect(s3.name).toBe('UnsupportedFeature');
    const layers = await awsError(
      deployFunction(ctx.clients, role, 'layered', source, {
        Layers: ['arn:aws:lambda:us-east-1:000000000000:layer:x:1'],
      }),
    );
    expect(layers.name).toBe('UnsupportedFeature');
    const old = await awsError(deployFunction(ctx.clients, role, 'ancient', source, { Runtime: 'nodejs12.x' }));
    expect(old.name).toBe('InvalidParameterValueException');
    expect(old.message).toBe(
      'The runtime parameter of nodejs12.x is no longer supported for creating or updating AWS Lambda functions. ' +
        'We recommend you use a supported runtime while creating or updating functions.',
    );
  });

  it('checks the model constraints and Lambda limits', async () => {
    const timeout = await awsError(deployFunction(ctx.clients, role, 'slow', source, { Timeout: 901 }));
    expect(timeout.name).toBe('ValidationException');
    expect(timeout.$metadata.httpStatusCode).toBe(400);
    expect(timeout.message).toBe(
      "1 validation error detected: Value '901' at 'timeout' failed to satisfy constraint: " +
        'Member must have value less than or equal to 900',
    );
    const memory = await awsError(deployFunction(ctx.clients, role, 'big', source, { MemorySize: 64 }));
    expect(memory.name).toBe('ValidationException');
    expect(memory.message).toContain(
      "at 'memorySize' failed to satisfy constraint: Member must have value greater than or equal to 128",
    );
    const name = await awsError(deployFunction(ctx.clients, role, 'bad name!', source));
    expect(name.name).toBe('ValidationException');
    const noHandler = await awsError(deployFunction(ctx.clients, role, 'handlerless', source, { Handler: undefined }));
    expect(noHandler.name).toBe('InvalidParameterValueException');
    expect(noHandler.message).toBe(
      'Runtime and Handler are mandatory parameters for functions created with deployment packages.',
    );
    const notZip = await awsError(
      lambda().send(
        new CreateFunctionCommand({
          FunctionName: 'notzip',
          Runtime: 'nodejs20.x',
          Role: role,
          Handler: 'index.handler',
          Code: { ZipFile: Buffer.from('not a zip') },
        }),
      ),
    );
    expect(notZip.name).toBe('InvalidParameterValueException');
    expect(notZip.message).toBe('Could not unzip uploaded file. Please check your file, then try to upload again.');
    const reserved = await awsError(
      deployFunction(ctx.clients, role, 'reserved', source, {
        Environment: { Variables: { AWS_REGION: 'eu-west-1', OK: '1' } },
      }),
    );
    expect(reserved.name).toBe('InvalidParameterValueException');
    expect(reserved.message).toContain('Reserved keys used in this request: AWS_REGION');
  });

  it('lists functions in name order, a page at a time', async () => {
    for (const name of ['list-c', 'list-a', 'list-b']) await deployFunction(ctx.clients, role, name, source);
    const all = await lambda().send(new ListFunctionsCommand({}));
    const names = all.Functions?.map((fn) => fn.FunctionName) ?? [];
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(expect.arrayContaining(['list-a', 'list-b', 'list-c']));
    const seen: string[] = [];
    let marker: string | undefined;
    do {
      const page = await lambda().send(new ListFunctionsCommand({ MaxItems: 2, Marker: marker }));
      expect(page.Functions?.length).toBeLessThanOrEqual(2);
      seen.push(...(page.Functions?.map((fn) => fn.FunctionName as string) ?? []));
      marker = page.NextMarker;
    } while (marker);
    expect(seen).toEqual(names);
  });

  it('replaces the code: new CodeSha256 and RevisionId; a stale RevisionId is refused', async () => {
    const created = await deployFunction(ctx.clients, role, 'recoded', source);
    const zip = zipFunction({ 'index.mjs': 'export const handler = async () => "v2";' });
    const stale = await awsError(
      lambda().send(
        new UpdateFunctionCodeCommand({
          FunctionName: 'recoded',
          ZipFile: zip,
          RevisionId: '00000000-0000-0000-0000-000000000000',
        }),
      ),
    );
    expect(stale.name).toBe('PreconditionFailedException');
    expect(stale.$metadata.httpStatusCode).toBe(412);
    const active = await lambda().send(new GetFunctionConfigurationCommand({ FunctionName: 'recoded' }));
    const pendingRevision = await awsError(
      lambda().send(
        new UpdateFunctionCodeCommand({ FunctionName: 'recoded', ZipFile: zip, RevisionId: created.RevisionId }),
      ),
    );
    expect(pendingRevision.name).toBe('PreconditionFailedException');
    const updated = await lambda().send(
      new UpdateFunctionCodeCommand({ FunctionName: 'recoded', ZipFile: zip, RevisionId: active.RevisionId }),
    );
    expect(updated.CodeSha256).toBe(createHash('sha256').update(zip).digest('base64'));
    expect(updated.CodeSize).toBe(zip.byteLength);
    expect(updated.RevisionId).not.toBe(active.RevisionId);
    expect(updated.LastUpdateStatus).toBe('InProgress');
    await waitUpdated(lambda(), 'recoded');
    const dryRun = await lambda().send(
      new UpdateFunctionCodeCommand({ FunctionName: 'recoded', ZipFile: zipFunction(source), DryRun: true }),
    );
    expect(dryRun.CodeSha256).not.toBe(updated.CodeSha256);
    expect((await lambda().send(new GetFunctionConfigurationCommand({ FunctionName: 'recoded' }))).CodeSha256).toBe(
      updated.CodeSha256,
    );
  });

  it('updates the configuration; an empty Environment removes the variables', async () => {
    await deployFunction(ctx.clients, role, 'reconfigured', source, { Environment: { Variables: { FIRST: '1' } } });
    const updated = await lambda().send(
      new UpdateFunctionConfigurationCommand({
        FunctionName: 'reconfigured',
        Timeout: 30,
        MemorySize: 512,
        Description: 'now slower',
        Environment: { Variables: { SECOND: '2' } },
      }),
    );
    expect(updated).toMatchObject({
      Timeout: 30,
      MemorySize: 512,
      Description: 'now slower',
      Environment: { Variables: { SECOND: '2' } },
      Handler: 'index.handler',
    });
    await waitUpdated(lambda(), 'reconfigured');
    const cleared = await lambda().send(
      new UpdateFunctionConfigurationCommand({ FunctionName: 'reconfigured', Environment: {} }),
    );
    expect(cleared.Environment).toBeUndefined();
    await waitUpdated(lambda(), 'reconfigured');
    const badRole = await awsError(
      lambda().send(
        new UpdateFunctionConfigurationCommand({
          FunctionName: 'reconfigured',
          Role: `arn:aws:iam::${ctx.emulator.accountId}:role/ghost`,
        }),
      ),
    );
    expect(badRole.name).toBe('InvalidParameterValueException');
    const missing = await awsError(
      lambda().send(new UpdateFunctionConfigurationCommand({ FunctionName: 'ghost', Timeout: 5 })),
    );
    expect(missing.name).toBe('ResourceNotFoundException');
  });

  it('deletes a function', async () => {
    await deployFunction(ctx.clients, role, 'doomed', source);
    const deleted = await lambda().send(new DeleteFunctionCommand({ FunctionName: arnOf('doomed') }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    const gone = await awsError(lambda().send(new GetFunctionCommand({ FunctionName: 'doomed' })));
    expect(gone.name).toBe('ResourceNotFoundException');
    const again = await awsError(lambda().send(new DeleteFunctionCommand({ FunctionName: 'doomed' })));
    expect(again.$metadata.httpStatusCode).toBe(404);
  });
});
