import { preparedOnFirstUse, type Database, type StoreComponent } from './database.js';
import { RowCache } from './row-cache.js';

/** The token signing keys and the temporary credentials the emulator issued. */
const authSchema: StoreComponent = {
  name: 'auth',
  migrations: [
    {
      version: 1,
      description: 'signing keys and issued temporary credentials',
      up: `
        CREATE TABLE signing_keys (
          kid TEXT PRIMARY KEY,
          private_jwk TEXT NOT NULL,
          public_jwk TEXT NOT NULL,
          created_at INTEGER NOT NULL
        );
        CREATE TABLE issued_credentials (
          access_key_id TEXT PRIMARY KEY,
          secret_access_key TEXT NOT NULL,
          session_token TEXT NOT NULL,
          account_id TEXT NOT NULL,
          issued_at INTEGER NOT NULL,
          expires_at INTEGER NOT NULL,
          session TEXT NOT NULL
        );
        CREATE INDEX issued_credentials_by_expiry ON issued_credentials (expires_at);
      `,
    },
  ],
  resettableTables: ['issued_credentials'],
  secretTables: ['signing_keys', 'issued_credentials'],
};

export interface SigningKeyRecord {
  kid: string;
  privateJwk: string;
  publicJwk: string;
  createdAt: number;
}

/** Where a role session's credentials came from, as the event of an IAM-authorized API call shows it. */
export interface CognitoSessionSource {
  kind: 'cognito-identity';
  identityPoolId: string;
  identityId: string;
  authenticationType: 'authenticated' | 'unauthenticated';
  /** The token's `amr` claim. */
  amr: string[];
}

export interface RoleSession {
  roleArn: string;
  roleName: string;
  roleId: string;
  sessionName: string;
  /** `arn:aws:sts::<account>:assumed-role/<role>/<session>` */
  assumedRoleArn: string;
  source?: CognitoSessionSource;
  /** Session tags (principal tags), key → value. */
  tags?: Record<string, string>;
}

export interface IssuedCredentialRecord {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  accountId: string;
  issuedAt: number;
  expiresAt: number;
  session: RoleSession;
}

interface IssuedCredentialRow {
  access_key_id: string;
  secret_access_key: string;
  session_token: string;
  account_id: string;
  issued_at: number;
  expires_at: number;
  session: string;
}

/** How long expired credentials are kept so that using them answers "expired" rather than "invalid". */
const expiredCredentialRetentionMs = 7 * 24 * 3600 * 1000;

export class AuthStore {
  private readonly statements;
  /** Every call signed with issued credentials reads them: they are kept decoded (see RowCache). */
  private readonly credentials: RowCache<IssuedCredentialRecord>;

  constructor(db: Database) {
    db.install(authSchema);
    this.credentials = new RowCache(db, { capacity: 2_000, tables: ['issued_credentials'], keptByInserts: true });
    const sql = db.sql;
    this.statements = preparedOnFirstUse({
      keys: () =>
        sql.prepare('SELECT kid, private_jwk, public_jwk, created_at FROM signing_keys ORDER BY created_at, kid'),
      insertKey: () =>
        sql.prepare('INSERT INTO signing_keys (kid, private_jwk, public_jwk, created_at) VALUES (?, ?, ?, ?)'),
      credential: () => sql.prepare('SELECT * FROM issued_credentials WHERE access_key_id = ?'),
      insertCredential: () =>
        sql.prepare(
          'INSERT INTO issued_credentials ' +
            '(access_key_id, secret_access_key, session_token, account_id, issued_at, expires_at, session) ' +
            'VALUES (?, ?, ?, ?, ?, ?, ?)',
        ),
      purge: () => sql.prepare('DELETE FROM issued_credentials WHERE expires_at < ?'),
    });
  }

  signingKeys(): SigningKeyRecord[] {
    return (
      this.statements.keys.all() as { kid: string; private_jwk: string; public_jwk: string; created_at: number }[]
    ).map((row) => ({
      kid: row.kid,
      privateJwk: row.private_jwk,
      publicJwk: row.public_jwk,
      createdAt: row.created_at,
    }));
  }

  addSigningKey(key: SigningKeyRecord): void {
    this.statements.insertKey.run(key.kid, key.privateJwk, key.publicJwk, key.createdAt);
  }

  /** The issued credentials (frozen) of an access key id. */
  findCredential(accessKeyId: string): IssuedCredentialRecord | undefined {
    const cached = this.credentials.get(accessKeyId);
    if (cached) return cached;
    const row = this.statements.credential.get(accessKeyId) as IssuedCredentialRow | undefined;
    if (!row) return undefined;
    return this.credentials.remember(accessKeyId, {
      accessKeyId: row.access_key_id,
      secretAccessKey: row.secret_access_key,
      sessionToken: row.session_token,
      accountId: row.account_id,
      issuedAt: row.issued_at,
      expiresAt: row.expires_at,
      session: JSON.parse(row.session) as RoleSession,
    });
  }

  addCredential(record: IssuedCredentialRecord): void {
    this.statements.insertCredential.run(
      record.accessKeyId,
      record.secretAccessKey,
      record.sessionToken,
      record.accountId,
      record.issuedAt,
      record.expiresAt,
      JSON.stringify(record.session),
    );
    this.credentials.remember(record.accessKeyId, { ...record });
  }

  /** Forgets credentials that expired long enough ago (by the emulator clock) that nobody should still use them. */
  purgeExpired(nowMs: number): number {
    return this.statements.purge.run(nowMs - expiredCredentialRetentionMs).changes;
  }
}
