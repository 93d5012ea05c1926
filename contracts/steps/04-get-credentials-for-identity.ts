import {
  GetCredentialsForIdentityCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
} from '@aws-sdk/client-cognito-identity';
import { generateKeyPair, SignJWT } from 'jose';
import { z } from 'zod';
import { at, decodeToken, same, text, timeNear } from '../checks.js';
import { cognitoErrorStatus, defineContract, guid, regionPattern } from '../define.js';
import type { Outcome } from '../outcome.js';
import type { ContractContext } from '../types.js';
import { cognitoIssuer, developerUserId } from '../developer-token.js';

const cognitoModel = 'botocore cognito-identity 2014-06-30 service-2.json (GetCredentialsForIdentity, Credentials)';
const cognitoLogin = 'cognito-identity.amazonaws.com';

const credentialsSchema = z.strictObject({
  IdentityId: z.string().regex(new RegExp(`^${regionPattern}:${guid}$`)),
  Credentials: z.strictObject({
    AccessKeyId: z.string().regex(/^ASIA[A-Z0-9]{12,}$/),
    SecretKey: z.string().min(1),
    SessionToken: z.string().min(1),
    Expiration: z.iso.datetime({ offset: true }),
  }),
});

function getCredentials(ctx: ContractContext, identityId: string, token?: string): Promise<Outcome> {
  return ctx.call(
    ctx.clients.cognito.send(
      new GetCredentialsForIdentityCommand({
        IdentityId: identityId,
        ...(token === undefined ? {} : { Logins: { [cognitoLogin]: token } }),
      }),
    ),
  );
}

async function tokenFor(
  ctx: ContractContext,
  user: string,
  tokenDuration?: number,
): Promise<{ identityId: string; token: string } | Outcome> {
  const outcome = await ctx.call(
    ctx.clients.cognito.send(
      new GetOpenIdTokenForDeveloperIdentityCommand({
        IdentityPoolId: ctx.stack.identityPoolId,
        Logins: { [ctx.stack.developerProviderName]: user },
        ...(tokenDuration === undefined ? {} : { TokenDuration: tokenDuration }),
      }),
    ),
  );
  return outcome.kind === 'response'
    ? { identityId: text(outcome.body, 'IdentityId'), token: text(outcome.body, 'Token') }
    : outcome;
}

const notAuthorizedSource = {
  ref: `docs/aws-behaviour.md; ${cognitoModel}; https://github.com/amazon-archives/amazon-cognito-identity-js/issues/91; https://github.com/aws-amplify/aws-sdk-android/issues/175; ${cognitoErrorStatus.ref}`,
  note:
    'GetCredentialsForIdentity refuses a bad, expired or foreign token, or a token whose sub is not this ' +
    'identity, with NotAuthorizedException. Captured bodies: ' +
    `{"__type":"NotAuthorizedException","message":"Invalid login token. Couldn't verify signed token."} (a token ` +
    `whose signature fails) and "Access to Identity 'us-east-1:…' is forbidden." ${cognitoErrorStatus.note}`,
};

