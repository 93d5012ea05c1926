import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, getJson } from './api.js';

export interface Loaded<T> {
  data?: T;
  error?: ApiError | Error;
  loading: boolean;
  reload: () => void;
}

/** GETs an API path (again whenever the path or the query changes). */
export function useApi<T>(path: string, query: Record<string, string | number | undefined> = {}): Loaded<T> {
  const key = `${path}?${JSON.stringify(query)}`;
  const [state, setState] = useState<{ key: string; data?: T; error?: Error }>({ key: '' });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    getJson<T>(path, query).then(
      (data) => live && setState({ key, data }),
      (error: Error) => live && setState({ key, error }),
    );
    return () => {
      live = false;
    };
  }, [key, tick]);
  const fresh = state.key === key;
  return {
    data: fresh || state.data ? state.data : undefined,
    error: fresh ? state.error : undefined,
    loading: !fresh,
    reload: () => setTick((n) => n + 1),
  };
}

/** Renders the loading and error states of a load, then its data. */
export function Load<T>({ load, children }: { load: Loaded<T>; children: (data: T) => ComponentChildren }) {
  if (load.error)
    return (
      <p class="error" role="alert">
        {load.error instanceof ApiError ? `${load.error.status}: ` : ''}
        {load.error.message}
      </p>
    );
  if (load.data === undefined) return <p aria-busy="true">Loading…</p>;
  return <>{children(load.data)}</>;
}

export function Time({ iso }: { iso?: string }) {
  if (!iso) return <span class="muted">—</span>;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return <span>{iso}</span>;
  return (
    <time dateTime={iso} title={iso}>
      {date
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d+Z$/, 'Z')}
    </time>
  );
}

export function Json({ value }: { value: unknown }) {
  return (
    <pre class="code">
      <code>{JSON.stringify(value, null, 2)}</code>
    </pre>
  );
}

export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [done, setDone] = useState<string>('');
  return (
    <button
      type="button"
      class="copy"
      onClick={() => {
        const copy = navigator.clipboard?.writeText(text) ?? Promise.reject(new Error('no clipboard'));
        copy.then(
          () => setDone('Copied'),
          () => setDone('Select the text and copy it'),
        );
      }}
    >
      {label}
      <span class="muted" role="status">
        {done ? ` — ${done}` : ''}
      </span>
    </button>
  );
}

export function Fields({ rows }: { rows: Array<[string, ComponentChildren]> }) {
  return (
    <dl class="fields">
      {rows.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>{value ?? <span class="muted">—</span>}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Tags({ tags, empty = 'No tags.' }: { tags: Record<string, string>; empty?: string }) {
  const entries = Object.entries(tags);
  if (entries.length === 0) return <p class="muted">{empty}</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Key</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {entries.map(([key, value]) => (
          <tr key={key}>
            <td>{key}</td>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Status({ status }: { status: number }) {
  const kind = status >= 500 ? 'bad' : status >= 400 ? 'warn' : 'ok';
  return <span class={`badge ${kind}`}>{status}</span>;
}

export function Decision({ decision }: { decision?: string }) {
  if (!decision) return <span class="muted">—</span>;
  const kind = decision.includes('deny') ? 'bad' : decision === 'unsigned' ? 'warn' : 'ok';
  return <span class={`badge ${kind}`}>{decision}</span>;
}

/** Next/previous over keyset pages: the tokens of the pages seen so far make "previous" possible. */
export function usePager(resetKey: string) {
  const [tokens, setTokens] = useState<Array<string | undefined>>([undefined]);
  const [key, setKey] = useState(resetKey);
  if (key !== resetKey) {
    setKey(resetKey);
    setTokens([undefined]);
  }
  const token = key === resetKey ? tokens[tokens.length - 1] : undefined;
  return {
    token,
    page: tokens.length,
    next: (nextToken: string) => setTokens([...tokens, nextToken]),
    previous: () => setTokens(tokens.slice(0, -1)),
  };
}

export function Pager({
  pager,
  nextToken,
  label,
}: {
  pager: ReturnType<typeof usePager>;
  nextToken?: string;
  label: string;
}) {
  return (
    <nav class="pager" aria-label={`${label} pages`}>
      <button type="button" disabled={pager.page <= 1} onClick={pager.previous}>
        ← Previous
      </button>
      <span>Page {pager.page}</span>
      <button type="button" disabled={!nextToken} onClick={() => nextToken && pager.next(nextToken)}>
        Next →
      </button>
    </nav>
  );
}
