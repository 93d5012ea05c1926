import type { Endpoint } from '../endpoint.js';
import { jsonResponse } from '../protocols/wire.js';
import type { EmulatorRuntime } from '../runtime.js';
import { cognitoIssuer, tokenAlgorithm } from './openid-tokens.js';

const jwksPath = '/.well-known/jwks_uri';
const discoveryPath = '/.well-known/openid-configuration';

/**
 * The token keys at `/.well-known/jwks_uri` and a discovery document at `/.well-known/openid-configuration`, as
 * cognito-identity.amazonaws.com serves them, so any OIDC library verifies a token against the emulator's URL.
 */
export function openIdEndpoint(runtime: EmulatorRuntime): Endpoint {
  return {
    name: 'openid',
    claims: (request) => request.method === 'GET' && (request.path === jwksPath || request.path === discoveryPath),
    serve: async (request) => {
      if (request.path === jwksPath)
        return jsonResponse(200, await runtime.tokens.jwks(), { 'cache-control': 'max-age=300' });
      return jsonResponse(200, {
        issuer: cognitoIssuer,
        jwks_uri: `${runtime.url}${jwksPath}`,
        response_types_supported: ['code', 'token'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: [tokenAlgorithm],
        claims_supported: ['sub', 'aud', 'iss', 'exp', 'iat', 'amr'],
      });
    },
  };
}
