import type { Role, RoleSummary } from '../api.js';
import { Fields, Json, Load, Pager, Tags, Time, useApi, usePager } from '../components.js';
import { enc, Link } from '../router.js';

export function RolesPage() {
  const pager = usePager('roles');
  const load = useApi<{ roles: RoleSummary[]; nextToken?: string }>('roles', { nextToken: pager.token });
  return (
    <>
      <h1>Roles</h1>
      <Load load={load}>
        {({ roles, nextToken }) => (
          <>
            {roles.length === 0 ? (
              <p class="muted">No roles.</p>
            ) : (
              <div class="scroll">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Role name</th>
                      <th scope="col">ARN</th>
                      <th scope="col">Created</th>
                      <th scope="col">Used by pools</th>
                    </tr>
                  </thead>
                  <tbody>
                    {roles.map((role) => (
                      <tr key={role.arn}>
                        <td>
                          <Link to={`/roles/${enc(role.name)}`}>{role.name}</Link>
                          {role.description ? <div class="muted">{role.description}</div> : null}
                        </td>
                        <td class="mono">{role.arn}</td>
                        <td>
                          <Time iso={role.createdAt} />
                        </td>
                        <td>
                          {role.usedByPools.length === 0 ? (
                            <span class="muted">—</span>
                          ) : (
                            role.usedByPools.map((id) => (
                              <div key={id}>
                                <Link to={`/pools/${enc(id)}`}>{id}</Link>
                              </div>
                            ))
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <Pager pager={pager} nextToken={nextToken} label="Roles" />
          </>
        )}
      </Load>
    </>
  );
}

export function RolePage({ roleName }: { roleName: string }) {
  const load = useApi<Role>(`roles/${enc(roleName)}`);
  return (
    <>
      <p class="crumbs">
        <Link to="/roles">Roles</Link> /
      </p>
      <Load load={load}>
        {(role) => (
          <>
            <h1>{role.name}</h1>
            <Fields
              rows={[
                ['ARN', <span class="mono">{role.arn}</span>],
                ['Role ID', <span class="mono">{role.roleId}</span>],
                ['Path', role.path],
                ['Created', <Time iso={role.createdAt} />],
                ['Description', role.description],
                ['Maximum session duration', `${role.maxSessionDuration} s`],
              ]}
            />
            <h2>Used by identity pools</h2>
            {role.usedByPools.length === 0 ? (
              <p class="muted">No identity pool gives out this role.</p>
            ) : (
              <ul>
                {role.usedByPools.map((use) => (
                  <li key={`${use.poolId}:${use.as}`}>
                    <Link to={`/pools/${enc(use.poolId)}`}>{use.name}</Link> <span class="mono">{use.poolId}</span>, as
                    its {use.as} role
                  </li>
                ))}
              </ul>
            )}
            <h2>Trust policy</h2>
            <Json value={role.trustPolicy} />
            <h2>Permissions policies</h2>
            {role.inlinePolicies.length + role.attachedPolicies.length === 0 ? (
              <p class="muted">None: this role may do nothing (every call is an implicit deny).</p>
            ) : null}
            {role.inlinePolicies.map((policy) => (
              <section key={`inline:${policy.name}`} aria-label={`Inline policy ${policy.name}`}>
                <h3>
                  {policy.name} <span class="badge">inline</span>
                </h3>
                <Json value={policy.document} />
              </section>
            ))}
            {role.attachedPolicies.map((policy) => (
              <section key={`attached:${policy.arn}`} aria-label={`Attached policy ${policy.name}`}>
                <h3>
                  {policy.name} <span class="badge">attached</span> <span class="mono muted">{policy.arn}</span>
                </h3>
                <Json value={policy.document} />
              </section>
            ))}
            <h2>Tags</h2>
            <Tags tags={role.tags} />
            <h2>Recent sessions</h2>
            {role.recentSessions.length === 0 ? (
              <p class="muted">No session of this role has made a request yet.</p>
            ) : (
              <div class="scroll">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Session</th>
                      <th scope="col">Identity</th>
                      <th scope="col">Last seen</th>
                      <th scope="col">Requests</th>
                    </tr>
                  </thead>
                  <tbody>
                    {role.recentSessions.map((session) => (
                      <tr key={session.arn}>
                        <td>
                          <Link to={`/requests?caller=${enc(session.arn)}`}>{session.sessionName}</Link>
                          <div class="mono muted">{session.arn}</div>
                        </td>
                        <td class="mono">
                          {session.identityId ? (
                            <Link to={`/identities/${enc(session.identityId)}`}>{session.identityId}</Link>
                          ) : (
                            <span class="muted">—</span>
                          )}
                        </td>
                        <td>
                          <Time iso={session.lastSeen} />
                        </td>
                        <td>{session.requests}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </Load>
    </>
  );
}
