import {
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  sign as rsaSign,
  verify as rsaVerify,
  type JsonWebKey,
  type KeyObject,
} from 'node:crypto';
import { promisify } from 'node:util';
import type { JWK, JWTPayload } from 'jose';
import { BoundedMap } from '../bounded-map.js';
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
  constructor(
    readonly reason: TokenRejection,
    message: string,
  ) {
    super(message);
  }
}

interface LoadedKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicJwk: JWK;
  /** The token header, base64url-encoded once: `{"kid":…,"typ":"JWS","alg":"RS512"}`. */
  encodedHeader: string;
}

const generateKeyPairAsync = promisify(generateKeyPair);

/**
 * How many of the tokens it signed last a process remembers (~1 KiB each): a client trades its token for credentials
 * within moments of getting it, so these are the tokens presented.
 */
const rememberedTokens = 4096;

/**
 * The key pair of the emulators in this process that keep no data directory, made once: a 2048-bit RSA key costs
 * ~120 ms of CPU, paid by every in-memory start otherwise (a test suite starts dozens). Sharing it is what AWS does:
 * Cognito Identity signs the tokens of every pool of every account with the keys of one JWKS
 * (`https://cognito-identity.amazonaws.com/.well-known/jwks_uri`, `docs/aws-behaviour.md`). A data directory gets a
 * key of its own, kept in it.
 */
let processKeyPair: Promise<KeyObject> | undefined;
function newPrivateKey(shared: boolean): Promise<KeyObject> {
  const generate = () => generateKeyPairAsync('rsa', { modulusLength: 2048 }).then(({ privateKey }) => privateKey);
  if (!shared) return generate();
  processKeyPair ??= generate().catch((error: unknown) => {
    processKeyPair = undefined;
    throw error;
  });
  return processKeyPair;
}

/**
 * Signs and verifies the OpenID tokens of Cognito Identity: RS512 JWS with a `kid` of the form `<region>-<n>`,
 * keys kept in the store (so tokens survive a restart with --data-dir) and published as a JWKS.
 * Keys are loaded (or made) on first use; a server calls `readySoon()` at start so that this happens in the background.
 */