export const getCredentialsContracts = [
  defineContract({
    id: 'get-credentials-for-identity.issued',
    step: 'get-credentials-for-identity',
    title: 'The client trades the token for temporary credentials (ASIA…) that expire in about one hour',
    request:
      'cognito-identity GetCredentialsForIdentity {IdentityId: <alice identity>, Logins: ' +
      '{cognito-identity.amazonaws.com: <token>}} (unsigned)',
    status: 'model',
    source: {
      ref: `docs/aws-behaviour.md; ${cognitoModel}`,
      note:
        'Out: IdentityId, Credentials {AccessKeyId, SecretKey, SessionToken, Expiration} (the member is ' +
        'SecretKey). Credentials last one hour; temporary access keys start ASIA. A public operation: ' +
        'no AWS credentials needed.',
    },
    requires: ['developerToken'],
    run: (ctx) => getCredentials(ctx, ctx.outputs.developerToken.identityId, ctx.outputs.developerToken.token),
    expect: {
      kind: 'response',
      status: 200,
      schema: credentialsSchema,
      checks: {
        "for the token's identity": (body, ctx) =>
          same('IdentityId', at(body, 'IdentityId'), ctx.outputs.developerToken.identityId),
        'expires in about one hour': (body, ctx) =>
          timeNear('Credentials.Expiration', at(body, 'Credentials.Expiration'), ctx.clock.nowMs() + 3600_000, 120),
      },
    },
    provides: {
      output: 'credentials',
      read: (outcome) => {
        if (outcome.kind !== 'response') return undefined;
        const credentials = {
          identityId: text(outcome.body, 'IdentityId'),
          accessKeyId: text(outcome.body, 'Credentials.AccessKeyId'),
          secretAccessKey: text(outcome.body, 'Credentials.SecretKey'),
          sessionToken: text(outcome.body, 'Credentials.SessionToken'),
          expiration: text(outcome.body, 'Credentials.Expiration'),
        };
        return credentials.accessKeyId && credentials.secretAccessKey && credentials.sessionToken
          ? credentials
          : undefined;
      },
    },
  }),
  defineContract({
    id: 'get-credentials-for-identity.garbage-token',
    step: 'get-credentials-for-identity',
    title: 'A login that is not a token is NotAuthorizedException (400), "Invalid login token…"',
    request:
      'cognito-identity GetCredentialsForIdentity {IdentityId: <alice identity>, Logins: ' +
      "{cognito-identity.amazonaws.com: 'not-a-token'}}",
    status: 'unverified',
    source: notAuthorizedSource,
    requires: ['developerToken'],
    run: (ctx) => getCredentials(ctx, ctx.outputs.developerToken.identityId, 'not-a-token'),
    expect: {
      kind: 'error',
      error: { code: 'NotAuthorizedException', status: 400, message: /^Invalid login token\./ },
    },
  }),
  defineContract({
    id: 'get-credentials-for-identity.forged-token',
    step: 'get-credentials-for-identity',
    title: 'A token with the right claims signed by another key is NotAuthorizedException (400)',
    request:
      'cognito-identity GetCredentialsForIdentity {IdentityId: <alice identity>, Logins: ' +
      '{cognito-identity.amazonaws.com: <alice token re-signed with a key of our own>}}',
    status: 'unverified',
    source: notAuthorizedSource,
    requires: ['developerToken'],
    run: async (ctx) => {
      const { token, identityId } = ctx.outputs.developerToken;
      const decoded = decodeToken(token);
      const claims =
        typeof decoded === 'string'
          ? { iss: cognitoIssuer, aud: ctx.stack.identityPoolId, sub: identityId }
          : decoded.claims;
      const kid = typeof decoded === 'string' ? `${ctx.target.region}-1` : String(decoded.header.kid);
      const { privateKey } = await generateKeyPair('RS512');
      const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'RS512', typ: 'JWS', kid }).sign(privateKey);
      return getCredentials(ctx, identityId, forged);
    },
    expect: {
      kind: 'error',
      error: { code: 'NotAuthorizedException', status: 400, message: /^Invalid login token\./ },
    },
  }),
  defineContract({
    id: 'get-credentials-for-identity.token-of-another-identity',
    step: 'get-credentials-for-identity',
    title:
      'A valid token for one identity presented for another is NotAuthorizedException (400), ' +
      '"Access to Identity … is forbidden."',
    request:
      'cognito-identity GetCredentialsForIdentity {IdentityId: <dave identity>, Logins: ' +
      '{cognito-identity.amazonaws.com: <alice token>}}',
    status: 'unverified',
    source: notAuthorizedSource,
    requires: ['developerToken'],
    run: async (ctx) => {
      const dave = await tokenFor(ctx, developerUserId(ctx, 'dave'));
      if ('kind' in dave) return dave;
      return getCredentials(ctx, dave.identityId, ctx.outputs.developerToken.token);
    },
    expect: {
      kind: 'error',
      error: {
        code: 'NotAuthorizedException',
        status: 400,
        message: /^Access to Identity '[\w-]+:[0-9a-f-]+' is forbidden\.$/,
      },
    },
  }),
  defineContract({
    id: 'get-credentials-for-identity.expired-token',
    step: 'get-credentials-for-identity',
    title: 'A token past its exp is NotAuthorizedException (400)',
    request:
      'GetOpenIdTokenForDeveloperIdentity for erin-<run>, let its lifetime pass (movable clock: 900 s; ' +
      'else TokenDuration 1 and a 2 s wait), then GetCredentialsForIdentity with it',
    status: 'unverified',
    source: notAuthorizedSource,
    run: async (ctx) => {
      const lifetime = ctx.clock.movable ? undefined : 1;
      const erin = await tokenFor(ctx, developerUserId(ctx, 'erin'), lifetime);
      if ('kind' in erin) return erin;
      await ctx.clock.pass((lifetime ?? 900) + 1);
      return getCredentials(ctx, erin.identityId, erin.token);
    },
    expect: {
      kind: 'error',
      error: { code: 'NotAuthorizedException', status: 400, message: /^Invalid login token\./ },
    },
  }),
  defineContract({
    id: 'get-credentials-for-identity.no-login',
    step: 'get-credentials-for-identity',
    title:
      'An authenticated identity asked for without its login, in a pool without guest access, ' +
      'is NotAuthorizedException (400)',
    request: 'cognito-identity GetCredentialsForIdentity {IdentityId: <alice identity>} (no Logins)',
    status: 'unverified',
    source: {
      ref: `docs/aws-behaviour.md; ${cognitoModel}; ${cognitoErrorStatus.ref}`,
      note:
        'No Logins means the unauthenticated role, allowed only when the pool allows unauthenticated identities ' +
        `(the stack pool does not). Users report "Logins don't match. Please include at least one valid login ` +
        `for this identity or identity pool." (NotAuthorizedException). ${cognitoErrorStatus.note}`,
    },
    requires: ['developerToken'],
    run: (ctx) => getCredentials(ctx, ctx.outputs.developerToken.identityId),
    expect: { kind: 'error', error: { code: 'NotAuthorizedException', status: 400 } },
  }),
  defineContract({
    id: 'get-credentials-for-identity.malformed-identity-id',
    step: 'get-credentials-for-identity',
    title: 'An IdentityId outside [\\w-]+:[0-9a-f-]+ is a ValidationException (400)',
    request:
      "cognito-identity GetCredentialsForIdentity {IdentityId: 'not-an-identity-id', Logins: " +
      '{cognito-identity.amazonaws.com: <alice token>}}',
    status: 'unverified',
    source: {
      ref: `${cognitoModel}; docs/aws-behaviour.md`,
      note:
        'IdentityId: 1-55 chars, pattern [\\w-]+:[0-9a-f-]+. Broken constraint: ' +
        "ValidationException '1 validation error detected: Value '<v>' at 'identityId' failed to satisfy " +
        "constraint: Member must satisfy regular expression pattern: …' (AWS's JSON-service wording, " +
        'not seen for this member).',
    },
    requires: ['developerToken'],
    run: (ctx) => getCredentials(ctx, 'not-an-identity-id', ctx.outputs.developerToken.token),
    expect: {
      kind: 'error',
      error: {
        code: 'ValidationException',
        status: 400,
        message: new RegExp(
          "^1 validation error detected: Value 'not-an-identity-id' at 'identityId' failed to satisfy constraint: " +
            'Member must satisfy regular expression pattern',
        ),
      },
    },
  }),
];
