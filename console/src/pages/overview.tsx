import type { Overview } from '../api.js';
import { Fields, Load, Time, useApi } from '../components.js';
import { Link } from '../router.js';

export function OverviewPage() {
  const load = useApi<Overview>('overview');
  return (
    <>
      <h1>Overview</h1>
      <Load load={load}>
        {(o) => (
          <>
            <Fields
              rows={[
                ['Region', o.region],
                ['Account', o.accountId],
                ['State', o.persistent ? 'kept on disk (--data-dir)' : 'in memory'],
                ['Emulator clock', <Time iso={o.now} />],
                ['Clock offset', `${o.clockOffsetSeconds} s`],
              ]}
            />
            <h2>Resources</h2>
            <ul class="cards">
              <li>
                <Link to="/pools">{o.counts.identityPools} identity pools</Link>
              </li>
              <li>
                <Link to="/roles">{o.counts.roles} roles</Link>
              </li>
              <li>
                <Link to="/apis">{o.counts.restApis} REST APIs</Link>
              </li>
              <li>
                <Link to="/functions">{o.counts.functions} functions</Link>
              </li>
              <li>
                <Link to="/requests">{o.counts.requests} requests logged</Link>
              </li>
            </ul>
          </>
        )}
      </Load>
    </>
  );
}
