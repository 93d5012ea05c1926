import { useEffect, useRef, useState } from 'preact/hooks';
import { apiUrl, getJson, type RequestSummary } from '../api.js';
import { Decision, Status, Time } from '../components.js';
import { enc, Link, navigate } from '../router.js';

const filterNames = ['service', 'decision', 'status', 'caller'] as const;
type Filters = Record<(typeof filterNames)[number], string>;
const keep = 500;

export function RequestTable({ requests, empty }: { requests: RequestSummary[]; empty: string }) {
  if (requests.length === 0) return <p class="muted">{empty}</p>;
  return (
    <div class="scroll">
      <table class="requests">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Service</th>
            <th scope="col">Operation</th>
            <th scope="col">Caller</th>
            <th scope="col">Status</th>
            <th scope="col">Decision</th>
            <th scope="col">ms</th>
          </tr>
        </thead>
        <tbody>
          {requests.map((request) => (
            <tr key={request.seq} class={request.status >= 400 ? 'failed' : undefined}>
              <td>
                <Link to={`/requests/${enc(request.requestId)}`}>
                  <Time iso={request.time} />
                </Link>
              </td>
              <td>{request.service ?? <span class="muted">—</span>}</td>
              <td>
                {request.operation ?? ''}
                <div class="mono muted">
                  {request.method} {request.path}
                </div>
              </td>
              <td class="mono caller">{request.callerArn ?? <span class="muted">anonymous</span>}</td>
              <td>
                <Status status={request.status} />
                {request.errorCode ? <div class="muted">{request.errorCode}</div> : null}
              </td>
              <td>
                <Decision decision={request.decision} />
              </td>
              <td>{request.durationMs.toFixed(1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The server's filters (GET /_idpool/requests) applied to entries that arrive on the stream. */
function matches(request: RequestSummary, filters: Filters): boolean {
  if (filters.service && request.service !== filters.service) return false;
  if (filters.caller && !(request.callerArn ?? '').includes(filters.caller)) return false;
  if (filters.status) {
    const status = String(request.status);
    const wanted = filters.status.toLowerCase();
    if (wanted.endsWith('xx') ? status[0] !== wanted[0] : status !== wanted) return false;
  }
  if (filters.decision) {
    const wanted = filters.decision
      .split(',')
      .flatMap((d) => (d === 'denied' ? ['implicit-deny', 'explicit-deny'] : [d]));
    if (!wanted.includes(request.decision ?? '')) return false;
  }
  return true;
}

type Mode = 'connecting' | 'stream' | 'polling' | 'paused';

export function RequestsPage({ query }: { query: URLSearchParams }) {
  const filters = Object.fromEntries(filterNames.map((name) => [name, query.get(name) ?? ''])) as Filters;
  const filterKey = JSON.stringify(filters);
  const [requests, setRequests] = useState<RequestSummary[] | undefined>(undefined);
  const [error, setError] = useState<string>('');
  const [mode, setMode] = useState<Mode>('connecting');
  const [paused, setPaused] = useState(false);
  const latest = useRef(0);
  useEffect(() => {
    let live = true;
    let source: EventSource | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const add = (fresh: RequestSummary[]) => {
      if (!live || fresh.length === 0) return;
      latest.current = Math.max(latest.current, ...fresh.map((r) => r.seq));
      setRequests((old) => {
        const seen = new Set((old ?? []).map((r) => r.seq));
        const merged = [...fresh.filter((r) => !seen.has(r.seq)), ...(old ?? [])];
        return merged.sort((a, b) => b.seq - a.seq).slice(0, keep);
      });
    };
    const poll = async () => {
      try {
        const { requests: fresh } = await getJson<{ requests: RequestSummary[] }>('requests', {
          ...filters,
          after: latest.current,
          limit: 200,
        });
        add(fresh);
        setError('');
      } catch (caught) {
        if (live) setError((caught as Error).message);
      }
      if (live) timer = setTimeout(poll, 2000);
    };
    const startPolling = () => {
      if (!live) return;
      setMode('polling');
      timer = setTimeout(poll, 0);
    };
    latest.current = 0;
    setRequests(undefined);
    getJson<{ requests: RequestSummary[] }>('requests', { ...filters, limit: 200 }).then(
      ({ requests: first }) => {
        if (!live) return;
        setRequests(first);
        latest.current = Math.max(0, ...first.map((r) => r.seq));
        if (paused) return setMode('paused');
        if (typeof EventSource === 'undefined') return startPolling();
        source = new EventSource(apiUrl('requests/stream'));
        source.addEventListener('open', () => live && setMode('stream'));
        source.addEventListener('request', (event) => {
          const entry = JSON.parse((event as MessageEvent<string>).data) as RequestSummary;
          if (entry.seq > latest.current && matches(entry, filters)) add([entry]);
          else latest.current = Math.max(latest.current, entry.seq);
        });
        source.addEventListener('error', () => {
          // A stream that cannot be (re)opened: catch up with `after` and keep polling.
          if (source?.readyState === EventSource.CLOSED) {
            source = undefined;
            startPolling();
          }
        });
      },
      (caught: Error) => live && setError(caught.message),
    );
    return () => {
      live = false;
      source?.close();
      clearTimeout(timer);
    };
  }, [filterKey, paused]);

  const apply = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const params = new URLSearchParams();
    for (const name of filterNames) {
      const value = String(form.get(name) ?? '').trim();
      if (value) params.set(name, value);
    }
    const search = params.toString();
    navigate(`/requests${search ? `?${search}` : ''}`);
  };

  const modeText: Record<Mode, string> = {
    connecting: 'connecting…',
    stream: 'live (server-sent events)',
    polling: 'live (polling every 2 s)',
    paused: 'paused',
  };

  return (
    <>
      <h1>Requests</h1>
      <form class="filters" onSubmit={apply} key={filterKey} aria-label="Request filters">
        <label>
          Service
          <select name="service" value={filters.service}>
            <option value="">any</option>
            {['cognito-identity', 'sts', 'iam', 'lambda', 'apigateway', 'execute-api'].map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Decision
          <select name="decision" value={filters.decision}>
            <option value="">any</option>
            <option value="denied">denied (implicit or explicit)</option>
            {['allow', 'implicit-deny', 'explicit-deny', 'root', 'unsigned'].map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status
          <input name="status" value={filters.status} placeholder="403 or 4xx" size={8} />
        </label>
        <label>
          Caller
          <input name="caller" value={filters.caller} placeholder="ARN or part of it" />
        </label>
        <button type="submit">Filter</button>
        <Link to="/requests">Clear</Link>
      </form>
      <p class="live" role="status">
        <span class={`dot ${mode}`} aria-hidden="true" /> {paused ? 'paused' : modeText[mode]}{' '}
        <button type="button" onClick={() => setPaused(!paused)}>
          {paused ? 'Resume' : 'Pause'}
        </button>
      </p>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {requests === undefined ? (
        <p aria-busy="true">Loading…</p>
      ) : (
        <RequestTable requests={requests} empty="No request matches (the log holds the emulator's last requests)." />
      )}
    </>
  );
}
