import { GetOpenIdTokenForDeveloperIdentityCommand } from '@aws-sdk/client-cognito-identity';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { z } from 'zod';
import { at, same, show, text } from '../checks.js';
import { cognitoErrorStatus, defineContract, unknownPoolId } from '../define.js';
import { cognitoIssuer, developerTokenSchema, developerUserId, tokenDifferences } from '../developer-token.js';
import { httpOutcome, networkErrorOutcome, type Outcome } from '../outcome.js';
import type { ContractContext } from '../types.js';

const cognitoModel = 'botocore cognito-identity 2014-06-30 service-2.json (GetOpenIdTokenForDeveloperIdentity)';
function getToken(
  ctx: ContractContext,
  user: string,
  extra: { IdentityId?: string; TokenDuration?: number } = {},
): Promise<Outcome> {
  return ctx.call(
    ctx.clients.cognito.send(
      new GetOpenIdTokenForDeveloperIdentityCommand({
        IdentityPoolId: ctx.stack.identityPoolId,
        Logins: { [ctx.stack.developerProviderName]: user },
        ...extra,
      }),
    ),
  );
}

const tokenSource = {
  ref: `docs/aws-behaviour.md; ${cognitoModel}; https://docs.aws.amazon.com/cognito/latest/developerguide/developer-authenticated-identities.html`,
  note: 'Out: IdentityId (REGION:GUID), Token. The token is a JWS, header {"kid":"<region>-<n>","typ":"JWS","alg":"RS512"}; claims iss https://cognito-identity.amazonaws.com, aud = IdentityPoolId, sub = IdentityId, amr = ["authenticated", "<DevProvider>", "<DevProvider>:<IdentityPoolId>:<DevUserId>"], exp - iat = 900 by default (seen on a real token).',
};

