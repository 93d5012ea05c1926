import { useState } from 'preact/hooks';
import type { ContractRun, RunResults } from '../api.js';
import { Load, Time, useApi } from '../components.js';

type Result = RunResults['targets'][number]['results'][number];

/** Contract × target, as the runner's Markdown matrix (src/reporters/matrix.ts) lays it out. */
function Matrix({ results }: { results: RunResults }) {
  const rows = new Map<string, { id: string; title: string; status: string; cells: Array<Result | undefined> }>();
  results.targets.forEach((run, column) => {
    for (const result of run.results) {
      const row = rows.get(result.id) ?? {
        id: result.id,
        title: result.title,
        status: result.status,
        cells: results.targets.map(() => undefined),
      };
      row.cells[column] = result;
      rows.set(result.id, row);
    }
  });
  return (
    <div class="scroll">
      <table class="matrix">
        <thead>
          <tr>
            <th scope="col">Contract</th>
            <th scope="col">Evidence</th>
            {results.targets.map((run) => (
              <th scope="col" key={run.target}>
                {run.target}
                {run.summary ? (
                  <div class="muted">
                    {run.summary.passed} pass · {run.summary.failed} fail · {run.summary['not-run']} not run
                  </div>
                ) : null}
                {run.state !== 'ran' ? <div class="muted">{run.reason ?? run.state}</div> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...rows.values()].map((row) => (
            <tr key={row.id}>
              <th scope="row">
                {row.title}
                <div class="mono muted">{row.id}</div>
              </th>
              <td>{row.status}</td>
              {row.cells.map((cell, column) => (
                <td key={results.targets[column].target} class={`cell ${cell?.verdict ?? 'not-run'}`}>
                  {!cell ? (
                    <span class="muted">
                      not run: {results.targets[column].reason ?? results.targets[column].state}
                    </span>
                  ) : cell.verdict === 'passed' ? (
                    'pass'
                  ) : cell.verdict === 'failed' ? (
                    <>
                      <strong>FAIL</strong>
                      <ul class="plain">
                        {cell.differences.map((d) => (
                          <li key={d}>{d}</li>
                        ))}
                      </ul>
                    </>
                  ) : (
                    <span class="muted">not run: {cell.reason ?? ''}</span>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Run({ run }: { run: { id: string; receivedAt?: string; results: RunResults } }) {
  return (
    <section aria-label={`Run ${run.id}`}>
      <h2>
        Run <Time iso={run.results.startedAt ?? run.receivedAt} />
        {run.results.version ? <span class="muted"> · idpool {run.results.version}</span> : null}
        {run.results.interrupted ? <span class="badge bad">interrupted</span> : null}
      </h2>
      {run.results.targets?.length ? <Matrix results={run.results} /> : <p class="muted">No target in this run.</p>}
    </section>
  );
}

export function RunsPage() {
  const load = useApi<{ runs: ContractRun[] }>('runs');
  const [local, setLocal] = useState<{ name: string; results?: RunResults; error?: string }>();
  return (
    <>
      <h1>Contract runs</h1>
      <p>
        Runs posted by <code>idpool contracts run --report-to &lt;emulator url&gt;</code> (the last 20, kept in memory),
        or open a <code>results.json</code> (<code>--reporter json</code>) from disk; it is read in this page only.
      </p>
      <p>
        <label for="results-file">Open a results.json </label>
        <input
          id="results-file"
          type="file"
          accept="application/json,.json"
          onChange={async (event) => {
            const file = (event.target as HTMLInputElement).files?.[0];
            if (!file) return;
            try {
              const results = JSON.parse(await file.text()) as RunResults;
              if (!Array.isArray(results.targets)) throw new Error('no "targets": not a --reporter json document');
              setLocal({ name: file.name, results });
            } catch (error) {
              setLocal({ name: file.name, error: (error as Error).message });
            }
          }}
        />
      </p>
      {local?.error ? (
        <p class="error" role="alert">
          {local.name}: {local.error}
        </p>
      ) : null}
      {local?.results ? <Run run={{ id: local.name, results: local.results }} /> : null}
      <Load load={load}>
        {({ runs }) =>
          runs.length === 0 && !local ? (
            <p class="muted">No run reported to this emulator yet.</p>
          ) : (
            runs.map((run) => <Run key={run.id} run={run} />)
          )
        }
      </Load>
    </>
  );
}
