import { randomSlice } from '../random-bytes.js';
import type { Clock } from '../clock.js';
import type { AuthStore, IssuedCredentialRecord, RoleSession } from '../store/auth-store.js';
import type { IamStore } from '../store/iam-store.js';

/** AWS access key ids use the upper-case base32 alphabet after their four-letter kind prefix. */
const base32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function awsIdentifier(prefix: string, length: number): string {
  const bytes = randomSlice(length - prefix.length);
  let id = prefix;
  for (const byte of bytes) id += base32[byte & 31];
  return id;
}

export interface IssueCredentialsRequest {
  accountId: string;
  session: RoleSession;
  durationSeconds: number;
}

/**
 * Temporary credentials of role sessions, as STS issues them: `ASIA…` access key id, a 40-character secret and a
 * session token, kept in the store until well after they expire so that a late use answers "expired".
 *
 * A session belongs to its role's unique id (`AROA…`), not its name: once that role is deleted its credentials are
 * no longer recognised, and a new role created under the same name (another id) gives them nothing. Every caller
 * therefore finds its policies through a live role of the session's id. [unverified] AWS's answer to such a
 * session: idpool answers as to an unknown token (STS `InvalidClientTokenId`, execute-api
 * `UnrecognizedClientException`, "The security token included in the request is invalid."), as public reports of
 * role deletion show; IAM's documentation says a role's unique id changes when it is recreated under its name
 * (docs/aws-behaviour.md).
 */
export class SessionCredentials {
  private issuedSincePurge = 0;

  constructor(
    private readonly store: AuthStore,
    private readonly clock: Clock,
    private readonly roles: Pick<IamStore, 'findRoleById'>,
  ) {}

  issue(request: IssueCredentialsRequest): IssuedCredentialRecord {
    const issuedAt = this.clock.nowMs();
    const record: IssuedCredentialRecord = {
      accessKeyId: awsIdentifier('ASIA', 20),
      secretAccessKey: randomSlice(30).toString('base64'),
      sessionToken: `IQoJb3JpZ2luX2VjE${randomSlice(240).toString('base64')}`,
      accountId: request.accountId,
      issuedAt,
      expiresAt: issuedAt + request.durationSeconds * 1000,
      session: request.session,
    };
    this.store.addCredential(record);
    if (++this.issuedSincePurge >= 1000) {
      this.issuedSincePurge = 0;
      this.store.purgeExpired(issuedAt);
    }
    return record;
  }

  /** The credentials issued under this access key id, while the role of their session exists. */
  find(accessKeyId: string): IssuedCredentialRecord | undefined {
    const record = this.store.findCredential(accessKeyId);
    if (!record || !this.roles.findRoleById(record.accountId, record.session.roleId)) return undefined;
    return record;
  }
}