export const developerTokenContracts = [
  defineContract({
    id: 'get-open-id-token-for-developer-identity.issued',
    step: 'get-open-id-token-for-developer-identity',
    title:
      'The backend gets an IdentityId and an RS512 OpenID token whose aud/sub/amr name the pool, identity and login',
    request:
      'cognito-identity GetOpenIdTokenForDeveloperIdentity {IdentityPoolId: <pool>, Logins: {<provider>: ' +
      'alice-<run>}} (developer credentials)',
    status: 'validated',
    source: tokenSource,
    run: (ctx) => getToken(ctx, developerUserId(ctx, 'alice')),
    expect: {
      kind: 'response',
      status: 200,
      schema: developerTokenSchema,
      checks: {
        'identity in the target region': (body, ctx) =>
          text(body, 'IdentityId').startsWith(`${ctx.target.region}:`)
            ? []
            : [`IdentityId: expected the prefix ${ctx.target.region}:, got ${show(at(body, 'IdentityId'))}`],
        'token claims': (body, ctx) => tokenDifferences(body, ctx, developerUserId(ctx, 'alice'), 900),
      },
    },
    provides: {
      output: 'developerToken',
      read: (outcome, ctx) => {
        if (outcome.kind !== 'response' || !text(outcome.body, 'IdentityId') || !text(outcome.body, 'Token'))
          return undefined;
        return {
          identityId: text(outcome.body, 'IdentityId'),
          token: text(outcome.body, 'Token'),
          developerUserId: developerUserId(ctx, 'alice'),
        };
      },
    },
  }),
  defineContract({
    id: 'get-open-id-token-for-developer-identity.same-user-same-identity',
    step: 'get-open-id-token-for-developer-identity',
    title: 'The same developer user id always maps to the same IdentityId',
    request:
      'cognito-identity GetOpenIdTokenForDeveloperIdentity {IdentityPoolId: <pool>, Logins: {<provider>: ' +
      'alice-<run>}} again',
    status: 'model',
    source: {
      ref: `docs/aws-behaviour.md; ${cognitoModel}`,
      note:
        '"Registers (or retrieves) a Cognito IdentityId": the same developer user id always maps to the same ' +
        'IdentityId.',
    },
    requires: ['developerToken'],
    run: (ctx) => getToken(ctx, developerUserId(ctx, 'alice')),
    expect: {
      kind: 'response',
      status: 200,
      schema: developerTokenSchema,
      checks: {
        'same IdentityId as the first call': (body, ctx) =>
          same('IdentityId', at(body, 'IdentityId'), ctx.outputs.developerToken.identityId),
      },
    },
  }),
  defineContract({
    id: 'get-open-id-token-for-developer-identity.other-user-other-identity',
    step: 'get-open-id-token-for-developer-identity',
    title: 'Another developer user id gets another IdentityId',
    request:
      'cognito-identity GetOpenIdTokenForDeveloperIdentity {IdentityPoolId: <pool>, Logins: {<provider>: bob-<run>}}',
    status: 'model',
    source: {
      ref: cognitoModel,
      note: 'Each developer user id is registered as its own identity unless linked to an existing IdentityId.',
    },
    requires: ['developerToken'],
    run: (ctx) => getToken(ctx, developerUserId(ctx, 'bob')),
    expect: {
      kind: 'response',
      status: 200,
      schema: developerTokenSchema,
      checks: {
        'a different IdentityId': (body, ctx) =>
          at(body, 'IdentityId') !== ctx.outputs.developerToken.identityId
            ? []
            : ["IdentityId: expected a new identity for another user, got alice's"],
        'token claims': (body, ctx) => tokenDifferences(body, ctx, developerUserId(ctx, 'bob'), 900),
      },
    },
  }),
  defineContract({
    id: 'get-open-id-token-for-developer-identity.token-duration',
    step: 'get-open-id-token-for-developer-identity',
    title: 'TokenDuration sets the token lifetime (3600 s asked, exp - iat = 3600)',
    request:
      'cognito-identity GetOpenIdTokenForDeveloperIdentity {IdentityPoolId: <pool>, Logins: {<provider>: ' +
      'alice-<run>}, TokenDuration: 3600}',
    status: 'model',
    source: {
      ref: cognitoModel,
      note: 'TokenDuration: "The expiration time of the token, in seconds", 1-86400; default 900 (15 minutes).',
    },
    run: (ctx) => getToken(ctx, developerUserId(ctx, 'alice'), { TokenDuration: 3600 }),
    expect: {
      kind: 'response',
      status: 200,
      schema: developerTokenSchema,
      checks: { 'token claims': (body, ctx) => tokenDifferences(body, ctx, developerUserId(ctx, 'alice'), 3600) },
    },
  }),
  defineContract({
    id: 'get-open-id-token-for-developer-identity.verifies-against-jwks',
    step: 'get-open-id-token-for-developer-identity',
    title: 'The token verifies against the keys published at /.well-known/jwks_uri',
    request:
      'GET <jwks url> (https://cognito-identity.amazonaws.com/.well-known/jwks_uri on AWS), then verify the token with it',
    status: 'model',
    source: {
      ref: 'docs/aws-behaviour.md; https://docs.aws.amazon.com/cognito/latest/developerguide/open-id.html',
      note: 'Keys at https://cognito-identity.amazonaws.com/.well-known/jwks_uri; entries {"kty":"RSA","alg":"RS512","use":"sig","kid":...,"n":...,"e":"AQAB"}.',
    },
    requires: ['developerToken'],
    run: async (ctx) => {
      try {
        return await httpOutcome(await fetch(ctx.jwksUrl));
      } catch (error) {
        return networkErrorOutcome(error);
      }
    },
    expect: {
      kind: 'response',
      status: 200,
      schema: z.looseObject({
        keys: z
          .array(
            z.looseObject({
              kty: z.literal('RSA'),
              alg: z.literal('RS512'),
              use: z.literal('sig'),
              kid: z.string(),
              n: z.string(),
              e: z.literal('AQAB'),
            }),
          )
          .min(1),
      }),
      checks: {
        'the token verifies': async (body, ctx) => {
          try {
            await jwtVerify(ctx.outputs.developerToken.token, createLocalJWKSet(body as unknown as JSONWebKeySet), {
              issuer: cognitoIssuer,
              audience: ctx.stack.identityPoolId,
              currentDate: new Date(ctx.clock.nowMs()),
            });
            return [];
          } catch (error) {
            return [
              `the token does not verify against the JWKS: ${error instanceof Error ? error.message : String(error)}`,
            ];
          }
        },
      },
    },
  }),
  defineContract({
    id: 'get-open-id-token-for-developer-identity.developer-id-already-linked',
    step: 'get-open-id-token-for-developer-identity',
    title:
      'Linking a developer user id that already has another identity is DeveloperUserAlreadyRegisteredException (400)',
    request:
      'cognito-identity GetOpenIdTokenForDeveloperIdentity {IdentityPoolId: <pool>, IdentityId: ' +
      '<alice identity>, Logins: {<provider>: carol-<run>}} after carol got her own identity',
    status: 'model',
    source: {
      ref: `docs/aws-behaviour.md; ${cognitoModel}`,
      note:
        'DeveloperUserAlreadyRegisteredException (400): "The provided developer user identifier is already ' +
        'registered with Cognito under a different identity ID."',
    },
    requires: ['developerToken'],
    run: async (ctx) => {
      const alice = ctx.outputs.developerToken.identityId;
      const carol = developerUserId(ctx, 'carol');
      const own = await getToken(ctx, carol);
      if (own.kind === 'error') return own;
      return getToken(ctx, carol, { IdentityId: alice });
    },
    expect: { kind: 'error', error: { code: 'DeveloperUserAlreadyRegisteredException', status: 400 } },
  }),
  defineContract({
    id: 'get-open-id-token-for-developer-identity.unknown-pool',
    step: 'get-open-id-token-for-developer-identity',
    title: 'An unknown identity pool is ResourceNotFoundException (400)',
    request:
      'cognito-identity GetOpenIdTokenForDeveloperIdentity {IdentityPoolId: <region>:00000000-…, Logins: ' +
      '{<provider>: alice-<run>}}',
    status: 'validated',
    source: {
      ref: `${cognitoModel}; ${cognitoErrorStatus.ref}`,
      note:
        `ResourceNotFoundException is in the operation's errors: "the requested resource … does not exist". ` +
        `${cognitoErrorStatus.note}`,
    },
    run: (ctx) =>
      ctx.call(
        ctx.clients.cognito.send(
          new GetOpenIdTokenForDeveloperIdentityCommand({
            IdentityPoolId: unknownPoolId(ctx),
            Logins: { [ctx.stack.developerProviderName]: developerUserId(ctx, 'alice') },
          }),
        ),
      ),
    expect: { kind: 'error', error: { code: 'ResourceNotFoundException', status: 400 } },
  }),
  defineContract({
    id: 'get-open-id-token-for-developer-identity.wrong-provider',
    step: 'get-open-id-token-for-developer-identity',
    title: "A login for a provider other than the pool's developer provider is refused (NotAuthorizedException, 400)",
    request:
      'cognito-identity GetOpenIdTokenForDeveloperIdentity {IdentityPoolId: <pool>, Logins: ' +
      '{login.not-this-pool: alice-<run>}}',
    status: 'unverified',
    source: {
      ref: `docs/aws-behaviour.md; ${cognitoModel}; https://github.com/danilop/LambdAuth/issues/32; ${cognitoErrorStatus.ref}`,
      note:
        '"You can only specify one developer provider as part of the Logins map, which is linked to the identity ' +
        'pool"; a login for another provider is refused. A user reported the message "This identity pool does ' +
        'not support the specified developer provider"; its error code was not shown (NotAuthorizedException is ' +
        `a guess). ${cognitoErrorStatus.note}`,
    },
    run: (ctx) =>
      ctx.call(
        ctx.clients.cognito.send(
          new GetOpenIdTokenForDeveloperIdentityCommand({
            IdentityPoolId: ctx.stack.identityPoolId,
            Logins: { 'login.not-this-pool': developerUserId(ctx, 'alice') },
          }),
        ),
      ),
    expect: { kind: 'error', error: { code: 'NotAuthorizedException', status: 400 } },
  }),
  defineContract({
    id: 'get-open-id-token-for-developer-identity.token-duration-too-long',
    step: 'get-open-id-token-for-developer-identity',
    title: 'TokenDuration above 86400 is a ValidationException (400)',
    request: 'cognito-identity GetOpenIdTokenForDeveloperIdentity {…, TokenDuration: 86401}',
    status: 'unverified',
    source: {
      ref: `${cognitoModel}; docs/aws-behaviour.md`,
      note:
        "TokenDuration range 1-86400. A broken model constraint answers ValidationException '1 validation error " +
        "detected: Value '86401' at 'tokenDuration' failed to satisfy constraint: Member must have value less " +
        "than or equal to 86400' (AWS's JSON-service wording, not seen for this member).",
    },
    run: (ctx) => getToken(ctx, developerUserId(ctx, 'alice'), { TokenDuration: 86401 }),
    expect: {
      kind: 'error',
      error: {
        code: 'ValidationException',
        status: 400,
        message: new RegExp(
          "^1 validation error detected: Value '86401' at 'tokenDuration' failed to satisfy constraint: " +
            'Member must have value less than or equal to 86400',
        ),
      },
    },
  }),
  defineContract({
    id: 'get-open-id-token-for-developer-identity.unsigned',
    step: 'get-open-id-token-for-developer-identity',
    title: 'Called without AWS credentials it is refused: MissingAuthenticationTokenException',
    request:
      'POST <cognito-identity endpoint> X-Amz-Target: ' +
      'AWSCognitoIdentityService.GetOpenIdTokenForDeveloperIdentity, no Authorization header',
    status: 'unverified',
    source: {
      ref: 'docs/aws-behaviour.md',
      note:
        'Only GetId, GetOpenIdToken, GetCredentialsForIdentity and UnlinkIdentity are public; ' +
        'every other operation needs signed developer credentials. ' +
        'The unsigned answer {"__type":"MissingAuthenticationTokenException","message":"Missing Authentication ' +
        'Token"} with status 400 is the JSON services\' usual one, not seen for this operation.',
    },
    run: async (ctx) => {
      const body = JSON.stringify({
        IdentityPoolId: ctx.stack.identityPoolId,
        Logins: { [ctx.stack.developerProviderName]: developerUserId(ctx, 'alice') },
      });
      try {
        const response = await fetch(ctx.serviceUrl('cognito-identity'), {
          method: 'POST',
          headers: {
            'content-type': 'application/x-amz-json-1.1',
            'x-amz-target': 'AWSCognitoIdentityService.GetOpenIdTokenForDeveloperIdentity',
          },
          body,
        });
        const outcome = await httpOutcome(response);
        return outcome.kind === 'error' &&
          typeof outcome.body === 'object' &&
          outcome.body !== null &&
          !Array.isArray(outcome.body) &&
          typeof outcome.body.__type === 'string'
          ? { ...outcome, code: outcome.body.__type.split('#').pop() as string }
          : outcome;
      } catch (error) {
        return networkErrorOutcome(error);
      }
    },
    expect: {
      kind: 'error',
      error: { code: 'MissingAuthenticationTokenException', status: 400, message: /^Missing Authentication Token$/ },
    },
  }),
];
