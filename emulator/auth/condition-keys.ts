import type { Caller } from './caller.js';
import type { ContextValue, RequestPrincipal } from './policy/index.js';

interface RequestOrigin {
  sourceIp: string;
  userAgent: string;
  now: Date;
}

let lastSecond = Number.NaN;
let lastTime = '';

/** `aws:CurrentTime` as AWS writes it: ISO 8601 to the second (the last one written is kept: many share a second). */
export function currentTime(now: Date): string {
  const second = Math.floor(now.getTime() / 1000);
  if (second !== lastSecond) {
    lastSecond = second;
    lastTime = `${new Date(second * 1000).toISOString().slice(0, 19)}Z`;
  }
  return lastTime;
}

/** Who the request is from, as principal matching sees it; `anonymous` when unsigned. */
export function requestPrincipal(caller: Caller | undefined): RequestPrincipal {
  if (!caller) return { kind: 'anonymous' };
  if (caller.kind === 'root') return { kind: 'aws', arn: caller.arn, accountId: caller.accountId };
  return { kind: 'aws', arn: caller.arn, accountId: caller.accountId, roleArn: caller.session.roleArn };
}

/**
 * The global condition keys AWS sets on a signed request (IAM User Guide, "AWS global condition context keys"):
 * the origin's, and the principal's. A role session carries its role as `aws:PrincipalArn`, its session tags as
 * `aws:PrincipalTag/…`, and, when Cognito issued it, the web identity's `cognito-identity.amazonaws.com:aud`, `sub`
 * and `amr` (the keys the Cognito developer guide uses in role policies, e.g. `${cognito-identity.amazonaws.com:sub}`).
 * Plain HTTP, so `aws:SecureTransport` is false.
 */
export function globalConditionKeys(caller: Caller | undefined, origin: RequestOrigin): Record<string, ContextValue> {
  const { now } = origin;
  const context: Record<string, ContextValue> = {
    'aws:SourceIp': origin.sourceIp,
    'aws:CurrentTime': currentTime(now),
    'aws:EpochTime': Math.floor(now.getTime() / 1000),
    'aws:SecureTransport': false,
    'aws:UserAgent': origin.userAgent,
  };
  if (!caller) return context;
  context['aws:PrincipalAccount'] = caller.accountId;
  context['aws:userid'] = caller.userId;
  if (caller.kind === 'root') {
    context['aws:PrincipalArn'] = caller.arn;
    context['aws:PrincipalType'] = 'Account';
    return context;
  }
  context['aws:PrincipalArn'] = caller.session.roleArn;
  context['aws:PrincipalType'] = 'AssumedRole';
  for (const [key, value] of Object.entries(caller.session.tags ?? {})) context[`aws:PrincipalTag/${key}`] = value;
  const source = caller.session.source;
  if (source) {
    context['aws:FederatedProvider'] = 'cognito-identity.amazonaws.com';
    context['cognito-identity.amazonaws.com:aud'] = source.identityPoolId;
    context['cognito-identity.amazonaws.com:sub'] = source.identityId;
    context['cognito-identity.amazonaws.com:amr'] = source.amr;
  }
  return context;
}
