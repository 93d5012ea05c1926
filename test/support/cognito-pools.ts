import type { IdentityPoolRecord, IdentityPoolSettings } from '../../emulator/store/cognito-pools.js';
import { CognitoStore } from '../../emulator/store/cognito-store.js';
import { Database } from '../../emulator/store/database.js';

export const poolId = 'us-east-1:11111111-1111-1111-1111-111111111111';
export const developerProvider = 'login.example';
const created = Date.parse('2026-01-01T00:00:00Z');

/**
 * A Cognito store (on a fresh in-memory database unless given one) with one developer-authenticated pool of the
 * default account.
 */
export function developerPool(
  settings: Partial<IdentityPoolSettings> = {},
  db = Database.open(),
): { cognito: CognitoStore; pool: IdentityPoolRecord } {
  const cognito = new CognitoStore(db);
  const pool = cognito.pools.create(
    { poolId, accountId: '000000000000', region: 'us-east-1', createdAt: created, tags: {} },
    {
      name: 'pool',
      allowUnauthenticatedIdentities: false,
      allowClassicFlow: undefined,
      developerProviderName: developerProvider,
      supportedLoginProviders: {},
      openIdConnectProviderArns: [],
      cognitoIdentityProviders: [],
      samlProviderArns: [],
      ...settings,
    },
  );
  return { cognito, pool };
}

/** Links a developer user id of the pool to an identity (a new one unless given), answering the identity id. */
export function linkUser(cognito: CognitoStore, pool: IdentityPoolRecord, userId: string, identityId?: string): string {
  const key = { poolSeq: pool.seq, provider: developerProvider, login: userId };
  const link = cognito.identities.link(key, pool.region, created, identityId);
  if (link.kind !== 'linked') throw new Error(`could not link ${userId}: ${link.kind}`);
  return link.identityId;
}
