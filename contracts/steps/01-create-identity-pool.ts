import {
  CreateIdentityPoolCommand,
  DeleteIdentityPoolCommand,
  DescribeIdentityPoolCommand,
} from '@aws-sdk/client-cognito-identity';
import { z } from 'zod';
import { same, text } from '../checks.js';
import { cognitoErrorStatus, defineContract, guid, recorded, regionPattern, unknownPoolId } from '../define.js';
import type { JsonValue } from '../outcome.js';
import type { ContractContext } from '../types.js';

const cognitoModel = 'botocore cognito-identity 2014-06-30 service-2.json (shapes IdentityPool, IdentityPoolId)';

/** The IdentityPool shape: every member the model defines, nothing else. */
const identityPoolSchema = z.strictObject({
  IdentityPoolId: z.string().regex(new RegExp(`^${regionPattern}:${guid}$`)),
  IdentityPoolName: z.string().min(1).max(128),
  AllowUnauthenticatedIdentities: z.boolean(),
  AllowClassicFlow: z.boolean().optional(),
  SupportedLoginProviders: z.record(z.string(), z.string()).optional(),
  DeveloperProviderName: z.string().min(1).max(128).optional(),
  OpenIdConnectProviderARNs: z.array(z.string()).optional(),
  CognitoIdentityProviders: z.array(z.looseObject({ ProviderName: z.string().optional() })).optional(),
  SamlProviderARNs: z.array(z.string()).optional(),
  IdentityPoolTags: z.record(z.string(), z.string()).optional(),
});

function describesTheStackPool(body: JsonValue, ctx: ContractContext): string[] {
  const pool = body as Record<string, JsonValue>;
  return [
    ...same('IdentityPoolId', pool.IdentityPoolId, ctx.stack.identityPoolId),
    ...same('IdentityPoolName', pool.IdentityPoolName, ctx.stack.identityPoolName),
    ...same('DeveloperProviderName', pool.DeveloperProviderName, ctx.stack.developerProviderName),
    ...same('AllowUnauthenticatedIdentities', pool.AllowUnauthenticatedIdentities, false),
    ...(typeof pool.IdentityPoolId === 'string' && !pool.IdentityPoolId.startsWith(`${ctx.target.region}:`)
      ? [`IdentityPoolId: expected the region prefix '${ctx.target.region}:', got ${pool.IdentityPoolId}`]
      : []),
  ];
}

export const createIdentityPoolContracts = [
  defineContract({
    id: 'create-identity-pool.response',
    step: 'create-identity-pool',
    title: 'CreateIdentityPool answers the new pool, its id REGION:GUID, echoing name and developer provider',
    request:
      'cognito-identity CreateIdentityPool {IdentityPoolName: <run name>, AllowUnauthenticatedIdentities: ' +
      'false, DeveloperProviderName: <provider>, IdentityPoolTags: {idpool:run: <run id>}}',
    status: 'model',
    source: {
      ref: cognitoModel,
      note:
        'Output shape IdentityPool (IdentityPoolId, IdentityPoolName, AllowUnauthenticatedIdentities required); ' +
        'IdentityPoolId "in the format REGION:GUID", 1-55 chars, pattern [\\w-]+:[0-9a-f-]+.',
    },
    run: (ctx) => recorded(ctx, 'createIdentityPool'),
    expect: {
      kind: 'response',
      status: 200,
      schema: identityPoolSchema,
      checks: { 'describes the stack pool': describesTheStackPool },
    },
  }),
  defineContract({
    id: 'create-identity-pool.describe',
    step: 'create-identity-pool',
    title: 'DescribeIdentityPool answers the pool as it was created',
    request: 'cognito-identity DescribeIdentityPool {IdentityPoolId: <pool>}',
    status: 'model',
    source: {
      ref: cognitoModel,
      note: 'DescribeIdentityPool returns the IdentityPool shape; DeveloperProviderName is immutable once set.',
    },
    run: (ctx) =>
      ctx.call(ctx.clients.cognito.send(new DescribeIdentityPoolCommand({ IdentityPoolId: ctx.stack.identityPoolId }))),
    expect: {
      kind: 'response',
      status: 200,
      schema: identityPoolSchema,
      checks: { 'describes the stack pool': describesTheStackPool },
    },
  }),
  defineContract({
    id: 'create-identity-pool.unknown-pool',
    step: 'create-identity-pool',
    title: 'DescribeIdentityPool of a pool that does not exist is ResourceNotFoundException (400)',
    request: 'cognito-identity DescribeIdentityPool {IdentityPoolId: <region>:00000000-0000-0000-0000-000000000000}',
    status: 'validated',
    source: {
      ref: `${cognitoModel}; ${cognitoErrorStatus.ref}`,
      note: `ResourceNotFoundException is in DescribeIdentityPool's errors. ${cognitoErrorStatus.note}`,
    },
    run: (ctx) =>
      ctx.call(ctx.clients.cognito.send(new DescribeIdentityPoolCommand({ IdentityPoolId: unknownPoolId(ctx) }))),
    expect: { kind: 'error', error: { code: 'ResourceNotFoundException', status: 400 } },
  }),
  defineContract({
    id: 'create-identity-pool.invalid-name',
    step: 'create-identity-pool',
    title: 'CreateIdentityPool with a name outside [\\w\\s+=,.@-] is a ValidationException (400) in AWS wording',
    request:
      "cognito-identity CreateIdentityPool {IdentityPoolName: 'bad/name!', AllowUnauthenticatedIdentities: false}",
    status: 'unverified',
    source: {
      ref: `${cognitoModel}; docs/aws-behaviour.md`,
      note:
        'IdentityPoolName is 1-128 chars matching [\\w\\s+=,.@-]+. A broken model constraint answers ' +
        "ValidationException, '1 validation error detected: Value '<v>' at '<member>' failed to satisfy " +
        "constraint: <constraint>' (AWS's JSON-service wording; moto reproduces it for IdentityPoolName; " +
        'not seen on AWS for this operation).',
    },
    run: async (ctx) => {
      const outcome = await ctx.call(
        ctx.clients.cognito.send(
          new CreateIdentityPoolCommand({ IdentityPoolName: 'bad/name!', AllowUnauthenticatedIdentities: false }),
        ),
      );
      const created = outcome.kind === 'response' ? text(outcome.body, 'IdentityPoolId') : '';
      if (created) await ctx.call(ctx.clients.cognito.send(new DeleteIdentityPoolCommand({ IdentityPoolId: created })));
      return outcome;
    },
    expect: {
      kind: 'error',
      error: {
        code: 'ValidationException',
        status: 400,
        message: new RegExp(
          "^1 validation error detected: Value 'bad/name!' at 'identityPoolName' failed to satisfy constraint: " +
            'Member must satisfy regular expression pattern',
        ),
      },
    },
  }),
];
