import {
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
} from '@aws-sdk/client-api-gateway';
import { beforeAll, describe, expect, it } from 'vitest';
import { executeApiHost, sendRaw } from '../support/execute-api.js';
import { useEmulator } from '../support/emulator.js';
import { ApiBuilder } from './api-builder.js';

describe('execute-api MOCK integrations', () => {
  const ctx = useEmulator();
  let host: string;

  beforeAll(async () => {
    const gateway = ctx.clients.apiGateway;
    const api = await ApiBuilder.create(gateway, 'mocks');
    const teapot = { restApiId: api.apiId, resourceId: await api.resource('/teapot'), httpMethod: 'GET' };
    await gateway.send(new PutMethodCommand({ ...teapot, authorizationType: 'NONE' }));
    await gateway.send(
      new PutIntegrationCommand({
        ...teapot,
        type: 'MOCK',
        requestTemplates: { 'application/json': '{"statusCode": 418}' },
      }),
    );
    await gateway.send(new PutMethodResponseCommand({ ...teapot, statusCode: '200' }));
    await gateway.send(
      new PutMethodResponseCommand({
        ...teapot,
        statusCode: '418',
        responseParameters: { 'method.response.header.X-Echo': false, 'method.response.header.X-Stage': false },
      }),
    );
    await gateway.send(
      new PutIntegrationResponseCommand({
        ...teapot,
        statusCode: '200',
        responseTemplates: { 'application/json': '{"ok":true}' },
      }),
    );
    await gateway.send(
      new PutIntegrationResponseCommand({
        ...teapot,
        statusCode: '418',
        selectionPattern: '4\\d{2}',
        responseParameters: {
          'method.response.header.X-Echo': 'method.request.header.X-Echo',
          'method.response.header.X-Stage': 'stageVariables.colour',
        },
        responseTemplates: { 'application/json': '{"short":"and stout"}' },
      }),
    );
    const bare = { restApiId: api.apiId, resourceId: await api.resource('/bare'), httpMethod: 'GET' };
    await gateway.send(new PutMethodCommand({ ...bare, authorizationType: 'NONE' }));
    await gateway.send(
      new PutIntegrationCommand({
        ...bare,
        type: 'MOCK',
        requestTemplates: { 'application/json': '{"statusCode": 200}' },
      }),
    );
    const strict = { restApiId: api.apiId, resourceId: await api.resource('/strict'), httpMethod: 'POST' };
    await gateway.send(new PutMethodCommand({ ...strict, authorizationType: 'NONE' }));
    await gateway.send(
      new PutIntegrationCommand({
        ...strict,
        type: 'MOCK',
        passthroughBehavior: 'NEVER',
        requestTemplates: { 'application/json': '{"statusCode": 200}' },
      }),
    );
    await gateway.send(new PutMethodResponseCommand({ ...strict, statusCode: '200' }));
    await gateway.send(new PutIntegrationResponseCommand({ ...strict, statusCode: '200' }));
    await api.deploy('dev', { colour: 'green' });
    host = executeApiHost(ctx.emulator, api.apiId);
  });

  it('picks the integration response whose selectionPattern matches the status code and maps its headers', async () => {
    const response = await sendRaw(ctx.emulator, { host, path: '/dev/teapot', headers: { 'X-Echo': 'hello' } });
    expect(response.status).toBe(418);
    expect(response.body).toBe('{"short":"and stout"}');
    expect(response.headers['x-echo']).toBe('hello');
    expect(response.headers['x-stage']).toBe('green');
  });

  it('answers 500 when no integration response matches and none is the default', async () => {
    const response = await sendRaw(ctx.emulator, { host, path: '/dev/bare' });
    expect(response.status).toBe(500);
    expect(response.headers['x-amzn-errortype']).toBe('InternalServerErrorException');
    expect(response.body).toBe('{"message": "Internal server error"}');
  });

  it('refuses a content type without a template when passthrough is NEVER', async () => {
    const refused = await sendRaw(ctx.emulator, {
      host,
      path: '/dev/strict',
      method: 'POST',
      body: 'hi',
      headers: { 'content-type': 'text/plain' },
    });
    expect(refused.status).toBe(415);
    expect(refused.headers['x-amzn-errortype']).toBe('UnsupportedMediaTypeException');
    const accepted = await sendRaw(ctx.emulator, {
      host,
      path: '/dev/strict',
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(accepted.status).toBe(200);
  });

  it("accepts CDK's JavaScript-style request template { statusCode: 200 }, as AWS does", async () => {
    const gateway = ctx.clients.apiGateway;
    const api = await ApiBuilder.create(gateway, 'cdk-style');
    const preflight = { restApiId: api.apiId, resourceId: await api.resource('/items'), httpMethod: 'OPTIONS' };
    await gateway.send(new PutMethodCommand({ ...preflight, authorizationType: 'NONE' }));
    // What aws-cdk-lib's MockIntegration and addCorsPreflight put.
    await gateway.send(
      new PutIntegrationCommand({
        ...preflight,
        type: 'MOCK',
        requestTemplates: { 'application/json': '{ statusCode: 204 }' },
      }),
    );
    await gateway.send(
      new PutMethodResponseCommand({
        ...preflight,
        statusCode: '204',
        responseParameters: { 'method.response.header.Access-Control-Allow-Origin': true },
      }),
    );
    await gateway.send(
      new PutIntegrationResponseCommand({
        ...preflight,
        statusCode: '204',
        responseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'*'" },
      }),
    );
    await api.deploy('prod');
    const response = await sendRaw(ctx.emulator, {
      host: executeApiHost(ctx.emulator, api.apiId),
      path: '/prod/items',
      method: 'OPTIONS',
    });
    expect(response.status).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe('*');
  });
});
