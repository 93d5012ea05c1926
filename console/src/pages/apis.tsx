import type { ApiSummary, RestApi } from '../api.js';
import { CopyButton, Fields, Load, Time, useApi } from '../components.js';
import { enc, Link } from '../router.js';

export function ApisPage() {
  const load = useApi<{ apis: ApiSummary[] }>('apis');
  return (
    <>
      <h1>REST APIs</h1>
      <Load load={load}>
        {({ apis }) =>
          apis.length === 0 ? (
            <p class="muted">No REST APIs.</p>
          ) : (
            <div class="scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">ID</th>
                    <th scope="col">Created</th>
                    <th scope="col">Stages</th>
                  </tr>
                </thead>
                <tbody>
                  {apis.map((api) => (
                    <tr key={api.id}>
                      <td>
                        <Link to={`/apis/${enc(api.id)}`}>{api.name}</Link>
                      </td>
                      <td class="mono">{api.id}</td>
                      <td>
                        <Time iso={api.createdAt} />
                      </td>
                      <td>{api.stages.join(', ') || <span class="muted">not deployed</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Load>
    </>
  );
}

export function ApiPage({ apiId }: { apiId: string }) {
  const load = useApi<RestApi>(`apis/${enc(apiId)}`);
  return (
    <>
      <p class="crumbs">
        <Link to="/apis">APIs</Link> /
      </p>
      <Load load={load}>
        {(api) => {
          const resources = [...api.resources].sort((a, b) => a.path.localeCompare(b.path));
          return (
            <>
              <h1>{api.name}</h1>
              <Fields
                rows={[
                  ['API ID', <span class="mono">{api.id}</span>],
                  ['Description', api.description],
                  ['Created', <Time iso={api.createdAt} />],
                  ['Endpoint type', api.endpointTypes.join(', ')],
                ]}
              />
              <h2>Resources</h2>
              <ul class="tree" aria-label="Resource tree">
                {resources.map((resource) => {
                  const depth = resource.path === '/' ? 0 : resource.path.split('/').length - 1;
                  return (
                    <li key={resource.id} style={{ '--depth': depth }}>
                      <span class="mono strong">{resource.path}</span>
                      {resource.methods.length ? (
                        <table class="methods">
                          <thead>
                            <tr>
                              <th scope="col">Method</th>
                              <th scope="col">Authorization</th>
                              <th scope="col">API key</th>
                              <th scope="col">Integration</th>
                            </tr>
                          </thead>
                          <tbody>
                            {resource.methods.map((method) => (
                              <tr key={method.httpMethod}>
                                <td class="mono strong">{method.httpMethod}</td>
                                <td>
                                  <span class={`badge ${method.authorizationType === 'NONE' ? 'warn' : ''}`}>
                                    {method.authorizationType}
                                  </span>
                                </td>
                                <td>{method.apiKeyRequired ? 'required' : 'no'}</td>
                                <td>
                                  {method.integration ? (
                                    <>
                                      {method.integration.type}
                                      {method.integration.functionName ? (
                                        <>
                                          {' → '}
                                          <Link to={`/functions/${enc(method.integration.functionName)}`}>
                                            {method.integration.functionName}
                                          </Link>
                                        </>
                                      ) : method.integration.uri ? (
                                        <div class="mono muted">{method.integration.uri}</div>
                                      ) : null}
                                    </>
                                  ) : (
                                    <span class="muted">none</span>
                                  )}
                                </td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
              <h2>Stages</h2>
              {api.stages.length === 0 ? <p class="muted">Not deployed: no stage to invoke.</p> : null}
              {api.stages.map((stage) => (
                <section key={stage.name} aria-labelledby={`stage-${stage.name}`}>
                  <h3 id={`stage-${stage.name}`}>{stage.name}</h3>
                  <Fields
                    rows={[
                      ['Deployment', <span class="mono">{stage.deploymentId}</span>],
                      ['Created', <Time iso={stage.createdAt} />],
                      ['Invoke URL', <span class="mono">{stage.invokeUrls.localhost}</span>],
                      ['Invoke URL (path form)', <span class="mono">{stage.invokeUrls.path}</span>],
                    ]}
                  />
                  {Object.entries(api.curl[stage.name] ?? {}).flatMap(([path, methods]) =>
                    Object.entries(methods).map(([method, line]) => (
                      <div class="curl" key={`${path} ${method}`}>
                        <p>
                          <span class="mono strong">{method}</span> <span class="mono">{path}</span>
                          {line.includes('--aws-sigv4')
                            ? ', signed with the credentials in your environment:'
                            : ' (no authorization):'}
                        </p>
                        <pre class="code wrap">
                          <code>{line}</code>
                        </pre>
                        <CopyButton text={line} />
                      </div>
                    )),
                  )}
                </section>
              ))}
              <h2>Deployments</h2>
              {api.deployments.length === 0 ? (
                <p class="muted">None.</p>
              ) : (
                <table>
                  <thead>
                    <tr>
                      <th scope="col">ID</th>
                      <th scope="col">Created</th>
                      <th scope="col">Description</th>
                    </tr>
                  </thead>
                  <tbody>
                    {api.deployments.map((deployment) => (
                      <tr key={deployment.id}>
                        <td class="mono">{deployment.id}</td>
                        <td>
                          <Time iso={deployment.createdAt} />
                        </td>
                        <td>{deployment.description ?? <span class="muted">—</span>}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          );
        }}
      </Load>
    </>
  );
}