export class OpenIdTokens {
  private keys: LoadedKey[] = [];
  /**
   * The tokens signed here lately, each with the key that signed it: their signature needs no RSA verification
   * (~45 µs of CPU alone, ~130 µs measured inside a busy server). A token is known by its whole text, so nothing else
   * can pass for it; a key loaded again (after an import) is another object, and the tokens of the key it replaced
   * are verified in full.
   */
  private readonly signedHere = new BoundedMap<string, LoadedKey>(rememberedTokens);
  private loading: Promise<void> | undefined;
  /** The keys of the latest load are in place: signing and verifying need not wait. */
  private keysCurrent = false;
  private soon: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: AuthStore,
    private readonly clock: Clock,
    private readonly region: string,
    /** No data directory: the process's one key pair serves (`newPrivateKey`). */
    private readonly sharedKey = false,
    /** The requests the server is handling now, this one included (`sign` reads it). */
    private readonly inFlight: { readonly count: number } = { count: 0 },
  ) {}

  ready(): Promise<void> {
    this.cancelSoon();
    if (!this.loading) this.startLoading(() => this.load());
    return this.loading as Promise<void>;
  }

  /**
   * Loads (or makes) the keys in the background after `delayMs`, unless something needs them sooner: a start that
   * makes a new key pair (in memory) does not compete for the CPU with the first calls, which seldom sign.
   */
  readySoon(delayMs: number, onError: (error: unknown) => void): void {
    this.cancelSoon();
    this.soon = setTimeout(() => {
      this.soon = undefined;
      this.ready().catch(onError);
    }, delayMs);
    this.soon.unref();
  }

  private cancelSoon(): void {
    if (this.soon) clearTimeout(this.soon);
    this.soon = undefined;
  }

  /** Resolves once any key loading under way has ended, whatever its outcome (before the store closes). */
  async settled(): Promise<void> {
    this.cancelSoon();
    await this.loading?.catch(() => undefined);
  }

  /** Reads the keys from the store again (after a state import replaced them). */
  reload(): Promise<void> {
    const previous = this.settled();
    this.startLoading(() => previous.then(() => this.load()));
    return this.loading as Promise<void>;
  }

  private startLoading(load: () => Promise<void>): void {
    this.keysCurrent = false;
    const loading: Promise<void> = load().then(() => {
      if (this.loading === loading) this.keysCurrent = true;
    });
    this.loading = loading;
  }

  private async load(): Promise<void> {
    const stored = this.store.signingKeys();
    if (stored.length === 0) {
      const privateKey = await newPrivateKey(this.sharedKey);
      const privateJwk = { ...(privateKey.export({ format: 'jwk' }) as JWK), alg: tokenAlgorithm };
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
    this.signedHere.clear();
    this.keys = stored.map((record) => {
      const publicJwk = JSON.parse(record.publicJwk) as JWK;
      return {
        kid: record.kid,
        privateKey: createPrivateKey({ key: JSON.parse(record.privateJwk) as JsonWebKey, format: 'jwk' }),
        publicKey: createPublicKey({ key: publicJwk as JsonWebKey, format: 'jwk' }),
        publicJwk,
        encodedHeader: base64url(JSON.stringify({ kid: record.kid, typ: 'JWS', alg: tokenAlgorithm })),
      };
    });
  }

  /** The public keys, as served at `/.well-known/jwks_uri`. */
  async jwks(): Promise<{ keys: JWK[] }> {
    await this.ready();
    return { keys: this.keys.map((key) => key.publicJwk) };
  }

  /** While keys are being loaded (at start, or again after an import) calls wait for them. */
  private loaded(): Promise<void> | undefined {
    return this.keysCurrent ? undefined : this.ready();
  }

  /**
   * A compact RS512 JWS as jose's SignJWT writes it (claims, then iss, iat, exp). While other requests are in flight
   * the RSA signature is computed on libuv's thread pool, so the event loop keeps serving them meanwhile. Alone, it is
   * computed inline: the event loop has nothing else to do, and the hop to the pool costs more than it saves. Measured
   * on 2 cores (2048-bit key, Node 20): inline 282 µs of CPU; on the pool, one at a time, 398 µs, of which ~150-200
   * on the main thread anyway (the woken pool thread takes the waker's core); 16 at a time, 320 µs, 36 µs of them on
   * the main thread.
   */
  async sign(claims: OpenIdTokenClaims, lifetimeSeconds: number): Promise<string> {
    const loading = this.loaded();
    if (loading) await loading;
    const key = this.keys[this.keys.length - 1] as LoadedKey;
    const issuedAt = this.clock.nowSeconds();
    const payload = JSON.stringify({ ...claims, iss: cognitoIssuer, iat: issuedAt, exp: issuedAt + lifetimeSeconds });
    const signingInput = `${key.encodedHeader}.${base64url(payload)}`;
    const signature =
      this.inFlight.count <= 1
        ? rsaSign('sha512', Buffer.from(signingInput), key.privateKey)
        : await new Promise<Buffer>((resolve, reject) =>
            rsaSign('sha512', Buffer.from(signingInput), key.privateKey, (error, result) =>
              error ? reject(error) : resolve(result),
            ),
          );
    const token = `${signingInput}.${signature.toString('base64url')}`;
    this.signedHere.set(token, key);
    return token;
  }

  /**
   * Verifies signature, issuer and expiry (by the emulator clock), with jose's rules and no clock tolerance: expired
   * once `exp` is reached, not valid before `nbf`. Audience and subject are the caller's to check. An RS512
   * verification costs a few tens of microseconds: it runs inline, for the tokens this process did not sign lately.
   */
  async verify(token: string): Promise<VerifiedOpenIdToken> {
    const loading = this.loaded();
    if (loading) await loading;
    const payload = this.verifiedPayload(token);
    if (payload.iss !== cognitoIssuer) throw new OpenIdTokenError('invalid', 'unexpected "iss" claim value');
    const now = this.clock.nowSeconds();
    for (const claim of ['iat', 'nbf', 'exp'] as const) {
      if (payload[claim] !== undefined && typeof payload[claim] !== 'number')
        throw new OpenIdTokenError('invalid', `"${claim}" claim must be a number`);
    }
    if (payload.nbf !== undefined && payload.nbf > now)
      throw new OpenIdTokenError('invalid', '"nbf" claim timestamp check failed');
    if (payload.exp !== undefined && payload.exp <= now) throw new OpenIdTokenError('expired', 'the token has expired');
    if (typeof payload.aud !== 'string' || typeof payload.sub !== 'string' || !Array.isArray(payload.amr)) {
      throw new OpenIdTokenError('invalid', 'the token lacks aud, sub or amr');
    }
    return payload as VerifiedOpenIdToken;
  }

  /** The payload of a compact JWS signed with one of the keys, or OpenIdTokenError('invalid'). */
  private verifiedPayload(token: string): JWTPayload {
    const parts = typeof token === 'string' ? token.split('.') : [];
    if (parts.length !== 3) throw new OpenIdTokenError('invalid', 'Invalid Compact JWS');
    const [encodedHeader, encodedPayload, encodedSignature] = parts as [string, string, string];
    const header = parseJsonObject(encodedHeader);
    if (header?.alg !== tokenAlgorithm) throw new OpenIdTokenError('invalid', 'unexpected or missing "alg"');
    if (header.crit !== undefined || header.b64 !== undefined)
      throw new OpenIdTokenError('invalid', 'unsupported JWS header parameter');
    const key = this.keys.find((candidate) => candidate.kid === header.kid);
    if (!key) throw new OpenIdTokenError('invalid', `unknown key id ${String(header.kid)}`);
    if (this.signedHere.get(token) !== key) this.verifySignature(key, encodedHeader, encodedPayload, encodedSignature);
    const payload = parseJsonObject(encodedPayload);
    if (!payload) throw new OpenIdTokenError('invalid', 'JWT Claims Set must be a top-level JSON object');
    return payload as JWTPayload;
  }

  private verifySignature(key: LoadedKey, encodedHeader: string, encodedPayload: string, encodedSignature: string) {
    const signature = Buffer.from(encodedSignature, 'base64url');
    // Node's base64url decoder skips characters it does not know: only the canonical encoding is the signature.
    if (signature.toString('base64url') !== encodedSignature)
      throw new OpenIdTokenError('invalid', 'malformed signature');
    const signingInput = Buffer.from(`${encodedHeader}.${encodedPayload}`);
    if (!rsaVerify('sha512', signingInput, key.publicKey, signature))
      throw new OpenIdTokenError('invalid', 'signature verification failed');
  }
}

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

function parseJsonObject(encoded: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
