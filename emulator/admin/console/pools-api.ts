import { partitionOf } from '../../partition.js';
import type { EmulatorRuntime } from '../../runtime.js';
import type { IdentityPoolRecord } from '../../store/cognito-pools.js';
import type { ConsoleIdentity } from '../../store/console-queries.js';
import { decodeToken, encodeToken, isRecord, iso, limitOf, notFound } from './console-http.js';
import { consoleState } from './console-state.js';
import { requestSummary } from './requests-api.js';

function poolSummary(runtime: EmulatorRuntime, pool: IdentityPoolRecord): object {
  return {
    id: pool.poolId,
    name: pool.name,
    developerProviderName: pool.developerProviderName,
    allowUnauthenticated: pool.allowUnauthenticatedIdentities,
    allowClassicFlow: pool.allowClassicFlow ?? false,
    identityCount: consoleState(runtime).queries.identityCount(pool.seq),
  };
}

function requirePool(runtime: EmulatorRuntime, poolId: string): IdentityPoolRecord {
  const pool = runtime.cognito.pools.find(poolId);
  if (!pool) throw notFound(`No identity pool ${poolId}`);
  return pool;
}

/** `GET api/pools`: in creation order. */
export function listPools(runtime: EmulatorRuntime, query: URLSearchParams): object {
  const limit = limitOf(query);
  const after = decodeToken(query, (value): value is { s: number } => isRecord(value) && Number.isSafeInteger(value.s));
  const page = consoleState(runtime).queries.poolPage(after?.s ?? 0, limit);
  const pools = page.flatMap(({ poolId }) => {
    const pool = runtime.cognito.pools.find(poolId);
    return pool ? [poolSummary(runtime, pool)] : [];
  });
  const last = page[page.length - 1];
  return { pools, nextToken: page.length === limit && last ? encodeToken({ s: last.seq }) : undefined };
}

/** `GET api/pools/:poolId`: as the console of AWS shows a pool. */
export function describePool(runtime: EmulatorRuntime, poolId: string): object {
  const pool = requirePool(runtime, poolId);
  const partition = partitionOf(pool.region);
  return {
    id: pool.poolId,
    name: pool.name,
    arn: `arn:${partition}:cognito-identity:${pool.region}:${pool.accountId}:identitypool/${pool.poolId}`,
    developerProviderName: pool.developerProviderName,
    allowUnauthenticated: pool.allowUnauthenticatedIdentities,
    allowClassicFlow: pool.allowClassicFlow ?? false,
    supportedLoginProviders: pool.supportedLoginProviders,
    openIdConnectProviderArns: pool.openIdConnectProviderArns,
    roles: { authenticated: pool.roles.authenticated, unauthenticated: pool.roles.unauthenticated },
    roleMappings: pool.roleMappings,
    tags: pool.tags,
    identityCount: consoleState(runtime).queries.identityCount(pool.seq),
  };
}

function identityOf(identity: ConsoleIdentity): object {
  return {
    identityId: identity.identityId,
    logins: identity.logins,
    createdAt: iso(identity.createdAt),
    lastModifiedAt: iso(identity.lastModifiedAt),
    disabled: identity.disabled,
  };
}

/** Where a search's next page starts: in identity-id order, or in the logins of the i-th provider. */
type SearchPosition = { s: number } | { id: string } | { p: number; l: string };

function isPosition(value: unknown): value is SearchPosition {
  if (!isRecord(value)) return false;
  if ('s' in value) return Number.isSafeInteger(value.s);
  if ('id' in value) return typeof value.id === 'string';
  return Number.isSafeInteger(value.p) && typeof value.l === 'string';
}

/**
 * `GET api/pools/:poolId/identities`: the pool's identities in creation order; with `search`, the identity of that
 * id, else those linked to that login (any provider), else those whose id (the region may be left out) or login
 * starts with it. Every page is a keyset read of an index.
 */
export function listIdentities(runtime: EmulatorRuntime, poolId: string, query: URLSearchParams): object {
  const pool = requirePool(runtime, poolId);
  const { queries } = consoleState(runtime);
  const limit = limitOf(query);
  const position = decodeToken(query, isPosition);
  const search = (query.get('search') ?? '').trim().slice(0, 1000);
  const page = (identities: ConsoleIdentity[], next?: SearchPosition) => ({
    identities: identities.map(identityOf),
    nextToken: next && encodeToken(next),
  });
  if (search === '' || (position && 's' in position)) {
    const after = position && 's' in position ? position.s : 0;
    const identities = queries.identityPage(pool.seq, after, limit);
    const last = identities[identities.length - 1];
    return page(identities, identities.length === limit && last ? { s: last.seq } : undefined);
  }
  const providers = queries.providers(pool.seq);
  if (!position) {
    const exact = queries.identityById(pool.seq, search);
    if (exact.length > 0) return page(exact);
    const byLogin = providers.flatMap((provider) =>
      queries.identitiesByLogin(pool.seq, provider, search, { exact: true, afterLogin: '', limit }),
    );
    if (byLogin.length > 0) return page(byLogin.map((found) => found.identity));
  }
  const idPrefix = search.includes(':') ? search : `${pool.region}:${search}`;
  const found: ConsoleIdentity[] = [];
  const seen = new Set<number>();
  const add = (identity: ConsoleIdentity) => {
    if (!seen.has(identity.seq)) found.push(identity);
    seen.add(identity.seq);
  };
  let providerIndex = 0;
  let afterLogin = '';
  if (!position || 'id' in position) {
    const byId = queries.identitiesByIdPrefix(
      pool.seq,
      idPrefix,
      position && 'id' in position ? position.id : '',
      limit,
    );
    for (const identity of byId) add(identity);
    const last = byId[byId.length - 1];
    if (byId.length === limit && last) return page(found, { id: last.identityId });
  } else {
    providerIndex = position.p;
    afterLogin = position.l;
  }
  for (; providerIndex < providers.length; providerIndex++, afterLogin = '') {
    const want = limit - found.length;
    const provider = providers[providerIndex] as string;
    const byLogin = queries.identitiesByLogin(pool.seq, provider, search, { exact: false, afterLogin, limit: want });
    for (const { identity } of byLogin) add(identity);
    const last = byLogin[byLogin.length - 1];
    if (byLogin.length === want && last) return page(found, { p: providerIndex, l: last.login });
  }
  return page(found);
}

/** `GET api/identities/:identityId`: its logins and the requests its sessions made. */
export function describeIdentity(runtime: EmulatorRuntime, identityId: string): object {
  const identity = consoleState(runtime).queries.identity(identityId);
  if (!identity) throw notFound(`No identity ${identityId}`);
  const recent = runtime.requests.entries({ identityId, limit: 50 });
  return {
    identityId: identity.identityId,
    poolId: identity.poolId,
    logins: identity.logins,
    createdAt: iso(identity.createdAt),
    lastModifiedAt: iso(identity.lastModifiedAt),
    disabled: identity.disabled,
    recentRequests: recent.map(requestSummary),
  };
}
