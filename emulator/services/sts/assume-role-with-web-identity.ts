import type { AssumeRoleWithWebIdentityRequest, AssumeRoleWithWebIdentityResponse } from '@aws-sdk/client-sts';
import { decodeJwt } from 'jose/jwt/decode';
import { cognitoIssuer, OpenIdTokenError, type VerifiedOpenIdToken } from '../../auth/openid-tokens.js';
import type { Clock } from '../../clock.js';
import { authenticationTypeOf, principalTagsOf } from '../cognito-identity/token-claims.js';
import { defineOperation, type TokenService } from '../service-definition.js';
import { isWellFormedArn } from './assume-role.js';
import { stsErrors } from './errors.js';
import { issueRoleSession, stsCredentials } from './role-sessions.js';
import { trustsCognitoIdentity } from './role-trust.js';
import { refuseUnsupportedParameters } from './unsupported-parameters.js';

const cognitoProvider = new URL(cognitoIssuer).host;
const defaultDurationSeconds = 3600;

/**
 * Unsigned, the Cognito basic (classic) flow: exchanges a token this emulator issued (GetOpenIdToken or
 * GetOpenIdTokenForDeveloperIdentity) for a session of a role that trusts the identity. Tokens of other issuers
 * cannot be verified by idpool and are refused as unverifiable.
 */
export const assumeRoleWithWebIdentity = defineOperation(
  ['tokens', 'clock', 'cognito', 'iam', 'credentials'],
  (services) =>
    async (input: AssumeRoleWithWebIdentityRequest, context): Promise<AssumeRoleWithWebIdentityResponse> => {
      refuseUnsupportedParameters(input, ['Policy', 'PolicyArns']);
      // [unverified] here; recorded for AssumeRole (test_sts_invalid_parameters).
      if (!isWellFormedArn(input.RoleArn as string)) throw stsErrors.invalidArn(input.RoleArn as string);
      const claims = await verifiedToken(services.tokens, services.clock, input.WebIdentityToken as string);
      const pool = services.cognito.pools.find(claims.aud);
      if (!pool) throw stsErrors.tokenNotValidated();
      // [unverified] AWS is known to refuse the basic flow in GetOpenIdToken; whether STS itself checks is not known.
      if (pool.allowClassicFlow === false) throw stsErrors.classicFlowDisabled();

      const tags = principalTagsOf(claims);
      const role = services.iam.findRoleByArn(input.RoleArn as string);
      const identity = { poolId: claims.aud, identityId: claims.sub, amr: claims.amr, tags };
      if (!role || !trustsCognitoIdentity(role, identity, context.now)) throw stsErrors.webIdentityNotTrusted();
      const durationSeconds = input.DurationSeconds ?? defaultDurationSeconds;
      if (durationSeconds > role.maxSessionDuration) throw stsErrors.durationAboveRoleMaximum();

      const { credentials, assumedRoleUser } = issueRoleSession(services.credentials, {
        role,
        sessionName: input.RoleSessionName as string,
        durationSeconds,
        source: {
          kind: 'cognito-identity',
          identityPoolId: claims.aud,
          identityId: claims.sub,
          authenticationType: authenticationTypeOf(claims.amr),
          amr: claims.amr,
        },
        tags,
      });
      return {
        Credentials: stsCredentials(credentials),
        SubjectFromWebIdentityToken: claims.sub,
        AssumedRoleUser: assumedRoleUser,
        Provider: cognitoProvider,
        Audience: claims.aud,
      };
    },
);

async function verifiedToken(
  tokens: Pick<TokenService, 'verify'>,
  clock: Pick<Clock, 'nowSeconds'>,
  token: string,
): Promise<VerifiedOpenIdToken> {
  try {
    return await tokens.verify(token);
  } catch (error) {
    if (error instanceof OpenIdTokenError && error.reason === 'expired') {
      throw stsErrors.webIdentityTokenExpired(clock.nowSeconds(), decodeJwt(token).exp ?? 0);
    }
    try {
      decodeJwt(token);
    } catch {
      throw stsErrors.notAJwt();
    }
    throw stsErrors.tokenNotValidated();
  }
}
