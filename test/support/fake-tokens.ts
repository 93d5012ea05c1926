import {
  cognitoIssuer,
  type OpenIdTokenClaims,
  OpenIdTokenError,
  type VerifiedOpenIdToken,
} from '../../emulator/auth/openid-tokens.js';
import type { Clock } from '../../emulator/clock.js';
import type { TokenService } from '../../emulator/services/service-definition.js';

export interface SignedToken {
  token: string;
  claims: OpenIdTokenClaims;
  lifetimeSeconds: number;
}

/**
 * The token service without RSA keys, for unit tests of operations: it answers JWT-shaped tokens whose payload
 * decodes (with a signature nobody could check) and verifies only those it issued, expired once the clock reaches
 * `exp`, as jose does with no tolerance.
 */
export class FakeTokens implements TokenService {
  readonly signed: SignedToken[] = [];
  private readonly issued = new Map<string, VerifiedOpenIdToken>();

  constructor(private readonly clock: Clock) {}

  async sign(claims: OpenIdTokenClaims, lifetimeSeconds: number): Promise<string> {
    const iat = this.clock.nowSeconds();
    const payload: VerifiedOpenIdToken = { ...claims, iss: cognitoIssuer, iat, exp: iat + lifetimeSeconds };
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const token = `${encode({ alg: 'none', n: this.signed.length })}.${encode(payload)}.fake`;
    this.issued.set(token, payload);
    this.signed.push({ token, claims, lifetimeSeconds });
    return token;
  }

  async verify(token: string): Promise<VerifiedOpenIdToken> {
    const payload = this.issued.get(token);
    if (!payload) throw new OpenIdTokenError('invalid', 'not a token of this fake');
    if (payload.exp <= this.clock.nowSeconds()) throw new OpenIdTokenError('expired', 'the token has expired');
    return payload;
  }
}
