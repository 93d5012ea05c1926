import { CognitoIdentities } from './cognito-identities.js';
import { CognitoPools } from './cognito-pools.js';
import type { Database, StoreComponent } from './database.js';

/**
 * Cognito Identity state: identity pools (with their roles, role mappings, tags and principal tag maps),
 * identities, and the links from a provider login (a developer user id) to an identity. Rows reference each other
 * by integer sequence numbers so that a pool of a million identities stays compact; the public ids
 * (`REGION:GUID`) are unique columns.
 */
const cognitoSchema: StoreComponent = {
  name: 'cognito-identity',
  migrations: [
    {
      version: 1,
      description: 'identity pools, principal tag maps, identities and login links',
      up: `
        CREATE TABLE cognito_identity_pools (
          seq INTEGER PRIMARY KEY,
          pool_id TEXT NOT NULL UNIQUE,
          account_id TEXT NOT NULL,
          region TEXT NOT NULL,
          name TEXT NOT NULL,
          allow_unauthenticated INTEGER NOT NULL,
          allow_classic_flow INTEGER,
          developer_provider_name TEXT,
          supported_login_providers TEXT NOT NULL,
          open_id_connect_provider_arns TEXT NOT NULL,
          cognito_identity_providers TEXT NOT NULL,
          saml_provider_arns TEXT NOT NULL,
          tags TEXT NOT NULL,
          roles TEXT NOT NULL DEFAULT '{}',
          role_mappings TEXT NOT NULL DEFAULT '{}',
          created_at INTEGER NOT NULL
        );
        CREATE INDEX cognito_identity_pools_by_owner ON cognito_identity_pools (account_id, region, seq);
        CREATE TABLE cognito_principal_tag_maps (
          pool_seq INTEGER NOT NULL REFERENCES cognito_identity_pools (seq) ON DELETE CASCADE,
          provider_name TEXT NOT NULL,
          use_defaults INTEGER NOT NULL,
          principal_tags TEXT NOT NULL,
          PRIMARY KEY (pool_seq, provider_name)
        ) WITHOUT ROWID;
        CREATE TABLE cognito_identities (
          seq INTEGER PRIMARY KEY,
          identity_id TEXT NOT NULL UNIQUE,
          pool_seq INTEGER NOT NULL REFERENCES cognito_identity_pools (seq) ON DELETE CASCADE,
          created_at INTEGER NOT NULL,
          last_modified_at INTEGER NOT NULL,
          disabled INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX cognito_identities_by_pool ON cognito_identities (pool_seq, seq);
        CREATE TABLE cognito_logins (
          pool_seq INTEGER NOT NULL,
          provider TEXT NOT NULL,
          login TEXT NOT NULL,
          identity_seq INTEGER NOT NULL REFERENCES cognito_identities (seq) ON DELETE CASCADE,
          PRIMARY KEY (pool_seq, provider, login)
        ) WITHOUT ROWID;
        CREATE INDEX cognito_logins_by_identity ON cognito_logins (identity_seq, provider, login);
      `,
    },
  ],
  resettableTables: ['cognito_logins', 'cognito_identities', 'cognito_principal_tag_maps', 'cognito_identity_pools'],
};

export class CognitoStore {
  readonly pools: CognitoPools;
  readonly identities: CognitoIdentities;

  constructor(db: Database) {
    db.install(cognitoSchema);
    this.pools = new CognitoPools(db);
    this.identities = new CognitoIdentities(db);
  }
}
