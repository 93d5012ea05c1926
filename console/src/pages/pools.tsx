import { useState } from 'preact/hooks';
import type { Identity, IdentitySummary, Login, Pool, PoolSummary } from '../api.js';
import { Fields, Json, Load, Pager, Tags, Time, useApi, usePager } from '../components.js';
import { enc, Link, navigate } from '../router.js';
import { RequestTable } from './requests.js';

export function PoolsPage() {
  const pager = usePager('pools');
  const load = useApi<{ pools: PoolSummary[]; nextToken?: string }>('pools', { nextToken: pager.token });
  return (
    <>
      <h1>Identity pools</h1>
      <Load load={load}>
        {({ pools, nextToken }) => (
          <>
            {pools.length === 0 ? (
              <p class="muted">No identity pools. `idpool up` or `idpool seed` creates the seed stack.</p>
            ) : (
              <div class="scroll">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Identity pool ID</th>
                      <th scope="col">Developer provider</th>
                      <th scope="col">Guest access</th>
                      <th scope="col">Identities</th>
                    </tr>
                  </thead>
                  <tbody>
                    {pools.map((pool) => (
                      <tr key={pool.id}>
                        <td>
                          <Link to={`/pools/${enc(pool.id)}`}>{pool.name}</Link>
                        </td>
                        <td class="mono">{pool.id}</td>
                        <td>{pool.developerProviderName ?? <span class="muted">—</span>}</td>
                        <td>{pool.allowUnauthenticated ? 'enabled' : 'off'}</td>
                        <td>{pool.identityCount}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <Pager pager={pager} nextToken={nextToken} label="Identity pools" />
          </>
        )}
      </Load>
    </>
  );
}

function RoleLink({ arn }: { arn?: string }) {
  if (!arn) return <span class="muted">none</span>;
  const name = arn.slice(arn.lastIndexOf('/') + 1);
  return (
    <>
      <Link to={`/roles/${enc(name)}`}>{name}</Link> <span class="mono muted">{arn}</span>
    </>
  );
}

export function PoolPage({ poolId, query }: { poolId: string; query: URLSearchParams }) {
  const load = useApi<Pool>(`pools/${enc(poolId)}`);
  return (
    <>
      <p class="crumbs">
        <Link to="/pools">Identity pools</Link> /
      </p>
      <Load load={load}>
        {(pool) => (
          <>
            <h1>{pool.name}</h1>
            <section aria-labelledby="pool-details">
              <h2 id="pool-details">Identity pool details</h2>
              <Fields
                rows={[
                  ['Identity pool ID', <span class="mono">{pool.id}</span>],
                  ['ARN', <span class="mono">{pool.arn}</span>],
                  ['Developer provider name', pool.developerProviderName],
                  ['Guest (unauthenticated) access', pool.allowUnauthenticated ? 'enabled' : 'off'],
                  ['Basic (classic) authflow', pool.allowClassicFlow ? 'enabled' : 'off'],
                  ['Identities', pool.identityCount],
                ]}
              />
            </section>
            <section aria-labelledby="pool-roles">
              <h2 id="pool-roles">Roles</h2>
              <Fields
                rows={[
                  ['Authenticated role', <RoleLink arn={pool.roles.authenticated} />],
                  ['Unauthenticated (guest) role', <RoleLink arn={pool.roles.unauthenticated} />],
                ]}
              />
              <h3>Role mappings</h3>
              {Object.keys(pool.roleMappings).length === 0 ? (
                <p class="muted">None: every identity gets the default roles.</p>
              ) : (
                <Json value={pool.roleMappings} />
              )}
            </section>
            <section aria-labelledby="pool-providers">
              <h2 id="pool-providers">Identity providers</h2>
              <Fields
                rows={[
                  ['Developer provider', pool.developerProviderName],
                  [
                    'Supported login providers',
                    Object.keys(pool.supportedLoginProviders).length
                      ? Object.entries(pool.supportedLoginProviders)
                          .map(([p, id]) => `${p}: ${id}`)
                          .join(', ')
                      : undefined,
                  ],
                  [
                    'OpenID Connect providers',
                    pool.openIdConnectProviderArns.length ? pool.openIdConnectProviderArns.join(', ') : undefined,
                  ],
                ]}
              />
            </section>
            <section aria-labelledby="pool-tags">
              <h2 id="pool-tags">Tags</h2>
              <Tags tags={pool.tags} />
            </section>
            <IdentityBrowser pool={pool} search={query.get('search') ?? ''} />
          </>
        )}
      </Load>
    </>
  );
}

function Logins({ logins }: { logins: Login[] }) {
  if (logins.length === 0) return <span class="muted">none (guest)</span>;
  return (
    <ul class="plain">
      {logins.map((login) => (
        <li key={`${login.provider}:${login.userIdentifier}`}>
          <span class="muted">{login.provider}</span> <span class="mono">{login.userIdentifier}</span>
        </li>
      ))}
    </ul>
  );
}

function IdentityBrowser({ pool, search }: { pool: Pool; search: string }) {
  const [text, setText] = useState(search);
  const pager = usePager(`${pool.id}|${search}`);
  const load = useApi<{ identities: IdentitySummary[]; nextToken?: string }>(`pools/${enc(pool.id)}/identities`, {
    search: search || undefined,
    nextToken: pager.token,
    limit: 25,
  });
  return (
    <section aria-labelledby="identity-browser">
      <h2 id="identity-browser">Identity browser</h2>
      <form
        class="inline"
        onSubmit={(event) => {
          event.preventDefault();
          const value = text.trim();
          navigate(`/pools/${enc(pool.id)}${value ? `?search=${enc(value)}` : ''}`);
        }}
      >
        <label for="identity-search">Identity ID or developer user ID</label>
        <input
          id="identity-search"
          type="search"
          value={text}
          placeholder="us-east-1:… or a user id (prefix works)"
          onInput={(event) => setText((event.target as HTMLInputElement).value)}
        />
        <button type="submit">Search</button>
      </form>
      <Load load={load}>
        {({ identities, nextToken }) => (
          <>
            {identities.length === 0 ? (
              <p class="muted">{search ? `No identity matches “${search}”.` : 'No identities yet.'}</p>
            ) : (
              <div class="scroll">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Identity ID</th>
                      <th scope="col">Linked logins</th>
                      <th scope="col">Created</th>
                      <th scope="col">Last modified</th>
                      <th scope="col">Status</th>
                    </tr>
                  </thead>
                  <tbody>
                    {identities.map((identity) => (
                      <tr key={identity.identityId}>
                        <td class="mono nowrap">
                          <Link to={`/identities/${enc(identity.identityId)}`}>{identity.identityId}</Link>
                        </td>
                        <td>
                          <Logins logins={identity.logins} />
                        </td>
                        <td>
                          <Time iso={identity.createdAt} />
                        </td>
                        <td>
                          <Time iso={identity.lastModifiedAt} />
                        </td>
                        <td>{identity.disabled ? 'disabled' : 'enabled'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <Pager pager={pager} nextToken={nextToken} label="Identities" />
          </>
        )}
      </Load>
    </section>
  );
}

export function IdentityPage({ identityId }: { identityId: string }) {
  const load = useApi<Identity>(`identities/${enc(identityId)}`);
  return (
    <Load load={load}>
      {(identity) => (
        <>
          <p class="crumbs">
            <Link to="/pools">Identity pools</Link> /{' '}
            <Link to={`/pools/${enc(identity.poolId)}`}>{identity.poolId}</Link> /
          </p>
          <h1 class="mono">{identity.identityId}</h1>
          <Fields
            rows={[
              ['Identity pool', <Link to={`/pools/${enc(identity.poolId)}`}>{identity.poolId}</Link>],
              ['Created', <Time iso={identity.createdAt} />],
              ['Last modified', <Time iso={identity.lastModifiedAt} />],
              ['Status', identity.disabled ? 'disabled' : 'enabled'],
            ]}
          />
          <h2>Linked logins</h2>
          <Logins logins={identity.logins} />
          <h2>Recent requests</h2>
          <RequestTable requests={identity.recentRequests} empty="No request made with this identity's credentials." />
        </>
      )}
    </Load>
  );
}
