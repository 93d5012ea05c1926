import { z } from 'zod';
import { at, same, show } from '../checks.js';
import { defineContract } from '../define.js';
import type { Outcome } from '../outcome.js';
import { stackConventions } from '../stack-conventions.js';
import type { ContractContext } from '../types.js';
import { getMethod } from './07-create-and-deploy-api.js';

const corsSource = {
  ref: 'docs/aws-behaviour.md; https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-cors.html',
  note:
    'Enabling CORS adds an OPTIONS method (MOCK integration, no authorization) ' +
    'answering Access-Control-Allow-Origin, Access-Control-Allow-Methods and Access-Control-Allow-Headers ' +
    '(console default Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token). ' +
    'With a proxy integration the Lambda itself returns Access-Control-Allow-Origin on the actual response.',
};

function preflight(ctx: ContractContext, path: string): Promise<Outcome> {
  return ctx.executeApi.request(ctx.executeApi.url(path), {
    method: 'OPTIONS',
    headers: {
      Origin: 'http://localhost:3000',
      'Access-Control-Request-Method': 'GET',
      'Access-Control-Request-Headers': 'authorization,x-amz-date,x-amz-security-token',
    },
  });
}

function listed(label: string, header: string | undefined, wanted: string[]): string[] {
  const values = (header ?? '').split(',').map((value) => value.trim().toLowerCase());
  const missing = wanted.filter((value) => !values.includes(value.toLowerCase()));
  return missing.length === 0 ? [] : [`${label}: expected to list ${missing.join(', ')}, got ${show(header)}`];
}

export const corsPreflightContracts = [
  defineContract({
    id: 'cors-preflight.options-method',
    step: 'cors-preflight',
    title: 'OPTIONS /hello is an unauthorized MOCK method',
    request: 'apigateway GetMethod {restApiId: <api>, resourceId: <id of /hello>, httpMethod: OPTIONS}',
    status: 'model',
    source: corsSource,
    run: (ctx) => getMethod(ctx, stackConventions.helloPath, 'OPTIONS'),
    expect: {
      kind: 'response',
      status: 200,
      schema: z.looseObject({
        httpMethod: z.literal('OPTIONS'),
        authorizationType: z.string(),
        methodIntegration: z.looseObject({ type: z.string() }).optional(),
      }),
      checks: {
        'no authorization, MOCK': (body) => [
          ...same('authorizationType', at(body, 'authorizationType'), 'NONE'),
          ...same('methodIntegration.type', at(body, 'methodIntegration.type'), 'MOCK'),
        ],
      },
    },
  }),
  defineContract({
    id: 'cors-preflight.preflight',
    step: 'cors-preflight',
    title: 'The unsigned preflight answers 200 allowing the origin, GET and the SigV4 headers',
    request:
      'OPTIONS <api url>/hello, Origin: http://localhost:3000, Access-Control-Request-Method: GET, Access-Control-Request-Headers: authorization,x-amz-date,x-amz-security-token (unsigned)',
    status: 'model',
    source: corsSource,
    run: (ctx) => preflight(ctx, stackConventions.helloPath),
    expect: {
      kind: 'response',
      status: 200,
      schema: z.unknown(),
      checks: {
        'CORS headers': (_body, _ctx, outcome) => {
          const headers = outcome.headers ?? {};
          const origin = headers['access-control-allow-origin'];
          return [
            ...(origin === '*' || origin === 'http://localhost:3000'
              ? []
              : [`access-control-allow-origin: expected * or the origin, got ${show(origin)}`]),
            ...listed('access-control-allow-methods', headers['access-control-allow-methods'], ['GET', 'OPTIONS']),
            ...listed('access-control-allow-headers', headers['access-control-allow-headers'], [
              'Authorization',
              'X-Amz-Date',
              'X-Amz-Security-Token',
            ]),
          ];
        },
      },
    },
  }),
  defineContract({
    id: 'cors-preflight.allow-origin-on-response',
    step: 'cors-preflight',
    title: "The signed GET /hello response carries Access-Control-Allow-Origin (the proxy passes the Lambda's headers)",
    request: 'GET <api url>/hello signed with the Cognito credentials, Origin: http://localhost:3000',
    status: 'model',
    source: corsSource,
    requires: ['credentials'],
    run: (ctx) => {
      const url = ctx.executeApi.url(stackConventions.helloPath);
      const { accessKeyId, secretAccessKey, sessionToken } = ctx.outputs.credentials;
      const headers = ctx.executeApi.sign(
        url,
        { accessKeyId, secretAccessKey, sessionToken },
        { method: 'GET', headers: { Origin: 'http://localhost:3000' } },
      );
      return ctx.executeApi.request(url, { method: 'GET', headers });
    },
    expect: {
      kind: 'response',
      status: 200,
      schema: z.unknown(),
      checks: {
        'allow-origin header': (_body, _ctx, outcome) => {
          const origin = outcome.headers?.['access-control-allow-origin'];
          return origin === '*' || origin === 'http://localhost:3000'
            ? []
            : [`access-control-allow-origin: expected * or the origin, got ${show(origin)}`];
        },
      },
    },
  }),
  defineContract({
    id: 'cors-preflight.unknown-path',
    step: 'cors-preflight',
    title: 'A preflight for a path the API does not have is 403 MissingAuthenticationTokenException',
    request: 'OPTIONS <api url>/no-such-path with the preflight headers',
    status: 'model',
    source: {
      ref: 'docs/aws-behaviour.md',
      note:
        'No Authorization header, or an unknown route / method: 403, ' +
        'x-amzn-ErrorType MissingAuthenticationTokenException, {"message":"Missing Authentication Token"}.',
    },
    run: (ctx) => preflight(ctx, '/no-such-path'),
    expect: {
      kind: 'error',
      error: {
        code: 'MissingAuthenticationTokenException',
        status: 403,
        errorType: 'MissingAuthenticationTokenException',
        message: /^Missing Authentication Token$/,
      },
    },
  }),
];
