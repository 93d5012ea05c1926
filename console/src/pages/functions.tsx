import type { FunctionSummary, LambdaFunction } from '../api.js';
import { Fields, Load, Tags, Time, useApi } from '../components.js';
import { enc, Link } from '../router.js';

export function FunctionsPage() {
  const load = useApi<{ functions: FunctionSummary[] }>('functions');
  return (
    <>
      <h1>Functions</h1>
      <Load load={load}>
        {({ functions }) =>
          functions.length === 0 ? (
            <p class="muted">No Lambda functions.</p>
          ) : (
            <div class="scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Runtime</th>
                    <th scope="col">Handler</th>
                    <th scope="col">State</th>
                    <th scope="col">Last modified</th>
                  </tr>
                </thead>
                <tbody>
                  {functions.map((fn) => (
                    <tr key={fn.arn}>
                      <td>
                        <Link to={`/functions/${enc(fn.name)}`}>{fn.name}</Link>
                      </td>
                      <td>{fn.runtime}</td>
                      <td class="mono">{fn.handler}</td>
                      <td>{fn.state}</td>
                      <td>
                        <Time iso={fn.lastModified} />
                      </td>
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

export function FunctionPage({ name }: { name: string }) {
  const load = useApi<LambdaFunction>(`functions/${enc(name)}`);
  return (
    <>
      <p class="crumbs">
        <Link to="/functions">Functions</Link> /
      </p>
      <Load load={load}>
        {(fn) => (
          <>
            <h1>{fn.name}</h1>
            <h2>Configuration</h2>
            <Fields
              rows={[
                ['ARN', <span class="mono">{fn.arn}</span>],
                ['Runtime', fn.runtime],
                ['Handler', <span class="mono">{fn.handler}</span>],
                ['Execution role', <span class="mono">{fn.role}</span>],
                ['Memory', `${fn.memorySize} MB`],
                ['Timeout', `${fn.timeout} s`],
                ['Code size', `${fn.codeSize} bytes`],
                ['State', fn.state],
                ['Last modified', <Time iso={fn.lastModified} />],
              ]}
            />
            <h3>Environment variables</h3>
            <Tags tags={fn.environment} empty="None." />
            <h2>Recent invocations</h2>
            {fn.invocations.length === 0 ? (
              <p class="muted">Not invoked since the emulator started.</p>
            ) : (
              <ol class="invocations">
                {fn.invocations.map((run) => (
                  <li key={run.requestId}>
                    <details open={run.status !== 'ok'}>
                      <summary>
                        <span class={`badge ${run.status === 'ok' ? 'ok' : 'bad'}`}>{run.status}</span>{' '}
                        <Time iso={run.time} /> · {run.durationMs.toFixed(1)} ms ·{' '}
                        <span class="mono">{run.requestId}</span>
                        {run.errorType ? (
                          <>
                            {' '}
                            · <strong>{run.errorType}</strong>: {run.errorMessage}
                          </>
                        ) : null}
                      </summary>
                      <pre class="code logs">
                        <code>{run.logs || '(no log output)'}</code>
                      </pre>
                    </details>
                  </li>
                ))}
              </ol>
            )}
          </>
        )}
      </Load>
    </>
  );
}
