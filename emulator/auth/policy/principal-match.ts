import { accountOfRootArn, isAccountId } from './arn.js';
import type { PrincipalBlock, RequestPrincipal } from './types.js';

/**
 * How a resource policy's Principal names the requester:
 * - `direct`: by itself — `"*"`, `{"AWS":"*"}`, its ARN, the role of its role session, its federated
 *   provider or service;
 * - `account`: only by its account (`"123456789012"` or `arn:aws:iam::123456789012:root`). AWS treats that as
 *   delegating to the account, whose identity policies must then also allow the request.
 */
export type PrincipalMatch = 'direct' | 'account' | 'none';

export type PrincipalEntry =
  | { type: 'everyone' }
  | { type: 'account'; accountId: string }
  | { type: 'aws-arn'; arn: string }
  | { type: 'federated'; provider: string }
  | { type: 'service'; service: string }
  | { type: 'canonical-user'; id: string };

function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export function compilePrincipalBlock(block: PrincipalBlock): PrincipalEntry[] {
  if (block === '*') return [{ type: 'everyone' }];
  const entries: PrincipalEntry[] = [];
  for (const value of asList(block.AWS)) {
    const rootAccount = accountOfRootArn(value);
    if (value === '*') entries.push({ type: 'everyone' });
    else if (isAccountId(value)) entries.push({ type: 'account', accountId: value });
    else if (rootAccount) entries.push({ type: 'account', accountId: rootAccount });
    else entries.push({ type: 'aws-arn', arn: value });
  }
  for (const provider of asList(block.Federated)) entries.push({ type: 'federated', provider });
  for (const service of asList(block.Service)) entries.push({ type: 'service', service });
  for (const id of asList(block.CanonicalUser)) entries.push({ type: 'canonical-user', id });
  return entries;
}

function entryMatch(entry: PrincipalEntry, principal: RequestPrincipal): PrincipalMatch {
  switch (entry.type) {
    case 'everyone':
      return 'direct';
    case 'account':
      if (principal.kind !== 'aws' || principal.accountId !== entry.accountId) return 'none';
      return accountOfRootArn(principal.arn) === entry.accountId ? 'direct' : 'account';
    case 'aws-arn':
      return principal.kind === 'aws' && (entry.arn === principal.arn || entry.arn === principal.roleArn)
        ? 'direct'
        : 'none';
    case 'federated':
      return principal.kind === 'federated' && principal.provider === entry.provider ? 'direct' : 'none';
    case 'service':
      return principal.kind === 'service' && principal.service === entry.service ? 'direct' : 'none';
    case 'canonical-user':
      return 'none';
  }
}

export function principalMatch(entries: readonly PrincipalEntry[], principal: RequestPrincipal): PrincipalMatch {
  let best: PrincipalMatch = 'none';
  for (const entry of entries) {
    const match = entryMatch(entry, principal);
    if (match === 'direct') return 'direct';
    if (match === 'account') best = 'account';
  }
  return best;
}

/** NotPrincipal applies to everyone it does not name, whether it names them directly or by account. */
export function notPrincipalMatch(entries: readonly PrincipalEntry[], principal: RequestPrincipal): PrincipalMatch {
  return principalMatch(entries, principal) === 'none' ? 'direct' : 'none';
}
