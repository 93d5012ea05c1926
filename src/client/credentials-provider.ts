import { getCredentialsForIdentity, type IdentityCredentials } from './get-credentials-for-identity.js';

/** What the backend hands the client: the identity and an OpenID token for it (getDeveloperToken). */
export interface IdentityLogin {
  identityId: string;
  token: string;
}

export interface CognitoCredentialsOptions {
  region: string;
  /** An emulator's URL; AWS's regional endpoint when absent. */
  endpoint?: string;
  /**
   * Asks your backend for the identity and a fresh token. Called for the first credentials and again at each
   * refresh: the token (15 minutes by default) usually expires long before the credentials (one hour).
   */
  login: () => Promise<IdentityLogin> | IdentityLogin;
  /** Refresh this many seconds before the credentials expire (default 300). */
  refreshBeforeSeconds?: number;
  fetch?: typeof fetch;
  /** The current time in ms (Date.now when absent). */
  now?: () => number;
}

/** Resolves to credentials valid for at least `refreshBeforeSeconds`; `invalidate()` forces the next call to renew. */
export interface CredentialsProvider {
  (): Promise<IdentityCredentials>;
  invalidate(): void;
}

/**
 * Credentials for a Cognito identity that renew themselves before they expire: each call answers the cached
 * credentials while they have more than `refreshBeforeSeconds` left, and otherwise logs in again and calls
 * GetCredentialsForIdentity (concurrent callers share that one renewal; a failed one is not cached).
 */
export function cognitoCredentials(options: CognitoCredentialsOptions): CredentialsProvider {
  const now = options.now ?? Date.now;
  const marginMs = (options.refreshBeforeSeconds ?? 300) * 1000;
  let current: IdentityCredentials | undefined;
  let renewing: Promise<IdentityCredentials> | undefined;
  const renew = async (): Promise<IdentityCredentials> => {
    const { identityId, token } = await options.login();
    return getCredentialsForIdentity({
      identityId,
      token,
      region: options.region,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  };
  const provider = (): Promise<IdentityCredentials> => {
    if (current && current.expiration.getTime() - now() > marginMs) return Promise.resolve(current);
    renewing ??= renew().then(
      (credentials) => {
        current = credentials;
        renewing = undefined;
        return credentials;
      },
      (error: unknown) => {
        renewing = undefined;
        throw error;
      },
    );
    return renewing;
  };
  return Object.assign(provider, {
    invalidate: () => {
      current = undefined;
    },
  });
}
