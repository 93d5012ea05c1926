import { z } from 'zod';
import { at, decodeToken, same, show } from './checks.js';
import { guid, regionPattern } from './define.js';
import type { JsonValue } from './outcome.js';
import type { ContractContext } from './types.js';

/** What the developer-token contracts share: the response shape, the users they log in, the token's claims. */
export const cognitoIssuer = 'https://cognito-identity.amazonaws.com';

export const developerTokenSchema = z.strictObject({
  IdentityId: z.string().regex(new RegExp(`^${regionPattern}:${guid}$`)),
  Token: z.string().min(1),
});

export function developerUserId(ctx: ContractContext, name: string): string {
  return `${name}-${ctx.runId}`;
}

/** The token AWS issues: RS512 JWS with a kid, iss/aud/sub/amr as documented, exp - iat = the duration asked for. */
export function tokenDifferences(
  body: JsonValue,
  ctx: ContractContext,
  user: string,
  lifetimeSeconds: number,
): string[] {
  const decoded = decodeToken(at(body, 'Token'));
  if (typeof decoded === 'string') return [decoded];
  const { header, claims } = decoded;
  const pool = ctx.stack.identityPoolId;
  const provider = ctx.stack.developerProviderName;
  const differences = [
    ...same('token header alg', header.alg, 'RS512'),
    ...same('token header typ', header.typ, 'JWS'),
    ...(typeof header.kid === 'string' && header.kid !== ''
      ? []
      : [`token header kid: expected a key id, got ${show(header.kid)}`]),
    ...same('token iss', claims.iss, cognitoIssuer),
    ...same('token aud', claims.aud, pool),
    ...same('token sub', claims.sub, at(body, 'IdentityId')),
    ...same('token amr', claims.amr, ['authenticated', provider, `${provider}:${pool}:${user}`]),
  ];
  if (typeof claims.iat !== 'number' || typeof claims.exp !== 'number')
    return [...differences, `token iat/exp: expected numbers, got ${show(claims.iat)}/${show(claims.exp)}`];
  const skew = Math.abs(claims.iat - ctx.clock.nowMs() / 1000);
  if (skew > 300)
    differences.push(
      `token iat: expected about now, got ${new Date(claims.iat * 1000).toISOString()} (${Math.round(skew)} s off)`,
    );
  return [...differences, ...same('token lifetime exp - iat (s)', claims.exp - claims.iat, lifetimeSeconds)];
}
