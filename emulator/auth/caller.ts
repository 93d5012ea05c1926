import type { RoleSession } from '../store/auth-store.js';

/** Who signed a request. */
export type Caller = RootCaller | RoleSessionCaller;

export interface RootCaller {
  kind: 'root';
  accountId: string;
  accessKeyId: string;
  /** `arn:aws:iam::<account>:root` */
  arn: string;
  /** GetCallerIdentity's UserId for the root user: the account id. */
  userId: string;
}

export interface RoleSessionCaller {
  kind: 'role-session';
  accountId: string;
  accessKeyId: string;
  /** The assumed-role ARN, `arn:aws:sts::<account>:assumed-role/<role>/<session>`. */
  arn: string;
  /** `<role id>:<session name>`, e.g. `AROA…:CognitoIdentityCredentials`. */
  userId: string;
  session: RoleSession;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export function rootCaller(accountId: string, accessKeyId: string): RootCaller {
  return { kind: 'root', accountId, accessKeyId, arn: `arn:aws:iam::${accountId}:root`, userId: accountId };
}
