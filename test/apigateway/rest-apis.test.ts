import {
  CreateRestApiCommand,
  DeleteRestApiCommand,
  GetRestApiCommand,
  GetRestApisCommand,
  UpdateRestApiCommand,
} from '@aws-sdk/client-api-gateway';
import { describe, expect, it } from 'vitest';
import { awsError, clientsFor, useEmulator } from '../support/emulator.js';

const policy = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: '*',
      Action: 'execute-api:Invoke',
      Resource: 'arn:aws:execute-api:us-east-1:000000000000:*/*',
    },
  ],
};

describe('API Gateway REST APIs', () => {
  const ctx = useEmulator();

  it('creates an API with its root resource, as AWS describes a new API', async () => {
    const api = await ctx.clients.apiGateway.send(new CreateRestApiCommand({ name: 'hello', description: 'greets' }));
    expect(api.id).toMatch(/^[a-z0-9]{10}$/);
    expect(api.rootResourceId).toMatch(/^[a-z0-9]{10}$/);
    expect(api).toMatchObject({
      name: 'hello',
      description: 'greets',
      apiKeySource: 'HEADER',
      endpointConfiguration: { types: ['EDGE'] },
      disableExecuteApiEndpoint: false,
    });
    expect(api.$metadata.httpStatusCode).toBe(201);
    expect(Math.abs((api.createdDate as Date).getTime() - Date.now())).toBeLessThan(5000);
    const fetched = await ctx.clients.apiGateway.send(new GetRestApiCommand({ restApiId: api.id }));
    expect(fetched).toMatchObject({ id: api.id, name: 'hello', rootResourceId: api.rootResourceId });
  });

  it('answers an unknown API with NotFoundException naming account and id', async () => {
    const error = await awsError(ctx.clients.apiGateway.send(new GetRestApiCommand({ restApiId: 'abcdef1234' })));
    expect(error.name).toBe('NotFoundException');
    expect(error.message).toBe('Invalid API identifier specified 000000000000:abcdef1234');
    expect(error.$metadata.httpStatusCode).toBe(404);
  });

  it('keeps APIs per region', async () => {
    const api = await ctx.clients.apiGateway.send(new CreateRestApiCommand({ name: 'regional' }));
    const elsewhere = clientsFor({ url: ctx.emulator.url, region: 'eu-west-1' }).apiGateway;
    const error = await awsError(elsewhere.send(new GetRestApiCommand({ restApiId: api.id })));
    expect(error.name).toBe('NotFoundException');
    const listed = await elsewhere.send(new GetRestApisCommand({}));
    expect(listed.items?.map((item) => item.id)).not.toContain(api.id);
  });

  it('lists APIs a page at a time', async () => {
    for (const name of ['page-a', 'page-b', 'page-c'])
      await ctx.clients.apiGateway.send(new CreateRestApiCommand({ name }));
    const all = await ctx.clients.apiGateway.send(new GetRestApisCommand({ limit: 500 }));
    const first = await ctx.clients.apiGateway.send(new GetRestApisCommand({ limit: 2 }));
    expect(first.items).toHaveLength(2);
    expect(first.position).toBeDefined();
    const second = await ctx.clients.apiGateway.send(new GetRestApisCommand({ limit: 2, position: first.position }));
    expect([...(first.items ?? []), ...(second.items ?? [])].map((item) => item.id)).toEqual(
      all.items?.slice(0, 4).map((item) => item.id),
    );
  });

  it('updates name, description and the resource policy, and answers the policy escaped as AWS does', async () => {
    const api = await ctx.clients.apiGateway.send(new CreateRestApiCommand({ name: 'before' }));
    const updated = await ctx.clients.apiGateway.send(
      new UpdateRestApiCommand({
        restApiId: api.id,
        patchOperations: [
          { op: 'replace', path: '/name', value: 'after' },
          { op: 'replace', path: '/description', value: 'now described' },
          { op: 'replace', path: '/policy', value: JSON.stringify(policy, null, 2) },
          { op: 'add', path: '/binaryMediaTypes/image~1png' },
        ],
      }),
    );
    expect(updated).toMatchObject({ name: 'after', description: 'now described', binaryMediaTypes: ['image/png'] });
    expect(updated.policy).toBe(
      '{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Principal\\":\\"*\\",' +
        '\\"Action\\":\\"execute-api:Invoke\\",' +
        '\\"Resource\\":\\"arn:aws:execute-api:us-east-1:000000000000:*\\/*\\"}]}',
    );
    const removed = await ctx.clients.apiGateway.send(
      new UpdateRestApiCommand({ restApiId: api.id, patchOperations: [{ op: 'remove', path: '/policy' }] }),
    );
    expect(removed.policy).toBeUndefined();
  });

  it('writes the execute-api:/ shorthand of a resource policy out as the API ARN', async () => {
    const shorthand = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Deny', Principal: '*', Action: 'execute-api:Invoke', Resource: ['execute-api:/*/GET/secret'] },
      ],
    };
    const api = await ctx.clients.apiGateway.send(
      new CreateRestApiCommand({ name: 'shorthand', policy: JSON.stringify(shorthand) }),
    );
    const stored = JSON.parse(JSON.parse(`"${api.policy as string}"`) as string) as typeof shorthand;
    expect(stored.Statement[0]?.Resource).toEqual([
      `arn:aws:execute-api:us-east-1:000000000000:${api.id as string}/*/GET/secret`,
    ]);
  });

  it('refuses a malformed resource policy and an unknown patch path with BadRequestException', async () => {
    const api = await ctx.clients.apiGateway.send(new CreateRestApiCommand({ name: 'strict' }));
    const noPrincipal = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: '*' }],
    });
    const badPolicy = await awsError(
      ctx.clients.apiGateway.send(
        new UpdateRestApiCommand({
          restApiId: api.id,
          patchOperations: [{ op: 'replace', path: '/policy', value: noPrincipal }],
        }),
      ),
    );
    expect(badPolicy.name).toBe('BadRequestException');
    expect(badPolicy.message).toContain('Invalid policy document');
    expect(badPolicy.$metadata.httpStatusCode).toBe(400);
    const badCreate = await awsError(
      ctx.clients.apiGateway.send(new CreateRestApiCommand({ name: 'x', policy: '{not json' })),
    );
    expect(badCreate.name).toBe('BadRequestException');
    const badPath = await awsError(
      ctx.clients.apiGateway.send(
        new UpdateRestApiCommand({
          restApiId: api.id,
          patchOperations: [{ op: 'replace', path: '/colour', value: 'red' }],
        }),
      ),
    );
    expect(badPath.name).toBe('BadRequestException');
    expect(badPath.message).toMatch(
      /^Invalid patch path {2}'\/colour' specified for op 'replace'\. Must be one of: \[/,
    );
    const unchanged = await ctx.clients.apiGateway.send(new GetRestApiCommand({ restApiId: api.id }));
    expect(unchanged.policy).toBeUndefined();
  });

  it('refuses a compression size out of range and an empty description', async () => {
    const size = await awsError(
      ctx.clients.apiGateway.send(new CreateRestApiCommand({ name: 'x', minimumCompressionSize: 10_485_761 })),
    );
    expect(size.name).toBe('BadRequestException');
    expect(size.message).toBe('Invalid minimum compression size, must be between 0 and 10485760');
    const description = await awsError(
      ctx.clients.apiGateway.send(new CreateRestApiCommand({ name: 'x', description: '' })),
    );
    expect(description.message).toBe('Description cannot be an empty string');
    const api = await ctx.clients.apiGateway.send(new CreateRestApiCommand({ name: 'compressed' }));
    const patch = (value: string) =>
      ctx.clients.apiGateway.send(
        new UpdateRestApiCommand({
          restApiId: api.id,
          patchOperations: [{ op: 'replace', path: '/minimumCompressionSize', value }],
        }),
      );
    expect((await patch('1024')).minimumCompressionSize).toBe(1024);
    const notNumber = await awsError(patch('big'));
    expect(notNumber.name).toBe('BadRequestException');
    expect(notNumber.message).toBe('Invalid minimum compression size, must be between 0 and 10485760');
    expect((await patch('')).minimumCompressionSize).toBeUndefined();
  });

  it('refuses what it does not emulate with UnsupportedFeature naming it', async () => {
    const error = await awsError(
      ctx.clients.apiGateway.send(new CreateRestApiCommand({ name: 'copy', cloneFrom: 'abcdef1234' })),
    );
    expect(error.name).toBe('UnsupportedFeature');
    expect(error.message).toContain('cloneFrom');
  });

  it('deletes an API', async () => {
    const api = await ctx.clients.apiGateway.send(new CreateRestApiCommand({ name: 'doomed' }));
    const deleted = await ctx.clients.apiGateway.send(new DeleteRestApiCommand({ restApiId: api.id }));
    expect(deleted.$metadata.httpStatusCode).toBe(202);
    const again = await awsError(ctx.clients.apiGateway.send(new DeleteRestApiCommand({ restApiId: api.id })));
    expect(again.name).toBe('NotFoundException');
    expect(again.$metadata.httpStatusCode).toBe(404);
  });
});
