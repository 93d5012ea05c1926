import { generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import type { importJWK as ImportJwk, JWK, JWTPayload } from 'jose';

/** jose is loaded with the keys, on first use, so that starting the emulator does not wait for it. */
let joseModule: Promise<typeof import('jose')> | undefined;
const jose = () => (joseModule ??= import('jose'));
import type { Clock } from '../clock.js';
import type { AuthStore } from '../store/auth-store.js';

/** The issuer of every Cognito Identity OpenID token, as AWS writes it. */
export const cognitoIssuer = 'https://cognito-identity.amazonaws.com';
export const tokenAlgorithm = 'RS512';

export interface OpenIdTokenClaims {
  /** The identity pool id. */
  aud: string;
  /** The identity id. */
  sub: string;
  amr: string[];
  [claim: string]: unknown;
}

export interface VerifiedOpenIdToken extends JWTPayload {
  aud: string;
  sub: string;
  amr: string[];
  exp: number;
  iat: number;
}

export type TokenRejection = 'expired' | 'invalid';

export class OpenIdTokenError extends Error {
  constructor(readonly reason: TokenRejection, message: string) {
    super(message);
  }
}

type VerificationKey = Awaited<ReturnType<typeof ImportJwk>>;

interface LoadedKey {
  kid: string;
  privateKey: VerificationKey;
  publicKey: VerificationKey;
  publicJwk: JWK;
}

const generateKeyPairAsync = promisify(generateKeyPair);

/**
 * Signs and verifies the OpenID tokens of Cognito Identity: RS512 JWS with a `kid` of the form `<region>-<n>`,
 * keys kept in the store (so tokens survive a restart with --data-dir) and published as a JWKS.
 * Keys are loaded (or made) on first use; a server calls `ready()` at start so that this happens in the background.
 */
export class OpenIdTokens {
  private keys: LoadedKey[] = [];
  private loading: Promise<void> | undefined;

  constructor(
    private readonly store: AuthStore,
    private readonly clock: Clock,
    private readonly region: string,
  ) {}

  ready(): Promise<void> {
    this.loading ??= this.load();
    return this.loading;
  }

  /** Resolves once any key loading under way has ended, whatever its outcome (before the store closes). */
  async settled(): Promise<void> {
    await this.loading?.catch(() => undefined);
  }

  /** Reads the keys from the store again (after a state import replaced them). */
  reload(): Promise<void> {
    const previous = this.settled();
    this.loading = previous.then(() => this.load());
    return this.loading;
  }

  private async load(): Promise<void> {
    const stored = this.store.signingKeys();
    if (stored.length === 0) {
      const { privateKey } = await generateKeyPairAsync('rsa', { modulusLength: 2048 });
      const privateJwk = { ...(await (await jose()).exportJWK(privateKey)), alg: tokenAlgorithm };
      const { d, p, q, dp, dq, qi, ...publicJwk } = privateJwk;
      void [d, p, q, dp, dq, qi];
      const kid = `${this.region}-1`;
      this.store.addSigningKey({
        kid,
        privateJwk: JSON.stringify({ ...privateJwk, kid }),
        publicJwk: JSON.stringify({ ...publicJwk, kid, use: 'sig' }),
        createdAt: this.clock.nowMs(),
      });
      stored.push(...this.store.signingKeys());
    }
    const { importJWK } = await jose();
    this.keys = await Promise.all(
      stored.map(async (record) => ({
        kid: record.kid,
        privateKey: await importJWK(JSON.parse(record.privateJwk) as JWK, tokenAlgorithm),
        publicKey: await importJWK(JSON.parse(record.publicJwk) as JWK, tokenAlgorithm),
        publicJwk: JSON.parse(record.publicJwk) as JWK,
      })),
    );
  }

  /** The public keys, as served at `/.well-known/jwks_uri`. */
  async jwks(): Promise<{ keys: JWK[] }> {
    await this.ready();
    return { keys: this.keys.map((key) => key.publicJwk) };
  }

  async sign(claims: OpenIdTokenClaims, lifetimeSeconds: number): Promise<string> {
    await this.ready();
    const key = this.keys[this.keys.length - 1] as LoadedKey;
    const issuedAt = this.clock.nowSeconds();
    const { SignJWT } = await jose();
    return new SignJWT({ ...claims })
      .setProtectedHeader({ kid: key.kid, typ: 'JWS', alg: tokenAlgorithm })
      .setIssuer(cognitoIssuer)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + lifetimeSeconds)
      .sign(key.privateKey);
  }

  /** Verifies signature, issuer and expiry (by the emulator clock). Audience and subject are the caller's to check. */
  async verify(token: string): Promise<VerifiedOpenIdToken> {
    await this.ready();
    try {
      const { payload } = await (await jose()).jwtVerify(
        token,
        (header) => {
          const key = this.keys.find((candidate) => candidate.kid === header.kid);
          if (!key) throw new OpenIdTokenError('invalid', `unknown key id ${String(header.kid)}`);
          return key.publicKey;
        },
        { algorithms: [tokenAlgorithm], issuer: cognitoIssuer, currentDate: this.clock.now(), clockTolerance: 0 },
      );
      if (typeof payload.aud !== 'string' || typeof payload.sub !== 'string' || !Array.isArray(payload.amr)) {
        throw new OpenIdTokenError('invalid', 'the token lacks aud, sub or amr');
      }
      return payload as VerifiedOpenIdToken;
    } catch (error) {
      if (error instanceof OpenIdTokenError) throw error;
      if (error instanceof (await jose()).errors.JWTExpired) throw new OpenIdTokenError('expired', 'the token has expired');
      throw new OpenIdTokenError('invalid', error instanceof Error ? error.message : String(error));
    }
  }
}
