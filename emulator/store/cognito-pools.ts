import type { CognitoIdentityProvider, RoleMapping } from '@aws-sdk/client-cognito-identity';
import { preparedOnFirstUse, type Database } from './database.js';
import { RowCache } from './row-cache.js';

/** What CreateIdentityPool and UpdateIdentityPool set. */
export interface IdentityPoolSettings {
  name: string;
  allowUnauthenticatedIdentities: boolean;
  /** Undefined when never set: AWS then still serves the basic flow. */
  allowClassicFlow: boolean | undefined;
  developerProviderName: string | undefined;
  supportedLoginProviders: Record<string, string>;
  openIdConnectProviderArns: string[];
  cognitoIdentityProviders: CognitoIdentityProvider[];
  samlProviderArns: string[];
}

export interface IdentityPoolRecord extends IdentityPoolSettings {
  seq: number;
  poolId: string;
  accountId: string;
  region: string;
  tags: Record<string, string>;
  /** `authenticated` / `unauthenticated` → role ARN. */
  roles: Record<string, string>;
  roleMappings: Record<string, RoleMapping>;
  createdAt: number;
}

export interface PrincipalTagMap {
  useDefaults: boolean;
  principalTags: Record<string, string>;
}

interface PoolRow {
  seq: number;
  pool_id: string;
  account_id: string;
  region: string;
  name: string;
  allow_unauthenticated: number;
  allow_classic_flow: number | null;
  developer_provider_name: string | null;
  supported_login_providers: string;
  open_id_connect_provider_arns: string;
  cognito_identity_providers: string;
  saml_provider_arns: string;
  tags: string;
  roles: string;
  role_mappings: string;
  created_at: number;
}

function toPool(row: PoolRow): IdentityPoolRecord {
  return {
    seq: row.seq,
    poolId: row.pool_id,
    accountId: row.account_id,
    region: row.region,
    name: row.name,
    allowUnauthenticatedIdentities: row.allow_unauthenticated === 1,
    allowClassicFlow: row.allow_classic_flow === null ? undefined : row.allow_classic_flow === 1,
    developerProviderName: row.developer_provider_name ?? undefined,
    supportedLoginProviders: JSON.parse(row.supported_login_providers) as Record<string, string>,
    openIdConnectProviderArns: JSON.parse(row.open_id_connect_provider_arns) as string[],
    cognitoIdentityProviders: JSON.parse(row.cognito_identity_providers) as CognitoIdentityProvider[],
    samlProviderArns: JSON.parse(row.saml_provider_arns) as string[],
    tags: JSON.parse(row.tags) as Record<string, string>,
    roles: JSON.parse(row.roles) as Record<string, string>,
    roleMappings: JSON.parse(row.role_mappings) as Record<string, RoleMapping>,
    createdAt: row.created_at,
  };
}

function settingsParameters(settings: IdentityPoolSettings): unknown[] {
  return [
    settings.name,
    settings.allowUnauthenticatedIdentities ? 1 : 0,
    settings.allowClassicFlow === undefined ? null : settings.allowClassicFlow ? 1 : 0,
    settings.developerProviderName ?? null,
    JSON.stringify(settings.supportedLoginProviders),
    JSON.stringify(settings.openIdConnectProviderArns),
    JSON.stringify(settings.cognitoIdentityProviders),
    JSON.stringify(settings.samlProviderArns),
  ];
}

/** Identity pools, owned by an account in a region; listed in creation order. */
export class CognitoPools {
  private readonly statements;
  /** Every Cognito call reads its pool: pools are kept decoded (see RowCache). */
  private readonly decoded: RowCache<IdentityPoolRecord>;

