import {
  CreateResourceCommand,
  CreateRestApiCommand,
  DeleteRestApiCommand,
  GetRestApiCommand,
  GetRestApisCommand,
  UpdateRestApiCommand,
} from '@aws-sdk/client-api-gateway';
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../support/emulator.js';
import {
  allow,
  cognitoSession,
  deny,
  expectRefusal,
  explicitlyDenied,
  notAllowed,
  policy,
  uniqueName,
} from './sessions.js';

const apiArn = (path: string) => `arn:aws:apigateway:us-east-1::${path}`;

describe('API Gateway control-plane calls with issued credentials', () => {
  const ctx = useEmulator();

  async function restApi(tags?: Record<string, string>) {
    const created = await ctx.clients.apiGateway.send(new CreateRestApiCommand({ name: uniqueName('api'), tags }));
    return { id: created.id as string, root: created.rootResourceId as string };
  }

  it('are apigateway:<METHOD> on the request path, refused with AccessDeniedException 403', async () => {
    const api = await restApi();
    const session = await cognitoSession(ctx.emulator, ctx.clients, {
      inline: { read: policy(allow('apigateway:GET', apiArn('/restapis/*'))) },
    });
    expect((await session.clients.apiGateway.send(new GetRestApiCommand({ restApiId: api.id }))).id).toBe(api.id);
    await expectRefusal(session.clients.apiGateway.send(new GetRestApisCommand({})), {
      name: 'AccessDeniedException',
      status: 403,
      message: notAllowed(session.arn, 'apigateway:GET', apiArn('/restapis')),
    });
    await expectRefusal(
      session.clients.apiGateway.send(
        new CreateResourceCommand({ restApiId: api.id, parentId: api.root, pathPart: 'x' }),
      ),
      {
        name: 'AccessDeniedException',
        status: 403,
        message: notAllowed(session.arn, 'apigateway:POST', apiArn(`/restapis/${api.id}/resources/${api.root}`)),
      },
    );
  });

  it('are refused by an explicit Deny, and match the API tags as aws:ResourceTag', async () => {
    const team = await restApi({ team: 'blue' });
    const other = await restApi({ team: 'red' });
    const session = await cognitoSession(ctx.emulator, ctx.clients, {
      managed: {
        blue: policy(
          allow(['apigateway:GET', 'apigateway:DELETE'], '*', {
            Condition: { StringEquals: { 'aws:ResourceTag/team': 'blue' } },
          }),
          deny('apigateway:DELETE', apiArn(`/restapis/${team.id}`)),
        ),
      },
    });
    expect((await session.clients.apiGateway.send(new GetRestApiCommand({ restApiId: team.id }))).tags).toEqual({
      team: 'blue',
    });
    await expectRefusal(session.clients.apiGateway.send(new GetRestApiCommand({ restApiId: other.id })), {
      name: 'AccessDeniedException',
      status: 403,
      message: notAllowed(session.arn, 'apigateway:GET', apiArn(`/restapis/${other.id}`)),
    });
    await expectRefusal(session.clients.apiGateway.send(new DeleteRestApiCommand({ restApiId: team.id })), {
      name: 'AccessDeniedException',
      status: 403,
      message: explicitlyDenied(
        session.arn,
        'apigateway:DELETE',
        apiArn(`/restapis/${team.id}`),
        session.managedArns.blue as string,
      ),
    });
  });

  it('need apigateway:UpdateRestApiPolicy besides PATCH to change the resource policy', async () => {
    const api = await restApi();
    const session = await cognitoSession(ctx.emulator, ctx.clients, {
      inline: { patch: policy(allow('apigateway:PATCH')) },
    });
    await session.clients.apiGateway.send(
      new UpdateRestApiCommand({
        restApiId: api.id,
        patchOperations: [{ op: 'replace', path: '/description', value: 'd' }],
      }),
    );
    const resourcePolicy = policy({ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: '*' });
    await expectRefusal(
      session.clients.apiGateway.send(
        new UpdateRestApiCommand({
          restApiId: api.id,
          patchOperations: [{ op: 'replace', path: '/policy', value: resourcePolicy }],
        }),
      ),
      {
        name: 'AccessDeniedException',
        status: 403,
        message: notAllowed(session.arn, 'apigateway:UpdateRestApiPolicy', apiArn(`/restapis/${api.id}`)),
      },
    );
  });
});
