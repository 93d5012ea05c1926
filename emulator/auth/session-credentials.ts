import { randomSlice } from '../random-bytes.js';
import type { Clock } from '../clock.js';
import type { AuthStore, IssuedCredentialRecord, RoleSession } from '../store/auth-store.js';

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
 */
export class SessionCredentials {
  private issuedSincePurge = 0;

  constructor(
    private readonly store: AuthStore,
    private readonly clock: Clock,
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

  find(accessKeyId: string): IssuedCredentialRecord | undefined {
    return this.store.findCredential(accessKeyId);
  }
}