  constructor(private readonly db: Database) {
    this.decoded = new RowCache(db, { capacity: 1_000, tables: ['cognito_identity_pools'], keptByInserts: true });
    const sql = db.sql;
    const settingsColumns =
      'name, allow_unauthenticated, allow_classic_flow, developer_provider_name, supported_login_providers, ' +
      'open_id_connect_provider_arns, cognito_identity_providers, saml_provider_arns';
    this.statements = preparedOnFirstUse({
      insert: () =>
        sql.prepare(
          `INSERT INTO cognito_identity_pools (pool_id, account_id, region, created_at, tags, ${settingsColumns}) ` +
            'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        ),
      byId: () => sql.prepare('SELECT * FROM cognito_identity_pools WHERE pool_id = ?'),
      update: () =>
        sql.prepare(
          `UPDATE cognito_identity_pools SET (${settingsColumns}) = (?, ?, ?, ?, ?, ?, ?, ?) WHERE pool_id = ?`,
        ),
      setRoles: () => sql.prepare('UPDATE cognito_identity_pools SET roles = ?, role_mappings = ? WHERE pool_id = ?'),
      setTags: () => sql.prepare('UPDATE cognito_identity_pools SET tags = ? WHERE pool_id = ?'),
      delete: () => sql.prepare('DELETE FROM cognito_identity_pools WHERE pool_id = ?'),
      // A bare `LIMIT ?` makes SQLite (built with STAT4) plan the statement again for every value bound; CAST not.
      page: () =>
        sql.prepare(
          'SELECT * FROM cognito_identity_pools WHERE account_id = ? AND region = ? AND seq > ? ' +
            'ORDER BY seq LIMIT CAST(? AS INTEGER)',
        ),
      tagMap: () =>
        sql.prepare(
          'SELECT use_defaults, principal_tags FROM cognito_principal_tag_maps ' +
            'WHERE pool_seq = ? AND provider_name = ?',
        ),
      setTagMap: () =>
        sql.prepare(
          'INSERT INTO cognito_principal_tag_maps (pool_seq, provider_name, use_defaults, principal_tags) ' +
            'VALUES (?, ?, ?, ?) ' +
            'ON CONFLICT (pool_seq, provider_name) DO UPDATE SET ' +
            'use_defaults = excluded.use_defaults, principal_tags = excluded.principal_tags',
        ),
    });
  }

  create(
    pool: { poolId: string; accountId: string; region: string; createdAt: number; tags: Record<string, string> },
    settings: IdentityPoolSettings,
  ): IdentityPoolRecord {
    this.statements.insert.run(
      pool.poolId,
      pool.accountId,
      pool.region,
      pool.createdAt,
      JSON.stringify(pool.tags),
      ...settingsParameters(settings),
    );
    return this.find(pool.poolId) as IdentityPoolRecord;
  }

  /** The pool (frozen). */
  find(poolId: string): IdentityPoolRecord | undefined {
    const cached = this.decoded.get(poolId);
    if (cached) return cached;
    const row = this.statements.byId.get(poolId) as PoolRow | undefined;
    if (!row) return undefined;
    return this.decoded.remember(poolId, toPool(row));
  }

  /** Replaces the pool's settings and, when given, its tags, together. */
  update(poolId: string, settings: IdentityPoolSettings, tags?: Record<string, string>): void {
    this.db.transaction(() => {
      this.statements.update.run(...settingsParameters(settings), poolId);
      if (tags !== undefined) this.setTags(poolId, tags);
    });
  }

  setRoles(poolId: string, roles: Record<string, string>, roleMappings: Record<string, RoleMapping>): void {
    this.statements.setRoles.run(JSON.stringify(roles), JSON.stringify(roleMappings), poolId);
  }

  setTags(poolId: string, tags: Record<string, string>): void {
    this.statements.setTags.run(JSON.stringify(tags), poolId);
  }

  /** Deletes the pool with its identities and login links. */
  delete(poolId: string): boolean {
    return this.statements.delete.run(poolId).changes > 0;
  }

  /** The owner's pools after the one with sequence number `afterSeq`, at most `limit`. */
  page(accountId: string, region: string, afterSeq: number, limit: number): IdentityPoolRecord[] {
    return (this.statements.page.all(accountId, region, afterSeq, limit) as PoolRow[]).map(toPool);
  }

  principalTagMap(poolSeq: number, providerName: string): PrincipalTagMap | undefined {
    const row = this.statements.tagMap.get(poolSeq, providerName) as
      | { use_defaults: number; principal_tags: string }
      | undefined;
    return (
      row && {
        useDefaults: row.use_defaults === 1,
        principalTags: JSON.parse(row.principal_tags) as Record<string, string>,
      }
    );
  }

  setPrincipalTagMap(poolSeq: number, providerName: string, map: PrincipalTagMap): void {
    this.statements.setTagMap.run(poolSeq, providerName, map.useDefaults ? 1 : 0, JSON.stringify(map.principalTags));
  }
}
